"""Dates in comments and other furniture are no evidence of the article's dates: SPIP's forum blocks are comments, an
article filed in a category named "forum" is not; a box that a heading names (``Commentaires``, ``À lire aussi``) and
the site's current date in its top bar date nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from article_pages import BODY, article_page

from newsarchive.extraction import extract_article, parse_fetch_time
from newsarchive.extraction.date_evidence import date_evidence
from newsarchive.extraction.parsing import parse_html
from newsarchive.extraction.record import RECORD_KEYS
from newsarchive.sites.registry import page_class_for

GOLDEN = Path(__file__).parent / "golden"
SPIP = GOLDEN / "generic" / "spip-squelettes-dist"
WORDPRESS = GOLDEN / "generic" / "wordpress-twentytwentyone"
FORUM_TITLE = '<a href="#forum12">Bravo</a></strong>'
FORUM_DATE = "1er juillet 2019 22:05"


def golden(folder: Path) -> tuple[bytes, dict]:
    return (folder / "page.html").read_bytes(), json.loads((folder / "expected.json").read_text(encoding="utf-8"))


def evidence_texts(body: bytes, given: dict) -> list[str]:
    page_class = page_class_for(given["url"])
    page = page_class(parse_html(body), given["url"], fetched_at=parse_fetch_time(given["fetched_at"]))
    return [str(item.raw) for modified in (False, True) for item in date_evidence(page, modified) if item.raw]


@pytest.mark.parametrize("forum_title", [FORUM_TITLE, FORUM_TITLE + " ", FORUM_TITLE + "<br>"],
                         ids=["glued", "spaced", "line-break"])
def test_the_date_of_a_spip_forum_message_is_no_evidence_of_the_articles_dates(forum_title):
    """SPIP's squelettes-dist list the comments under the article in ``ul.forum > li.forum-fil``, each message's date
    in its ``div.forum-chapo``: however its title and date are laid out, that date says nothing of the article."""
    body, expected = golden(SPIP)
    body = body.replace(FORUM_TITLE.encode(), forum_title.encode())
    assert FORUM_DATE.encode() in body
    texts = evidence_texts(body, expected["input"])
    assert texts  # the article's own dates are read
    assert not [text for text in texts if "juillet" in text or "2019-07-01" in text]
    record = extract_article(body, expected["input"]["url"], fetched_at=expected["input"]["fetched_at"])
    assert (record["published"], record["modified"], record["warnings"]) == (
        expected["record"]["published"], expected["record"]["modified"], [])


@pytest.mark.parametrize("classes", ["category-forum", "category-forum tag-forum", "category_forum tag_forums"])
def test_a_wordpress_article_filed_under_a_forum_category_is_read_as_the_article(classes):
    """WordPress writes the post's categories and tags into the ``<article>``'s classes: a category or a tag named
    "forum" says what the article is about, not that it is a comment. The page gives the golden record."""
    body, expected = golden(WORDPRESS)
    assert b"category-culture tag-festival" in body
    body = body.replace(b"category-culture tag-festival", f"category-culture {classes} tag-festival".encode())
    given = expected["input"]
    record = extract_article(body, given["url"], fetched_at=given["fetched_at"], page_class=page_class_for(given["url"]))
    assert {key: record[key] for key in RECORD_KEYS if key != "text"} == expected["record"]


RELATED_CARDS = "".join(
    f"<article class='card'><h3><a href='/ailleurs-{n}/'>Une autre histoire {n}</a></h3>"
    f"<div class='card-meta'><span class='author'>Par Paul Martin</span> <div class='date'>{n} mars 2021</div></div>"
    "</article>" for n in (3, 4, 5)
)
TEXT = "".join(f"<p>Paragraphe {n} du texte de l’article, assez long pour être un vrai paragraphe suivi.</p>"
               for n in range(6))


def test_the_dates_of_related_stories_cards_are_no_evidence_of_the_articles_date():
    """The headline in a page header, the text in a <div>, related stories in <article> cards, each dated: a card is
    another story (it was the page's only visible date)."""
    html = (f"<html lang='fr'><body><main><div class='page-header'><h1>Le titre de l’article</h1></div>"
            f"<div class='texte'>{TEXT}</div><section class='related'>{RELATED_CARDS}</section></main></body></html>")
    record = extract_article(html.encode(), "https://journal.example/societe/le-titre/",
                             fetched_at="2025-06-01T08:00:00Z")
    assert record["published"] is None and record["published_raw"] is None


def test_the_article_holding_the_text_under_a_page_header_keeps_its_date():
    article = f"<article><div class='date'>Publié le 2 mars 2021</div>{TEXT}</article>"
    html = (f"<html lang='fr'><body><main><div class='page-header'><h1>Le titre de l’article</h1></div>{article}"
            f"<section class='related'>{RELATED_CARDS}</section></main></body></html>")
    record = extract_article(html.encode(), "https://journal.example/societe/le-titre/",
                             fetched_at="2025-06-01T08:00:00Z")
    assert record["published"] == "2021-03-02"


def _dated(**parts) -> tuple[str | None, str | None]:
    """(published, published_raw) of a page fetched on 15 January 2025, with ``parts`` of
    :func:`article_pages.article_page`."""
    record = extract_article(article_page(**parts).encode(), "https://www.site-test.example/actu/un-article-12345.html",
                             fetched_at="2025-01-15T10:00:00+00:00")
    return record["published"], record["published_raw"]


@pytest.mark.parametrize("after", [
    "<section><h3>Commentaires</h3><ul><li><b>Jean</b> 13 mars 2024 à 10h<p>Bon article.</p></li></ul></section>",
    "<h3>Commentaires</h3><ul><li><b>Jean</b> 13 mars 2024 à 10h<p>Bon article.</p></li></ul>",
])
def test_a_box_that_a_heading_names_as_comments_dates_nothing(after):
    """No class says these are comments, only their heading: near the headline of a short article, the date of a
    comment was the article's."""
    assert _dated(after=after) == (None, None)


def test_the_readers_reactions_date_nothing():
    """A French site's comments, ``div#reactions > div.reaction``: a reader's time on the day the page shows was the
    published time."""
    reactions = ("<div id='reactions' class='reactions'><div class='reaction'><p>Très bon article, merci.</p><span "
                 "class='reaction_date'>| 13 mars 2024 à 14h07</span></div></div>")
    assert _dated(header="<p class='date'>Publié le 13 mars 2024</p>", after=reactions) == ("2024-03-13", "13 mars 2024")
    assert _dated(after=reactions) == (None, None)


@pytest.mark.parametrize("box", [
    "<div class='mg-featured-slider'><div class='mg-sec-title'><h4>Related Post</h4></div><div class='row'><div "
    "class='col'><h4 class='title'><a href='/b'>Un autre article</a></h4><span class='mg-blog-date'>12 mars 2024</span>"
    "</div></div></div>",  # Newsup's, its heading in the box's first block
    "<div class='box'><h3>Sur le même sujet</h3><ul><li><a href='/b'>Un autre</a> <span class='date'>12/03/2024</span>"
    "</li></ul></div>",
])
def test_a_date_element_in_a_box_that_a_heading_names_under_the_article_dates_nothing(box):
    """No class names the box furniture, its heading does (in the box's first block): the date of another story in
    it was the page's published date, read near the headline or by the last resort (or, beside the page's own, a
    false conflict)."""
    assert _dated(after=box) == (None, None)
    record = extract_article(article_page(header="<p class='date'>Publié le 2 mars 2024</p>", after=box).encode(),
                             "https://www.site-test.example/actu/un-article-12345.html",
                             fetched_at="2025-01-15T10:00:00+00:00")
    assert (record["published"], record["warnings"]) == ("2024-03-02", [])


@pytest.mark.parametrize("end", [
    "<div class='widget'><h3>Derniers articles</h3><ul><li><a href='/a'>Un autre</a> <span>12 mars 2024</span></li>"
    "</ul></div>",
    "<div><h3>À lire aussi</h3><p><a href='/b'>Un autre article</a> Publié le 12 mars 2024</p></div>",
    "<section><h2>Autres épisodes</h2><ul><li><a href='/c'>Les haies</a> <span>5 mars 2024</span></li></ul></section>",
    "<div><h3>Dans la même émission</h3><p><a href='/c'>Les haies</a> Diffusé le 5 mars 2024</p></div>",
    "<div><h4>Related Post</h4><p><a href='/c'>Les haies</a> 5 mars 2024</p></div>",  # (Newsup's)
    "<div><h5>Vous aimerez peut-être aussi</h5><p><a href='/c'>Les haies</a> 5 mars 2024</p></div>",  # (Enfold's)
    "<div><h3>Voir aussi</h3><p><a href='/c'>Les haies</a> 5 mars 2024</p></div>",
    "<div><h3>Dans la même catégorie</h3><p><a href='/c'>Les haies</a> 5 mars 2024</p></div>",
    "<div><h3>Articles récents</h3><p><a href='/c'>Les haies</a> 5 mars 2024</p></div>",
    "<div><h3>Les plus partagés</h3><p><a href='/c'>Les haies</a> 5 mars 2024</p></div>",
    "<div><h3>Commentaires récents</h3><p>Jean sur <a href='/c'>Les haies</a>, le 5 mars 2024</p></div>",
    # the title over the comments and their form (WordPress's, e-monsite's, a news site's)
    "<div><h3>Laisser un commentaire</h3><p>Jean, le 5 mars 2024 : bravo pour cet article.</p><form></form></div>",
    "<div><h3>Laisser une réponse</h3><p>Jean, le 5 mars 2024 : bravo pour cet article.</p><form></form></div>",
    "<div><h3>Réagissez à cet article</h3><p>Jean, le 5 mars 2024 : bravo pour cet article.</p></div>",
    "<div><h3>Donnez votre avis</h3><p>Jean, le 5 mars 2024 : bravo pour cet article.</p></div>",
])
def test_a_box_of_other_stories_that_a_heading_names_dates_nothing_even_as_the_last_resort(end):
    """htmldate, the last resort, searches the page without its furniture: boxes named by their heading included."""
    assert _dated(end=end + "<footer><p>© Le Journal Test 2025</p></footer>") == (None, None)


@pytest.mark.parametrize("banner", [
    "<div id='tarteaucitronRoot'><div><p>Gestion des cookies, version du 12/01/2023.</p></div></div>",
    "<div id='axeptio_overlay'><p>Nos cookies, version du 12/01/2023.</p></div>",
    "<div id='didomi-host'><p>Nos cookies, version du 12/01/2023.</p></div>",
    "<div id='onetrust-banner-sdk'><p>Nos cookies, version du 12/01/2023.</p></div>",
    "<div id='CybotCookiebotDialog'><p>Nos cookies, version du 12/01/2023.</p></div>",
])
def test_a_cookie_consent_tool_s_banner_dates_nothing_even_as_the_last_resort(banner):
    """The banners of the consent tools many French sites load, named by the tool alone (tarteaucitron, Axeptio,
    Didomi…): the policy's date in them was the page's published date, by the last resort."""
    assert _dated(before=banner) == (None, None)


@pytest.mark.parametrize("post", [
    "<blockquote class='twitter-tweet'><p lang='fr'>Belle rentrée ce matin !</p>— Mairie (@mairie) "
    "<a href='https://twitter.com/mairie/status/1'>January 10, 2025</a></blockquote>",
    "<blockquote class='instagram-media'><div><p>Une photo publiée par Mairie (@mairie) le 10 janv. 2025</p></div>"
    "</blockquote>",
    "<blockquote class='tiktok-embed'><section><p>La rentrée en images</p><p>10 janvier 2025</p></section>"
    "</blockquote>",
    "<blockquote class='bluesky-embed'><p>Belle rentrée ce matin !</p>— Mairie (@mairie.fr) "
    "<a href='https://bsky.app/profile/x/post/1'>10 janvier 2025 à 08:15</a></blockquote>",
    "<div class='fb-post' data-href='https://www.facebook.com/mairie/posts/1'><blockquote "
    "class='fb-xfbml-parse-ignore'><p>Belle rentrée ce matin !</p>Publiée par "
    "<a href='https://www.facebook.com/mairie'>Mairie</a> le vendredi 10 janvier 2025</blockquote></div>",
])
def test_a_social_network_s_post_embedded_in_the_text_dates_nothing_even_as_the_last_resort(post):
    """A post of a social network embedded in the text (the blockquote its script turns into the post) shows the
    post's date: found by the last resort, it was the published date of a page that shows none of its own."""
    assert _dated(body=BODY + post) == (None, None)


@pytest.mark.parametrize("heading", ["2 réponses à « Le titre visible »", "Vos commentaires", "Commentaires (2)"])
def test_the_comments_under_a_title_wordpress_writes_date_nothing_even_as_the_last_resort(heading):
    """Readers' comments without a class, under the title a French WordPress theme gives them (``2 réponses à « … »``):
    the first comment's day was the published date of a page that shows none of its own."""
    comments = (f"<div><h3>{heading}</h3><ol><li><b>Jean-Pierre</b> <span>4 janvier 2025 à 10 h 12 min</span><p>Très "
                "bon article, merci pour ces informations sur notre commune.</p></li></ol></div>")
    assert _dated(after=comments) == (None, None)


_ARCHIVES = "<ul><li><a href='/2025/01/'>janvier 2025</a></li><li><a href='/2024/12/'>décembre 2024</a></li></ul>"


@pytest.mark.parametrize("column", [
    f"<div id='secondary' class='widget-area'><h2>Archives</h2>{_ARCHIVES}</div>",
    f"<div class='col-md-4'><div class='widget widget_archive'><h2>Archives</h2>{_ARCHIVES}</div></div>",
    "<div class='col-md-4'><section class='widget widget_recent_entries'><h2>Articles</h2><ul><li><a href='/r/'>Vœux "
    "du maire</a> <span class='post-date'>8 janvier 2025</span></li></ul></section></div>",
])
def test_a_wordpress_widget_outside_an_aside_dates_nothing_even_as_the_last_resort(column):
    """WordPress's widgets that list other pages (``widget_archive``, ``widget_recent_entries``) and their column
    (``widget-area``), in a theme that puts them in a ``<div>``: a month of the archives or a recent post's day was the
    published date of a page that shows none of its own."""
    assert _dated(end=column + "<footer><p>© Mairie de Trifouilly</p></footer>") == (None, None)


_OTHER_PAGES = ("<ul><li><a href='/f1'>Coupure d’eau rue des Lilas</a> 8 janvier 2025</li>"
                "<li><a href='/f2'>Loto du club de foot</a> 7 janvier 2025</li></ul>")


@pytest.mark.parametrize("parts", [
    {"before": f"<div class='flash-info'>{_OTHER_PAGES}</div>"},  # a strip of news flashes above the page
    {"before": f"<div id='fil-info'>{_OTHER_PAGES}</div>"},
    {"before": f"<div class='news-ticker'>{_OTHER_PAGES}</div>"},
    {"before": f"<div class='bandeau-derniere-minute'>{_OTHER_PAGES}</div>"},
    {"end": f"<div class='agenda'><h3>Agenda</h3>{_OTHER_PAGES}</div><footer><p>© Mairie</p></footer>"},
    {"end": f"<div class='upcoming-events'>{_OTHER_PAGES}</div><footer><p>© Mairie</p></footer>"},
    # named by their heading only
    {"end": f"<div class='col'><h3>Agenda</h3>{_OTHER_PAGES}</div><footer><p>© Mairie</p></footer>"},
    {"end": f"<div class='col'><h2>Prochains événements</h2>{_OTHER_PAGES}</div><footer><p>© Mairie</p></footer>"},
    {"end": f"<div class='box'><h3>À venir</h3>{_OTHER_PAGES}</div><footer><p>© Mairie</p></footer>"},
    {"before": f"<div class='top'><h2>Flash info</h2>{_OTHER_PAGES}</div>"},
])
def test_a_strip_of_news_flashes_or_an_agenda_outside_the_article_dates_nothing_even_as_the_last_resort(parts):
    """A news site's strip of its latest stories (``Flash info``, ``Fil info``, ``Dernière minute``) and a town's
    agenda, outside the article: the date of their first item was the published date of a page that shows none of
    its own."""
    assert _dated(**parts) == (None, None)


_TIMED_PAGES = ("<ul><li><time datetime='2025-01-14T15:14'>15h14</time> <a href='/f1'>Coupure d’eau rue des Lilas</a>"
                "</li><li><time datetime='2025-01-14T11:02'>11h02</time> <a href='/f2'>Loto du club</a></li></ul>")


@pytest.mark.parametrize("parts", [
    {"before": f"<header class='site'><a href='/'>Le Journal</a><div class='fil-info'>{_TIMED_PAGES}</div></header>"},
    {"before": f"<div class='news-ticker'><div class='track'>{_TIMED_PAGES}</div></div>"},
    {"end": f"<div class='agenda'>{_TIMED_PAGES}</div><footer><p>© Mairie</p></footer>"},
])
def test_a_time_element_in_a_strip_of_news_flashes_outside_the_article_dates_nothing(parts):
    """A ``<time>`` of the site's "fil info" in its header (the latest stories, each with its time): read as a
    ``<time>`` of the page, the first item's moment was the published date of a page that shows none of its own, the
    day before the fetch."""
    assert _dated(**parts) == (None, None)


@pytest.mark.parametrize("parts", [
    {"before": f"<div><span>Fil info</span>{_TIMED_PAGES}</div>"},
    {"before": f"<div>{_TIMED_PAGES}</div>"},
    {"before": f"<div>{_OTHER_PAGES}</div>"},
    {"end": f"<div>{_OTHER_PAGES}</div><footer><p>© Mairie</p></footer>"},
    {"end": f"<div>{_TIMED_PAGES}</div><footer><p>© Mairie</p></footer>"},
    {"end": "<div><ul><li><a href='/f1'><time datetime='2025-01-14T15:14'>14/01</time> Coupure d’eau</a></li></ul>"
            "</div>"},
])
def test_a_list_of_other_pages_outside_the_article_dates_nothing_even_unnamed(parts):
    """A list whose items lead to other pages, each with its date or time, outside the article and named by no class
    or heading (a home-made site's latest stories): the first item's date was the published date of a page that
    shows none of its own, the day before the fetch."""
    assert _dated(**parts) == (None, None)


@pytest.mark.parametrize("parts, published", [
    ({"headline": "<h1>Le budget voté</h1><ul><li>Le 14 janvier 2025 dans <a href='/vie-locale/'>Vie locale</a></li>"
                  "</ul>"}, "2025-01-14"),
    ({"headline": "<ul><li><a href='/vie-locale/'>Vie locale</a></li><li><time datetime='2025-01-14T15:14'>14 janvier "
                  "2025</time></li></ul><h1>Le budget voté</h1>"}, "2025-01-14T15:14:00+01:00"),
])
def test_a_list_item_with_a_link_in_the_article_still_dates_it(parts, published):
    assert _dated(**parts)[0] == published


def test_a_time_element_in_a_block_named_as_news_flashes_around_the_headline_still_dates_the_article():
    parts = {"headline": "<div class='flash-info'><h1>Coupure d’eau rue des Lilas</h1>"
                         "<time datetime='2025-01-14T15:14'>14 janvier 2025 à 15h14</time></div>"}
    assert _dated(**parts)[0] == "2025-01-14T15:14:00+01:00"


@pytest.mark.parametrize("parts", [
    {"body": "<div class='flash-info-texte'><p>Le 8 janvier 2025, la mairie a annoncé une coupure d’eau rue des "
             "Lilas, de 9 heures à midi, pour des travaux sur le réseau.</p></div>" + BODY},
    {"body": "<div class='agenda-detail'><p>Le loto du club de foot s’est tenu le 7 janvier 2025 à la salle des "
             "fêtes, devant deux cents joueurs venus de tout le canton.</p></div>" + BODY},
    {"body": BODY + "<div><h3>Agenda</h3><p>Le loto du club de foot s’est tenu le 7 janvier 2025 à la salle des "
             "fêtes, devant deux cents joueurs venus de tout le canton.</p></div>"},  # a box of the article's own
])
def test_the_same_words_inside_the_article_still_date_it_as_the_last_resort(parts):
    """An article classed ``flash-info`` (a short news item), an event's page (``agenda-detail``): the words that name
    a strip or an agenda beside the article name the article itself there, whose date the last resort still reads."""
    assert _dated(**parts)[0] is not None


def test_the_site_s_current_date_in_its_top_bar_is_no_date_of_the_page():
    """A French news site's header shows today's date; found by the last resort, it was the page's published date, the
    day of the fetch: an invented date."""
    assert _dated(before="<div class='top-bar'>Mercredi 15 janvier 2025</div>") == (None, None)


def test_a_day_the_page_writes_in_another_year_only_is_a_year_the_last_resort_misread():
    """htmldate reads a footer's ``Mis à jour le 30/04/2024`` after ``© 2024 …`` as ``2020-04-30``: no date, where the
    page writes that day in no other year; a page that writes it in htmldate's year keeps it."""
    footer = "<footer><p>© 2024 Mairie de Trifouilly - Mis à jour le 30/04/2024</p></footer>"
    assert _dated(end=footer) == (None, None)
    assert _dated(end=footer + "<p>Article du 30/04/2020</p>")[0] == "2020-04-30"


@pytest.mark.parametrize("footer", [
    "<footer><p>© 2024 Mairie de Trifouilly – Page mise à jour le 14/03/2024</p></footer>",
    "<footer><p>Dernière modification : 14 mars 2024</p></footer>",
    "<footer><p>Dernière mise à jour du site : 14 mars 2024</p></footer>",  # the site's, or the page's
    "<div><p>Dernière modification de la page : 14/03/2024</p></div>",
])
def test_a_day_the_page_writes_after_a_modified_date_s_label_only_is_no_publication_day(footer):
    """A footer's ``Page mise à jour le 14/03/2024`` (furniture: the page's modified date is not read there) was the
    page's published date by the last resort; a page that also writes that day otherwise keeps it."""
    assert _dated(end=footer) == (None, None)
    assert _dated(end=footer + "<p>Article du 14/03/2024</p>")[0] == "2024-03-14"


@pytest.mark.parametrize("heading", ["Autres articles de la rubrique Oran", "Les autres articles du dossier"])
def test_a_box_its_heading_names_as_the_section_s_other_articles_dates_nothing(heading):
    """An Algerian daily's ``Autres articles de la rubrique Oran`` under the text: its first story's date was read
    against the article's, a false date conflict, and the published date of a page showing none."""
    box = f"<div class='box'><h3>{heading}</h3><ul><li><a href='/a'>Un autre</a> <span class='date'>19/05/2024</span>"
    box += "</li></ul></div>"
    assert _dated(after=box) == (None, None)


@pytest.mark.parametrize("box", [
    "<div class='col'><div class='encart'><h2>Dans la même rubrique</h2><ul><li><a href='/a'>Vigilance crues levée</a>"
    " <span>02/03/2024</span></li></ul></div></div>",  # a column holding the box its heading names
    "<div class='fr-sidemenu'><ul><li><a href='/a'>Vigilance crues levée</a> <span>02/03/2024</span></li></ul></div>",
])
def test_a_box_of_other_pages_in_a_column_beside_the_text_dates_nothing(box):
    """The French state's design system (DSFR): a column beside the text holds ``Dans la même rubrique`` (its
    heading two blocks down) or a side menu, with another page's date, that was the page's."""
    assert _dated(after=box) == (None, None)


@pytest.mark.parametrize("line", [
    "<p>Mis à jour le <span class='date'>14/03/2024</span></p>",  # the label before the date's element
    "<p class='meta'><span class='updated-label'>Mis à jour le</span> <span class='updated'>14/03/2024</span></p>",
    "<ul class='infos'><li>Mis à jour le</li><li>14/03/2024</li></ul>",
    "<p class='maj'>Mis à jour le <time>14/03/2024</time></p>",
])
def test_a_date_in_an_element_of_its_own_after_its_label_is_read_with_it(line):
    """The update a page shows, its date in an element of its own: read alone, unlabelled, it was also the published
    date."""
    record = extract_article(article_page(header=line).encode(), "https://www.site-test.example/actu/a.html",
                             fetched_at="2025-01-15T10:00:00+00:00")
    assert (record["published"], record["modified"], record["modified_raw"]) == (None, "2024-03-14", "14/03/2024")


@pytest.mark.parametrize("label", [
    "<span class='label'>Mis à jour le</span> ",  # the label in an element of its own before the <time>
    "<span>Updated:</span> ",
    "Mis à jour le ",
    "<span class='post-meta-item-text'>Édité le</span>",  # Hexo's NexT in French
])
def test_a_time_element_after_a_modified_date_s_label_is_the_modified_date(label):
    """The time a ``<time datetime>`` gives is read as the modified date's when its label is the text before it or the
    element before it; with the label in its own element, it was read as another day's time (``15:57``, unparsed)."""
    line = (f"<p>Publié le <time datetime='2024-03-12T10:05:00+01:00'>12/03/2024 à 10h05</time> | {label}"
            "<time datetime='2024-03-14T15:57:00+01:00'>15h57</time></p>")
    record = extract_article(article_page(header=line).encode(), "https://www.site-test.example/actu/a.html",
                             fetched_at="2025-01-15T10:00:00+00:00")
    assert (record["published"], record["modified"]) == ("2024-03-12T10:05:00+01:00", "2024-03-14T15:57:00+01:00")


def test_a_date_that_a_term_of_a_list_labels_is_read_with_its_label():
    """``<dt>Mis à jour le</dt><dd>14/03/2024</dd>``: the item alone was read as an unlabelled date, the page's
    published date when no other was shown, beside it a conflict with the labelled one."""
    updated = "<dl class='infos'><dt>Mis à jour le</dt><dd>14/03/2024</dd></dl>"
    assert _dated(header=updated) == (None, None)
    both = "<dl class='infos'><dt>Publié le</dt><dd>12/03/2024</dd><dt>Mis à jour le</dt><dd>14/03/2024</dd></dl>"
    record = extract_article(article_page(header=both).encode(), "https://www.site-test.example/actu/a.html",
                             fetched_at="2025-01-15T10:00:00+00:00")
    assert (record["published"], record["modified"], record["warnings"]) == ("2024-03-12", "2024-03-14", [])


def test_a_page_whose_layout_is_classed_for_its_side_menu_is_dated():
    """eZ Publish's page wrapper, ``<div id="page" class="sidemenu extrainfo">``, holds the whole page: its words name
    its layout, not a side menu; the date under it was left out as furniture's."""
    page = ("<html lang='fr'><body><div id='page' class='sidemenu extrainfo'><div id='sidemenu'><ul><li>"
            "<a href='/a'>La fête</a></li></ul></div><div class='class-article'><h1>Travaux de la rue Pasteur</h1>"
            "<div class='attribute-byline'><p class='date'>12/03/2024 10:05</p></div><div class='attribute-long'>"
            + "<p>Les travaux consistent à remplacer les canalisations posées dans les années soixante, rue Pasteur."
            "</p>" * 3 + "</div></div></div></body></html>")
    record = extract_article(page.encode(), "https://www.ville.example/Actualites/Travaux", fetched_at="2025-01-15")
    assert (record["published"], record["published_raw"]) == ("2024-03-12T10:05:00+01:00", "12/03/2024 10:05")


def test_a_day_without_its_year_in_a_sentence_near_the_headline_is_no_date():
    """A prefecture's standfirst, ``… en vigilance sécheresse à compter du 12 mars.``, was the page's published date,
    in the year of the fetch: an invented date. A line of details still dates it (``Mardi 12 mars, par Léa Roy.``)."""
    lead = "<p>Le préfet a placé le département en vigilance sécheresse à compter du 12 mars.</p>"
    assert _dated(header=lead) == (None, None)
    assert _dated(header="<p>Mardi 12 mars, par Léa Roy.</p>") == ("2024-03-12", "Mardi 12 mars")


@pytest.mark.parametrize("sentence", [
    "La prochaine séance aura lieu le 15 octobre 2024 à la mairie.",
    "Le 15 octobre 2024, le conseil municipal se réunira de nouveau.",
])
def test_a_date_in_a_short_sentence_of_the_text_is_no_date(sentence):
    """A short article's paragraph near the headline that names a day in a sentence was the page's published date: an
    invented date. A short line of the text that signs and dates it still dates it (``Trifouilly, le 3 septembre
    2024.``)."""
    assert _dated(body=f"<p>{sentence}</p>" + BODY) == (None, None)
    assert _dated(body=BODY + "<p>Trifouilly, le 3 septembre 2024.</p>") == ("2024-09-03", "3 septembre 2024")


@pytest.mark.parametrize("event", [
    "Événement : du 15 au 20 avril 2024", "Du 15 au 20 avril 2024", "Jusqu'au 20 avril 2024",
    "À partir du 15 avril 2024", "Date de l'événement : 15 avril 2024",
    "Article paru dans Le Journal n°2241 du 10 au 16 avril 2024",  # a weekly's print issue: no label of the page's day
])
def test_an_event_s_date_near_the_headline_is_no_publication_day(event):
    """A line that dates an event, a span or after an event's label, right after the headline of a page whose date
    line follows: the event's last day was the published date (``2024-04-20`` for ``Le 12 mars 2024``)."""
    assert _dated(header=f"<p>{event}</p><p>Le 12 mars 2024</p>") == ("2024-03-12", "12 mars 2024")


def test_a_photo_s_caption_near_the_headline_is_no_date_line():
    """The caption of the image under Libération's headline ends with its credit in brackets, no full stop: its day,
    the photo's, was a visible date of the page (a conflict with the metadata, or the published date without it)."""
    figure = ("<figure><img src='/photo.jpg' alt=''><figcaption>Entraînement du club, le 29 avril 2024 à Lille. "
              "(Julien Vasseur/Le Journal)</figcaption></figure>")
    assert _dated(header=figure + "<p>Le 12 mars 2024</p>") == ("2024-03-12", "12 mars 2024")
    assert _dated(header=figure) == (None, None)
    # a block of the image and its caption classed so (Total's "div#post-media"), no figure
    media = ("<div id='post-media'><img src='/photo.jpg' alt=''><div class='post-media-caption'>Entraînement du club, "
             "samedi 1er février 2025. © Éric Bouvier</div></div>")
    assert _dated(header=media) == (None, None)


def test_a_box_that_a_heading_names_otherwise_still_dates_the_article():
    assert _dated(after="<h3>Le calendrier</h3><ul><li>Voté le 13 mars 2024 à 10h</li></ul>")[0] == \
        "2024-03-13T10:00:00+01:00"


@pytest.mark.parametrize("header", [
    "<div class='date-du-jour'>Jeudi 5 décembre 2024</div>",
    "<div class='entete'><span id='today'>Jeudi 5 décembre 2024</span><a href='/'>Accueil</a></div>",
])
def test_the_date_of_the_day_a_header_shows_is_no_evidence(header):
    """Beside the headline's block, the site's header showed the reader's day: read as a visible date, it made the
    page's own labelled date conflict with it."""
    page = ("<html lang='fr'><head><title>Le budget voté - Le Site</title></head><body><div id='page'>" + header
            + "<div id='contenu'><div class='titre'>Le budget voté</div><div>Publié le 02/12/2024 à 10h15</div>"
            + "<div>Un paragraphe du texte de l'article, assez long pour compter comme un vrai paragraphe.</div>" * 4
            + "</div></div></body></html>")
    record = extract_article(page.encode(), "https://www.site-test.example/actu/budget.html",
                             fetched_at="2024-12-05T09:00:00+00:00")
    assert (record["published"], record["warnings"]) == ("2024-12-02T10:15:00+01:00", [])


_AD_SLOTS = "<div class='row'><div class='col-12'></div><div class='col-12'></div></div>" * 20
_FRONT_PAGE = ("<div class='une'><div><a href='/a'>Le budget 2019 adopté</a><span>12/03/2019</span></div>"
               "<div><a href='/b'>La piscine rouvre</a><span>13/03/2019</span></div></div>")


_ADSENSE = ("<div><ins class='adsbygoogle' style='display:block' data-ad-slot='2'></ins>"
            "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>") * 8


@pytest.mark.parametrize("slots", [_AD_SLOTS, _ADSENSE])
@pytest.mark.parametrize("line", ["<p>Publié le 27 juin 2019</p>", "<p>27 juin 2019</p>", "<span>27/06/2019</span>"])
def test_the_date_under_the_headline_past_an_ad_s_empty_slots_is_the_article_s(line, slots):
    """Twenty empty blocks of an ad's slots (or eight AdSense units, their scripts' text shown to no one) between the
    headline and its date line took the places of the headline's siblings where a date is looked for; the article was
    dated by the first date of the page, a story's above it."""
    page = article_page(header=slots + line, before=_FRONT_PAGE).replace("/2025/03/01/", "/")
    record = extract_article(page.encode(), "https://www.journal-test.example/societe/un-article.html",
                             fetched_at="2019-07-15T12:00:00Z")
    assert record["published"] == "2019-06-27"


@pytest.mark.parametrize("line, published", [
    ("", None),  # no date shown: none (the headline's "30 juin" was read as the last 30 June before the fetch)
    ("<li class='meta date posted-on'><time>21 mai 2024</time></li>", "2024-05-21"),
])
def test_the_text_of_a_block_classed_as_details_that_holds_the_headline_dates_nothing(line, published):
    """Neve writes the headline and the line of details in one ``div.nv-title-meta-wrap``, a class word of a date's
    block: the headline's days are the story's subject."""
    headline = ("<div class='nv-title-meta-wrap'><h1>La fête de la rivière revient les 29 et 30 juin</h1>"
                f"<ul class='nv-meta-list'><li class='meta author'>par Léa Roy</li>{line}</ul></div>")
    page = article_page(headline=headline, og_type="")
    record = extract_article(page.encode(), "https://journal-test.example/fete-de-la-riviere/",
                             fetched_at="2024-06-01T10:00:00Z")
    assert record["published"] == published


@pytest.mark.parametrize("heading", ["Plus d’articles", "Plus d'articles", "À lire aussi"])
def test_the_dates_of_a_box_of_more_posts_a_heading_names_in_the_main_are_no_evidence(heading):
    """Twenty Twenty-Five shows no date for the post itself, and lists "Plus d’articles" with theirs under it in the
    same <main>: the first of them was the post's published date."""
    more = (f"<div class='wp-block-group'><h2 class='wp-block-heading'>{heading}</h2><ul class='wp-block-post-template'>"
            "<li class='wp-block-post'><h3 class='wp-block-post-title'><a href='/autre-article/'>Un autre article du "
            "site</a></h3><div class='wp-block-post-date'><time datetime='2024-05-27T10:12:40+02:00'>27 mai 2024</time>"
            "</div></li></ul></div>")
    html = (f"<html lang='fr'><head><meta charset='utf-8'></head><body><main><h1 class='wp-block-post-title'>Le titre"
            f"</h1><div class='entry-content wp-block-post-content'>{BODY}</div>{more}</main></body></html>")
    record = extract_article(html.encode(), "https://journal-test.example/le-titre/", fetched_at="2024-06-01T10:00:00Z")
    assert record["published"] is None
