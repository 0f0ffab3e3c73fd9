"""Where the page's furniture lies: whether an element sits in a sidebar, navigation, related links, comments or the
page footer, and the page without those blocks."""

from __future__ import annotations

import copy
import weakref
from functools import lru_cache
from itertools import islice

from lxml import etree

from newsarchive.extraction.boilerplate import (
    declares_article_body,
    hint_text,
    holds_an_h1,
    holds_text,
    wraps_the_article,
)
from newsarchive.extraction.furniture_lines import is_furniture_heading, is_outside_article_heading
from newsarchive.extraction.html import SUBHEADING_TAGS, all_text, element_text, fills_alone, is_inside
from newsarchive.extraction.listings import listing_items
from newsarchive.extraction.vocabulary.classes import (
    ENTRY_FOOTER_HINTS,
    ENTRY_HINTS,
    ENTRY_WORDS,
    FOOTER_HINTS,
    FURNITURE_BLOCK_HINTS,
    OUTSIDE_ARTICLE_HINTS,
    SOFT_FURNITURE_BLOCK_HINTS,
)
from newsarchive.text import holds_any

_FURNITURE_TAGS = frozenset({"aside", "nav"})
_FURNITURE_ROLES = frozenset({"navigation", "menu", "menubar"})  # a <div role="navigation"> is a <nav>
_HEADING_SIBLINGS = 2  # elements before a block where the heading of its box may be
_OPENING_DEPTH = 3  # first blocks, one in the other, where a box's heading may open it
_BOX_DEPTH = 8  # ancestors of a date, a card's and its row's, among which the box a heading names may be
_HOLDS_HEADLINE = etree.XPath("boolean(descendant::h1 or descendant::main)")
_HEADER_WITH_HEADLINE = etree.XPath("boolean(self::header and (h1 or */h1))")
MAX_CARD_TEXT = 1000  # a story's card: its title, a line or two, its byline and date


def in_furniture(element) -> bool:
    """True when the element sits in a sidebar, navigation (``<nav>``, ``role="navigation"``), related-links or
    comment block, or in the page footer (a ``<footer>`` inside an ``<article>`` belongs to the article, unless that
    article is a teaser inside an ``<aside>`` or a ``<nav>``)."""
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
        names_block, names_footer = _furniture_words(node, label) if label else (False, False)
        if names_block and declares_article_body(node):  # "content-body inline-promos": the body, holding promotions
            state = _NOT_FURNITURE
        elif tag in _FURNITURE_TAGS or names_block and not wraps_the_article(node) \
                or node.get("role") in _FURNITURE_ROLES:
            state = _FURNITURE  # (a layout's wrapper named for its sidebar, "cs-sidebar-enabled", holds the headline)
        elif tag in ("article", "main"):  # a teaser <article> in furniture is still furniture
            state = _FURNITURE if tag == "article" and _is_furniture_card(node) else _NOT_FURNITURE
        else:  # an hAtom entry (Blogger's div.post.hentry) is an article, unless in a furniture block: told below
            entry = holds_any(label, ENTRY_WORDS) and ENTRY_HINTS.search(label) is not None  # (most labels: no word)
            below.append((node, tag == "footer" or names_footer, entry))
            node = node.getparent()
            continue
        _FURNITURE_STATES[node] = state
        break
    for node, footer, entry in reversed(below):
        if entry:
            state = _FURNITURE if state in (_OPEN_FOOTER, _FURNITURE) else _NOT_FURNITURE
        elif state < _NOT_FURNITURE and footer:
            state = _OPEN_FOOTER
        _FURNITURE_STATES[node] = state
    return state


def _is_furniture_card(article) -> bool:
    """Whether an ``<article>`` is another story's card: in an ``<aside>`` or a ``<nav>``, or, holding no ``<h1>``,
    in furniture (``div.related-posts``: its parent's state, known once for all the cards) or in a box a heading names
    so (``<div><h2>Autres actualités</h2><article>…``)."""
    if any(above.tag in _FURNITURE_TAGS for above in article.iterancestors()):
        return True
    parent = article.getparent()
    if parent is None or holds_an_h1(article):
        return False
    return _furniture_state(parent) in (_OPEN_FOOTER, _FURNITURE) or headed_as_furniture(article) \
        or headed_as_furniture(parent)


def is_article_aside(element) -> bool:
    """True for an ``<aside>`` right inside the article (an ``<article>`` or ``<main>`` around it, no furniture
    between) whose class and id name no furniture (related links, comments…): some themes put the article's own
    details there (author, dates), not a sidebar; and for one in a ``<header>`` beside its ``<h1>``, whatever its
    class (Ghost's Headline: the author and the date in ``aside.gh-article-sidebar``)."""
    parent = element.getparent() if element.tag == "aside" else None
    if parent is None or _HEADER_WITH_HEADLINE(parent):
        return parent is not None
    return not furniture_label(element) and _furniture_state(parent) == _NOT_FURNITURE


def in_article_aside(element) -> bool:
    """True when the nearest ``<aside>`` around ``element`` is an article's own (:func:`is_article_aside`) and no block
    between them names furniture: the article's details (its author, its dates), not a sidebar."""
    for node in element.iterancestors():
        if node.tag == "aside":
            return is_article_aside(node)
        if furniture_label(node):
            return False
    return False


def without_furniture(doc, article=None):
    """A copy of the page without its furniture blocks (``<aside>``, ``<nav>``, elements whose class or id names
    comments, related links, a sidebar…, a block that a heading names so: ``<div><h3>À lire aussi</h3>…``) and
    without other stories' cards (:func:`is_story_card`), for a reader that searches the whole page; a block holding
    the headline, the ``<main>`` or an ``<article>`` that is no card is a wrapper of the page, kept. Outside
    ``article`` (the article's element in ``doc``, when given), a strip of news flashes and an agenda are furniture
    too (:data:`~.vocabulary.classes.OUTSIDE_ARTICLE_HINTS`), and the items of lists of other pages, however unnamed
    (:func:`~.listings.listing_items`)."""
    pruned = copy.deepcopy(doc)
    own = next(iter(pruned.xpath(doc.getroottree().getpath(article))), None) if article is not None else None  # copy
    cards = {card for card in pruned.iter("article") if is_story_card(card)}  # each article's text read once
    blocks = [element for element in pruned.iter(etree.Element)
              if element in cards or (element.tag in _FURNITURE_TAGS or furniture_label(element)
                                      or own is not None and _outside_named(element, own))
              and not _holds_article(element, cards)]
    holding: dict = {}  # parent -> whether it holds the article, asked once for all its headings
    for heading in [element for element in pruned.iter(*SUBHEADING_TAGS) if _is_furniture_heading(element, own)]:
        blocks.extend(_named_box(heading, cards, holding))
    if own is not None:
        blocks.extend(listing_items(pruned, own))
    for block in blocks:
        if block.getparent() is not None:
            block.drop_tree()
    return pruned


def in_news_strip(element, body, headline) -> bool:
    """Whether ``element`` lies in a strip of news flashes or an agenda (a site's "fil info" in its header, named by
    :data:`~.vocabulary.classes.OUTSIDE_ARTICLE_HINTS`) that holds neither ``body``, the article's text, nor its
    ``headline``."""
    if body is None or is_inside(element, body):
        return False
    holders = {*body.iterancestors(), *(headline.iterancestors() if headline is not None else ())}
    for node in (element, *element.iterancestors()):
        if node in holders:
            return False
        if OUTSIDE_ARTICLE_HINTS.search(hint_text(node)):
            return True
    return False


def _outside_named(element, article) -> bool:
    """Whether ``element`` is named a strip of news flashes or an agenda and lies outside ``article``."""
    return OUTSIDE_ARTICLE_HINTS.search(hint_text(element)) is not None and not is_inside(element, article) \
        and not is_inside(article, element)


def _named_box(heading, cards: set, holding: dict) -> list:
    """The box a furniture heading names: its parent (the block around it when the parent wraps the heading alone,
    ``<div><div class="title"><h4>Related Post</h4></div><div class="row">…``), or the heading and the block after it
    when the parent holds the article (``holding`` keeps the answer for each parent)."""
    parent = heading.getparent()
    if parent is not None and fills_alone(heading) and parent.getparent() is not None \
            and not _holds(parent.getparent(), cards, holding):
        heading, parent = parent, parent.getparent()
    if parent is not None and not _holds(parent, cards, holding):
        return [parent]
    return [heading, *islice(heading.itersiblings(etree.Element), 1)]


def _holds(block, cards: set, holding: dict) -> bool:
    """:func:`_holds_article` of a block, kept in ``holding``."""
    if block not in holding:
        holding[block] = _holds_article(block, cards)
    return holding[block]


def headed_as_furniture(element) -> bool:
    """Whether an element is (or is an item of) a box of furniture that a heading names, with no class to say so
    (``<section><h3>Commentaires</h3><ul>…``): it opens with such a heading, maybe in its first block (a column
    holding the box: ``<div><div><h2>Dans la même rubrique</h2>…``), or one of the elements just before it is one."""
    first = next(element.iterchildren(etree.Element), None)
    for _ in range(_OPENING_DEPTH):
        if first is None:
            break
        if _is_furniture_heading(first):
            return True
        first = next(first.iterchildren(etree.Element), None)
    parent = element.getparent()
    return _after_furniture_heading(element) or parent is not None and _after_furniture_heading(parent)


def in_headed_box(element, scope, headline, told: dict) -> bool:
    """Whether an element is or lies in a box that a heading names as furniture (:func:`headed_box`)."""
    return headed_box(element, scope, headline, told) is not None


def headed_box(element, scope, headline, told: dict):
    """The box that a heading names as furniture (:func:`headed_as_furniture`) that an element is or lies in, below
    ``scope`` (the article around the headline) and apart from ``headline``, or None; the box is among the element's
    first ``_BOX_DEPTH`` ancestors (a card in a row of cards: a page nested thousands deep costs no more). ``told``
    keeps each ancestor's answer: the dates of a page share most of theirs."""
    for ancestor in (element, *islice(element.iterancestors(), _BOX_DEPTH)):
        if ancestor is scope or ancestor.tag in ("body", "html") \
                or headline is not None and is_inside(headline, ancestor):
            return None
        headed = told.get(ancestor)
        if headed is None:
            headed = told[ancestor] = headed_as_furniture(ancestor)
        if headed:
            return ancestor
    return None


def _after_furniture_heading(element) -> bool:
    for before in islice(element.itersiblings(etree.Element, preceding=True), _HEADING_SIBLINGS):
        if before.tag in SUBHEADING_TAGS:
            return _is_furniture_heading(before)
    return False


def _is_furniture_heading(element, article=None) -> bool:
    """Whether a heading names a box of furniture; outside ``article`` (when given), a strip of news flashes or an
    agenda too."""
    if element.tag not in SUBHEADING_TAGS:
        return False
    text = element_text(element)
    return is_furniture_heading(text) or article is not None and is_outside_article_heading(text) \
        and not is_inside(element, article)


def is_story_card(element) -> bool:
    """Whether an element is another story's card: a short ``<article>`` without a headline (a title in an ``<h3>``,
    a line, a byline, a date), as lists of related or latest stories give each story."""
    return element.tag == "article" and element.find(".//h1") is None and len(all_text(element)) < MAX_CARD_TEXT


def in_other_story(element, own, cards: dict) -> bool:
    """Whether ``element`` is or is in another story's card (:func:`is_story_card`: a related story's short
    ``<article>``) that does not hold ``own`` (the page's headline or body); ``cards`` keeps each ``<article>``'s
    answer, read once for all the elements in it (thousands of them cost no more)."""
    card = element if element.tag == "article" else next(element.iterancestors("article"), None)
    if card is not None and card not in cards:
        cards[card] = is_story_card(card) and (own is None or not is_inside(own, card))
    return card is not None and cards[card]


def _holds_article(element, cards: set) -> bool:
    """Whether a block holds the headline, the page's ``<main>`` or an ``<article>`` that is none of ``cards``."""
    return _HOLDS_HEADLINE(element) or any(article not in cards for article in element.iterdescendants("article"))


def furniture_label(element) -> bool:
    """True when the element's own class or id names furniture (related links, comments, sidebar...; a promotion's
    box only when it holds no text of its own: ``promotion-sante`` is a site's section)."""
    label = hint_text(element)
    return bool(label) and _furniture_words(element, label)[0]


def _furniture_words(element, label: str) -> tuple[bool, bool]:
    """(whether the element's class and id words, ``label``, name a furniture block, whether they name a footer)."""
    block, soft, footer = _label_words(label)
    return block or soft and not _holds_text(element), footer


# Whether a block named like a promotion holds text, read once for each: the blocks above an element are asked about
# for every element below them (thousands of nested ones would each read their subtree again and again).
_HOLDS_TEXT: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _holds_text(element) -> bool:
    found = _HOLDS_TEXT.get(element)
    if found is None:
        found = _HOLDS_TEXT[element] = bool(holds_text(element))
    return found


@lru_cache(maxsize=4096)
def _label_words(label: str) -> tuple[bool, bool, bool]:
    """(whether class and id words name a furniture block, a block that is furniture when it holds no text, the page's
    footer, not a post's): the same ancestors are asked about for every element of a page."""
    return (bool(FURNITURE_BLOCK_HINTS.search(label)), bool(SOFT_FURNITURE_BLOCK_HINTS.search(label)),
            bool(FOOTER_HINTS.search(ENTRY_FOOTER_HINTS.sub(" ", label))))
