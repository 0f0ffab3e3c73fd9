"""Which elements sit in page furniture (furniture.in_furniture), whatever order the readers ask in."""

from __future__ import annotations

import random

import lxml.html
import pytest
from lxml import etree

from newsarchive.extraction.furniture import in_furniture
from newsarchive.extraction.parsing import parse_html

PAGE = """<html><body>
<header id="masthead"><span id="logo">Le Journal</span></header>
<nav><ul><li><a id="nav-link">Rubrique</a></li></ul></nav>
<main><article><h1 id="headline">Titre</h1><p id="body-text">Texte</p>
  <footer><span id="article-footer">Par Léa Roy</span></footer></article>
  <aside><article><h2><a id="teaser-link">Un autre article</a></h2><footer><time id="teaser-time">hier</time></footer>
  </article></aside>
  <div class="related-posts"><div><p id="related-text">À lire aussi</p></div></div>
</main>
<div class="site-footer"><div><p id="footer-text">© Le Journal</p></div></div>
<footer><div><span id="page-footer">Contact</span></div></footer>
<div><div><p id="plain">Un bloc sans nom</p></div></div>
<div itemprop="articleBody" class="content-body inline-promos"><p id="declared-body-text">Texte</p>
  <div class="promo"><p id="promo-text">Abonnez-vous</p></div></div>
<div id="comments"><article><p id="comment-text">Un commentaire</p></article></div>
<div class="promotion-sante"><p id="section-date">Publié le 12 mars 2024</p>
  <p>Le centre social organise une journée de dépistage gratuite pour tous les habitants du quartier, samedi.</p>
  <p>Les infirmières de la maison de santé accueilleront le public sans rendez-vous de 9 heures à midi.</p></div>
<div class="post hentry"><h3>Un billet</h3><div class="post-footer"><a id="entry-footer-label">lac</a></div></div>
<div class="sidebar"><div class="post hentry"><div class="post-footer"><a id="sidebar-entry-label">lac</a></div></div></div>
<div class="site-footer"><div class="hentry"><span id="footer-entry-text">Billet</span></div></div>
<div><h3>Un billet sans article</h3><div class="post-footer"><a id="post-footer-label">lac</a></div>
  <div class="entry__footer"><a id="entry-footer-tag">lac</a></div></div>
<div class="footer-posts"><a id="footer-posts-link">Un autre billet</a></div>
</body></html>"""

EXPECTED = {
    "logo": False, "nav-link": True, "headline": False, "body-text": False, "article-footer": False,
    "teaser-link": True, "teaser-time": True, "related-text": True, "footer-text": True, "page-footer": True,
    "plain": False, "comment-text": True, "declared-body-text": False, "promo-text": True,
    # "promotion-sante", a town hall's section (health promotion) that holds the text, is no promotion's box
    "section-date": False,
    # an hAtom entry is an article: its footer is its own, unless the entry is in furniture
    "entry-footer-label": False, "sidebar-entry-label": True, "footer-entry-text": True,
    # a block named a post's or an entry's footer is the article's, wherever it is; the page's footer is furniture
    "post-footer-label": False, "entry-footer-tag": False, "footer-posts-link": True,
}


@pytest.mark.parametrize("order", ["page", "reversed", "shuffled"])
def test_furniture_does_not_depend_on_the_order_of_the_questions(order):
    doc = lxml.html.document_fromstring(PAGE)
    elements = list(doc.iter())
    if order == "reversed":
        elements.reverse()
    elif order == "shuffled":
        random.Random(9).shuffle(elements)
    answers = [(element, in_furniture(element)) for element in elements]
    assert {element.get("id"): answer for element, answer in answers if element.get("id") in EXPECTED} == EXPECTED
    assert all(in_furniture(element) == answer for element, answer in answers)


def test_a_layout_s_wrapper_named_for_its_sidebar_that_holds_the_headline_is_no_furniture():
    """A theme's wrapper of the page's content named for the sidebar beside it (``cs-site-content cs-sidebar-enabled
    cs-sidebar-right``) holds the headline and the byline: no sidebar. The sidebar in it stays furniture, and so does
    an ``<aside>`` holding an ``<h1>`` (a site's title in its side column)."""
    doc = lxml.html.document_fromstring(
        "<html><body><div class='cs-site-content cs-sidebar-enabled cs-sidebar-right'><div class='cs-entry__header'>"
        "<h1>Le budget voté</h1></div><div class='cs-entry__infobar'><span id='byline'>par Léa Roy</span></div>"
        "<div class='cs-sidebar__inner'><span id='widget'>Archives</span></div></div>"
        "<aside><h1>Le Journal</h1><span id='aside-text'>Archives</span></aside></body></html>"
    )
    assert [in_furniture(doc.get_element_by_id(name)) for name in ("byline", "widget", "aside-text")] \
        == [False, True, True]


def test_a_footer_above_an_element_counts_however_high_it_is():
    doc = lxml.html.document_fromstring(PAGE)
    footer_span = doc.get_element_by_id("page-footer")
    assert in_furniture(footer_span.getparent()) and in_furniture(footer_span)


def test_another_story_s_card_is_told_once_for_all_the_elements_in_it(monkeypatch):
    """Thousands of elements classed as a byline or a date in one ``<article>``: whether it is another story's card
    (its text read whole) is asked once for all of them."""
    import newsarchive.extraction.furniture as furniture

    asked = []
    told = furniture.is_story_card
    monkeypatch.setattr(furniture, "is_story_card", lambda element: asked.append(element) or told(element))
    doc = lxml.html.fromstring("<div><article><h2>Un autre article</h2>" + "<p class='byline'>Par Léa</p>" * 50
                               + "</article><article><h1 id='own'>Le titre</h1><p class='byline'>Par Paul</p>"
                               "</article></div>")
    cards: dict = {}
    headline = doc.get_element_by_id("own")
    answers = [furniture.in_other_story(paragraph, headline, cards) for paragraph in doc.iter("p")]
    assert answers == [True] * 50 + [False]
    assert len(asked) == 2  # one question for each <article>


def test_a_block_named_like_a_promotion_is_read_once_whatever_is_asked_below_it(monkeypatch):
    """A thousand nested blocks classed ``promo-box`` (a promotion's box holds no text), each element below them
    asked about as the fields' readers ask: whether each block holds text is read once (it was read again for every
    question, its whole subtree each time: 25 s for the page); a town hall's ``promotion-sante`` section that holds
    the text is no furniture."""
    import newsarchive.extraction.furniture as furniture

    asked = []
    holds_text = furniture.holds_text
    monkeypatch.setattr(furniture, "holds_text", lambda element: asked.append(element) or holds_text(element))
    long_line = "Le centre social organise une journée de dépistage gratuite pour tous les habitants du quartier."
    doc = parse_html(
        "<html><body>" + "<div class='promo-box'>" * 1000 + "<p id='date'>Publié le 12 mars 2024</p>" + "</div>" * 1000
        + f"<div class='promotion-sante'><div id='section'><p>{long_line}</p><p>{long_line}</p></div></div>"
        + "</body></html>")
    elements = list(doc.iter())
    answers = [(furniture.in_furniture(element), furniture.in_article_aside(element)) for element in elements]
    date, section = doc.xpath("//*[@id='date']")[0], doc.xpath("//*[@id='section']")[0]
    assert furniture.in_furniture(date) and not furniture.in_furniture(section) and len(answers) == len(elements)
    assert len(asked) == len(set(asked)) == 1001  # each block once


@pytest.mark.parametrize("seed", range(5))
def test_a_block_holds_text_as_its_paragraphs_say(seed):
    """``holds_text``, told for the whole page in one pass, says what the blocks' paragraphs say: two lines of more
    than 80 characters below the block (<p>s, or text written in a <div>), or one of more than 200 outside figures."""
    from lxml import etree

    from newsarchive.extraction.boilerplate import holds_text

    chance = random.Random(seed)
    pieces = ["<div>", "</div>", "<figure>", "</figure>", "<section>", "</section>", "<p>" + "mot " * 25 + "</p>",
              "<p>" + "mot " * 60 + "</p>", "<p>court</p>", "mot " * 30, "<br>" + "mot " * 55, "<span>x</span>"]
    doc = lxml.html.document_fromstring(
        "<html><body><div>" + "".join(chance.choice(pieces) for _ in range(300)) + "</div></body></html>")
    thin = etree.XPath("count(.//p[string-length(normalize-space()) > 80])"
                       " + count(.//div/text()[string-length(normalize-space()) > 80])")
    long = etree.XPath("boolean(.//p[string-length(normalize-space()) > 200][not(ancestor::figure)]"
                       " | .//div[not(ancestor::figure)]/text()[string-length(normalize-space()) > 200])")
    answers = [(holds_text(element), thin(element) >= 2 or long(element)) for element in doc.iter(etree.Element)]
    assert all(told == expected for told, expected in answers)
    assert {told for told, _ in answers} == {True, False}


def test_a_box_that_a_heading_names_is_looked_for_among_a_few_ancestors_of_a_deep_element(monkeypatch):
    """The box of cards a heading names holds its dates a few levels down; a page nested thousands deep is not walked
    up to its top for each date."""
    import newsarchive.extraction.furniture as furniture

    asked = []
    told = furniture.headed_as_furniture
    monkeypatch.setattr(furniture, "headed_as_furniture", lambda element: asked.append(element) or told(element))
    doc = parse_html("<html><body><h1>Titre</h1><div><div><h4>Related Post</h4></div><div class='row'><div "
                     "class='card'><span>12 mars 2024</span></div></div></div></body></html>")
    headline, near = doc.find(".//h1"), doc.find(".//span")
    assert furniture.in_headed_box(near, None, headline, {})
    deep = near.getparent()
    for _ in range(3000):
        deep = etree.SubElement(deep, "div")
    asked.clear()
    assert not furniture.in_headed_box(etree.SubElement(deep, "span"), None, headline, {})
    assert len(asked) <= 10


@pytest.mark.parametrize(("label", "furniture"), [
    ("widget widget_archive", True),  # WordPress's widgets that list other pages
    ("widget widget_recent_entries", True),
    ("widget-area", True),  # their column
    ("games-widget__item swiper-slide", False),  # a part of a block named as BEM names them
    ("elementor-widget elementor-widget-theme-post-content", False),  # a page builder's widget holding the text
    ("so-panel widget widget_sow-editor panel-first-child", False),  # SiteOrigin's, in the article's text
    ("widget widget_text", False),
])
def test_wordpress_s_widgets_of_other_pages_are_furniture_and_no_other_widget_is(label, furniture):
    page = parse_html(f"<html><body><main><h1>Titre</h1><div class='{label}'><p id='in'>Un texte</p></div></main>"
                      "</body></html>")
    assert in_furniture(page.get_element_by_id("in")) is furniture
