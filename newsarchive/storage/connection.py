"""Connections to an archive file: read-write (WAL, full sync, checked writable) or read-only, and the
SQLite errors that mean the file is damaged."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

DAMAGED_SIGNS = ("malformed", "disk I/O error", "database corrupt")
# "disk I/O error"s that say nothing of the file's content: its files beside it (-wal, -shm) or its pages could
# not be written, for want of space (a full disk) or of permission, or locked; the archive can still be read
WRITING_IO_ERRORS = frozenset({
    "SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC", "SQLITE_IOERR_DIR_FSYNC", "SQLITE_IOERR_TRUNCATE",
    "SQLITE_IOERR_SHMOPEN", "SQLITE_IOERR_SHMSIZE", "SQLITE_IOERR_SHMMAP", "SQLITE_IOERR_SHMLOCK",
    "SQLITE_IOERR_LOCK", "SQLITE_IOERR_RDLOCK", "SQLITE_IOERR_UNLOCK", "SQLITE_IOERR_ACCESS",
    "SQLITE_IOERR_NOMEM", "SQLITE_IOERR_DELETE", "SQLITE_IOERR_GETTEMPPATH",
})
# SQLite's page cache per connection (its default is 2 MiB): a search joining thousands of matches with
# their articles, or a large write, reads the same pages again rather than asking the OS for them.
PAGE_CACHE_KIB = 65536


def connect(path: Path, busy_timeout: float) -> Database:
    """A read-write connection (its directory created), checked writable now rather than mid-crawl."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # one thread at a time, not always the one that connected (the crawl's writer thread)
    db = Database(sqlite3.connect(str(path), timeout=busy_timeout, check_same_thread=False))
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
        db.enable_wal()
        db.execute("PRAGMA synchronous = FULL")  # a committed batch survives a power cut, not only a kill
        db.conn.execute("BEGIN IMMEDIATE")  # fails now, not mid-crawl, when the file cannot be written
        db.conn.execute("ROLLBACK")
    except BaseException:
        db.close()
        raise
    return db


def connect_read_only(path: Path) -> Database:
    """A connection that never writes, also on a read-only filesystem (where SQLite cannot create the WAL
    index: the file is then read as immutable)."""
    uri = path.resolve().as_uri()
    immutable = "" if os.access(path.parent, os.W_OK) and os.access(path, os.W_OK) else "&immutable=1"
    db = Database(sqlite3.connect(f"{uri}?mode=ro{immutable}", uri=True))
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        db.close()
        db = Database(sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True))
    db.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
    return db


def damaged_message(error: BaseException) -> str | None:
    """The message of an SQLite error that says the database file is damaged; None for any other error (a full
    disk is no damage)."""
    if not isinstance(error, sqlite3.DatabaseError) or getattr(error, "sqlite_errorname", None) in WRITING_IO_ERRORS:
        return None
    return str(error) if any(sign in str(error) for sign in DAMAGED_SIGNS) else None
