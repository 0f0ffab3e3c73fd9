"""Reading a field with a site's CSS selector: the first layer of every field of a site page class.

A site class lists its selectors as ``{field: css}``; each field is read according to its declared kind
(:mod:`.fields`: one text, a list of texts, a date, a URL, a breadcrumb); ``content`` names the body's element.
"""

from __future__ import annotations

from functools import lru_cache

from lxml.cssselect import CSSSelector

from newsarchive.extraction.fields import DATE, NAMES, TRAIL, URL
from newsarchive.extraction.html import element_text
from newsarchive.extraction.taxonomy import breadcrumb_from
from newsarchive.text import clean_text


@lru_cache(maxsize=512)
def compiled(css: str) -> CSSSelector:
    """The compiled form of a CSS selector (compiled once per process)."""
    return CSSSelector(css)


def select(doc, css: str) -> list:
    return compiled(css)(doc)


def select_first(doc, css: str):
    found = compiled(css)(doc)
    return found[0] if found else None


def read_field(doc, kind: str, css: str):
    """The value of a field of ``kind`` (see :mod:`.fields`) read with ``css``, or None/[] when the selector
    matches nothing useful."""
    if kind == TRAIL:
        return breadcrumb_from(select_first(doc, css))
    if kind == NAMES:
        return [text for text in (element_text(e) for e in select(doc, css)) if text]
    if kind == DATE:
        return _date_value(select_first(doc, css))
    if kind == URL:
        return _url_value(select_first(doc, css))
    return next((text for text in (element_text(e) for e in select(doc, css)) if text), None)


def _date_value(element) -> str | None:
    if element is None:
        return None
    return clean_text(element.get("datetime") or element.get("content")) or element_text(element) or None


def _url_value(element) -> str | None:
    if element is None:
        return None
    for attribute in ("href", "content", "data-src", "src"):
        if element.get(attribute):
            return element.get(attribute).strip()
    return None
