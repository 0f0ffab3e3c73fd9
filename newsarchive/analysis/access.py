"""Opening an existing archive for the analysis commands, with errors a person can act on."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsarchive.storage import Archive, ArchiveUnavailable, default_archive


class AnalysisError(Exception):
    """A request the analysis commands cannot serve (missing archive, bad query, bad option)."""


def default_db() -> str:
    """The archive the spider writes: ``$NEWSARCHIVE_DB``, else the project's (:mod:`newsarchive.storage.location`)."""
    return os.environ.get("NEWSARCHIVE_DB") or str(default_archive())


@contextmanager
def open_archive(path: str | Path) -> Iterator[Archive]:
    """The existing archive at ``path``, closed on exit; never creates one.

    Raises AnalysisError when the file is missing, is not SQLite, is an empty database or is
    another application's database.
    """
    path = Path(path)
    check_archive_file(path)
    try:
        archive = Archive.open(path, create=False)
    except ArchiveUnavailable as exc:
        raise AnalysisError(str(exc)) from exc
    try:
        yield archive
    finally:
        archive.close()


def check_archive_file(path: Path) -> None:
    """Raise AnalysisError unless ``path`` is an SQLite file that already holds tables."""
    if not path.is_file():
        raise AnalysisError(f"no archive at {path} (crawl first, or choose one with --db or NEWSARCHIVE_DB)")
    try:
        with _read_only(path) as connection:
            tables = connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise AnalysisError(f"{path} is not a newsarchive archive: {exc}") from exc
    if not tables:
        raise AnalysisError(f"{path} is an empty database, not a newsarchive archive")


@contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        yield connection
    finally:
        connection.close()
