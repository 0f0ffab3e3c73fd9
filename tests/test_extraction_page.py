"""The generic page class and extract_article(): layers per field, dates, authors, tags, URLs, non-articles."""

from __future__ import annotations

import json
import re
from typing import ClassVar

import pytest

from newsarchive.extraction import NotAnArticle, extract_article
from newsarchive.extraction.page import ArticlePage

URL = "https://www.journal-test.example/societe/2025/03/01/un-article.html"
UNDATED_URL = "https://www.journal-test.example/societe/un-article.html"
BODY = "".join(
    f"<p>Paragraphe {n} du corps de l’article, avec assez de mots pour former un vrai texte suivi.</p>"
    for n in range(1, 6)
)


def make_page(head: str = "", header: str = "", body: str = BODY, after: str = "", og_type: str = "article") -> str:
    og = f'<meta property="og:type" content="{og_type}">' if og_type else ""
    return (
        f"<html lang='fr'><head><meta charset='utf-8'>{og}{head}</head><body>"
        f"<main><article><header><h1>Le titre visible</h1>{header}</header>"
        f"<div class='article-body'>{body}</div>{after}</article></main>"
        "<footer><p>© Le Journal Test 2025</p></footer></body></html>"
    )


def ld(value) -> str:
    return f'<script type="application/ld+json">{json.dumps(value, ensure_ascii=False)}</script>'


def extract(html: str, url: str = URL, **kwargs) -> dict:
    return extract_article(html.encode("utf-8"), url, **kwargs)


# headline -------------------------------------------------------------------------------------------
def test_headline_most_sources_agree_on_wins():
    head = ld({"@type": "NewsArticle", "headline": "Un titre pour les moteurs"}) + (
        '<meta property="og:title" content="Le titre visible - Le Journal Test">'
        '<meta property="og:site_name" content="Le Journal Test">'
    )
    record = extract(make_page(head))
    assert record["headline"] == record["title"] == "Le titre visible"
    assert record["sources"]["headline"] == "opengraph"


def test_a_cut_jsonld_headline_gives_way_to_the_visible_one():
    head = ld({"@type": "NewsArticle", "headline": "Le titre…"})
    record = extract(make_page(head))
    assert record["headline"] == "Le titre visible"
    assert record["sources"]["headline"] == "heuristic"


def test_jsonld_headline_wins_a_tie():
    record = extract(make_page(ld({"@type": "NewsArticle", "headline": "Titre structuré"})))
    assert (record["headline"], record["sources"]["headline"]) == ("Titre structuré", "jsonld")


# dates ----------------------------------------------------------------------------------------------
def test_time_with_offset_is_preferred_to_a_date_only_value_of_the_same_day():
    head = ld({"@type": "NewsArticle", "headline": "T", "datePublished": "2025-03-01"})
    header = '<time class="published" datetime="2025-03-01T18:05:00+01:00">1er mars 2025 à 18h05</time>'
    record = extract(make_page(head, header))
    assert record["published"] == "2025-03-01T18:05:00+01:00"
    assert record["sources"]["published"] == "heuristic"


def test_a_more_precise_date_of_another_day_does_not_replace_the_structured_one():
    head = ld({"@type": "NewsArticle", "headline": "T", "datePublished": "2025-03-01"})
    header = '<time class="published" datetime="2025-02-27T18:05:00+01:00">27 février</time>'
    record = extract(make_page(head, header))
    assert (record["published"], record["published_raw"]) == ("2025-03-01", "2025-03-01")


def test_jsonld_utc_date_is_given_in_paris_time_and_raw_is_kept():
    head = ld({"@type": "NewsArticle", "headline": "T", "datePublished": "2025-08-06T12:32:00+00:00",
               "dateModified": "2025-08-07T09:10:00Z"})
    record = extract(make_page(head))
    assert record["published"] == "2025-08-06T14:32:00+02:00"
    assert record["published_raw"] == "2025-08-06T12:32:00+00:00"
    assert record["modified"] == "2025-08-07T11:10:00+02:00"


def test_visible_published_and_modified_dates():
    header = '<p class="dates">Publié le 3 juillet 2025 à 08h05, mis à jour le 4 juillet 2025 à 10h15</p>'
    record = extract(make_page(header=header), fetched_at="2025-07-05T08:00:00Z")
    assert record["published"] == "2025-07-03T08:05:00+02:00"
    assert record["modified"] == "2025-07-04T10:15:00+02:00"


def test_relative_date_is_resolved_against_the_fetch_time():
    header = '<span class="date">il y a 3 heures</span>'
    record = extract(make_page(header=header), UNDATED_URL, fetched_at="2025-08-06T12:32:00+00:00")
    assert record["published"] == "2025-08-06T11:32:00+02:00"


def test_an_absolute_date_outranks_a_relative_one_and_the_conflict_is_recorded():
    header = '<span class="date">il y a 3 heures</span>'
    record = extract(make_page(header=header), fetched_at="2025-08-06T12:32:00+00:00")
    assert record["published"] == "2025-03-01"  # the URL's day: "3 hours ago" depends on when the copy was made
    assert record["warnings"] == ['date_conflict:published: url "2025-03-01" ≠ visible "il y a 3 heures" (kept url)']


@pytest.mark.parametrize(
    "value, published",
    [(["2025-03-01T10:00:00+01:00", "2025-03-02"], "2025-03-01T10:00:00+01:00"),
     (1740819600, "2025-03-01T10:00:00+01:00")],
    ids=["list", "unix-timestamp"],
)
def test_jsonld_dates_given_as_lists_or_timestamps(value, published):
    head = ld({"@type": "NewsArticle", "headline": "T", "datePublished": value})
    assert extract(make_page(head))["published"] == published


def test_unparsable_date_gives_none_a_warning_and_the_raw_text():
    head = ld({"@type": "NewsArticle", "headline": "T", "datePublished": "bientôt"})
    record = extract(make_page(head), UNDATED_URL)
    assert record["published"] is None
    assert record["published_raw"] == "bientôt"
    assert record["warnings"] == ["date_unparsed:published"]


# authors, byline ------------------------------------------------------------------------------------
def test_authors_from_jsonld_people():
    head = ld({"@type": "NewsArticle", "headline": "T", "author": [
        {"@type": "Person", "name": "Hélène Ricard"}, {"@type": "Person", "name": "Par Tomas Lefèvre"}]})
    assert extract(make_page(head))["authors"] == ["Hélène Ricard", "Tomas Lefèvre"]


def test_site_named_as_author_gives_way_to_the_byline():
    head = ld({"@type": "NewsArticle", "headline": "T", "author": {"@type": "Organization", "name": "Le Journal Test"},
               "publisher": {"@type": "Organization", "name": "Le Journal Test"}})
    record = extract(make_page(head, '<div class="byline">Par Léa Roy, à Lyon</div>'))
    assert record["authors"] == ["Léa Roy"]
    assert record["byline"] == "Par Léa Roy, à Lyon"
    assert record["sources"]["authors"] == "heuristic"


def test_site_named_as_author_is_kept_when_nobody_else_is_named():
    head = ld({"@type": "NewsArticle", "headline": "T", "author": {"@type": "Organization", "name": "Le Journal Test"},
               "publisher": {"@type": "Organization", "name": "Le Journal Test"}})
    assert extract(make_page(head))["authors"] == ["Le Journal Test"]


def test_rel_author_link_and_byline_after_the_headline():
    record = extract(make_page(header='<p>Par <a rel="author" href="/auteurs/roy">Léa Roy</a></p>'))
    assert record["authors"] == ["Léa Roy"]
    assert record["byline"] == "Par Léa Roy"


# tags, category, breadcrumb -------------------------------------------------------------------------
def test_rel_tag_links_without_category_links():
    after = ('<div class="meta"><a rel="category tag" href="/c/societe/">Société</a>'
             '<a rel="tag" href="/t/lyon/">Lyon</a><a rel="tag" href="/t/metro/">Métro</a>'
             '<a rel="tag" href="/t/lyon2/">LYON</a></div>')
    record = extract(make_page(after=after))
    assert record["tags"] == ["Lyon", "Métro"]
    assert record["category"] == "Société"


def test_jsonld_keywords_then_article_tag_then_meta_keywords():
    keywords = ld({"@type": "NewsArticle", "headline": "T", "keywords": "Lyon, Métro"})
    assert extract(make_page(keywords))["tags"] == ["Lyon", "Métro"]
    article_tags = '<meta property="article:tag" content="Lyon"><meta property="article:tag" content="Bus, tram">'
    assert extract(make_page(article_tags))["tags"] == ["Lyon", "Bus, tram"]
    record = extract(make_page('<meta name="keywords" content="lyon, transports">'))
    assert (record["tags"], record["sources"]["tags"]) == (["lyon", "transports"], "meta")


def test_category_is_not_added_to_the_tags():
    head = ld({"@type": "NewsArticle", "headline": "T", "articleSection": "Société", "keywords": ["Lyon"]})
    record = extract(make_page(head))
    assert (record["category"], record["tags"]) == ("Société", ["Lyon"])


def test_breadcrumb_gives_the_category_when_nothing_else_does():
    header = ('<nav class="breadcrumb"><a href="/">Accueil</a> › <a href="/societe/">Société</a> › '
              '<a href="/societe/transports/">Transports</a> › <span>Le titre visible</span></nav>')
    record = extract(make_page(header=header))
    assert record["breadcrumb"] == ["Accueil", "Société", "Transports", "Le titre visible"]
    assert record["category"] == "Transports"


# copyright, language, canonical, image ----------------------------------------------------------------
def test_copyright_line_without_the_footer_links():
    page = make_page().replace(
        "<footer><p>© Le Journal Test 2025</p></footer>",
        '<footer><p><a href="/contact">Contact</a> | Tous droits réservés © Le Journal Test 2025 | '
        '<a href="/cgu">CGU</a></p></footer>',
    )
    assert extract(page)["copyright"] == "Tous droits réservés © Le Journal Test 2025"


def test_photo_credit_in_the_body_is_not_the_copyright_line():
    body = BODY + "<figure><img src='a.jpg'><figcaption>Une photo © Agence</figcaption></figure>"
    assert extract(make_page(body=body))["copyright"] == "© Le Journal Test 2025"


def test_language_layers():
    assert extract(make_page())["language"] == "fr"
    record = extract(make_page('<meta property="og:locale" content="de_DE">'))
    assert (record["language"], record["sources"]["language"]) == ("de", "opengraph")


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
    record = extract(make_page(f'<link rel="canonical" href="{canonical}">'), URL + "?utm_source=x#comments")
    assert record["canonical_url"] == expected


def test_image_url_is_absolute():
    record = extract(make_page('<meta property="og:image" content="/img/une.jpg">'))
    assert record["image_url"] == "https://www.journal-test.example/img/une.jpg"


# lead, body -----------------------------------------------------------------------------------------
def test_standfirst_is_the_lead_and_opens_the_text_but_stays_out_of_the_sections():
    lead = "Le chapeau de l’article résume en deux phrases ce que le lecteur va découvrir ensuite."
    record = extract(make_page(header=f'<p class="chapo">{lead}</p>', body=f'<p class="chapo">{lead}</p>' + BODY))
    assert record["lead"] == lead
    assert all(lead not in section["paragraphs"] for section in record["sections"])
    assert record["text"].startswith(lead + "\nParagraphe 1 ") and record["text"].count(lead) == 1
    assert record["word_count"] == len(re.findall(r"\w+", BODY.replace("<p>", " ").replace("</p>", " ")))


def test_a_photo_credit_is_not_a_lead():
    header = '<div class="article-intro">Une vue de la ville au petit matin © Agence Photo / Le Journal</div>'
    assert extract(make_page(header=header))["lead"] is None


def test_record_has_every_key_even_when_fields_are_missing():
    record = extract(make_page(og_type=""), UNDATED_URL)
    for key in ("byline", "published", "modified", "category", "lead", "image_url"):
        assert record[key] is None
    assert record["authors"] == [] and record["captions"] == [] and record["tags"] == []
    assert record["word_count"] == len(re.findall(r"\w+", record["text"])) > 50


def test_truncated_page_still_gives_its_article():
    html = make_page(ld({"@type": "NewsArticle", "headline": "Le titre visible"}))
    record = extract(html[: html.index("Paragraphe 4")])
    assert record["headline"] == "Le titre visible"
    assert len(record["sections"][0]["paragraphs"]) == 3


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
        (make_page(ld({"@type": "CollectionPage", "name": "Société"}), og_type="website"), "listing"),
    ],
    ids=["empty", "no-headline", "no-body", "teasers", "collection-page"],
)
def test_pages_that_are_not_articles(html, reason):
    with pytest.raises(NotAnArticle, match=reason):
        extract(html)


def test_article_calling_itself_a_website_is_still_an_article():
    related = "<section>" + "".join(f"<h3><a href='/a{n}.html'>Lien {n}</a></h3>" for n in range(6)) + "</section>"
    record = extract(make_page(body=BODY * 2, after=related, og_type="website"))
    assert record["headline"] == "Le titre visible"


def test_binary_body_is_not_an_article():
    with pytest.raises(NotAnArticle):
        extract_article(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", URL)


def test_bad_fetch_time_is_a_clear_error():
    with pytest.raises(ValueError, match="fetched_at"):
        extract(make_page(), fetched_at="hier")


# site classes ---------------------------------------------------------------------------------------
def test_a_site_class_reads_its_selectors_first():
    class JournalTestPage(ArticlePage):
        selectors: ClassVar[dict[str, str]] = {"headline": "h1", "category": ".rubrique"}

    record = extract(make_page(header="<p class='rubrique'>Société</p>"), page_class=JournalTestPage)
    assert (record["category"], record["sources"]["category"]) == ("Société", "site")


def test_site_selectors_fall_back_to_the_generic_layers_when_the_theme_changes():
    selectors = {"headline": "h1.ancien-theme", "content": "#ancien"}
    old_theme = type("OldThemePage", (ArticlePage,), {"selectors": selectors})
    record = extract(make_page(), page_class=old_theme)
    assert (record["headline"], record["sources"]["headline"]) == ("Le titre visible", "heuristic")
    assert record["sources"]["sections"] == "heuristic"
    assert record["word_count"] > 50
    assert record["fallbacks"] == ["headline", "sections"]


def test_generic_pages_report_no_fallback():
    assert extract(make_page())["fallbacks"] == []
