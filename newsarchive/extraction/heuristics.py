"""Generic readers of the visible page, used when neither the site class nor the structured data give a field.

They look at the elements of a :class:`~newsarchive.extraction.index.PageIndex` (built in one pass)
rather than querying the whole tree once per reader.
"""

from __future__ import annotations

import copy
import re
import weakref
from functools import lru_cache

from lxml import etree

from newsarchive.dates import find_date_strings
from newsarchive.extraction.boilerplate import hint_text
from newsarchive.extraction.html import all_text, element_text, spaced_text
from newsarchive.extraction.index import PageIndex
from newsarchive.extraction.vocabulary.classes import (
    BYLINE_HINTS,
    FOOTER_HINTS,
    FURNITURE_BLOCK_HINTS,
    LOGO_HINTS,
    NOT_BYLINE_HINTS,
)
from newsarchive.extraction.vocabulary.labels import BYLINE_LEAD, BYLINE_WORD, BYLINE_WORDS, SIGNED_LEAD
from newsarchive.text import may_hold_word, reduced_text

_IMAGES = etree.XPath(".//img[@src or @data-src]")
_LINKED_HEADING = etree.XPath("boolean(.//a[@href])")
_HOLDS_ARTICLE = etree.XPath("boolean(descendant::h1 or descendant::article or descendant::main)")

_FURNITURE_TAGS = frozenset({"aside", "nav"})
_NOT_BYLINE_TAGS = frozenset({"meta", "link", "script", "img", "html", "body", "article", "main"})
_WORDS = re.compile(r"[^\W\d_]{2}")
_MAX_BYLINE_TEXT = 160


def hints(element) -> str:
    """Lower-cased ``class`` and ``id`` of an element."""
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()


def in_furniture(element) -> bool:
    """True when the element sits in a sidebar, navigation, related-links or comment block, or in the
    page footer (a ``<footer>`` inside an ``<article>`` belongs to the article, unless that article is a teaser
    inside an ``<aside>`` or a ``<nav>``)."""
    return _furniture_state(element) in (_OPEN_FOOTER, _FURNITURE)


# What the walk from an element up to <body> says: nothing yet (with or without a footer on the way), or an ancestor
# decided (a furniture block; an <article> or <main>, furniture only as a teaser in an <aside> or a <nav>).
_OPEN, _OPEN_FOOTER, _NOT_FURNITURE, _FURNITURE = 0, 1, 2, 3
# The state of each element walked, kept as long as lxml keeps its proxy (the page index holds every proxy of a page
# while the page is read): the elements asked about share most of their ancestors.
_FURNITURE_STATES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _furniture_state(element) -> int:
    below, node, state = [], element, _OPEN
    while node is not None:
        known = _FURNITURE_STATES.get(node)
        if known is not None:
            state = known
            break
        tag = node.tag
        if tag in ("body", "html"):
            break
        label = hint_text(node)
        names_block, names_footer = _furniture_words(label) if label else (False, False)
        if tag in _FURNITURE_TAGS or names_block:
            state = _FURNITURE
        elif tag in ("article", "main"):  # a teaser <article> in an <aside> or <nav> is still furniture
            teaser = tag == "article" and any(above.tag in _FURNITURE_TAGS for above in node.iterancestors())
            state = _FURNITURE if teaser else _NOT_FURNITURE
        else:
            below.append((node, tag == "footer" or names_footer))
            node = node.getparent()
            continue
        _FURNITURE_STATES[node] = state
        break
    for node, footer in reversed(below):
        if state < _NOT_FURNITURE and footer:
            state = _OPEN_FOOTER
        _FURNITURE_STATES[node] = state
    return state


def is_article_aside(element) -> bool:
    """True for an ``<aside>`` right inside the article (an ``<article>`` or ``<main>`` around it, no furniture
    between) whose class and id name no furniture (related links, comments…): some themes put the article's own
    details there (author, dates), not a sidebar."""
    if element.tag != "aside" or furniture_label(element):
        return False
    parent = element.getparent()
    return parent is not None and _furniture_state(parent) == _NOT_FURNITURE


def without_furniture(doc):
    """A copy of the page without its furniture blocks (``<aside>``, ``<nav>``, elements whose class or id names
    comments, related links, a sidebar…), for a reader that searches the whole page; a block holding the headline or
    an ``<article>`` is a wrapper of the page, kept."""
    pruned = copy.deepcopy(doc)
    blocks = [element for element in pruned.iter(etree.Element)
              if (element.tag in _FURNITURE_TAGS or furniture_label(element)) and not _HOLDS_ARTICLE(element)]
    for block in blocks:
        if block.getparent() is not None:
            block.drop_tree()
    return pruned


def furniture_label(element) -> bool:
    """True when the element's own class or id names furniture (related links, comments, sidebar...)."""
    label = hint_text(element)
    return bool(label) and _furniture_words(label)[0]


@lru_cache(maxsize=4096)
def _furniture_words(label: str) -> tuple[bool, bool]:
    """(whether class and id words name a furniture block, whether they name a footer): the same ancestors are
    asked about for every element of a page."""
    return bool(FURNITURE_BLOCK_HINTS.search(label)), bool(FOOTER_HINTS.search(label))


def headline_element(index: PageIndex, titles=()):
    """The headline's element: the first ``<h1>`` with text that is not a logo nor furniture, preferring one
    inside ``<article>``/``<main>``; else the first ``<h1>``/``<h2>`` that says one of the structured ``titles``
    (``og:title``, JSON-LD headline), wherever it is; else the first ``<h1>`` with text that is not a logo."""
    fallback, first = None, None
    for h1 in index.by_tag["h1"]:
        if _is_site_title(h1) or not element_text(h1):
            continue
        first = first if first is not None else h1
        if in_furniture(h1):
            continue
        if article_container(h1) is not None:
            return h1
        fallback = fallback if fallback is not None else h1
    if fallback is not None:
        return fallback
    found = _heading_saying(index, titles)
    return found if found is not None else first


def _is_site_title(heading) -> bool:
    """Whether a heading is the site's name: a logo, or a heading in the site's banner (``role="banner"`` outside
    any ``<article>`` or ``<main>``: some themes mark an article's own header so)."""
    if LOGO_HINTS.search(hints(heading)):
        return True
    in_banner = False
    for ancestor in heading.iterancestors():
        if ancestor.tag in ("article", "main"):
            return False
        in_banner = in_banner or ancestor.get("role") == "banner"
    return in_banner


def _heading_saying(index: PageIndex, titles):
    wanted = {reduced_text(title) for title in titles if title} - {""}
    if not wanted:
        return None
    for heading in index.by_tag["h1"] + index.by_tag["h2"]:
        if reduced_text(element_text(heading)) in wanted and not _is_site_title(heading):
            return heading
    return None


def article_container(headline):
    """The ``<article>`` or ``<main>`` element around the headline, if any."""
    if headline is None:
        return None
    return next((a for a in headline.iterancestors() if a.tag in ("article", "main")), None)


def around_headline(doc, headline):
    """The part of the page around the headline: its ``<article>``/``<main>`` ancestor, else its grandparent."""
    if headline is None:
        return doc
    container = article_container(headline)
    if container is not None:
        return container
    parent = headline.getparent()
    grandparent = parent.getparent() if parent is not None else None
    return grandparent if grandparent is not None and grandparent.tag != "html" else doc


def byline_text(index: PageIndex, headline=None) -> str | None:
    """The raw text of the byline element (``by Sara``, ``Par Jean Dupont``)."""
    ranked = sorted(  # the best first, then the first in the page (positions are unique): the rest are not read
        (_byline_rank(hinted.label), hinted.position, hinted.element) for hinted in index.matching(BYLINE_HINTS)
        if hinted.element.tag not in _NOT_BYLINE_TAGS
    )
    for _, _, element in ranked:
        if NOT_BYLINE_HINTS.search(hints(element)) or in_furniture(element):
            continue
        text = _signed_text(element)
        if text and len(text) <= _MAX_BYLINE_TEXT and not _only_dates(text):
            return text
    return (_rel_author_byline(index) or _address_byline(index) or _byline_after_headline(headline)
            or _byline_in_article_header(index))


def _only_dates(text: str) -> bool:
    """Whether a text says nothing but dates (``novembre 03, 2018``: a timestamp classed as a byline)."""
    for found in find_date_strings(text):
        text = text.replace(found, " ")
    return _WORDS.search(text) is None


def _signed_text(element) -> str:
    """The shown text of the one child line of a byline block that says ``par``/``by`` a name, down to the smallest
    such line, when the block also holds other lines (the dates, a reading time, a comment count); else the
    block's."""
    text = None
    while True:
        signed = [child for child in element if isinstance(child.tag, str) and _may_sign(child)]
        signed = [(child, line) for child, line in ((child, spaced_text(child)) for child in signed)
                  if BYLINE_WORD.search(line)]
        if len(signed) != 1:
            return spaced_text(element) if text is None else text
        text = spaced_text(element) if text is None else text
        if signed[0][1] == text:
            return text
        element, text = signed[0]


def _may_sign(element) -> bool:
    """False when an element's text surely holds no ``par``/``by`` (its whole text, scripts included, holds all
    its shown text)."""
    return may_hold_word(all_text(element), BYLINE_WORDS)


def _byline_rank(label: str) -> int:
    """Which byline element to prefer: an explicit byline, a signature, an author element, microdata."""
    ranked = (("byline",), ("signature",), ("author", "auteur"))
    return next((rank for rank, words in enumerate(ranked) if any(word in label for word in words)), 3)


def _rel_author_byline(index: PageIndex) -> str | None:
    for link in index.rel_links_with("author"):
        if not in_furniture(link):
            parent_text = element_text(link.getparent())
            return parent_text if len(parent_text) <= _MAX_BYLINE_TEXT else element_text(link)
    return None


def _address_byline(index: PageIndex) -> str | None:
    for address in index.by_tag["address"]:
        text = element_text(address)
        if text and len(text) <= _MAX_BYLINE_TEXT and not in_furniture(address):
            return text
    return None


def _byline_after_headline(headline) -> str | None:
    if headline is None:
        return None
    for count, element in enumerate(headline.itersiblings()):
        shown = element_text(element)
        if BYLINE_WORD.search(shown) or SIGNED_LEAD.match(shown):  # "Par X", a "Par X" item of ul.info, "Texte : X"
            text = _signed_text(element)
            if _opens_byline(text) and len(text) <= _MAX_BYLINE_TEXT:
                return text
        if count >= 5:
            break
    return None


def _byline_in_article_header(index: PageIndex) -> str | None:
    """The ``Par X`` line of an article's ``<header>`` (Drupal's ``node__meta``, a theme's entry header)."""
    for header in index.by_tag["header"]:
        if article_container(header) is None or in_furniture(header) or not BYLINE_WORD.search(spaced_text(header)):
            continue
        text = _signed_text(header)
        if _opens_byline(text) and len(text) <= _MAX_BYLINE_TEXT:
            return text
    return None


def _opens_byline(text: str) -> bool:
    """Whether a line opens as a byline: ``Par X``, ``Rédigé par X``, ``Un article de X``, ``Texte : X``."""
    return bool(BYLINE_LEAD.match(text) or SIGNED_LEAD.match(text))


def rel_author_names(index: PageIndex) -> list[str]:
    return [element_text(a) for a in index.rel_links_with("author") if not in_furniture(a)]


def first_image(root) -> str | None:
    """The ``src`` (or lazy-loading ``data-src``) of the first image inside ``root``."""
    if root is None:
        return None
    for image in _IMAGES(root):
        source = image.get("data-src") or image.get("src")
        if source and not source.startswith("data:"):
            return source.strip()
    return None


def teaser_count(index: PageIndex) -> int:
    """How many article teasers the page lists (``<article>`` elements or linked headings outside furniture)."""
    headings = index.by_tag["h2"] + index.by_tag["h3"]
    linked = sum(1 for heading in headings if _LINKED_HEADING(heading) and not in_furniture(heading))
    return max(len(index.by_tag["article"]), linked)
