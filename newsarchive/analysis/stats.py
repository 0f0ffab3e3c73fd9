"""Counts over the archive: per day, week or month, per category, tag and author, and the totals.

Days are the publisher's calendar days: the date part of ``published`` as the site gave it
(Europe/Paris for onemedia.fr), not UTC days. Weeks are ISO weeks (``2025-W32``). Access shares
count the articles for subscribers only, and those whose stored body is a teaser, per site and month.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from newsarchive.analysis.filters import Condition

PERIODS = ("day", "week", "month")
DIMENSIONS = ("category", "tag", "author", "site")

_DIMENSION_SQL = {
    "category": "SELECT coalesce(a.category, '(none)') AS name, count(*) AS n FROM articles a "
                "WHERE {where} GROUP BY name",
    "site": "SELECT a.site AS name, count(*) AS n FROM articles a WHERE {where} GROUP BY name",
    "tag": "SELECT t.name, count(*) AS n FROM articles a JOIN article_tags x ON x.article_id = a.id "
           "JOIN tags t ON t.id = x.tag_id WHERE {where} GROUP BY t.id",
    "author": "SELECT n.name, count(*) AS n FROM articles a JOIN article_authors x ON x.article_id = a.id "
              "JOIN authors n ON n.id = x.author_id WHERE {where} GROUP BY n.id",
}


def totals(db, condition: Condition) -> dict:
    """How many articles, their date range, how many lack a date, and the archive's other counts."""
    articles, undated, first, last, words = db.execute(
        f"SELECT count(*), sum(a.published IS NULL), min(a.published), max(a.published), sum(a.word_count) "
        f"FROM articles a WHERE {condition.sql}", condition.params).fetchone()
    revised = db.execute(
        f"SELECT count(*), count(DISTINCT r.article_id) FROM revisions r JOIN articles a ON a.id = r.article_id "
        f"WHERE {condition.sql}", condition.params).fetchone()
    return {
        "articles": articles, "undated": undated or 0, "first_published": first, "last_published": last,
        "words": words or 0, "revisions": revised[0], "revised_articles": revised[1],
    }


def daily_counts(db, condition: Condition) -> list[tuple[str, int]]:
    """(day, articles) for every day with at least one dated article, oldest first."""
    sql = (f"SELECT substr(a.published, 1, 10) AS day, count(*) FROM articles a "
           f"WHERE a.published IS NOT NULL AND {condition.sql} GROUP BY day ORDER BY day")
    return [(day, count) for day, count in db.execute(sql, condition.params)]


def period_counts(db, condition: Condition, by: str = "day") -> list[tuple[str, int]]:
    """(period, articles) per day, ISO week or month, oldest first."""
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}")
    counts: Counter[str] = Counter()
    for day, count in daily_counts(db, condition):
        counts[period_of(day, by)] += count
    return sorted(counts.items())


def period_of(day: str, by: str) -> str:
    """``2025-08-06`` as a day, an ISO week (``2025-W32``) or a month (``2025-08``)."""
    if by == "month":
        return day[:7]
    if by == "week":
        year, week, _ = date.fromisoformat(day).isocalendar()
        return f"{year}-W{week:02d}"
    return day


def dimension_counts(db, condition: Condition, dimension: str, top: int | None = None) -> list[tuple[str, int]]:
    """(name, articles) per category, tag, author or site, most frequent first."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    sql = _DIMENSION_SQL[dimension].format(where=condition.sql) + " ORDER BY n DESC, name"
    if top:
        sql += f" LIMIT {int(top)}"
    return [(name, count) for name, count in db.execute(sql, condition.params)]


def category_daily_counts(db, condition: Condition) -> dict[str, list[tuple[str, int]]]:
    """Per category, (day, articles) for its days with articles, oldest first."""
    sql = (f"SELECT coalesce(a.category, '(none)'), substr(a.published, 1, 10) AS day, count(*) FROM articles a "
           f"WHERE a.published IS NOT NULL AND {condition.sql} GROUP BY 1, 2 ORDER BY 1, 2")
    per_category: dict[str, list[tuple[str, int]]] = {}
    for category, day, count in db.execute(sql, condition.params):
        per_category.setdefault(category, []).append((day, count))
    return per_category


def access_shares(db, condition: Condition) -> list[dict]:
    """Per site and month of publication (``undated`` when none): articles, how many are for subscribers
    only, their share (percent) and how many stored bodies are teasers."""
    sql = (f"SELECT a.site, coalesce(substr(a.published, 1, 7), 'undated') AS month, count(*), "
           f"sum(a.access = 'subscribers'), sum(coalesce(a.truncated, 0)) FROM articles a "
           f"WHERE {condition.sql} GROUP BY a.site, month ORDER BY a.site, month")
    return [
        {"site": site, "month": month, "articles": articles, "subscribers": subscribers or 0,
         "subscribers_percent": round(100.0 * (subscribers or 0) / articles, 1), "truncated": truncated or 0}
        for site, month, articles, subscribers, truncated in db.execute(sql, condition.params)
    ]
