"""The tags of an article: its visible tag list first, then the keywords of its structured data.

A visible list is what the reader sees under the article: ``rel="tag"`` links, a block classed as a tag list
(``.tags``, ``.mots-cles``, ``.sujets``...: its links, or the tags it writes without links, ``budget ; impôts``) or a
block introduced by a label (``Mots-clés :``, ``Sujets :``, ``Thèmes :``, ``Tags :``). Then come JSON-LD ``keywords``
and ``article:tag``, the links to the site's tag pages (``/tag/…``, ``/sujet/…``, ``/mots-cles/…``) and last the
``news_keywords`` / ``keywords`` meta, often a site-wide SEO list (see :func:`choose_tags`).

A link in running text is no tag, wherever it is (a name linked to its tag page inside a paragraph of the article,
``Retrouvez-les dans <a>Mes sujets</a>`` under a tag list). Every list is cleaned of values that are no tags: the
site's own name, paths and identifiers, internal ``Label: value`` codes, links to more (``Voir tous les sujets``); a
list is cut after its first 30 tags. What a block holds is read in :mod:`.tag_blocks`, the lists a label introduces in
:mod:`.tag_labels`.
"""

from __future__ import annotations

import re
from itertools import islice

from newsarchive.dates import find_date_strings
from newsarchive.extraction.furniture import in_furniture
from newsarchive.extraction.heuristics import hints
from newsarchive.extraction.html import element_text, is_inside
from newsarchive.extraction.index import MAX_LINK_CANDIDATES, PageIndex, tag_page_links
from newsarchive.extraction.metadata import clean_tags, is_site_name, split_keywords
from newsarchive.extraction.sourced import HEURISTIC, JSONLD, META, OPENGRAPH
from newsarchive.extraction.tag_blocks import (
    MAX_TAG_CANDIDATES,
    MAX_TAGS,
    furniture_around,
    hidden_in,
    in_category_block,
    in_running_text,
    link_texts,
    written_items,
)
from newsarchive.extraction.tag_labels import labelled_tag_texts
from newsarchive.extraction.category_lines import after_category_name
from newsarchive.extraction.taxonomy import is_category_address, leads_to_its_section
from newsarchive.extraction.vocabulary.classes import POST_CLASS_WORDS, TAG_HINTS, TERM_TAG_WORDS, THEME_LIST_HINTS
from newsarchive.extraction.vocabulary.labels import MORE_LINK, TAG_LINE
from newsarchive.text import LINE_SEPARATORS, ends_as_sentence

_TAG_BLOCK_TAGS = frozenset({"div", "ul", "ol", "section", "p", "nav", "span", "footer", "aside", "dl", "dd"})
_LABEL_VALUE = re.compile(r"^[^\W\d_][\w ]{0,30}:\s*\S")
_IDENTIFIER = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-|^/|[{}=<>]|^\d+$", re.IGNORECASE)
# The count of posts a theme shows after a tag ("Budget (12)", "Budget (611 articles)"); not a year ("Élections (2024)")
_POST_COUNT = re.compile(
    r"\s+\((?:(?!(?:19|20)\d\d\))\d{1,6}|\d{1,6}\s+(?:articles?|posts?|billets?|publications?|entries|entrées))\)$",
    re.IGNORECASE,
)
_USUAL_TAGS = 10  # a fuller list of an article's tags holds at most this many, or twice the shorter one
_FOLLOWING_BLOCKS = 6  # blocks after an article where its tag list may be
# A line of tags written without links nor a label in a block classed as a tag list: its length, its tags' words.
_MAX_WRITTEN_LINE, _UNLABELLED_TAG_WORDS = 200, 3
_ITEM_SEPARATORS = f" \t\n\r\xa0,;/{LINE_SEPARATORS}"  # what lies between a list's items written side by side


def page_tags(index: PageIndex, scope, data, site_names, page_url: str = "") -> tuple[str, list[str]] | None:
    """``(layer, tags)`` of the page at ``page_url``: its tag lists under ``scope``, cleaned, chosen by
    :func:`choose_tags`."""
    return choose_tags(
        clean_tag_list(visible_tags(index, scope, page_url), site_names),
        [(layer, clean_tag_list(raw, site_names)) for layer, raw in structured_tag_layers(data)],
        clean_tag_list(tag_link_texts(index, scope), site_names),
        lambda: clean_tag_list(following_tags(index, scope, page_url), site_names),
    )


def visible_tags(index: PageIndex, scope, page_url: str = "") -> list[str]:
    """The first tag list marked as such in the visible page under ``scope``: ``rel="tag"`` links, a block
    classed as a tag list, a block introduced by a label (links to tag pages are read apart, as a last resort)."""
    found = rel_tag_texts(index, scope, page_url)
    return found or tag_block_texts(index, scope) or labelled_tag_texts(index, scope)


def following_tags(index: PageIndex, scope, page_url: str = "") -> list[str]:
    """The tag list of the blocks that follow ``scope`` when it is an ``<article>`` (a theme's tag list under the
    article: ``</article><div class="entry__tags">``), or the links to tag pages of one of them (Medium's)."""
    if scope.tag != "article":
        return []
    for block in islice(scope.itersiblings(), _FOLLOWING_BLOCKS):
        found = visible_tags(index, block, page_url) or tag_link_texts(index, block) if isinstance(block.tag, str) \
            else None
        if found:
            return found
    return []


def structured_tag_layers(data) -> list[tuple[str, list[str]]]:
    """``(layer, raw tags)`` of the structured data, in layer order."""
    return [
        (JSONLD, split_keywords(data.article_value("keywords"))),
        (OPENGRAPH, _one_or_many(data.meta_all("article:tag"))),
        (META, split_keywords(data.meta_all("news_keywords") or data.meta_all("keywords"))),
    ]


def choose_tags(visible: list[str], structured: list[tuple[str, list[str]]], linked: list[str], following=None):
    """``(layer, tags)``: the visible list; else the JSON-LD keywords or ``article:tag``; else the visible list
    after the article (``following``, read only when nothing before gives tags); else the links to tag pages; else
    the ``keywords`` meta (often a site-wide SEO list). A later list that holds every tag of the chosen one and a
    few more is a fuller reading of the same tags and replaces it (one that adds many more is another list, such as
    SEO phrases), but the ``keywords`` meta does not replace the visible list (its more are a section's, the site's
    or search phrases: ``Lycées, rénovation énergétique, Éducation``); None when no list is given."""
    ranked = [(HEURISTIC, visible)] if visible else []
    ranked += [(layer, tags) for layer, tags in structured if tags and layer != META]
    after = following() if following is not None and not ranked else None
    ranked += [(HEURISTIC, after)] if after else []
    ranked += [(HEURISTIC, linked)] if linked else []
    ranked += [(layer, tags) for layer, tags in structured if tags and layer == META]
    if not ranked:
        return None
    chosen = ranked[0]
    for candidate in ranked[1:]:
        if _fuller(candidate[1], chosen[1], as_shown=chosen[1] is visible) \
                and not (candidate[0] == META and chosen[1] is visible):
            chosen = candidate
    return chosen


def _fuller(longer: list[str], shorter: list[str], *, as_shown: bool = False) -> bool:
    """Whether ``longer`` holds every tag of ``shorter`` and a few more; written as they are when ``shorter`` is the
    visible list (an SEO plugin's ``article:tag`` in lower case, the category among them, is no fuller reading of the
    tags a page shows: Herald's ``économie, emploi`` for ``Emploi``)."""
    key = str if as_shown else str.casefold
    keys = {key(tag) for tag in longer}
    most = max(2 * len(shorter) + 2, _USUAL_TAGS)
    return len(shorter) < len(keys) <= most and all(key(tag) in keys for tag in shorter)


def clean_tag_list(values, site_names) -> list[str]:
    """Tags without the site's name, paths, identifiers, ``Label: value`` codes, links to more (``Voir tous les …``,
    ``Alle Themen``) and the count of posts a theme writes after them (``Budget (12)``); the first ``MAX_TAGS`` of a
    longer list."""
    tags = [
        tag for tag in clean_tags(_POST_COUNT.sub("", value) for value in list(values)[:MAX_TAG_CANDIDATES])
        if not _IDENTIFIER.search(tag) and not _LABEL_VALUE.match(tag) and not MORE_LINK.match(tag)
        and not is_site_name(tag, site_names)
    ]
    return tags[:MAX_TAGS]


def rel_tag_texts(index: PageIndex, scope, page_url: str = "") -> list[str]:
    """Texts of the ``rel="tag"`` links under ``scope``; WordPress's category links left out: ``rel="category tag"``,
    and those of its block themes, ``rel="tag"`` links to a category page (``/category/culture/``), and the links a
    label names categories (Jekyll's Minimal Mistakes: ``Catégories : <a rel="tag">``)."""
    return [
        element_text(a) for a in index.rel_links_with("tag", scope)
        if "category" not in a.get("rel").lower() and not is_category_address(a.get("href") or "")
        and not _in_furniture_around_its_list(a) and not after_category_name(a) and not in_category_block(a)
        and not (page_url and leads_to_its_section(a.get("href") or "", page_url))
    ]


def _in_furniture_around_its_list(link) -> bool:
    """Whether a ``rel="tag"`` link lies in furniture, the ``<nav>`` listing it aside: a tag list may be a ``<nav>``
    itself (:func:`~.tag_blocks.furniture_around`: FAZ's ``<article>…<footer><nav><ul><li><a rel="tag">``)."""
    nav = next(link.iterancestors("nav"), None)
    return furniture_around(nav) if nav is not None else in_furniture(link)


def tag_block_texts(index: PageIndex, scope) -> list[str]:
    """Link texts of a tag list (``.tags``, ``.post-tags``, ``.mots-cles``, ``.sujets``) under ``scope``, or the tags
    it writes without links (:func:`_written_list`); after a first list of one tag (a kicker's, above the headline),
    the next list (the full list, after the text), the kicker's tag first when it does not hold it and is no theme's;
    a list named as themes or topics (:data:`~.vocabulary.classes.THEME_LIST_HINTS`) gives way to a list of tags
    after it. A block in one read repeats its tags (Drupal's field in its wrapper)."""
    kicker: list[str] = []
    kicker_theme = False
    themes: list[str] = []  # a list of themes, given when no list of tags follows it
    read: list = []  # the blocks read: a block in one of them repeats its tags (Drupal's field in its wrapper)
    for hinted in index.matching(TAG_HINTS, _TAG_BLOCK_TAGS, scope):
        block = hinted.element
        words = hints(block)
        if not _names_a_tag_list(words) or furniture_around(block) or any(is_inside(block, done) for done in read):
            continue
        texts = link_texts(block) or _written_list(block)
        if not texts:
            continue
        read.append(block)
        if kicker:  # the full list: with the kicker's tag (but a theme's), or after it
            return texts if kicker[0] in texts or kicker_theme else kicker + texts
        theme = THEME_LIST_HINTS.search(words) is not None
        if len(texts) > 1 and not theme:
            return texts
        if len(texts) > 1:
            themes = themes or texts
        else:
            kicker, kicker_theme = texts, theme
    return themes or kicker


def _names_a_tag_list(label: str) -> bool:
    """Whether a block's class and id words name a tag list, a post's own tag words aside (:data:`POST_CLASS_WORDS`)."""
    if POST_CLASS_WORDS.search(label):
        label = TERM_TAG_WORDS.sub(" ", label)
    return TAG_HINTS.search(label) is not None


def _written_list(block) -> list[str]:
    """The tags a block classed as a tag list writes without links nor a label: one per list item (``<ul
    class="tags"><li>budget</li>…``) or per element side by side (``<div class="tags"><span>budget</span><span>…``),
    or a line of items separated by commas or semicolons (``<div class="keywords">budget ; ville</div>``); two at least,
    and no sentence (``<p class="sujet">Le budget, voté mardi, …</p>``). A list after a label is read with the label
    (:mod:`.tag_labels`)."""
    if block.tag in ("ul", "ol"):
        items = _own_items(block.iter("li"))
    else:
        text = element_text(block)
        if len(text) > _MAX_WRITTEN_LINE or TAG_LINE.match(text) or ends_as_sentence(text, 1) \
                or find_date_strings(text):  # "<p class='topic'>Jan. 28, 2020, at 5:55 AM": a line of details
            return []
        side_by_side = _side_by_side(block)
        items = _own_items(side_by_side) if side_by_side else written_items(text)
    if any(len(item.split()) > _UNLABELLED_TAG_WORDS for item in items):
        return []  # "Dans ce dossier, nous revenons sur le budget": no label says these are tags
    return items if len(items) >= 2 else []


def _own_items(elements) -> list[str]:
    """The texts of elements that are each one item (no separator inside), else []."""
    items = [element_text(element) for element in elements]
    return items if all(items) and all(written_items(item) == [item] for item in items) else []


def _side_by_side(block) -> list:
    """A block's children when they are elements of one tag that make its whole text, separators between them at most
    (``<span>budget</span> <span>ville</span>``); else []."""
    children = [child for child in block if isinstance(child.tag, str)]
    if len(children) < 2 or any(child.tag != children[0].tag for child in children) or _holds_words(block.text) \
            or any(_holds_words(child.tail) for child in children):
        return []
    return children


def _holds_words(text: str | None) -> bool:
    """Whether a text between a block's items holds more than spaces and separators (``, ``, `` · ``)."""
    return bool(text) and bool(text.strip(_ITEM_SEPARATORS))


def tag_link_texts(index: PageIndex, scope) -> list[str]:
    """Texts of the links to tag pages (``/tag/…``, ``/sujet/…``) of the block under ``scope`` that holds
    most of them, links in running text left out."""
    prose: dict = {}  # paragraph -> whether it is running text, each paragraph measured once
    links = [a for a in _tag_page_links_in(index, scope) if element_text(a) and not in_running_text(a, prose)]
    if not links:
        return []
    counts: dict = {}
    depth_rank: dict = {}  # how far a block is above the first of the links it holds: the tightest wins a tie
    for link in links:
        for depth, ancestor in enumerate(link.iterancestors()):
            if depth >= 4 or ancestor is scope:
                break
            counts[ancestor] = counts.get(ancestor, 0) + 1
            depth_rank.setdefault(ancestor, depth)
    if not counts:
        return [element_text(a) for a in links][:MAX_TAGS]
    block = max(counts, key=lambda element: (counts[element], -depth_rank[element]))
    if furniture_around(block):
        return []
    return [element_text(a) for a in links if is_inside(a, block) and not hidden_in(a, block)][:MAX_TAGS]


def _tag_page_links_in(index: PageIndex, scope) -> list:
    """The page's links to tag pages (the first ``MAX_LINK_CANDIDATES`` of the page: ``index.tag_links``) that lie under
    ``scope``: the links of ``scope`` alone are read when the page's first ``MAX_LINK_CANDIDATES`` links hold them all."""
    links = index.by_tag["a"]
    if scope.getparent() is not None:  # an element of the page (else the page itself)
        inner = list(scope.iter("a"))
        if not inner:
            return []
        if len(links) <= MAX_LINK_CANDIDATES or links.index(inner[-1]) < MAX_LINK_CANDIDATES:
            return tag_page_links(inner)
    return [link for link in index.tag_links if is_inside(link, scope)]


def _one_or_many(values: list[str]) -> list[str]:
    """Tags given one per ``<meta>``, or all in one ``<meta>`` separated by commas."""
    return split_keywords(values[0]) if len(values) == 1 else values
