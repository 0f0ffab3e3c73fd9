"""The fields declared once with ``@field``: what is derived from the declaration (the record's keys, list fields,
selectable fields, the archive's content fields, the record table of docs/architecture.md), and the rule that a
site's matching selector wins, for dates as for every field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from article_pages import article_page, jsonld

from newsarchive.extraction import ArticlePage, extract_article
from newsarchive.extraction.fields import BLOCKS, DATE, NAMES, TEXT, declared_fields, field
from newsarchive.extraction.parsing import parse_html
from newsarchive.extraction.record import FIELDS, LIST_FIELDS, PAGE_FIELDS, RECORD_KEYS, SELECTABLE_FIELDS, build_record
from newsarchive.extraction.sourced import HEURISTIC, Sourced
from newsarchive.sites.profile_file import parse_profile
from newsarchive.sites.profiles import ProfileError
from newsarchive.sites.registry import page_class_of
from newsarchive.storage.rows import CONTENT_FIELDS, SCALAR_FIELDS

DOCS = Path(__file__).resolve().parents[1] / "docs"
ARCHITECTURE = DOCS / "architecture.md"
URL = "https://journal-essai.test/politique/un-article/"


def record_table(markdown: str) -> dict[str, str]:
    """``{key: meaning}`` of the table under the doc's "Article record" heading."""
    section = markdown.split("## Article record", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z_]+)` \| (.*) \|$", section, re.MULTILINE)
    return dict(rows)


def test_the_record_table_of_the_architecture_doc_is_the_declaration():
    documented = record_table(ARCHITECTURE.read_text(encoding="utf-8"))
    assert list(documented) == list(RECORD_KEYS)
    assert documented == RECORD_KEYS


def test_a_record_has_every_declared_key_in_order_and_empty_fields_of_their_kind():
    record = extract_article(dated_page("", "2024-03-12"), URL)
    assert list(record) == list(RECORD_KEYS)
    missing = set(FIELDS) - set(record["sources"])
    assert {"breadcrumb", "tags", "captions", "copyright"} <= missing
    assert {name: record[name] for name in missing} == {name: [] if name in LIST_FIELDS else None for name in missing}


def test_kinds_give_the_list_date_and_selectable_fields():
    assert LIST_FIELDS == {"authors", "breadcrumb", "sections", "captions", "tags"}
    assert {name for name, declared in PAGE_FIELDS.items() if declared.kind == DATE} == {"published", "modified"}
    assert SELECTABLE_FIELDS == {"content", *FIELDS} - {"sections", "captions"}
    assert {key for key in RECORD_KEYS if key.endswith("_raw")} == {"published_raw", "modified_raw"}


def test_the_archive_stores_every_field_but_the_canonical_url_as_content():
    assert set(CONTENT_FIELDS) == set(FIELDS) - {"canonical_url"}
    assert set(SCALAR_FIELDS) == set(CONTENT_FIELDS) - LIST_FIELDS


def test_the_guide_to_adding_a_site_names_the_selectable_fields():
    guide = (DOCS / "adding-a-site.md").read_text(encoding="utf-8")
    row = next(line for line in guide.splitlines() if line.startswith("| `selectors.FIELD` |"))
    assert set(re.findall(r"`([a-z_]+)`", row.split("|")[2])) == SELECTABLE_FIELDS


def test_a_profile_may_name_only_selectable_fields():
    with pytest.raises(ProfileError, match=r"unknown key 'selectors\.sections'"):
        parse_profile({"domains": ["a.test"], "selectors": {"sections": "p"}}, default_name="a")
    assert parse_profile({"domains": ["a.test"], "selectors": {"content": "main"}}, default_name="a")


def test_an_overriding_method_keeps_the_declaration_and_a_new_one_replaces_it():
    class Plain(ArticlePage):
        def byline(self):
            return Sourced("Par la rédaction", HEURISTIC)

    class Declared(ArticlePage):
        @field(NAMES, "bylines, one per signature")
        def byline(self):
            return Sourced(["Par A", "Par B"], HEURISTIC)

    assert declared_fields(Plain) == declared_fields(ArticlePage)
    assert list(declared_fields(Declared)) == list(FIELDS)
    assert declared_fields(Declared)["byline"].kind == NAMES
    assert declared_fields(ArticlePage)["byline"].kind == TEXT
    assert declared_fields(ArticlePage)["sections"].kind == BLOCKS


def test_a_site_selector_value_is_cleaned_as_its_field_declares():
    page = ("<html><body><h1>Titre</h1><span class='auteur'>Par Marie Dupont</span>"
            "<a class='mot' href='/tag/lyon/'>#Lyon</a><div class='corps'><p>Texte de l'article assez long.</p></div>"
            "</body></html>")
    site_class = type("CleanedPage", (ArticlePage,), {"selectors": {"authors": ".auteur", "tags": ".mot"}})
    record = build_record(site_class(parse_html(page.encode()), URL))
    assert (record["authors"], record["sources"]["authors"]) == (["Marie Dupont"], "site")
    assert record["sources"]["tags"] == "site" and record["tags"] and "#" not in record["tags"][0]


# --- a site's matching selector wins ----------------------------------------------------------------------------

def dated_page(shown: str, jsonld_date: str, url_day: str = "", site_element: str = "") -> str:
    """An article dated ``jsonld_date`` by its metadata, showing ``shown`` in ``.pubdate`` (or holding
    ``site_element``) and ``url_day`` in ``.date``; nothing in its footer."""
    structured = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Le conseil vote le budget",
                  "datePublished": jsonld_date}
    head = jsonld(structured) + f'<meta property="article:published_time" content="{jsonld_date}">'
    header = (site_element or f'<p class="pubdate">{shown}</p>') + f'<p class="date">{url_day}</p>'
    body = ("<p>Le conseil municipal a voté le budget de l'année après un long débat en séance.</p>"
            "<p>L'opposition a demandé un report, refusé par la majorité.</p>")
    return article_page(head, header, headline="<h1>Le conseil vote le budget</h1>", body=body, end="", og_type="")


def profile_record(page: str, url: str = URL, **selectors) -> dict:
    profile = parse_profile({"domains": ["journal-essai.test"], "selectors": selectors}, default_name="essai")
    return build_record(page_class_of(profile)(parse_html(page.encode()), url))


def test_a_profile_date_selector_that_matches_wins_over_a_more_precise_jsonld_date():
    page = dated_page("12 mars 2024", "2024-03-12T08:30:00+01:00")
    generic = extract_article(page, URL)
    assert generic["sources"]["published"] == "jsonld"
    record = profile_record(page, published=".pubdate")
    assert record["sources"]["published"] == "site"
    assert record["fallbacks"] == []
    assert (record["published_raw"], record["published"]) == ("12 mars 2024", "2024-03-12")
    assert not [warning for warning in record["warnings"] if warning.startswith("date_conflict")]


def test_a_profile_date_selector_that_matches_is_not_outvoted_and_the_conflict_is_reported():
    """The metadata, a visible date and the URL say the 20th, which outvotes a date of the metadata alone; the site's
    own selector (on a hidden element) says the 12th: it stands."""
    url = "https://journal-essai.test/2024/03/20/le-conseil-vote-le-budget/"
    page = dated_page("", "2024-03-20T08:30:00+01:00", url_day="Publié le 20 mars 2024",
                      site_element='<meta class="pubdate" content="2024-03-12T07:00:00+01:00">')
    record = profile_record(page, url, published=".pubdate")
    assert (record["published"], record["sources"]["published"], record["fallbacks"]) == (
        "2024-03-12T07:00:00+01:00", "site", [])
    assert any(warning.startswith('date_conflict:published: site "2024-03-12T07:00:00+01:00"')
               for warning in record["warnings"])


@pytest.mark.parametrize("shown, raw", [
    ("Publication publiée : 12 mars 2024", "12 mars 2024"),  # a label the dates package does not know
    ("12 mars 2024 - 2 min de lecture", "12 mars 2024"),  # a reading time after the date
    ("Publié le 12 mars 2024", "Publié le 12 mars 2024"),  # a text that reads as a date whole stays whole
])
def test_a_profile_date_selector_on_a_text_with_more_than_its_date_reads_the_date_in_it(shown, raw):
    """The site's element was found, but its text was no date read whole: the heuristics took over, and the record
    reported a theme change that was none (``fallbacks``)."""
    record = profile_record(dated_page(shown, "2024-03-12T08:30:00+01:00"), published=".pubdate")
    assert (record["published"], record["published_raw"]) == ("2024-03-12", raw)
    assert (record["sources"]["published"], record["fallbacks"]) == ("site", [])


def test_a_date_selector_that_finds_no_date_is_a_fallback():
    page = dated_page("", "2024-03-12T08:30:00+01:00")
    record = profile_record(page, published=".pubdate-absente")
    assert (record["published"], record["sources"]["published"]) == ("2024-03-12T08:30:00+01:00", "jsonld")
    assert record["fallbacks"] == ["published"]
