"""The crawl-run history kept in the ``runs`` table."""

from __future__ import annotations

import json
from datetime import datetime

DETAIL_COLUMNS = ("settings", "stats")  # JSON columns, shown with one run only


def list_runs(db, limit: int | None = None) -> list[dict]:
    """The runs, newest first, with their summary counts and duration in seconds."""
    sql = "SELECT * FROM runs ORDER BY id DESC"
    params: list = []
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    runs = []
    for run in _rows(db, sql, params):
        for column in DETAIL_COLUMNS:
            run.pop(column, None)
        runs.append(_with_duration(run))
    return runs


def run_details(db, run_id: int) -> dict | None:
    """One run with its settings and the full crawler stats, or None."""
    found = _rows(db, "SELECT * FROM runs WHERE id = ?", [run_id])
    if not found:
        return None
    run = _with_duration(found[0])
    for column in DETAIL_COLUMNS:
        run[column] = json.loads(run[column]) if run.get(column) else {}
    return run


def _rows(db, sql: str, params: list) -> list[dict]:
    cursor = db.execute(sql, params)
    names = [description[0] for description in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _with_duration(run: dict) -> dict:
    run["duration_s"] = duration_seconds(run["started_at"], run["finished_at"])
    return run


def duration_seconds(started_at: str | None, finished_at: str | None) -> float | None:
    if not started_at or not finished_at:
        return None
    try:
        return (datetime.fromisoformat(finished_at) - datetime.fromisoformat(started_at)).total_seconds()
    except ValueError:
        return None
