"""Bounds against hostile input, unit by unit: inflating, sitemap reading, JSON-LD depth, dates, Retry-After,
attributes per tag, notes in names that never close, long runs in names."""

from __future__ import annotations

import gzip
from itertools import product
from string import ascii_uppercase
from datetime import datetime, timezone

import lxml.html
import pytest

from newsarchive.crawl.discovery import page_links, parse_feed, parse_sitemap, read_page
from newsarchive.extraction import ExtractionLimits, NotAnArticle, extract_article
from newsarchive.extraction.attributes import CrowdedPage, crowded_tag
from newsarchive.extraction.jsonld import TooDeep, nesting_depth, parse_jsonld
from newsarchive.crawl.inflate import BadGzip, TooLarge, inflate, inflated_chunks
from newsarchive.crawl.retry_after import retry_after_seconds
from newsarchive.items import page_record
from newsarchive.sample_site import hostile
from newsarchive.sites.registry import page_class_for

URL = "https://www.example.fr/actualite/un-article/"


def test_inflating_stops_past_the_limit_whatever_the_file_says():
    bomb = hostile.gzip_bomb_sitemap(["https://www.example.fr/a/"], 200 * 1024 * 1024)
    assert len(bomb) < 400_000
    read = 0
    with pytest.raises(TooLarge):
        for chunk in inflated_chunks(bomb, 2 * 1024 * 1024):
            read += len(chunk)
    assert read <= 2 * 1024 * 1024


def test_inflating_reads_every_gzip_member_and_plain_bodies():
    assert inflate(gzip.compress(b"<a>") + gzip.compress(b"</a>"), 100) == b"<a></a>"
    assert inflate(b"<plain/>", 100) == b"<plain/>"
    with pytest.raises(TooLarge):
        inflate(b"x" * 101, 100)
    with pytest.raises(BadGzip):
        inflate(gzip.compress(b"x" * 1000)[:-10], 10_000)


def test_a_sitemap_is_read_up_to_its_limits_with_the_reason():
    urls = [f"https://www.example.fr/a-{n}/" for n in range(10)]
    read = parse_sitemap(hostile.sitemap(urls), max_urls=4)
    assert [entry.loc for entry in read.entries] == urls[:4] and read.truncated == "url_count"
    bomb = parse_sitemap(hostile.gzip_bomb_sitemap(urls[:1], 20 * 1024 * 1024), max_bytes=1024 * 1024)
    assert [entry.loc for entry in bomb.entries] == urls[:1] and bomb.truncated == "inflated_size"
    whole = parse_sitemap(hostile.sitemap(urls))
    assert len(whole.entries) == 10 and whole.truncated is None and not whole.malformed


def test_a_sitemap_cut_short_keeps_its_entries_and_is_marked_malformed():
    body = hostile.sitemap(["https://www.example.fr/a/", "https://www.example.fr/b/"])[:-len("</url></urlset>")]
    read = parse_sitemap(body)
    assert read.malformed and [entry.loc for entry in read.entries] == ["https://www.example.fr/a/",
                                                                        "https://www.example.fr/b/"]


def test_a_feed_that_inflates_past_the_limit_is_refused():
    with pytest.raises(TooLarge):
        parse_feed(gzip.compress(b"<rss>" + b" " * 5000 + b"</rss>"), max_bytes=1000)


def test_json_ld_nesting_is_measured_in_linear_time_and_refused_past_the_limit():
    assert nesting_depth('{"a": [1, {"b": "[[[[["}]}') == 3
    assert nesting_depth('[{"b": "a \\" [[ \\\\"}, "]]]", [[]]]') == 3  # escaped quotes stay inside their string
    assert nesting_depth("]]][[") == 2  # a closing bracket too many does not count below zero
    assert nesting_depth("[" * 100_000 + "]" * 100_000, stop_above=50) == 51
    with pytest.raises(TooDeep):
        parse_jsonld("[" * 100_000 + "]" * 100_000, max_depth=32)
    assert parse_jsonld('{"@type": "NewsArticle"}', max_depth=1) == [{"@type": "NewsArticle"}]


@pytest.mark.parametrize("published, visible", [
    ("0001-01-01T00:00:00+14:00", ""),
    ("9999-12-31T23:59:59-14:00", ""),
    ("", "il y a 99999999999999999999 jours"),
])
def test_dates_out_of_range_are_null_with_their_raw_text_and_a_warning(published, visible):
    page = hostile.extreme_dates_page("Un titre d'article assez long", published=published, visible_date=visible)
    record = extract_article(page, URL, fetched_at="2025-08-07T10:00:00+00:00")
    assert record["published"] is None
    assert record["published_raw"] == (published or visible)
    assert "date_unparsed:published" in record["warnings"]


def test_a_number_is_no_headline():
    record = extract_article(hostile.number_headline_page("Le titre visible de l'article"), URL)
    assert record["headline"] == "Le titre visible de l'article"


def test_notes_that_never_close_cost_no_field_of_the_page():
    """An author (JSON-LD) and a last paragraph of 20,000 ``(avec `` without a closing parenthesis: each one was read
    to the end of the text from every opening one (13.6 s here, past the time limit: the page lost all its fields but
    its headline and authors); notes are read up to 200 characters."""
    junk = "(avec " * 20_000
    page = (f'<html lang="fr"><head><script type="application/ld+json">{{"@type": "NewsArticle", "author": '
            f'{{"@type": "Person", "name": "{junk}"}}}}</script></head><body><article><h1>Un titre d\'article</h1>'
            + "<p>Un paragraphe du texte de l'article, assez long pour compter comme un vrai paragraphe.</p>" * 5
            + f"<p>{junk}</p></article></body></html>").encode()
    record = extract_article(page, URL)
    assert not [warning for warning in record["warnings"] if warning.startswith("extraction_timeout")]
    assert record["sections"] and record["authors"] == []


def test_a_long_word_or_run_of_separators_in_a_name_costs_no_field_of_the_page():
    """A JSON-LD author's name of 100,000 letters without a space, and a site's byline element of 20,000 dashes before
    its ``par``: an e-mail address was looked for from each letter, and an editor's credit from each dash, each to the
    end of the run (past the time limit: the page lost its fields)."""
    word = "a" * 100_000
    paragraphs = "<p>Un paragraphe du texte de l'article, assez long pour compter comme un vrai paragraphe.</p>" * 5
    page = (f'<html lang="fr"><head><script type="application/ld+json">{{"@type": "NewsArticle", "author": '
            f'{{"@type": "Person", "name": "{word}"}}}}</script></head><body><article><h1>Un titre d\'article</h1>'
            f"{paragraphs}</article></body></html>").encode()
    record = extract_article(page, URL)
    assert not [warning for warning in record["warnings"] if warning.startswith("extraction_timeout")]
    assert record["sections"] and record["authors"] == []
    onemedia = "https://onemedia.fr/france/un-article/"
    page = (f'<html lang="fr"><body><article><h1 class="single-post-title">Un titre d\'article</h1><div '
            f'class="post-box-meta-single"><span class="author">{" - " * 20_000}par Léa Roy</span></div>'
            f'<div class="inner-post-entry">{paragraphs}</div></article></body></html>').encode()
    record = extract_article(page, onemedia, page_class=page_class_for(onemedia))
    assert not [warning for warning in record["warnings"] if warning.startswith("extraction_timeout")]
    assert record["sections"] and record["authors"] == ["Léa Roy"]


def test_lists_nested_a_thousand_deep_cost_no_field_of_the_page():
    """Lists nested as deep as the parser goes, each item a link of one word, on a page without a date: the last
    resort's pruning read every link below each item to tell a list of other pages (9 s here, past a time limit of
    2 s: the page lost its fields); an item's first links only are read."""
    nested = "<ul><li><a href='/x'>x</a>" * 2000 + "</li></ul>" * 2000
    paragraphs = "<p>Un paragraphe du texte de l'article, assez long pour compter comme un vrai paragraphe.</p>" * 5
    page = (f"<html lang='fr'><body><article><h1>Un titre d'article</h1>{paragraphs}</article>{nested}"
            "</body></html>").encode()
    record = extract_article(page, URL, limits=ExtractionLimits(jsonld_max_depth=32, time_limit=2))
    assert not [warning for warning in record["warnings"] if warning.startswith("extraction_timeout")]
    assert record["sections"] and record["published"] is None


def test_a_breadcrumb_of_thousands_of_levels_is_none():
    """A JSON-LD BreadcrumbList of 20,000 items, and a visible trail of as many links: the record held a breadcrumb
    of 20,000 labels (a site's trail has a few levels)."""
    paragraphs = "<p>Un paragraphe du texte de l'article, assez long pour compter comme un vrai paragraphe.</p>" * 5
    items = ", ".join(f'{{"@type": "ListItem", "position": {i}, "name": "Rubrique {i}"}}' for i in range(20_000))
    jsonld = f'<script type="application/ld+json">{{"@type": "BreadcrumbList", "itemListElement": [{items}]}}</script>'
    visible = "<nav class='breadcrumb'>" + " › ".join(f"<a href='/r{i}/'>Rubrique {i}</a>" for i in range(20_000))
    for head, trail in ((jsonld, ""), ("", visible + "</nav>")):
        page = (f'<html lang="fr"><head>{head}</head><body>{trail}<article><h1>Un titre d\'article</h1>{paragraphs}'
                "</article></body></html>").encode()
        assert extract_article(page, URL)["breadcrumb"] == []
    short = ", ".join(f'{{"@type": "ListItem", "position": {i}, "name": "Rubrique {i}"}}' for i in range(1, 4))
    head = f'<script type="application/ld+json">{{"@type": "BreadcrumbList", "itemListElement": [{short}]}}</script>'
    page = f'<html lang="fr"><head>{head}</head><body><article><h1>Un titre</h1>{paragraphs}</article></body></html>'
    assert extract_article(page.encode(), URL)["breadcrumb"] == ["Rubrique 1", "Rubrique 2", "Rubrique 3"]


def test_a_page_names_its_first_fifty_authors_at_most():
    """A JSON-LD list of 15,000 people: the record named them all (each also checked against the site's names)."""
    names = [f"Jean {first}{second}{third}" for first, second, third in product(ascii_uppercase, repeat=3)][:15_000]
    authors = ", ".join(f'{{"@type": "Person", "name": "{name}"}}' for name in names)
    jsonld = f'<script type="application/ld+json">{{"@type": "NewsArticle", "author": [{authors}]}}</script>'
    page = (f"<html lang='fr'><head>{jsonld}</head><body><article><h1>Un titre d'article</h1>"
            + "<p>Un paragraphe du texte de l'article, assez long pour compter comme un vrai paragraphe.</p>" * 5
            + "</article></body></html>").encode()
    assert extract_article(page, URL)["authors"] == [name.title() for name in names[:50]]


def test_a_wall_of_text_is_no_headline():
    """An <h1> or a <title> of 190,000 characters was the record's headline (and title)."""
    wall = "Un titre très long " * 10_000
    paragraphs = "<p>Un paragraphe du texte de l'article, assez long pour compter comme un vrai paragraphe.</p>" * 5
    page = (f"<html lang='fr'><head><title>Le budget adopté</title></head><body><article><h1>{wall}</h1>{paragraphs}"
            "</article></body></html>").encode()
    assert extract_article(page, URL)["headline"] == "Le budget adopté"
    page = f"<html lang='fr'><head><title>{wall}</title></head><body><article>{paragraphs}</article></body></html>"
    with pytest.raises(NotAnArticle):
        extract_article(page.encode(), URL)


def test_fields_past_the_time_limit_are_left_out_with_a_warning():
    page = hostile.article_page("Un titre d'article assez long")
    record = extract_article(page, URL, limits=ExtractionLimits(jsonld_max_depth=32, time_limit=1e-9))
    assert record["headline"] == "Un titre d'article assez long"  # always read: the page is kept
    assert record["sections"] == [] and record["tags"] == []
    warning = next(w for w in record["warnings"] if w.startswith("extraction_timeout:"))
    assert "sections" in warning and "tags" in warning
    full = extract_article(page, URL, limits=ExtractionLimits(jsonld_max_depth=32, time_limit=0))
    assert not [w for w in full["warnings"] if w.startswith("extraction_timeout")]


def test_retry_after_reads_seconds_and_http_dates():
    now = datetime(2025, 8, 6, 12, 0, tzinfo=timezone.utc)
    assert retry_after_seconds(b"120") == 120
    assert retry_after_seconds("Wed, 06 Aug 2025 12:01:00 GMT", now) == 60
    assert retry_after_seconds("Wed, 06 Aug 2025 11:00:00 GMT", now) == 0
    assert retry_after_seconds(b"9" * 40) == float("inf")
    assert retry_after_seconds("bientôt") is None and retry_after_seconds(None) is None


def _tag_forms(count: int) -> dict[str, bytes]:
    """A tag of ``count`` attributes, written in each way an HTML5 tokenizer (libxml2's) separates attributes."""
    names = [b"a%d" % number for number in range(count)]
    return {"blanks": b"<div " + b" ".join(names) + b">",
            "tabs and form feeds": b"<div\t" + b"\f".join(names) + b">",
            "slashes": b"<div" + b"".join(b"/" + name for name in names) + b">",
            "quoted values, no blank": b"<div " + b"".join(name + b'="v"' for name in names) + b">",
            "single-quoted values holding >": b"<div " + b" ".join(name + b"='>'" for name in names) + b">",
            "unquoted values, blanks around =": b"<div " + b" ".join(name + b" = v" for name in names) + b">",
            "names starting with =": b"<div " + b" ".join(b"=" + name + b" =v" for name in names) + b">",
            "names holding <": b"<div " + b" ".join(b"<" + name for name in names) + b">"}


@pytest.mark.parametrize("form", list(_tag_forms(1)))
@pytest.mark.parametrize("count", [49, 51])
def test_a_tag_of_too_many_attributes_is_found_however_they_are_written(form, count):
    page = b"<html><body><p>avant</p>" + _tag_forms(count)[form]
    parsed = lxml.html.document_fromstring(page, parser=lxml.html.HTMLParser(encoding="utf-8"))
    attributes = max(len(element.attrib) for element in parsed.iter())
    assert attributes == count  # as libxml2 reads them
    assert (crowded_tag(page, 50) is not None) == (count > 50)
    if count > 50:
        assert crowded_tag(page, 50) == page.index(b"<div")


def test_tags_are_read_in_one_pass_whatever_the_page():
    # each "<a" opens a tag whose name runs to the end: read again from every "<", 400,000 of them, it would not end
    assert crowded_tag(b"<a" * 400_000, 50) is None
    assert crowded_tag(b'<p title="' + b"<a b " * 100_000 + b'">', 50) is None  # one quoted value


def test_a_page_in_another_encoding_cannot_hide_a_crowded_tag_from_the_listing_reader():
    utf16 = ("<html><body>" + hostile.crowded_tag(3_000) + "</body></html>").encode("utf-16")
    assert crowded_tag(utf16, 2_000) is None  # not in its bytes as they are: the parser decodes them first
    assert read_page(utf16, max_attributes=2_000)[1] is not None
    # libxml2 reading bytes itself would honour UTF-7 and see a tag of 3,000 attributes; the page is decoded as the
    # extraction decodes it (UTF-7 ignored), and the parser gets the UTF-8 that was scanned: no such tag
    names = b" ".join(b"a%d" % number for number in range(3_000))
    utf7 = b'<html><head><meta charset="utf-7"></head><body>+ADw-div ' + names + b"+AD4-x</body></html>"
    document, cut = read_page(utf7, max_attributes=2_000)
    assert cut is None and max(len(element.attrib) for element in document.iter()) == 1


def test_a_listing_page_is_read_up_to_its_first_tag_of_too_many_attributes():
    page = ('<html><body><a href="/avant/">avant</a>' + hostile.crowded_tag(200_000) + '<a href="/apres/">après</a>'
            "</body></html>").encode()
    document, cut = read_page(page, {"Content-Type": "text/html; charset=utf-8"}, 2_000)
    assert cut == page.index(b"<div")
    assert page_links(document, "https://www.example.fr/") == ["https://www.example.fr/avant/"]


def test_a_page_extracted_in_this_process_is_refused_before_parsing_when_a_tag_has_too_many_attributes():
    raw = {"body": hostile.article_page("Une balise", body=hostile.crowded_tag(200_000)), "final_url": URL,
           "headers": {}, "fetched_at": None}
    with pytest.raises(CrowdedPage, match="a tag at byte [0-9]+ has more than 2000 attributes"):
        page_record(raw)
    assert page_record({**raw, "body": hostile.article_page("Une balise", body=hostile.crowded_tag(1_000))})[
        "headline"] == "Une balise"


def test_a_page_of_thousands_of_stories_is_read_in_linear_time(monkeypatch):
    """Which <article> holds the headline's story, on a page of 2,000 more (the next stories loaded under it, or a
    hostile page): each is looked at once, not against each other."""
    from newsarchive.extraction import stories
    from newsarchive.extraction.page_text import PageText

    asked = []

    def holds(ancestor, element) -> bool:
        asked.append(element)
        return ancestor in element.iterancestors()

    monkeypatch.setattr(stories, "holds", holds)
    text = "<p>Le conseil municipal a voté mardi soir le budget de la commune, après un long débat.</p>"
    other = "<article><h2><a href='/autre-{}/'>Un autre sujet</a></h2>" + text + "</article>"
    doc = lxml.html.fromstring(f"<html><body><main><article><h1>Le titre</h1>{text * 5}</article>"
                               + "".join(other.format(n) for n in range(2000)) + "</main></body></html>")
    main, headline = doc.find(".//main"), doc.find(".//h1")
    assert stories.headline_s_own_article(main, headline, PageText(doc, headline)) is headline.getparent()
    assert len(asked) <= 2 * 2000
