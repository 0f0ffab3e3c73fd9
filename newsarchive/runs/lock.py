"""One crawl at a time per archive: an exclusive lock on ``<archive>.lock``.

The lock is an ``flock`` on that file, so the operating system releases it when the process holding
it dies, however it dies: a lock left by a killed run is free, and the next run takes it over. The
file names its holder (pid, host, start time, command line) for the message a refused run prints;
a holder that ends normally empties it, so a name found there by the next holder is a run that was
killed (:attr:`ArchiveLock.previous`).

``scrapy crawl`` takes the lock before the crawl starts (waiting for it if asked) and reserves it
for the crawl's run extension (:mod:`newsarchive.runs.extension`), which takes it with
:func:`lock_for_crawl` (and takes it itself when run otherwise). The commands that write to an archive outside a crawl (``newsarchive reextract``...)
take it too. The lock is keyed on the real file: a symbolic link to an archive locks the archive.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import socket
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

logger = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"
POLL_INTERVAL = 0.5  # seconds between two attempts while waiting for the lock
COMMAND_LENGTH = 300  # characters of the holder's command line kept in the lock file


@dataclass(frozen=True)
class LockHolder:
    pid: int | None = None
    host: str | None = None
    started_at: str | None = None
    command: str | None = None

    @classmethod
    def current(cls) -> LockHolder:
        return cls(os.getpid(), socket.gethostname(), datetime.now(timezone.utc).isoformat(timespec="seconds"),
                   command_line()[:COMMAND_LENGTH])

    @classmethod
    def parse(cls, text: str) -> LockHolder | None:
        """The holder written in a lock file, None when the file is empty or unreadable."""
        try:
            values = json.loads(text)
        except ValueError:
            return None
        if not isinstance(values, dict):
            return None
        return cls(**{name: values.get(name) for name in ("pid", "host", "started_at", "command")})

    def describe(self) -> str:
        where = f" on {self.host}" if self.host else ""
        since = f", started {self.started_at}" if self.started_at else ""
        command = f": {self.command}" if self.command else ""
        return f"pid {self.pid}{where}{since}{command}"


def command_line() -> str:
    """The command this process was started with, as typed: ``scrapy crawl onemedia ...`` (Scrapy removes the
    command's name from ``sys.argv``, so it is read from ``sys.orig_argv``), the interpreter left out before a
    script (``.venv/bin/scrapy``) and kept before its options (``python -m scrapy``)."""
    arguments = sys.orig_argv
    if len(arguments) > 1 and not arguments[1].startswith("-"):
        arguments = arguments[1:]
    return " ".join(arguments)


class ArchiveLocked(Exception):
    """Another process holds the lock of the archive."""

    def __init__(self, path: Path, holder: LockHolder | None):
        self.path = path
        self.holder = holder
        who = holder.describe() if holder else "a process that has not written its name yet"
        super().__init__(f"another run holds the archive lock {path} ({who})")


def lock_path(archive: str | Path) -> Path:
    """``data/archive.db`` -> ``/abs/path/data/archive.db.lock``, next to the real file: the archive's path is
    resolved (symbolic links followed, ``..`` removed), so that every path to one archive gives one lock."""
    return Path(f"{os.path.realpath(os.path.expanduser(archive))}{LOCK_SUFFIX}")


class ArchiveLock:
    """The lock of one archive. ``acquire()`` it (re-entrant within the object), ``release()`` it once
    per ``acquire()``; usable as a context manager."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.previous: LockHolder | None = None  # holder named in the file when taken: a killed run
        self._file = None
        self._holds = 0

    @classmethod
    def for_archive(cls, archive: str | Path) -> ArchiveLock:
        return cls(lock_path(archive))

    @property
    def held(self) -> bool:
        return self._holds > 0

    def acquire(self, wait: float = 0.0) -> ArchiveLock:
        """Take the lock, waiting up to ``wait`` seconds for it; raises :class:`ArchiveLocked`.

        Raises OSError when the lock file cannot be created (missing or unwritable directory).
        """
        if self._holds:
            self._holds += 1
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_file = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (kept open while held)
        try:
            self._wait_for(lock_file, wait)
            self.previous = LockHolder.parse(_read(lock_file))
            _write(lock_file, json.dumps(asdict(LockHolder.current())))
            if self.previous is not None:
                logger.warning("Took over the archive lock %s from a run that did not finish (%s)",
                               self.path, self.previous.describe())
        except BaseException:
            lock_file.close()
            raise
        self._file, self._holds = lock_file, 1
        return self

    def _wait_for(self, lock_file, wait: float) -> None:
        deadline = time.monotonic() + max(wait, 0.0)
        announced = False
        while not _try_lock(lock_file):
            remaining = deadline - time.monotonic()
            holder = LockHolder.parse(_read(lock_file))
            if remaining <= 0:
                raise ArchiveLocked(self.path, holder)
            if not announced:
                logger.info("Waiting up to %.0f s for the archive lock %s (%s)", remaining, self.path,
                            holder.describe() if holder else "holder unknown")
                announced = True
            time.sleep(min(POLL_INTERVAL, remaining))

    def release(self) -> None:
        if not self._holds:
            return
        self._holds -= 1
        if self._holds:
            return
        _RESERVED.pop(_key(self.path), None)
        try:
            _write(self._file, "")
        finally:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None

    def __enter__(self) -> ArchiveLock:
        return self.acquire()

    def __exit__(self, *exc_info) -> None:
        self.release()


_RESERVED: dict[Path, ArchiveLock] = {}


def reserve(lock: ArchiveLock) -> None:
    """Hand a held lock over to the next :func:`lock_for_crawl` of its archive in this process."""
    if not lock.held:
        raise ValueError(f"cannot reserve {lock.path}: not held")
    _RESERVED[_key(lock.path)] = lock


def lock_for_crawl(archive: str | Path, wait: float = 0.0) -> ArchiveLock:
    """The lock of ``archive`` for one crawl: the one reserved for it in this process if any (each
    reservation serves one crawl), else newly acquired. Call ``release()`` when the crawl ends."""
    path = lock_path(archive)
    reserved = _RESERVED.pop(_key(path), None)
    if reserved is not None and reserved.held:
        return reserved.acquire()
    return ArchiveLock(path).acquire(wait)


def _key(path: Path) -> Path:
    return path.expanduser().resolve()


def _try_lock(lock_file) -> bool:
    try:
        fcntl.flock(lock_file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _read(lock_file) -> str:
    lock_file.seek(0)
    return lock_file.read()


def _write(lock_file, text: str) -> None:
    lock_file.seek(0)
    lock_file.truncate()
    lock_file.write(text)
    lock_file.flush()
