"""Reading a field with a site's CSS selectors: the first layer of every field of a site page class.

A site class lists its selectors as ``{field: css}``; each field is read according to its declared kind
(:mod:`.fields`: one text, a list of texts, a date, a URL, a breadcrumb); ``content`` names the body's element.
A page's :class:`Selection` finds the elements of all its class's selectors at once (:mod:`.css`).
"""

from __future__ import annotations

from functools import lru_cache

from lxml.cssselect import CSSSelector

from newsarchive.extraction.breadcrumbs import breadcrumb_from
from newsarchive.extraction.css import selector_plan
from newsarchive.extraction.fields import DATE, NAMES, TRAIL, URL
from newsarchive.extraction.html import element_text
from newsarchive.text import clean_text


@lru_cache(maxsize=512)
def compiled(css: str) -> CSSSelector:
    """The compiled form of a CSS selector (compiled once per process)."""
    return CSSSelector(css)


def select(doc, css: str) -> list:
    return compiled(css)(doc)


class Selection:
    """The elements that a page class's selectors match on one page, found in one pass over the page; a selector
    the pass does not read is run by lxml when asked for."""

    def __init__(self, doc, selectors):
        self.doc = doc
        self._found = selector_plan(tuple(selectors)).find(doc)

    def select(self, css: str) -> list:
        found = self._found.get(css)
        return list(found) if found is not None else select(self.doc, css)

    def first(self, css: str):
        found = self.select(css)
        return found[0] if found else None


def read_field(selection: Selection, kind: str, css: str):
    """The value of a field of ``kind`` (see :mod:`.fields`) read with ``css``, or None/[] when the selector
    matches nothing useful."""
    if kind == TRAIL:
        return breadcrumb_from(selection.first(css))
    if kind == NAMES:
        return [text for text in (element_text(e) for e in selection.select(css)) if text]
    if kind == DATE:
        return _date_value(selection.first(css))
    if kind == URL:
        return _url_value(selection.first(css))
    return next((text for text in (element_text(e) for e in selection.select(css)) if text), None)


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
