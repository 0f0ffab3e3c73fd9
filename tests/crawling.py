"""Run ``scrapy crawl`` in a subprocess, as a user would, and read what it left in the archive."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAST_LOCAL = ("-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=1")


def crawl_command(spider: str, base_url: str, db_path: Path, *extra: str) -> list[str]:
    """``scrapy crawl SPIDER -a base_url=... -s NEWSARCHIVE_DB=...`` with the fast local settings."""
    return [sys.executable, "-m", "scrapy", "crawl", spider, "-a", f"base_url={base_url}",
            "-s", f"NEWSARCHIVE_DB={db_path}", *FAST_LOCAL, *extra]


def crawl_environment() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key != "NEWSARCHIVE_DB"}


def run_crawl(spider: str, base_url: str, db_path: Path, *extra: str, timeout: float = 180) -> subprocess.CompletedProcess:
    """Run a crawl from the project root to its end."""
    return subprocess.run(crawl_command(spider, base_url, db_path, *extra), cwd=ROOT, env=crawl_environment(),
                          capture_output=True, text=True, timeout=timeout)


def start_crawl(spider: str, base_url: str, db_path: Path, *extra: str, stderr, env: dict | None = None) -> subprocess.Popen:
    """Start a crawl in the background, its log going to ``stderr`` (an open file)."""
    return subprocess.Popen(crawl_command(spider, base_url, db_path, *extra), cwd=ROOT,
                            env={**crawl_environment(), **(env or {})}, stdout=subprocess.DEVNULL, stderr=stderr)


def query(db_path: Path, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
    with sqlite3.connect(db_path) as connection:
        connection.row_factory = sqlite3.Row
        return connection.execute(sql, params).fetchall()


def last_run_stats(db_path: Path) -> dict:
    rows = query(db_path, "SELECT stats FROM runs ORDER BY id DESC LIMIT 1")
    return json.loads(rows[0]["stats"]) if rows else {}
