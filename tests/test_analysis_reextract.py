import logging

import pytest
from analysis_archive import FIRST_FETCH, SITE_URL, build_archive

from newsarchive.analysis.filters import ArticleFilter, Condition, build_condition
from newsarchive.analysis.reextract import Reextractor
from newsarchive.storage import Archive
from newsarchive.storage.raw import compress

REMOVED_AT = "2025-08-20T00:00:00+00:00"
LAST_SEEN = "2025-08-19T00:00:00+00:00"


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "archive.db"
    build_archive(path, raw_pages=True, runs=False)
    with Archive.open(path, create=False) as opened:
        Reextractor(opened).run(Condition())  # in step with the current extractors
        yield opened


def scalar(archive, sql, params=()):
    return archive.database.execute(sql, params).fetchone()[0]


def tamper(archive, article_id=1):
    """Make the stored article differ from its page, as an older extractor would have left it."""
    archive.database.execute(
        "UPDATE articles SET headline = 'Ancien titre', removed_at = ?, last_seen = ? WHERE id = ?",
        [REMOVED_AT, LAST_SEEN, article_id])


def revisions(archive):
    return scalar(archive, "SELECT count(*) FROM revisions")


def test_a_second_pass_changes_nothing(archive):
    before = revisions(archive)
    report = Reextractor(archive).run(Condition())
    assert (report.pages, report.changed, report.unchanged, report.failed) == (5, 0, 5, 0)
    assert revisions(archive) == before


def test_dry_run_reports_changes_and_writes_nothing(archive):
    tamper(archive)
    before = revisions(archive)
    changes = []
    report = Reextractor(archive, dry_run=True).run(Condition(), on_change=changes.append)
    assert (report.pages, report.changed, report.unchanged) == (5, 1, 4)
    assert dict(report.fields) == {"headline": 1}
    assert [(change.article_id, change.fields) for change in changes] == [(1, ["headline"])]
    assert scalar(archive, "SELECT headline FROM articles WHERE id = 1") == "Ancien titre"
    assert revisions(archive) == before


def test_reextract_updates_through_the_save_path_and_keeps_fetch_facts(archive):
    tamper(archive)
    raw_before = archive.raw_page(1)
    report = Reextractor(archive).run(Condition())
    assert report.changed == 1 and report.as_dict()["fields"] == {"headline": 1}
    row = archive.database.execute("SELECT headline, removed_at, last_seen, url FROM articles WHERE id = 1").fetchone()
    assert row[0] == "Les États-Unis relèvent leurs droits de douane sur l’acier"
    assert row[1:3] == (REMOVED_AT, LAST_SEEN)
    assert row[3].endswith("/les-etats-unis-relevent-leurs-droits-de-douane-sur-l-acier/")
    seen_at, changed, previous = archive.database.execute(
        "SELECT seen_at, changed_fields, previous FROM revisions WHERE article_id = 1 ORDER BY id DESC").fetchone()
    assert (seen_at, changed, previous) == (FIRST_FETCH, '["headline"]', '{"headline": "Ancien titre"}')
    assert archive.raw_page(1) == raw_before
    assert scalar(archive, "SELECT count(*) FROM articles") == 5
    fts = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
    assert scalar(archive, fts, ['"ancien titre"']) == 0
    assert scalar(archive, fts, ["douane"]) == 1
    stems = "SELECT count(*) FROM articles_stems_fts WHERE articles_stems_fts MATCH ?"  # the French index too
    assert scalar(archive, stems, ["ancien"]) == 0
    assert scalar(archive, stems, ['"état unis" AND douan']) == 1


def test_filters_and_limit_choose_the_pages(archive):
    assert Reextractor(archive, dry_run=True).run(Condition(), limit=2).pages == 2
    sport = build_condition(archive.database, ArticleFilter(categories=["sport"]))
    assert Reextractor(archive).count(sport) == 1
    assert Reextractor(archive, dry_run=True, batch_size=2).run(sport).pages == 1
    assert Reextractor(archive, dry_run=True, batch_size=2).run(Condition(), limit=3).pages == 3


def test_pages_that_fail_are_counted_and_left_alone(archive, caplog):
    page = "<html><head><title>Contact</title></head><body><p>Écrivez-nous.</p></body></html>".encode()
    archive.database.execute("UPDATE raw_pages SET body = ? WHERE article_id = 2", [compress(page, "zlib")])
    archive.database.execute("UPDATE raw_pages SET body = ? WHERE article_id = 3", [b"not zlib at all"])
    headline = scalar(archive, "SELECT headline FROM articles WHERE id = 2")
    with caplog.at_level(logging.WARNING, logger="newsarchive.analysis.reextract"):
        report = Reextractor(archive).run(Condition())
    assert (report.pages, report.not_article, report.failed, report.unchanged) == (5, 1, 1, 3)
    assert scalar(archive, "SELECT headline FROM articles WHERE id = 2") == headline
    assert "no longer recognised as an article" in caplog.text and "Cannot re-extract article 3" in caplog.text


def test_articles_without_a_stored_page_are_skipped(tmp_path):
    path = tmp_path / "archive.db"
    build_archive(path, raw_pages=False, runs=False)
    with Archive.open(path, create=False) as archive:
        assert Reextractor(archive).count(Condition()) == 0
        assert Reextractor(archive).run(Condition()).pages == 0


def test_pages_of_a_local_copy_are_read_with_the_extractor_of_the_site_named(tmp_path):
    reports = {}
    for name, base_url, extractor_site in (("site", SITE_URL, None),
                                           ("copy", "http://127.0.0.1:8000/", "onemedia.fr")):
        path = tmp_path / f"{name}.db"
        build_archive(path, raw_pages=True, runs=False, base_url=base_url)
        with Archive.open(path, create=False) as opened:
            reports[name] = Reextractor(opened, dry_run=True, extractor_site=extractor_site).run(Condition())
    assert reports["copy"].as_dict() == reports["site"].as_dict()
    assert reports["copy"].pages == 5 and reports["copy"].failed == 0
