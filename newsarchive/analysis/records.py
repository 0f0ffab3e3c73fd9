"""Stored articles read back as full records: the keys of ``newsarchive extract`` plus archive facts.

Records are read in batches (a page of ``articles`` rows, then their sections, captions, authors,
tags and URLs with one query each), so that iterating over a whole archive keeps memory flat.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator

from newsarchive.analysis.filters import Condition, placeholders
from newsarchive.extraction import record_text
from newsarchive.extraction.record import RECORD_KEYS

ARTICLE_COLUMNS = (
    "id", "url", "site", "headline", "byline", "category", "breadcrumb", "lead", "body", "published",
    "published_raw", "modified", "modified_raw", "language", "image_url", "copyright", "word_count",
    "fingerprint", "sources", "warnings", "first_seen", "last_seen", "fetched_at", "http_status",
    "removed_at", "extractor_version", "access", "truncated", "access_signals", "agencies",
)
_JSON_COLUMNS = {"breadcrumb": list, "sources": dict, "warnings": list, "access_signals": list, "agencies": list}
DEFAULT_BATCH = 500
#: what the archive adds to the keys of ``newsarchive extract``: ``(key, the key it follows)``, and its facts at the end
ARCHIVE_KEYS = (("urls", "canonical_url"), ("cluster_id", "agencies"), ("cluster_similarity", "cluster_id"))
ARCHIVE_FACTS = ("fingerprint", "first_seen", "last_seen", "fetched_at", "http_status", "removed_at", "extractor_version")
NOT_STORED = frozenset({"fallbacks"})  # counted in the crawl's stats (newsarchive/fallback/<field>), not kept


def _stored_keys() -> tuple[str, ...]:
    """The keys of a stored record, in order: the article's id, the record's keys (:data:`RECORD_KEYS`) with the
    archive's own among them, then the archive's facts."""
    keys = [key for key in RECORD_KEYS if key not in NOT_STORED]
    for key, after in ARCHIVE_KEYS:
        keys.insert(keys.index(after) + 1, key)
    return ("id", *keys, *ARCHIVE_FACTS)


STORED_KEYS = _stored_keys()


class ArticleReader:
    """Reads full article records out of an archive database (a sqlite-utils Database)."""

    def __init__(self, db):
        self.db = db

    def record(self, article_id: int) -> dict | None:
        records = self.records([article_id])
        return records[0] if records else None

    def records(self, ids: list[int]) -> list[dict]:
        """The records of the articles ``ids`` (unknown ids left out), in the order of ``ids``."""
        if not ids:
            return []
        columns = ", ".join(f"a.{name}" for name in ARTICLE_COLUMNS)
        rows = self.db.execute(f"SELECT {columns} FROM articles a WHERE a.id IN ({placeholders(ids)})", ids).fetchall()
        by_id = {row[0]: row for row in rows}
        return self._assemble([by_id[article_id] for article_id in ids if article_id in by_id])

    def count(self, condition: Condition) -> int:
        return self.db.execute(f"SELECT count(*) FROM articles a WHERE {condition.sql}",
                               condition.params).fetchone()[0]

    def iter_batches(self, condition: Condition, batch_size: int = DEFAULT_BATCH,
                     limit: int | None = None) -> Iterator[list[dict]]:
        """Records of the articles matching ``condition`` in id order, ``batch_size`` at a time."""
        columns = ", ".join(f"a.{name}" for name in ARTICLE_COLUMNS)
        sql = f"SELECT {columns} FROM articles a WHERE {condition.sql} AND a.id > ? ORDER BY a.id LIMIT ?"
        last_id, remaining = 0, limit
        while remaining is None or remaining > 0:
            size = batch_size if remaining is None else min(batch_size, remaining)
            rows = self.db.execute(sql, [*condition.params, last_id, size]).fetchall()
            if not rows:
                return
            last_id = rows[-1][0]
            remaining = None if remaining is None else remaining - len(rows)
            yield self._assemble(rows)

    def _assemble(self, rows: list[tuple]) -> list[dict]:
        ids = [row[0] for row in rows]
        children = self._children(ids)
        return [_record(dict(zip(ARTICLE_COLUMNS, row)), children) for row in rows]

    def _children(self, ids: list[int]) -> dict[str, dict[int, list]]:
        marks = placeholders(ids)
        queries = {
            "sections": f"SELECT article_id, heading, level, paragraphs FROM sections "
                        f"WHERE article_id IN ({marks}) ORDER BY article_id, position",
            "captions": f"SELECT article_id, text, image_url, credit, position FROM captions "
                        f"WHERE article_id IN ({marks}) ORDER BY article_id, position",
            "authors": f"SELECT x.article_id, n.name FROM article_authors x JOIN authors n ON n.id = x.author_id "
                       f"WHERE x.article_id IN ({marks}) ORDER BY x.article_id, x.position",
            "tags": f"SELECT x.article_id, t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id "
                    f"WHERE x.article_id IN ({marks}) ORDER BY x.article_id, x.position",
            "urls": f"SELECT article_id, url FROM article_urls WHERE article_id IN ({marks}) "
                    f"ORDER BY article_id, first_seen, url",
            "cluster": f"SELECT article_id, cluster_id, similarity FROM cluster_members WHERE article_id IN ({marks})",
        }
        return {name: _grouped(self.db.execute(sql, ids)) for name, sql in queries.items()}


def _grouped(rows) -> dict[int, list]:
    grouped = defaultdict(list)
    for article_id, *values in rows:
        grouped[article_id].append(values)
    return grouped


def _cluster(found: list | None) -> dict:
    """``cluster_id`` (None when the article has no near copy) and ``cluster_similarity``."""
    cluster_id, similarity = found[0] if found else (None, None)
    return {"cluster_id": cluster_id, "cluster_similarity": similarity}


def _record(article: dict, children: dict[str, dict[int, list]]) -> dict:
    article_id = article["id"]
    for name, kind in _JSON_COLUMNS.items():
        article[name] = json.loads(article[name]) if article[name] else kind()
    named = {name: [value for (value,) in children[name].get(article_id, ())] for name in ("authors", "tags", "urls")}
    values = {
        **article, **named, **_cluster(children["cluster"].get(article_id)),
        "canonical_url": article["url"],
        "urls": named["urls"] or [article["url"]],
        "title": article["headline"],
        "sections": [{"heading": heading, "level": level, "paragraphs": json.loads(paragraphs)}
                     for heading, level, paragraphs in children["sections"].get(article_id, ())],
        "captions": [{"text": text, "image_url": image_url, "credit": credit, "position": position}
                     for text, image_url, credit, position in children["captions"].get(article_id, ())],
        "access": article["access"] or "unknown",
        "truncated": bool(article["truncated"]),
        "text": record_text(article["lead"], article["body"] or ""),
    }
    return {key: values[key] for key in STORED_KEYS}
