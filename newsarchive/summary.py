"""A short account of what an archive holds, for the end of a demo crawl."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

COUNTED_TABLES = ("articles", "sections", "captions", "tags", "authors", "article_urls")


def archive_summary(db_path: str | Path) -> dict:
    """Row counts of the main tables and the error counts of the latest crawl run."""
    if not Path(db_path).exists():
        return {"error": f"no archive at {db_path}"}
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as connection:
        counts = {table: _count(connection, table) for table in COUNTED_TABLES}
        counts["errors"] = _latest_run_errors(connection)
    return counts


def _count(connection: sqlite3.Connection, table: str) -> int | None:
    try:
        return connection.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
    except sqlite3.OperationalError:
        return None


def _latest_run_errors(connection: sqlite3.Connection) -> dict:
    try:
        row = connection.execute("SELECT stats FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.OperationalError:
        return {}
    stats = json.loads(row[0]) if row and row[0] else {}
    error_prefixes = ("newsarchive/fetch_failed", "newsarchive/extract_failed", "newsarchive/store_failed",
                      "newsarchive/not_article", "newsarchive/warning/", "newsarchive/empty_body", "log_count/ERROR")
    return {key: value for key, value in sorted(stats.items()) if key.startswith(error_prefixes)}


def format_summary(summary: dict) -> str:
    if "error" in summary:
        return summary["error"]
    lines = [f"Archive summary: {summary['articles']} articles, {summary['sections']} sections, "
             f"{summary['captions']} captions, {summary['tags']} tags, {summary['authors']} authors, "
             f"{summary['article_urls']} URLs"]
    errors = summary["errors"]
    lines.append("Errors and skips: " + (", ".join(f"{k}={v}" for k, v in errors.items()) if errors else "none"))
    return "\n".join(lines)
