"""Finds an HTML tag of too many attributes in a page before libxml2's parser is given it.

libxml2's HTML parser takes time quadratic in the distinct attributes of one element, in C where no time limit
reaches it: one tag of 16,000 attributes takes about a second, 32,000 several, 200,000 hours. A process that must
not hang (the crawl's) looks for such a tag first, with one regular expression that reads the page's tags as an
HTML5 tokenizer does, as libxml2 2.14 does: attributes are separated by blanks or ``/`` or follow a quoted value
directly, a quoted value may hold ``>``, a name may start with ``=``. Every ``<`` followed by a letter (``</`` too)
counts as a tag, also inside comments and scripts (where the parser sees none): a page is never under-counted. The
page must be the bytes the parser reads (UTF-8, as :func:`newsarchive.extraction.parsing.page_bytes` makes them): a page
in UTF-16 or UTF-7 hides its tags from a reading of its raw bytes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsarchive.extraction.parsing import page_bytes

_BLANK = rb"[\t\n\f\r ]"
_NAME = rb"[^\t\n\f\r />][^\t\n\f\r />=]*+"
_VALUE = rb"""=""" + _BLANK + rb"""*+(?:"[^"]*+"?|'[^']*+'?|[^\t\n\f\r >]*+)"""
_ATTRIBUTE = rb"(?>[\t\n\f\r /]*+" + _NAME + rb"(?:" + _BLANK + rb"*+" + _VALUE + rb")?+)"
_TAG_NAME = rb"</?[A-Za-z][^\t\n\f\r />]*+"


class CrowdedPage(ValueError):
    """A page with a tag of more attributes than may be handed to the parser."""


@lru_cache(maxsize=4)
def _tags_within(limit: int) -> re.Pattern[bytes]:
    """Matches a page from its start up to its first tag of more than ``limit`` attributes (the whole page when it
    has none): text, a ``<`` that opens no tag, or a tag of at most ``limit`` attributes, in one pass, in C."""
    tag = _TAG_NAME + _ATTRIBUTE + b"{0,%d}+(?!" % limit + _ATTRIBUTE + b")"
    return re.compile(rb"(?:[^<]++|<(?!/?[A-Za-z])|" + tag + rb")*+")


def crowded_tag(page: bytes, limit: int) -> int | None:
    """Where the first tag of more than ``limit`` attributes starts in ``page`` (UTF-8 bytes, as the parser reads
    them); None when there is none, or ``limit`` is 0 (no limit)."""
    if limit <= 0 or len(page) <= 2 * limit:  # an attribute takes two bytes at least (a name, a blank)
        return None
    matched = _tags_within(limit).match(page)  # the pattern matches the empty text too: never None
    end = matched.end() if matched else 0
    return end if end < len(page) else None


def refuse_crowded(body: bytes | str, headers: dict | None = None, limit: int | None = None) -> None:
    """Raise :class:`CrowdedPage` when the page (read as :func:`~newsarchive.extraction.parsing.page_bytes` reads it)
    has a tag of more than ``limit`` attributes (None: ``NEWSARCHIVE_MAX_ATTRIBUTES``'s default)."""
    limit = default_limit() if limit is None else limit
    where = crowded_tag(page_bytes(body, headers), limit)
    if where is not None:
        raise CrowdedPage(f"a tag at byte {where} has more than {limit} attributes (NEWSARCHIVE_MAX_ATTRIBUTES), "
                          "the HTML parser's time grows with their square")


def default_limit() -> int:
    """``NEWSARCHIVE_MAX_ATTRIBUTES`` of :mod:`newsarchive.settings`, for callers outside a crawl."""
    from newsarchive import settings

    return settings.NEWSARCHIVE_MAX_ATTRIBUTES
