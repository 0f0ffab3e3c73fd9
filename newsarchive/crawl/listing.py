"""Listing pages of a WordPress news site: their entries (link, published, updated) and their pagination.

Themes wrap each entry of a home page or category archive in an ``<article>``, with the title link
in an ``entry-title`` heading and ``<time>`` elements classed ``published`` and ``updated``. The
pagination of a listing adds ``page/N/`` to its path, or a page's number (``?page=2``, ``?paged=2``) or the offset of
its first entry (SPIP's ``?rubrique3&debut_articles=10``) to its query. Pure parsing: a page (bytes or a parsed
document) in, values out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from lxml import html

from newsarchive.crawl.discovery import document_base, parse_page

_PAGE_SUFFIX = re.compile(r"^(?P<root>.*/)page/(?P<number>\d+)/?$")
# ?page=2 (a value of letters is a template's name: SPIP's ?page=rubrique)
_PAGE_NUMBER_KEYS = frozenset({"page", "paged", "pg"})
_OFFSET_KEY = re.compile(r"debut_\w+")  # SPIP's ?debut_articles=10: the listing's entries from the eleventh on
_TITLE_LINK = (".//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-title ')]//a/@href"
               " | .//h2//a/@href | .//h3//a/@href")


def _time_xpath(class_name: str) -> str:
    return f".//time[contains(concat(' ', normalize-space(@class), ' '), ' {class_name} ')]/@datetime"


_PUBLISHED, _UPDATED = _time_xpath("published"), _time_xpath("updated")


@dataclass(frozen=True)
class ListingEntry:
    url: str
    published: str | None = None  # as written in the page (ISO 8601 in ``datetime`` attributes)
    modified: str | None = None


def listing_entries(page: bytes | str | html.HtmlElement, base_url: str) -> list[ListingEntry]:
    """The entries of a listing page in page order (newest first on a news site); [] if none is found."""
    document = parse_page(page)
    if document is None:
        return []
    base = document_base(document, base_url)
    entries = []
    for article in document.xpath("//article"):
        links = article.xpath(_TITLE_LINK) or article.xpath(".//a/@href")
        if not links:
            continue
        published = article.xpath(_PUBLISHED) or article.xpath(".//time/@datetime")
        modified = article.xpath(_UPDATED)
        url = urljoin(base, links[0].strip()).partition("#")[0]
        entries.append(ListingEntry(url, _first(published), _first(modified)))
    return entries


def page_position(url: str) -> tuple[str, int]:
    """``(URL of the listing's first page, page number)``: ``.../category/x/page/3/`` -> ``(.../category/x/, 3)``,
    ``.../actualites?page=3`` -> ``(.../actualites, 3)``; a page told by its offset counts from it:
    ``spip.php?rubrique3&debut_articles=10`` -> ``(spip.php?rubrique3=, 11)``."""
    return _position(url)[:2]


def is_next_page(url: str, of_url: str) -> bool:
    """Whether ``url`` is the page after ``of_url`` in the same listing; a page told by its offset, whose step is the
    site's own, is after any page of a smaller offset."""
    root, number, by_offset = _position(url)
    of_root, of_number, _ = _position(of_url)
    if root != of_root:
        return False
    return number > of_number if by_offset else number == of_number + 1


def _position(url: str) -> tuple[str, int, bool]:
    """:func:`page_position`, and whether the page is told by its offset."""
    parts = urlsplit(url)
    match = _PAGE_SUFFIX.match(parts.path)
    if match is not None:
        return urlunsplit(parts._replace(path=match["root"], query="", fragment="")), int(match["number"]), False
    kept, number, by_offset = [], 1, False
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        offset = _OFFSET_KEY.fullmatch(name) is not None
        by_offset = by_offset or offset
        if name in _PAGE_NUMBER_KEYS and value.isdigit():
            number = max(int(value), 1)
        elif offset and value.isdigit():
            number = int(value) + 1
        else:
            kept.append((name, value))
    return urlunsplit(parts._replace(query=urlencode(kept), fragment="")), number, by_offset


def _first(values: list[str]) -> str | None:
    for value in values:
        if value and value.strip():
            return value.strip()
    return None
