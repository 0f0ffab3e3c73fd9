"""Is the page an article? Metadata or a signed and dated headline that say so, and the signs of a list of articles."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urljoin

from newsarchive.extraction import heuristics
from newsarchive.extraction.date_context import HEADER_SPAN
from newsarchive.extraction.html import element_text
from newsarchive.text import word_count
from newsarchive.urls import same_site

_LISTING_TYPES = frozenset({"collectionpage", "itemlist", "searchresultspage", "profilepage"})
_LISTING_TEASERS = 5
_ROWS_SHARE = 0.8  # the teasers' share of the body's rows, and the rows' of its elements
_TITLE_WORDS = 3  # words of a teaser's title at least (a time's or a "Lire la suite" link is none)
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
    rows = _teaser_rows(page.content_root, page.url)
    if rows:
        return f"listing page ({rows} teasers in the body)"
    return None


def _teaser_rows(root, page_url: str) -> int:
    """How many teasers the body is a list of (a section's page with its articles' excerpts: SPIP's
    ``ul.liste-items > li.item``, a Drupal view's ``div.views-row``), else 0: ``_LISTING_TEASERS`` rows or more of one
    kind, nearly all its elements, each opening with a link to another of the site's pages that says a title."""
    rows = [child for child in root if isinstance(child.tag, str)] if root is not None else []
    if len(rows) < _LISTING_TEASERS:
        return 0
    kind, count = Counter((row.tag, row.get("class")) for row in rows).most_common(1)[0]
    if count < _ROWS_SHARE * len(rows):
        return 0
    teasers = sum(1 for row in rows if (row.tag, row.get("class")) == kind and _opens_with_title_link(row, page_url))
    return teasers if teasers >= _LISTING_TEASERS and teasers >= _ROWS_SHARE * count else 0


def _opens_with_title_link(row, page_url: str) -> bool:
    """Whether a row's first link, before any paragraph, leads to another of the site's pages and says a title."""
    for element in row.iter("a", "p"):
        if element.tag == "p":
            return False
        href = urljoin(page_url, element.get("href") or "")
        return same_site(href, page_url) and href != page_url and word_count(element_text(element)) >= _TITLE_WORDS
    return False
