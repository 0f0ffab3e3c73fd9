"""``scrapy crawl`` tells a scheduler how the run went: exit statuses, quiet mode, rotating log file."""

from __future__ import annotations

import re

import pytest
from crawling import query, run_crawl, successful_crawl

NOWHERE = "http://127.0.0.1:9/"  # nothing listens there: these crawls stop before fetching anything


@pytest.mark.parametrize(("extra", "message"), [
    (("-a", "since=hier"), "-a since: since must be a date"),
    (("-s", "NEWSARCHIVE_SINCE=demain"), "NEWSARCHIVE_SINCE"),
    (("-s", "NEWSARCHIVE_LOCK_WAIT=longtemps"), "NEWSARCHIVE_LOCK_WAIT must be a number"),
    (("-s", "NEWSARCHIVE_LOG_FILE_LEVEL=BAVARD", "-s", "NEWSARCHIVE_LOG_FILE=x.log"), "unknown log level"),
])
def test_bad_arguments_or_settings_exit_2_with_a_clear_message(tmp_path, extra, message):
    result = run_crawl("onemedia", NOWHERE, tmp_path / "archive.db", *extra, timeout=60)
    assert result.returncode == 2, result.stderr[-2000:]
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "archive.db").exists()


def test_an_unknown_spider_exits_2(tmp_path):
    result = run_crawl("nulle-part", NOWHERE, tmp_path / "archive.db", timeout=60)
    assert result.returncode == 2 and "no spider named 'nulle-part'" in result.stderr


def test_a_spider_that_cannot_start_exits_2(tmp_path):
    result = run_crawl("onemedia", "pas-une-url", tmp_path / "archive.db", timeout=60)
    assert result.returncode == 2 and "base_url must be an absolute http(s) URL" in result.stderr


@pytest.mark.parametrize("kind", ["directory is a file", "not a database"])
def test_an_unusable_archive_exits_2(tmp_path, kind):
    if kind == "directory is a file":
        (tmp_path / "data").write_text("x")
        db_path = tmp_path / "data" / "archive.db"
    else:
        db_path = tmp_path / "archive.db"
        db_path.write_bytes(b"ceci n'est pas une base SQLite" * 100)
    result = run_crawl("onemedia", NOWHERE, db_path, timeout=60)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Cannot use the archive" in result.stderr


def test_failed_pages_exit_1_by_default(sample_server, tmp_path):
    db_path = tmp_path / "archive.db"
    result = run_crawl("onemedia", sample_server.url, db_path, "-a", "category=tests")
    assert result.returncode == 1, result.stderr[-3000:]
    run = query(db_path, "SELECT status, pages_failed, articles_new FROM runs")[0]
    assert run["status"] == "finished_with_errors" and run["pages_failed"] >= 2 and run["articles_new"] >= 1


def test_failed_pages_within_a_set_tolerance_exit_0(sample_server, tmp_path):
    db_path = tmp_path / "archive.db"
    successful_crawl("onemedia", sample_server.url, db_path, "-a", "category=tests",
                     "-s", "NEWSARCHIVE_FAILED_PAGES_TOLERANCE=80")
    assert query(db_path, "SELECT status FROM runs")[0]["status"] == "success"


def test_quiet_mode_shows_nothing_and_the_log_file_has_it_all(sample_server, tmp_path):
    log_file = tmp_path / "logs" / "crawl.log"
    result = successful_crawl("onemedia", sample_server.url, tmp_path / "archive.db", "-a", "max_pages=8",
                              "-s", "NEWSARCHIVE_QUIET=1", "-s", f"NEWSARCHIVE_LOG_FILE={log_file}",
                              "-s", "NEWSARCHIVE_LOG_MAX_BYTES=2000", "-s", "NEWSARCHIVE_LOG_BACKUP_COUNT=2")
    assert (result.stdout, result.stderr) == ("", "")
    logged = sorted(log_file.parent.iterdir())
    assert [path.name for path in logged] == ["crawl.log", "crawl.log.1", "crawl.log.2"]  # rotated, 2 kept
    text = "".join(path.read_text() for path in reversed(logged))
    assert re.search(r"Run 1: success \(closespider_pagecount\) in [\d.]+ s; pages: \d+ fetched, 0 not modified, "
                     r"0 failed, \d+ left in the queue; articles: \d+ new", text) and " INFO: " in text


def test_a_bad_spider_argument_is_one_clear_line_and_status_2(tmp_path):
    result = run_crawl("onemedia", "pas-une-adresse", tmp_path / "archive.db", timeout=60)
    assert result.returncode == 2
    assert "base_url must be an absolute http(s) URL" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "archive.db").exists()
