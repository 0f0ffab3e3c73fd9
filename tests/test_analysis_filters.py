import sqlite3

import pytest
from analysis_archive import build_archive
from crawling import ROOT

from newsarchive.analysis.access import AnalysisError, check_archive_file, default_db, open_archive
from newsarchive.analysis.filters import ArticleFilter, author_matches, build_condition
from newsarchive.storage import Archive


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("filters") / "archive.db"
    build_archive(path, raw_pages=False, runs=False)
    with Archive.open(path, create=False) as opened:
        yield opened


def selected(archive, **filters):
    condition = build_condition(archive.database, ArticleFilter(**filters))
    rows = archive.database.execute(
        f"SELECT a.headline FROM articles a WHERE {condition.sql} ORDER BY a.published", condition.params)
    return [headline.split(" ")[1] for (headline,) in rows]  # second word: short and distinct


def test_no_filter_selects_everything(archive):
    assert selected(archive) == ["de", "États-Unis", ":", "Banque", "gouvernement"]
    assert ArticleFilter().is_empty and not ArticleFilter(tags=["x"]).is_empty


def test_dates_are_days_or_times_and_until_includes_its_day(archive):
    assert selected(archive, since="2025-08-05") == [":", "Banque", "gouvernement"]
    assert selected(archive, until="2025-08-05") == ["de", "États-Unis", ":"]
    assert selected(archive, since="2025-08-05", until="2025-08-06") == [":", "Banque"]
    # 2025-08-05T10:00Z is 12:00 in Paris: a time with an offset is compared as a moment
    assert selected(archive, since="2025-08-05T11:30:00+02:00", until="2025-08-06T12:00:00+02:00") == [":", "Banque"]
    assert selected(archive, since="2025-08-05T10:30:00+00:00", until="2025-08-06") == ["Banque"]


@pytest.mark.parametrize("bound, day", [("20250805", "2025-08-05"), ("2025-W32-2", "2025-08-05"),
                                        ("2025-08-05T10:30Z", "2025-08-05T10:30:00+00:00"),
                                        ("2025-08-05T1030+0000", "2025-08-05T10:30:00+00:00")])
def test_other_iso_forms_select_as_their_usual_form(archive, bound, day):
    # each form Python accepts must select what its usual form does, not nothing
    assert selected(archive, since=bound) == selected(archive, since=day) != []


@pytest.mark.parametrize("bad", ["yesterday", "2025-13-01", "2025-02-30", "06/08/2025"])
def test_bad_dates_are_refused(bad):
    with pytest.raises(AnalysisError, match="--since: .* is not a date"):
        ArticleFilter(since=bad)


def test_names_ignore_case_and_accents_and_alternatives_add_up(archive):
    assert selected(archive, categories=["ECONOMIE"]) == ["Banque"]
    assert selected(archive, categories=["économie", "sport"]) == ["de", "Banque"]
    assert selected(archive, tags=["etats-unis"]) == ["États-Unis"]
    assert selected(archive, tags=["Commerce"]) == ["États-Unis", "Banque"]
    assert selected(archive, tags=["commerce"], categories=["international"]) == ["États-Unis"]
    assert selected(archive, authors=["SARA"]) == [":", "gouvernement"]
    assert selected(archive, authors=["lefevre"]) == ["Banque"]
    assert selected(archive, sites=["www.onemedia.fr"]) == selected(archive)


def test_unknown_names_select_nothing_and_are_reported(archive):
    condition = build_condition(archive.database, ArticleFilter(
        categories=["Météo"], tags=["Commerce", "inconnu"], authors=["Zoé"], sites=["example.org"]))
    assert condition.unmatched == ["category 'Météo'", "tag 'inconnu'", "author 'Zoé'", "site 'example.org'"]
    assert selected(archive, categories=["Météo"]) == []
    assert selected(archive, authors=["Zoé"]) == []


def test_author_matches_whole_words_only():
    assert author_matches("morel", "Julien Morel")
    assert author_matches("julien morel", "Julien Morel")
    assert author_matches("Camille Lefevre", "Camille Lefèvre")
    assert not author_matches("mor", "Julien Morel")
    assert not author_matches("  ", "Julien Morel")


def test_default_db_follows_the_environment(monkeypatch):
    monkeypatch.delenv("NEWSARCHIVE_DB", raising=False)
    assert default_db() == str(ROOT / "data" / "archive.db")
    monkeypatch.setenv("NEWSARCHIVE_DB", "/srv/news.db")
    assert default_db() == "/srv/news.db"


def test_open_archive_refuses_what_is_not_an_archive_and_creates_nothing(tmp_path):
    missing = tmp_path / "missing.db"
    with pytest.raises(AnalysisError, match="no archive at"):
        with open_archive(missing):
            pass
    assert not missing.exists()
    text = tmp_path / "notes.db"
    text.write_text("not a database at all, just some words " * 100)
    with pytest.raises(AnalysisError, match="not a newsarchive archive"):
        check_archive_file(text)
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(AnalysisError, match="empty database"):
        check_archive_file(empty)
    assert empty.stat().st_size == 0
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    with pytest.raises(AnalysisError, match="not a newsarchive archive"):
        with open_archive(foreign):
            pass
