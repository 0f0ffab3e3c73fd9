"""A site's local times are read in its own zone: Paris, unless its address or its language says another country."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from article_pages import article_page, extracted, jsonld

from newsarchive.dates import PARIS, normalise_date, site_zone

NOW = datetime(2024, 4, 20, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize("url, languages, zone", [
    ("https://www.journal-test.example/a/", (), "Europe/Paris"),
    ("https://www.lejournal.fr/a/", ("fr-CA",), "Europe/Paris"),  # the address's country first
    ("https://www.lequotidien.ca/a/", (), "America/Toronto"),
    ("https://www.journal-test.com/a/", ("fr-CA",), "America/Toronto"),  # else the language's region
    ("https://www.journal-test.com/a/", (None, "fr_BE"), "Europe/Brussels"),
    ("https://www.journal-test.com/a/", ("fr",), "Europe/Paris"),
    ("https://www.clicanoo.re/a/", (), "Indian/Reunion"),
    ("https://www.lematin.ma/a/", (), "Africa/Casablanca"),
    ("https://www.journal.nc./a/", (), "Pacific/Noumea"),
    ("not a url", ("xx-ZZ",), "Europe/Paris"),
    # France's overseas regions named by a .fr or .com address: its host, or its path's first part
    ("https://la1ere.francetvinfo.fr/martinique/un-article.html", (), "America/Martinique"),
    ("https://la1ere.francetvinfo.fr/reunion/un-article.html", (), "Indian/Reunion"),
    ("https://www.rci.fm/guadeloupe/infos/un-article", (), "America/Guadeloupe"),
    ("https://www.franceguyane.fr/actualite/un-article/", (), "America/Cayenne"),
    ("https://www.tahiti-infos.com/un-article_a1.html", (), "Pacific/Tahiti"),
    ("https://www.zinfos974.com/un-article_a1.html", (), "Indian/Reunion"),  # its department's number
    ("https://www.radio-971.fr/un-article/", (), "America/Guadeloupe"),
    ("https://www.journal-test.com/la-reunion/un-article/", (), "Indian/Reunion"),
    ("https://www.journal-9745.fr/un-article/", (), "Europe/Paris"),  # a number of its own
    ("https://www.journal-test.fr/reunion-du-conseil/un-article/", (), "Europe/Paris"),  # a meeting, in a path
    ("https://www.journal-test.fr/politique/martinique-un-article/", (), "Europe/Paris"),  # a story's subject
])
def test_site_zone(url, languages, zone):
    assert site_zone(url, languages).key == zone


def test_a_date_text_is_read_in_the_zone_given():
    montreal = site_zone("https://www.lequotidien.ca/")
    assert normalise_date("12 mars 2024 à 23 h 05", now=NOW, tz=montreal) == "2024-03-12T23:05:00-04:00"
    assert normalise_date("2024-03-13T03:05:00+00:00", now=NOW, tz=montreal) == "2024-03-12T23:05:00-04:00"
    assert normalise_date("12 mars 2024 à 23 h 05", now=NOW, tz=PARIS) == "2024-03-12T23:05:00+01:00"


@pytest.mark.parametrize("url, head, html_lang", [
    ("https://www.lequotidien.ca/societe/un-article/", "", "fr"),
    ("https://www.lequotidien-test.com/societe/un-article/", "", "fr-CA"),
    ("https://www.lequotidien-test.com/societe/un-article/", "<meta property='og:locale' content='fr_CA'>", "fr"),
])
def test_a_quebec_site_s_times_are_montreal_times(url, head, html_lang):
    page = article_page(head=head, header="<p class='date'>Publié le 12 mars 2024 à 23 h 05</p>")
    page = page.replace("<html lang='fr'>", f"<html lang='{html_lang}'>")
    assert extracted(page, url=url, fetched_at=NOW)["published"] == "2024-03-12T23:05:00-04:00"
    utc = jsonld({"@type": "NewsArticle", "headline": "Le titre visible", "datePublished": "2024-03-13T03:05:00+00:00"})
    record = extracted(article_page(head=head + utc).replace("<html lang='fr'>", f"<html lang='{html_lang}'>"), url=url,
                       fetched_at=NOW)
    assert record["published"] == "2024-03-12T23:05:00-04:00"  # the day its readers saw, not 13 March in Paris


@pytest.mark.parametrize(("head", "headers"), [
    (jsonld({"@type": "WebSite", "name": "Le Quotidien", "inLanguage": "fr-CA"}), None),  # JSON-LD's inLanguage
    ("<meta http-equiv='content-language' content='fr-CA'>", None),
    ("", {"Content-Language": "fr-CA"}),  # the HTTP header
])
def test_a_quebec_site_that_declares_its_region_elsewhere_than_in_its_html_lang_writes_montreal_times(head, headers):
    page = article_page(head=head, header="<p class='date'>Publié le 12 mars 2024 à 23 h 05</p>")
    record = extracted(page, url="https://www.lequotidien-test.com/societe/un-article/", fetched_at=NOW,
                       headers=headers)
    assert (record["published"], record["language"]) == ("2024-03-12T23:05:00-04:00", "fr")


def test_a_french_site_s_times_stay_paris_times():
    page = article_page(header="<p class='date'>Publié le 12 mars 2024 à 23 h 05</p>")
    assert extracted(page, fetched_at=NOW)["published"] == "2024-03-12T23:05:00+01:00"


@pytest.mark.parametrize("shown", ["Le 11 avril 2024 à 18h30", "Le 11 avril 2024"])
def test_the_offset_a_time_element_writes_is_kept_when_its_day_is_the_next_in_paris(shown):
    """An evening in Guadeloupe is the next day in Paris: the ``datetime`` is of the day its text shows all the same."""
    header = f"<p class='date'><time datetime='2024-04-11T18:30:00-04:00'>{shown}</time></p>"
    record = extracted(article_page(header=header), fetched_at=NOW)
    assert record["published"] == "2024-04-11T18:30:00-04:00"
