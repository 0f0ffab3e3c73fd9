"""What cron sees: nothing from a quiet run that succeeds, one line from one that does not; optional
files that are missing are no failures; a mistyped spider argument stops the run before it starts."""

import re

import pytest
from mockserver import MockServer

from crawling import last_run_stats, run_crawl, successful_crawl
from newsarchive.runs.lock import ArchiveLock
from newsarchive.sample_site.responses import Response
from newsarchive.sample_site.server import running_site

QUIET = ("-s", "NEWSARCHIVE_QUIET=1")


@pytest.fixture(scope="module")
def small_server():
    with MockServer(articles=3) as server:
        yield server


def test_a_quiet_run_that_succeeds_prints_nothing(small_server, tmp_path):
    log_file = tmp_path / "crawl.log"
    db_path = tmp_path / "archive.db"
    result = successful_crawl("onemedia", small_server.url, db_path, *QUIET, "-s", f"NEWSARCHIVE_LOG_FILE={log_file}")
    assert (result.stdout, result.stderr) == ("", "")
    assert f"articles: 3 new, 0 updated, 0 unchanged, 0 removed; archive: {db_path}" in log_file.read_text()
    again = run_crawl("onemedia", small_server.url, db_path, *QUIET)  # nothing new: still nothing to mail
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")


def test_a_quiet_run_that_fails_prints_one_line(tmp_path):
    with MockServer(articles=0) as server:
        gone = server.url  # a port nothing listens on any more
    db_path = tmp_path / "archive.db"
    result = run_crawl("onemedia", gone, db_path, *QUIET, "-s", f"NEWSARCHIVE_LOG_FILE={tmp_path / 'crawl.log'}")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and result.stdout == "", result.stderr[-3000:]
    assert re.fullmatch(rf"Run 1: finished_with_errors \(finished\) in [\d.]+ s; pages: 0 fetched, 0 not modified, "
                        rf"\d+ failed; .*; archive: {re.escape(str(db_path))}; last problem: Not crawling 127.0.0.1:\d+: "
                        rf"its robots.txt cannot be fetched \(DownloadConnectionRefusedError: .*\) \(log: .*crawl.log\)",
                        lines[0])  # what failed, and why


def test_an_error_logged_fails_a_quiet_run_as_it_fails_a_normal_one(tmp_path):
    """Quiet mode hides the console, not the errors: they are counted, so the exit status is the same."""
    with running_site(articles=2) as server:
        answer = server.site.respond

        def robots_unavailable(method, target, headers=None):
            if target.startswith("/robots.txt"):
                return Response.text(503, "Service unavailable")
            return answer(method, target, headers)

        server.site.respond = robots_unavailable
        normal = run_crawl("onemedia", server.url, tmp_path / "normal.db", "-s", "RETRY_TIMES=0")
        quiet = run_crawl("onemedia", server.url, tmp_path / "quiet.db", "-s", "RETRY_TIMES=0", *QUIET)
    assert " ERROR: " in normal.stderr and normal.returncode == 1
    assert quiet.returncode == 1 and quiet.stdout == ""
    assert len(quiet.stderr.splitlines()) == 1 and "finished_with_errors" in quiet.stderr, quiet.stderr[-3000:]
    assert last_run_stats(tmp_path / "quiet.db")["log_count/ERROR"] == last_run_stats(tmp_path / "normal.db")[
        "log_count/ERROR"] >= 1


def test_a_quiet_run_kept_out_by_the_lock_prints_one_line(small_server, tmp_path):
    db_path = tmp_path / "archive.db"
    with ArchiveLock.for_archive(db_path).acquire():
        result = run_crawl("onemedia", small_server.url, db_path, *QUIET)
    assert result.returncode == 3
    assert len(result.stderr.splitlines()) == 1 and "another run holds the archive lock" in result.stderr


def test_a_site_without_sitemap_or_robots_txt_finishes_without_errors(tmp_path):
    with running_site(articles=3) as server:
        answer = server.site.respond

        def without_sitemaps(method, target, headers=None):
            if target.startswith(("/robots.txt", "/sitemap")):
                return Response.text(404, "Not found")
            return answer(method, target, headers)

        server.site.respond = without_sitemaps
        db_path = tmp_path / "archive.db"
        successful_crawl("onemedia", server.url, db_path)
    stats = last_run_stats(db_path)
    assert stats["newsarchive/sitemaps/missing"] == 2 and stats["newsarchive/robots/missing"] == 1
    assert "newsarchive/fetch_failed" not in stats
    assert stats["newsarchive/articles_new"] == 3


@pytest.mark.parametrize("spider, arguments, known", [
    ("onemedia", ["-a", "maxpages=1"], "base_url, category, full, max_minutes, max_pages, since"),
    ("news", ["-a", "sit=example.fr", "-a", "max_pages=1"], "base_url, category, full, max_minutes, max_pages, "
                                                              "profile, since, site, url"),
])
def test_an_unknown_spider_argument_is_one_line_and_status_2(tmp_path, spider, arguments, known):
    result = run_crawl(spider, "http://127.0.0.1:9/", tmp_path / "archive.db", *arguments, timeout=60)
    assert result.returncode == 2
    unknown = arguments[1].split("=")[0]
    assert f"unknown spider argument {unknown} for {spider} (known: {known})" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "archive.db").exists()
