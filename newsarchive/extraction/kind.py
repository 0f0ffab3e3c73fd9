"""Is the page an article? Metadata that says so, and the signs of a list of articles."""

from __future__ import annotations

from newsarchive.extraction import heuristics

_LISTING_TYPES = frozenset({"collectionpage", "itemlist", "searchresultspage", "profilepage"})
_LISTING_TEASERS = 5
_MIN_BODY_WORDS = 150


def has_article_signals(page) -> bool:
    """True when the page's metadata says it is an article (JSON-LD, ``og:type``, ``article:*``, microdata)."""
    data = page.data
    og_type = (data.meta_first("og:type") or "").lower()
    return bool(
        data.article is not None or og_type == "article" or data.meta_first("article:published_time")
        or data.microdata
    )


def listing_reason(page, body_words: int) -> str | None:
    """Why the page looks like a list of articles (home, section, tag page), or None.

    Without article metadata (``og:type`` website is not enough to tell: many articles say so), a page
    is a listing when its JSON-LD says so, or when it shows many article teasers and little body text.
    """
    if has_article_signals(page):
        return None
    teasers = heuristics.teaser_count(page.index)
    if page.data.has_type(_LISTING_TYPES) or (teasers >= _LISTING_TEASERS and body_words < _MIN_BODY_WORDS):
        return f"listing page ({teasers} teasers, {body_words} body words)"
    return None
