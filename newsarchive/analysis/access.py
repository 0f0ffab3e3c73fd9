"""Opening an existing archive for the analysis commands, with errors a person can act on."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsarchive.runs.lock import ArchiveLock
from newsarchive.storage import Archive, ArchiveDamaged, ArchiveUnavailable, ForeignDatabase, default_archive
from newsarchive.storage.connection import connect_read_only, damaged_message

logger = logging.getLogger(__name__)


class AnalysisError(Exception):
    """A request the analysis commands cannot serve (missing archive, bad query, bad option)."""


def default_db() -> str:
    """The archive the spider writes: ``$NEWSARCHIVE_DB``, else the project's (:mod:`newsarchive.storage.location`)."""
    return os.environ.get("NEWSARCHIVE_DB") or str(default_archive())


@contextmanager
def open_archive(path: str | Path, *, writable: bool = False) -> Iterator[Archive]:
    """The existing archive at ``path``, closed on exit; never creates one.

    An archive that cannot be opened for writing (a read-only filesystem) is opened read-only, unless
    the command needs ``writable``. Raises AnalysisError when the file is missing, is not SQLite, is
    damaged, is an empty database, is another application's database or was written by a newer newsarchive.
    """
    path = Path(path)
    check_archive_file(path)
    try:
        archive = Archive.open(path, create=False)
    except (ArchiveDamaged, ForeignDatabase) as exc:
        raise AnalysisError(str(exc)) from exc
    except ArchiveUnavailable as exc:
        if writable:
            raise AnalysisError(str(exc)) from exc
        archive = _read_only_archive(path, exc)
    try:
        yield archive
    finally:
        archive.close()


def _read_only_archive(path: Path, write_error: ArchiveUnavailable) -> Archive:
    try:
        archive = Archive.open(path, read_only=True)
    except ArchiveUnavailable as exc:
        raise AnalysisError(str(exc) if "newer" in str(exc) or "upgrading" in str(exc) else str(write_error)) from exc
    logger.info("%s cannot be written (%s): opened read-only", path, write_error)
    return archive


@contextmanager
def writing_lock(path: str | Path, wait: float, *, skip: bool = False) -> Iterator[ArchiveLock | None]:
    """The archive lock for a command that writes (None when ``skip``): taken, waiting up to ``wait``
    seconds, released on exit; raises :class:`~newsarchive.runs.lock.ArchiveLocked` when another run holds it."""
    if skip:
        yield None
        return
    try:
        lock = ArchiveLock.for_archive(path).acquire(wait)
    except OSError as exc:
        raise AnalysisError(f"cannot take the archive lock of {path}: {exc.strerror or exc}") from exc
    try:
        yield lock
    finally:
        lock.release()


def check_archive_file(path: Path) -> None:
    """Raise AnalysisError unless ``path`` is an SQLite file that already holds tables."""
    if not path.is_file():
        raise AnalysisError(f"no archive at {path} (crawl first, or choose one with --db or NEWSARCHIVE_DB)")
    try:
        db = connect_read_only(path)
        try:
            tables = db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        damage = damaged_message(exc)
        if damage:
            raise AnalysisError(f"the archive {path} is damaged ({damage})") from exc
        raise AnalysisError(f"{path} is not a newsarchive archive: {exc}") from exc
    if not tables:
        raise AnalysisError(f"{path} is an empty database, not a newsarchive archive")
