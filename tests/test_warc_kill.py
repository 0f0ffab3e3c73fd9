"""A crawl killed with SIGKILL leaves WARC files readers accept; the next run finishes them."""

from __future__ import annotations

import contextlib
import gzip
import signal
import sqlite3
import subprocess
import sys
import time

from crawling import FAST_LOCAL, ROOT, last_run_stats, query, successful_crawl
from mockserver import MockServer
from warcfiles import warc_files, warcio_check

from newsarchive.storage import Archive
from newsarchive.warc.versions import ArticleVersions


def versions_stored(db_path) -> int:
    """How many article versions the running crawl has committed (0 before its schema exists)."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)) as connection:
            return connection.execute("SELECT count(*) FROM article_versions").fetchone()[0]
    except sqlite3.OperationalError:  # no archive or no table yet, or a write in progress
        return 0


def crawl_killed_mid_warc(base_url: str, db_path, warc_dir) -> None:
    """Kill the crawl once it has committed article versions and its open WARC file holds more than that."""
    command = [sys.executable, "-m", "scrapy", "crawl", "onemedia", "-a", f"base_url={base_url}",
               "-s", f"NEWSARCHIVE_DB={db_path}", *FAST_LOCAL, "-s", "NEWSARCHIVE_BATCH_SIZE=4",
               "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        open_files = list(warc_dir.glob("*.warc.gz.open")) if warc_dir.is_dir() else []
        if open_files and open_files[0].stat().st_size > 150_000 and versions_stored(db_path):
            break
        time.sleep(0.01)
    assert process.poll() is None, "the crawl ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


def test_sigkill_leaves_readable_warc_files_and_the_next_run_reports_a_torn_tail(tmp_path):
    db_path, warc_dir = tmp_path / "archive.db", tmp_path / "warc"
    with MockServer(articles=150) as server:
        crawl_killed_mid_warc(server.url, db_path, warc_dir)
        (left_open,) = warc_dir.glob("*.warc.gz.open")
        warcio_check([left_open])  # every record the killed crawl wrote is whole
        with Archive.open(db_path) as archive:  # what the killed run stored points to records that exist
            versions = ArticleVersions(archive)
            stored = [row[0] for row in archive.database.execute("SELECT article_id FROM article_versions")]
            assert stored and all(versions.page(article_id)["body"] for article_id in stored)

        complete_size = left_open.stat().st_size
        torn = gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n" + b"x" * 5000)
        with open(left_open, "ab") as stream:  # a record cut short, as a power cut could leave it
            stream.write(torn[: len(torn) // 2])

        result = successful_crawl("onemedia", server.url, db_path)
    assert "ended in a truncated record" in result.stderr
    assert last_run_stats(db_path)["newsarchive/warc/truncated_tail"] == 1
    finished = left_open.with_name(left_open.name.removesuffix(".open"))
    assert finished.stat().st_size == complete_size and not list(warc_dir.glob("*.open"))
    warcio_check(warc_files(warc_dir))
    assert query(db_path, "SELECT count(*) FROM articles")[0][0] == 150
