"""Which articles a command works on: dates, categories, tags, authors, sites, as SQL conditions.

Category, tag and author names are matched without regard to case or accents (``economie``
finds ``Économie``); an author also matches by one of the words of the name (``morel`` finds
``Julien Morel``). Several values of one option are alternatives; different options must all
hold. Dates are days (``2025-08-06``) or ISO 8601 times; ``until`` includes its whole day.
``access`` is ``free``, ``subscribers`` or ``unknown``; an agency is matched under its one name
(``Agence France-Presse`` finds ``AFP``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from newsarchive.analysis.access import AnalysisError
from newsarchive.extraction.agency import agency_name
from newsarchive.storage.rows import ACCESS_VALUES, tag_slug
from newsarchive.text import fold_text

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class ArticleFilter:
    since: str | None = None
    until: str | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)
    access: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.since = parse_bound(self.since, "since")
        self.until = parse_bound(self.until, "until")
        unknown = [value for value in self.access if value not in ACCESS_VALUES]
        if unknown:
            raise AnalysisError(f"--access: {unknown[0]!r} is not one of {', '.join(ACCESS_VALUES)}")

    @property
    def is_empty(self) -> bool:
        return not (self.since or self.until or self.categories or self.tags or self.authors or self.sites
                    or self.access or self.agencies)


@dataclass
class Condition:
    """An SQL condition on the articles aliased ``a``, its parameters, and the names that matched nothing."""

    sql: str = "1"
    params: list = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return self.sql == "1"


def parse_bound(value: str | None, name: str) -> str | None:
    """A date bound, checked and written as SQLite reads it (``20250806`` is ``2025-08-06``); None stays None."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            return parse(value).isoformat()
        except ValueError:
            continue
    raise AnalysisError(f"--{name}: {value!r} is not a date (YYYY-MM-DD) or an ISO 8601 time")


def build_condition(db, article_filter: ArticleFilter) -> Condition:
    """The SQL condition selecting the articles of ``article_filter`` in the archive ``db``."""
    parts, params, unmatched = [], [], []
    for sql, values in _date_parts(article_filter):
        parts.append(sql)
        params.extend(values)
    for resolve in (_category_part, _tag_part, _author_part, _site_part, _access_part, _agency_part):
        resolved = resolve(db, article_filter)
        if resolved is None:
            continue
        sql, values, missing = resolved
        parts.append(sql)
        params.extend(values)
        unmatched.extend(missing)
    return Condition(" AND ".join(parts) or "1", params, unmatched)


def _date_parts(article_filter: ArticleFilter) -> list[tuple[str, list]]:
    parts = []
    if article_filter.since:
        since = article_filter.since
        if _DAY.fullmatch(since):
            parts.append(("a.published >= ?", [since]))
        else:
            parts.append(("julianday(a.published) >= julianday(?)", [since]))
    if article_filter.until:
        until = article_filter.until
        if _DAY.fullmatch(until):
            next_day = (date.fromisoformat(until) + timedelta(days=1)).isoformat()
            parts.append(("a.published < ?", [next_day]))
        else:
            parts.append(("julianday(a.published) <= julianday(?)", [until]))
    return parts


def _category_part(db, article_filter: ArticleFilter):
    if not article_filter.categories:
        return None
    stored = [name for (name,) in db.execute("SELECT DISTINCT category FROM articles WHERE category IS NOT NULL")]
    wanted = {fold_text(name.strip()): name for name in article_filter.categories}
    matching = [name for name in stored if fold_text(name) in wanted]
    found = {fold_text(name) for name in matching}
    missing = [f"category {name!r}" for key, name in wanted.items() if key not in found]
    return f"a.category IN ({placeholders(matching)})", matching, missing


def _tag_part(db, article_filter: ArticleFilter):
    if not article_filter.tags:
        return None
    slugs = [tag_slug(name) for name in article_filter.tags]
    known = {slug for (slug,) in db.execute(f"SELECT slug FROM tags WHERE slug IN ({placeholders(slugs)})", slugs)}
    missing = [f"tag {name!r}" for name, slug in zip(article_filter.tags, slugs) if slug not in known]
    sql = (f"EXISTS (SELECT 1 FROM article_tags x JOIN tags t ON t.id = x.tag_id "
           f"WHERE x.article_id = a.id AND t.slug IN ({placeholders(slugs)}))")
    return sql, slugs, missing


def _author_part(db, article_filter: ArticleFilter):
    if not article_filter.authors:
        return None
    authors = list(db.execute("SELECT id, name FROM authors"))
    ids, missing = [], []
    for wanted in article_filter.authors:
        matching = [author_id for author_id, name in authors if author_matches(wanted, name)]
        ids.extend(matching)
        if not matching:
            missing.append(f"author {wanted!r}")
    sql = (f"EXISTS (SELECT 1 FROM article_authors x WHERE x.article_id = a.id "
           f"AND x.author_id IN ({placeholders(ids)}))")
    return sql, ids, missing


def author_matches(wanted: str, name: str) -> bool:
    """Whether ``wanted`` is the name, or a run of whole words of it, ignoring case and accents."""
    folded_wanted, folded_name = fold_text(wanted.strip()), fold_text(name)
    if not folded_wanted:
        return False
    return re.search(rf"(?<!\w){re.escape(folded_wanted)}(?!\w)", folded_name) is not None


def _site_part(db, article_filter: ArticleFilter):
    if not article_filter.sites:
        return None
    sites = [site.strip().lower().removeprefix("www.") for site in article_filter.sites]
    known = {site for (site,) in db.execute(f"SELECT DISTINCT site FROM articles WHERE site IN ({placeholders(sites)})",
                                            sites)}
    missing = [f"site {site!r}" for site in sites if site not in known]
    return f"a.site IN ({placeholders(sites)})", sites, missing


def _access_part(db, article_filter: ArticleFilter):
    if not article_filter.access:
        return None
    return f"coalesce(a.access, 'unknown') IN ({placeholders(article_filter.access)})", list(article_filter.access), []


def _agency_part(db, article_filter: ArticleFilter):
    if not article_filter.agencies:
        return None
    names = [agency_name(name) or name.strip() for name in article_filter.agencies]
    known = {name for (name,) in db.execute(
        "SELECT DISTINCT j.value FROM articles, json_each(articles.agencies) j WHERE json_valid(articles.agencies)")}
    missing = [f"agency {given!r}" for given, name in zip(article_filter.agencies, names) if name not in known]
    sql = (f"EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(a.agencies) THEN a.agencies ELSE '[]' END) j "
           f"WHERE j.value IN ({placeholders(names)}))")
    return sql, names, missing


def placeholders(values: list) -> str:
    return ", ".join("?" for _ in values)
