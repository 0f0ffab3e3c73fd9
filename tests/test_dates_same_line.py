"""A modified date given on a date line by its time alone or its day without the year: read on the day (or in the
year) of the published date of the same line, never before it; the README's examples."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newsarchive.dates import modified_in_line, split_published_modified
from newsarchive.dates.reading import reference_time
from newsarchive.extraction import extract_article

FETCHED = datetime(2022, 11, 3, 20, 0, tzinfo=timezone.utc)
URL = "https://www.exemple.fr/societe/un-titre/"
BODY = "<p>" + "Un paragraphe de texte assez long pour compter dans le corps de l'article, avec des mots. " * 3 + "</p>"


def completed(line: str) -> str | None:
    published, modified = split_published_modified(line)
    return modified_in_line(published, modified, reference_time(FETCHED))


@pytest.mark.parametrize(("line", "modified"), [
    ("Publié le 27 juin 2019 à 10h21, modifié à 12h05", "27/06/2019 à 12h05"),
    ("Publié le 27 juin 2019 à 10h21 - Mis à jour à 12h05", "27/06/2019 à 12h05"),
    ("Publié le 3 novembre 2022 à 10h - modifié à 11h", "03/11/2022 à 11h"),
    ("Publié le 27 juin 2019 - 10:21 | Mis à jour le 28 juin", "28 juin 2019"),
    ("Publié le 27 juin 2019, mis à jour le 27 juil. à 9h05", "27 juil. 2019 à 9h05"),
    ("Publié le 30 décembre 2019 – Mis à jour le 2 janvier", "2 janvier 2020"),
    ("Publié le 30 décembre 2019 – Mis à jour le 2 janvier à 08h02", "2 janvier 2020 à 08h02"),
    ("Publié le 12/03/2021 à 14h30, mis à jour le 13/03 à 09h15", "13/03/2021 à 09h15"),
    ("Publié le 30/12/2020 à 14h30, mis à jour le 02.01. à 09h15", "02.01.2021 à 09h15"),
])
def test_a_time_or_a_day_alone_takes_the_published_day_or_year(line, modified):
    assert completed(line) == modified


@pytest.mark.parametrize(("line", "modified"), [
    ("Publié le 27 juin 2019 à 10h21 - Mis à jour à 09h05", "09h05"),  # before the published moment: not that day
    ("Publié hier à 23h10, modifié à 00h20", "00h20"),
    ("Publié il y a 3 heures, modifié à 18h00", "18h00"),  # a time ago names no day
    ("Publié le 3 novembre à 10h - modifié à 11h", "à 11h"),
    ("Publié le 27 juin 2019 - modifié le 28 juin 2020", "28 juin 2020"),  # whole already
    ("Mis à jour à 12h05", "12h05"),  # no published date on the line
    ("Publié le 27/06 à 10h21, modifié à 12h05", "12h05"),  # a published part that is no date
])
def test_a_modified_part_that_says_no_less_or_has_no_day_to_take_stays_as_it_is(line, modified):
    assert completed(line) == modified


@pytest.mark.parametrize(("line", "modified"), [
    ("Publié aujourd’hui à 17h09, modifié à 18h00", "aujourd'hui à 18h00"),
    ("Publié hier à 17h09, mis à jour 18h00", "hier à 18h00"),
    ("Published today at 7:09, updated at 8:31", "today at 8:31"),
])
def test_a_time_alone_takes_the_published_day_s_word_not_a_day_written_out_whole(line, modified):
    """A day read against the fetch time is not written out whole: the modified date would no longer hang on the
    fetch time, and would conflict with the page's metadata whenever the page is read on another day."""
    assert completed(line) == modified


def record_of(date_line: str) -> dict:
    page = f"""<html lang="fr"><body><article><h1>Un titre d'article assez long</h1>
    <p class="date">{date_line}</p><div class="texte">{BODY}{BODY}</div></article></body></html>"""
    return extract_article(page.encode(), URL, fetched_at=FETCHED)


@pytest.mark.parametrize(("line", "raw", "value"), [
    ("Publié le 27 juin 2019 à 10h21, modifié à 12h05", "27/06/2019 à 12h05", "2019-06-27T12:05:00+02:00"),
    ("Publié le 30 décembre 2019 – Mis à jour le 2 janvier", "2 janvier 2020", "2020-01-02"),
])
def test_the_readme_examples(line, raw, value):
    record = record_of(line)
    assert (record["modified_raw"], record["modified"]) == (raw, value)
    assert not [warning for warning in record["warnings"] if warning.startswith("date_")]


def test_a_time_alone_before_the_published_moment_stays_unread_and_counted():
    record = record_of("Publié le 27 juin 2019 à 10h21 - Mis à jour à 09h05")
    assert (record["modified_raw"], record["modified"]) == ("09h05", None)
    assert "date_unparsed:modified" in record["warnings"]
