"""The SQLite archive: opening it, writing batches of articles, crawl runs, incremental state."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from newsarchive.storage import incremental, runs, stems
from newsarchive.storage.incremental import ArticleState, NotModified
from newsarchive.storage.connection import connect, connect_read_only, damaged_message
from newsarchive.storage.migrations import MIGRATION_SET, NewerSchema, apply_migrations, check_not_newer, migrations
from newsarchive.storage.raw import decompress
from newsarchive.storage.rows import build_rows, canonical_or_none
from newsarchive.storage.save_result import SaveResult
from newsarchive.storage.writer import ArticleWriter

logger = logging.getLogger(__name__)

DEFAULT_BUSY_TIMEOUT = 30.0  # seconds a writer waits for another one to finish


class ArchiveError(Exception):
    """The archive cannot do what was asked."""


class ArchiveUnavailable(ArchiveError):
    """The archive cannot be opened or written (missing, unwritable, locked, corrupt)."""


class ArchiveDamaged(ArchiveUnavailable):
    """The file is a damaged SQLite database (a disk error, a file cut or overwritten)."""


class ForeignDatabase(ArchiveUnavailable):
    """The file is an SQLite database, but not a newsarchive archive."""


class Archive:
    """A newsarchive SQLite archive. ``Archive.open(path)`` connects; use it as a context manager."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.db: Database | None = None

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
             read_only: bool = False, check: bool = False) -> Archive:
        """Connect to the archive at ``path``, creating it (and its directory) when ``create`` is true.

        ``read_only`` opens an existing archive for reading only (one on a read-only filesystem);
        ``check`` runs SQLite's ``quick_check`` first (a damaged archive raises :class:`ArchiveDamaged`).
        An archive written by a newer newsarchive is refused (:class:`ArchiveUnavailable`)."""
        archive = cls(path)
        archive.connect(create=create and not read_only, busy_timeout=busy_timeout, read_only=read_only,
                        check=check)
        return archive

    def connect(self, *, create: bool = True, busy_timeout: float = DEFAULT_BUSY_TIMEOUT, read_only: bool = False,
                check: bool = False) -> None:
        if not create and not self.path.is_file():
            raise ArchiveUnavailable(f"no archive at {self.path}")
        try:
            self.db = connect_read_only(self.path) if read_only else connect(self.path, busy_timeout)
            if check:
                self._quick_check()
            self._check_is_archive()
            check_not_newer(self.db)
            applied = self._pending_names() if read_only else apply_migrations(self.db)
            if not read_only:
                self._restem_edited_articles()
        except NewerSchema as exc:
            self.close()
            raise ArchiveUnavailable(f"cannot use the archive {self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            self.close()
            damage = damaged_message(exc)
            if damage:
                raise ArchiveDamaged(f"the archive {self.path} is damaged ({damage})") from exc
            raise ArchiveUnavailable(f"cannot open the archive {self.path}: {exc}") from exc
        except OSError as exc:
            self.close()
            raise ArchiveUnavailable(f"cannot open the archive {self.path}: {exc}") from exc
        except ArchiveError:
            self.close()
            raise
        if applied and read_only:
            self.close()
            raise ArchiveUnavailable(f"the archive {self.path} needs upgrading to this newsarchive's schema "
                                     f"({applied[-1]}) and can only be read: open it once with write access")
        if applied:
            logger.info("Archive %s: applied migrations %s", self.path, ", ".join(applied))

    def _quick_check(self) -> None:
        problems = [row[0] for row in self.database.execute("PRAGMA quick_check(3)")]
        if problems != ["ok"]:
            raise ArchiveDamaged(f"the archive {self.path} is damaged (SQLite quick_check: {'; '.join(problems)})")

    def _pending_names(self) -> list[str]:
        return [migration.name for migration in migrations.pending(self.database)]

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def __enter__(self) -> Archive:
        if self.db is None:
            self.connect()
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @property
    def database(self) -> Database:
        if self.db is None:
            raise ArchiveError(f"the archive {self.path} is not open")
        return self.db

    def save_articles(
        self,
        items: Iterable[dict],
        aliases: Iterable[tuple[str, str, str]] = (),
        *,
        not_modified: Iterable[NotModified] = (),
        removed: Iterable[tuple[str, str]] = (),
    ) -> SaveResult:
        """Store a batch in one transaction: all of it, or nothing on error.

        ``items`` are dicts with ``record``, ``raw`` and ``fingerprint`` (see ArticleItem); ``aliases``
        are ``(url, url_of_stored_article, seen_at)`` for duplicates dropped before storage;
        ``not_modified`` are re-checks answered 304; ``removed`` are ``(url, when)`` of pages that
        answered 404/410. The result counts what was committed.
        """
        result, stored = SaveResult(), []
        with self.write_transaction() as db:
            writer = ArticleWriter(db)
            for item in items:
                rows = build_rows(item)
                outcome = writer.save(rows)
                result.count(outcome)
                stored.append((outcome, rows.url))
            for url, target_url, seen_at in aliases:
                self._add_alias(writer, url, target_url, seen_at)
            result.not_modified = sum(self._touch(writer, page) for page in not_modified)
            result.removed = sum(self._remove(writer, url, when) for url, when in removed)
        for outcome, url in stored:
            logger.debug("Stored (%s): %s", outcome, url)
        return result

    @contextmanager
    def write_transaction(self) -> Iterator[Database]:
        """A write transaction started with ``BEGIN IMMEDIATE``: the write lock is taken first (waiting
        up to the busy timeout for another writer), so a batch never fails half-way for want of it."""
        db = self.database
        if db.conn.in_transaction:
            with db.atomic():
                yield db
            return
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.conn.rollback()
            raise
        try:
            db.conn.execute("COMMIT")
        except BaseException:
            db.conn.rollback()
            raise

    def _add_alias(self, writer: ArticleWriter, url: str, target_url: str, seen_at: str) -> None:
        article_id = writer.find_by_url(_url_variants(target_url))
        if article_id is None:
            logger.warning("Cannot record %s: no stored article at %s", url, target_url)
            return
        writer.record_urls(article_id, _url_variants(url), seen_at)

    def article_id(self, url: str) -> int | None:
        """The id of the article stored under ``url`` (any URL it was reached under), or None."""
        return ArticleWriter(self.database).find_by_url(_url_variants(url))

    def raw_page(self, article_id: int) -> dict | None:
        """The stored raw page of an article, body decompressed, or None."""
        row = self.database.execute(
            "SELECT url, final_url, status, headers, fetched_at, encoding, extractor_site, body, compression "
            "FROM raw_pages WHERE article_id = ?", [article_id]).fetchone()
        if row is None:
            return None
        fields = ("url", "final_url", "status", "headers", "fetched_at", "encoding", "extractor_site")
        page = dict(zip(fields, row[:7], strict=True))
        page["headers"] = _json_loads(page["headers"]) or {}
        page["body"] = decompress(row[7], row[8])
        return page

    def start_run(self, spider: str, settings: dict) -> int:
        """Record the start of a crawl run (with this process id and host); returns its id."""
        with self.write_transaction() as db:
            return runs.start_run(db, spider, settings)

    def finish_run(self, run_id: int, *, status: str, finish_reason: str | None, stats: dict) -> None:
        """Record the end of a crawl run with the crawler stats."""
        with self.write_transaction() as db:
            runs.finish_run(db, run_id, status=status, finish_reason=finish_reason, stats=stats)

    def close_unfinished_runs(self) -> list[dict]:
        """Mark ``interrupted`` the runs left ``running`` by killed crawls; returns them.

        Only correct while holding the archive lock (:mod:`newsarchive.runs.lock`): then no other run is live.
        """
        with self.write_transaction() as db:
            return runs.close_unfinished_runs(db)

    def crawl_state(self, site: str) -> dict[str, ArticleState]:
        """Every URL of the site's stored articles -> the state an incremental crawl decides on."""
        return incremental.crawl_state(self.database, site)

    def mark_removed(self, url: str, when: str) -> bool:
        """Mark the article at ``url`` removed since ``when`` (kept, never deleted); False if unknown."""
        with self.write_transaction() as db:
            article_id = ArticleWriter(db).find_by_url(_url_variants(url))
            if article_id is None:
                return False
            incremental.mark_removed(db, article_id, when)
        return True

    def touch_not_modified(self, url: str, seen_at: str, sitemap_lastmod: str | None = None) -> bool:
        """Record that the article at ``url`` answered 304 at ``seen_at``; False if unknown."""
        with self.write_transaction() as db:
            return self._touch(ArticleWriter(db), NotModified(url, seen_at, sitemap_lastmod))

    def _touch(self, writer: ArticleWriter, page: NotModified) -> bool:
        article_id = writer.find_by_url(_url_variants(page.url))
        if article_id is None:
            logger.warning("Not modified, but not in the archive: %s", page.url)
            return False
        incremental.touch_not_modified(writer.db, article_id, page)
        return True

    def _remove(self, writer: ArticleWriter, url: str, when: str) -> bool:
        """True when the article at ``url`` is newly marked removed."""
        article_id = writer.find_by_url(_url_variants(url))
        return article_id is not None and incremental.mark_removed(writer.db, article_id, when)

    def _restem_edited_articles(self) -> None:
        """Stem the articles whose stems the triggers dropped (their text was changed by another client)."""
        if stems.missing_count(self.database) > 0:
            with self.write_transaction() as db:
                restemmed = stems.restem_missing(db)
            logger.info("Archive %s: stemmed %d articles edited outside newsarchive", self.path, restemmed)

    def _check_is_archive(self) -> None:
        tables = set(self.database.table_names())
        if not tables or (tables <= {migrations.migrations_table}):
            return
        if migrations.migrations_table in tables and migrations.applied(self.database):
            return
        raise ForeignDatabase(
            f"{self.path} is an SQLite database but not a {MIGRATION_SET} archive "
            f"(tables: {', '.join(sorted(tables)[:5])}{', ...' if len(tables) > 5 else ''})")


def _url_variants(url: str) -> list[str]:
    """The canonical form of ``url`` first (when it has one), then ``url`` itself."""
    return list(dict.fromkeys(variant for variant in (canonical_or_none(url), url) if variant))


def _json_loads(text: str | None):
    return json.loads(text) if text else None

