"""The tags of an article: its visible tag list first, then the keywords of its structured data.

A visible list is what the reader sees under the article: ``rel="tag"`` links, a block classed as a tag list
(``.tags``, ``.mots-cles``, ``.sujets``...) or a block introduced by a label (``Mots-clés :``, ``Sujets :``,
``Thèmes :``, ``Tags :``). Then come JSON-LD ``keywords`` and ``article:tag``, the links to the site's tag
pages (``/tag/…``, ``/sujet/…``, ``/mots-cles/…``) and last the ``news_keywords`` / ``keywords`` meta, often
a site-wide SEO list (see :func:`choose_tags`).

A link in running text is no tag, wherever it is (a name linked to its tag page inside a paragraph of the article,
``Retrouvez-les dans <a>Mes sujets</a>`` under a tag list). Every list is cleaned of values that are no tags: the
site's own name, paths and identifiers, internal ``Label: value`` codes, links to more (``Voir tous les sujets``); a
list is cut after its first 30 tags.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree

from newsarchive.extraction.furniture import furniture_label, in_furniture
from newsarchive.extraction.heuristics import hints
from newsarchive.extraction.html import all_text, element_text
from newsarchive.extraction.index import MAX_LINK_CANDIDATES, PageIndex, is_inside, tag_page_links
from newsarchive.extraction.metadata import clean_tags, is_site_name, split_keywords
from newsarchive.extraction.sourced import HEURISTIC, JSONLD, META, OPENGRAPH
from newsarchive.extraction.taxonomy import is_category_address
from newsarchive.extraction.vocabulary.classes import TAG_HINTS
from newsarchive.extraction.vocabulary.labels import MORE_LINK, TAG_LABEL, TAG_LINE, TAG_PIECE
from newsarchive.text import clean_text, word_count

_LINKS = etree.XPath(".//a")
_TAG_BLOCK_TAGS = frozenset({"div", "ul", "ol", "section", "p", "nav", "span", "footer", "aside", "dl", "dd"})
_LABEL_VALUE = re.compile(r"^[^\W\d_][\w ]{0,30}:\s*\S")
_IDENTIFIER = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-|^/|[{}=<>]|^\d+$", re.IGNORECASE)
_MAX_TAGS, _MAX_TAG_TEXT = 30, 50
_MAX_TAG_CANDIDATES = 10 * _MAX_TAGS  # a longer list is cut before cleaning (linear time on any page)
_USUAL_TAGS = 10  # a fuller list of an article's tags holds at most this many, or twice the shorter one
_LABEL_LEVELS = 3
_FOLLOWING_BLOCKS = 6  # blocks after an article where its tag list may be
# Elements whose own text may be a short label such as "Mots-clés :" or "Sujets".
_LABEL_TAGS = ("span", "strong", "b", "p", "h2", "h3", "h4", "h5", "dt", "div", "li", "em", "label")
_LABEL_INITIALS = frozenset("MmTtSsÉéEeKk")
_MAX_LABEL = 60
_MAX_WRITTEN_LIST = 400  # a line of tags written after their label, without links
_MAX_TAG_WORDS = 6
_LIST_SEPARATORS = re.compile(r"\s*[,;|•·]\s*")
# A link in running text sits in its paragraph, or in a <strong>, <em> or <span> of it; a paragraph holding this many
# words besides the texts of its links is prose, not a list of tags (``Tags : <a>…</a>, <a>…</a>``).
_PARAGRAPH_LEVELS = 3
_PROSE_WORDS = 8


def page_tags(index: PageIndex, scope, data, site_names) -> tuple[str, list[str]] | None:
    """``(layer, tags)`` of a page: its tag lists under ``scope``, cleaned, chosen by :func:`choose_tags`."""
    return choose_tags(
        clean_tag_list(visible_tags(index, scope), site_names),
        [(layer, clean_tag_list(raw, site_names)) for layer, raw in structured_tag_layers(data)],
        clean_tag_list(tag_link_texts(index, scope), site_names),
        lambda: clean_tag_list(following_tags(index, scope), site_names),
    )


def visible_tags(index: PageIndex, scope) -> list[str]:
    """The first tag list marked as such in the visible page under ``scope``: ``rel="tag"`` links, a block
    classed as a tag list, a block introduced by a label (links to tag pages are read apart, as a last resort)."""
    for reader in (rel_tag_texts, tag_block_texts, labelled_tag_texts):
        found = reader(index, scope)
        if found:
            return found
    return []


def following_tags(index: PageIndex, scope) -> list[str]:
    """The tag list of the blocks that follow ``scope`` when it is an ``<article>`` (a theme's tag list under the
    article: ``</article><div class="entry__tags">``), or the links to tag pages of one of them (Medium's)."""
    if scope.tag != "article":
        return []
    for block in islice(scope.itersiblings(), _FOLLOWING_BLOCKS):
        found = visible_tags(index, block) or tag_link_texts(index, block) if isinstance(block.tag, str) else None
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
    SEO phrases); None when no list is given."""
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
        if _fuller(candidate[1], chosen[1]):
            chosen = candidate
    return chosen


def _fuller(longer: list[str], shorter: list[str]) -> bool:
    keys = {tag.casefold() for tag in longer}
    most = max(2 * len(shorter) + 2, _USUAL_TAGS)
    return len(shorter) < len(keys) <= most and all(tag.casefold() in keys for tag in shorter)


def clean_tag_list(values, site_names) -> list[str]:
    """Tags without the site's name, paths, identifiers, ``Label: value`` codes and links to more
    (``Voir tous les …``, ``Alle Themen``); the first ``_MAX_TAGS`` of a longer list."""
    tags = [
        tag for tag in clean_tags(list(values)[:_MAX_TAG_CANDIDATES])
        if not _IDENTIFIER.search(tag) and not _LABEL_VALUE.match(tag) and not MORE_LINK.match(tag)
        and not is_site_name(tag, site_names)
    ]
    return tags[:_MAX_TAGS]


def rel_tag_texts(index: PageIndex, scope) -> list[str]:
    """Texts of the ``rel="tag"`` links under ``scope``; WordPress's category links left out: ``rel="category tag"``,
    and those of its block themes, ``rel="tag"`` links to a category page (``/category/culture/``)."""
    return [
        element_text(a) for a in index.rel_links_with("tag", scope)
        if "category" not in a.get("rel").lower() and not is_category_address(a.get("href") or "")
        and not in_furniture(a)
    ]


def tag_block_texts(index: PageIndex, scope) -> list[str]:
    """Link texts of a tag list (``.tags``, ``.post-tags``, ``.mots-cles``, ``.sujets``) under ``scope``."""
    for hinted in index.matching(TAG_HINTS, _TAG_BLOCK_TAGS, scope):
        block = hinted.element
        if TAG_HINTS.search(hints(block)) and not _furniture_around(block):
            texts = _link_texts(block)
            if texts:
                return texts
    return []


def labelled_tag_texts(index: PageIndex, scope) -> list[str]:
    """Link texts of the block that a label such as ``Mots-clés :`` or ``Sujets`` introduces; else the tags the
    block writes after its label without links (``Mots-clés : budget, ville``)."""
    for block, labelled in _tag_labels(scope):
        for _ in range(_LABEL_LEVELS if labelled is None else 1):  # (a label in a tail: the links after it)
            if block is None or _furniture_around(block):
                break
            texts = (_links_after(*labelled) if labelled is not None else _link_texts(block)) or _written_tags(block)
            if texts:
                return texts
            block = block.getparent()
    return []


def _tag_labels(scope):
    """``(element, None)`` for the elements under ``scope`` whose own text is a tag label (``Mots-clés :``,
    ``Sujets``), opens with one before a colon (``Tags : budget, ville``) or holds one so after a bar or a dot
    (``Rubrique : Vie locale | Mots-clés : eau``), in page order; then ``(element, (child, separator))`` for a label
    after a bar or a dot in the tail of one of its elements (``Catégorie : <a>Politique</a> · Mots-clés : <a>…``)."""
    for element in scope.iter(*_LABEL_TAGS):
        text = element.text
        if not text or len(text) > _MAX_WRITTEN_LIST:
            continue
        opening = text.lstrip()
        if opening[:1] in _LABEL_INITIALS and (
                (len(text) < _MAX_LABEL and TAG_LABEL.match(clean_text(text))) or TAG_LINE.match(opening)):
            yield element, None  # (a longer text is only asked whether it opens with a label: most texts are none)
        elif _may_hold_piece(text) and TAG_PIECE.search(text):
            yield element, None  # "Rubrique : Vie locale | Mots-clés : …"
    for child in scope.iterdescendants("a", "span", "strong", "b", "em", "time"):  # the ends of a line's pieces
        tail = child.tail
        label = TAG_PIECE.search(tail) if tail and _may_hold_piece(tail) else None
        if label is not None:
            block = child.getparent()
            if block.tag in _LABEL_TAGS and len(block) <= _MAX_TAGS:
                yield block, (child, label.group("separator"))


def _links_after(child, separator: str) -> list[str]:
    """The texts of the links after the label in ``child``'s tail, up to the ``separator`` before the label or words
    (``| Tags : <a>budget</a> · <a>impôts</a> | <a>3 avis</a>``)."""
    texts = []
    for sibling in child.itersiblings():
        text = element_text(sibling) if sibling.tag == "a" else None
        if text:
            texts.append(text)
        if sibling.tail and (separator in sibling.tail or any(map(str.isalnum, sibling.tail))):
            break
    return texts if len(texts) <= _MAX_TAGS and all(len(text) <= _MAX_TAG_TEXT for text in texts) else []


def _may_hold_piece(text: str) -> bool:
    """Whether a text holds one of the separators TAG_PIECE looks for after (most texts hold none)."""
    return "|" in text or "·" in text or "•" in text


def _written_tags(block) -> list[str]:
    """The tags a line writes after its label, separated by commas, semicolons or bars (``Mots-clés : budget ;
    ville``), or a piece of a line after a bar or a dot does, up to the next one (``Rubrique : Vie locale |
    Mots-clés : eau, climat | 3 commentaires``): short items only, so that a sentence after a label gives none."""
    text = element_text(block)
    if len(text) > _MAX_WRITTEN_LIST:
        return []
    label, written = TAG_LINE.match(text), None
    if label is not None:
        written = text[label.end():]
    elif _may_hold_piece(text) and (label := TAG_PIECE.search(text)):
        written = text[label.end():].split(label.group("separator"), 1)[0]  # the piece, up to the next separator
    if written is None:
        return []
    items = [clean_text(item) for item in _LIST_SEPARATORS.split(written)]
    items = [item for item in items if item]
    if not items or len(items) > _MAX_TAGS or any(len(item.split()) > _MAX_TAG_WORDS for item in items):
        return []
    return items


def tag_link_texts(index: PageIndex, scope) -> list[str]:
    """Texts of the links to tag pages (``/tag/…``, ``/sujet/…``) of the block under ``scope`` that holds
    most of them, links in running text left out."""
    prose: dict = {}  # paragraph -> whether it is running text, each paragraph measured once
    links = [a for a in _tag_page_links_in(index, scope) if element_text(a) and not _in_running_text(a, prose)]
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
        return [element_text(a) for a in links][:_MAX_TAGS]
    block = max(counts, key=lambda element: (counts[element], -depth_rank[element]))
    if _furniture_around(block):
        return []
    return [element_text(a) for a in links if is_inside(a, block)][:_MAX_TAGS]


def _in_running_text(link, prose: dict) -> bool:
    """True when ``link`` sits in a paragraph that holds ``_PROSE_WORDS`` words besides the texts of its links (kept in
    ``prose``)."""
    for depth, ancestor in enumerate(link.iterancestors()):
        if depth >= _PARAGRAPH_LEVELS:
            return False
        if ancestor.tag == "p":
            if ancestor not in prose:
                linked = sum(word_count(all_text(inner)) for inner in ancestor.iter("a"))
                prose[ancestor] = word_count(all_text(ancestor)) - linked >= _PROSE_WORDS
            return prose[ancestor]
    return False


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


def _link_texts(block) -> list[str]:
    links = _LINKS(block)
    if len(links) > _MAX_TAG_CANDIDATES:  # no tag list: not worth reading every link of it
        return []
    prose: dict = {}
    texts = [element_text(link) for link in links if not _in_running_text(link, prose)]
    texts = [text for text in texts if text]
    if texts and len(texts) <= _MAX_TAGS and all(len(text) <= _MAX_TAG_TEXT for text in texts):
        return texts
    return []


def _furniture_around(block) -> bool:
    """True when a tag block is itself related links or comments, or sits in furniture (a tag list may
    be a ``<nav>`` or an ``<aside>`` itself)."""
    parent = block.getparent()
    return furniture_label(block) or (parent is not None and in_furniture(parent))


def _one_or_many(values: list[str]) -> list[str]:
    """Tags given one per ``<meta>``, or all in one ``<meta>`` separated by commas."""
    return split_keywords(values[0]) if len(values) == 1 else values
