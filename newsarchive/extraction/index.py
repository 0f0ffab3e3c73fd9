"""One pass over a parsed page that indexes the elements the generic readers look at.

Walking the tree once in Python and testing one regular expression per element is several times
faster than one XPath query per reader with many ``contains(@class, …)`` tests each.
"""

from __future__ import annotations

import re
from functools import cached_property

from lxml import etree

from newsarchive.extraction.html import is_inside
from newsarchive.extraction.vocabulary.classes import TAG_PATH
from newsarchive.extraction.vocabulary.images import MEDIA_HINTS
from newsarchive.extraction.vocabulary.indexed import INDEX_HINT, INDEX_OR_MEDIA_HINT, INDEXED_HINTS

# Elements listed by tag: those the readers look at, and those of the structured data (StructuredData).
_INDEXED_TAGS = (
    "h1", "h2", "h3", "time", "article", "address", "footer", "header", "a", "meta", "link", "script", "svg"
)
_INDEXED = frozenset(INDEXED_HINTS)
_HINT_ATTRIBUTES = frozenset({  # (Framer names each element by its layer in the design: "Title", "Date", "Author")
    "class", "id", "itemprop", "itemtype", "aria-label", "role", "data-testid", "data-framer-name",
})
_MEDIA_TAGS = frozenset({"figure", "figcaption", "dl"})  # a <dl> may be an image and its caption
# Links of each kind kept for the readers: a page's tags, authors and categories are among its first
# links of the kind; a page with thousands of them (a tag cloud, a hostile page) costs no more.
MAX_LINK_CANDIDATES = 200
# The kinds of the labels seen (_label_kinds), kept from page to page: the pages of a site repeat their labels. A plain
# dict, emptied when full: a label is looked up once for every element that has it, and most pages bring hundreds of new
# ones (an LRU cache's bookkeeping on each miss costs more than the search it saves).
_KINDS: dict[str, tuple[str, bool]] = {}
_MAX_KINDS = 20_000
# Whether a label matches a pattern (labels_matching), by pattern (the readers' few), kept as _KINDS is.
_MATCHES: dict[re.Pattern, dict[str, bool]] = {}
# Whether a link's address leads to a tag page (tag_page_links), kept as _KINDS is.
_TAG_ADDRESSES: dict[str, bool] = {}


class Hinted:
    """An element whose attributes hold a hint word, its position in the page and its lower-cased hints."""

    __slots__ = ("element", "label", "position")

    def __init__(self, element, position: int, label: str):
        self.element = element
        self.position = position
        self.label = label


class PageIndex:
    """The page's elements of interest: some by tag, the others by the words of their attributes."""

    def __init__(self, doc):
        self.doc = doc
        self.by_tag: dict[str, list] = {tag: [] for tag in _INDEXED_TAGS}
        self.media: list = []
        self.hinted: list[Hinted] = []
        self.itemscopes: list = []  # elements with an ``itemscope`` (microdata items)
        # the first MAX_LINK_CANDIDATES elements but <meta> with RDFa's ``property`` and ``content`` (Drupal's
        # ``<span property="dc:date dc:created" content="…">``), read with the <meta> elements
        self.rdfa: list = []
        self.rel_links: list = []  # the first MAX_LINK_CANDIDATES links with a ``rel``, in page order
        self.positions: dict = {}  # element -> position in the page, for the elements listed by tag
        self._matched: dict = {}
        # Every element, held for as long as the page is read: lxml then hands out the same Python object for an
        # element each time a reader reaches it, instead of making a new one every time.
        self.elements = list(doc.iter(etree.Element))
        self._walk()

    def _walk(self) -> None:
        # One loop with few operations per element: this runs on every element of the page. Labels repeat
        # (list items, grid cells, a site's pages), so each distinct one is tested once.
        by_tag, positions, hinted, media = self.by_tag, self.positions, self.hinted, self.media
        rel_links = self.rel_links
        known = _KINDS
        for position, element in enumerate(self.elements):
            tag = element.tag
            if tag in by_tag:
                by_tag[tag].append(element)
                positions[element] = position
            elif tag in _MEDIA_TAGS:
                media.append(element)
            names = element.keys()  # the names only: values such as a srcset or a style are long
            if not names:
                if "-" in tag:  # a custom element, named by its tag (Rossel's <r-article--chapo>)
                    self._add_custom(element, position)
                continue
            if "itemscope" in names:
                self.itemscopes.append(element)
            if "property" in names and "content" in names and tag != "meta" and len(self.rdfa) < MAX_LINK_CANDIDATES:
                self.rdfa.append(element)
            # a link's rel read only when it has one (the names are at hand): most links have none
            if tag == "a" and "rel" in names and len(rel_links) < MAX_LINK_CANDIDATES and element.get("rel"):
                rel_links.append(element)
            label = None  # the values of its hint attributes, joined (a plain loop: no comprehension's call)
            for name in names:
                if name in _HINT_ATTRIBUTES:
                    value = element.get(name)
                    label = value if label is None else f"{label} {value}"
            if not label:
                continue
            kinds = known.get(label)
            if kinds is None:
                kinds = _label_kinds(label)
            if kinds[0]:
                hinted.append(Hinted(element, position, kinds[0]))
            if kinds[1] and tag not in _MEDIA_TAGS:
                media.append(element)

    def _add_custom(self, element, position: int) -> None:
        """Index a custom element without attributes by its tag's words, as a class's."""
        kinds = _KINDS.get(element.tag) or _label_kinds(element.tag)
        if kinds[0]:
            self.hinted.append(Hinted(element, position, kinds[0]))

    @cached_property
    def tag_links(self) -> list:
        """The first ``MAX_LINK_CANDIDATES`` links to a tag page (``/tag/…``, ``/sujets/…``), in page order."""
        # Listed when a reader first asks (one pass over the links), not in the walk of every element.
        return tag_page_links(self.by_tag["a"])

    def matching(self, pattern: re.Pattern, tags=None, scope=None, limit: int | None = None) -> list[Hinted]:
        """Hinted elements whose hints match ``pattern``, of one of ``tags``, inside ``scope``; in page order, the
        first ``limit`` of them (the others are not tested against ``tags`` and ``scope``)."""
        matched = self._matched.get(pattern)
        if matched is None:
            if pattern not in _INDEXED:
                raise ValueError(f"{pattern.pattern!r} is not among the vocabulary's INDEXED_HINTS: the index may miss elements")
            matched = self._matched[pattern] = labels_matching(pattern, self.hinted)
        found = []
        for hinted in matched:
            if (tags is None or hinted.element.tag in tags) and (scope is None or is_inside(hinted.element, scope)):
                found.append(hinted)
                if limit is not None and len(found) >= limit:
                    break
        return found

    def position(self, element) -> int:
        """An element's position in the page: known for the elements listed by tag, looked for among all others."""
        position = self.positions.get(element)
        return position if position is not None else self.elements.index(element)

    def rel_links_with(self, token: str, scope=None) -> list:
        """``<a>`` elements whose ``rel`` holds ``token``, inside ``scope``."""
        return [
            link for link in self.rel_links
            if token in link.get("rel").lower().split() and (scope is None or is_inside(link, scope))
        ]


def tag_page_links(links) -> list:
    """The first ``MAX_LINK_CANDIDATES`` of ``links`` that lead to a tag page (``/tag/…``, ``/sujets/…``), each address
    searched once, its answer kept from page to page (_TAG_ADDRESSES: a site's pages repeat their menus' links)."""
    known = _with_room(_TAG_ADDRESSES)
    to_tags = []
    for link in links:
        href = link.get("href")
        if not href:
            continue
        to_tag = known.get(href)
        if to_tag is None:
            to_tag = known[href] = TAG_PATH.search(href) is not None
        if to_tag:
            to_tags.append(link)
            if len(to_tags) >= MAX_LINK_CANDIDATES:
                break
    return to_tags


def labels_matching(pattern: re.Pattern, hinted: list[Hinted]) -> list[Hinted]:
    """The ``hinted`` elements whose label matches ``pattern``, each distinct label searched once, its answer kept from
    page to page as the labels' kinds are (_MATCHES); also narrows a reader's own list by a pattern the index does not
    keep."""
    found = _with_room(_MATCHES.setdefault(pattern, {}))
    matched = []
    for element in hinted:
        hit = found.get(element.label)
        if hit is None:
            hit = found[element.label] = pattern.search(element.label) is not None
        if hit:
            matched.append(element)
    return matched


def _label_kinds(label: str) -> tuple[str, bool]:
    """(the lower-cased label when it holds a reader's hint word else "", whether it names an image or a caption),
    kept in _KINDS."""
    lowered = label.lower()
    if INDEX_OR_MEDIA_HINT.search(lowered) is None:  # most labels: one search instead of two
        kinds = ("", False)
    else:
        kinds = (lowered if INDEX_HINT.search(lowered) else ""), bool(MEDIA_HINTS.search(lowered))
    _with_room(_KINDS)[label] = kinds
    return kinds


def _with_room(answers: dict) -> dict:
    """``answers`` kept from page to page, emptied once they are ``_MAX_KINDS``: bounded whatever the pages."""
    if len(answers) >= _MAX_KINDS:
        answers.clear()
    return answers

