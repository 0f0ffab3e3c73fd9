"""Is the page an article? Metadata or a signed and dated headline that say so, and the signs of a list of articles."""

from __future__ import annotations

from newsarchive.extraction import heuristics
from newsarchive.extraction.date_context import HEADER_SPAN

_LISTING_TYPES = frozenset({"collectionpage", "itemlist", "searchresultspage", "profilepage"})
_LISTING_TEASERS = 5
_MIN_BODY_WORDS = 150
_SHOWN_DATE_KINDS = frozenset({"labelled", "header", "microformat"})  # a date the page shows as its own


def has_article_signals(page) -> bool:
    """True when the page's metadata says it is an article (JSON-LD, ``og:type``, ``article:*``, microdata)."""
    data = page.data
    og_type = (data.meta_first("og:type") or "").lower()
    return bool(
        data.article is not None or og_type == "article" or data.meta_first("article:published_time")
        or data.microdata
    )


def has_signed_and_dated_headline(page) -> bool:
    """True when the headline has a byline and its publication date shown as an article's (``Par La rédaction –
    Publié le 18/06/2014 à 17h02``, a ``<time>`` of the article header, an hAtom ``published``) among the elements
    around it: a list of articles shows neither under its title."""
    if not page.value("byline"):
        return False
    chosen = page.date_choice("published")
    evidence = chosen.evidence if chosen and chosen.value else None
    return evidence is not None and evidence.kind in _SHOWN_DATE_KINDS and evidence.distance <= HEADER_SPAN


def listing_reason(page, body_words: int) -> str | None:
    """Why the page looks like a list of articles (home, section, tag page), or None.

    Without article metadata (``og:type`` website is not enough to tell: many articles say so) nor a signed and dated
    headline (:func:`has_signed_and_dated_headline`), a page is a listing when its JSON-LD says so, or when it shows
    many article teasers and little body text (a short news item among the site's teasers is an article all the same).
    """
    if has_article_signals(page) or has_signed_and_dated_headline(page):
        return None
    teasers = heuristics.teaser_count(page.index)
    if page.data.has_type(_LISTING_TYPES) or (teasers >= _LISTING_TEASERS and body_words < _MIN_BODY_WORDS):
        return f"listing page ({teasers} teasers, {body_words} body words)"
    return None
