"""The archive's side of incremental crawling: what it holds of a site, re-checks that found no change.

The functions taking ``db`` run inside the caller's transaction (see
:class:`~newsarchive.storage.Archive`); :func:`read_crawl_state` reads an archive file on a
read-only connection of its own, for a spider that must not write.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import NamedTuple

# a URL an article was reached under, then the fields of its ArticleState
STATE_COLUMNS = "u.url, a.url, a.sitemap_lastmod, a.etag, a.last_modified, a.modified, a.published, a.removed_at"
STATE_QUERY = f"SELECT {STATE_COLUMNS} FROM article_urls u JOIN articles a ON a.id = u.article_id WHERE a.site = ?"


class ArticleState(NamedTuple):
    """What a crawl needs to know of a stored article to decide whether to fetch it again."""

    article_url: str  # canonical URL the article is stored under
    sitemap_lastmod: str | None
    etag: str | None  # validators of the last full fetch, for a conditional request
    last_modified: str | None
    modified: str | None  # modification date the page gave
    published: str | None
    removed_at: str | None


class NotModified(NamedTuple):
    """A conditional re-check answered 304 at ``seen_at``.

    ``sitemap_lastmod`` is the date listed for the page that prompted the re-check (a sitemap
    lastmod, else a feed or listing date): stored, it is no sign of change for the next crawl.
    """

    url: str
    seen_at: str
    sitemap_lastmod: str | None = None


def crawl_state(db, site: str) -> dict[str, ArticleState]:
    """Every URL the site's stored articles were reached under -> the state of that article."""
    return {url: ArticleState(*values) for url, *values in db.execute(STATE_QUERY, [site])}


def touch_not_modified(db, article_id: int, page: NotModified) -> None:
    """The article is still there, unchanged: it was seen at ``page.seen_at`` (never moves backwards)."""
    db.execute(
        "UPDATE articles SET last_seen = max(last_seen, ?), removed_at = NULL, "
        "sitemap_lastmod = coalesce(?, sitemap_lastmod) WHERE id = ?",
        [page.seen_at, page.sitemap_lastmod, article_id],
    )
    db.execute(
        "UPDATE article_urls SET last_seen = max(last_seen, ?) WHERE url = ? AND article_id = ?",
        [page.seen_at, page.url, article_id],
    )


def mark_removed(db, article_id: int, when: str) -> bool:
    """The article answered 404/410 at ``when``: True when newly marked (the first date is kept).

    The article itself is never deleted.
    """
    cursor = db.execute("UPDATE articles SET removed_at = ? WHERE id = ? AND removed_at IS NULL", [when, article_id])
    return cursor.rowcount > 0


def read_crawl_state(path: str | Path, site: str) -> dict[str, ArticleState]:
    """:func:`crawl_state` read from the archive file at ``path`` without writing to it; {} when
    there is no archive there yet. Raises sqlite3.Error when the file is not a readable archive."""
    path = Path(path)
    if not path.is_file():
        return {}
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {url: ArticleState(*values) for url, *values in connection.execute(STATE_QUERY, [site])}
    finally:
        connection.close()
