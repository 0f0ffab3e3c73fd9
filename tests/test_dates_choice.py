"""Choosing a page's date among its evidence: ranks, conflicts, precision, offsets, the README's table."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from article_pages import BODY, article_page, extracted, jsonld

from newsarchive.dates import RANKS, Evidence, choose_date, choose_date_at, title_date, url_date
from newsarchive.dates.reading import reference_time
from newsarchive.extraction.page import ArticlePage
from newsarchive.extraction.parsing import parse_html
from newsarchive.extraction.vocabulary.classes import DATE_HINTS, MODIFIED_HINTS

README = Path(__file__).resolve().parents[1] / "README.md"
NOW = datetime(2025, 8, 8, 10, 0, tzinfo=UTC)


def chosen(*evidence, **kwargs):
    return choose_date([Evidence(*item) for item in evidence], now=NOW, **kwargs)


def test_the_readme_table_is_the_rank_table():
    section = README.read_text(encoding="utf-8").split("## How an article's date is chosen", 1)[1].split("\n## ")[0]
    rows = re.findall(r"^\| (\d+) \| `(\w+)` \|", section, re.MULTILINE)
    assert {kind: int(rank) for rank, kind in rows} == RANKS


def test_kind_outranks_document_order_and_closeness_breaks_ties():
    found = chosen(("page", "2025-08-07T15:14:00+02:00", "heuristic", 0),
                   ("labelled", "6 août 2025", "heuristic", 30), ("labelled", "5 août 2025", "heuristic", 3))
    assert (found.evidence.raw, found.value, found.conflict.kind) == ("5 août 2025", "2025-08-05", "page")


def test_a_time_of_day_alone_is_no_evidence_and_its_raw_text_is_kept():
    found = chosen(("labelled", "15h14", "heuristic"))
    assert (found.evidence.raw, found.value) == ("15h14", None)
    assert chosen(("labelled", "15h14", "heuristic"), ("url", "2019-06-27", "heuristic")).value == "2019-06-27"


def test_clock_dependent_readings_come_after_absolute_ones():
    found = chosen(("labelled", "il y a 3 heures", "heuristic"), ("url", "2019-06-27", "heuristic"))
    assert found.value == "2019-06-27"
    assert chosen(("labelled", "il y a 3 heures", "heuristic")).value == "2025-08-08T09:00:00+02:00"


def test_a_conflict_keeps_the_better_rank_and_records_both_raw_values():
    found = chosen(("jsonld", "2019-06-27T10:21:40+02:00", "jsonld"), ("url", "2019-07-15", "heuristic"))
    assert found.value == "2019-06-27T10:21:40+02:00"
    assert found.warning("published") == (
        'date_conflict:published: jsonld "2019-06-27T10:21:40+02:00" ≠ url "2019-07-15" (kept jsonld)')


def test_a_day_apart_is_no_conflict():
    found = chosen(("jsonld", "2019-06-27T23:21:40Z", "jsonld"), ("url", "2019-06-27", "heuristic"))
    assert found.conflict is None and found.warning("published") is None


def test_readings_that_hang_on_the_fetch_time_raise_no_conflict_with_an_absolute_date():
    """``il y a 3 heures`` or a day without a year say when the page was fetched as much as what was published."""
    for relative in ("il y a 3 heures", "aujourd'hui à 17h09", "Publié le 3 mars"):
        assert chosen(("labelled", relative, "heuristic")).value.startswith("2025-0"), relative  # it reads
        found = chosen(("jsonld", "2019-06-27T10:21:40+02:00", "jsonld"), ("labelled", relative, "heuristic", 1))
        assert found.value == "2019-06-27T10:21:40+02:00" and found.conflict is None, relative
    found = chosen(("jsonld", "2019-06-27T10:21:40+02:00", "jsonld"), ("labelled", "il y a 3 heures", "heuristic", 1),
                   ("url", "2019-07-15", "heuristic"))
    assert found.conflict.kind == "url"  # an absolute date further down still conflicts
    both_relative = chosen(("labelled", "il y a 3 heures", "heuristic"), ("page", "Publié le 3 mars", "heuristic"))
    assert both_relative.conflict.raw == "Publié le 3 mars"  # no absolute date: the disagreement is reported


def test_the_shown_date_and_another_group_outvote_the_winner():
    found = chosen(("jsonld", "2023-11-03T10:25:56+00:00", "jsonld"),
                   ("labelled", "Publié le 6 novembre 2023", "heuristic", 2), ("url", "2023-11-06", "heuristic"))
    assert found.value == "2023-11-06"
    assert found.warning("published").endswith("(kept labelled)")


def test_two_pieces_of_metadata_do_not_outvote_without_the_shown_date():
    found = chosen(("jsonld", "2023-11-03", "jsonld"), ("opengraph", "2023-11-06", "opengraph"),
                   ("url", "2023-11-06", "heuristic"))
    assert found.value == "2023-11-03" and found.conflict.kind == "opengraph"


def test_more_precise_evidence_of_the_same_day_gives_the_value():
    found = chosen(("jsonld", "2025-08-06", "jsonld"), ("header", "2025-08-06T14:32:00+02:00", "heuristic", 1))
    assert found.value == "2025-08-06T14:32:00+02:00"
    found = chosen(("jsonld", "2025-08-06T14:32:00", "jsonld"), ("header", "2025-08-06T12:32:00Z", "heuristic"))
    assert (found.evidence.kind, found.value) == ("jsonld", "2025-08-06T14:32:00+02:00")


def test_a_moment_written_with_its_offset_is_of_the_day_it_writes():
    """``<time datetime="2025-08-04T18:30:00-04:00">Le 4 août 2025 à 18h30</time>``: the day the attribute writes is
    the 4th, though the 5th in Paris time; it is the same day as the text's, and it says more (the offset)."""
    evening = ("header", "2025-08-04T18:30:00-04:00", "heuristic", 4)
    for shown, expected in (("4 août 2025 à 18h30", "2025-08-04T18:30:00-04:00"),
                            ("4 août 2025", "2025-08-04T18:30:00-04:00")):
        found = chosen(("header", shown, "heuristic", 4), evening, ("url", "2025-08-04", "heuristic"))
        assert (found.value, found.conflict) == (expected, None), shown
    far = chosen(("header", "4 août 2025", "heuristic", 4), ("header", "2025-08-04T23:30:00-10:00", "heuristic", 4))
    assert far.value == "2025-08-04T23:30:00-10:00"  # Tahiti: the 5th at 11:30 in Paris
    utc = chosen(("header", "5 août 2025", "heuristic", 4), ("header", "2025-08-04T23:30:00Z", "heuristic", 4))
    assert utc.value == "2025-08-05T01:30:00+02:00"  # a moment in UTC is of the site's day (Paris)


def test_a_day_alone_takes_the_time_written_beside_a_day_read_against_the_fetch_time():
    """``Publié aujourd'hui à 17h09`` says at what time the page was published, whatever day it was fetched on."""
    for shown in ("Publié aujourd'hui à 17h09", "hier à 17h09", "avant-hier à 17h09", "3 novembre à 17h09"):
        found = chosen(("labelled", shown, "heuristic", 2), ("url", "2022-11-03", "heuristic"))
        assert (found.value, found.evidence.raw) == ("2022-11-03T17:09:00+01:00", shown), shown
        assert found.conflict is None
    fetched_the_day_after = choose_date([Evidence("labelled", "aujourd'hui à 8h30", "heuristic", 1),
                                         Evidence("title", "03.11.2022", "heuristic")],
                                        now=datetime(2022, 11, 4, 9, tzinfo=UTC))  # a page cached for a day
    assert fetched_the_day_after.value == "2022-11-03T08:30:00+01:00"


def test_no_time_is_lent_that_the_page_does_not_write_on_that_day():
    url_day = ("url", "2022-11-03", "heuristic")
    for shown in ("il y a 3 heures",  # a time of day counted from the fetch time
                  "6 août à 14h32",  # another day of the year
                  "aujourd'hui à 10h05 UTC"):  # a time written in another zone than the site's
        assert chosen(("labelled", shown, "heuristic", 2), url_day).value == "2022-11-03", shown
    fetched_that_day = choose_date([Evidence("labelled", "hier à 8h30", "heuristic", 1), Evidence(*url_day)],
                                   now=datetime(2022, 11, 3, 18, tzinfo=UTC))
    assert fetched_that_day.value == "2022-11-03"  # "yesterday" of the fetch is before the day: it is not that day
    elsewhere = chosen(("page", "aujourd'hui à 17h09", "heuristic", 40), url_day)  # no date the publisher shows there
    assert elsewhere.value == "2022-11-03"
    timed = chosen(("jsonld", "2022-11-03T10:25:00+01:00", "jsonld"), ("labelled", "aujourd'hui à 17h09", "heuristic"))
    assert timed.value == "2022-11-03T10:25:00+01:00"  # a winner with a time keeps it


def test_the_shown_wall_clock_gives_the_publishers_offset():
    found = chosen(("jsonld", "2020-02-25T02:25:54Z", "jsonld"),
                   ("visible", "February 24, 2020 | 9:25pm", "heuristic", 2))
    assert found.value == "2020-02-24T21:25:54-05:00"
    paris = chosen(("jsonld", "2025-08-06T12:32:00Z", "jsonld"), ("visible", "6 août 2025 à 14h32", "heuristic"))
    assert paris.value == "2025-08-06T14:32:00+02:00"
    # on the day written too (Le360's "Le 18/06/2024 à 14h27" beside 13:27Z: Casablanca's +01:00, not Paris's +02:00)
    same_day = chosen(("jsonld", "2024-06-18T13:27:00Z", "jsonld"), ("visible", "18/06/2024 à 14h27", "heuristic"))
    assert same_day.value == "2024-06-18T14:27:00+01:00"
    # a shown time a part of an hour away is another moment's, an update's: the site's zone stands
    update = chosen(("jsonld", "2024-12-10T10:00:00Z", "jsonld"), ("visible", "10/12/2024 à 14h30", "heuristic"))
    assert update.value == "2024-12-10T11:00:00+01:00"


def test_the_modified_moment_takes_the_offset_the_shown_time_gave_the_published_one():
    """Le360 shows ``Le 18/06/2024 à 14h27`` beside its metadata's ``13:27Z`` and ``15:02:41Z``: the published date took
    Casablanca's +01:00, the modified one stayed in Paris's +02:00, two offsets in one record."""
    head = jsonld({"@type": "NewsArticle", "headline": "Le titre", "datePublished": "2024-06-18T13:27:00.000Z",
                   "dateModified": "2024-06-18T15:02:41.318Z"})
    record = page("<h1>Le titre</h1><p class='date'>Le 18/06/2024 à 14h27</p>", head=head)
    assert (record["published"], record["modified"]) == ("2024-06-18T14:27:00+01:00", "2024-06-18T16:02:41+01:00")
    days_later = head.replace("2024-06-18T15:02", "2024-06-25T15:02")  # another day: the site's zone, as before
    assert page("<h1>Le titre</h1><p class='date'>Le 18/06/2024 à 14h27</p>", head=days_later)["modified"] == \
        "2024-06-25T17:02:41+02:00"


def test_the_last_resort_is_asked_only_when_nothing_reads():
    asked = []

    def last_resort():
        asked.append(True)
        return Evidence("htmldate", "2016-08-15", "heuristic")

    assert chosen(("url", "2019-06-27", "heuristic"), last_resort=last_resort).value == "2019-06-27"
    assert asked == []
    assert chosen(("visible", "13:43", "heuristic"), last_resort=last_resort).value == "2016-08-15"
    impossible = chosen(("jsonld", "2025-02-30T25:61:00", "jsonld"), last_resort=last_resort)
    assert (impossible.evidence.raw, impossible.value, len(asked)) == ("2025-02-30T25:61:00", None, 1)


def test_a_reference_time_already_resolved_chooses_as_its_fetch_time():
    """choose_date_at takes the reference time a page resolved once from its fetch time: it chooses what choose_date
    chooses with that fetch time, and its readings serve the page's other date."""
    evidence = [Evidence("visible", "il y a 3 heures", "heuristic"), Evidence("labelled", "6 août à 14h32", "heuristic")]
    readings = {}
    found = choose_date_at(evidence, reference_time(NOW), readings=readings)
    assert found == choose_date(evidence, now=NOW)
    assert (found.value, found.conflict.raw) == ("2025-08-06T14:32:00+02:00", "il y a 3 heures")
    assert readings["il y a 3 heures"].value.isoformat() == "2025-08-08T09:00:00+02:00"


@pytest.mark.parametrize(("url", "day"), [
    ("https://a.example/2019/06/27/titre/", "2019-06-27"),
    ("https://a.example/societe/titre-20190627-abc.html", "2019-06-27"),
    ("https://a.example/2019-06-27/titre", "2019-06-27"),
    ("https://a.example/2019/06/titre/", None),
    ("https://a.example/article/12345678", None),
    ("https://a.example/2019/06/27/a-20190628.html", None),
    ("https://a.example/titre?date=2019/06/27", None),
    (None, None),
])
def test_url_date(url, day):
    assert url_date(url) == day


def test_title_date():
    assert title_date("Conseil municipal du 22 mai | 23.05.2011") is None  # two dates: neither
    assert title_date("Conseil municipal | 23.05.2011") == "23.05.2011"
    assert title_date("Conseil municipal | 23.05.11") == "23.05.11"
    assert title_date("Le marché de Noël ouvre le 30 novembre 2024") == "30 novembre 2024"


@pytest.mark.parametrize("title", [
    "Concours de pétanque du 14 juillet", "Fête du 1er mai à Lyon", "Soldes : J-3 (12/03)",
])
def test_a_title_s_day_without_its_year_is_its_subject(title):
    """Read against the fetch, the subject's day would be a date the page never gave."""
    assert title_date(title) is None


def test_a_crumb_that_repeats_the_headline_is_no_date_line():
    """A trail without classes before the headline: its last crumb, the headline's text, names a day of the year."""
    headline = "<h1>Concours de pétanque du 14 juillet</h1>"
    trail = "<ul><li><a href='/'>Accueil</a></li><li>Concours de pétanque du 14 juillet</li></ul>"
    title = "<title>Concours de pétanque du 14 juillet</title>"
    record = extracted(article_page(headline=trail + headline, head=title),
                       "https://club.example/blog/concours-de-petanque.html", fetched_at=NOW)
    assert (record["published"], record["published_raw"]) == (None, None)
    dated = extracted(article_page(headline=trail + headline, header="<p>Le 02/07/2025</p>"),
                      "https://club.example/blog/concours-de-petanque.html", fetched_at=NOW)
    assert dated["published"] == "2025-07-02"


def page(header: str, before: str = "", head: str = "", url: str = "https://journal.example/societe/titre") -> dict:
    """The record of the article page whose header (headline included) is ``header``, fetched at NOW."""
    return extracted(article_page(head, header, headline="", before=before), url, fetched_at=NOW)


def test_news_ticker_times_and_teasers_are_no_evidence():
    ticker = ("<nav class='fil-info'><ul><li><time>15h14</time> Un fait divers</li>"
              "<li><time datetime='2025-08-08T09:02'>09h02</time> Autre</li></ul></nav>")
    record = page("<h1>Le titre</h1><p class='date'>Publié le 7 mai 2020 à 14h32</p>", before=ticker)
    assert (record["published"], record["published_raw"]) == ("2020-05-07T14:32:00+02:00", "7 mai 2020 à 14h32")


def test_hatom_published_abbr():
    header = ("<h1 class='entry-title'>Le titre</h1><p class='info-publi'><abbr class='published' "
              "title='2019-06-27T10:21:40Z'>jeudi 27 juin 2019</abbr></p>")
    record = page(header)
    assert (record["published"], record["sources"]["published"]) == ("2019-06-27T12:21:40+02:00", "heuristic")


def test_hatom_published_and_updated_give_both_dates_and_furniture_gives_none():
    header = ("<h1 class='entry-title'>Le titre</h1><p class='meta'><abbr class='published' "
              "title='2019-06-27T10:21:40Z'>27 juin</abbr> <abbr class='updated' title='2019-06-28T08:00:00Z'>28 juin"
              "</abbr></p>")
    teaser = "<aside class='sidebar'><abbr class='published' title='2024-01-02T10:00:00Z'>2 janvier</abbr></aside>"
    record = page(header, before=teaser)
    assert (record["published"], record["modified"]) == ("2019-06-27T12:21:40+02:00", "2019-06-28T10:00:00+02:00")
    assert not [warning for warning in record["warnings"] if warning.startswith("date_conflict")]


def test_a_bem_modifier_naming_a_date_published_or_updated_is_its_microformat_word():
    """watson's byline writes its two dates without a label, told apart by their classes' BEM modifiers
    (``watson-byline__date--published``, ``…--updated``): the modification was not read."""
    header = ("<h1>Le titre</h1><div class='byline'><span class='byline__date byline__date--published'>22.05.2024, "
              "09:41</span> <span class='byline__date byline__date--updated'>22.05.2024, 11:18</span></div>")
    record = page(header)
    assert (record["published"], record["modified"]) == ("2024-05-22T09:41:00+02:00", "2024-05-22T11:18:00+02:00")


def test_the_entry_date_marked_updated_is_the_published_date_not_a_modification():
    """Themes mark their one date ``entry-date updated`` (hAtom requires ``updated``): it dates the publication, and
    its time refines the day shown beside the headline; an element marked ``updated`` alone still dates a change."""
    header = ("<h1 class='entry-title'>Le titre</h1><div class='meta-info'><span class='post-date'>"
              "<time class='entry-date updated' datetime='2024-03-12T07:45:12+01:00'>12 mars 2024</time></span></div>")
    record = page(header)
    assert (record["published"], record["modified"]) == ("2024-03-12T07:45:12+01:00", None)
    changed = header.replace("</div>", "<time class='updated' datetime='2024-03-13T09:00:00+01:00'>13 mars</time></div>")
    record = page(changed)
    assert (record["published"], record["modified"]) == ("2024-03-12T07:45:12+01:00", "2024-03-13T09:00:00+01:00")


def test_the_entry_date_written_with_an_underscore_marked_updated_is_the_published_date():
    """Bridge's one date, without its year, ``<span class="date entry_date updated">22 janv</span>``: it dated a
    modification, the page none."""
    record = page("<h1 class='entry_title'>Le titre</h1><span class='date entry_date updated'>22 janv</span>")
    assert (record["published"][5:10], record["modified"]) == ("01-22", None)



def test_the_post_date_marked_updated_is_the_published_date():
    """Zox News marks its one date ``<time class="post-date updated">``: read as a modification only, the page had no
    published date but a teaser's below the text."""
    header = ("<h1 class='mvp-post-title'>Le titre</h1><span class='mvp-post-date updated'><time class='post-date "
              "updated' datetime='2024-03-22'>22 mars 2024</time></span>")
    more = "<div class='mvp-post-add'><h2>Un autre titre</h2><span class='mvp-post-date'>24 mars 2024</span></div>"
    record = extracted(article_page("", header, headline="", after=more), "https://journal.example/societe/titre",
                       fetched_at=NOW)
    assert (record["published"], record["modified"]) == ("2024-03-22", None)


def test_the_date_an_element_marked_updated_writes_is_no_published_date_beside_another_shown_date():
    """Avada's line of details: its hidden ``span.updated`` (the last change, ISO) before the day it shows; the line's
    first date was the published date, and the element alone a false conflict."""
    header = ("<h1 class='entry-title'>Le titre</h1><div class='fusion-meta-info'>Par <a rel='author' href='/author/lea'>"
              "Léa Roy</a><span class='sep'>|</span><span class='updated rich-snippet-hidden'>2024-03-14T18:41:07+01:00"
              "</span><span>12 mars 2024</span><span class='sep'>|</span></div>")
    record = page(header)
    assert (record["published"], record["modified"]) == ("2024-03-12", "2024-03-14T18:41:07+01:00")
    assert record["warnings"] == []


@pytest.mark.parametrize("line", [
    "<span class='entry-meta-date updated'><a href='/2024/03/'>12 mars 2024</a></span>",  # MH Magazine's
    "<p>Posted by <a href='/author/lea/'>Léa Roy</a> | <span class='updated'>Mar 12, 2024</span></p>",  # Extra's
    "<time datetime='12/03/2024' class='updated'>12/03/2024</time>",
])
def test_a_theme_s_one_date_marked_updated_is_no_modification(line):
    """The one date a page shows, marked ``updated`` alone (hAtom requires the word), no element marked
    ``published``: it was also the modified date, on the published date's day."""
    record = page(f"<h1 class='entry-title'>Le titre</h1><div class='meta'>{line}</div>")
    assert (record["published"][:10], record["modified"]) == ("2024-03-12", None)
    audio = "<div><p>Écouter l'article</p><audio src='/a.mp3'></audio><span>03:25</span></div>"  # a time alone beside
    record = page(f"<h1 class='entry-title'>Le titre</h1>{audio}<div class='meta'>{line}</div>")
    assert (record["published"][:10], record["modified"]) == ("2024-03-12", None)
    updated = "<p><a href='/actualites/'>Actualités</a> | Mis à jour le 14 mars 2024</p>"  # a modified date alone beside
    record = page(f"<h1 class='entry-title'>Le titre</h1><div class='meta'>{line}</div>{updated}")
    assert (record["published"][:10], record["modified"]) == ("2024-03-12", "2024-03-14")
    both = line + "<time class='entry-date published' datetime='2024-03-11'>11 mars</time>"  # then it is one
    assert page(f"<h1 class='entry-title'>Le titre</h1><div class='meta'>{both}</div>")["modified"][:10] == "2024-03-12"


@pytest.mark.parametrize("line", [
    "<span>Par Léa Roy</span> <time class='updated' datetime='2024-03-12T10:05:00+01:00'>12 mars 2024 à 10h05</time>",
    "<div class='postmeta updated'><div class='postdate'>12 mars 2024</div></div>",
    "<span class='date'>12 mars 2024,</span> <time class='datetime updated' title='2024-03-12T09:05:00Z'>10h05</time>",
])
def test_a_theme_s_one_date_marked_updated_stays_the_published_date(line):
    """The one date a theme shows, marked ``updated``, or its time after the day: no other date is shown."""
    assert page(f"<h1 class='entry-title'>Le titre</h1><div class='meta'>{line}</div>")["published"][:10] == "2024-03-12"


def test_a_date_marked_published_and_updated_after_a_modification_s_label_is_the_modified_date():
    """Kadence shows the update as ``<span class="updated-on"><span>Mis à jour le</span><time class="entry-date
    published updated">``: it was published evidence too, a false conflict with the published date."""
    header = ("<h1 class='entry-title'>Le titre</h1><div class='entry-meta'><span class='posted-on'><time "
              "class='entry-date published' datetime='2024-05-14T08:30:00+02:00'>14 mai 2024</time></span><span "
              "class='updated-on'><span class='meta-label'>Mis à jour le</span><time class='entry-date published "
              "updated' datetime='2024-05-16T11:05:00+02:00'>16 mai 2024</time></span></div>")
    record = page(header)
    assert (record["published"], record["modified"]) == ("2024-05-14T08:30:00+02:00", "2024-05-16T11:05:00+02:00")
    assert record["warnings"] == []


def test_a_date_marked_published_and_updated_beside_one_marked_updated_alone_is_the_published_date_only():
    """Sinatra's byline marks the publication ``entry-date published updated``, its footer the last change
    ``entry-date updated``: the nearer, the byline's, was also the modified date."""
    header = ("<h1 class='entry-title'>Le titre</h1><div class='entry-meta'><time class='entry-date published updated' "
              "datetime='2024-04-15T21:40:00+02:00'>15 avril 2024</time></div>")
    footer = ("<div class='entry-footer'><p>Un paragraphe de pied d'article.</p><time class='entry-date updated' "
              "datetime='2024-04-16T09:05:00+02:00'>Dernière mise à jour le 16 avril 2024</time></div>")
    record = page(header + footer)
    assert (record["published"], record["modified"]) == ("2024-04-15T21:40:00+02:00", "2024-04-16T09:05:00+02:00")
    assert page(header)["modified"] == "2024-04-15T21:40:00+02:00"  # marked both alone: the same moment


def test_a_date_marked_modified_as_a_microformat_gives_its_time():
    """Pelican's default theme: ``<abbr class="modified" title="…T08:30:00+01:00">Updated: sam. 16 mars 2024</abbr>``:
    the label's day alone was read, without the time its title gives."""
    header = ("<h1 class='entry-title'>Le titre</h1><footer class='post-info'><abbr class='published' "
              "title='2024-03-14T10:05:00+01:00'>Published: jeu. 14 mars 2024</abbr><br><abbr class='modified' "
              "title='2024-03-16T08:30:00+01:00'>Updated: sam. 16 mars 2024</abbr></footer>")
    record = page(header)
    assert (record["published"], record["modified"]) == ("2024-03-14T10:05:00+01:00", "2024-03-16T08:30:00+01:00")


def test_the_one_date_marked_updated_that_a_modification_s_label_opens_is_no_published_date():
    """Publisher shows one date, the last change, as ``<time class="post-published updated">Dernière mise à jour
    <b>29 mai 2024</b></time>``: ``post-published`` made it the publication's, and the one date shown was read as the
    published date."""
    header = ("<h1 class='entry-title'>Le titre</h1><div class='post-meta'><span class='time'><time class='post-published"
              " updated' datetime='2024-05-29T16:03:27+02:00'>Dernière mise à jour <b>29 mai 2024</b></time></span></div>")
    record = page(header)
    assert (record["published"], record["modified"]) == (None, "2024-05-29T16:03:27+02:00")


@pytest.mark.parametrize("attribute, published", [
    ("2024-04-18T12:00:00Z", "2024-04-18"),  # Drupal's date-only field: noon UTC for no time
    ("2024-04-18T12:00:00+00:00", "2024-04-18"),
    ("2024-04-18T09:41:27Z", "2024-04-18T11:41:27+02:00"),  # a time of its own refines the day shown
    ("2024-04-18T00:00:00.000Z", "2024-04-18"),  # Astro's blog: a day's date written by toISOString()
    ("2024-04-18T00:00:00Z", "2024-04-18"),
])
def test_noon_utc_in_a_date_s_datetime_beside_a_day_alone_is_no_time(attribute, published):
    """Drupal prints a date-only field as ``<time datetime="2024-04-18T12:00:00Z">18/04/2024</time>``: its noon is a
    placeholder, and the published time was 14:00 in Paris; a static site's day written as an instant is midnight
    UTC, 02:00 in Paris."""
    record = page(f"<h1>Le titre</h1><p class='date'>Publié le <time datetime='{attribute}'>18/04/2024</time></p>")
    assert record["published"] == published


def test_a_section_classed_as_the_last_modification_is_a_date_s_block():
    """Hugo's Stack theme closes its post with ``<section class="article-lastmod"><span>Dernière mise à jour le avr. 22,
    2024 09:15 CEST</span></section>``, far from the headline: neither the word ``lastmod`` nor a <section> made a
    date's block, and the modified date was lost on its pages without metadata."""
    section = ("<section class='article-lastmod'><svg class='icon'><path d='M0 0h24v24H0z'/></svg><span>Dernière mise "
               "à jour le avr. 22, 2024 09:15 CEST</span></section>")
    html = article_page(headline="", header="<h1>Le titre</h1>", after=section)
    context = ArticlePage(parse_html(html), "https://journal.example/societe/titre").date_context
    hinted = [hinted.element.get("class") for hinted in context.geometry.index.matching(DATE_HINTS)]
    assert "article-lastmod" in hinted and MODIFIED_HINTS.search("article-lastmod")
    assert any(text.startswith("Dernière mise à jour") and labelled for _, text, labelled in context.shown)


def test_the_date_marked_updated_whose_microdata_names_the_published_date_is_the_published_one():
    """Enfold marks its one date ``updated`` and ``itemprop="datePublished"``: it was also read as a modification,
    a false conflict with the date the structured data gives as modified."""
    header = ("<div itemscope itemtype='https://schema.org/BlogPosting'><h1 class='entry-title'>Le titre</h1><span "
              "class='post-meta-infos'><time class='date-container updated' itemprop='datePublished' "
              "datetime='2024-04-06T18:12:44+02:00'>6 avril 2024</time></span>"
              "<span itemprop='dateModified' content='2024-04-08T09:30:17+02:00'></span></div>")
    record = page(header)
    assert (record["published"], record["modified"]) == ("2024-04-06T18:12:44+02:00", "2024-04-08T09:30:17+02:00")
    assert record["warnings"] == []


def test_an_element_carrying_a_date_s_microdata_is_metadata_not_a_visible_date():
    """Enfold's hidden structured data: ``<span itemprop="dateModified">2024-04-08 09:30:17</span>`` was also read as a
    visible date without a label, in conflict with the published date."""
    hidden = ("<span class='hidden'><span class='av-structured-data' itemprop='datePublished' "
              "datetime='2024-04-06T18:12:44+02:00'>2024-04-06 18:12:44</span><span class='av-structured-data' "
              "itemprop='dateModified'>2024-04-08 09:30:17</span></span>")
    record = page("<div itemscope itemtype='https://schema.org/BlogPosting'><h1 class='entry-title'>Le titre</h1>"
                  f"<p class='meta'>6 avril 2024</p>{hidden}</div>")
    assert (record["published"], record["modified"]) == ("2024-04-06T18:12:44+02:00", "2024-04-08T09:30:17+02:00")
    assert record["warnings"] == []


def test_a_date_s_microdata_on_the_text_its_element_shows_with_its_label_is_the_date_in_it():
    """OceanWP's line of details carries the dates' microdata on the items that show them, their screen readers'
    labels glued to them (``Publication publiée :12 mars 2024``): read whole, neither was a date (no date at all,
    ``date_unparsed`` warnings)."""
    label = "<span class='screen-reader-text'>{}</span><i class='icon-clock' aria-hidden='true'></i>{}"
    published = label.format("Publication publiée :", "12 mars 2024")
    modified = label.format("Dernière modification de la publication :", "13 mars 2024")
    meta = (f"<ul class='meta ospm-default clr'><li class='meta-date' itemprop='datePublished'>{published}</li>"
            f"<li class='meta-mod-date' itemprop='dateModified'>{modified}</li></ul>")
    item = "<div itemscope itemtype='https://schema.org/BlogPosting'><h1 class='entry-title'>Le titre</h1>{}</div>"
    record = page(item.format(meta))
    assert (record["published"], record["modified"]) == ("2024-03-12", "2024-03-13")
    assert (record["published_raw"], record["sources"]["published"]) == ("12 mars 2024", "meta")
    assert record["warnings"] == []
    both = "<p itemprop='datePublished'>Publié le 12/03/2024 à 10h20, mis à jour le 13/03/2024 à 08h00</p>"
    assert page(item.format(both))["published"] == "2024-03-12T10:20:00+01:00"


def test_rdfa_dates_of_any_element_are_metadata():
    """Drupal 7 writes the node's dates in RDFa on a <span>, its visible date in the site's format (here month first)."""
    header = ("<h1 class='title'>Le titre</h1><div class='meta submitted'><span property='dc:date dc:created' "
              "content='2024-03-05T10:30:00+01:00' datatype='xsd:dateTime'>Soumis par Léa le mar, 03/05/2024 - 10:30"
              "</span></div>")
    record = page(header)
    assert (record["published"], record["sources"]["published"]) == ("2024-03-05T10:30:00+01:00", "meta")
    assert not [warning for warning in record["warnings"] if warning.startswith("date_conflict")]
    changed = header + "<span property='dcterms:modified' content='2024-03-06T08:00:00+01:00'></span>"
    assert page(changed)["modified"] == "2024-03-06T08:00:00+01:00"


def test_the_rdfa_date_of_a_comment_is_no_metadata_of_the_page():
    """Drupal 7 writes each comment's date in RDFa too, in its ``div.comment[typeof="sioc:Post sioct:Comment"]``: on a
    page whose node has none (its date shown in a ``<time>``), the first comment's was the published date."""
    header = "<h1 class='title'>Le titre</h1><time datetime='2024-03-05T06:00:00+01:00'>5 mars 2024</time>"
    comment = ("<div class='comment' typeof='sioc:Post sioct:Comment'><span property='dc:date dc:created' "
               "content='2024-03-05T08:14:00+01:00' datatype='xsd:dateTime'>le 05/03/2024 à 08:14</span><p>Bravo.</p>"
               "</div>")
    record = extracted(article_page("", header, headline="", after=comment), "https://journal.example/societe/titre",
                       fetched_at=NOW)
    assert record["published"] == "2024-03-05T06:00:00+01:00"


def test_the_microdata_date_of_a_comment_is_no_metadata_of_the_page():
    """La Tribune marks each comment a schema.org Comment, its date in a ``<meta itemprop="datePublished">``: read as the
    page's metadata, it was a date in conflict with the published one."""
    header = ("<h1 class='title'>Le titre</h1><p>Publié le <time datetime='2024-03-05T06:00:00+01:00'>5 mars 2024</time>"
              "</p>")
    comment = ("<div itemprop='comment' itemscope itemtype='http://schema.org/Comment'><meta itemprop='datePublished' "
               "content='2024-03-11T17:43:20+01:00'><p>Bravo.</p></div>")
    record = extracted(article_page("", header, headline="", after=comment), "https://journal.example/societe/titre",
                       fetched_at=NOW)
    assert (record["published"], record["warnings"]) == ("2024-03-05T06:00:00+01:00", [])


def test_opengraph_s_article_dates_written_with_its_prefix_are_metadata():
    """Mediapart writes ``og:article:published_time`` and ``og:article:modified_time``: unread, its page had the day
    it shows only, and no modified date."""
    head = ("<meta property='og:article:published_time' content='2024-03-14T09:41:12+01:00'>"
            "<meta property='og:article:modified_time' content='2024-03-14T16:05:40+01:00'>")
    record = page("<h1>Le titre</h1><p>14 mars 2024</p>", head=head)
    assert (record["published"], record["modified"]) == ("2024-03-14T09:41:12+01:00", "2024-03-14T16:05:40+01:00")


@pytest.mark.parametrize("name", ["dc.date.created", "DC.date.created", "dcterms.created"])
def test_dublin_core_s_creation_date_is_metadata(name):
    record = extracted(article_page(f"<meta name='{name}' content='2024-03-05T10:30:00+01:00'>"))
    assert (record["published"], record["sources"]["published"]) == ("2024-03-05T10:30:00+01:00", "meta")


def test_a_labelled_date_the_publisher_shows_outranks_a_creation_date_of_the_metadata():
    """Plone: ``DC.date.created`` is the draft's first save, ``publié 12/03/2024 10:05`` the publication; a creation
    date still outranks a date shown without a label, and is kept without a shown one (above)."""
    head = "<meta name='DC.date.created' content='2024-03-11T16:40:12+01:00'>"
    shown = ("<h1>Le titre</h1><div class='documentByLine'><span class='documentPublished'><span>publié</span> "
             "<span>12/03/2024 10:05</span>,</span></div>")
    record = page(shown, head=head)
    assert (record["published"], record["published_raw"]) == ("2024-03-12T10:05:00+01:00", "12/03/2024 10:05")
    assert page("<h1>Le titre</h1><p class='meta'>12/03/2024</p>", head=head)["published"] == "2024-03-11T16:40:12+01:00"


def test_drupal_s_default_date_format_is_read_month_first_when_its_weekday_says_so():
    """Without RDFa (Drupal 8 and later), the visible ``Soumis par … le mar, 03/05/2024 - 10:30`` is the date: Drupal's
    default format writes the month first, and Tuesday is 5 March 2024 (3 May is a Friday)."""
    record = page("<h1>Le titre</h1><footer class='node__meta'>Soumis par Léa le mar, 03/05/2024 - 10:30</footer>")
    assert (record["published"], record["published_raw"]) == ("2024-03-05T10:30:00+01:00", "mar, 03/05/2024 - 10:30")


def test_an_hatom_updated_element_s_text_without_a_label_is_the_modified_date():
    header = ("<h1 class='entry-title'>Le titre</h1><div class='entry-meta'><span class='posted-on'><span "
              "class='published'>14 mars 2024</span><span class='updated'>15 mars 2024</span></span></div>")
    record = page(header)
    assert (record["published"], record["modified"], record["modified_raw"]) == ("2024-03-14", "2024-03-15",
                                                                                 "15 mars 2024")


def test_microformat_class_words_are_date_class_words():
    """The hAtom/hCalendar elements are looked for among the elements with a date class word: each microformat word
    must be one."""
    from newsarchive.extraction.vocabulary.classes import DATE_HINTS, MICROFORMAT_HINTS

    words = re.search(r"\(\?P<word>([^)]*)\)", MICROFORMAT_HINTS.pattern).group(1).split("|")
    assert len(words) >= 3
    assert all(DATE_HINTS.search(word) for word in words), words


def test_visible_text_of_a_time_element_outranks_its_attribute():
    header = "<h1>Le titre</h1><time datetime='2021-03-02T08:00:00+01:00'>Publié le 29 juin 2019</time>"
    record = page(header)
    assert record["published"] == "2019-06-29"
    assert record["warnings"] == [
        'date_conflict:published: header "29 juin 2019" ≠ header "2021-03-02T08:00:00+01:00" (kept header)']


def test_a_kicker_with_a_number_near_the_headline_is_no_date_a_bare_time_is_kept_raw():
    record = page("<p class='surtitre'>Ligue 1</p><h1>Le titre</h1>")
    assert (record["published"], record["published_raw"], record["warnings"]) == (None, None, [])
    record = page("<p class='surtitre'>Ligue 1</p><h1>Le titre</h1><p>15h14</p>")
    assert (record["published"], record["published_raw"]) == (None, "15h14")
    assert record["warnings"] == ["date_unparsed:published"]


def test_a_date_line_in_a_list_next_to_the_headline():
    header = "<h1>Le titre</h1><ul class='info'><li>Par Léa Martin</li><li>le 07 Mai 2020</li></ul>"
    assert page(header)["published"] == "2020-05-07"


def test_an_article_s_info_line_away_from_the_headline_dates_it():
    infos = ("<p class='{cls}'>Par <span class='signature'>Reuters</span> le "
             "<a href='/index/2017/10/02/'>02.10.2017 à 08h31</a></p>")
    header = ("<div class='haut'><div class='titre'><h1>Le titre</h1></div></div>"
              "<div class='corps'><div class='debut'>{}</div></div>")
    record = page(header.format(infos.format(cls="article-infos")))
    assert (record["published"], record["published_raw"]) == ("2017-10-02T08:31:00+02:00", "02.10.2017 à 08h31")
    record = page(header.format(infos.format(cls="infos-pratiques")))  # not the article's details: no time from it
    assert (record["published"], record["published_raw"]) == ("2017-10-02", "2017-10-02")  # htmldate's last resort


_DETAILS_ASIDE = ("<aside class='{cls}'><p>Par Léa Martin</p><p>Mis à jour le <span>07/05/2020</span> à 17h03 – "
                  "Publié le <span itemprop='datePublished'>07/05/2020</span> à 14h32</p></aside>")


def test_the_article_s_own_aside_of_details_gives_the_time_of_a_day_only_date():
    record = page("<h1>Le titre</h1>" + _DETAILS_ASIDE.format(cls="article-meta"))
    assert (record["published"], record["published_raw"]) == ("2020-05-07T14:32:00+02:00", "07/05/2020 à 14h32")
    assert record["modified"] == "2020-05-07T17:03:00+02:00"


def test_a_time_in_the_article_s_own_aside_dates_it():
    """An aside of the article's author and date beside its text (``<aside><section class="meta"><time>``): the
    ``<time>`` was left out as the furniture's."""
    html = ("<html lang='fr'><body><main><article><header><hgroup><h3>Lyon</h3><h1>Le titre</h1><h2>Un chapeau qui "
            "résume l'article en une phrase assez longue.</h2></hgroup></header><div class='grille'><div class='col-2'>"
            "<aside><section class='auteur'><img src='/avatar.jpg' alt=''><strong>Léa Roy</strong></section>"
            "<section class='meta'><time datetime='2020-04-24T08:30:00+02:00'>24. April 2020 <br> 08:30 Uhr</time>"
            f"</section></aside></div><div class='col-10'>{BODY}</div></div></article></main></body></html>")
    record = extracted(html, "https://journal.example/societe/titre", fetched_at=NOW)
    assert record["published"] == "2020-04-24T08:30:00+02:00"


def test_a_time_in_a_teaser_s_link_or_item_in_an_aside_of_the_article_dates_nothing():
    """A box of other stories in an aside of the article (20 Minutes' ``Le direct`` tab): its cards' times."""
    box = ("<aside class='encart'><ul><li><a class='card' href='/sport/autre'><p><time datetime='2020-05-09T11:34:36'>"
           "11:34</time> | FOOTBALL</p><p>Un autre titre</p></a></li></ul></aside>")
    record = page("<h1>Le titre</h1><p class='date'>Publié le 7 mai 2020</p>" + box)
    assert (record["published"], record["warnings"]) == ("2020-05-07", [])


def test_a_bare_aside_in_the_article_is_a_teaser_that_dates_nothing():
    teaser = "<aside><p>À lire aussi, le 20 mars 2019 : un autre article</p></aside>"
    record = page("<h1>Le titre</h1>" + teaser + "<p class='date'>Publié le 7 mai 2020</p>")
    assert (record["published"], record["published_raw"]) == ("2020-05-07", "7 mai 2020")
    record = page("<h1>Le titre</h1>" + teaser, url="https://journal.example/monde/2020/05/07/titre")
    assert (record["published"], record["published_raw"]) == ("2020-05-07", "2020-05-07")  # the URL's day


@pytest.mark.parametrize("where", ["before", "in the article"])
def test_a_sidebar_aside_dates_nothing(where):
    """A sidebar's aside before the article or in its text (one in the article's header beside its headline is the
    article's, whatever its class: Ghost's Headline, ``aside.gh-article-sidebar``)."""
    sidebar = _DETAILS_ASIDE.format(cls="sidebar-meta")
    header = "<h1>Le titre</h1><p class='date'>Publié le 7 mai 2020</p>"
    if where == "before":
        record = page(header, before=sidebar)
    else:
        record = extracted(article_page("", header, headline="", body=BODY + sidebar),
                           "https://journal.example/societe/titre", fetched_at=NOW)
    assert (record["published"], record["modified"]) == ("2020-05-07", None)


def test_both_dates_of_a_page_hang_on_one_reference_time(monkeypatch):
    """Without a fetch time the clock is read once for the page: its published and modified dates are read against the
    same moment."""
    import newsarchive.dates.reading as reading

    asked = []

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            asked.append(tz)
            return datetime(2025, 8, 8, 12, 0, tzinfo=UTC).astimezone(tz)

    monkeypatch.setattr(reading, "datetime", Clock)
    html = article_page(header="<p class='date'>Publié il y a 3 heures, mis à jour il y a 1 heure</p>")
    record = extracted(html, "https://journal.example/societe/titre")
    assert (record["published"], record["modified"]) == ("2025-08-08T11:00:00+02:00", "2025-08-08T13:00:00+02:00")
    assert len(asked) == 1


@pytest.mark.parametrize("opening, raw", [
    ("Lyon, le 12 mars 2024 – Le conseil municipal a voté mardi le budget de la ville après trois heures.",
     "12 mars 2024"),
    ("PARIS, 12 mars 2024 (AFP) - Le conseil municipal a voté mardi le budget de la ville après trois heures.",
     "12 mars 2024"),
    ("<strong>Saint-Étienne, le 12/03/2024</strong> – Le conseil municipal a voté mardi le budget de la ville.",
     "12/03/2024"),
])
def test_the_dateline_opening_the_body_dates_a_page_that_shows_no_other_date(opening, raw):
    """Press releases and agency copy open so: the page showed no date elsewhere, and had none."""
    record = extracted(article_page(body=f"<p>{opening}</p>" + "<p>Un autre paragraphe du texte de l'article.</p>" * 3),
                       fetched_at="2025-01-15T10:00:00+00:00")
    assert (record["published"], record["published_raw"]) == ("2024-03-12", raw)


@pytest.mark.parametrize("opening", [
    "Le 12 mars 2024, le conseil municipal a voté le budget de la ville après trois heures de débat.",  # an event's day
    "En mars 2024, à Lyon - le conseil municipal a voté le budget de la ville après trois heures.",
])
def test_a_date_in_the_body_s_first_sentence_is_no_dateline(opening):
    record = extracted(article_page(body=f"<p>{opening}</p>" + "<p>Un autre paragraphe du texte de l'article.</p>" * 3),
                       fetched_at="2025-01-15T10:00:00+00:00")
    assert record["published"] is None


def test_a_page_that_shows_today_s_time_is_dated_on_its_address_s_day_at_that_time():
    html = article_page(header="<p class='meta'>Publié aujourd’hui à 17h09, mis à jour à 17h31</p>")
    record = extracted(html, "https://journal.example/international/article/2022/11/03/au-bresil_6148654.html",
                       fetched_at="2024-05-02T08:00:00Z")  # the page re-read from an archive
    assert (record["published"], record["published_raw"]) == ("2022-11-03T17:09:00+01:00", "aujourd'hui à 17h09")
    # updated the same day: its time alone is on that day too, not on the day the page was read again
    assert (record["modified"], record["modified_raw"]) == ("2022-11-03T17:31:00+01:00", "aujourd'hui à 17h31")
    assert record["warnings"] == []


def test_a_time_alone_updated_on_a_page_read_on_the_day_it_shows_is_on_that_day():
    html = article_page(header="<p class='meta'>Publié aujourd’hui à 17h09, mis à jour à 17h31</p>")
    record = extracted(html, "https://journal.example/international/article/au-bresil_6148654.html",
                       fetched_at="2024-05-02T18:00:00Z")
    assert (record["published"], record["modified"]) == ("2024-05-02T17:09:00+02:00", "2024-05-02T17:31:00+02:00")


def _lazy(address: str) -> str:
    """A lazy-loaded image and the copy a lazy-loading plugin leaves for browsers without scripts."""
    return (f"<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' data-lazy-src='{address}' width='20' height='20'>"
            f"<noscript><img src='{address}' width='20' height='20'></noscript>")


def test_the_noscript_copies_of_a_line_s_icons_do_not_make_it_a_block():
    # an element showing a date is small; a plugin's <noscript> copy of each icon doubles its elements, not its size
    line = (f"<div class='c3f9a'><div class='c7d2'><span>{_lazy('/avatars/lea.jpg')}</span>"
            "<span>Par <a href='/auteur/lea-martin/'>Léa Martin</a></span>"
            f"<span>{_lazy('/icones/horloge.svg')} 7 mai 2020 à 14h32</span>"
            f"<span>{_lazy('/icones/lecture.svg')} 3 min</span><span>{_lazy('/icones/bulle.svg')} 4</span></div></div>")
    record = page(f"<h1>Le titre</h1>{line}")
    assert (record["published"], record["published_raw"]) == ("2020-05-07T14:32:00+02:00", "7 mai 2020 à 14h32")
    assert record["authors"] == ["Léa Martin"]
