"""A crawl killed at any moment leaves a consistent archive that the next run completes.

Crawls of a 60-article site are killed with SIGKILL at random points (the seed is printed, and
``KILL_SEED=N`` replays a run); after each kill the archive must pass SQLite's and FTS5's integrity
checks and hold every article the killed run reported stored; a last run completes it, each article
stored once. A kill may land before the schema exists: the archive then holds no table of its own
(migrations are atomic), which is a valid state that the next run completes.
A SIGTERM stops a crawl gracefully: batch flushed, run recorded as interrupted, exit status 4.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import time

import pytest
from crawling import ROOT, articles_in, has_schema, query, run_crawl, start_crawl
from mockserver import MockServer

from newsarchive import settings as project_settings
from newsarchive.sample_site import SampleSite
from newsarchive.storage.migrations import migrations

KILLS = 3
TESTS = ROOT / "tests"
STORED = re.compile(r"Stored \((?:new|updated|unchanged|merged)\): (\S+)")


@pytest.fixture(scope="module")
def server():
    with MockServer(articles=60) as started:
        yield started


class Crawl:
    """``scrapy crawl onemedia`` in the background, logging at DEBUG to a file, small batches."""

    def __init__(self, base_url: str, db_path, log_path, *extra: str, env: dict | None = None):
        self.log_path = log_path
        with open(log_path, "w") as log:
            self.process = start_crawl("onemedia", base_url, db_path, "-s", "NEWSARCHIVE_BATCH_SIZE=4",
                                       "-s", "LOG_LEVEL=DEBUG", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2", *extra,
                                       stderr=log, env=env)

    def wait_for(self, text: str, timeout: float = 120) -> None:
        # Ends as soon as the text is logged: the bound only has to outlast a crawl's start on a crowded machine.
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


def environment_with_tests() -> dict:
    """The environment of a crawl that loads test extensions (tests/held_opening.py)."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(TESTS), os.environ.get("PYTHONPATH")]))}


def check_invariants(db_path, reported: set[str], context: str) -> None:
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",), context
        if not has_schema(connection):  # killed before the first migration committed
            tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            assert tables <= {migrations.migrations_table}, f"{context}: a half-made schema: {sorted(tables)}"
            assert reported == set(), f"{context}: reported stored with no schema"
            return
        connection.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")  # raises if corrupt
        stored = {url for (url,) in connection.execute("SELECT url FROM article_urls")}
        twice = connection.execute("SELECT fingerprint FROM articles WHERE fingerprint IS NOT NULL "
                                   "GROUP BY site, fingerprint HAVING count(*) > 1").fetchall()
    assert reported <= stored, f"{context}: reported stored but lost: {sorted(reported - stored)[:3]}"
    assert twice == [], context


def kill_delays(rng: random.Random) -> list[float]:
    """Seconds after "Spider opened": the first kill early (while the schema may be in the making), the others anywhere."""
    return [rng.uniform(0.0, 0.1)] + [rng.uniform(0.0, 1.0) for _ in range(KILLS - 1)]


def test_sigkill_at_random_points_loses_nothing_and_the_next_run_completes(server, tmp_path):
    seed = int(os.environ.get("KILL_SEED") or random.randrange(10**6))
    print(f"KILL_SEED={seed}")  # shown with the failure; set it to replay this run
    rng = random.Random(seed)
    db_path = tmp_path / "archive.db"
    for kill, delay in enumerate(kill_delays(rng)):
        crawl = Crawl(server.url, db_path, tmp_path / f"kill{kill}.log")
        crawl.wait_for("Spider opened")
        time.sleep(delay)
        crawl.stop(signal.SIGKILL)
        context = f"seed {seed}, kill {kill} after {delay:.3f} s"
        reported = set(STORED.findall(crawl.log()))
        if db_path.exists():
            check_invariants(db_path, reported, context)

    archived_by_killed_runs = articles_in(db_path)
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
    crawl.wait_for("Stored (new)")  # under way
    assert crawl.stop(signal.SIGTERM) == 4, crawl.log()[-3000:]
    check_invariants(db_path, set(STORED.findall(crawl.log())), "SIGTERM")
    run = query(db_path, "SELECT * FROM runs")[0]
    assert (run["status"], run["finish_reason"]) == ("interrupted", "shutdown")
    assert run["articles_new"] == query(db_path, "SELECT count(*) FROM articles")[0][0]
    assert "Run 1: interrupted (shutdown)" in crawl.log()
    assert (tmp_path / "archive.db.lock").read_text() == ""  # released: the next run finds no dead holder


def test_sigterm_between_the_archive_lock_and_the_crawl_start_is_an_interruption(server, tmp_path):
    """Before Scrapy handles signals (once its reactor runs), a SIGTERM is noted, then handed to Scrapy."""
    db_path = tmp_path / "archive.db"
    crawl = Crawl(server.url, db_path, tmp_path / "start.log", "-s", "TWISTED_DNS_RESOLVER=held_opening.HeldResolver",
                  env=environment_with_tests())
    crawl.wait_for("Start held")
    assert (tmp_path / "archive.db.lock").read_text() != ""  # taken
    assert crawl.stop(signal.SIGTERM) == 4, crawl.log()[-3000:]
    assert "Received SIGTERM, shutting down gracefully" in crawl.log()
    assert [tuple(run) for run in query(db_path, "SELECT status, finish_reason FROM runs")] == [
        ("interrupted", "shutdown")]
    assert (tmp_path / "archive.db.lock").read_text() == ""


def test_sigterm_while_the_spider_is_still_opening_records_an_interrupted_run(server, tmp_path):
    """Scrapy stops the reactor without closing a spider that is still opening; the run is recorded all the same."""
    db_path = tmp_path / "archive.db"
    extensions = json.dumps({**project_settings.EXTENSIONS, "held_opening.HeldOpening": 0})  # beside the project's
    crawl = Crawl(server.url, db_path, tmp_path / "opening.log", "-s", f"EXTENSIONS={extensions}",
                  env=environment_with_tests())
    crawl.wait_for("Opening held")
    assert crawl.stop(signal.SIGTERM) == 4, crawl.log()[-3000:]
    run = query(db_path, "SELECT * FROM runs")[0]
    assert (run["status"], run["finish_reason"], run["articles_new"]) == ("interrupted", "shutdown", 0)
    assert "Run 1: interrupted (shutdown)" in crawl.log()
    assert (tmp_path / "archive.db.lock").read_text() == ""
