"""A crawl killed at any moment leaves a consistent archive that the next run completes.

Crawls of a 60-article site are killed with SIGKILL at random points (the seed is in the failure
messages); after each kill the archive must pass SQLite's and FTS5's integrity checks and hold
every article the killed run reported stored; a last run completes it, each article stored once.
A SIGTERM stops a crawl gracefully: batch flushed, run recorded as interrupted, exit status 4.
"""

from __future__ import annotations

import random
import re
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from crawling import FAST_LOCAL, ROOT, query, run_crawl
from mockserver import MockServer

from newsarchive.sample_site import SampleSite

KILLS = 3
STORED = re.compile(r"Stored \((?:new|updated|unchanged|merged)\): (\S+)")


@pytest.fixture(scope="module")
def server():
    with MockServer(articles=60) as started:
        yield started


class Crawl:
    """``scrapy crawl onemedia`` in the background, logging at DEBUG to a file, small batches."""

    def __init__(self, base_url: str, db_path, log_path):
        self.log_path = log_path
        command = [sys.executable, "-m", "scrapy", "crawl", "onemedia", "-a", f"base_url={base_url}",
                   "-s", f"NEWSARCHIVE_DB={db_path}", *FAST_LOCAL, "-s", "NEWSARCHIVE_BATCH_SIZE=4",
                   "-s", "LOG_LEVEL=DEBUG", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]
        with open(log_path, "w") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log)

    def wait_for(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.log() and self.process.poll() is None:
            assert time.monotonic() < deadline, f"no {text!r} in the log"
            time.sleep(0.02)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self, signum: int) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signum)
        return self.process.wait(timeout=60)


def check_invariants(db_path, reported: set[str], context: str) -> None:
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",), context
        connection.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")  # raises if corrupt
        stored = {url for (url,) in connection.execute("SELECT url FROM article_urls")}
        twice = connection.execute("SELECT fingerprint FROM articles WHERE fingerprint IS NOT NULL "
                                   "GROUP BY site, fingerprint HAVING count(*) > 1").fetchall()
    assert reported <= stored, f"{context}: reported stored but lost: {sorted(reported - stored)[:3]}"
    assert twice == [], context


def test_sigkill_at_random_points_loses_nothing_and_the_next_run_completes(server, tmp_path):
    seed = random.randrange(10**6)
    rng = random.Random(seed)
    db_path = tmp_path / "archive.db"
    for kill in range(KILLS):
        crawl = Crawl(server.url, db_path, tmp_path / f"kill{kill}.log")
        crawl.wait_for("Spider opened")
        time.sleep(rng.uniform(0.0, 1.0))
        crawl.stop(signal.SIGKILL)
        context = f"seed {seed}, kill {kill}"
        reported = set(STORED.findall(crawl.log()))
        if db_path.exists():
            check_invariants(db_path, reported, context)

    archived_by_killed_runs = query(db_path, "SELECT count(*) FROM articles")[0][0] if db_path.exists() else 0
    final = run_crawl("onemedia", server.url, db_path)
    assert final.returncode == 0, f"seed {seed}: {final.stderr[-3000:]}"
    check_invariants(db_path, set(), f"seed {seed}, final run")
    site = SampleSite(articles=60, base_url=server.url)
    assert sorted(row["url"] for row in query(db_path, "SELECT url FROM articles")) == sorted(
        article.url for article in site.articles), f"seed {seed}"
    runs = [tuple(row) for row in query(db_path, "SELECT status, articles_new FROM runs ORDER BY id")]
    assert all(status == "interrupted" for status, _ in runs[:-1]), f"seed {seed}"
    assert runs[-1] == ("success", 60 - archived_by_killed_runs), f"seed {seed}"  # the rest, nothing twice


def test_sigterm_stops_gracefully_and_records_an_interrupted_run(server, tmp_path):
    db_path = tmp_path / "archive.db"
    crawl = Crawl(server.url, db_path, tmp_path / "term.log")
    crawl.wait_for("Spider opened")
    time.sleep(0.4)
    assert crawl.stop(signal.SIGTERM) == 4, crawl.log()[-3000:]
    check_invariants(db_path, set(STORED.findall(crawl.log())), "SIGTERM")
    run = query(db_path, "SELECT * FROM runs")[0]
    assert (run["status"], run["finish_reason"]) == ("interrupted", "shutdown")
    assert run["articles_new"] == query(db_path, "SELECT count(*) FROM articles")[0][0]
    assert "Run 1: interrupted (shutdown)" in crawl.log()
    assert (tmp_path / "archive.db.lock").read_text() == ""  # released: the next run finds no dead holder
