"""Writes one article into the archive, inside the caller's transaction.

An incoming article is matched against the archive by its canonical URL, then by any URL it was
reached under, then by its content fingerprint on the same site. A match by URL is the same
article seen again (updated when its content changed, touched otherwise); a match by fingerprint
is the same content published under another URL: the URL is recorded, no row is added. A new or
changed article is placed among the near-duplicate clusters (newsarchive.clusters).
"""

from __future__ import annotations

import json
import logging

from newsarchive.storage.derived import TextDerivatives, signed_text
from newsarchive.storage.rows import CONTENT_FIELDS, SCALAR_FIELDS, ArticleRows, tag_slug, to_json
from newsarchive.storage.stems import STEMMED_COLUMNS, store_stems

logger = logging.getLogger(__name__)

NEW, UPDATED, UNCHANGED, MERGED = "new", "updated", "unchanged", "merged"

# Columns refreshed on every fetch, even when the content is unchanged (they stay out of revisions).
REFRESHED_COLUMNS = (
    "published_raw", "modified_raw", "word_count", "fingerprint", "sources", "warnings", "extractor_version",
    "access", "truncated", "access_signals", "agencies",
)
CHILD_TABLES = ("sections", "captions", "article_authors", "article_tags")


class ArticleWriter:
    def __init__(self, db):
        self.db = db
        self._near_duplicates = None

    def save(self, rows: ArticleRows) -> str:
        """Store one article; returns what happened: new, updated, unchanged or merged."""
        article_id, by_fingerprint = self.resolve(rows)
        derived = _derived(rows)
        if article_id is None:
            article_id, outcome = self._insert(rows, derived), NEW
        elif by_fingerprint:
            self.db.execute("UPDATE articles SET last_seen = ? WHERE id = ?", [rows.seen_at, article_id])
            outcome = MERGED
        else:
            outcome = self._update_or_touch(article_id, rows, derived)
        self.record_urls(article_id, rows.urls, rows.seen_at)
        if outcome in (NEW, UPDATED):
            signed = None if derived is None else (derived.signature, derived.band_keys)
            self.near_duplicates.place(article_id, signed_text(rows.content_columns), signed)
        if rows.raw_page is not None and outcome != MERGED:
            self._store_raw(article_id, rows.raw_page, replace=outcome != UNCHANGED)
        if rows.version is not None and outcome in (NEW, UPDATED):
            self._add_version(article_id, rows.version)
        return outcome

    @property
    def near_duplicates(self):
        """The archive's near-duplicate clusters (numpy is loaded when first needed)."""
        if self._near_duplicates is None:
            from newsarchive.clusters.index import NearDuplicates

            self._near_duplicates = NearDuplicates(self.db)
        return self._near_duplicates

    def resolve(self, rows: ArticleRows) -> tuple[int | None, bool]:
        """(article id or None, whether it was found by fingerprint rather than by URL)."""
        article_id = self.find_by_url(rows.urls)
        if article_id is not None or not rows.fingerprint:
            return article_id, False
        found = self.db.execute(
            "SELECT id FROM articles WHERE fingerprint = ? AND site = ? ORDER BY id LIMIT 1",
            [rows.fingerprint, rows.site],
        ).fetchone()
        return (found[0], True) if found else (None, False)

    def find_by_url(self, urls: list[str]) -> int | None:
        """The article stored under the first URL (its canonical URL), else under any of the others."""
        found = self.db.execute("SELECT id FROM articles WHERE url = ?", [urls[0]]).fetchone()
        if found:
            return found[0]
        for url in urls:
            found = self.db.execute("SELECT article_id FROM article_urls WHERE url = ?", [url]).fetchone()
            if found:
                return found[0]
        return None

    def record_urls(self, article_id: int, urls: list[str], seen_at: str) -> None:
        for url in urls:
            self.db.execute(
                "INSERT INTO article_urls (url, article_id, first_seen, last_seen) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (url) DO UPDATE SET article_id = excluded.article_id, "
                "last_seen = max(last_seen, excluded.last_seen)",
                [url, article_id, seen_at, seen_at],
            )

    def _insert(self, rows: ArticleRows, derived: TextDerivatives | None) -> int:
        article_id = insert_row(self.db, "articles", {
            "url": rows.url, "site": rows.site, "first_seen": rows.seen_at,
            **rows.content_columns, **rows.fetch_columns,
        })
        self._replace_children(article_id, rows)
        store_stems(self.db, article_id, rows.content_columns, None if derived is None else derived.stems)
        return article_id

    def _update_or_touch(self, article_id: int, rows: ArticleRows, derived: TextDerivatives | None) -> str:
        previous = self.load_content(article_id)
        changed = changed_fields(previous, rows.content)
        if not changed:
            refreshed = {column: rows.content_columns[column] for column in REFRESHED_COLUMNS}
            update_row(self.db, "articles", article_id, {**refreshed, **rows.fetch_columns})
            return UNCHANGED
        update_row(self.db, "articles", article_id, {**rows.content_columns, **rows.fetch_columns})
        self._replace_children(article_id, rows)
        store_stems(self.db, article_id, rows.content_columns, None if derived is None else derived.stems)
        insert_row(self.db, "revisions", {
            "article_id": article_id,
            "seen_at": rows.seen_at,
            "changed_fields": to_json(changed),
            "previous": to_json({field: previous[field] for field in changed}),
        })
        return UPDATED

    def load_content(self, article_id: int) -> dict:
        """The stored values of CONTENT_FIELDS of an article."""
        columns = ", ".join(SCALAR_FIELDS + ("breadcrumb",))
        row = self.db.execute(f"SELECT {columns} FROM articles WHERE id = ?", [article_id]).fetchone()
        content = dict(zip(SCALAR_FIELDS + ("breadcrumb",), row))
        content["breadcrumb"] = json.loads(content["breadcrumb"]) if content["breadcrumb"] else None
        content["authors"] = self._names(
            "SELECT name FROM article_authors JOIN authors ON authors.id = author_id "
            "WHERE article_id = ? ORDER BY position", article_id)
        content["tags"] = self._names(
            "SELECT name FROM article_tags JOIN tags ON tags.id = tag_id "
            "WHERE article_id = ? ORDER BY position", article_id)
        content["sections"] = [
            {"heading": heading, "level": level, "paragraphs": json.loads(paragraphs)}
            for heading, level, paragraphs in self.db.execute(
                "SELECT heading, level, paragraphs FROM sections WHERE article_id = ? ORDER BY position",
                [article_id])
        ]
        content["captions"] = [
            {"text": text, "image_url": image_url, "credit": credit}
            for text, image_url, credit in self.db.execute(
                "SELECT text, image_url, credit FROM captions WHERE article_id = ? ORDER BY position",
                [article_id])
        ]
        return content

    def _names(self, sql: str, article_id: int) -> list[str]:
        return [name for (name,) in self.db.execute(sql, [article_id])]

    def _replace_children(self, article_id: int, rows: ArticleRows) -> None:
        for table in CHILD_TABLES:
            self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        insert_rows(self.db, "sections", [{"article_id": article_id, **section} for section in rows.sections])
        insert_rows(self.db, "captions", [
            {"article_id": article_id, "position": position, **caption}
            for position, caption in enumerate(rows.captions)
        ])
        insert_rows(self.db, "article_authors", [
            {"article_id": article_id, "author_id": self._id_of("authors", "name", {"name": name}),
             "position": position}
            for position, name in enumerate(rows.authors)
        ])
        insert_rows(self.db, "article_tags", [
            {"article_id": article_id, "tag_id": self._id_of("tags", "slug", {"slug": slug, "name": name}),
             "position": position}
            for position, (name, slug) in enumerate(rows.tags)
        ])

    def _id_of(self, table: str, key: str, values: dict) -> int:
        """The id of the row of ``table`` whose unique ``key`` column has the value in ``values``; a row of
        ``values`` is added when there is none (as sqlite-utils' ``lookup``, without its schema checks)."""
        found = self.db.execute(f"SELECT id FROM {table} WHERE {key} = ?", [values[key]]).fetchone()
        return found[0] if found else insert_row(self.db, table, values)

    def _add_version(self, article_id: int, version: dict) -> None:
        self.db.execute(
            "INSERT INTO article_versions (article_id, version, seen_at, url, http_status, warc_file, warc_offset, "
            "warc_length, warc_record_id, warc_payload_digest, extractor_site) SELECT :article_id, "
            "coalesce(max(version), 0) + 1, :seen_at, :url, :http_status, :warc_file, :warc_offset, "
            ":warc_length, :warc_record_id, :warc_payload_digest, :extractor_site "
            "FROM article_versions WHERE article_id = :article_id",
            {"article_id": article_id, **version})

    def _store_raw(self, article_id: int, raw_page: dict, *, replace: bool) -> None:
        record = {"article_id": article_id, **raw_page}
        if replace:  # the new page over the stored one
            updates = ", ".join(f"{column} = excluded.{column}" for column in raw_page)
            insert_row(self.db, "raw_pages", record, f"ON CONFLICT (article_id) DO UPDATE SET {updates}")
        else:
            insert_row(self.db, "raw_pages", record, "ON CONFLICT (article_id) DO NOTHING")


def _derived(rows: ArticleRows) -> TextDerivatives | None:
    """The stems and signature computed ahead for these rows, if they were computed from the texts stored."""
    derived = rows.derived
    if derived is None or not derived.matches({column: rows.content_columns[column] for column in STEMMED_COLUMNS}):
        return None
    return derived


def insert_row(db, table: str, row: dict, conflict: str = "") -> int:
    """Insert ``row`` (column -> SQL value) into ``table``; returns its rowid. ``conflict``: SQL after the
    values (``ON CONFLICT …``). The writer's rows are built for this (newsarchive.storage.rows): no schema
    check or type conversion per call, as sqlite-utils' ``insert`` makes."""
    columns = ", ".join(row)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))}) {conflict}"
    return db.conn.execute(sql, list(row.values())).lastrowid


def insert_rows(db, table: str, rows: list[dict]) -> None:
    """Insert ``rows`` (column -> SQL value) into ``table``, one statement per set of columns."""
    groups: dict[tuple, list[list]] = {}
    for row in rows:
        groups.setdefault(tuple(row), []).append(list(row.values()))
    for columns, values in groups.items():
        db.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                            values)


def update_row(db, table: str, row_id: int, values: dict) -> None:
    """Set ``values`` (column -> SQL value) on the row of ``table`` whose id is ``row_id``."""
    assignments = ", ".join(f"{column} = ?" for column in values)
    db.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*values.values(), row_id])


def changed_fields(previous: dict, current: dict) -> list[str]:
    """The content fields whose values differ (tags compared by slug, so a re-cased label is no change)."""
    return [field for field in CONTENT_FIELDS if _comparable(field, previous.get(field)) != _comparable(
        field, current.get(field))]


def _comparable(field: str, value):
    if field == "tags":
        return [tag_slug(name) for name in value or ()]
    return value
