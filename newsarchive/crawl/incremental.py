"""What a repeated crawl fetches again: the archive's state of a site and the signs that a page changed.

A page the archive does not hold is fetched. A page it holds is fetched again only on a sign of
change (a sitemap ``lastmod``, feed date or listing "updated" date newer than what the archive
knows, or the page being listed again after it was removed), and then with a conditional request
built from the stored ``ETag`` / ``Last-Modified``, so that an unchanged page costs a 304.
Pure code: no Scrapy, no database.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

from newsarchive.storage.incremental import ArticleState
from newsarchive.urls import canonicalize_url


class Decision(enum.Enum):
    FETCH = "fetch"  # not in the archive
    RECHECK = "recheck"  # in the archive, with a sign of change: conditional request
    SKIP = "skip"  # in the archive, no sign of change


def parse_when(text: str | None) -> datetime | None:
    """An ISO 8601 (sitemap, ``<time datetime>``) or RFC 822 / HTTP date (feed, ``Last-Modified``) as an
    aware datetime (UTC when no offset is given); None when absent or unreadable."""
    if not text or not text.strip():
        return None
    text = text.strip()
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def changed_since(changed_at: str | None, known: ArticleState) -> bool:
    """Whether a date a listing gives for a stored article is a sign that it changed since stored.

    It is compared with the newest date the archive has from the site itself (sitemap lastmod,
    modified date of the page, ``Last-Modified``); an unreadable date counts as a sign.
    """
    if not changed_at or changed_at == known.sitemap_lastmod:
        return False
    when = parse_when(changed_at)
    stored = [parse_when(value) for value in (known.sitemap_lastmod, known.modified, known.last_modified)]
    reference = max((value for value in stored if value is not None), default=None)
    return when is None or reference is None or when > reference


def conditional_headers(known: ArticleState) -> dict[str, str]:
    """``If-None-Match`` / ``If-Modified-Since`` from the validators of the stored copy."""
    headers = {}
    if known.etag:
        headers["If-None-Match"] = known.etag
    if known.last_modified:
        headers["If-Modified-Since"] = known.last_modified
    return headers


class IncrementalState:
    """The stored articles of one site when the crawl started, keyed by every URL they were reached under."""

    def __init__(self, articles: Mapping[str, ArticleState] | None = None):
        self.articles = dict(articles or {})

    def __len__(self) -> int:
        return len({state.article_url for state in self.articles.values()})

    def lookup(self, url: str) -> ArticleState | None:
        known = self.articles.get(url)
        if known is None:
            try:
                known = self.articles.get(canonicalize_url(url))
            except ValueError:
                return None
        return known

    def decide(self, url: str, changed_at: str | None = None) -> tuple[Decision, ArticleState | None]:
        """What to do with an article URL a sitemap, feed or listing gives, with the date it gives."""
        known = self.lookup(url)
        if known is None:
            return Decision.FETCH, None
        if known.removed_at or changed_since(changed_at, known):
            return Decision.RECHECK, known
        return Decision.SKIP, known

    def unlisted(self, listed_urls: Iterable[str]) -> list[ArticleState]:
        """Stored articles (not already removed) under none of ``listed_urls``: candidates for a
        re-check that tells whether they were removed."""
        listed = {known.article_url for known in map(self.lookup, listed_urls) if known is not None}
        unlisted: dict[str, ArticleState] = {}
        for known in self.articles.values():
            if known.removed_at is None and known.article_url not in listed:
                unlisted.setdefault(known.article_url, known)
        return list(unlisted.values())
