"""Crawl runs: one row per run, started, finished, or found unfinished by the next run.

Functions run inside the caller's transaction (see :class:`~newsarchive.storage.Archive`).
"""

from __future__ import annotations

import os
import socket

from newsarchive.storage.rows import to_json, utc_now

RUNNING, INTERRUPTED = "running", "interrupted"
UNFINISHED = "unfinished"  # finish reason of a run found still "running" by a later run

# runs columns filled from the crawler stats at the end of a run
RUN_STATS_COLUMNS = {
    "pages_fetched": "response_received_count",
    "pages_not_modified": "downloader/response_status_count/304",
    "pages_failed": "newsarchive/fetch_failed",
    "articles_new": "newsarchive/articles_new",
    "articles_updated": "newsarchive/articles_updated",
    "articles_unchanged": "newsarchive/articles_unchanged",
    "articles_merged": "newsarchive/articles_merged",
    "articles_removed": "newsarchive/articles_removed",
    "errors": "log_count/ERROR",
}


def start_run(db, spider: str, settings: dict) -> int:
    runs = db["runs"]
    runs.insert({"spider": spider, "started_at": utc_now(), "status": RUNNING, "settings": to_json(settings),
                 "pid": os.getpid(), "host": socket.gethostname()})
    return runs.last_rowid


def finish_run(db, run_id: int, *, status: str, finish_reason: str | None, stats: dict) -> None:
    summary = {column: _int(stats.get(key, 0)) for column, key in RUN_STATS_COLUMNS.items()}
    db["runs"].update(run_id, {
        "finished_at": utc_now(), "status": status, "finish_reason": finish_reason,
        "stats": to_json(dict(sorted(stats.items()))), **summary,
    })


def close_unfinished_runs(db) -> list[dict]:
    """Mark ``interrupted`` the runs still ``running``: only call it while holding the archive lock."""
    unfinished = [dict(row) for row in db.query(
        "SELECT id, spider, started_at, pid, host FROM runs WHERE status = ? ORDER BY id", [RUNNING])]
    db.execute("UPDATE runs SET status = ?, finish_reason = coalesce(finish_reason, ?) WHERE status = ?",
               [INTERRUPTED, UNFINISHED, RUNNING])
    return unfinished


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
