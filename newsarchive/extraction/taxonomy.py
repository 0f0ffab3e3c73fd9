"""Generic readers of tags, category links and breadcrumbs in the visible page."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import etree

from newsarchive.extraction.heuristics import hints, in_furniture
from newsarchive.extraction.html import element_text
from newsarchive.extraction.index import PageIndex
from newsarchive.extraction.metadata import breadcrumb_items

_LINKS = etree.XPath(".//a")
_VISIBLE_TEXT_NODES = etree.XPath(
    ".//text()[normalize-space()][not(ancestor::script or ancestor::style or ancestor::noscript)]"
)
_TAG_BLOCK_TAGS = frozenset({"div", "ul", "section", "p", "nav", "span", "footer"})
_TAG_HINTS = re.compile(
    r"(?:^|[\s_-])(?:tags?|tag-?list|post-?tags|keywords?|mots-?cl[ée]s|topics?|topic-?list)"
    r"(?:$|[\s_-])"
)
_BREADCRUMB_HINTS = re.compile(r"breadcrumb|ariane|fil d")
_MAX_TAGS, _MAX_TAG_TEXT = 30, 50


def rel_tag_texts(index: PageIndex, scope) -> list[str]:
    """Texts of the ``rel="tag"`` links under ``scope`` (WordPress ``rel="category tag"`` links left out)."""
    return [
        element_text(a) for a in index.rel_links_with("tag", scope)
        if "category" not in a.get("rel").lower() and not in_furniture(a)
    ]


def tag_block_texts(index: PageIndex, scope) -> list[str]:
    """Link texts of a tag list (``.tags``, ``.post-tags``, ``.keywords``, ``.mots-cles``) under ``scope``."""
    for hinted in index.matching(_TAG_HINTS, _TAG_BLOCK_TAGS, scope):
        block = hinted.element
        if not _TAG_HINTS.search(hints(block)) or in_furniture(block):
            continue
        texts = [element_text(a) for a in _LINKS(block)]
        if texts and len(texts) <= _MAX_TAGS and all(len(text) <= _MAX_TAG_TEXT for text in texts):
            return texts
    return []


def category_link_text(index: PageIndex) -> str | None:
    """The first ``rel="category"`` link of the article (WordPress themes mark category links so)."""
    for link in index.rel_links_with("category"):
        text = element_text(link)
        if text and not in_furniture(link):
            return text
    return None


def breadcrumb_element(index: PageIndex):
    """The first element marked as a breadcrumb (class, id, ``aria-label``, BreadcrumbList microdata)."""
    found = index.matching(_BREADCRUMB_HINTS)
    return found[0].element if found else None


def breadcrumb_from(element) -> list[str]:
    """The labels of a breadcrumb element, one per text piece, separators dropped."""
    if element is None:
        return []
    return breadcrumb_items(_VISIBLE_TEXT_NODES(element))


def breadcrumb_parent(element, page_url: str) -> str | None:
    """The label of the last breadcrumb link before the page itself, the home link excluded."""
    if element is None:
        return None
    links = [a for a in _LINKS(element) if element_text(a)]
    page = page_url.split("#")[0].rstrip("/")
    inner = [a for a in links[1:] if urljoin(page_url, a.get("href") or "").rstrip("/") != page]
    return element_text(inner[-1]) if inner else None
