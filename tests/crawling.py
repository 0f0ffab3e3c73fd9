"""Run ``scrapy crawl`` in a subprocess, as a user would, and read what it left in the archive."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from scrapy import Spider
from scrapy.addons import AddonManager
from scrapy.crawler import Crawler
from scrapy.settings import Settings

from newsarchive import settings as project_settings_module
from newsarchive.storage.raw import decompress

ROOT = Path(__file__).resolve().parents[1]
FAST_LOCAL = ("-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=1")


def project_settings(**overrides) -> dict:
    """The project's settings (whose defaults live in newsarchive.settings only), ``overrides`` over them:
    for components built in a test as ``scrapy crawl`` builds them."""
    names = (name for name in dir(project_settings_module) if name.isupper())
    return {**{name: getattr(project_settings_module, name) for name in names}, **overrides}


def crawl_settings(**cmdline) -> Settings:
    """The settings of ``scrapy crawl -s NAME=VALUE ...``: the project's, ``cmdline`` over them, then the add-ons'."""
    settings = Settings()
    settings.setmodule("newsarchive.settings", priority="project")
    settings.setdict(cmdline, priority="cmdline")
    AddonManager(Crawler(Spider, settings)).load_settings(settings)  # as the crawler does before its start
    return settings


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


def successful_crawl(spider: str, base_url: str, db_path: Path, *extra: str,
                     timeout: float = 180) -> subprocess.CompletedProcess:
    """Run a crawl to its end (:func:`run_crawl`) and assert that it succeeded (exit status 0), with the end
    of its log in the message."""
    result = run_crawl(spider, base_url, db_path, *extra, timeout=timeout)
    assert result.returncode == 0, f"exit status {result.returncode}: {result.stderr[-3000:]}"
    return result


def start_crawl(spider: str, base_url: str, db_path: Path, *extra: str, stderr, env: dict | None = None) -> subprocess.Popen:
    """Start a crawl in the background, its log going to ``stderr`` (an open file)."""
    return subprocess.Popen(crawl_command(spider, base_url, db_path, *extra), cwd=ROOT,
                            env={**crawl_environment(), **(env or {})}, stdout=subprocess.DEVNULL, stderr=stderr)


def crawled_urls(stderr: str) -> list[str]:
    """URLs of the ``Crawled (...) <GET url>`` DEBUG lines."""
    return [line.split("<GET ", 1)[1].split(">", 1)[0] for line in stderr.splitlines() if "Crawled (" in line]


def query(db_path: Path, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
    with sqlite3.connect(db_path) as connection:
        connection.row_factory = sqlite3.Row
        return connection.execute(sql, params).fetchall()


def has_schema(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'articles'").fetchone()[0] == 1


def articles_in(db_path: Path) -> int:
    """Articles stored so far: none before the archive's file exists, nor while its tables are in the making (a crawl
    or a writer creates the file first)."""
    if not db_path.exists():
        return 0
    with sqlite3.connect(db_path) as connection:
        return connection.execute("SELECT count(*) FROM articles").fetchone()[0] if has_schema(connection) else 0


def last_run_stats(db_path: Path) -> dict:
    rows = query(db_path, "SELECT stats FROM runs ORDER BY id DESC LIMIT 1")
    return json.loads(rows[0]["stats"]) if rows else {}


# When, not what: times of the crawl, row ids, and the sitemap lastmod, kept only when the sitemap
# rather than a listing was the first to lead the crawl to the page (a race of any crawl).
TIME_COLUMNS = frozenset({"id", "article_id", "first_seen", "last_seen", "fetched_at", "sitemap_lastmod"})


def archive_content(db_path: Path) -> dict[str, dict]:
    """What the archive holds of each article, keyed by its URL, without the times of the crawl and
    the row ids: its columns, its URLs, body sections, captions, tags, authors, raw page body, French stems
    and MinHash signature."""
    content = {}
    for row in query(db_path, "SELECT * FROM articles"):
        article = {name: row[name] for name in row.keys() if name not in TIME_COLUMNS}
        for table, order in (("sections", "position"), ("captions", "position"), ("article_urls", "url")):
            rows = query(db_path, f"SELECT * FROM {table} WHERE article_id = ? ORDER BY {order}", (row["id"],))
            article[table] = [{name: item[name] for name in item.keys() if name not in TIME_COLUMNS} for item in rows]
        article["tags"] = [tag["name"] for tag in query(
            db_path, "SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id "
                     "WHERE x.article_id = ? ORDER BY x.position", (row["id"],))]
        article["authors"] = [author["name"] for author in query(
            db_path, "SELECT n.name FROM article_authors x JOIN authors n ON n.id = x.author_id "
                     "WHERE x.article_id = ? ORDER BY x.position", (row["id"],))]
        stems = query(db_path, "SELECT headline, lead, body FROM article_stems WHERE article_id = ?", (row["id"],))
        article["stems"] = [tuple(stem) for stem in stems]
        signature = query(db_path, "SELECT signature FROM article_minhashes WHERE article_id = ?", (row["id"],))
        article["minhash"] = signature[0]["signature"] if signature else None
        raw = query(db_path, "SELECT body, compression FROM raw_pages WHERE article_id = ?", (row["id"],))
        article["raw_body"] = decompress(raw[0]["body"], raw[0]["compression"]) if raw else None
        content[row["url"]] = article
    return content
