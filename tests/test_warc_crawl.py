"""Crawls write standard WARC files: every response, each article version resolving to its record."""

from __future__ import annotations

import gzip
import sqlite3
import subprocess
import sys
from urllib.request import urlopen

import pytest
from crawling import last_run_stats, query, run_crawl, successful_crawl
from mockserver import MockServer
from warcfiles import warc_files, warcio_check, warcio_index

from newsarchive.analysis.filters import Condition
from newsarchive.analysis.reextract import Reextractor
from newsarchive.storage import Archive
from newsarchive.warc.versions import ArticleVersions


@pytest.fixture(scope="module")
def crawled(sample_server, tmp_path_factory):
    """A crawl of the sample site (with its faulty pages), WARC files rolled at 100 kB."""
    db_path = tmp_path_factory.mktemp("warc") / "archive.db"
    result = run_crawl("onemedia", sample_server.url, db_path, "-s", "NEWSARCHIVE_WARC_MAX_SIZE=100000")
    assert result.returncode in (0, 1), result.stderr[-3000:]
    return db_path


def test_the_crawl_writes_every_response_into_warc_files_that_readers_accept(crawled):
    files = warc_files(crawled.parent / "warc")
    assert len(files) > 2 and not list((crawled.parent / "warc").glob("*.open"))
    warcio_check(files)
    entries = warcio_index(files)
    stats = last_run_stats(crawled)
    responses = [e for e in entries if e["warc-type"] in ("response", "revisit")]
    # robots.txt, answered to the spider again without a download, is recorded once
    assert len(responses) == stats["downloader/response_count"] - stats["newsarchive/robots/reused"]
    assert sum(e["warc-type"] == "request" for e in entries) == len(responses)
    for path in files:  # each file opens with its warcinfo record, naming the software
        assert warcio_index([path])[0]["warc-type"] == "warcinfo"
        with gzip.open(path, "rb") as stream:
            assert b"software: newsarchive/" in stream.read(2000)
    statuses = {e.get("http:status") for e in responses}
    assert {"200", "302", "404"} <= statuses  # articles, the redirect loop, a missing page
    assert sum(e["warc-target-uri"].endswith("/robots.txt") for e in responses) == 1
    assert any(e["warc-target-uri"].endswith(".xml") for e in responses)  # sitemaps


def test_each_article_version_resolves_to_the_page_it_was_extracted_from(crawled, tmp_path):
    db_path = tmp_path / "archive.db"
    with sqlite3.connect(crawled) as source, sqlite3.connect(db_path) as copy:
        source.backup(copy)
    (tmp_path / "warc").symlink_to(crawled.parent / "warc")
    with sqlite3.connect(db_path) as connection:  # only the WARC records are left to read the pages from
        connection.execute("DELETE FROM raw_pages")
    articles = query(db_path, "SELECT count(*) FROM articles")[0][0]
    versions = query(db_path, "SELECT * FROM article_versions")
    assert len(versions) == articles and all(v["warc_file"] and v["warc_record_id"] for v in versions)
    with Archive.open(db_path) as archive:
        page = ArticleVersions(archive).page(versions[0]["article_id"])
        assert page["warc"]["record_id"] == versions[0]["warc_record_id"]
        assert page["warc"]["payload_digest"] == versions[0]["warc_payload_digest"]
        report = Reextractor(archive, dry_run=True).run(Condition("1", []))
    assert (report.pages, report.unchanged, report.failed) == (articles, articles, 0)


def test_the_archive_alone_still_re_extracts_when_the_warc_files_are_moved_away(crawled, tmp_path):
    db_path = tmp_path / "archive.db"  # a copy of the archive without its warc/ folder
    with sqlite3.connect(crawled) as source, sqlite3.connect(db_path) as copy:
        source.backup(copy)
    articles = query(db_path, "SELECT count(*) FROM articles")[0][0]
    first = query(db_path, "SELECT article_id FROM article_versions ORDER BY article_id LIMIT 1")[0]["article_id"]
    with Archive.open(db_path) as archive:
        assert ArticleVersions(archive).page(first)["body"]  # the latest page, from raw_pages
        report = Reextractor(archive, dry_run=True).run(Condition("1", []))
    assert (report.pages, report.unchanged, report.failed) == (articles, articles, 0)


def test_warc_writing_can_be_switched_off(sample_server, tmp_path):
    db_path = tmp_path / "archive.db"
    result = run_crawl("onemedia", sample_server.url, db_path, "-s", "NEWSARCHIVE_WARC=0",
                       "-s", "CLOSESPIDER_ITEMCOUNT=3")
    assert result.returncode in (0, 1), result.stderr[-3000:]
    assert not (tmp_path / "warc").exists()
    assert query(db_path, "SELECT count(*) FROM article_versions WHERE warc_file IS NULL")[0][0] >= 1


def test_an_edited_article_keeps_both_pages_readable(tmp_path):
    db_path = tmp_path / "archive.db"
    with MockServer(articles=12) as server:
        successful_crawl("onemedia", server.url, db_path)
        changes = server.advance(edit=1, hours=2)
        successful_crawl("onemedia", server.url, db_path, "-s", "NEWSARCHIVE_FULL_CRAWL=1")
        (edited,) = changes["edited"]
        with urlopen(edited, timeout=10) as response:
            served_now = response.read()
    show = [sys.executable, "-m", "newsarchive", "show", edited, "--db", str(db_path), "--raw"]
    first = subprocess.run([*show, "--version", "1"], capture_output=True, timeout=60)
    second = subprocess.run([*show, "--version", "2"], capture_output=True, timeout=60)
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert second.stdout == served_now and first.stdout != served_now and b"</html>" in first.stdout
    missing = subprocess.run([*show, "--version", "3"], capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "no version 3" in missing.stderr


def test_a_recheck_answered_304_is_a_server_not_modified_revisit(tmp_path):
    db_path = tmp_path / "archive.db"
    old = "2020-01-01T00:00:00+00:00"
    with MockServer(articles=12) as server:
        successful_crawl("onemedia", server.url, db_path)
        with sqlite3.connect(db_path) as connection:  # archived long ago: the listed dates are signs of change
            connection.execute("UPDATE articles SET sitemap_lastmod = ?, modified = ?, last_seen = ?, "
                               "last_modified = NULL WHERE id <= 3", (old, old, old))
        successful_crawl("onemedia", server.url, db_path)
    not_modified = last_run_stats(db_path)["newsarchive/not_modified"]  # 3, or 4 with the duplicate's second URL
    files = warc_files(tmp_path / "warc")
    warcio_check(files)
    revisits = [e for e in warcio_index(files) if e["warc-type"] == "revisit"]
    assert not_modified >= 3 and len(revisits) == not_modified and all(e["http:status"] == "304" for e in revisits)
    with gzip.open(files[-1], "rb") as stream:
        assert b"WARC-Profile: http://netpreserve.org/warc/1.1/revisit/server-not-modified" in stream.read()
