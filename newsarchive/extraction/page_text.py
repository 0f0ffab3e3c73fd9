"""The paragraphs of a page outside furniture, with their sizes, commas and blocks: what the content finder scores.

A paragraph is a ``<p>``, ``<pre>``, a ``<td>`` or ``<blockquote>`` without paragraphs of its own, or a ``<div>`` (an
``<article>``, ``<main>``, ``<section>``, ``<center>``, the ``<body>``) that holds text of its own (text typed between
its elements, or, on a page with little text in paragraphs, styled runs between line breaks) of at least 25 characters,
outside furniture, and a list's item on such a page, or in a list set among the paragraphs; its size is its text's
length less its links'.
"""

from __future__ import annotations

from lxml import etree

from newsarchive.text import clean_text

from .boilerplate import NON_CONTENT_TAGS, is_boilerplate
from .furniture_lines import MAX_PROMPT_LINE, is_furniture_line
from .html import all_text

PARAGRAPH_TAGS = ("p", "pre", "td", "blockquote", "div")
# Blocks that may hold a page's text typed in them, between line breaks, as a <div> may (read as its <div>s are): an old
# or hand-written page's (``<body>``, ``<center>``) or one that types its text in its ``<article>`` or its sections.
TEXT_BLOCKS = ("article", "main", "section", "center", "body")
MIN_PARAGRAPH_CHARS = 25
MIN_BODY_CHARS = 200
_LONG_BLOCK_CHARS = 300  # a block scores 3 points for its length at most: a longer one may show several paragraphs
_FEW_CHARS = 2 * MIN_BODY_CHARS  # a page with less text in paragraphs is read for styled runs too
# <div>s with text of their own besides spaces: the others hold no paragraph of their own (a query answers at once;
# "/descendant::div" reads each element once, where "//div" lists the children of every node).
_WORDED_DIVS = etree.XPath("/descendant::div[text()[normalize-space()]]")
# Inline elements that style a run of text (no link: a line of links is no paragraph).
_STYLED_RUNS = frozenset({"span", "font", "b", "strong", "i", "em", "u", "small", "big", "mark"})
_INLINE = _STYLED_RUNS | {"a", "br", "abbr", "cite", "code", "q", "sub", "sup", "time"}


class PageText:
    """Paragraphs of a page outside furniture: `sizes` (element -> characters out of links), `paragraphs`
    (``(element, size, commas, blocks)`` of those not mostly links) and `containers`, the elements holding them,
    outside furniture."""

    def __init__(self, doc, headline=None):
        self._blocked: dict = dict.fromkeys(_wrappers_of(headline, doc), False)
        self.sizes: dict = {}
        self.paragraphs: list[tuple] = []
        worded_divs = set(_WORDED_DIVS(doc))  # most <div>s only hold other elements
        for el in doc.iter(*PARAGRAPH_TAGS, *TEXT_BLOCKS):
            tag = el.tag
            if tag == "div":
                if el in worded_divs:
                    self._add(el, _direct_text(el), False)
            elif tag in TEXT_BLOCKS:  # few on a page: their own text is looked for here, not by a query
                if _holds_own_text(el):
                    self._add(el, _direct_text(el), False)
            elif tag not in ("td", "blockquote") or el.find(".//p") is None:  # else its paragraphs count alone
                self._add(el, all_text(el), True)
        if sum(self.sizes.values()) < _FEW_CHARS:  # no body in paragraphs: maybe one typed as styled runs, or a list's
            for el in doc.iter("div", "li", *TEXT_BLOCKS):  # items (rare)
                if el.tag == "li":
                    if _holds_a_line(el):
                        self._add(el, all_text(el), True)
                elif el not in worded_divs and _holds_styled_text(el):
                    self._add(el, _direct_text(el), False)
        else:  # the items of a list set among the text's paragraphs are its text too
            holders = {paragraph.getparent() for paragraph, size in self.sizes.items() if size}
            for listing in [listing for listing in doc.iter("ul", "ol") if listing.getparent() in holders]:
                for item in listing:
                    if item.tag == "li" and _holds_a_line(item):
                        self._add(item, all_text(item), True)
        self.containers = [el for el, blocked in self._blocked.items() if not blocked]
        self._weights = _summed_up(self.sizes)

    def _add(self, el, text: str, linked: bool) -> None:
        size = len(text.strip())
        if size < MIN_PARAGRAPH_CHARS or self.blocked(el):
            return
        if size < MAX_PROMPT_LINE and is_furniture_line(clean_text(text)):
            return  # a line of furniture in the text (a cookie notice, a newsletter's offer): no weight
        links = link_chars(el) if linked else 0
        self.sizes[el] = max(size - links, 0)
        if links < 0.5 * size:
            self.paragraphs.append((el, size, _commas(text), _blocks(el) if size > _LONG_BLOCK_CHARS else 1))

    def blocked(self, el) -> bool:
        """True when `el` or one of its ancestors below <body> is furniture."""
        chain, node, result = [], el, False
        while node is not None and node.tag not in ("body", "html"):
            cached = self._blocked.get(node)
            if cached is not None:
                result = cached
                break
            chain.append(node)
            node = node.getparent()
        for node in reversed(chain):
            result = result or is_boilerplate(node)
            self._blocked[node] = result
        return result

    def paragraph_count(self, el) -> int:
        """Number of paragraphs under `el` that count for its weight."""
        sizes = self.sizes
        return sum(1 for p in el.iter(*PARAGRAPH_TAGS) if sizes.get(p))

    def weight(self, el) -> int:
        """Characters of non-link paragraph text under `el`."""
        return self._weights.get(el, 0)


def _wrappers_of(headline, root) -> list:
    """The blocks around a headline that is no ``<h1>`` (an ``<h2>``, an old site's title), below ``<body>`` and in
    ``root``: the article's, whatever their names (VnExpress's ``div.sidebar-1`` around its title and its text), as
    :func:`.boilerplate.wraps_the_article` tells of those around an ``<h1>``. Only those around the page's region
    that holds it, if one does (:data:`.boilerplate.NON_CONTENT_TAGS`: an ``<aside>``, a ``<nav>``, a ``<footer>``):
    that region is what it is."""
    wrappers: list = []
    if headline is None or headline.tag == "h1":
        return wrappers
    for block in headline.iterancestors():
        if block.tag in ("body", "html"):
            break
        wrappers = [] if block.tag in NON_CONTENT_TAGS else [*wrappers, block]
        if block is root:
            break
    return wrappers


def _summed_up(sizes: dict) -> dict:
    """The weight of every element holding a counted paragraph: each paragraph's size is added to it and its
    ancestors (a few paragraphs a page, where summing each asked element's subtree walks the body many times)."""
    weights: dict = {}
    for paragraph, size in sizes.items():
        if size:
            weights[paragraph] = weights.get(paragraph, 0) + size
            for ancestor in paragraph.iterancestors():
                weights[ancestor] = weights.get(ancestor, 0) + size
    return weights


def _commas(text: str) -> int:
    """The commas of a text, in Latin, CJK and Arabic script."""
    return text.count(",") + text.count("，") + text.count("、") + text.count("،")


def _blocks(el) -> int:
    """How many paragraphs a block of text shows: one, and one more for each blank line (``<br><br>``) that breaks it
    (a body written as one ``<div>`` of lines counts as the paragraphs it shows)."""
    return 1 + sum(1 for child in el if child.tag == "br") // 2


def _holds_styled_text(el) -> bool:
    """Whether a ``<div>`` holds text in styled runs of its own (``<span style=…>``, ``<font>``): text pasted into an
    editor, lines between ``<br>``, with no paragraph element."""
    return any(child.tag in _STYLED_RUNS and child.text and not child.text.isspace() for child in el)


def _holds_a_line(el) -> bool:
    """Whether a list's item is a line of text: no block inside it (a teaser's title and excerpt are blocks)."""
    return all(child.tag in _INLINE for child in el.iterdescendants())


def _holds_own_text(el) -> bool:
    """Whether an element holds text of its own besides spaces, typed between its elements."""
    return not (el.text or " ").isspace() or any(child.tail and not child.tail.isspace() for child in el)


def _direct_text(el) -> str:
    """The text of a ``<div>``'s own lines: its text, its styled runs' text and its children's tails."""
    parts = [el.text or ""]
    for child in el:
        if child.tag in _STYLED_RUNS:
            parts.append(all_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def link_chars(el) -> int:
    """Characters of the links under `el`, each link's text stripped (without an XPath call for the usual link
    holding text alone: pages with thousands of links)."""
    chars = 0
    for link in el.iter("a"):
        text = all_text(link) if len(link) else link.text
        if text:
            chars += len(text.strip())
    return chars
