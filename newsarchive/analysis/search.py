"""Full-text search over headline, lead and body (FTS5), French-aware, ranked by BM25, with highlighted snippets.

Words are matched by their French stems, phrases and prefixes as written (see
:mod:`newsarchive.analysis.fts_plan`); both indexes show the original text in snippets.
"""

from __future__ import annotations

import heapq
import logging
import sqlite3
from dataclasses import asdict, dataclass, field, replace

from newsarchive.analysis.filters import Condition, placeholders
from newsarchive.analysis.fts import InvalidQuery
from newsarchive.analysis.fts_plan import Match, QueryPlan, plan_query, raw_plan

logger = logging.getLogger(__name__)

# BM25 weights of headline, lead and body: a word in the headline says more about the article.
COLUMN_WEIGHTS = (10.0, 4.0, 1.0)
SNIPPET_TOKENS = 24
# Matches read at a time while the best of them are kept (memory stays bounded whatever matches)
RANKING_BATCH = 4096
# From this many matches, a newest-first page is found by walking the articles' date index (and testing
# each article against the matches) rather than by sorting every match by date
DATE_WALK_MATCHES = 4096
# What SQLite says of a malformed FTS5 query (other errors, such as a locked database, are not the query's fault)
QUERY_ERRORS = ("fts5", "syntax error", "unterminated string", "no such column", "unknown special query", "MATCH")
# What a search made only of function words says of its order (it is listed newest first)
FUNCTION_WORDS_ORDER = "newest first (only function words: nothing to rank by)"
NEWEST = "a.published IS NULL, a.published DESC, a.id DESC"
ORDERS = {
    "rank": "score, a.id",
    "date": NEWEST,
    "newest": NEWEST,
    "oldest": "a.published IS NULL, a.published, a.id",
}


@dataclass
class SearchOptions:
    limit: int = 20
    offset: int = 0
    order: str = "rank"
    highlight: tuple[str, str] = ("**", "**")
    columns: list[str] = field(default_factory=list)  # restrict to some of headline, lead, body
    raw: bool = False  # the query is FTS5 syntax, passed unchanged (words as written)
    exact: bool = False  # every word matched as written, not by its stem


@dataclass
class SearchHit:
    id: int
    url: str
    headline: str | None
    published: str | None
    category: str | None
    site: str
    score: float | None  # BM25, lower is better; None when sorted by date
    snippet: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class SearchResults:
    query: str
    fts_query: str
    total: int
    hits: list[SearchHit]
    matching: str = "french"  # "french" (stems) or "exact" (words as written)
    order: str = "rank"  # the order of the hits: one of ORDERS


def search(db, query: str, condition: Condition, options: SearchOptions | None = None) -> SearchResults:
    """The articles matching ``query`` and ``condition``; raises InvalidQuery for a malformed query."""
    options = options or SearchOptions()
    if options.order not in ORDERS:
        raise InvalidQuery(f"unknown order {options.order!r} (choose from {', '.join(ORDERS)})")
    plan = raw_plan(query, options.columns) if options.raw else plan_query(query, options.columns, exact=options.exact)
    if plan.function_words_only and options.order == "rank":
        options = replace(options, order="newest")  # function words tell nothing of what an article is about
    try:
        total, hits = _ranked(db, plan, condition, options)
        _add_snippets(db, plan, hits, options.highlight)
    except sqlite3.OperationalError as exc:
        if not is_query_error(exc):
            raise
        raise InvalidQuery(f"malformed full-text query {plan.describe()!r}: {exc}") from exc
    logger.debug("search %r as %r: %d matches", query, plan.describe(), total)
    return SearchResults(query=query, fts_query=plan.describe(), total=total, hits=hits, matching=plan.matching,
                         order=options.order)


def _score(index: str) -> str:
    return f"bm25({index}, {', '.join(str(weight) for weight in COLUMN_WEIGHTS)})"


def _matches(plan: QueryPlan, condition: Condition, scored: bool = True) -> tuple[str, str, list]:
    """(FROM ... WHERE clause over the matching articles ``a``, its score expression, parameters);
    without ``scored`` (a count, a sort by date), no BM25 score is computed and the expression is NULL.

    The full-text index drives every query (CROSS JOIN keeps SQLite from starting with a filter's
    index and probing the full-text index once per article)."""
    if len(plan.driver) == 1:
        index, expression = plan.driver[0].index, plan.driver[0].expression
        sql = f"FROM {index} CROSS JOIN articles a ON a.id = {index}.rowid WHERE {index} MATCH ?"
        score, params = (_score(index) if scored else "NULL"), [expression]
    else:  # a clause whose alternatives sit in both indexes: the best score of either
        sql = f"FROM ({_united(plan, scored)}) m CROSS JOIN articles a ON a.id = m.rowid WHERE 1"
        score, params = ("m.score" if scored else "NULL"), [match.expression for match in plan.driver]
    for clause in plan.required:
        sql += " AND (" + " OR ".join(match.condition() for match in clause) + ")"
        params += [match.expression for match in clause]
    for match in plan.excluded:
        sql += " AND " + match.condition(negate=True)
        params.append(match.expression)
    if not condition.is_empty:
        sql += f" AND {condition.sql}"
        params += condition.params
    return sql, score, params


def _united(plan: QueryPlan, scored: bool) -> str:
    """The articles matching any of the driving clause's alternatives, with the best score of either index."""
    if not scored:
        return " UNION ".join(f"SELECT rowid FROM {match.index} WHERE {match.index} MATCH ?" for match in plan.driver)
    united = " UNION ALL ".join(f"SELECT rowid, {_score(match.index)} AS score FROM {match.index} "
                                f"WHERE {match.index} MATCH ?" for match in plan.driver)
    return f"SELECT rowid, min(score) AS score FROM ({united}) GROUP BY rowid"


def _count(db, plan: QueryPlan, condition: Condition) -> int:
    single = plan.single
    if single is not None and condition.is_empty:  # the index alone answers
        return db.execute(f"SELECT count(*) FROM {single.index} WHERE {single.index} MATCH ?",
                          [single.expression]).fetchone()[0]
    sql, _, params = _matches(plan, condition, scored=False)
    return db.execute(f"SELECT count(*) {sql}", params).fetchone()[0]


def _ranked(db, plan: QueryPlan, condition: Condition, options: SearchOptions) -> tuple[int, list[SearchHit]]:
    """(How many articles match, the hits of the page asked for)."""
    single = plan.single
    if options.order != "rank":
        total = _count(db, plan, condition)
        return total, _by_date(db, plan, condition, options, total)
    if single is not None and condition.is_empty:  # the index alone ranks: articles are read for the page only
        index = single.index
        sql = (f"SELECT rowid, {_score(index)} AS score FROM {index} WHERE {index} MATCH ? "
               f"ORDER BY score, rowid LIMIT ? OFFSET ?")
        page = db.execute(sql, [single.expression, options.limit, options.offset]).fetchall()
        return _count(db, plan, condition), _hits(db, page)
    return _best_matches(db, plan, condition, options)


def _by_date(db, plan: QueryPlan, condition: Condition, options: SearchOptions, total: int) -> list[SearchHit]:
    """The page of a search sorted by date, without BM25 scores (they would order nothing). With many
    matches, newest first, the date index is walked from the newest article (undated ones last, as in
    ``NEWEST``) to the page's last hit instead of sorting every match."""
    single = plan.single
    if options.order in ("date", "newest") and single is not None and condition.is_empty \
            and total >= DATE_WALK_MATCHES:
        sql = (f"SELECT a.id, NULL FROM articles a INDEXED BY idx_articles_published "
               f"WHERE a.id IN (SELECT rowid FROM {single.index} WHERE {single.index} MATCH ?) "
               f"ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?")
        params = [single.expression]
    else:
        matches, score, params = _matches(plan, condition, scored=False)
        sql = f"SELECT a.id, {score} {matches} ORDER BY {ORDERS[options.order]} LIMIT ? OFFSET ?"
    return _hits(db, db.execute(sql, [*params, options.limit, options.offset]).fetchall())


def _best_matches(db, plan: QueryPlan, condition: Condition, options: SearchOptions) -> tuple[int, list[SearchHit]]:
    """Counted and ranked in one pass over the matches (the join with ``articles`` is the costly part),
    keeping only the best ``offset + limit`` of them in memory: the order of ``ORDERS["rank"]``."""
    matches, score, params = _matches(plan, condition)
    cursor = db.execute(f"SELECT {score}, a.id {matches}", params)
    wanted, total, best = options.offset + options.limit, 0, []
    while rows := cursor.fetchmany(RANKING_BATCH):
        total += len(rows)
        best = heapq.nsmallest(wanted, best + rows)
    return total, _hits(db, [(article_id, score) for score, article_id in best[options.offset:]])


def _hits(db, page: list[tuple[int, float]]) -> list[SearchHit]:
    """The hits of the page's (article id, score) pairs, in their order."""
    if not page:
        return []
    ids = [article_id for article_id, _ in page]
    rows = {row[0]: row for row in db.execute(
        f"SELECT id, url, headline, published, category, site FROM articles WHERE id IN ({placeholders(ids)})", ids)}
    return [SearchHit(*rows[article_id], score=score) for article_id, score in page if article_id in rows]


def _add_snippets(db, plan: QueryPlan, hits: list[SearchHit], highlight: tuple[str, str]) -> None:
    """Fill in the snippets of the hits only (computing them for every match would be wasted work),
    from the index that found each hit; both show the original text."""
    for match in plan.driver:
        pending = [hit for hit in hits if not hit.snippet]
        if pending:
            snippets = _snippets(db, match, [hit.id for hit in pending], highlight)
            for hit in pending:
                hit.snippet = snippets.get(hit.id) or ""


def _snippets(db, match: Match, ids: list[int], highlight: tuple[str, str]) -> dict[int, str]:
    """FTS5 looks each id up in the index, except for a prefix query: then one pass over its matches
    (``+rowid`` keeps the ids from the index) is cheaper than expanding the prefix once per id."""
    rowid = "+rowid" if match.has_prefix else "rowid"
    sql = (f"SELECT rowid, snippet({match.index}, -1, ?, ?, '…', {SNIPPET_TOKENS}) FROM {match.index} "
           f"WHERE {match.index} MATCH ? AND {rowid} IN ({placeholders(ids)})")
    return dict(db.execute(sql, [*highlight, match.expression, *ids]))


def is_query_error(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite rejected the FTS5 query itself (rather than failing for another reason)."""
    message = str(exc)
    return any(sign in message for sign in QUERY_ERRORS)
