"""Full-text search over headline, lead and body (FTS5), ranked by BM25, with highlighted snippets."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import asdict, dataclass, field

from newsarchive.analysis.filters import Condition, placeholders
from newsarchive.analysis.fts import InvalidQuery, to_fts_query

logger = logging.getLogger(__name__)

# BM25 weights of headline, lead and body: a word in the headline says more about the article.
COLUMN_WEIGHTS = (10.0, 4.0, 1.0)
SNIPPET_TOKENS = 24
# What SQLite says of a malformed FTS5 query (other errors, such as a locked database, are not the query's fault)
QUERY_ERRORS = ("fts5", "syntax error", "unterminated string", "no such column", "unknown special query", "MATCH")
ORDERS = {
    "rank": "score, a.id",
    "newest": "a.published IS NULL, a.published DESC, a.id DESC",
    "oldest": "a.published IS NULL, a.published, a.id",
}


@dataclass
class SearchOptions:
    limit: int = 20
    offset: int = 0
    order: str = "rank"
    highlight: tuple[str, str] = ("**", "**")
    columns: list[str] = field(default_factory=list)  # restrict to some of headline, lead, body
    raw: bool = False  # the query is FTS5 syntax, passed unchanged


@dataclass
class SearchHit:
    id: int
    url: str
    headline: str | None
    published: str | None
    category: str | None
    site: str
    score: float
    snippet: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class SearchResults:
    query: str
    fts_query: str
    total: int
    hits: list[SearchHit]


def search(db, query: str, condition: Condition, options: SearchOptions | None = None) -> SearchResults:
    """The articles matching ``query`` and ``condition``; raises InvalidQuery for a malformed query."""
    options = options or SearchOptions()
    if options.order not in ORDERS:
        raise InvalidQuery(f"unknown order {options.order!r} (choose from {', '.join(ORDERS)})")
    fts_query = query if options.raw else to_fts_query(query, options.columns)
    try:
        total = _count(db, fts_query, condition)
        hits = _ranked(db, fts_query, condition, options)
        _add_snippets(db, fts_query, hits, options.highlight)
    except sqlite3.OperationalError as exc:
        if not is_query_error(exc):
            raise
        raise InvalidQuery(f"malformed full-text query {fts_query!r}: {exc}") from exc
    logger.debug("search %r as %r: %d matches", query, fts_query, total)
    return SearchResults(query=query, fts_query=fts_query, total=total, hits=hits)


# The full-text index drives every query (CROSS JOIN keeps SQLite from starting with a filter's
# index and probing the index once per article); without filters, counting and ranking need
# the index alone.
MATCHES = "FROM articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?"


def _count(db, fts_query: str, condition: Condition) -> int:
    if condition.is_empty:
        return db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [fts_query]).fetchone()[0]
    return db.execute(f"SELECT count(*) {MATCHES} AND {condition.sql}", [fts_query, *condition.params]).fetchone()[0]


def _ranked(db, fts_query: str, condition: Condition, options: SearchOptions) -> list[SearchHit]:
    columns = "a.id, a.url, a.headline, a.published, a.category, a.site"
    score = f"bm25(articles_fts, {', '.join(str(weight) for weight in COLUMN_WEIGHTS)})"
    if condition.is_empty and options.order == "rank":
        sql = (f"SELECT {columns}, best.score FROM (SELECT rowid, {score} AS score FROM articles_fts "
               f"WHERE articles_fts MATCH ? ORDER BY score, rowid LIMIT ? OFFSET ?) best "
               f"JOIN articles a ON a.id = best.rowid ORDER BY best.score, a.id")
        params = [fts_query, options.limit, options.offset]
    else:
        sql = (f"SELECT {columns}, {score} AS score {MATCHES} AND {condition.sql} "
               f"ORDER BY {ORDERS[options.order]} LIMIT ? OFFSET ?")
        params = [fts_query, *condition.params, options.limit, options.offset]
    return [SearchHit(*row) for row in db.execute(sql, params)]


def _add_snippets(db, fts_query: str, hits: list[SearchHit], highlight: tuple[str, str]) -> None:
    """Fill in the snippets of the hits only: computing them for every match would be wasted work."""
    if not hits:
        return
    ids = [hit.id for hit in hits]
    sql = (f"SELECT rowid, snippet(articles_fts, -1, ?, ?, '…', {SNIPPET_TOKENS}) FROM articles_fts "
           f"WHERE articles_fts MATCH ? AND rowid IN ({placeholders(ids)})")
    snippets = dict(db.execute(sql, [*highlight, fts_query, *ids]))
    for hit in hits:
        hit.snippet = snippets.get(hit.id) or ""


def is_query_error(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite rejected the FTS5 query itself (rather than failing for another reason)."""
    message = str(exc)
    return any(sign in message for sign in QUERY_ERRORS)
