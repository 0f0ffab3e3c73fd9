"""The generic page class and extract_article(): layers per field and the generic rules behind them (dates and their
offsets, headline, authors and bylines, tags, captions and credits, copyright, lead and body), URLs, non-articles."""

from __future__ import annotations

import re
from typing import ClassVar

import lxml.html
import pytest
from article_pages import BODY, FOOTER, HEADLINE, SITE_NAME, URL, article_page, extracted, jsonld, retold

from newsarchive.extraction import NotAnArticle, extract_article
from newsarchive.extraction.title_lines import first_styled_run
from newsarchive.extraction.html import element_text
from newsarchive.extraction.index import MAX_LINK_CANDIDATES
from newsarchive.extraction.page import ArticlePage
from newsarchive.urls import canonicalize_url

UNDATED_URL = "https://www.journal-test.example/societe/un-article.html"
AUGUST_URL = "https://www.journal-test.example/monde/2025/08/06/un-article.html"  # its URL says the day


# headline -------------------------------------------------------------------------------------------
def test_headline_most_sources_agree_on_wins():
    head = jsonld({"@type": "NewsArticle", "headline": "Un titre pour les moteurs"}) + (
        '<meta property="og:title" content="Le titre visible - Le Journal Test">'
        '<meta property="og:site_name" content="Le Journal Test">'
    )
    record = extracted(article_page(head))
    assert record["headline"] == record["title"] == "Le titre visible"
    assert record["sources"]["headline"] == "opengraph"


def test_a_cut_jsonld_headline_gives_way_to_the_visible_one():
    head = jsonld({"@type": "NewsArticle", "headline": "Le titre…"})
    record = extracted(article_page(head))
    assert record["headline"] == "Le titre visible"
    assert record["sources"]["headline"] == "heuristic"


def test_an_og_title_that_adds_the_section_to_the_visible_headline_gives_way_to_it():
    head = '<meta property="og:title" content="Le titre visible - Fil info - Football - Sport">'
    record = extracted(article_page(head))
    assert (record["headline"], record["sources"]["headline"]) == ("Le titre visible", "heuristic")


def test_a_structured_headline_that_puts_the_town_before_the_visible_one_gives_way_to_it():
    """EBRA's papers write the town before the headline in their JSON-LD and ``og:title`` (``Villefranche-sur-Saône.
    Après deux ans…``), the page showing it apart, above the ``<h1>``. A kicker before a colon is the headline's."""
    town = "Villefranche-sur-Saône. Le titre visible"
    head = jsonld({"@type": "NewsArticle", "headline": town}) + f'<meta property="og:title" content="{town}">'
    assert extracted(article_page(head))["headline"] == "Le titre visible"
    kicker = head.replace("Villefranche-sur-Saône.", "Après le vote :")
    assert extracted(article_page(kicker))["headline"] == "Après le vote : Le titre visible"


def test_the_headline_keeps_the_typographic_apostrophes_the_page_shows():
    """WordPress shows ``d’un`` in the ``<h1>`` where its SEO plugin writes ``d'un`` in the JSON-LD and ``og:title``:
    the headline was the metadata's typography, not the page's."""
    title = "Le titre visible d'un final haletant"
    head = jsonld({"@type": "NewsArticle", "headline": title}) + f'<meta property="og:title" content="{title}">'
    shown = "<h1>Le titre visible d’un final haletant</h1>"
    assert extracted(article_page(head, headline=shown))["headline"] == "Le titre visible d’un final haletant"
    other = "<h1>LE TITRE VISIBLE D’UN FINAL HALETANT</h1>"  # other letters: the metadata's words stand
    assert extracted(article_page(head, headline=other))["headline"] == title


@pytest.mark.parametrize("og_title", ["Le titre visible : la suite du titre", "Le titre visible, et la suite"])
def test_an_og_title_that_goes_on_with_its_own_words_keeps_them(og_title):
    record = extracted(article_page(f'<meta property="og:title" content="{og_title}">'))
    assert (record["headline"], record["sources"]["headline"]) == (og_title, "opengraph")


def test_a_jsonld_headline_with_a_trail_is_the_publishers_word():
    head = jsonld({"@type": "NewsArticle", "headline": "Le titre visible - Actualités"})
    record = extracted(article_page(head))
    assert (record["headline"], record["sources"]["headline"]) == ("Le titre visible - Actualités", "jsonld")


def test_jsonld_headline_wins_a_tie():
    record = extracted(article_page(jsonld({"@type": "NewsArticle", "headline": "Titre structuré"})))
    assert (record["headline"], record["sources"]["headline"]) == ("Titre structuré", "jsonld")


def test_headline_inside_page_builder_widgets_is_the_visible_one():
    headline = "<div class='elementor-widget elementor-widget-theme-post-title'><h1>Le titre visible</h1></div>"
    head = '<meta property="og:title" content="Un titre pour les réseaux">'
    record = extracted(article_page(head + jsonld({"@type": "NewsArticle", "headline": "Le titre visible"}),
                                    headline=headline))
    assert (record["headline"], record["sources"]["headline"]) == ("Le titre visible", "jsonld")


def test_headline_element_when_the_only_h1_sits_in_the_navigation():
    html = article_page('<meta name="description" content="Le résumé de l’article, assez long pour être reconnu ici.">',
                        headline="<p>Le résumé de l’article, assez long pour être reconnu ici.</p>",
                        before="<nav class='swiper'><h1>Le titre visible</h1></nav>")
    record = extracted(html)
    assert record["headline"] == "Le titre visible"
    assert record["lead"] == "Le résumé de l’article, assez long pour être reconnu ici."


def test_heading_saying_the_structured_title_when_there_is_no_h1():
    head = '<meta property="og:title" content="Le titre dit en h2">'
    headline = "<h2>Le titre dit en h2</h2><p>Le résumé de l’article, assez long pour être reconnu ici.</p>"
    html = article_page(
        head + '<meta name="description" content="Le résumé de l’article, assez long pour être reconnu ici.">',
        headline=headline)
    assert extracted(html)["lead"] == "Le résumé de l’article, assez long pour être reconnu ici."


def test_a_page_whose_only_title_is_the_site_s_name_and_has_no_h1_is_headed_by_its_first_h2():
    page = ("<html lang='fr'><head><title>Le Journal de Bourg</title></head><body>"
            "<div id='entete'><a href='/'>Accueil</a></div><div class='post'><h2><a href='/autre/'>Un autre "
            "article du blog</a></h2><h2 class='titre'>Le budget municipal adopté</h2>"
            f"<div class='texte'>{BODY}</div></div></body></html>")
    record = extracted(page, "https://www.journal-bourg.example/2021/03/budget/")
    assert (record["headline"], record["sources"]["headline"]) == ("Le budget municipal adopté", "heuristic")
    # a sub-heading of the body is no headline: without any before the body, the page has none
    untitled = page.replace("<h2 class='titre'>Le budget municipal adopté</h2><div class='texte'>",
                            "<div class='texte'><h2>Une charpente restaurée</h2>")
    with pytest.raises(NotAnArticle):
        extract_article(untitled.encode(), "https://www.journal-bourg.example/2021/03/budget/")


@pytest.mark.parametrize("box", [
    "<div><h3>Les plus lus</h3><ol><li><a href='/a/'>Le marché de Noël ouvre samedi</a></li></ol></div>",
    "<div><h3>À lire aussi</h3><p><a href='/b/'>Un nouveau boulanger rue de la Gare</a></p></div>",
])
def test_a_heading_that_names_a_box_is_not_the_first_heading_that_heads_the_page(box):
    """A page whose only title is the site's name, without an ``<h1>``: the heading of an unnamed box of other stories
    above its own was its headline (``Les plus lus``)."""
    page = ("<html lang='fr'><head><title>Le Journal de Bourg</title></head><body>"
            f"<div id='entete'><a href='/'>Accueil</a></div>{box}<div class='post'><h2 class='titre'>Le budget "
            f"municipal adopté</h2><div class='texte'>{BODY}</div></div></body></html>")
    record = extracted(page, "https://www.journal-bourg.example/2021/03/budget/")
    assert record["headline"] == "Le budget municipal adopté"


def test_a_section_name_in_an_h1_above_the_headline_is_not_the_headline():
    for title in ("Le kiosque sera sauvé", "Le kiosque : il sera sauvé"):  # a colon is also a title's separator
        html = (f"<html lang='fr'><head><title>{title}</title></head><body><article>"
                "<h1 class='rubrique'><a href='/tribunes/'>Tribunes</a></h1>"
                f"<h1>{title}</h1><p class='signature'>Par Léa Roy</p><div class='texte'>{BODY}</div></article></body></html>")
        record = extracted(html)
        assert (record["headline"], record["authors"]) == (title, ["Léa Roy"])


def test_a_section_name_in_the_page_s_only_h1_gives_way_to_the_heading_that_says_the_title():
    """Joomla's page heading: the menu item's name in the page's <h1>, the article's title in an <h2>."""
    html = ("<html lang='fr'><head><title>Le kiosque sera sauvé</title></head><body>"
            "<div class='page-header'><h1>Actualités</h1></div><div class='item-page'><div class='page-header'>"
            "<h2>Le kiosque sera sauvé</h2></div><dl class='article-info'><dd class='createdby'>Écrit par Léa Roy</dd>"
            f"</dl><div class='texte'>{BODY}</div></div></body></html>")
    record = extracted(html)
    assert (record["headline"], record["authors"]) == ("Le kiosque sera sauvé", ["Léa Roy"])
    assert "Le kiosque sera sauvé" not in [p for section in record["sections"] for p in section["paragraphs"]]


def test_the_heading_the_page_s_data_declares_its_headline_outranks_an_h1_that_says_only_its_title():
    """Joomla's page heading where the <title> is the menu item's name too: the microdata's headline names the <h2>."""
    html = ("<html lang='fr'><head><title>Actualités</title></head><body><div class='page-header'><h1>Actualités</h1>"
            "</div><div class='item-page' itemscope itemtype='https://schema.org/Article'><div class='page-header'>"
            f"<h2 itemprop='headline'>Le kiosque sera sauvé</h2></div><div class='texte'>{BODY}</div></div></body></html>")
    assert extracted(html)["headline"] == "Le kiosque sera sauvé"
    og = "<meta property='og:title' content='Le kiosque sera sauvé'>"  # declared in OpenGraph too
    assert extracted(html.replace("<title>", og + "<title>").replace(" itemprop='headline'", ""))["headline"] \
        == "Le kiosque sera sauvé"


def test_of_several_microdata_headlines_the_one_the_title_says_is_declared():
    """OceanWP's page header titles a post ``<h1 itemprop="headline">Blog</h1>``, the post itself ``<h2
    itemprop="headline">``, both in the page's one microdata item: the first, ``Blog``, was the declared headline, and
    the ``<h1>`` that says it the headline."""
    html = ("<html lang='fr'><head><title>Le kiosque sera sauvé – Trifouilly Infos</title></head>"
            "<body itemscope itemtype='https://schema.org/Article'><header class='page-header'><h1 "
            "class='page-header-title' itemprop='headline'>Blog</h1></header><article><header class='entry-header'>"
            "<h2 class='single-post-title entry-title' itemprop='headline'>Le kiosque sera sauvé</h2></header>"
            f"<div class='entry-content'>{BODY}</div></article></body></html>")
    assert extracted(html)["headline"] == "Le kiosque sera sauvé"
    alone = html.replace("<title>Le kiosque sera sauvé – Trifouilly Infos</title>", "")  # no <title>: the first
    assert extracted(alone)["headline"] == "Blog"


@pytest.mark.parametrize("page", [
    "<h1>Le blog de Léa</h1><div class='post'><h2>{title}</h2>",
    "<div id='header'><h1>Le blog de Léa</h1><p>Un blog sur la vie locale</p></div><h3 class='post-title'>{title}</h3>",
])
@pytest.mark.parametrize("separator", [" : ", ": "])
def test_a_blog_s_name_in_the_h1_gives_way_to_the_heading_below_that_says_the_rest_of_the_title(page, separator):
    """A blog's name unlinked in the page's <h1>, its post's title in an <h2>/<h3>, the <title> saying both (``Le blog
    de Léa : Le kiosque sera sauvé cet été``; Typepad's ``Le blog de Léa: Le kiosque…``, no space before its colon),
    the site's name known from nothing else: the heading that says the <title>'s longer part is the headline."""
    title = "Le kiosque sera sauvé cet été"
    html = (f"<html lang='fr'><head><title>Le blog de Léa{separator}{title}</title></head><body>"
            f"{page.format(title=title)}<div class='texte'>{BODY}</div></body></html>")
    assert extracted(html)["headline"] == title


def test_an_h1_that_says_the_longer_part_of_the_title_stays_the_headline():
    html = ("<html lang='fr'><head><title>Le kiosque sera sauvé cet été | La Gazette du Canton</title></head><body>"
            f"<h1>Le kiosque sera sauvé cet été</h1><div class='texte'>{BODY}</div>"
            "<div class='about'><h3>La Gazette du Canton</h3><p>Le journal du canton.</p></div></body></html>")
    assert extracted(html)["headline"] == "Le kiosque sera sauvé cet été"


@pytest.mark.parametrize("h2", [
    "<aside><h2>Le kiosque sera sauvé</h2></aside>",  # a box's heading
    "<h2>Un autre titre</h2>",  # a heading that says no title
])
def test_the_only_h1_stays_the_headline_without_a_heading_that_says_the_title_outside_furniture(h2):
    html = (f"<html lang='fr'><head><title>Le kiosque sera sauvé</title></head><body><h1>Actualités</h1>{h2}"
            f"<div class='texte'>{BODY}</div></body></html>")
    assert extracted(html)["headline"] == "Actualités"


@pytest.mark.parametrize("kicker", [
    "<a href='/politique/'>Politique | </a>",
    "<div class='entry-section'><a href='/politique/'>Politique</a></div>",
    "<span class='surtitre'><a href='https://www.journal-test.example/politique/'>Politique :</a></span>",
])
def test_a_kicker_linking_to_another_page_that_opens_the_headline_is_no_part_of_it(kicker):
    record = extracted(article_page(headline=f"<h1 class='entry-title'>{kicker}<span>Le kiosque sera sauvé</span></h1>"))
    assert record["headline"] == "Le kiosque sera sauvé"


def test_a_date_that_opens_the_title_s_heading_is_no_part_of_it_and_the_heading_is_the_headline():
    """Bridge (Qode) titles its post in an ``<h2>`` opened by its date, ``<span class="date">03 Sep</span>``: the
    heading said no title, so the page had no headline element, and the byline after it was lost."""
    html = ("<html lang='fr'><head><title>Le kiosque sera sauvé – Trifouilly Infos</title></head><body><main>"
            "<article class='post'><h2 class='entry_title'><span class='date entry_date updated'>03 Sep</span> Le kiosque "
            "sera sauvé</h2><div class='post_info'><span class='post_author'>par <a class='post_author_link' "
            f"href='/author/lea/'>Léa Roy</a></span></div><div class='post_text'>{BODY}</div></article></main>"
            "</body></html>")
    record = extracted(html, fetched_at="2024-09-10T08:00:00Z")
    assert (record["headline"], record["sources"]["headline"]) == ("Le kiosque sera sauvé", "heuristic")
    assert record["authors"] == ["Léa Roy"]


@pytest.mark.parametrize("headline, text", [
    ("<h1><span class='kicker'>Politique</span><span class='title'>Le kiosque sera sauvé</span></h1>",
     "Politique Le kiosque sera sauvé"),  # glued in the page's markup: set apart
    ("<h1><span class='seitenkopf__topline'>Politique:</span> Le kiosque sera sauvé</h1>",
     "Politique: Le kiosque sera sauvé"),
    ("<h1><span class='surtitre'>Politique</span><span class='sr-only'>: </span>Le kiosque sera sauvé</h1>",
     "Politique: Le kiosque sera sauvé"),
])
def test_a_kicker_classed_so_in_the_headline_stays_apart_from_the_title(headline, text):
    assert extracted(article_page(headline=headline))["headline"] == text


def test_drupal_olivero_s_grid_of_the_text_and_its_sidebar_is_no_sidebar():
    """Olivero, Drupal's default theme, sets the content's region and the sidebar's in ``div.sidebar-grid`` when the
    sidebar holds blocks, the title above it: read as a sidebar, the page had no body."""
    node = (f"<article class='node node--type-article'><div class='node__content'><div class='text-content field "
            f"field--name-body'>{BODY}</div></div></article>")
    sidebar = "<aside class='region region--sidebar'><h2>Agenda</h2><ul><li><a href='/a'>Une fête</a></li></ul></aside>"
    page = ("<html><head><title>Le titre</title></head><body><main role='main'><div class='region--content-above'>"
            "<h1 class='title page-title'>Le titre</h1></div><div class='sidebar-grid grid-full'><div class='region "
            f"region--content'>{node}</div>{sidebar}</div></main></body></html>")
    assert extracted(page)["sections"]


def test_the_mark_of_a_headline_s_link_to_itself_is_no_part_of_it():
    """MkDocs Material links every heading to itself, the headline too (``<a class="headerlink" href="#…">¶</a>``):
    without the metadata, the headline ended with ``¶`` and, differing from it, the ``<h1>`` was the body's first
    heading."""
    headline = "<h1 id='le-kiosque'>Le kiosque sera sauvé<a class='headerlink' href='#le-kiosque'>&para;</a></h1>"
    record = extracted(f"<html><head></head><body><main><article>{headline}{BODY}</article></main></body></html>")
    assert (record["headline"], record["sections"][0]["heading"]) == ("Le kiosque sera sauvé", None)


@pytest.mark.parametrize("headline", [
    "<h1>Le kiosque sera sauvé <span class='sr-only'>Article réservé aux abonnés</span></h1>",  # for screen readers
    "<h1>Le kiosque sera sauvé<span class='visually-hidden'> - abonnés</span></h1>",
    "<h1><span aria-hidden='true'>Premium</span> Le kiosque sera sauvé</h1>",
    "<h1><svg class='icon'><title>Abonnés</title><use href='#lock'></use></svg>Le kiosque sera sauvé</h1>",  # a tooltip
])
def test_what_the_reader_does_not_see_is_no_part_of_the_headline(headline):
    assert extracted(article_page(headline=headline))["headline"] == "Le kiosque sera sauvé"


@pytest.mark.parametrize("headline", ["<h1>Le kiosque<br>sera sauvé</h1>", "<h1>Le kiosque<br/> sera sauvé</h1>"])
def test_a_line_break_in_the_headline_is_a_space(headline):
    assert extracted(article_page(headline=headline))["headline"] == "Le kiosque sera sauvé"


def test_a_headline_linking_to_its_own_page_keeps_its_words():
    for headline in (f"<h1><a href='{URL}'>Le kiosque sera sauvé</a></h1>",
                     f"<h1><a href='{URL}'>Le kiosque</a> sera sauvé</h1>", "<h1><a href='#'>Le kiosque</a> sera sauvé</h1>"):
        assert extracted(article_page(headline=headline))["headline"] == "Le kiosque sera sauvé"


def test_ruby_annotations_stay_out_of_the_headline():
    record = extracted(article_page(headline="<h1><ruby>漢<rt>かん</rt></ruby>字の記事</h1>"))
    assert record["headline"] == "漢字の記事"


def test_the_site_banner_heading_is_not_the_headline():
    html = ("<html lang='fr'><head><title>Le kiosque sera sauvé - Carnet des Chartrons</title></head><body>"
            "<header role='banner'><h1>Carnet des Chartrons</h1></header><div class='post'>"
            f"<h2 class='post-title'>Le kiosque sera sauvé</h2><div class='post-content'>{BODY}</div></div></body></html>")
    assert extracted(html)["headline"] == "Le kiosque sera sauvé"


CARNET = "https://www.carnet-des-chartrons.example/quartier/le-kiosque-sera-sauve/"


@pytest.mark.parametrize("title", ["Le kiosque sera sauvé", "Le kiosque sera sauvé par la…"])
def test_under_the_site_banner_the_heading_that_opens_with_a_title_cut_short_is_the_headline(title):
    """A ``<title>`` cut short for search engines, without an ``<h1>`` but the site's: the heading that says more is
    the headline (the ``<title>``'s words were)."""
    html = (f"<html lang='fr'><head><title>{title} - Carnet des Chartrons</title></head><body>"
            "<header role='banner'><h1>Carnet des Chartrons</h1></header><div class='post'><h2 class='post-title'>"
            f"Le kiosque sera sauvé par la mairie</h2><div class='post-content'>{BODY}</div></div></body></html>")
    assert extracted(html, CARNET)["headline"] == "Le kiosque sera sauvé par la mairie"


def test_a_heading_in_furniture_that_opens_with_the_title_is_no_headline():
    html = ("<html lang='fr'><head><title>Le kiosque sera sauvé - Carnet des Chartrons</title></head><body>"
            "<header role='banner'><h1>Carnet des Chartrons</h1></header><aside><h3>Le kiosque sera sauvé, et la "
            "halle ?</h3></aside><div class='post'><h2 class='post-title'>Le kiosque sera sauvé par la mairie</h2>"
            f"<div class='post-content'>{BODY}</div></div></body></html>")
    assert extracted(html, CARNET)["headline"] == "Le kiosque sera sauvé par la mairie"


@pytest.mark.parametrize("site_title", [
    "<h1 class='no-margin'><a class='maintitle' href='https://vignes.example/'>Association Vignes et Terroir</a></h1>",
    "<h1><a href='/'><span>Association Vignes et Terroir</span></a></h1>",
])
def test_a_heading_that_is_a_link_to_the_home_page_is_the_site_s_name_not_the_headline(site_title):
    html = ("<html lang='fr'><head><title>Les vignes vendangées - Association Vignes et Terroir</title></head><body>"
            f"<header class='header'><div class='logo-box'>{site_title}</div></header><main><article>"
            f"<h2>Les vignes vendangées</h2><section>{BODY}</section></article></main></body></html>")
    assert extracted(html, "https://vignes.example/article12/les-vignes")["headline"] == "Les vignes vendangées"
    linked = html.replace(site_title, "<h1><a href='/article12/les-vignes'>Les vignes vendangées</a></h1>")
    assert extracted(linked, "https://vignes.example/article12/les-vignes")["headline"] == "Les vignes vendangées"


def test_an_old_table_layout_s_title_line_is_the_headline_and_its_date_line_no_body_text():
    html = ("<html><head><title>Mairie de Saint-Julien - Actualités - La route de Vals fermée</title></head><body>"
            "<table><tr><td class='menu'><a href='/'>Accueil</a><br><a href='/actu.htm'>Actualités</a></td>"
            "<td class='texte'><p class='titre'><b><font size='4'>La route de Vals fermée</font></b></p>"
            f"<p><i>Mis en ligne le 12 février 2009</i></p>{BODY}</td></tr></table></body></html>")
    record = extracted(html, "https://www.saint-julien.example/actu-route-vals.htm")
    assert (record["headline"], record["published"], record["published_raw"]) == (
        "La route de Vals fermée", "2009-02-12", "12 février 2009")
    assert record["sections"][0]["paragraphs"][0].startswith("Paragraphe 1")  # no title line, no date line


def test_a_short_part_of_the_title_shown_before_the_headline_is_no_headline():
    """A page without headings nor metadata, the site's name its ``<title>``'s last part and shown, whole, above the
    title line (a logo's caption, a photo's credit): it was the headline. The longest part of the ``<title>`` is."""
    html = ("<html><head><title>La route de Vals fermée - Le Petit Écho</title></head><body><table><tr>"
            "<td class='logo'><img src='/logo.gif'><div>(Le Petit Écho)</div></td><td class='texte'><p class='titre'>"
            f"<b><font size='4'>La route de Vals fermée</font></b></p>{BODY}</td></tr></table></body></html>")
    assert extracted(html, "https://www.vals-infos.example/actu-route-vals.htm")["headline"] == (
        "La route de Vals fermée")


def test_an_old_table_layout_s_title_typed_in_bold_on_its_line_is_where_its_date_line_is_read():
    """A cell's text typed in lines, its title in bold on the first line and no title element nor metadata: the date
    line after the title was read by the last resort alone, its day without its time."""
    html = ("<html><head><title>Comité des fêtes de Vernon</title></head><body><table><tr><td><a href='/'>Accueil</a>"
            "</td><td><font size='4'><b>Assemblée générale du comité des fêtes</b></font><br><i>Le 12 mars 2024 à "
            "18h30</i><br><br>L'assemblée générale du comité s'est tenue vendredi soir à la salle polyvalente, en "
            "présence d'une quarantaine d'adhérents.<br><br>Le président a présenté le bilan de l'année écoulée, la "
            "fête de la musique et le vide-grenier ayant attiré plus de monde.</td></tr></table></body></html>")
    record = extracted(html, "https://www.comite-fetes.example/actus/ag.htm", fetched_at="2024-03-20T09:00:00Z")
    assert (record["published"], record["published_raw"]) == ("2024-03-12T18:30:00+01:00", "12 mars 2024 à 18h30")


# dates ----------------------------------------------------------------------------------------------
def test_time_with_offset_is_preferred_to_a_date_only_value_of_the_same_day():
    head = jsonld({"@type": "NewsArticle", "headline": "T", "datePublished": "2025-03-01"})
    header = '<time class="published" datetime="2025-03-01T18:05:00+01:00">1er mars 2025 à 18h05</time>'
    record = extracted(article_page(head, header))
    assert record["published"] == "2025-03-01T18:05:00+01:00"
    assert record["sources"]["published"] == "heuristic"


def test_a_more_precise_date_of_another_day_does_not_replace_the_structured_one():
    head = jsonld({"@type": "NewsArticle", "headline": "T", "datePublished": "2025-03-01"})
    header = '<time class="published" datetime="2025-02-27T18:05:00+01:00">27 février</time>'
    record = extracted(article_page(head, header))
    assert (record["published"], record["published_raw"]) == ("2025-03-01", "2025-03-01")


def test_jsonld_utc_date_is_given_in_paris_time_and_raw_is_kept():
    head = jsonld({"@type": "NewsArticle", "headline": "T", "datePublished": "2025-08-06T12:32:00+00:00",
               "dateModified": "2025-08-07T09:10:00Z"})
    record = extracted(article_page(head))
    assert record["published"] == "2025-08-06T14:32:00+02:00"
    assert record["published_raw"] == "2025-08-06T12:32:00+00:00"
    assert record["modified"] == "2025-08-07T11:10:00+02:00"


def test_visible_published_and_modified_dates():
    header = '<p class="dates">Publié le 3 juillet 2025 à 08h05, mis à jour le 4 juillet 2025 à 10h15</p>'
    record = extracted(article_page(header=header), fetched_at="2025-07-05T08:00:00Z")
    assert record["published"] == "2025-07-03T08:05:00+02:00"
    assert record["modified"] == "2025-07-04T10:15:00+02:00"


@pytest.mark.parametrize(("header", "published", "modified"), [
    ('<p class="dates">Publié à 08h05 le 3 juillet 2025</p>', "2025-07-03T08:05:00+02:00", None),
    ("<p>Mis en ligne à 18h30, le 3 juillet 2025 | Mis à jour à 10h15 le 4 juillet 2025</p>",
     "2025-07-03T18:30:00+02:00", "2025-07-04T10:15:00+02:00"),
    ("<p class='byline'>Updated 10:15, 4 Jul, 2025</p>", None, "2025-07-04T10:15:00+02:00"),
])
def test_a_visible_date_whose_time_is_written_first_keeps_its_time(header, published, modified):
    record = extracted(article_page(header=header), UNDATED_URL, fetched_at="2025-07-05T08:00:00Z")
    assert record["modified"] == modified
    assert published is None or record["published"] == published  # (an update's line alone gives no published date)


def test_relative_date_is_resolved_against_the_fetch_time():
    header = '<span class="date">il y a 3 heures</span>'
    record = extracted(article_page(header=header), UNDATED_URL, fetched_at="2025-08-06T12:32:00+00:00")
    assert record["published"] == "2025-08-06T11:32:00+02:00"


@pytest.mark.parametrize(("header", "read_against_now"), [
    ('<span class="date">il y a 3 heures</span>', True),
    ('<span class="date">Publié hier à 18h05</span>', True),
    ('<span class="date">Publié le 6 août à 14h32</span>', True),  # a day without its year
    ('<span class="date">Publié le 6 août 2025 à 14h32</span>', False),
])
def test_a_date_read_against_the_extraction_time_says_so_when_no_fetch_time_is_given(header, read_against_now):
    unknown = extracted(article_page(header=header), UNDATED_URL)
    known = extracted(article_page(header=header), UNDATED_URL, fetched_at="2025-08-07T12:32:00+00:00")
    assert unknown["published"] and known["published"]
    assert ("date_read_against_now:published" in unknown["warnings"]) is read_against_now
    assert known["warnings"] == []  # the fetch time is what such a date hangs on


@pytest.mark.parametrize(("title", "published"), [
    ("10 h 21 min", "2025-02-20T10:21:00+01:00"), ("10:21", "2025-02-20T10:21:00+01:00"),
    ("Permalien vers Le titre visible", "2025-02-20"),
])
def test_a_day_shown_in_its_permalink_takes_the_time_the_link_s_title_gives(title, published):
    """Twenty Ten (WordPress's default theme of 2010) writes its post's time in its permalink's title only."""
    meta = (f"<div class='entry-meta'><span class='meta-prep'>Publié le</span> <a href='{URL}' title='{title}' "
            "rel='bookmark'><span class='entry-date'>20 février 2025</span></a></div>")
    assert extracted(article_page(header=meta))["published"] == published


def test_a_long_line_of_details_is_read_for_its_labelled_date_a_long_paragraph_is_not():
    """WordPress's Kubrick closes a post with one long line of details (``p.postmetadata``, some 300 characters):
    its opening's labelled date is read. A paragraph as long under the headline, its class naming no details, is
    the text: a date labelled in it (``publié le``) dates the report it speaks of."""
    rest = (" et est classé dans Vie du village. Vous pouvez en suivre les commentaires par le biais du flux RSS 2.0. "
            "Vous pouvez laisser un commentaire, ou faire un rétrolien depuis votre site.")
    line = f"Cet article a été publié le jeudi 20 février 2025 à 22:35{rest}"
    details = f"<p class='postmetadata alt'><small>{line}</small></p>"
    assert extracted(article_page(after=details))["published"] == "2025-02-20T22:35:00+01:00"
    lead = ("<p>Le rapport, publié le jeudi 20 février 2025 par la Cour des comptes, pointe le coût des travaux de "
            "la rocade, que la métropole a engagés sans étude d'impact complète, et demande un audit de l'ensemble "
            "des marchés passés depuis 2019 par le syndicat mixte.</p>")
    assert extracted(article_page(header=lead))["published"] == "2025-03-01"  # the URL's day


def test_a_table_cell_dates_the_page_as_a_line_of_its_own_not_as_a_datum_of_a_table():
    """Joomla 1.5 writes its date in a row of its own (``<td class="createdate">``); a cell among others is a datum
    of a table in the text (a match's date), no date of the page."""
    rows = f"<table><tr><td class='createdate'>Jeudi, 20 Février 2025 10:21</td></tr><tr><td>{BODY}</td></tr></table>"
    assert extracted(article_page(body=rows))["published"] == "2025-02-20T10:21:00+01:00"
    fixtures = ("<table><tr><td class='date'>Jeudi, 20 Février 2025 10:21</td><td>Saint-Julien - Aurec</td></tr>"
                "</table>")
    assert extracted(article_page(body=BODY + fixtures))["published"] == "2025-03-01"  # the URL's day


def test_an_absolute_date_outranks_a_relative_one_which_raises_no_conflict():
    header = '<span class="date">il y a 3 heures</span>'
    record = extracted(article_page(header=header), fetched_at="2025-08-06T12:32:00+00:00")
    assert record["published"] == "2025-03-01"  # the URL's day: "3 hours ago" depends on when the copy was made
    assert record["warnings"] == []  # a reading that hangs on the fetch time is no conflict (newsarchive.dates.choice)


@pytest.mark.parametrize(
    "value, published",
    [(["2025-03-01T10:00:00+01:00", "2025-03-02"], "2025-03-01T10:00:00+01:00"),
     (1740819600, "2025-03-01T10:00:00+01:00")],
    ids=["list", "unix-timestamp"],
)
def test_jsonld_dates_given_as_lists_or_timestamps(value, published):
    head = jsonld({"@type": "NewsArticle", "headline": "T", "datePublished": value})
    assert extracted(article_page(head))["published"] == published


def test_unparsable_date_gives_none_a_warning_and_the_raw_text():
    head = jsonld({"@type": "NewsArticle", "headline": "T", "datePublished": "bientôt"})
    record = extracted(article_page(head), UNDATED_URL)
    assert record["published"] is None
    assert record["published_raw"] == "bientôt"
    assert record["warnings"] == ["date_unparsed:published"]


@pytest.mark.parametrize(
    "raw, published",
    [
        ("2025-08-06T20:30:00-04:00", "2025-08-06T20:30:00-04:00"),  # the page's own offset and day are kept
        ("2025-08-06T23:30:00+00:00", "2025-08-07T01:30:00+02:00"),  # UTC is given in Paris time
        ("2025-08-06T23:30:00Z", "2025-08-07T01:30:00+02:00"),
        ("2025-08-06T14:30:00", "2025-08-06T14:30:00+02:00"),  # a local time is Paris time
        ("2025-08-06T14:30:00+02:00", "2025-08-06T14:30:00+02:00"),
    ],
)
def test_published_date_offsets(raw, published):
    head = jsonld({"@type": "NewsArticle", "headline": "T", "datePublished": raw})
    record = extracted(article_page(head), AUGUST_URL)
    assert (record["published"], record["published_raw"]) == (published, raw)


def test_a_utc_moment_gives_way_to_the_same_moment_in_the_pages_own_offset():
    page = """<html lang="fr"><head><script type="application/ld+json">
    {"@type": "NewsArticle", "headline": "Un cyclone approche de la Guadeloupe",
     "datePublished": "2025-08-06T02:40:00Z"}</script></head><body><article>
    <h1>Un cyclone approche de la Guadeloupe</h1><time datetime="2025-08-05T22:40:00-04:00">5 août</time>
    <p>Les autorités ont déclenché la vigilance rouge sur l’ensemble de l’archipel dans la soirée.</p>
    <p>Les écoles resteront fermées demain, a annoncé la préfecture lors d’un point presse.</p>
    </article></body></html>"""
    record = extract_article(page, "https://exemple.gp/actualite/cyclone-guadeloupe/")
    assert record["published"] == "2025-08-05T22:40:00-04:00"


def test_a_utc_moment_alone_is_given_in_paris_time():
    page = """<html lang="fr"><head><script type="application/ld+json">
    {"@type": "NewsArticle", "headline": "La canicule s’installe", "datePublished": "2025-08-06T22:40:00+00:00"}
    </script></head><body><article><h1>La canicule s’installe</h1>
    <p>Les températures dépassent les normales de saison dans tout le pays depuis le début de la semaine.</p>
    </article></body></html>"""
    assert extract_article(page, "https://exemple.fr/france/canicule/")["published"] == "2025-08-07T00:40:00+02:00"


def test_a_time_of_day_alone_is_never_dated():
    undated_url = "https://www.journal-test.example/monde/un-article.html"
    for shown, field in (("Publié à 13h43", "published"), ("15h14", "published"), ("Mis à jour à 9h02", "modified")):
        record = extracted(article_page(header=f"<p class='date'>{shown}</p>"), undated_url,
                           fetched_at="2025-08-07T10:00:00Z")
        assert record[field] is None
        assert record[f"{field}_raw"] in shown and f"date_unparsed:{field}" in record["warnings"]


def test_htmldate_reads_the_day_in_a_form_the_rules_do_not_know():
    undated_url = "https://www.journal-test.example/monde/un-article.html"
    header = "<p class='date'>15 августа 2016, 13:43</p>"
    record = extracted(article_page(header=header), undated_url, fetched_at="2025-08-07T10:00:00Z")
    assert (record["published"], record["published_raw"], record["warnings"]) == ("2016-08-15", "2016-08-15", [])


@pytest.mark.parametrize("shown", ["Mis à jour le 12 mars 2024 à 10h05", "Dernière modification : 12/03/2024"])
def test_an_update_shown_alone_dates_no_publication(shown):
    """htmldate read the page's one date, its update's, as the published day: the page says nothing of that day."""
    undated_url = "https://www.journal-test.example/monde/un-article.html"
    record = extracted(article_page(header=f"<p>{shown}</p>"), undated_url, fetched_at="2025-08-07T10:00:00Z")
    assert (record["published"], record["published_raw"]) == (None, None)
    assert record["modified"].startswith("2024-03-12")


def test_htmldate_still_reads_a_day_other_than_the_updates():
    undated_url = "https://www.journal-test.example/monde/un-article.html"
    header = "<p class='date'>15 августа 2016, 13:43</p><p>Mis à jour le 12 mars 2024</p>"
    record = extracted(article_page(header=header), undated_url, fetched_at="2025-08-07T10:00:00Z")
    assert (record["published"], record["modified"]) == ("2016-08-15", "2024-03-12")


@pytest.mark.parametrize("folder", ["2023-11", "2023/11"])
def test_a_month_alone_in_an_image_s_folder_dates_no_day(folder):
    """Drupal's and WordPress's upload folders (``/sites/default/files/2023-11/…``, ``/uploads/2023/11/…``): htmldate
    read the month as its first day, on a page that shows no date. A first of the month the page writes stays."""
    undated_url = "https://www.journal-test.example/monde/un-article.html"
    image = f"<figure><img src='/files/{folder}/le-port.jpg' alt=''><figcaption>Le port</figcaption></figure>"
    record = extracted(article_page(header=image, end=""), undated_url, fetched_at="2025-08-07T10:00:00Z")
    assert (record["published"], record["published_raw"]) == (None, None)
    written = "<p>La fresque a été inaugurée le 1er novembre 2023 par le maire, devant une centaine d'habitants.</p>"
    record = extracted(article_page(header=image, body=BODY + written, end=""), undated_url,
                       fetched_at="2025-08-07T10:00:00Z")
    assert record["published"] == "2023-11-01"


@pytest.mark.parametrize("block", [
    "<div class='comments'><p>Commentaire de Léa, 20 mars 2019</p></div>",
    "<aside><p>À lire aussi : un autre article, 20 mars 2019</p></aside>",
])
def test_htmldate_does_not_date_the_page_from_its_comments_or_related_links(block):
    undated_url = "https://www.journal-test.example/monde/un-article.html"
    record = extracted(article_page(after=block), undated_url, fetched_at="2025-08-07T10:00:00Z")
    assert (record["published"], record["published_raw"]) == (None, None)
    header = "<p class='date'>15 августа 2016, 13:43</p>"  # the page's own date in a form only htmldate reads
    record = extracted(article_page(header=header, after=block), undated_url, fetched_at="2025-08-07T10:00:00Z")
    assert record["published"] == "2016-08-15"


def test_a_time_of_day_alone_leaves_the_day_to_the_url():
    header = "<p class='date'>Publié à 13h43</p>"
    record = extracted(article_page(header=header), AUGUST_URL, fetched_at="2025-08-07T10:00:00Z")
    assert (record["published"], record["published_raw"], record["warnings"]) == ("2025-08-06", "2025-08-06", [])


def test_a_day_word_says_which_day_a_time_is():
    header = "<p class='date'>Publié hier à 13h43</p>"
    record = extracted(article_page(header=header), AUGUST_URL, fetched_at="2025-08-07T10:00:00Z")
    assert record["published"] == "2025-08-06T13:43:00+02:00"


def test_a_date_set_as_a_day_a_month_and_a_year_in_elements_of_their_own_dates_the_page():
    header = ("<div class='datetime'><span class='day'>12</span><span class='mon'>03</span>"
              "<span class='yr'>2024</span></div>")
    record = extracted(article_page(header=header), UNDATED_URL, fetched_at="2025-08-07T10:00:00Z")
    assert (record["published"], record["published_raw"]) == ("2024-03-12", "12 03 2024")


@pytest.mark.parametrize(("header", "published"), [
    ("<p class='date'>Publié hier</p>", "2025-08-06"),
    ("<p class='date'>Mis en ligne aujourd'hui</p>", "2025-08-07"),
    ("<p class='date'>Publié avant-hier</p>", "2025-08-05"),
    ("<div class='meta'><span>Publié</span> <span class='date'>hier</span></div>", "2025-08-06"),
    ("<p class='date'>Publié il y a une heure</p>", "2025-08-07T11:00:00+02:00"),
])
def test_a_labelled_day_word_without_a_digit_dates_the_page(header, published):
    record = extracted(article_page(header=header), UNDATED_URL, fetched_at="2025-08-07T10:00:00Z")
    assert record["published"] == published


@pytest.mark.parametrize(("header", "published"), [
    ("<p>Il y a une heure</p>", "2025-08-07T11:00:00+02:00"),
    ("<span class='date'>il y a un jour</span>", "2025-08-06"),
    ("<p>An hour ago</p>", "2025-08-07T11:00:00+02:00"),
    ("<p>Il y a 3 heures</p>", "2025-08-07T09:00:00+02:00"),
])
def test_a_time_ago_alone_without_a_label_dates_the_page_written_in_words_or_figures(header, published):
    """``Il y a une heure`` under the headline dated nothing, where ``Il y a 1 heure`` did: an unlabelled date had to
    hold a digit (a day's word alone dates nothing)."""
    record = extracted(article_page(header=header), UNDATED_URL, fetched_at="2025-08-07T10:00:00Z")
    assert record["published"] == published


@pytest.mark.parametrize("header", [
    "<p>Hier, le conseil municipal a voté le budget.</p>",  # a sentence of the standfirst
    "<span class='date'>Aujourd'hui</span>",  # a day's word alone, no label
    "<p>Il y a une heure, le conseil municipal a voté le budget.</p>",
])
def test_a_day_word_without_a_label_or_a_digit_dates_nothing(header):
    record = extracted(article_page(header=header), UNDATED_URL, fetched_at="2025-08-07T10:00:00Z")
    assert record["published"] is None


@pytest.mark.parametrize("label", ["Mis à jour le", "Dernière mise a jour :", "Actualisée le", "Last edited on"])
def test_a_time_element_after_a_mis_a_jour_label_is_the_modified_date(label):
    header = ("<p>Publié le <time datetime='2025-08-28T06:01:00+02:00'>28/08/2025 06:01</time>"
              f" {label} <time datetime='2025-08-28T10:25:00+02:00'>28/08/2025 10:25</time></p>")
    record = extracted(article_page(header=header), AUGUST_URL, fetched_at="2025-08-28T12:00:00Z")
    assert (record["published"], record["published_raw"]) == ("2025-08-28T06:01:00+02:00",) * 2
    assert (record["modified"], record["modified_raw"]) == ("2025-08-28T10:25:00+02:00",) * 2


def test_a_teaser_in_an_aside_gives_no_date():
    teaser = ("<aside class='read-more'><article><h2>Autre</h2><time datetime='2022-10-03'>3 oct. 2022</time>"
              "</article></aside>")
    record = extracted(article_page(jsonld({"@type": "NewsArticle", "headline": "T", "datePublished": "2025-08-06"}),
                                    end=teaser), AUGUST_URL)
    assert (record["published"], record["warnings"]) == ("2025-08-06", [])


# authors, byline ------------------------------------------------------------------------------------
def test_authors_from_jsonld_people():
    head = jsonld({"@type": "NewsArticle", "headline": "T", "author": [
        {"@type": "Person", "name": "Hélène Ricard"}, {"@type": "Person", "name": "Par Tomas Lefèvre"}]})
    assert extracted(article_page(head))["authors"] == ["Hélène Ricard", "Tomas Lefèvre"]


def test_site_named_as_author_gives_way_to_the_byline():
    head = jsonld({"@type": "NewsArticle", "headline": "T",
                   "author": {"@type": "Organization", "name": "Le Journal Test"},
                   "publisher": {"@type": "Organization", "name": "Le Journal Test"}})
    record = extracted(article_page(head, '<div class="byline">Par Léa Roy, à Lyon</div>'))
    assert record["authors"] == ["Léa Roy"]
    assert record["byline"] == "Par Léa Roy, à Lyon"
    assert record["sources"]["authors"] == "heuristic"


def test_site_named_as_author_is_kept_when_nobody_else_is_named():
    head = jsonld({"@type": "NewsArticle", "headline": "T",
                   "author": {"@type": "Organization", "name": "Le Journal Test"},
                   "publisher": {"@type": "Organization", "name": "Le Journal Test"}})
    assert extracted(article_page(head))["authors"] == ["Le Journal Test"]


def test_rel_author_link_and_byline_after_the_headline():
    record = extracted(article_page(header='<p>Par <a rel="author" href="/auteurs/roy">Léa Roy</a></p>'))
    assert record["authors"] == ["Léa Roy"]
    assert record["byline"] == "Par Léa Roy"


@pytest.mark.parametrize(
    "block, byline",
    [
        (("<div class='signature'><p>Article rédigé par <a href='/r/lea-roy'>Léa Roy</a> - franceinfo</p>"
          "<p>Radio France</p><p>Publié le 28/08/2025 06:01</p><p>Temps de lecture : 3min</p></div>"),
         "Article rédigé par Léa Roy - franceinfo"),
        (("<div data-testid='article-byline'><span class='x1a'><span>Par <a>Léa Roy</a> et <a>Paul Martin</a>"
          "</span></span><span>Publié le 3 novembre 2025</span><a href='#c'>12 commentaires</a></div>"),
         "Par Léa Roy et Paul Martin"),
        ("<p class='byline'>Par <a href='/a/lea-roy'>Léa Roy</a>, publié le 6 août 2025</p>",
         "Par Léa Roy, publié le 6 août 2025"),
        ("<div class='x9z'><span>Par Léa ROY</span><span>Publié le 06/08/2025 à 14h32</span></div>",  # no hint
         "Par Léa ROY"),
    ],
)
def test_the_byline_is_the_signed_line_of_a_block_that_also_holds_dates_and_counts(block, byline):
    record = extracted(article_page(header=block))
    assert record["byline"] == byline


def test_the_signed_piece_of_a_line_of_details_parted_by_bars_is_the_byline():
    """``Créé le … | Écrit par Léa Roy | Affichages : 123`` (a Joomla template's line of details without its
    classes): the line opens with its date, and named no author."""
    line = "<p>Créé le mardi 12 mars 2024 10:05 | Écrit par Léa Roy | Affichages : 123</p>"
    record = extracted(article_page(header=line))
    assert (record["byline"], record["authors"]) == ("Écrit par Léa Roy", ["Léa Roy"])
    line = "<p>Créé le 12 mars 2024 | Écrit par Léa Roy | Publié par Paul Martin</p>"  # two: which one signs it?
    assert extracted(article_page(header=line))["authors"] == []


@pytest.mark.parametrize("separator", ["–", "-", "·", "•", "\u2010"])
def test_the_signed_piece_of_a_line_of_details_parted_by_dashes_or_bullets_is_the_byline(separator):
    """``Vie locale – Par Léa Roy – 12 mars 2024``: a theme's line of details opening with the article's section, its
    pieces parted by dashes or bullets (the bars' rule above), named no author."""
    line = f"<p>Vie locale {separator} Par Léa Roy et Paul Martin {separator} 12 mars 2024</p>"
    record = extracted(article_page(header=line))
    assert (record["byline"], record["authors"]) == ("Par Léa Roy et Paul Martin", ["Léa Roy", "Paul Martin"])


@pytest.mark.parametrize("line", [
    "Le maire – par ailleurs président de l'agglomération – a annoncé sa démission le 12 mars 2024.",  # an incise
    "Vie locale – Par Léa Roy",  # no day: no line of details
    "Vie locale – par la force des choses – 12 mars 2024",  # no name
])
def test_a_piece_parted_by_dashes_that_opens_as_a_byline_is_none_without_a_day_or_names(line):
    record = extracted(article_page(header=f"<p>{line}</p>"))
    assert (record["byline"], record["authors"]) == (None, [])


def test_an_icon_s_title_in_a_byline_is_no_name():
    header = "<div class='author'><svg aria-hidden='true'><title>Icône</title></svg><span>Léa Roy</span></div>"
    record = extracted(article_page(header=header))
    assert (record["byline"], record["authors"]) == ("Léa Roy", ["Léa Roy"])


@pytest.mark.parametrize("verb", ["Mis en ligne", "Posté", "Postée"])
def test_mis_en_ligne_par_and_poste_par_open_a_byline_near_the_headline(verb):
    """``Mis en ligne par`` and ``Posté par`` signed as ``Publié par`` does only before a date (``Mis en ligne le …
    par``, a blog post's footer: ``Posté par Léa Roy à 18:04``)."""
    assert extracted(article_page(header=f"<p>{verb} par Léa Roy</p>"))["authors"] == ["Léa Roy"]


def test_a_surname_in_capitals_is_written_like_the_given_name():
    header = "<p class='auteur'>Par Julien MARCHAND et Yann LE GALL</p>"
    assert extracted(article_page(header=header))["authors"] == ["Julien Marchand", "Yann Le Gall"]

@pytest.mark.parametrize(("line", "authors"), [
    ("<p class='auteur'>PAR LÉA ROY</p>", ["Léa Roy"]),  # a byline all in capitals
    ("<p class='auteur'>Par J. DUPONT</p>", ["J. Dupont"]),
    ("<p class='auteur'>Par LÉA ROY avec AFP</p>", ["Léa Roy", "AFP"]),  # one word in capitals: an acronym
])
def test_a_name_all_in_capitals_is_written_as_a_name(line, authors):
    assert extracted(article_page(header=line))["authors"] == authors


@pytest.mark.parametrize(("line", "byline"), [
    ("<p class='auteur'><a href='/julien-martin'>Julien Martin</a> <span class='role'>Enseignant</span></p>",
     "Julien Martin"),  # a blog platform's author line: the name linked to its page, the role in an element after it
    ("<p class='auteur'>Par <a href='/julien-martin'>Julien Martin</a> <span>Militant associatif</span></p>",
     "Par Julien Martin"),
])
def test_the_role_in_an_element_after_a_linked_name_is_no_part_of_the_name(line, byline):
    """A role that no vocabulary lists (``Enseignant``) was read as the name's last word: ``Julien Martin
    Enseignant``."""
    record = extracted(article_page(header=line))
    assert (record["byline"], record["authors"]) == (byline, ["Julien Martin"])


def test_a_date_s_label_classed_as_an_author_s_is_no_byline():
    """WordPress's Twenty Ten: ``<span class="meta-prep meta-prep-author">Publié le</span>`` before the date, then the
    author's hCard; the label was the byline, and no author was read."""
    line = ("<div class='entry-meta'><span class='meta-prep meta-prep-author'>Publié le</span> <a href='/2024/03/12/x/' "
            "rel='bookmark'><span class='entry-date'>12 mars 2024</span></a> <span class='meta-sep'>par</span> "
            "<span class='author vcard'><a class='url fn n' href='/author/sophie/'>Sophie Martin</a></span></div>")
    record = extracted(article_page(header=line))
    assert (record["byline"], record["authors"]) == ("Sophie Martin", ["Sophie Martin"])


@pytest.mark.parametrize("line", [
    "<p><span class='author-label'>Auteur :</span> <span class='author-name'>Léa Roy</span></p>",
    "<p><span class='byline-prefix'>Écrit par</span> <span class='byline-name'>Léa Roy</span></p>",
])
def test_a_byline_s_label_in_an_element_of_its_own_is_no_byline(line):
    """The label and the name in two elements classed as a byline's: the label alone was the byline, no author."""
    record = extracted(article_page(header=line))
    assert (record["byline"], record["authors"]) == ("Léa Roy", ["Léa Roy"])


def test_a_by_line_in_a_list_item_next_to_the_headline():
    header = "<ul class='info'><li>Publié le 18 avril 2017</li><li>par Colette Marie</li></ul>"
    record = extracted(article_page(header=header))
    assert (record["byline"], record["authors"]) == ("par Colette Marie", ["Colette Marie"])


# tags, category, breadcrumb -------------------------------------------------------------------------
def test_rel_tag_links_without_category_links():
    after = ('<div class="meta"><a rel="category tag" href="/c/societe/">Société</a>'
             '<a rel="tag" href="/t/lyon/">Lyon</a><a rel="tag" href="/t/metro/">Métro</a>'
             '<a rel="tag" href="/t/lyon2/">LYON</a></div>')
    record = extracted(article_page(after=after))
    assert record["tags"] == ["Lyon", "Métro"]
    assert record["category"] == "Société"
    # WordPress's block themes: the category's link is rel="tag", to the category's page
    terms = ('<div class="taxonomy-category wp-block-post-terms"><span>dans </span><a href="/category/culture/" '
             'rel="tag">Culture</a></div><div class="taxonomy-post_tag wp-block-post-terms"><a href="/tag/quimper/" '
             'rel="tag">Quimper</a></div>')
    record = extracted(article_page(after=terms), "https://www.journal-test.example/un-article/")
    assert (record["tags"], record["category"]) == (["Quimper"], "Culture")


@pytest.mark.parametrize("block", [
    # franceinfo's "Voir les sujets liés à cet article"
    "<section class='related-tags'><h2>Voir les sujets liés à cet article</h2><ul><li><a class='fi-tag' "
    "href='/culture/patrimoine/'>Patrimoine</a></li><li><a class='fi-tag' href='/cantal/'>Cantal</a></li></ul></section>",
    # The Telegraph's: a comma after each
    "<div class='related-topics'><div class='related-topics__title'>Related Topics</div><ul class='related-topics__list'>"
    "<li class='related-topics__item'><a class='related-topics__link' href='/patrimoine/'> Patrimoine, </a></li><li "
    "class='related-topics__item'><a class='related-topics__link' href='/cantal/'> Cantal </a></li></ul></div>",
])
def test_a_block_of_related_tags_or_topics_is_the_article_s_tag_list(block):
    """Classed "related", such a block was furniture (related links): its tags were lost."""
    assert extracted(article_page(after=block))["tags"] == ["Patrimoine", "Cantal"]


def test_jsonld_keywords_then_article_tag_then_meta_keywords():
    keywords = jsonld({"@type": "NewsArticle", "headline": "T", "keywords": "Lyon, Métro"})
    assert extracted(article_page(keywords))["tags"] == ["Lyon", "Métro"]
    article_tags = '<meta property="article:tag" content="Lyon"><meta property="article:tag" content="Bus, tram">'
    assert extracted(article_page(article_tags))["tags"] == ["Lyon", "Bus, tram"]
    record = extracted(article_page('<meta name="keywords" content="lyon, transports">'))
    assert (record["tags"], record["sources"]["tags"]) == (["lyon", "transports"], "meta")


def test_category_is_not_added_to_the_tags():
    head = jsonld({"@type": "NewsArticle", "headline": "T", "articleSection": "Société", "keywords": ["Lyon"]})
    record = extracted(article_page(head))
    assert (record["category"], record["tags"]) == ("Société", ["Lyon"])


def test_the_section_an_article_s_microdata_declare_is_its_category():
    """PrestaShop's blog module marks its post's category ``<span itemprop="articleSection">``: the breadcrumb's parent,
    ``Blog``, was read."""
    line = ("<span itemprop='articleSection'>&nbsp;<i class='icon icon-tags'></i>&nbsp;<a "
            "href='/fr/blog/category/2_vie-du-rucher.html'> Vie du rucher </a></span>")
    page = article_page(header=line, before=_TRAIL).replace("<article>", "<article itemscope "
                                                           "itemtype='https://schema.org/BlogPosting'>")
    record = extracted(page, "https://www.journal-test.example/un-article/")
    assert (record["category"], record["sources"]["category"]) == ("Vie du rucher", "meta")


def test_a_folder_named_as_a_kind_of_page_gives_way_to_the_category_after_it():
    """Hugo's Blowfish: the breadcrumb's ``<a href="/posts/">Articles</a>``, the content's folder, before the post's
    category badge: the folder was the category."""
    header = ("<ol class='breadcrumbs'><li><a href='/'>Accueil</a></li><li><a href='/posts/'>Articles</a></li></ol>"
              "<div class='badges'><a href='/categories/culture/'>Culture</a></div>")
    record = extracted(article_page(header=header), "https://www.journal-test.example/posts/un-article/")
    assert record["category"] == "Culture"
    alone = "<ol class='breadcrumbs'><li><a href='/'>Accueil</a></li><li><a href='/posts/'>Articles</a></li></ol>"
    assert extracted(article_page(header=alone), "https://www.journal-test.example/posts/un-article/")[
        "category"] is None  # no other: none


@pytest.mark.parametrize("folder, name", [("articles", "Articles"), ("episodes", "Episodes")])
def test_a_menu_s_link_to_the_folder_of_a_kind_of_page_names_no_category(folder, name):
    """A Next.js site's menu links to ``/articles``, the folder of its article at ``/articles/2025/<slug>`` (a podcast
    host's to ``/episodes``): the kind of page, "Articles", was the category."""
    menu = f"<nav><ul><li><a href='/{folder}'>{name}</a></li><li><a href='/videos'>Vidéos</a></li></ul></nav>"
    record = extracted(article_page(before=menu), f"https://www.journal-test.example/{folder}/2025/un-article-12")
    assert record["category"] is None


@pytest.mark.parametrize("shown, category", [
    ("", "Actualités"),  # the first listed
    ("<meta property='article:section' content='Société'>", "Société"),  # the primary one, declared
    ("<span class='cat-links'><a href='/category/societe/' rel='category tag'>Société</a></span>", "Société"),  # shown
    ("<meta property='article:section' content='Sport'>", "Actualités"),  # none of those listed
])
def test_of_the_sections_the_metadata_list_the_one_the_page_names_again_is_the_category(shown, category):
    """Yoast lists all of a post's categories (\"Actualités\", its parent first, then \"Société\"): the first was the
    category, where the page's primary one, its visible one, is another."""
    head = jsonld({"@type": "NewsArticle", "headline": "T", "articleSection": ["Actualités", "Société"]})
    meta, line = (shown, "") if shown.startswith("<meta") else ("", shown)
    assert extracted(article_page(head + meta, header=line))["category"] == category


def test_a_drupal_field_with_its_label_inline_is_one_line():
    """Drupal 7 sets the author's field before the body, ``<div class="field-label">Par:&nbsp;</div>`` then the name in
    a block of its own: two paragraphs, ``Par:`` and the name, opened the body (the byline, a line, was not left
    out)."""
    field = ("<div class='field field-name-field-auteur field-type-text field-label-inline clearfix'><div "
             "class='field-label'>Par:&nbsp;</div><div class='field-items'><div class='field-item even'>Léa Roy</div>"
             "</div></div>")
    record = extracted(article_page(body=field + BODY))
    assert (record["authors"], record["sections"][0]["paragraphs"][0][:20]) == (["Léa Roy"], BODY[3:23])


def test_a_kind_of_page_after_its_article_names_no_category():
    """Duda's blog links its post to ``<a href="/blog">Le blog</a>`` above the headline: \"Le blog\" was the category."""
    header = "<div class='dmBlogBreadcrumbs'><a class='dmBlogBreadcrumbs__link' href='/blog'>Le blog</a></div>"
    assert extracted(article_page(header=header), "https://www.journal-test.example/blog/un-article")["category"] is None


def test_a_box_of_the_same_section_s_stories_names_no_category():
    """WMaker's pages (Tahiti Infos) class their box of the section's other stories ``div.ti_rubrique#meme_rubrique``:
    its classed elements' links joined the category's above the headline, and there was none."""
    header = "<div class='rubrique'><a href='/Culture_r9.html'>Culture</a></div>"
    box = ("<div class='ti_rubrique' id='meme_rubrique'><div class='titre_rubrique'><h2>Dans la même rubrique :</h2>"
           "</div><ul class='liste_rubrique'><li><a href='/Un-autre_a1.html'>Un autre</a></li><li><a "
           "href='/Encore_a2.html'>Encore un</a></li></ul></div>")
    record = extracted(article_page(header=header, after=box), "https://www.journal-test.example/Le-titre_a227481.html")
    assert record["category"] == "Culture"


def test_a_section_listed_in_the_metadata_keeps_the_commas_of_its_name():
    head = jsonld({"@type": "NewsArticle", "headline": "T", "articleSection": ["Culture, Médias, Technologies"]})
    assert extracted(article_page(head))["category"] == "Culture, Médias, Technologies"


@pytest.mark.parametrize(("line", "category"), [
    ("<p>Catégorie : Société</p>", "Société"),
    ("<p class='infos'>Rubrique : Vie locale | Mots-clés : eau, climat</p>", "Vie locale"),
    ("<p><span class='cat'>Classé dans : Politique, Société</span></p>", "Politique"),
    ("<p><strong>Catégorie : Société</strong></p>", "Société"),  # a line in bold, in italics, in a <section>
    ("<p><em>Rubrique : Vie locale</em></p>", "Vie locale"),
    ("<section>Catégorie : Société</section>", "Société"),
    ("<p><span class='label'>Catégorie :</span> <span>Société</span></p>", "Société"),  # the label in an element
    ("<p>Dans la rubrique Vie locale</p>", "Vie locale"),  # the label written out, without a colon
    # Jahia's news: each category in an element of its own, the first named
    ("<div><span>Catégories :</span> <span class='categorytitle'>Vie locale</span> <span class='categorytitle'>Sport"
     "</span></div>", "Vie locale"),
])
def test_a_category_written_after_its_label_without_a_link(line, category):
    record = extracted(article_page(after=line))
    assert record["category"] == category
    paragraphs = [paragraph for section in record["sections"] for paragraph in section["paragraphs"]]
    assert paragraphs and not any(category in paragraph for paragraph in paragraphs)  # the line is no paragraph


@pytest.mark.parametrize("line", [
    "<p>Publié dans Ouest-France le 12 mars 2024</p>",  # the paper a text first appeared in
    "<p>Catégorie : les élus de la commune ont voté le budget.</p>",
    "<p>Dans la rubrique des chiens écrasés, rien de nouveau ce mardi.</p>",  # a sentence
])
def test_no_category_is_read_from_a_line_that_names_none(line):
    assert extracted(article_page(after=line))["category"] is None


@pytest.mark.parametrize("line", [
    "<p>Dans la rubrique <a href='/vie-locale/'>Vie locale</a></p>",
    "<p>Publié le 12 mars 2024 dans la rubrique <a href='/vie-locale/'>Vie locale</a></p>",
    "<p>Dans la catégorie : <a href='/vie-locale/'>Vie locale</a></p>",
])
def test_a_link_after_dans_la_rubrique_is_the_category(line):
    assert extracted(article_page(header=line))["category"] == "Vie locale"


def test_breadcrumb_gives_the_category_when_nothing_else_does():
    header = ('<nav class="breadcrumb"><a href="/">Accueil</a> › <a href="/societe/">Société</a> › '
              '<a href="/societe/transports/">Transports</a> › <span>Le titre visible</span></nav>')
    record = extracted(article_page(header=header))
    assert record["breadcrumb"] == ["Accueil", "Société", "Transports", "Le titre visible"]
    assert record["category"] == "Transports"


@pytest.mark.parametrize("period", ["Mars 2024", "2024", "12 mars 2024"])
def test_a_breadcrumb_s_parent_that_is_a_month_a_year_or_a_day_is_no_category(period):
    """Le Monde diplomatique's trail goes through the issue's month, ``Accueil > Mars 2024 > Titre``; a blog's
    through its archive's year: it was the category."""
    header = (f'<nav class="breadcrumb"><a href="/">Accueil</a> › <a href="/2024/03/">{period}</a> › '
              '<span>Le titre visible</span></nav>')
    record = extracted(article_page(header=header))
    assert (record["breadcrumb"], record["category"]) == (["Accueil", period, "Le titre visible"], None)


def test_the_date_a_breadcrumb_ends_with_is_no_crumb():
    """LeFaso.net's SPIP trail ends with the article's date (``p#hierarchie``): it was the trail's last crumb."""
    header = ("<p id='hierarchie'><a href='/'>Accueil</a> &gt; <a href='/societe/'>Société</a> &bull; <abbr "
              "class='published' title='2024-03-14T10:05:00Z'>Publié le jeudi 14 mars 2024 à 10h05min</abbr></p>")
    record = extracted(article_page(header=header))
    assert (record["breadcrumb"], record["published"]) == (["Accueil", "Société"], "2024-03-14T10:05:00+00:00")
    titled = ("<nav class='breadcrumb'><a href='/'>Accueil</a> › <a href='/societe/'>Société</a> › <span>La fondation "
              "publie une enquête sur la précarité</span></nav>")  # the page's title, a verb of publishing in it
    assert extracted(article_page(header=titled))["breadcrumb"][-1] == "La fondation publie une enquête sur la précarité"


def test_a_breadcrumb_whose_home_is_an_icon_gives_the_category():
    """The home's link drawn as an icon (``<a href="/"><i class="fa fa-home"></i></a>``): the first link with a text,
    the section, was skipped as the home's, and the page had no category."""
    trail = ('<nav class="breadcrumbs"><a href="/"><i class="fa fa-home"></i></a> / <a href="/politique/">Politique</a>'
             ' / <span>Le titre visible</span></nav>')
    record = extracted(article_page(before=trail))  # above the article, its section no folder of the address
    assert (record["breadcrumb"], record["category"]) == (["Politique", "Le titre visible"], "Politique")


@pytest.mark.parametrize("trail", [
    "Accueil › Société › Transports › Le titre visible",
    "<a href='/'>Accueil</a> › Société › Transports › Le titre vis…",  # the home alone linked, the title cut short
])
def test_a_breadcrumb_written_as_text_gives_the_crumb_before_the_page_s_title(trail):
    record = extracted(article_page(header=f'<div class="breadcrumb">{trail}</div>'))
    assert (record["category"], record["sources"]["category"]) == ("Transports", "heuristic")


@pytest.mark.parametrize("trail", ["Accueil › Société › Transports", "Accueil › Le titre visible"])
def test_a_breadcrumb_written_as_text_that_does_not_end_on_the_page_names_no_category(trail):
    assert extracted(article_page(header=f'<div class="breadcrumb">{trail}</div>'))["category"] is None


def test_a_kicker_linking_to_the_folder_of_the_page_names_its_category():
    kicker = "<a class='surtitre' href='/societe/'>Société</a>"
    record = extracted(article_page(headline=kicker + HEADLINE))
    assert (record["category"], record["sources"]["category"]) == ("Société", "heuristic")
    relative = extracted(article_page(headline="<a href='../../../'>Société</a>" + HEADLINE))
    assert relative["category"] == "Société"


@pytest.mark.parametrize("href", ["/category/societe/", "/categorie/vie-locale/societe/", "/rubrique/societe",
                                  "https://www.journal-test.example/category/societe/", "/fr/category/societe/",
                                  "/actualites/itemlist/category/3-societe", "/actualites?category=Soci%C3%A9t%C3%A9",
                                  "/spip.php?rubrique12", "/spip.php?page=rubrique&id_rubrique=12"])
def test_a_kicker_linking_to_a_category_page_names_the_category(href):
    kicker = f"<ul class='td-category'><li class='entry-category'><a href='{href}'>Société</a></li></ul>"
    page = article_page(headline=kicker + HEADLINE)
    assert extracted(page, "https://www.journal-test.example/un-article/")["category"] == "Société"
    elsewhere = page.replace(href, "https://autre-journal.example/category/societe/")
    assert extracted(elsewhere, "https://www.journal-test.example/un-article/")["category"] is None


def test_a_blog_post_s_footer_line_linking_to_its_category_page_names_the_category():
    """Canalblog's post footer, ``Posté par X à 22:15 - <a href="/archives/concerts/index.html">Concerts</a> -
    Commentaires``: no label, its category's address none of those known; a date archive's is none."""
    post = ("<div class='article'><h2 class='articletitle'>Le concert</h2><div class='articlebody'>" + BODY + "</div>"
            "<p class='itemfooter'>Posté par Hélène Faure à <a href='#'>22:15</a> - <a href='{href}'>Concerts</a> - "
            "<a href='#c'>Commentaires [2]</a></p></div>")
    url = "https://musiques.canalblog.example/archives/2024/03/14/40123456.html"
    page = "<html><head><title>Le concert</title></head><body><div class='blogbody'>{}</div></body></html>"
    assert extracted(page.format(post.format(href="/archives/concerts/index.html")), url)["category"] == "Concerts"
    assert extracted(page.format(post.format(href="/archives/2024/03/index.html")), url)["category"] is None


def test_a_link_to_a_category_page_named_in_the_address_s_query_names_the_category():
    """Dotclear's addresses in their query (``index.php?category/Vie-du-village``) in Ductile's line of details."""
    line = ("<p class='post-info'>Par Léa Roy, le 14 mai 2024 <span class='post-cat'><a href='/index.php?category/"
            "Vie-du-village'>Vie du village</a></span></p>")
    record = extracted(article_page(header=line), "https://www.journal-test.example/index.php?post/2024/05/14/four")
    assert record["category"] == "Vie du village"


@pytest.mark.parametrize("text", ["Retour au blog", "← Retour aux actualités", "« Retour", "Back to news",
                                  "Voir tous les épisodes", "Toutes nos actualités →"])
def test_a_link_back_to_the_list_of_the_page_s_folder_names_no_category(text):
    """A shop's blog post links back to its blog (``/blogs/actualites``: Shopify's ``Retour au blog``), a CMS's news
    item to its list: the folder's page, under words that name no section."""
    back = f"<a href='/blogs/actualites'>{text}</a>"
    page = article_page(after=back)
    assert extracted(page, "https://boutique.example/blogs/actualites/le-marche")["category"] is None
    named = page.replace(text, "Actualités")  # the same link under the section's name names it
    assert extracted(named, "https://boutique.example/blogs/actualites/le-marche")["category"] == "Actualités"


MENU = ("<nav class='menu-principal'><a href='/'>Accueil</a> <a href='/aktuell/'>Startseite</a> "
        "<a href='/economie/'>Économie</a> <a href='/politique/'>Politique</a> <a href='/politique/elections/'>"
        "Élections</a> <a href='/category/vie-locale/'>Vie locale</a> <a href='/news/'>Les dernières infos</a> "
        "<a href='/aktuell/politik/'>Politik</a> <a href='/notes/archive/'>Archives</a></nav>")


@pytest.mark.parametrize("path, category", [
    ("/politique/elections/un-article/", "Politique"),  # the main section, not the deepest
    ("/economie/2025/03/01/un-article.html", "Économie"),  # accents folded, the date's folders passed over
    ("/vie-locale/un-article/", "Vie locale"),  # a category page of the folder's name
    ("/aktuell/politik/un-article/", "Politik"),  # "Startseite" does not name "aktuell"
    ("/news/un-article/", None),  # "Les dernières infos" does not name "news"
    ("/sport/un-article/", None),  # no link to the folder
    ("/notes/archive/un-article/", None),  # the list of all the posts (a newsletter's), no section
])
def test_a_link_of_the_site_s_menu_to_the_page_s_folder_names_the_category(path, category):
    page = article_page(before=MENU)
    assert extracted(page, f"https://www.journal-test.example{path}")["category"] == category


@pytest.mark.parametrize("section", ["post", "Posts", "blog"])
def test_a_section_the_metadata_give_that_names_a_kind_of_page_is_none(section):
    """Hugo writes the content's folder as ``article:section``: ``post`` was the category of every page of a Stack
    site, over the category its post shows."""
    head = f"<meta property='article:section' content='{section}'>"
    kicker = "<div class='article-category'><a href='/categories/patrimoine/'>Patrimoine</a></div>"
    record = extracted(article_page(head, header=kicker), "https://journal-test.example/p/un-article/")
    assert record["category"] == "Patrimoine"
    named = head.replace(section, "Vie locale")  # a section's name stays
    assert extracted(article_page(named, header=kicker), "https://journal-test.example/p/un-article/")["category"] \
        == "Vie locale"


def test_a_member_s_folder_above_its_blog_is_no_section():
    """Le Club de Mediapart files a post under its writer's folder, ``/martine-royer/blog/120423/…``: the link to the
    writer's page, a folder of the address, was the category."""
    writer = "<a href='/martine-royer'>Martine Royer</a>"
    record = extracted(article_page(headline=writer + HEADLINE, before=MENU),
                       "https://blogs.mediapart.example/martine-royer/blog/120423/le-lavoir")
    assert record["category"] is None


def test_a_member_s_folder_is_no_section():
    """Medium's addresses put the story under its writer's folder (/@claire/…): the link to it names a person."""
    page = article_page(headline="<a href='/@claire.besson'>Claire Besson</a>" + HEADLINE, before=MENU)
    assert extracted(page, "https://medium.example/@claire.besson/un-titre-3f2a")["category"] is None
    assert extracted(page.replace("@claire", "~claire"), "https://medium.example/~claire.besson/un-titre")["category"] \
        is None


def test_a_breadcrumb_classed_crumbs_is_the_breadcrumb():
    crumbs = ("<div class='td-crumb-container'><div class='entry-crumbs'><span><a class='entry-crumb' href='/'>Accueil"
              "</a></span> <i class='td-bread-sep'></i> <span><a class='entry-crumb' href='/category/societe/'>Société"
              "</a></span> <i class='td-bread-sep'></i> <span>Le titre visible</span></div></div>")
    record = extracted(article_page(header=crumbs))
    assert (record["breadcrumb"], record["category"]) == (["Accueil", "Société", "Le titre visible"], "Société")
    assert extracted(article_page(header=crumbs.replace("crumb", "item")))["breadcrumb"] == []


def test_a_link_whose_label_holds_a_breadcrumb_s_word_is_no_breadcrumb():
    """Ashe's reply link under a comment is labelled with its writer's name: ``aria-label="Répondre à Les Petites
    Miettes"`` (``miettes``, French for the crumbs) made the page's breadcrumb ``["Répondre"]``."""
    reply = ("<div class='comments'><p>Merci pour cet article !</p><a class='comment-reply-link' href='#respond' "
             "aria-label='Répondre à Les Petites Miettes'>Répondre</a></div>")
    assert extracted(article_page(after=reply))["breadcrumb"] == []


def test_a_page_builder_s_post_without_article_element_has_the_category_its_line_of_details_links_to():
    """Elementor's single post: no <article> nor <main>; its post info widget links to the category page. A link to
    a category in the text itself names none."""
    info = ("<ul class='elementor-post-info'><li><a href='/author/lroy/'>Léa Roy</a></li><li><a href='/2024/03/12/'>"
            "12 mars 2024</a></li><li><a href='/category/vie-locale/'>Vie locale</a></li></ul>")
    linked = BODY.replace("</p>", " Voir <a href='/category/sport/'>Sport</a>.</p>", 1)
    for before, body, category in ((info, BODY, "Vie locale"), ("", linked, None)):
        html = (f"<html lang='fr'><head><title>Le kiosque sera sauvé</title></head><body>"
                f"<div data-elementor-type='single-post' class='elementor post type-post'><div class='widget'>"
                f"<h1>Le kiosque sera sauvé</h1></div>{before}<div class='elementor-widget-theme-post-content'>{body}"
                "</div></div></body></html>")
        assert extracted(html, "https://www.trifouilly.example/le-kiosque-sera-sauve/")["category"] == category


def test_a_page_builder_s_headline_in_widgets_of_its_own_has_the_date_of_the_widget_beside_it():
    """Elementor without metadata: the ``<h1>`` alone in two wrappers (its title widget), the date in the post info
    widget beside them. The part of the page around the headline was the title widget: no date was read."""
    info = ("<div class='elementor-widget elementor-widget-post-info'><div class='elementor-widget-container'><ul>"
            "<li><span class='elementor-post-info__item--type-author'>Par Léa Roy</span></li>"
            "<li><span class='elementor-post-info__item--type-date'>Publié le 12 mars 2025 à 9h15</span></li></ul>"
            "</div></div>")
    title = ("<div class='elementor-widget elementor-widget-theme-post-title'><div class='elementor-widget-container'>"
             "<h1>Le kiosque sera sauvé</h1></div></div>")
    html = (f"<html lang='fr'><head><title>Le kiosque sera sauvé</title></head><body>"
            f"<div data-elementor-type='single-post' class='elementor post type-post'><section><div class='wrap'>"
            f"{title}{info}<div class='elementor-widget-theme-post-content'>{BODY}</div></div></section></div>"
            "</body></html>")
    record = extracted(html, "https://www.trifouilly.example/le-kiosque-sera-sauve/", fetched_at="2025-03-13T08:00:00Z")
    assert (record["published"], record["published_raw"]) == ("2025-03-12T09:15:00+01:00", "12 mars 2025 à 9h15")


@pytest.mark.parametrize("trail", [
    "<p id='hierarchie'><a href='/'>Accueil</a> &gt; <a href='/rubrique3'>Vie municipale</a> &gt; "
    "<a href='/rubrique12'>Finances</a></p>",  # SPIP 2's
    "<div class='vous-etes-ici'>Vous êtes ici : <a href='/'>Accueil</a> &gt; <a href='/r/3'>Vie municipale</a> &gt; "
    "<a href='/r/12'>Finances</a></div>",
    # SPIP's SoyezCréateurs: the crumbs ("miettes de pain")
    "<div id='miettesdepain'><ul><li><a href='/'>Accueil</a></li><li><a href='-Vie-municipale-.html'>Vie municipale"
    "</a></li><li><a href='-Finances-.html'>Finances</a></li></ul></div>",
    "<div class='miettes-de-pain'><a href='/'>Accueil</a> » <a href='/vie-municipale'>Vie municipale</a> » "
    "<a href='/finances'>Finances</a></div>",  # a Drupal theme's
    "<div class='chemin'><a href='/'>Accueil</a> &gt; <a href='/r/3'>Vie municipale</a> &gt; "
    "<a href='/r/12'>Finances</a></div>",  # a home-made site's path of pages
    # SPIP's Escal: the crumbs parted by an arrow's image
    "<div class='cadre-chemin'><a href='/'><img src='images/fleche_droite.png' alt='flèche'>Accueil</a> <img "
    "src='images/fleche_droite.png' alt='flèche'> <a href='-Vie-municipale-.html'>Vie municipale</a> <img "
    "src='images/fleche_droite.png' alt='flèche'> <a href='-Finances-.html'>Finances</a></div>",
    # the French state's design system (DSFR): a button to show the trail, whose text is no crumb
    "<nav role='navigation' class='fr-breadcrumb' aria-label='vous êtes ici :'><button class='fr-breadcrumb__button'>"
    "Voir le fil d’Ariane</button><div class='fr-collapse'><ol class='fr-breadcrumb__list'><li><a href='/'>Accueil</a>"
    "</li><li><a href='/r/3'>Vie municipale</a></li><li><a href='/r/12'>Finances</a></li></ol></div></nav>",
])
def test_a_french_breadcrumb_spip_s_or_one_labelled_vous_etes_ici_is_the_breadcrumb(trail):
    record = extracted(article_page(before=trail))
    assert (record["breadcrumb"], record["category"]) == (["Accueil", "Vie municipale", "Finances"], "Finances")


def test_a_block_flagged_as_a_breadcrumb_around_the_trail_is_none():
    """Site123 flags its article's section ``dataPageBreadcrumbs``, around its ``ol.breadcrumb`` and the related
    articles' links: that section was the breadcrumb, and a related article's title the category."""
    section = ("<section class='s123-page-data dataPageBreadcrumbs'><ol class='breadcrumb'><li class='breadcrumb-item'>"
               "<a href='/'>Accueil</a></li><li class='breadcrumb-item'><a href='/actualites'>Actualités</a></li><li>Le titre visible"
               "</li></ol><div class='related'><a href='/actualites/a'>Retour sur le repas des aînés</a> <a href='/actualites/b'>"
               "La fête du village</a></div></section>")
    record = extracted(article_page(before=section), "https://asso.example/actualites/le-titre")
    assert (record["breadcrumb"], record["category"]) == (["Accueil", "Actualités", "Le titre visible"], "Actualités")


@pytest.mark.parametrize("trail", [
    "<p>Vous êtes ici : <a href='/'>Accueil</a> &gt; <a href='/r/3'>Vie municipale</a> &gt; <a href='/r/12'>Finances</a>"
    "</p>",
    "<div><strong>Vous êtes ici :</strong> <a href='/'>Accueil</a> › <a href='/r/3'>Vie municipale</a> › "
    "<a href='/r/12'>Finances</a></div>",
])
def test_a_trail_without_a_class_after_its_label_above_the_headline_is_the_breadcrumb(trail):
    """An institutional or home-made site writes its trail above its title with no class that names it: right above
    it, or above the blocks that hold the article (four levels up: ``<main><article><header><h1>``)."""
    record = extracted(article_page(header="", headline=f"{trail}<h1>Le titre visible</h1>"))
    assert (record["breadcrumb"], record["category"]) == (["Accueil", "Vie municipale", "Finances"], "Finances")
    record = extracted(article_page(before=trail))
    assert (record["breadcrumb"], record["category"]) == (["Accueil", "Vie municipale", "Finances"], "Finances")
    record = extracted(article_page(before=f"<div><div>{trail}</div></div>"))
    assert (record["breadcrumb"], record["category"]) == (["Accueil", "Vie municipale", "Finances"], "Finances")


@pytest.mark.parametrize("trail", [
    "<div><a href='/'>Accueil</a> &gt; <a href='/r/3'>Vie municipale</a> &gt; <a href='/r/12'>Finances</a></div>",
    "<p><a href='/'>Accueil</a> » <a href='/r/3'>Vie municipale</a> » <a href='/r/12'>Finances</a> » Le titre visible"
    "</p>",
    "<div>Accueil &gt; Vie municipale &gt; Finances &gt; Le titre visible</div>",  # written without links
])
def test_a_trail_without_a_class_nor_a_label_opening_with_the_home_page_is_the_breadcrumb(trail):
    """A home-made site's trail above its title: no class, no label, but the home page first and a trail's separator
    after it. It was no breadcrumb, and on an address that names no section, the page had no category."""
    record = extracted(article_page(before=trail), "https://www.journal-test.example/article-123.html")
    assert record["breadcrumb"][:3] == ["Accueil", "Vie municipale", "Finances"]
    assert record["category"] == "Finances"


@pytest.mark.parametrize("menu", [
    "<div><a href='/'>Accueil</a> | <a href='/r/3'>Vie municipale</a> | <a href='/contact'>Contact</a></div>",
    "<div><a href='/'>Accueil</a> <a href='/r/3'>Vie municipale</a> <a href='/contact'>Contact</a></div>",
    "<p>Accueil &gt; " + " &gt; ".join(f"<a href='/r/{n}'>Rubrique {n}</a>" for n in range(10)) + "</p>",  # ten links
])
def test_a_menu_opening_with_the_home_page_is_no_breadcrumb(menu):
    record = extracted(article_page(before=menu), "https://www.journal-test.example/article-123.html")
    assert (record["breadcrumb"], record["category"]) == ([], None)


def test_a_line_opening_with_the_trail_s_label_in_the_text_is_no_breadcrumb():
    body = "<p>Vous êtes ici : <a href='/'>chez vous</a>, dit le maire aux nouveaux habitants.</p>" + BODY
    assert extracted(article_page(body=body))["breadcrumb"] == []


def test_a_section_s_menu_marked_as_a_breadcrumb_is_no_breadcrumb():
    """A menu of a section's subsections marked as its trail (``nav#nav_ariane``, ten links): neither a breadcrumb
    nor the category its last link would give."""
    subsections = ["Tribunes", "Enquêtes", "Rencontres", "Controverses", "Livres", "Analyses", "Éditoriaux",
                   "Chroniques", "Blogs"]
    menu = "<nav id='nav_ariane'><ul><li><a href='/idees/'>Idées</a></li>" + "".join(
        f"<li><a href='/idees-{n}/'>{name}</a></li>" for n, name in enumerate(subsections)) + "</ul></nav>"
    record = extracted(article_page(before=menu))
    assert (record["breadcrumb"], record["category"]) == ([], None)


@pytest.mark.parametrize("line", [
    # Joomla's Helix Ultimate: the label only in the title
    "<span class='category-name' title='Catégorie : Politique locale'><a href='/c/3'>Politique locale</a></span>",
    "<div class='post-category'><a href='/p/'>Politique locale</a></div>",  # a theme's, without rel=category
    "<span class='meta-category'>Dans <a href='/blog/politique-locale/'>Politique locale</a></span>",  # e-monsite's
    # BEM's and Drupal 8's doubled separators
    "<div class='heading__category'><a href='/t/politique-locale'>Politique locale</a></div>",
    "<div class='field field--name-field-category field--type-entity-reference'><div class='field__item'><a "
    "href='/t/12'>Politique locale</a></div></div>",
    # a magazine's platform: the rubric's link, to a section that is no folder of the article's address
    "<div class='RubricWrapper-dKmCNX rubric'><a class='BaseLink-eNWuiM rubric__link' href='/politique-locale'><span "
    "class='rubric__name'>Politique locale</span></a></div>",
    # an association's theme above the headline, Drupal's field of it
    "<div class='article-thematique'><a href='/nos-actions/politique-locale'>Politique locale</a></div>",
    "<div class='field field--name-field-thematique field--type-entity-reference'><div class='field__item'><a "
    "href='/nos-combats/politique-locale'>Politique locale</a></div></div>",
])
def test_a_link_in_an_element_classed_as_the_article_s_category_names_it(line):
    record = extracted(article_page(header=line, before=_TRAIL), "https://www.journal-test.example/un-article/")
    assert record["category"] == "Politique locale"


@pytest.mark.parametrize("line", [
    "<p class='heading__category theme'>Politique locale</p>",  # a town hall's CMS
    "<p class='news-categories'><span class='tag tag-category'>Politique locale</span></p>",  # a university's
    "<span class='news-detail__category rk-badge'>Politique locale</span>",  # a radio's site builder
    "<div class='news-header'><div class='field-newscategory'>Politique locale</div></div>",  # Sitecore's field
])
def test_an_element_classed_as_the_article_s_category_that_links_nowhere_names_it(line):
    """The category written without a link above the headline was passed over for the breadcrumb's parent."""
    record = extracted(article_page(header=line, before=_TRAIL), "https://www.journal-test.example/un-article/")
    assert record["category"] == "Politique locale"


@pytest.mark.parametrize("line", [
    "<p class='post-category-label'>Catégorie :</p>",  # a label alone
    "<p class='heading__category'>Le conseil municipal a voté le budget.</p>",  # a sentence
    "<p class='heading__category'>Politique locale</p><p class='heading__category'>Culture</p>",  # two of them
    # a linked category elsewhere in the article wins
    "<p class='heading__category'>À la une</p><span class='cat-links'><a href='/c/sport/'>Sport</a></span>",
])
def test_an_unlinked_label_a_sentence_or_two_names_are_no_category_of_an_element_classed_so(line):
    record = extracted(article_page(header=line, before=_TRAIL), "https://www.journal-test.example/un-article/")
    assert record["category"] == ("Sport" if "/c/sport/" in line else "Finances")


def test_a_category_listed_first_among_the_tags_in_an_item_classed_so_is_the_category_and_no_tag():
    """djangocms-blog lists the post's category with its tags, each item classed by its kind and rank
    (``li.category_1``, ``li.tag_1``): the category was the first tag, and the breadcrumb's parent the category."""
    line = ("<ul class='post-detail tags'><li class='category_1'><a href='/fr/actualites/categorie/vie-locale/'>Politique "
            "locale</a></li><li class='tag_1'><a href='/fr/actualites/tag/budget/'>Budget</a>, </li><li class='tag_2'><a "
            "href='/fr/actualites/tag/ecoles/'>Écoles</a></li></ul>")
    record = extracted(article_page(header=line, before=_TRAIL), "https://www.journal-test.example/un-article/")
    assert (record["category"], record["tags"]) == ("Politique locale", ["Budget", "Écoles"])


def test_links_all_classed_as_categories_under_a_tag_label_are_the_tags():
    """Jalios JCMS lists a publication's themes under ``Thématiques :``, each link classed ``category`` (its
    taxonomy's word): left out as categories, their texts were read as one written tag, ``Éducation Transition
    énergétique``."""
    block = ("<div class='publication-categories'><span class='categories-label'>Thématiques :</span><ul "
             "class='categories'><li><a class='category' href='/jcms/c_20410/fr/education'>Éducation</a></li><li><a "
             "class='category' href='/jcms/c_20433/fr/transition-energetique'>Transition énergétique</a></li></ul></div>")
    record = extracted(article_page(body=BODY + block), "https://www.journal-test.example/un-article/")
    assert record["tags"] == ["Éducation", "Transition énergétique"]


def test_a_list_of_categories_names_none_and_the_breadcrumb_s_parent_is_the_category():
    """tagDiv's list of the categories a post is filed under (a parent category first): none of them is told as the
    article's own."""
    line = ("<ul class='td-category'><li class='entry-category'><a href='/thema/'>Thema</a></li>"
            "<li class='entry-category'><a href='/thema/wirtschaft/'>Wirtschaft</a></li></ul>")
    record = extracted(article_page(header=line, before=_TRAIL), "https://www.journal-test.example/un-article/")
    assert record["category"] == "Finances"


_TRAIL = ("<p class='breadcrumb'><a href='/'>Accueil</a> &gt; <a href='/vie-municipale/'>Vie municipale</a> &gt; "
          "<a href='/finances/'>Finances</a></p>")


@pytest.mark.parametrize("line", [
    "<p class='posted'>18:45 Publié dans <a href='/politique-locale/'>Politique locale</a> | <a href='#c'>Lien</a></p>",
    "<div class='itemCategory'><span>Publié dans</span> <a href='/c/3'>Politique locale</a></div>",
    "<li>Catégories : <a href='/tag/politique-locale/'>#Politique locale</a></li>",
    "<p>This entry was posted in <a href='/p/'>Politique locale</a>.</p>",
    "<p class='entry-categories'>Classé sous : <a href='/politique-locale/'>Politique locale</a></p>",  # Genesis, French
    # a theme's line that dates the post, then files it
    "<p>Publié le 3 septembre 2024 dans <a href='/politique-locale/'>Politique locale</a></p>",
    "<p>Publié le 03/09/2024 à 10h05 dans <a href='/politique-locale/'>Politique locale</a> par <a href='/a/lea'>Léa "
    "Roy</a></p>",
    "<div><span class='label'>Dans:</span> <a href='/politique-locale'>Politique locale</a></div>",  # Corse-Matin's
])
def test_a_link_after_a_category_label_names_the_category(line):
    record = extracted(article_page(after=line), "https://www.journal-test.example/un-article/")
    assert record["category"] == "Politique locale"


@pytest.mark.parametrize("line", [
    "<p>Le conseil municipal s'est réuni en 2024 dans <a href='/salle/'>la salle des fêtes</a> pour voter le budget.</p>",
    "<p>Le texte a été publié dans <a href='/x/'>Le Journal</a> la semaine dernière, puis repris par d'autres.</p>",
])
def test_a_link_after_a_category_label_in_a_sentence_of_the_text_names_no_category(line):
    assert extracted(article_page(after=line), "https://www.journal-test.example/un-article/")["category"] is None


@pytest.mark.parametrize("line", [
    # Plone's subjects: links to tags after "Classé sous :"
    "<div class='keywords'><span>Classé sous :</span><span><a href='/@@search?Subject=Travaux' class='link-category' "
    "rel='tag'>Travaux</a></span>,<span><a href='/@@search?Subject=Eau' rel='tag'>Eau</a></span></div>",
    "<p>Classé dans : <a href='/tag/travaux/' rel='tag'>Travaux</a></p>",
])
def test_a_tag_s_link_after_a_category_label_names_no_category(line):
    """A link marked ``rel="tag"`` leads to a tag (WordPress marks a category's ``rel="category tag"``)."""
    record = extracted(article_page(after=line), "https://www.journal-test.example/un-article/")
    assert record["category"] is None
    assert extracted(article_page(after=line.replace("rel='tag'", "rel='category tag'", 1)),
                     "https://www.journal-test.example/un-article/")["category"] == "Travaux"


def test_a_tag_s_link_in_an_element_classed_as_the_categories_is_no_tag():
    """Blocksy marks its category links ``rel="tag"`` in ``li.meta-categories`` (the site's categories at its root,
    ``/agriculture/``): the category was the first tag."""
    line = ("<ul class='entry-meta'><li class='meta-categories'><span>Dans</span><a href='/agriculture/' rel='tag'>"
            "Agriculture</a></li></ul>")
    tags = ("<div class='entry-tags'><a href='/tag/abricots/' rel='tag'>abricots</a> <a href='/tag/gel/' rel='tag'>"
            "gel</a></div>")
    record = extracted(article_page(header=line, after=tags), "https://www.journal-test.example/un-article/")
    assert record["tags"] == ["abricots", "gel"]


def test_a_tag_s_link_in_an_element_classed_as_the_categories_names_the_category():
    """Kadence prints a post's categories with WordPress's term list, ``rel="tag"``, in ``span.category-links`` (the
    site's categories at its root, ``/culture/``): without the metadata, the page had no category."""
    line = ("<div class='entry-taxonomies'><span class='category-links term-links'><a href='/culture/' rel='tag'>"
            "Culture</a></span></div>")
    record = extracted(article_page(header=line), "https://www.journal-test.example/un-article/")
    assert (record["category"], record["tags"]) == ("Culture", [])


def test_a_tag_s_link_to_the_folder_of_the_page_s_address_is_its_section_and_no_tag():
    """Elegant Themes' Extra marks its category link ``rel="tag"`` in its line of details, on a site whose categories
    sit at its root (``/territoire/`` for ``/territoire/la-passerelle/``): the category was the page's one tag."""
    line = ("<p class='post-meta'>Publié par <a href='/author/mcalmels/' rel='author'>Martine Calmels</a> | <a "
            "href='https://www.journal-test.example/territoire/' rel='tag'>Territoire</a></p>")
    record = extracted(article_page(header=line), "https://www.journal-test.example/territoire/la-passerelle/")
    assert (record["tags"], record["category"]) == ([], "Territoire")
    elsewhere = extracted(article_page(header=line), "https://www.journal-test.example/sport/la-passerelle/")
    assert elsewhere["tags"] == ["Territoire"]


def test_a_tag_s_link_after_a_label_that_names_categories_is_the_category_and_no_tag():
    """Jekyll's Minimal Mistakes marks its categories ``rel="tag"`` like its tags, each list after its own label in an
    element of its own (an icon in it): the category was read among the tags, and none as the category."""
    footer = ("<footer class='page__meta'><p class='page__taxonomy'><strong><i class='fas fa-tags'></i> Tags : </strong>"
              "<span itemprop='keywords'><a href='/tags/#ecole' class='page__taxonomy-item' rel='tag'>École</a></span></p>"
              "<p class='page__taxonomy'><strong><i class='fas fa-folder-open'></i> Catégories : </strong><span "
              "itemprop='keywords'><a href='/categories/#vie-locale' class='page__taxonomy-item' rel='tag'>Vie locale</a>"
              "</span></p></footer>")
    record = extracted(article_page(after=footer), "https://www.journal-test.example/un-article/")
    assert (record["category"], record["tags"]) == ("Vie locale", ["École"])


def test_a_link_after_other_words_names_no_category():
    for line in ("<p>Filed under <a href='/t/x/'>Politique locale</a></p>",
                 "<p>Lire aussi dans <a href='/p/'>Politique locale</a></p>"):
        assert extracted(article_page(after=line), "https://www.journal-test.example/un-article/")["category"] is None


def test_a_kicker_is_looked_for_among_the_first_links_of_the_article_only():
    def links(count: int) -> str:
        return "".join(f"<a href='/tag/mot-{number}/'>mot {number}</a>" for number in range(count))

    kicker = "<a href='/societe/'>Société</a>"
    last_read = extracted(article_page(headline=links(MAX_LINK_CANDIDATES - 1) + kicker + HEADLINE))
    assert last_read["category"] == "Société"
    # past them, not read: a page of 10,000 links costs no more
    assert extracted(article_page(headline=links(MAX_LINK_CANDIDATES) + kicker + HEADLINE))["category"] is None


def test_links_that_are_no_section_of_the_page_name_no_category():
    refused = [
        "<a href='/societe/2025/03/'>Mars 2025</a>",  # a date archive
        "<a href='/'>Accueil</a>",  # the home page
        "<a href='https://autre-journal.example/societe/'>Société</a>",  # another site
        "<a href='/politique/'>Politique</a>",  # a section the page is not filed under
        "<a href='/societe?author=5f1'>Claire Petit</a>",  # a list of the folder filtered on its author
        "<a href='/societe/'>Tous les articles de la rubrique Société de notre journal</a>",  # no name: a sentence
    ]
    for link in refused:
        assert extracted(article_page(headline=link + HEADLINE))["category"] is None, link
    navigation = "<nav><a href='/politique/'>Politique</a></nav>"  # the site's menu: a section of another folder
    assert extracted(article_page(before=navigation))["category"] is None


def test_breadcrumb_keeps_a_title_quoted_with_french_quotes():
    crumbs = ("<div class='breadcrumb'><a href='/'>Accueil</a> » <a href='/societe/'>Société</a> » "
              "<span>«\u00a0Nous attendons des actes\u00a0» : les élus répondent</span></div>")
    record = extracted(article_page(headline=crumbs + "<h1>Le titre visible</h1>"))
    assert record["breadcrumb"] == ["Accueil", "Société", "« Nous attendons des actes » : les élus répondent"]


def test_a_breadcrumb_drops_its_opening_label_and_screen_reader_text():
    crumbs = ("<nav class='breadcrumb'><span class='visually-hidden'>Fil d'Ariane</span><ol><li>Vous êtes ici :</li>"
              "<li><a href='/'>Accueil</a></li><li><a href='/monde/'>Monde</a></li></ol></nav>")
    assert extracted(article_page(headline=crumbs + "<h1>Le titre visible</h1>"))["breadcrumb"] == ["Accueil", "Monde"]


# captions -------------------------------------------------------------------------------------------
def test_caption_beside_the_image_of_an_image_block():
    body = ("<div class='article-picture'><img src='/img/port.jpg'><p>Le port au lever du jour. Photo : Anne Kerjean</p>"
            "</div>" + BODY)
    caption = extracted(article_page(body=body))["captions"][0]
    assert (caption["text"], caption["credit"]) == ("Le port au lever du jour.", "Anne Kerjean")
    assert caption["image_url"] == "https://www.journal-test.example/img/port.jpg"


def test_a_video_page_s_image_is_its_player_s_poster_when_it_shows_no_image():
    """A video's page shows its video alone, its picture the player's poster (Brut's ``<video poster=…>``, above the
    headline or in the article): no image was found. In the article, an image comes first."""
    player = "<div class='player'><video poster='/img/poster.jpg' src='/v/clip.mp4' controls></video></div>"
    assert extracted(article_page(header=player))["image_url"] == "https://www.journal-test.example/img/poster.jpg"
    pictured = extracted(article_page(header=player + "<figure><img src='/img/a.jpg'></figure>"))
    assert pictured["image_url"] == "https://www.journal-test.example/img/a.jpg"
    above = extracted(article_page(before=player))  # the player above the article, its headline and its text
    assert above["image_url"] == "https://www.journal-test.example/img/poster.jpg"


def test_figure_in_a_thin_embed_wrapper_keeps_its_caption():
    header = ("<div class='elementor-widget elementor-widget-image'>"
              "<figure class='media-embed'><img src='/img/a.jpg'><figcaption>Une vue du quai. © AFP</figcaption>"
              "</figure></div>")
    record = extracted(article_page(header=header))
    assert [(c["text"], c["credit"]) for c in record["captions"]] == [("Une vue du quai.", "AFP")]
    assert record["image_url"] == "https://www.journal-test.example/img/a.jpg"


@pytest.mark.parametrize(
    "caption, expected",
    [
        ("Illustration d’une trottinette électrique. — C. Lenoir / Le Journal",
         ("Illustration d’une trottinette électrique.", "C. Lenoir / Le Journal")),
        ("Des ingénieurs au travail, en octobre 2025. Stéphane Lagarde / Hans Lucas",
         ("Des ingénieurs au travail, en octobre 2025.", "Stéphane Lagarde / Hans Lucas")),
        ("Le maire à Lyon. — au centre, avec ses adjoints", ("Le maire à Lyon. — au centre, avec ses adjoints", None)),
        ("Le quai de la gare à l’heure de pointe / AFP", ("Le quai de la gare à l’heure de pointe", "AFP")),
    ],
)
def test_a_name_list_after_a_dash_or_the_last_sentence_is_the_credit(caption, expected):
    body = f"<figure><img src='/img/a.jpg'><figcaption>{caption}</figcaption></figure>" + BODY
    found = extracted(article_page(body=body))["captions"][0]
    assert (found["text"], found["credit"]) == expected


# copyright, language, canonical, image ----------------------------------------------------------------
def test_copyright_line_without_the_footer_links():
    page = article_page(end='<footer><p><a href="/contact">Contact</a> | Tous droits réservés © Le Journal Test 2025 | '
                            '<a href="/cgu">CGU</a></p></footer>')
    assert extracted(page)["copyright"] == "Tous droits réservés © Le Journal Test 2025"


@pytest.mark.parametrize("footer, line", [
    ("© 2024 ASC Montbazon – Conçu par <a href='https://theme.example'>Elegant Themes</a>", "© 2024 ASC Montbazon"),
    ("© 2024 par Les Amis du Moulin. Créé avec Wix.com", "© 2024 par Les Amis du Moulin."),
    ("© Le Journal Test 2003 - 2020 powered by", "© Le Journal Test 2003 - 2020"),
    ("© 2024 Site réalisé par l'Agence Web du Centre", "© 2024"),
    ("© 2023 Powered by Minute Media - Alle Rechte vorbehalten", "© 2023 Powered by Minute Media - Alle Rechte vorbehalten"),
    ("Copyright © 2023 Le Courrier. Tous droits réservés. Thème : <a href='https://themegrill.example'>ColorMag</a> par "
     "ThemeGrill. Propulsé par <a href='https://wordpress.example'>WordPress</a>.",
     "Copyright © 2023 Le Courrier. Tous droits réservés."),  # the theme's credit, then the CMS's
    ("© 2023 Le Courrier | WordPress Theme by Themeansar", "© 2023 Le Courrier"),
    ("© 2025 Les Jardins du Plateau / Propulsé par <a href='https://silverstripe.example'>Silverstripe</a>",
     "© 2025 Les Jardins du Plateau"),  # Silverstripe's simple theme, a slash before the credit
    # Soledad's footer: its rights in the singular, its credit with two verbs
    ("@2024 - Le Courrier. All Right Reserved. Designed and Developed by <a href='https://x.example'>PenciDesign</a>",
     "@2024 - Le Courrier. All Right Reserved."),
    ("© 2024 Le Courrier. Conçu et réalisé par <a href='https://agence.example'>WebAgence</a>", "© 2024 Le Courrier."),
    # Hugo's Mainroad in French: its generator and its theme
    ("© 2023 Le Carnet. <span class='footer__copyright-credits'>Produit par <a href='https://gohugo.example'>Hugo</a> "
     "et le thème <a href='https://theme.example'>Mainroad</a>.</span>", "© 2023 Le Carnet."),
])
def test_the_site_maker_s_credit_that_ends_the_copyright_line_is_left_out(footer, line):
    assert extracted(article_page(end=f"<footer><p>{footer}</p></footer>"))["copyright"] == line


def test_the_word_copyright_alone_is_no_copyright_line():
    """Telegraph's report form, at the end of the page, offers ``Copyright`` among its reasons: it was the line."""
    form = ("<form><label><input type='radio' name='reason' value='copyright'><span>Copyright</span></label><label>"
            "<input type='radio' name='reason' value='other'><span>Other</span></label></form>")
    assert extracted(article_page(end=form))["copyright"] is None
    holder = "<footer><p class='float-left'>© Copyright <a href='https://www.journal-test.example/'>Le Journal</a></p></footer>"
    assert extracted(article_page(end=holder))["copyright"] == "© Copyright Le Journal"  # 20 Minutes': its holder's link


def test_a_copyright_mark_alone_in_an_element_of_its_own_is_no_copyright_line():
    """Plone's footer: ``Le CMS Plone<sup>®</sup> est <abbr title="Copyright">©</abbr> 2000-2025 par la Fondation
    Plone``: the line was read from the element holding the mark, ``©``."""
    footer = ("<footer><div class='footer-message'>Le CMS/WCM Open Source Plone<sup>®</sup> est <abbr "
              "title='Copyright'>©</abbr></div></footer>")
    assert extracted(article_page(end=footer))["copyright"] is None


@pytest.mark.parametrize("footer, line", [
    ("© 2025 Copyright Planète 24 - Tous droits réservés. Planète 24 n'est pas responsable des contenus provenant de "
     "sites Internet externes.", "© 2025 Copyright Planète 24 - Tous droits réservés."),
    ("Copyright © 2020 Le Journal. All Rights Reserved. Le Journal is a trademark of Le Groupe.",
     "Copyright © 2020 Le Journal. All Rights Reserved."),
    ("© 2024 Le Journal. Tous droits réservés pour tous pays", "© 2024 Le Journal. Tous droits réservés pour tous pays"),
    # a publisher's legal paragraph, longer than any line: the line is its first sentences
    ("© 2025 Maison Éditions. Tous droits réservés. Le Magazine peut percevoir une partie des ventes des produits "
     "achetés via nos liens, dans le cadre de nos partenariats avec des distributeurs. Le contenu de ce site ne peut "
     "être reproduit, distribué, transmis ou utilisé sans l'accord écrit préalable de Maison Éditions.",
     "© 2025 Maison Éditions. Tous droits réservés."),
])
def test_the_copyright_line_ends_with_its_reserved_rights_sentence(footer, line):
    """France 24 writes a disclaimer after its rights in the same element: it was a part of the line."""
    assert extracted(article_page(end=f"<footer><div class='o-footer__copyright'>{footer}</div></footer>"))[
        "copyright"] == line


@pytest.mark.parametrize("footer, line", [
    ("<p>© 2024 Le Journal</p><p>Site réalisé par WebAgence © 2024</p>", "© 2024 Le Journal"),  # the maker's mark
    ("<p>© 2024 Le Journal</p><p>Création et hébergement : WebAgence © 2024</p>", "© 2024 Le Journal"),
    ("<p>Conception : <a href='https://agence.example/'>WebAgence</a> © 2024</p>", None),  # no line of the site
    ("<p>Propulsé par WordPress © 2024 Le Journal. Tous droits réservés.</p>",
     "© 2024 Le Journal. Tous droits réservés."),  # a name after the mark: the site's line
    ("<p>© 2024 Le Journal - Création <a href='https://agence.example/'>WebAgence</a></p>", "© 2024 Le Journal"),
    ("<p>© 2024 Le Journal | Réalisation : <a href='https://agence.example/'>WebAgence</a></p>", "© 2024 Le Journal"),
])
def test_a_line_opening_with_the_site_maker_s_credit_is_the_maker_s(footer, line):
    """Small sites' footers credit the agency that made the site, its mark after it: that mark is the agency's, not
    the site's copyright line (it was, as the footer's last line), and a label whose name, a link, is left out is no
    part of the line (``– Création``)."""
    assert extracted(article_page(end=f"<footer>{footer}</footer>"))["copyright"] == line


@pytest.mark.parametrize("footer, line", [
    ("© 2024 Le Journal — Mentions légales — Plan du site — Contact", "© 2024 Le Journal"),
    ("Le Journal © 2024 | <a href='/cgu'>CGU</a> | <a href='/vie-privee'>Politique de confidentialité</a> | "
     "Gestion des cookies", "Le Journal © 2024"),
    ("Site propulsé par SPIP | © 2024 Le Journal", "© 2024 Le Journal"),
    ("© 2024 Le Journal - Tous droits réservés - Reproduction interdite",
     "© 2024 Le Journal - Tous droits réservés - Reproduction interdite"),
    ("© Le Journal, 2003-2024 · Contact", "© Le Journal, 2003-2024"),
    # the site's address or telephone number
    ("© 2025 Club nautique de Carnac · Port en Drô, 56340 Carnac", "© 2025 Club nautique de Carnac"),
    ("1 place de l'Église, 43000 Saint-Julien – © 2024 Commune de Saint-Julien",
     "© 2024 Commune de Saint-Julien"),
    ("© 2024 Le Journal | Tél. 04 71 00 00 00 | Mentions légales", "© 2024 Le Journal"),
    ("© 2024 Le Journal | 2003 - 2024", "© 2024 Le Journal | 2003 - 2024"),  # years, no address
])
def test_the_footer_s_menu_and_the_maker_s_credit_around_the_copyright_are_left_out(footer, line):
    assert extracted(article_page(end=f"<footer><p>{footer}</p></footer>"))["copyright"] == line


@pytest.mark.parametrize("footer, line", [
    ("Droits d'auteur © 2010–2022, <a href='/qui'>The Conversation France (assoc. 1901)</a>",
     "Droits d'auteur © 2010–2022, The Conversation France (assoc. 1901)"),
    ("© 2021 <a href='/'>Le <b>blog</b> de la vallée</a> · <a href='/mentions'>Mentions légales</a>",
     "© 2021 Le blog de la vallée"),
    ("© 2024 <a href='/mentions'>Mentions légales</a>", "© 2024"),  # a menu's item, no holder
])
def test_the_link_to_the_rights_holder_after_the_mark_or_the_year_is_a_part_of_the_copyright(footer, line):
    assert extracted(article_page(end=f"<footer><p>{footer}</p></footer>"))["copyright"] == line


@pytest.mark.parametrize("footer, line", [
    ("<a href='/'>© Le Journal Test 2024</a>", "© Le Journal Test 2024"),  # Hugo's Ananke
    ("<a href='https://www.journal-test.example/'>Copyright © 2024 Le Journal Test</a> · <a href='/mentions'>Mentions "
     "légales</a>", "Copyright © 2024 Le Journal Test"),
    ("<a href='/droits'>Droits et copyright</a>", None),  # a link to a page about the rights
    ("<a href='/'>Copyright</a>", None),  # a label without the mark
])
def test_the_site_s_mark_and_name_linked_to_its_home_page_is_the_copyright(footer, line):
    assert extracted(article_page(end=f"<footer><p>{footer}</p></footer>"))["copyright"] == line


def test_the_copyright_of_a_footer_written_in_lines_starts_at_its_line():
    footer = ("<div class='pied'><font size='1'>Mairie de Saint-Julien - 1 place de l'Église - Tél. 04 71 00 00 00<br>"
              "&copy; 2009 Commune de Saint-Julien<br>Tous droits réservés</font></div>")
    assert extracted(article_page(end=footer))["copyright"] == "© 2009 Commune de Saint-Julien Tous droits réservés"


@pytest.mark.parametrize("lines, line", [
    ("© 2024 Le Courrier du Val – Tous droits réservés.<br>Le Courrier du Val, 12 place du Marché, Saint-Amand.",
     "© 2024 Le Courrier du Val – Tous droits réservés."),  # a text widget: the address after the line
    ("© Le Journal GmbH 2001–2025<br>Alle Rechte vorbehalten.<br>Impressum: Hauptstraße 1, Berlin",
     "© Le Journal GmbH 2001–2025 Alle Rechte vorbehalten."),  # the rights on the next line are its part
    ("Copyright ©<br>2024 Le Journal<br>12 place du Marché", "Copyright © 2024 Le Journal"),  # named on its 2nd line
    # a break before an element, no text after it: Sarka-SPIP's credits, a paper's rights in <small>
    ("Copyright © 2006 - 2025 Le Réveil <br>\n <a href='https://spip.example'>SPIP 4.1</a> | <a href='/s'>Sarka-SPIP"
     "</a> ::", "Copyright © 2006 - 2025 Le Réveil"),
    ("Copyright Le Journal - 2020.<br><small>Tous droits réservés.</small>",
     "Copyright Le Journal - 2020. Tous droits réservés."),
    # spaces alone between the line's elements (Hexo's NexT, Jekyll's Chirpy)
    ("© 2017 – <span itemprop='copyrightYear'>2024</span>\n <span class='with-love'><i class='fa fa-heart'></i></span>"
     "\n <span class='author'>Gwenaëlle Le Bihan</span>", "© 2017 – 2024 Gwenaëlle Le Bihan"),
    ("© <time>2025</time>\n <a href='https://julien.example'>Julien Marty</a>. Certains droits réservés.",
     "© 2025 Julien Marty. Certains droits réservés."),
])
def test_the_copyright_of_a_footer_written_in_lines_ends_at_its_line(lines, line):
    footer = f"<footer><div class='textwidget'><p>{lines}</p></div></footer>"
    assert extracted(article_page(end=footer))["copyright"] == line


def test_photo_credit_in_the_body_is_not_the_copyright_line():
    body = BODY + "<figure><img src='a.jpg'><figcaption>Une photo © Agence</figcaption></figure>"
    assert extracted(article_page(body=body))["copyright"] == "© Le Journal Test 2025"


@pytest.mark.parametrize("caption", [
    "<div class='wp-caption alignnone'><img src='/a.jpg' alt=''><p class='wp-caption-text'>La rivière, en mars. "
    "© Préfecture du Cher</p></div>",  # WordPress's classic captions, before HTML5's <figure>
    "<img src='/a.jpg' alt=''><div class='legende'>La rivière, en mars. Photo © Jean Dupont</div>",
    # SPIP 2's and 3's image and its description in a definition list
    "<dl class='spip_document_212 spip_documents spip_documents_left'><dt><img src='/a.jpg' alt=''></dt><dd "
    "class='crayon document-descriptif-212 spip_doc_descriptif'>© Jean-Luc Ferry</dd></dl>",
])
def test_a_photo_credit_in_a_caption_block_is_not_the_copyright_line_at_the_end_of_the_page(caption):
    """A page whose footer writes no rights: its last blocks are read, the article among them; a caption's credit in
    a ``<div>`` or a ``<p>`` classed as a caption was the site's copyright line."""
    end = "<div class='pied'><p><a href='/mentions'>Mentions légales</a></p></div>"
    record = extracted(article_page(body=caption + BODY, end=end))
    assert record["copyright"] is None and record["captions"][0]["credit"]
    signed = "<div class='pied'><p>© 2025 Mairie de Trifouilly</p></div>"
    assert extracted(article_page(body=caption + BODY, end=signed))["copyright"] == "© 2025 Mairie de Trifouilly"


def test_copyright_in_nested_footers_and_at_the_end_of_the_page():
    end = ("<footer class='site-footer'><div class='footer-links'><a href='/cgu'>CGU</a></div>"
           "<div class='footer-bottom'><p>© 2025 Le Journal Test</p></div></footer>")
    assert extracted(article_page(end=end))["copyright"] == "© 2025 Le Journal Test"
    end = "<div class='bas-de-page'><p>Droits d’auteur © 2025 Le Journal Test</p></div>"
    assert extracted(article_page(end=end))["copyright"] == "Droits d’auteur © 2025 Le Journal Test"


def test_copyright_after_a_footer_without_one_at_the_end_of_the_page():
    """The footers read first hold no line: the end of the page is read around them (their texts left out)."""
    end = ("<div class='wrapper'><p>Droits d’auteur © 2025 Le Journal Test</p>"
           "<footer class='entry-footer'><a href='/droits'>Droits et copyright</a></footer><span>Mentions</span></div>")
    assert extracted(article_page(end=end))["copyright"] == "Droits d’auteur © 2025 Le Journal Test"


@pytest.mark.parametrize("line, expected", [
    # Astro Paper's flex line; a WordPress block's mark, year and suffix, each a span
    ("<span>Copyright &#169; 2025</span><span class='hidden sm:inline'> | </span><span>Tous droits réservés.</span>",
     "Copyright © 2025 | Tous droits réservés."),
    ("<span class='copyright__mark'>©</span> <span class='copyright__year'>2025</span> <span class='copyright__suffix'>"
     "Le Journal Test. Tous droits réservés.</span>", "© 2025 Le Journal Test. Tous droits réservés."),
    ("<span>Le Journal Test</span> <span>Tous droits réservés</span>", "Tous droits réservés"),  # no mark opens them
])
def test_a_copyright_line_set_in_spans_is_read_whole(line, expected):
    """The line's last span, ``Tous droits réservés.``, was the line."""
    assert extracted(article_page(end=f"<footer><div class='copyright'>{line}</div></footer>"))["copyright"] == expected


def test_the_link_to_the_rights_holder_before_the_mark_is_a_part_of_the_line():
    """Ghost's Casper writes ``<a href="/">Le Courrier du Vercors</a> &copy; 2025``: the link was left out as a menu's
    before the line, which read ``© 2025``."""
    footer = ("<footer><section class='copyright'><a href='https://www.journal-test.example'>Le Journal Test</a> &copy; "
              "2025</section><nav><a href='/contact'>Contact</a></nav></footer>")
    assert extracted(article_page(end=footer))["copyright"] == "Le Journal Test © 2025"
    menu = "<footer><p><a href='/mentions'>Mentions légales</a> © 2025 Le Journal Test</p></footer>"
    assert extracted(article_page(end=menu))["copyright"] == "© 2025 Le Journal Test"  # a menu's link before it


def test_copyright_at_the_end_of_the_page_before_its_scripts():
    """Hemingway's credits after its footer of widgets, then a cookie bar and scripts at the end of ``<body>``: the
    last blocks read were the bar and the scripts."""
    end = ("<div class='footer section'><div class='widget'><h3>Archives</h3><a href='/2025/'>2025</a></div></div>"
           "<div class='credits section'><p class='credits-left'>&copy; 2025 <a href='/'>Le Journal Test</a></p>"
           "<p class='credits-right'><a href='#'>Haut de page</a></p></div>"
           "<div class='cookie-bar'><p>Ce site utilise des cookies.</p></div><script>var a = 1;</script>"
           "<script>var b = 2;</script><style>p {}</style>")
    assert extracted(article_page(end=end))["copyright"] == "© 2025 Le Journal Test"


@pytest.mark.parametrize(("line", "found"), [
    ("Copyright 2025 Le Journal Test", True), ("COPYRIGHT 2025 LE JOURNAL TEST", True), ("© Le Journal Test", True),
    ("Tous droits réservés, Le Journal Test 2025", True), ("All rights reserved, Le Journal Test", True),
    ("(c) 2025 Le Journal Test", True), ("Tous droits de reproduction réservés - Le Journal Test", True),
    ("Le Journal Test 2025", False),  # no marker: the footer's texts are not read one by one
    ("(c) Le Journal Test 2010-2025", True), ("(C) Le Journal Test, 2025", True),  # the mark typed, the name first
    ("(c) les textes du site, sauf mention contraire", False),  # an enumeration's letter: no year after it
])
def test_copyright_line_is_looked_for_in_a_footer_holding_a_marker(line, found):
    end = f"<footer class='site-footer'><p>{line}</p></footer>"
    assert extracted(article_page(end=end))["copyright"] == (line if found else None)


@pytest.mark.parametrize(("declared", "line", "kept"), [
    ("<meta name='rights' content='Clicanoo.re'>", "© Clicanoo - JIR 2024", "© Clicanoo - JIR 2024"),  # a name only
    ("<meta name='copyright' content='Copyright Le Réveil'>", "Copyright © 2006 - 2025 Le Réveil",
     "Copyright © 2006 - 2025 Le Réveil"),  # the rights declared, and their years shown
    ("<meta name='copyright' content='© Groupe Presse Ouest'>", "© 2025 Le Journal Test", "© Groupe Presse Ouest"),
])
def test_the_footer_s_line_wins_over_rights_declared_as_a_name_or_said_with_less(declared, line, kept):
    """A site's metadata declare its rights, and its footer shows them: the declared value was kept when it was only
    the holder's name (Clicanoo's ``<meta name="rights">``) or said less than the line (Sarka-SPIP's meta)."""
    record = extracted(article_page(declared, end=f"<footer><p>{line}</p></footer>"))
    assert record["copyright"] == kept


@pytest.mark.parametrize(("footer", "line"), [
    # SPIP's Zpip templates: the site's years and name, then its menu
    ("<p class='colophon'>2009-2025 &mdash; Harmonie municipale de Montbard<br><a href='spip.php?page=plan'>Plan du "
     "site</a></p>", "2009-2025 — Harmonie municipale de Montbard"),
    ("<ul class='colophon copyright'><li>2016-2025 — Vélo Vallée de l’Ouche</li><li><a href='/plan'>Plan du site</a>"
     "</li></ul>", "2016-2025 — Vélo Vallée de l’Ouche"),
    ("<div class='colophon'>2025 – Collège Jean Rostand<p><a href='/contact'>Contact</a></p></div>",
     "2025 – Collège Jean Rostand"),
    ("<p class='colophon'>2009-2025 La Gazette du Pays de Redon<br><a href='/plan'>Plan du site</a></p>",
     "2009-2025 La Gazette du Pays de Redon"),  # Spipr's, without the dash
    ("<p>2009-2025 — Harmonie municipale de Montbard</p>", None),  # no colophon: a text among others
    ("<p class='colophon'>Mise à jour le 3 mars 2025 — Harmonie municipale</p>", None),  # no years opening it
])
def test_a_colophon_s_years_and_site_name_are_the_copyright_of_a_page_that_writes_no_other(footer, line):
    assert extracted(article_page(end=f"<footer class='site-footer'>{footer}</footer>"))["copyright"] == line


def test_a_copyright_s_line_before_a_licence_s_line_in_the_footer_is_the_copyright():
    """Greenpeace's footer writes its mark, then its texts' licence: the licence, the last line, was the copyright
    (it still is in a footer that writes no other)."""
    licence = "Sauf mention contraire, les textes de ce site sont publiés sous licence CC BY 4.0."
    end = f"<footer><div class='copyright'><span>© Greenpeace France 2025</span> <span>{licence}</span></div></footer>"
    assert extracted(article_page(end=end))["copyright"] == "© Greenpeace France 2025"
    assert extracted(article_page(end=f"<footer><p>{licence}</p></footer>"))["copyright"] == licence


@pytest.mark.parametrize("line", [
    "Le Journal Test, 2025. Contenu sous licence Creative Commons BY-SA 4.0",
    "Sauf mention contraire, les textes de ce site sont sous licence CC BY-NC-ND 4.0",
    "Le Journal Test – CC0",
])
def test_a_footers_licence_is_the_sites_rights_line(line):
    """A site that places its texts under a Creative Commons licence writes it where others write their copyright
    (no ``©`` nor ``droits``): the line was missed."""
    end = f"<footer class='site-footer'><p>{line}</p></footer>"
    assert extracted(article_page(end=end))["copyright"] == line


_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"


@pytest.mark.parametrize(("footer", "line"), [
    (f"<p>Contenu sous licence <a href='{_BY_SA}'>CC BY-SA 4.0</a></p>", "Contenu sous licence CC BY-SA 4.0"),
    (f"<p><a rel='license' href='{_BY_SA}'>Licence Creative Commons BY-SA 4.0</a></p>",
     "Licence Creative Commons BY-SA 4.0"),
    (f"<div><h3>Licence</h3>Ce site est sous licence <a href='{_BY_SA}'>Creative Commons BY-SA</a>.</div>",
     "Ce site est sous licence Creative Commons BY-SA."),  # the box's title left out
    # Creative Commons' own badge
    (f"<a rel='license' href='{_BY_SA}'><img alt='Licence Creative Commons' src='/cc.png'></a><br>Cette œuvre est "
     f"mise à disposition selon les termes de la <a rel='license' href='{_BY_SA}'>Licence Creative Commons "
     "Attribution - Partage dans les Mêmes Conditions 4.0 International</a>.",
     "Cette œuvre est mise à disposition selon les termes de la Licence Creative Commons Attribution - Partage dans "
     "les Mêmes Conditions 4.0 International."),
])
def test_a_licence_whose_name_links_to_its_text_is_the_sites_rights_line(footer, line):
    """The licence's name linked to the licence's text: a text in a link to a licence was left out as a label."""
    assert extracted(article_page(end=f"<footer class='site-footer'>{footer}</footer>"))["copyright"] == line
    menu = "<p><a href='/mentions'>Mentions légales</a> | <a href='/droits'>Droits et copyright</a></p>"
    assert extracted(article_page(end=f"<footer class='site-footer'>{menu}</footer>"))["copyright"] is None


def test_a_licence_named_in_a_caption_is_no_rights_line():
    body = ("<p>Un paragraphe du corps de l'article, assez long pour former un vrai texte suivi.</p>"
            "<figure><img src='/a.jpg'><figcaption>Le port. Photo Léa Roy, CC BY-SA 4.0</figcaption></figure>")
    end = "<footer class='site-footer'><figure><figcaption>Photo Léa Roy, CC BY-SA 4.0</figcaption></figure></footer>"
    assert extracted(article_page(body=body * 3, end=end))["copyright"] is None


def test_language_layers():
    assert extracted(article_page())["language"] == "fr"
    record = extracted(article_page('<meta property="og:locale" content="en_GB">', body=ENGLISH))  # over lang="fr"
    assert (record["language"], record["sources"]["language"]) == ("en", "opengraph")


ENGLISH = "".join(f"<p>The town council voted on the budget on Tuesday night after three hours of heated debate, item "
                  f"{n}.</p>" for n in range(4))


def test_a_french_text_under_another_declared_language_is_french_with_a_warning():
    """A French site left with its CMS's ``lang="en"`` (The Conversation France's pages): the text says French."""
    french = "".join(f"<p>Les élus du conseil municipal ont voté le budget de la ville mardi soir, après des heures de "
                     f"débats sur les écoles, les routes et les dépenses qui sont prévues pour cette année {n}.</p>"
                     for n in range(4))
    record = extracted(article_page(body=french).replace("<html lang='fr'>", "<html lang='en-US'>"))
    assert (record["language"], record["sources"]["language"]) == ("fr", "heuristic")
    assert "language_conflict: declared en (meta), the text is French" in record["warnings"]
    english = extracted(article_page(body=ENGLISH).replace("<html lang='fr'>", "<html lang='en-US'>"))
    assert (english["language"], english["sources"]["language"], english["warnings"]) == ("en", "meta", [])


@pytest.mark.parametrize("body, language", [(BODY, "fr"), (ENGLISH, "en"), ("<p>Le budget est voté, mardi.</p>", None)])
def test_a_page_that_says_no_language_gets_its_text_s(body, language):
    """An old site's page without ``lang`` nor metadata: its text's language, told by a classifier; a text too short
    to tell gets none."""
    page = article_page(body=body).replace("<html lang='fr'>", "<html>")
    record = extracted(page)
    assert (record["language"], record["sources"].get("language")) == (language, "heuristic" if language else None)


@pytest.mark.parametrize(
    "canonical, expected",
    [
        ("/societe/2025/03/01/un-article.html", URL),
        ("https://autre-site.example/copie.html", URL),
        ("https://www.journal-test.example/", URL),
    ],
    ids=["relative", "other-site", "home-page"],
)
def test_canonical_url_is_kept_only_on_the_same_site_and_not_the_home_page(canonical, expected):
    record = extracted(article_page(f'<link rel="canonical" href="{canonical}">'), URL + "?utm_source=x#comments")
    assert record["canonical_url"] == expected


@pytest.mark.parametrize("address", ["spip.php?article123", "spip.php?page=article&id_article=123", "?p=123",
                                     "node/123", "index.php?option=com_content&view=article&id=123:budget&catid=3"])
def test_a_page_reached_by_its_number_takes_its_canonical_address_in_words(address):
    """SPIP serves an article at ``spip.php?article123`` and at its address in words, which its canonical link gives:
    refused as another page's, the article was stored twice, once under each address."""
    page = article_page("<link rel='canonical' href='https://asso.example/Le-budget-vote'>")
    record = extracted(page, f"https://asso.example/{address}")
    assert (record["canonical_url"], record["warnings"]) == ("https://asso.example/Le-budget-vote", [])
    for other in ("https://asso.example/", "https://asso.example/spip.php?article124", "https://ailleurs.example/x",
                  "https://asso.example/spip.php?page=article&amp;id_article=124", "https://asso.example/node/124"):
        elsewhere = extracted(page.replace("https://asso.example/Le-budget-vote", other), f"https://asso.example/{address}")
        # the home page, another number, another site: the page's own address
        assert elsewhere["canonical_url"] == canonicalize_url(f"https://asso.example/{address}")


@pytest.mark.parametrize("shared", ["/assets/images/logo_ia.png", "/img/placeholders/placeholder_1000x750.jpg",
                                    "/newnext/images/social-placeholder.jpg", "/images/default-share.jpg",
                                    "/socialimage.png", "/news/easy/images/og-image.png"])
def test_the_site_s_logo_or_default_shared_image_is_no_article_image(shared):
    """internetactu.net shared its logo, Challenges and Libération a placeholder, Umbraco's Clean starter kit its one
    ``/socialimage.png``: the article's own figure is its image."""
    head = f"<meta property='og:image' content='https://www.journal-test.example{shared}'>"
    figure = "<figure><img src='/media/2024/03/conseil.jpg'><figcaption>Le conseil.</figcaption></figure>"
    record = extracted(article_page(head, body=figure + BODY))
    assert record["image_url"] == "https://www.journal-test.example/media/2024/03/conseil.jpg"


def test_a_share_image_named_for_its_article_is_its_own():
    own = "<meta property='og:image' content='https://www.journal-test.example/og-image-le-budget-vote.png'>"
    assert extracted(article_page(own))["image_url"].endswith("/og-image-le-budget-vote.png")


def test_an_image_in_drupal_s_default_files_folder_is_the_article_s():
    head = "<meta property='og:image' content='https://www.journal-test.example/sites/default/files/2024-03/maire.jpg'>"
    record = extracted(article_page(head))
    assert record["image_url"] == "https://www.journal-test.example/sites/default/files/2024-03/maire.jpg"


def test_relative_images_are_read_against_the_page_s_base_href():
    """``<base href>`` (an old site's, its images written relative to its root): the image and the captions' images
    were read against the page's own address, a folder where they are not."""
    figure = "<figure><img src='images/mairie.jpg'><figcaption>La mairie, mardi soir.</figcaption></figure>"
    record = extracted(article_page("<base href='https://www.journal-test.example/site/'>", body=figure + BODY))
    assert record["image_url"] == "https://www.journal-test.example/site/images/mairie.jpg"
    assert [caption["image_url"] for caption in record["captions"]] == [record["image_url"]]


def test_image_url_is_absolute():
    record = extracted(article_page('<meta property="og:image" content="/img/une.jpg">'))
    assert record["image_url"] == "https://www.journal-test.example/img/une.jpg"


@pytest.mark.parametrize("picture", [
    "<div class='avatar-container'><a href='/profile/lea'><img src='/media/lea.jpg' alt=''></a></div>",
    "<img class='avatar avatar-96 photo' src='/media/lea.jpg'>",
    "<img src='https://secure.gravatar.com/avatar/e3d6?s=96'>",
    "<div class='author-photo'><img src='/media/lea.jpg'></div>",
    "<img src='/authors/lea-roy.png'>",
    "<a class='site-logo' href='/'><img src='/media/journal.png'></a>",
    "<a href='/@lea.roy'><div><img src='/media/lea.jpg' alt='Léa Roy'></div></a>",  # a link to the writer's page
    "<img data-testid='authorPhoto' src='/media/lea.jpg'>",
    "<img src='https://compteur.example.org/na/3c41a8' width='1' height='1' alt=''>",  # a counter's pixel
    "<img src='/stats/pixel.gif' width='0' height='0'>",
    "<img src='/stats/pixel.gif' width='1px'>",
    # an ad's, a share button's (their blocks' class words)
    "<div class='pub'><img src='/pub/banniere.jpg'></div>", "<div class='share'><img src='/img/facebook.png'></div>",
    "<div class='social-links'><a href='https://x.example/journal'><img src='/img/reseau.png'></a></div>",
    # an arrow parting a breadcrumb's crumbs, a print button (SPIP's Escal)
    "<div class='cadre-chemin'><a href='/'><img src='/images/fleche_droite.png'>Accueil</a></div>",
    "<div class='trail'><img src='/images/arrow-right.svg'></div>",
    "<div class='imprime-article outil'><a href='#' onclick='window.print()'><img src='/images/imprimer.gif'></a></div>",
    # BeTheme's link to the previous post, its thumbnail (the featured image's class: WordPress's)
    "<a class='fixed-nav fixed-nav-prev' href='/le-post-d-avant/'><div class='photo'><img class='wp-post-image' "
    "src='/img/avant-80x80.jpg' width='80' height='80'></div></a>",
])
def test_the_page_s_first_image_is_no_author_s_picture_nor_logo(picture):
    header = f"{picture}<figure><img src='/img/une.jpg'></figure>"
    assert extracted(article_page(header=header))["image_url"] == "https://www.journal-test.example/img/une.jpg"
    article_s = "<div class='author-article'><img src='/img/une.jpg'></div>"  # an article by its author: its image
    assert extracted(article_page(header=article_s))["image_url"] == "https://www.journal-test.example/img/une.jpg"
    in_words = "<div class='public-event'><img src='/img/une.jpg'></div>"  # "pub" inside a word
    assert extracted(article_page(header=in_words))["image_url"] == "https://www.journal-test.example/img/une.jpg"
    a_bird = "<div><img src='/img/sparrow.jpg'></div>"  # "arrow" inside a word
    assert extracted(article_page(header=a_bird))["image_url"] == "https://www.journal-test.example/img/sparrow.jpg"


def test_spip_s_article_logo_is_the_article_s_image():
    """SPIP calls an article's own picture its logo (``img.spip_logo``, ``arton123``, in ``div.logo-article``): it was
    passed over as the site's logo, for an image of the text."""
    logo = ("<div class='logo-article'><img class='spip_logo spip_logo_center' src='/local/cache-vignettes/L1200xH800/"
            "arton2987-3c1f2.jpg?1710404112' width='1200' height='800'></div>")
    page = article_page(header=logo, body=BODY + "<figure><img src='/IMG/jpg/haie.jpg'></figure>")
    assert extracted(page)["image_url"].endswith("/arton2987-3c1f2.jpg?1710404112")
    site = logo.replace("arton2987-3c1f2.jpg", "siteon0.png")  # the site's logo, named so by SPIP
    assert extracted(page.replace(logo, site))["image_url"].endswith("/IMG/jpg/haie.jpg")
    shared = "<meta property='og:image' content='https://www.journal-test.example/IMG/logo/arton2987.jpg?1710404112'>"
    assert extracted(article_page(shared, body=BODY + "<figure><img src='/IMG/jpg/haie.jpg'></figure>"))[
        "image_url"].endswith("/IMG/logo/arton2987.jpg?1710404112")  # SPIP 4 shares it from its folder of logos


@pytest.mark.parametrize("host", ["assets.buttondown.example", "mexiconewsdaily.example", "logos-images.example"])
def test_an_image_s_host_says_nothing_of_it(host):
    """A newsletter platform's images are at ``assets.buttondown.…``, a paper's at ``mexiconewsdaily.…``: the words of
    a button and an icon in their hosts made every image of their pages no article's."""
    header = f"<figure><img src='https://{host}/images/le-port.jpg'></figure>"
    assert extracted(article_page(header=header))["image_url"] == f"https://{host}/images/le-port.jpg"


def test_the_featured_image_above_the_headline_and_body_in_their_article_is_the_image():
    """ColorMag and other magazine themes put the featured image first in the ``<article>``, above the block holding the
    headline and the text: it is the article's image, not the first figure of the text."""
    figure = "<figure><img src='/img/detail.jpg'><figcaption>Un détail de la façade rénovée</figcaption></figure>"
    html = (f"<html lang='fr'><head><meta charset='utf-8'></head><body><main><article>"
            f"<div class='featured-image'><img src='/img/une.jpg' alt=''></div><div class='post-content'>{HEADLINE}"
            f"<div class='entry-content'>{BODY}{figure}</div></div></article></main>{FOOTER}</body></html>")
    assert extracted(html)["image_url"] == "https://www.journal-test.example/img/une.jpg"


def test_the_caption_of_the_featured_image_above_the_headline_in_the_article_is_read():
    """Sahifa sets the featured image and its caption (``div.single-post-caption``) first in the ``<article>``, above
    the block of the headline and the text (``div.post-inner``): the caption lay outside the region read."""
    featured = ("<div class='single-post-thumb'><img src='/img/une.jpg' alt=''></div><div class='single-post-caption'>"
                "Les bénévoles de l'épicerie solidaire, mardi après-midi. Photo DR</div>")
    html = (f"<html lang='fr'><head><meta charset='utf-8'></head><body><main><article>{featured}<div class='post-inner'>"
            f"{HEADLINE}<div class='entry'>{BODY}</div></div></article></main>{FOOTER}</body></html>")
    assert [(c["text"], c["credit"]) for c in extracted(html)["captions"]] == [
        ("Les bénévoles de l'épicerie solidaire, mardi après-midi.", "DR")]


@pytest.mark.parametrize("teaser", ["", "<a href='/autre-article/'><img class='wp-post-image' src='/img/autre.jpg'></a>"])
@pytest.mark.parametrize("featured", [
    "<div class='post-thumbnail'><img class='attachment-full size-full wp-post-image' src='/img/une.jpg'></div>",
    # Twenty Eleven's banner: the featured image in the header's link to the home page
    "<header id='branding'><a href='https://www.journal-test.example/'><img class='attachment-post-thumbnail "
    "wp-post-image' src='/img/une.jpg'></a></header>",
])
def test_wordpress_s_featured_image_above_the_article_is_the_image(teaser, featured):
    """Kadence and Twenty Seventeen print the post's featured image (``img.wp-post-image``) above its ``<article>``;
    without metadata, the first figure of the text was the image. Another story's thumbnail (in a link) is none."""
    figure = "<figure class='wp-block-image'><img src='/img/detail.jpg'><figcaption>Un détail</figcaption></figure>"
    html = (f"<html lang='fr'><head><meta charset='utf-8'></head><body>{teaser}{featured}<main><article>{HEADLINE}"
            f"<div class='entry-content'>{figure}{BODY}</div></article></main>{FOOTER}</body></html>")
    assert extracted(html)["image_url"] == "https://www.journal-test.example/img/une.jpg"


# lead, body -----------------------------------------------------------------------------------------
def test_standfirst_is_the_lead_and_opens_the_text_but_stays_out_of_the_sections():
    lead = "Le chapeau de l’article résume en deux phrases ce que le lecteur va découvrir ensuite."
    record = extracted(article_page(header=f'<p class="chapo">{lead}</p>', body=f'<p class="chapo">{lead}</p>' + BODY))
    assert record["lead"] == lead
    assert all(lead not in section["paragraphs"] for section in record["sections"])
    assert record["text"].startswith(lead + "\nParagraphe 1 ") and record["text"].count(lead) == 1
    assert record["word_count"] == len(re.findall(r"\w+", BODY.replace("<p>", " ").replace("</p>", " ")))


def test_a_photo_credit_is_not_a_lead():
    header = '<div class="article-intro">Une vue de la ville au petit matin © Agence Photo / Le Journal</div>'
    assert extracted(article_page(header=header))["lead"] is None


def test_record_has_every_key_even_when_fields_are_missing():
    record = extracted(article_page(og_type=""), UNDATED_URL)
    for key in ("byline", "published", "modified", "category", "lead", "image_url"):
        assert record[key] is None
    assert record["authors"] == [] and record["captions"] == [] and record["tags"] == []
    assert record["word_count"] == len(re.findall(r"\w+", record["text"])) > 50


def test_truncated_page_still_gives_its_article():
    html = article_page(jsonld({"@type": "NewsArticle", "headline": "Le titre visible"}))
    record = extracted(html[: html.index("Paragraphe 4")])
    assert record["headline"] == "Le titre visible"
    assert len(record["sections"][0]["paragraphs"]) == 3


def test_a_box_named_only_by_its_data_testid_is_furniture():
    box = ("<div data-testid='newsletter-box' class='sc-c5d6e7 MnOpQr'><p>Newsletter Tech</p>"
           "<p>Chaque jeudi, l’essentiel de l’actualité des start-up et de l’innovation.</p>"
           "<input type='email'><button>S’inscrire</button></div>")
    record = extracted(article_page(body=BODY + box + BODY.replace("Paragraphe", "Suite")))
    assert "Chaque jeudi" not in record["text"]
    assert len([p for s in record["sections"] for p in s["paragraphs"]]) == 10


def test_text_between_line_breaks_in_a_blog_widget_is_the_body():
    text = "<br/><br/>".join(f"Ligne {n} du billet, avec assez de mots pour former un vrai paragraphe de texte suivi."
                              for n in range(1, 5))
    html = ("<html lang='fr'><head><meta property='og:type' content='article'></head><body><div class='widget Blog'>"
            f"<h1>Le titre visible</h1><div class='post-body entry-content'>{text}</div></div></body></html>")
    paragraphs = extracted(html)["sections"][0]["paragraphs"]
    assert len(paragraphs) == 4 and paragraphs[0].startswith("Ligne 1")


# not articles ---------------------------------------------------------------------------------------
LISTING = "<html><head><meta property='og:type' content='website'></head><body><h1>Société</h1>" + "".join(
    f"<article><h2><a href='/societe/{n}.html'>Article numéro {n}</a></h2><p>Un résumé court.</p></article>"
    for n in range(8)
) + "</body></html>"


@pytest.mark.parametrize(
    "html, reason",
    [
        ("", "empty"),
        ("<html><body><p>Du texte sans titre aucun, mais assez long pour un paragraphe.</p></body></html>",
         "no headline"),
        ("<html><head><title>Contact</title></head><body><h1>Contact</h1></body></html>", "no body"),
        (LISTING, "listing"),
        (article_page(jsonld({"@type": "CollectionPage", "name": "Société"}), og_type="website"), "listing"),
        (article_page(jsonld({"@type": "ItemList", "itemListElement": [
            {"@type": "ListItem", "position": n, "url": f"https://www.journal-test.example/a{n}"} for n in (1, 2)]}),
            og_type="website"), "listing"),
    ],
    ids=["empty", "no-headline", "no-body", "teasers", "collection-page", "item-list"],
)
def test_pages_that_are_not_articles(html, reason):
    with pytest.raises(NotAnArticle, match=reason):
        extracted(html)


def test_the_microdata_of_a_related_post_s_card_are_not_the_page_s():
    """Beaver Builder's Posts module writes each related post's card as a ``BlogPosting`` item, its own
    ``mainEntityOfPage`` another page: on a site without an SEO plugin, the first card's headline and dates were the
    page's (its <h1> gave way to the card's title, the page's date to the card's)."""
    card = ("<div class='fl-post-grid-post' itemscope itemtype='https://schema.org/BlogPosting'><meta itemscope "
            "itemprop='mainEntityOfPage' itemtype='https://schema.org/WebPage' "
            "itemid='https://www.journal-test.example/cantine-scolaire/' "
            "content='Cantine scolaire : plus de produits locaux'><meta itemprop='datePublished' "
            "content='2024-04-09'><meta itemprop='dateModified' content='2024-04-09'><h2 itemprop='headline'><a "
            "href='/cantine-scolaire/'>Cantine scolaire : plus de produits locaux</a></h2></div>")
    header = "<p class='fl-post-info'>Publié le 22 avril 2024</p>"
    record = extracted(article_page(header=header, after=f"<h3>Articles similaires</h3>{card}", og_type=""),
                       "https://www.journal-test.example/le-titre-visible/", fetched_at="2024-06-01T10:00:00Z")
    assert (record["headline"], record["published"], record["modified"]) == ("Le titre visible", "2024-04-22", None)
    own = card.replace("cantine-scolaire/' ", "le-titre-visible/' ")  # the page's own item: its data
    record = extracted(article_page(header=header, after=own, og_type=""),
                       "https://www.journal-test.example/le-titre-visible/", fetched_at="2024-06-01T10:00:00Z")
    assert record["published"] == "2024-04-09"


def test_a_list_of_one_item_says_no_listing():
    """Tumblr gives a post's own page an ``ItemList`` of that post alone (and ``og:type`` ``tumblr-feed:entry``): the
    post, with no article metadata, was a listing."""
    one = jsonld({"@type": "ItemList", "url": URL, "itemListElement": [{"@type": "ListItem", "position": 1, "url": URL}]})
    assert extracted(article_page(one, og_type="tumblr-feed:entry"))["headline"] == "Le titre visible"


EXCERPT = ("Le conseil municipal a voté mardi soir le budget de la commune pour l’année prochaine, après un long "
           "débat entre la majorité et l’opposition sur les investissements.")
SPIP_ROW = ("<li class='item hentry'><h3 class='h3 entry-title'><a href='Titre-{n}.html' rel='bookmark'>Le titre de "
            "l’article numéro {n}</a></h3><small><abbr class='published' title='2024-03-0{n}T10:00:00Z'>{n} mars 2024"
            "</abbr></small><div class='introduction entry-content'><p>" + EXCERPT + "</p></div></li>")
VIEWS_ROW = ("<div class='views-row'><div class='views-field views-field-title'><span class='field-content'><a "
             "href='/actualites/titre-{n}'>Le titre de l’actualité numéro {n}</a></span></div><div class='views-field "
             "views-field-created'><span class='field-content'>0{n}/03/2024</span></div><div class='views-field "
             "views-field-body'><div class='field-content'><p>" + EXCERPT + "</p></div></div></div>")


@pytest.mark.parametrize("listed", [
    "<div class='main'><h1 class='h1'>Vie du quartier</h1><ul class='liste-items'>{}</ul></div>",  # SPIP's section
    "<main><h1 class='page-title'>Actualités</h1><div class='view-content'>{}</div></main>",  # a Drupal view
])
def test_a_page_whose_body_is_a_list_of_teasers_with_their_excerpts_is_a_listing(listed):
    """A section's page listing its articles with their excerpts: their words made the body long enough to pass for
    an article's, headed by the section's name and dated by the first article's date."""
    row = SPIP_ROW if "liste-items" in listed else VIEWS_ROW
    html = (f"<html lang='fr'><head><title>Vie du quartier</title></head><body>"
            f"{listed.format(''.join(row.format(n=n) for n in range(1, 9)))}</body></html>")
    with pytest.raises(NotAnArticle, match="listing"):
        extracted(html)


JOOMLA_ITEM = ("<div class='item column-1' itemprop='blogPost' itemscope itemtype='https://schema.org/BlogPosting'>"
               "<div class='page-header'><h2 itemprop='name'><a href='/actualites/{n}-titre' itemprop='url'>Le titre de "
               "l’actualité numéro {n}</a></h2></div><dl class='article-info'><dd class='published'><time "
               "datetime='2024-03-0{n}T10:00:00+01:00' itemprop='datePublished'>Publication : {n} mars 2024</time></dd>"
               "</dl><p>" + EXCERPT + "</p><p class='readmore'><a href='/actualites/{n}-titre'>Lire la suite…</a></p>"
               "</div>")


def test_a_category_blog_whose_teasers_are_marked_as_blog_posts_is_a_listing():
    """Joomla's category blog: each teaser an item of its own row (``items-row row-3``) marked ``BlogPosting``; the
    microdata said article, and the excerpts made a body, dated by the first teaser's date."""
    rows = "".join(f"<div class='items-row cols-1 row-{n}'><div class='span12'>{JOOMLA_ITEM.format(n=n)}</div></div>"
                   for n in range(1, 9))
    html = (f"<html lang='fr'><head><title>Actualités</title></head><body><main><div class='blog' itemscope "
            f"itemtype='https://schema.org/Blog'><div class='page-header'><h1>Actualités</h1></div>{rows}</div></main>"
            "</body></html>")
    with pytest.raises(NotAnArticle, match="listing"):
        extracted(html)


def test_a_short_article_with_its_readers_comments_each_an_article_element_is_an_article():
    """A short post of a small site without metadata, its comments each an ``<article>`` in the comments' area (as
    WordPress themes write them): the comments counted as a listing's teasers, and the post was no article."""
    comment = ("<article id='comment-{n}' class='comment'><footer class='comment-meta'>Lecteur {n}, le 13 mars 2024"
               "</footer><p>" + EXCERPT + "</p></article>")
    comments = "".join(comment.format(n=n) for n in range(8))
    told = retold(EXCERPT, 2)
    html = (f"<html lang='fr'><head><title>Le budget voté - Le Journal</title></head><body><div id='main'>"
            f"<h1>Le budget voté</h1><p>Publié le 12 mars 2024</p><div><p>{told[0]}</p><p>{told[1]}</p></div></div>"
            f"<div id='comments' class='comments-area'><h2>8 réponses à « Le budget voté »</h2>{comments}</div>"
            "</body></html>")
    record = extracted(html, "https://journal-test.example/le-budget-vote.html")
    assert (record["headline"], record["published"][:10]) == ("Le budget voté", "2024-03-12")
    assert [p for section in record["sections"] for p in section["paragraphs"]] == told


def test_a_short_news_item_beside_a_sidebar_of_other_stories_cards_is_an_article():
    """A town hall's short notice without metadata, beside an ``<aside>`` of six other stories, each an ``<article>``
    card: the cards counted as a listing's teasers, and the notice was no article."""
    cards = "".join(f"<article class='card'><h3><a href='/actu-{n}'>Une autre actualité de la commune numéro {n}</a>"
                    f"</h3><p>Le {n} mars 2024</p></article>" for n in range(6))
    html = (f"<html lang='fr'><head><title>Fermeture de la mairie - Trifouilly</title></head><body><main><h1>Fermeture "
            f"de la mairie</h1><p>Publié le 8 mars 2024</p><p>{EXCERPT}</p></main><aside><h2>Autres actualités</h2>"
            f"{cards}</aside></body></html>")
    record = extracted(html, "https://www.trifouilly.example/actualites/fermeture-de-la-mairie")
    assert (record["headline"], record["published"][:10]) == ("Fermeture de la mairie", "2024-03-08")


def test_a_short_news_item_over_a_block_of_related_stories_cards_is_an_article():
    """The same notice over ``div.related-posts`` of six ``<article>`` cards, inside its ``<main>``: a card stopped
    the walk up to the furniture (an ``<article>`` was furniture only in an ``<aside>`` or a ``<nav>``)."""
    cards = "".join(f"<article class='card'><h3><a href='/actu-{n}'>Une autre actualité de la commune numéro {n}</a>"
                    f"</h3><p>Le {n} mars 2024</p></article>" for n in range(6))
    html = (f"<html lang='fr'><head><title>Fermeture de la mairie - Trifouilly</title></head><body><main><h1>Fermeture "
            f"de la mairie</h1><p>Publié le 8 mars 2024</p><p>{EXCERPT}</p><div class='related-posts'>{cards}</div>"
            "</main></body></html>")
    record = extracted(html, "https://www.trifouilly.example/actualites/fermeture-de-la-mairie")
    assert (record["headline"], record["published"][:10]) == ("Fermeture de la mairie", "2024-03-08")
    assert [p for section in record["sections"] for p in section["paragraphs"]] == [EXCERPT]


_CARDS = "".join(f"<article class='card'><h3><a href='/actu-{n}'>Une autre actualité de la commune numéro {n}</a></h3>"
                 f"<p>Le {n} mars 2024</p></article>" for n in range(6))


@pytest.mark.parametrize("box", ["<h2>Autres actualités</h2>{}", "<div><h2>Autres actualités</h2>{}</div>"])
def test_a_short_news_item_over_cards_a_heading_names_as_other_stories_is_an_article(box):
    html = (f"<html lang='fr'><head><title>Fermeture de la mairie - Trifouilly</title></head><body><main><h1>Fermeture "
            f"de la mairie</h1><p>Publié le 8 mars 2024</p><p>{EXCERPT}</p>{box.format(_CARDS)}</main></body></html>")
    record = extracted(html, "https://www.trifouilly.example/actualites/fermeture-de-la-mairie")
    assert [p for section in record["sections"] for p in section["paragraphs"]] == [EXCERPT]


@pytest.mark.parametrize("box", ["<h2>Dernières actualités</h2>{}", "<div><h2>Nos derniers articles</h2>{}</div>"])
def test_a_list_of_cards_under_a_heading_of_latest_stories_is_a_listing(box):
    html = (f"<html lang='fr'><head><title>Actualités - Trifouilly</title></head><body><main><h1>Actualités</h1>"
            f"{box.format(_CARDS)}</main></body></html>")
    with pytest.raises(NotAnArticle):
        extracted(html, "https://www.trifouilly.example/actualites/")


@pytest.mark.parametrize("page", [
    "<h1>Page introuvable</h1><p>La page que vous recherchez n'existe pas ou a été déplacée. Revenez à l'accueil.</p>",
    "<h1>Oups ! Cette page n'existe pas.</h1><p>Désolé, la page demandée est introuvable.</p>",
    "<h1>Erreur 404</h1><p>Le document demandé n'a pas été trouvé sur ce serveur.</p>",
    "<h1>Site en maintenance</h1><p>Notre site est actuellement en maintenance. Merci de revenir plus tard.</p>",
])
def test_an_error_s_page_served_as_a_page_is_no_article(page):
    """A "soft 404": the site's error page served with a 200, its message its only text; it was an article headed
    ``Page introuvable``."""
    html = f"<html lang='fr'><head><title>Le Journal</title></head><body><main>{page}</main></body></html>"
    with pytest.raises(NotAnArticle, match="error page"):
        extracted(html, "https://journal-test.example/2024/03/12/un-article")


@pytest.mark.parametrize("headline", ["404 morts dans l'incendie", "Accès refusé aux migrants",
                                      "Page introuvable : le site de la mairie piraté"])
def test_a_story_whose_headline_opens_with_an_error_s_words_is_an_article(headline):
    body = "".join(f"<p>{text}</p>" for text in retold(EXCERPT, 8))  # told at length
    html = (f"<html lang='fr'><head><title>{headline}</title></head><body><main><h1>{headline}</h1>{body}</main>"
            "</body></html>")
    assert extracted(html, "https://journal-test.example/2024/03/12/un-article")["headline"] == headline
    short = html.replace(body, f"<p>{EXCERPT}</p>")
    if not headline.startswith("Page introuvable"):  # a short story headed so: an article all the same
        assert extracted(short, "https://journal-test.example/2024/03/12/un-article")["headline"] == headline


def test_an_article_whose_sub_headings_are_links_is_an_article():
    sections = "".join(f"<h3><a href='/restaurant-{n}'>Le restaurant numéro {n}</a></h3><p>{text}</p>"
                       for n, text in enumerate(retold(EXCERPT, 8), start=1))
    html = (f"<html lang='fr'><head><title>Nos adresses</title></head><body><h1>Nos adresses</h1><div class='texte'>"
            f"{sections}</div></body></html>")
    assert len([p for s in extracted(html)["sections"] for p in s["paragraphs"]]) == 8


@pytest.mark.parametrize("rows", [
    # a live page's entries, each opening with its time linked to itself
    "".join(f"<div class='entry'><a href='#e{n}'>1{n}h05</a><p>{EXCERPT}</p></div>" for n in range(8)),
    # paragraphs opening with a link to another article of the site
    "".join(f"<p><a href='/autre-{n}'>Le conseil municipal</a> a voté mardi soir le budget, après un débat.</p>"
            for n in range(8)),
])
def test_a_body_of_rows_that_open_with_no_title_link_is_an_article(rows):
    html = f"<html lang='fr'><head><title>Le direct</title></head><body><h1>Le direct</h1><div>{rows}</div></body></html>"
    assert extracted(html)["headline"] == "Le direct"


def test_article_calling_itself_a_website_is_still_an_article():
    related = "<section>" + "".join(f"<h3><a href='/a{n}.html'>Lien {n}</a></h3>" for n in range(6)) + "</section>"
    body = BODY + "".join(f"<p>{text}</p>" for text in retold(EXCERPT, 5))
    record = extracted(article_page(body=body, after=related, og_type="website"))
    assert record["headline"] == "Le titre visible"


def test_a_short_news_item_among_teasers_is_an_article_when_its_headline_is_signed_and_dated():
    teasers = "<section>" + "".join(f"<h3><a href='/a{n}.html'>Lien {n}</a></h3>" for n in range(8)) + "</section>"
    signed = "<p class='byline'>Par Léa Roy</p><p class='date'>Publié le 18/06/2014 à 17h02</p>"
    brief = "<p>Le joueur a quitté l'entraînement plus tôt que prévu, touché à la cuisse, selon son club.</p>"
    page = article_page(header=signed, body=brief, after=teasers, og_type="")
    record = extracted(page)
    assert (record["authors"], record["published"]) == (["Léa Roy"], "2014-06-18T17:02:00+02:00")
    with pytest.raises(NotAnArticle, match="listing"):
        extracted(article_page(header="<p class='date'>Publié le 18/06/2014 à 17h02</p>", body=brief,
                               after=teasers, og_type=""))


_LATEST = ("<div class='c2'><h2>{heading}</h2><ul>" + "".join(
    f"<li><h3><a href='/actualites/budget-{n}/'>Le conseil municipal vote le budget, épisode {n}</a></h3>"
    f"<p>{EXCERPT}</p></li>" for n in range(10)) + "</ul></div>")


def test_a_short_news_item_over_a_box_of_the_latest_stories_is_an_article():
    """A brief of a small site (a date, a paragraph, no byline nor metadata) over the site's latest stories in a box
    its heading names so, a plain <div>: their linked titles made the page a listing, and the brief was not kept."""
    brief = ("<p>La route départementale 12 sera fermée à la circulation entre Saint-Julien et Montbrun du lundi 3 au "
             "vendredi 7 juin, de 8 heures à 17 heures, pour des travaux de réfection de la chaussée.</p>")
    html = ("<html lang='fr'><head><title>La RD 12 fermée</title></head><body><div id='content'><div class='post'>"
            f"<h1>La RD 12 fermée pour travaux</h1><p class='date'>Publié le 30 mai 2024</p>{brief}</div>"
            f"{_LATEST.format(heading='Derniers articles')}</div></body></html>")
    record = extracted(html, "https://journal-test.example/actualites/rd12-fermee/")
    assert (record["headline"], record["published"]) == ("La RD 12 fermée pour travaux", "2024-05-30")
    assert [p for section in record["sections"] for p in section["paragraphs"]] == [
        lxml.html.fromstring(brief).text_content()]


def test_a_picture_linked_to_its_file_in_a_heading_of_the_text_is_no_teaser_s_title():
    """A gallery's picture set in an <h2> of the text, linked to its file for a lightbox: its heading counted as a
    teaser's title, the text around it as its excerpt, and with the site's stories in cards under the article, the
    page was a listing of no body words."""
    picture = ("<h2><a class='fancybox' href='/images/galerie/conseil.jpg'><img src='/images/galerie/conseil-s.jpg'>"
               "</a></h2>")
    told = [f"<p>{paragraph}</p>" for paragraph in retold(EXCERPT, 8)]
    cards = "".join(f"<article class='card'><h3><a href='/actualites/autre-{n}/'>Le budget voté, épisode {n}</a></h3>"
                    f"<p>{EXCERPT}</p></article>" for n in range(10))
    html = ("<html lang='fr'><head><title>Le budget voté</title></head><body><div class='content'><h1>Le budget voté"
            f"</h1><div class='news'>{picture}{''.join(told[:6])}</div>{''.join(told[6:])}</div>"
            f"<div class='c3x'>{cards}</div></body></html>")
    record = extracted(html, "https://journal-test.example/actualites/le-budget-vote/")
    assert record["headline"] == "Le budget voté" and len(record["sections"][0]["paragraphs"]) == 8


_PHOTO = ("<figure><img src='/wp-content/uploads/2024/03/lac.jpg' width='1200' height='800'><figcaption>Le lac au "
          "coucher du soleil, mardi soir.</figcaption></figure>")


@pytest.mark.parametrize(("byline", "url", "article"), [
    ("<p class='byline'>Par Léa Roy</p>", "https://blog-de-lea.example/album/", True),  # signed and dated
    ("", "https://blog-de-lea.example/2024/03/12/coucher-de-soleil-sur-le-lac/", True),  # dated, an article's address
    ("", "https://blog-de-lea.example/album/", False),
])
def test_a_post_of_no_text_dated_near_its_headline_is_an_article(byline, url, article):
    """A blog's photo post (a picture and its caption, no text) without metadata was no article: no body. Its
    headline signed and dated, or dated at an article's address, it is one, its caption and picture read in the
    ``<article>`` around its headline."""
    html = ("<html lang='fr'><head><title>Coucher de soleil sur le lac</title></head><body><div id='page'>"
            f"<article class='post'><h1>Coucher de soleil sur le lac</h1>{byline}<p class='date'>Publié le 12 mars "
            f"2024 à 20h15</p><div class='entry'>{_PHOTO}</div></article></div></body></html>")
    if not article:
        with pytest.raises(NotAnArticle, match="no body text"):
            extracted(html, url)
        return
    record = extracted(html, url)
    assert (record["headline"], record["published"], record["sections"]) == (
        "Coucher de soleil sur le lac", "2024-03-12T20:15:00+01:00", [])
    assert [(c["text"], c["image_url"]) for c in record["captions"]] == [
        ("Le lac au coucher du soleil, mardi soir.", "https://blog-de-lea.example/wp-content/uploads/2024/03/lac.jpg")]


@pytest.mark.parametrize("heading", ["Derniers articles", "Dans la même rubrique"])
def test_a_section_s_introduction_over_a_box_of_its_latest_stories_is_a_listing(heading):
    """A section's page (its name, an introduction, its latest stories under a heading that names them so) shows no
    date of its own: the box's teasers count, unlike those under a brief."""
    intro = ("<p>Retrouvez ici toute l'actualité de la vie locale de notre commune : les décisions du conseil "
             "municipal, les travaux en cours, les animations des associations et les rendez-vous du week-end.</p>")
    html = ("<html lang='fr'><head><title>Vie locale</title></head><body><div id='content'><div class='rubrique'>"
            f"<h1>Vie locale</h1><div class='descriptif'>{intro}</div></div>{_LATEST.format(heading=heading)}</div>"
            "</body></html>")
    with pytest.raises(NotAnArticle, match="listing"):
        extracted(html, "https://journal-test.example/vie-locale/")


_BRIEF = ("<p>La route départementale 12 sera fermée à la circulation entre Saint-Julien et Montbrun du lundi 3 au "
          "vendredi 7 juin, de 8 heures à 17 heures, pour des travaux de réfection de la chaussée.</p>")
_OTHER_STORIES = "".join(f"<article class='card'><h3><a href='/actualites/autre-{n}/'>Le budget voté, épisode {n}</a>"
                         f"</h3><p>{EXCERPT}</p></article>" for n in range(8))


@pytest.mark.parametrize(("url", "article"), [
    ("https://journal-test.example/2024/05/30/la-rd-12-fermee-pour-travaux/", True),
    ("https://journal-test.example/actualites/la-rd-12-fermee-pour-travaux.html", True),
    ("https://journal-test.example/", False),  # a home page's featured story over the latest ones
    ("https://journal-test.example/actualites/", False),
])
def test_a_brief_over_cards_of_other_stories_is_an_article_at_an_article_s_address(url, article):
    """A brief of a small site (a date, two sentences, no byline nor metadata) over cards of other stories that no
    heading names: a page of a few words among teasers, a listing, and the brief was not kept. At an article's
    address, with its date shown near its headline and no teaser in its body, it is a brief."""
    html = ("<html lang='fr'><head><title>La RD 12 fermée</title></head><body><div id='content'><div class='post'>"
            f"<h1>La RD 12 fermée pour travaux</h1><p class='date'>30 mai 2024</p>{_BRIEF}</div>"
            f"<div class='c3x'>{_OTHER_STORIES}</div></div></body></html>")
    if article:
        assert extracted(html, url)["headline"] == "La RD 12 fermée pour travaux"
    else:
        with pytest.raises(NotAnArticle, match="listing"):
            extracted(html, url)


def test_a_home_page_of_the_latest_stories_under_a_heading_that_names_them_so_is_no_article():
    html = ("<html lang='fr'><head><title>Le Journal</title></head><body><header><h1>Le Journal</h1></header>"
            f"<div id='content'>{_LATEST.format(heading='Derniers articles')}</div></body></html>")
    with pytest.raises(NotAnArticle):
        extracted(html, "https://journal-test.example/")


def test_a_short_news_item_s_standfirst_counts_among_its_words_beside_teasers():
    """A short story without metadata nor a signed and dated headline, under its standfirst, over eight linked
    headings of other stories: its body alone was too short (fewer than 150 words), and it was a listing."""
    teasers = "<section>" + "".join(f"<h3><a href='/a{n}.html'>Une autre histoire du jour, numéro {n}</a></h3>"
                                    for n in range(8)) + "</section>"
    sentence = "Le conseil municipal a voté mardi soir le budget de la commune, après un long débat entre élus. "
    lead = f"<p class='chapo'>{sentence * 5}</p>"
    body = f"<p>{sentence * 4}</p><p>{sentence * 3}</p>"  # 126 words, and 90 in the standfirst
    record = extracted(article_page(header=lead, body=body, after=teasers, og_type=""))
    assert (record["lead"], record["word_count"]) == ((sentence * 5).strip(), 126)
    with pytest.raises(NotAnArticle, match="listing"):  # without it, the story is too short to be told from a list
        extracted(article_page(body=body, after=teasers, og_type=""))


def test_binary_body_is_not_an_article():
    with pytest.raises(NotAnArticle):
        extract_article(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", URL)


def test_bad_fetch_time_is_a_clear_error():
    with pytest.raises(ValueError, match="fetched_at"):
        extracted(article_page(), fetched_at="hier")


# site classes ---------------------------------------------------------------------------------------
def test_a_site_class_reads_its_selectors_first():
    class JournalTestPage(ArticlePage):
        selectors: ClassVar[dict[str, str]] = {"headline": "h1", "category": ".rubrique"}

    record = extracted(article_page(header="<p class='rubrique'>Société</p>"), page_class=JournalTestPage)
    assert (record["category"], record["sources"]["category"]) == ("Société", "site")


def test_site_selectors_fall_back_to_the_generic_layers_when_the_theme_changes():
    selectors = {"headline": "h1.ancien-theme", "content": "#ancien"}
    old_theme = type("OldThemePage", (ArticlePage,), {"selectors": selectors})
    record = extracted(article_page(), page_class=old_theme)
    assert (record["headline"], record["sources"]["headline"]) == ("Le titre visible", "heuristic")
    assert record["sources"]["sections"] == "heuristic"
    assert record["word_count"] > 50
    assert record["fallbacks"] == ["headline", "sections"]


def test_generic_pages_report_no_fallback():
    assert extracted(article_page())["fallbacks"] == []


def test_an_icon_font_s_ligature_is_no_text_of_the_page():
    """Material icons are drawn from their names: ``<i class="material-icons">person</i>`` shows a figure, not the word
    (e-monsite's lines of details, a caption's camera)."""
    details = ("<p class='metas'><span class='meta-author'><i class='material-icons'>person</i> Par Léa Roy</span> "
               "<span class='meta-date'><span class='material-symbols-outlined'>event</span> Le 02/07/2024</span></p>")
    figure = ("<figure><img src='/photo.jpg'><figcaption><i class='material-icons'>photo_camera</i> La place du marché."
              "</figcaption></figure>")
    record = extracted(article_page(header=details, body=figure + BODY))
    assert (record["byline"], record["authors"], record["published_raw"]) == ("Par Léa Roy", ["Léa Roy"], "02/07/2024")
    assert record["captions"][0]["text"] == "La place du marché."
    worded = extracted(article_page(header=details.replace("material-", "figure-"), body=figure + BODY))
    assert worded["byline"] == "person Par Léa Roy"  # a class of another word: its text is read


@pytest.mark.parametrize("cell, title", [
    ("<font size='4'><b>Assemblée générale du comité</b></font><br><i>Le 12 mars</i><br><br>Le texte.",
     "Assemblée générale du comité"),
    ("Le texte.<br><br><b>Un nouveau bureau élu</b><br>Le bureau…", "Un nouveau bureau élu"),  # after a line break
    ("Le président <b>Jean Dupuis</b> a présenté le bilan.<br>", None),  # a run inside a sentence
    ("<b><a href='/agenda.htm'>Voir notre agenda</a></b><br>", None),  # a link
    ("<b>Fêtes</b><br>", None),  # a word: no title's length
])
def test_an_old_page_s_title_is_its_first_line_in_bold_alone(cell, title):
    run = first_styled_run(lxml.html.fragment_fromstring(f"<td>{cell}</td>"))
    assert (element_text(run) if run is not None else None) == title


_NOTICE = ("<p>La mairie sera exceptionnellement fermée le lundi 15 avril en raison de travaux de mise aux normes "
           "électriques. Les services d'état civil resteront joignables par téléphone pour les urgences.</p><p>La "
           "réouverture au public est prévue le mardi 16 avril à 8 h 30. Le secrétariat remercie les habitants de leur "
           "compréhension et rappelle que les démarches en ligne restent possibles.</p>")


@pytest.mark.parametrize("title", ["Mairie de Trifouilly", "Actualités", "Fermeture de la mairie - Trifouilly"])
@pytest.mark.parametrize("shown", [
    "<p class='titre'>Fermeture de la mairie le 15 avril</p>",
    "<div class='article-title'><b><font size='4'>Fermeture de la mairie le 15 avril</font></b></div>",
])
def test_a_page_without_headings_is_titled_by_the_block_its_class_names_a_title(title, shown):
    """A home-made page without headings nor metadata, its title in ``<p class="titre">``: its ``<title>``, often the
    site's or the section's name only, was its headline, and the title a paragraph of its text."""
    html = (f"<html lang='fr'><head><title>{title}</title></head><body><div id='menu'><a href='/'>Accueil</a></div>"
            f"<div id='contenu'>{shown}<p class='date'>Publié le 10 avril 2024</p>{_NOTICE}</div></body></html>")
    record = extracted(html, "https://www.trifouilly.example/actualites/fermeture-mairie.html")
    assert record["headline"] == "Fermeture de la mairie le 15 avril"
    assert len(record["sections"][0]["paragraphs"]) == 2


_BOXES = ("<div id='navigation'><div class='cadre'><h1 class='cadre'>Rubriques</h1><ul><li><a href='/-Vie-'>Vie de "
          "l'association</a></li></ul></div><div class='cadre'><h1 class='cadre'>Dans la même rubrique</h1><ul><li>"
          "<a href='/Sortie-nature'>Sortie nature</a></li></ul></div></div>")


@pytest.mark.parametrize("boxes_first", [True, False])
def test_the_title_shown_outranks_h1s_that_title_boxes_outside_the_article(boxes_first):
    """SPIP's Escal titles its sidebar's boxes in ``<h1 class="cadre">`` and the article in ``<div
    id="titre-article">``: the first box's title (``Rubriques``) was the headline."""
    article = (f"<div id='contenu'><div id='titre-article'>Fermeture de la mairie le 15 avril</div>"
               f"<p class='date'>Publié le 10 avril 2024</p>{_NOTICE}</div>")
    body = _BOXES + article if boxes_first else article + _BOXES
    html = (f"<html lang='fr'><head><title>Fermeture de la mairie le 15 avril - Trifouilly</title></head><body>{body}"
            "</body></html>")
    record = extracted(html, "https://www.trifouilly.example/Fermeture-de-la-mairie")
    assert (record["headline"], record["published"]) == ("Fermeture de la mairie le 15 avril", "2024-04-10")
    assert len(record["sections"][0]["paragraphs"]) == 2


@pytest.mark.parametrize("dated", ["<span class='date'>22 janv</span> Le titre visible",
                                   "Le titre visible – 22 janvier 2025"])
def test_the_headline_repeated_over_the_text_with_its_day_is_no_sub_heading(dated):
    """Bridge repeats the post's title over its text, its day before it (``<h2 class="entry_title"><span
    class="date">22 janv</span> Titre</h2>``): the text's first section was headed so."""
    record = extracted(article_page(body=f"<h2 class='entry_title'>{dated}</h2>" + BODY))
    assert record["sections"][0]["heading"] is None
    other = extracted(article_page(body="<h2>Le 22 janvier, une journée de comptage</h2>" + BODY))
    assert other["sections"][0]["heading"] == "Le 22 janvier, une journée de comptage"


def test_a_headline_with_a_colon_in_its_h1_outranks_the_site_s_name_shown_above_it():
    """A site builder's page, its ``<title>`` the headline with a colon then the site's name (``Vide-greniers : un
    record - Comité des fêtes``), the name also written above the ``<h1>``: cut at the colon too, the title's parts
    were ``Vide-greniers`` and the site's name, and the line showing the name was the headline."""
    body = ("<div class='sw-site-title'><p>Comité des fêtes de Saint-Julien</p></div><div class='sw-blog'><h1>"
            f"Vide-greniers de printemps : un record de participation</h1><p>Publié le 14/04/2024 à 18:32</p>{_NOTICE}"
            "</div>")
    html = ("<html lang='fr'><head><title>Vide-greniers de printemps : un record de participation - Comité des fêtes de"
            f" Saint-Julien</title></head><body>{body}</body></html>")
    record = extracted(html, "https://www.comite-saint-julien.example/blog/vide-greniers")
    assert (record["headline"], record["published"]) == ("Vide-greniers de printemps : un record de participation",
                                                         "2024-04-14T18:32:00+02:00")


def test_a_line_in_bold_atop_the_text_does_not_outrank_the_title_of_a_page_without_headings():
    html = ("<html lang='fr'><head><title>Le budget voté - Trifouilly</title></head><body><div id='contenu'>"
            f"<p><b>Ce qu'il faut savoir sur le budget</b><br>{_TYPED_LINES[0]}</p>{_NOTICE}</div></body></html>")
    assert extracted(html, "https://www.trifouilly.example/actualites/budget.html")["headline"] == "Le budget voté"


_TYPED_LINES = [
    "Le conseil municipal a voté mardi soir le budget primitif, après trois heures de débats animés en séance.",
    "Les investissements prévus portent sur la rénovation de l'école et la création d'une piste cyclable.",
    "L'opposition a dénoncé une hausse de la taxe foncière, que le maire juge indispensable pour les travaux.",
]


@pytest.mark.parametrize("block", ["body", "center", "article", "main", "section"])
def test_a_text_typed_in_the_page_s_body_its_article_or_a_section_is_the_body(block):
    """Text typed between line breaks straight into ``<body>``, ``<center>`` (old pages) or an ``<article>`` without
    paragraphs: the page was refused as holding no body text."""
    text = "<br><br>".join(_TYPED_LINES)
    inner = text if block == "body" else f"<{block}>{text}</{block}>"
    html = (f"<html lang='fr'><head><meta charset='utf-8'><title>Le budget voté</title></head><body>"
            f"<div id='menu'><a href='/'>Accueil</a> <a href='/actus/'>Actualités</a></div><h1>Le budget voté</h1>"
            f"{inner}</body></html>")
    record = extracted(html, "https://www.petit-journal.example/actualites/le-budget-vote/")
    assert [p for s in record["sections"] for p in s["paragraphs"]] == _TYPED_LINES


@pytest.mark.parametrize("footer", ["<div id='pied'>", "<div class='pied-de-page'>", "<div id='piedpage'>"])
def test_a_french_templates_pied_de_page_is_the_page_footer(footer):
    """``pied`` (de page) names a French template's footer: its links were read as the body's last paragraph when the
    text lies in the page's body, and its copyright line was not looked for there."""
    text = "<br><br>".join(_TYPED_LINES)
    html = (f"<html lang='fr'><head><meta charset='utf-8'><title>Le budget voté</title></head><body>"
            f"<h1>Le budget voté</h1>{text}{footer}<p>Mentions légales - Contact</p><p>© 2024 Le Petit Journal</p>"
            f"</div><script>var a;</script><script>var b;</script><script>var c;</script></body></html>")
    record = extracted(html, "https://www.petit-journal.example/actualites/le-budget-vote/")
    assert [p for s in record["sections"] for p in s["paragraphs"]] == _TYPED_LINES
    assert record["copyright"] == "© 2024 Le Petit Journal"


@pytest.mark.parametrize("title", ["Trifouilly - Le kiosque sera sauvé", "Le kiosque sera sauvé | Mairie de Trifouilly"])
def test_a_heading_below_an_h1_that_says_no_title_is_the_headline_when_it_says_a_part_of_the_title(title):
    """Joomla's page heading where the <title> holds the site's name, which the page does not declare: the
    article's title is a part of the <title>."""
    html = (f"<html lang='fr'><head><title>{title}</title></head><body><div class='page-header'><h1>Actualités</h1>"
            "</div><div class='item-page'><div class='page-header'><h2>Le kiosque sera sauvé</h2></div>"
            f"<div class='texte'>{BODY}</div></div></body></html>")
    assert extracted(html)["headline"] == "Le kiosque sera sauvé"


@pytest.mark.parametrize("title, h2", [
    ("Trifouilly - Vie locale", "<h2>Vie locale</h2>"),  # a part too short to be a headline: a section's name
    ("Trifouilly - Le kiosque sera sauvé", "<aside><h2>Le kiosque sera sauvé</h2></aside>"),  # a box's heading
])
def test_the_h1_stays_the_headline_beside_a_heading_that_says_no_headline_s_part_of_the_title(title, h2):
    html = (f"<html lang='fr'><head><title>{title}</title></head><body><h1>Le kiosque est sauvé</h1>{h2}"
            f"<div class='texte'>{BODY}</div></body></html>")
    assert extracted(html)["headline"] == "Le kiosque est sauvé"


@pytest.mark.parametrize("line, published", [
    ("<p>Publié le 1<sup>er</sup> mars 2024</p>", "2024-03-01"),
    ("<p>Publié le 1<sup>er</sup>&nbsp;mars 2024 à 8h</p>", "2024-03-01T08:00:00+01:00"),
])
def test_the_first_of_the_month_written_with_its_er_raised_is_a_date(line, published):
    """``1<sup>er</sup> mars``, as French typography writes it: the line's pieces read ``1 er mars 2024``, which was
    no date (the page had none)."""
    record = extracted(article_page(header=line), "https://www.journal-test.example/un-article.html",
                       fetched_at="2026-01-01T00:00:00Z")
    assert record["published"] == published


@pytest.mark.parametrize("title", [
    "Le conseil municipal vote le budget | Actualités | Le Journal Test",
    "Le conseil municipal vote le budget – Le Journal Test – Toute l'actualité de Trifouilly",
    "Le conseil municipal vote le budget - Actualités",
])
def test_a_page_titled_only_by_its_title_gives_the_headline_before_its_section_and_site(title):
    """A page without a headline element nor metadata: its ``<title>`` gave the headline with the section it names and
    the site's tagline after it."""
    page = article_page(f"<title>{title}</title>" + SITE_NAME, headline="")
    assert extracted(page)["headline"] == "Le conseil municipal vote le budget"


@pytest.mark.parametrize("title", [
    "Budget 2024 - Le conseil vote", "Le maire démissionne - et après ?", "Le maire démissionne - Pourquoi ?",
])
def test_a_title_whose_parts_make_the_headline_stays_whole(title):
    assert extracted(article_page(f"<title>{title}</title>", headline=""))["headline"] == title
