"""Generic main-content detection: which element of a page holds the article body.

Semantic hints come first (`itemprop=articleBody`, common body class names,
`<article>`); a readability-style score of the page's paragraphs decides when
the hints are missing or point at too little text. The document is never
modified.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from itertools import islice

from lxml import etree

from .boilerplate import class_hint_text, class_weight, declares_article_body, is_boilerplate
from .captions import captions_from, split_credit
from .furniture import headed_as_furniture
from .heuristics import outermost_wrapper
from .html import all_text, fills_alone, holds
from .page_text import MIN_BODY_CHARS, MIN_PARAGRAPH_CHARS, PageText, link_chars
from .sections import sections_from
from .stories import headline_s_own_article
from .vocabulary.classes import BODY_CLASS, SPACING_CLASS, TEXT_FIELD_CLASS

__all__ = [
    "captions_from",
    "find_content_root",
    "headline_and_body",
    "is_boilerplate",
    "sections_from",
    "split_credit",
]

logger = logging.getLogger(__name__)

_TAG_SCORES = {
    "div": 5, "article": 5, "section": 3, "pre": 3, "td": 3, "blockquote": 3,
    "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
}
_ANCESTOR_SHARES = (1.0, 0.5, 1 / 6)
_NESTED_SHARE = 0.8
_NARROWER_SHARE = 0.6
_TOP_CANDIDATES = 8
_SIBLING_SHARE = 0.2
_SIBLING_PARAGRAPHS = 3
_FIELD_DEPTH = 2  # a field of text holds its text in items at most two levels down (Drupal 7)
# A field of text alone in its block is one of a body's chunks when its block's neighbours hold the others, at most
# three levels up: Drupal's Paragraphs (a list of items, each a paragraph entity holding its field of text).
_CHUNK_DEPTH = 3
_MAY_BE_TEXT_FIELDS = etree.XPath("descendant::*[contains(@class, 'type-text-')]")  # (TEXT_FIELD_CLASS, found in C)
# Linked titles or <article> cards: a list of teasers for other stories.
_TEASERS = etree.XPath("boolean(.//a//h2 | .//a//h3 | .//a//h4 | .//h2//a | .//h3//a | .//h4//a | .//article)")


def _has_body_class(el) -> bool:
    return _names_body(el.get("class") or "")


@lru_cache(maxsize=4096)
def _names_body(classes: str) -> bool:
    """Whether a class attribute names an article body (asked for every block holding text, in every tier)."""
    return bool(BODY_CLASS.search(classes))


def _is_article(el) -> bool:
    return el.tag == "article"


# (test, whether several disjoint matches are chunks of one body), strongest hint first
_SEMANTIC_TIERS = ((declares_article_body, True), (_has_body_class, True), (_is_article, False))


def find_content_root(doc, headline=None):
    """The element holding the article body of `doc`, or None when the page has no text. On a page of several
    articles, each with its headline (the next story loaded under the first), the body is looked for in the
    ``<article>`` of ``headline``, the page's headline element, when it holds a body."""
    if doc is None:
        return None
    page = PageText(doc, headline)
    if not page.sizes:
        return None
    root = _choose_root(page)
    if root is None:
        return None
    own = headline_s_own_article(root, headline, page)
    if own is not None:  # the body is looked for in the headline's article alone
        own_page = PageText(own, headline)
        own_root = _choose_root(own_page) if sum(own_page.sizes.values()) >= MIN_BODY_CHARS else None
        if own_root is not None:
            return _with_body_siblings(own_root, own_page)
    return _with_body_siblings(root, page)


def _with_body_siblings(root, page: PageText):
    """The root's parent when a part of the same body sits beside it (an intro before live entries), not a box that a
    heading names as furniture (``<div><h3>3 commentaires</h3>…``)."""
    node, parent = root, root.getparent()
    while parent is not None and parent.tag not in ("body", "html") and page.weight(parent) == page.weight(node):
        node, parent = parent, parent.getparent()
    if parent is None or parent.tag in ("body", "html") or len(parent.findall(".//h1")) > 1:
        return root
    least = _SIBLING_SHARE * page.weight(node)
    for sibling in parent:
        if sibling is not node and isinstance(sibling.tag, str) and page.weight(sibling) >= least \
                and page.paragraph_count(sibling) >= _SIBLING_PARAGRAPHS and not _TEASERS(sibling) \
                and not headed_as_furniture(sibling):  # "<div><h3>3 commentaires</h3>…": no part of the body
            return parent
    return root


def _choose_root(page: PageText):
    scored = _best_scored(page)
    semantic = _best_semantic(page)
    if semantic is None:
        return scored
    if scored is None:
        return semantic
    semantic_weight, scored_weight = page.weight(semantic), page.weight(scored)
    if semantic_weight < 0.4 * scored_weight:
        logger.debug("content hint <%s> holds too little text", semantic.tag)
        return scored
    if not declares_article_body(semantic) and scored_weight >= _NARROWER_SHARE * semantic_weight \
            and holds(semantic, scored):
        return scored  # a wide hint (<article>, "story-content") also holds the header, boxes...
    return semantic


def headline_and_body(doc, root, headline=None):
    """The part of the page that holds the headline and the body (lead image included).

    It is the smallest element holding both the content root and an <h1> or the ``headline`` element (Joomla K2's
    ``h2.itemTitle``; a theme's post title in an <h2> under the site's name in an <h1>): the deepest such element when
    several meet the root below <body>; else the root's enclosing <article>, else the root itself.
    """
    if root is None:
        return None
    headings = [*doc.iter("h1"), *([] if headline is None or headline.tag == "h1" else [headline])]
    meeting_points = [_common_ancestor([root, heading]) for heading in headings]
    meeting_points = [el for el in meeting_points if el is not None and el.tag not in ("html", "body")]
    if meeting_points:
        return max(meeting_points, key=_depth)
    return next(root.iterancestors("article"), root)


def _best_semantic(page: PageText):
    containers = page.containers
    for matches, chunked in _SEMANTIC_TIERS:
        candidates = [el for el in containers if matches(el)]
        weights = {el: page.weight(el) for el in candidates}
        best = max(weights.values(), default=0)
        if best < MIN_BODY_CHARS:
            continue
        near_best = [el for el in candidates if weights[el] >= _NESTED_SHARE * best]
        chosen = max(near_best, key=_depth)
        return _join_chunks(chosen, weights, page) if chunked else chosen
    return None


def _join_chunks(chosen, weights: dict, page: PageText):
    """The common ancestor of a body split into several marked chunks, else `chosen`."""
    lineage = {chosen, *chosen.iterancestors()}  # with its descendants, not chunks (found from each candidate's side)
    marked = {
        el for el, weight in weights.items()
        if weight >= MIN_PARAGRAPH_CHARS and el not in lineage and not holds(chosen, el)
    }
    chunks = [el for el in marked if not any(other in marked for other in el.iterancestors())]
    if not chunks:
        return chosen
    ancestor = _common_ancestor([chosen, *chunks])
    total = page.weight(chosen) + sum(weights[el] for el in chunks)
    if ancestor is None or page.weight(ancestor) > 1.3 * total + MIN_BODY_CHARS:
        return chosen
    if len(ancestor.findall(".//h1")) > 1:  # several articles on one page
        return chosen
    return ancestor


def _common_ancestor(elements: list):
    paths = [list(reversed([el, *el.iterancestors()])) for el in elements]
    common = None
    for level in zip(*paths):
        if any(node is not level[0] for node in level):
            break
        common = level[0]
    return common


def _depth(el) -> int:
    return sum(1 for _ in el.iterancestors())


def _best_scored(page: PageText):
    scores: dict = {}
    for el, size, commas, blocks in page.paragraphs:
        score = blocks + commas + min(size / 100, 3 * blocks)
        for share, ancestor in zip(_ANCESTOR_SHARES, _scored_ancestors(el)):
            if ancestor not in scores:
                scores[ancestor] = _TAG_SCORES.get(ancestor.tag, 0) + class_weight(ancestor)
            scores[ancestor] += score * share
    best = _least_linked_best(sorted(scores, key=scores.__getitem__, reverse=True)[:_TOP_CANDIDATES], scores)
    if best is None or not best.get("class"):
        return best
    twins = _twins(best, page)
    return _join_chunks(best, {el: page.weight(el) for el in twins}, page)


def _scored_ancestors(paragraph):
    """The blocks a paragraph's score goes to, nearest first: its ancestors, but the wrappers around a ``<p>`` that
    hold it alone (one element, no text of their own) when its neighbours are wrapped so too (a component's ``<div>``
    around each paragraph, Drupal's Paragraphs): each would take its paragraph's whole score, and the body's block a
    half or a sixth of it. A lone paragraph so wrapped among other blocks (an aside's) keeps its wrappers. A list's
    item scores for the block that holds the list: a long list is a part of a text, not the text without it."""
    listing = paragraph.getparent() if paragraph.tag == "li" else None
    if listing is not None and listing.tag in ("ul", "ol") and listing.getparent() is not None:
        return listing.iterancestors()
    top = outermost_wrapper(paragraph) if paragraph.tag == "p" else paragraph
    if top is paragraph or not any(_wraps_a_paragraph_alone(sibling) for sibling in (top.getprevious(), top.getnext())
                                   if sibling is not None and sibling.tag == top.tag):
        return paragraph.iterancestors()
    return top.iterancestors()


def _wraps_a_paragraph_alone(element) -> bool:
    """Whether an element holds a ``<p>`` alone, through wrappers that hold nothing else (:func:`.html.fills_alone`)."""
    while len(element) == 1 and fills_alone(element[0]):
        element = element[0]
        if element.tag == "p":
            return True
    return False


def _twins(best, page: PageText) -> list:
    """The containers of text of the best block's kind: of its tag and class, or, when it is (or lies in) a CMS's
    field of long text, the fields of long text beside that field (Drupal 7 nests the text in the field's items), or
    beside its block when it is alone there (Drupal's Paragraphs: each chunk of text a field of its own)."""
    field = next((el for el in (best, *islice(best.iterancestors(), _FIELD_DEPTH)) if _is_text_field(el)), None)
    if field is None:  # elements holding a counted paragraph are all containers
        kind = _class_kind(best)
        return [el for el in page.containers if el.tag == best.tag and _class_kind(el) == kind]
    for block in islice(field.iterancestors(), _CHUNK_DEPTH):
        fields = [el for el in _MAY_BE_TEXT_FIELDS(block) if el is not field and _is_text_field(el) and page.weight(el)]
        if fields:
            return fields
    return []


def _class_kind(el) -> frozenset[str]:
    """The names of an element's classes, their modifiers and utility variants left out (:func:`.hint_text`):
    ``RichText RichText--lastPmb0 lg:w-8/12`` is of the kind of ``RichText lg:w-8/12``, the last chunk of a body
    split in blocks of one component; its spacing classes too (Odoo's ``s_text_block pt40``, ``s_text_block pt16``)."""
    return frozenset(name for name in class_hint_text(el).split()  # (not the id: each chunk may have its own)
                     if not SPACING_CLASS.fullmatch(name))


def _is_text_field(el) -> bool:
    return TEXT_FIELD_CLASS.search(el.get("class") or "") is not None


def _least_linked_best(top: list, scores: dict):
    """The first of `top` with the highest score once its link density is taken off. Taking it off leaves a
    score no higher (nor above 0), so a candidate that cannot pass the best so far is not read."""
    best, best_final = None, 0.0
    for el in top:
        if best is not None and max(scores[el], 0) <= best_final:
            continue
        final = scores[el] * (1 - _link_density(el))
        if best is None or final > best_final:
            best, best_final = el, final
    return best


def _link_density(el) -> float:
    size = len(all_text(el).strip())
    if not size:
        return 1.0
    return min(link_chars(el) / size, 1.0)
