"""What a tag list's block holds: the texts of its links outside running text, and whether it is furniture.

A link in running text is no tag (a name linked to its tag page inside a paragraph of the article), nor a button (a
link that runs a script, or a hidden one: ``Thématique suivie Ne plus suivre``); a block of
related links or comments, or one inside furniture, holds no tags; a list longer than ``MAX_TAGS`` is none.
"""

from __future__ import annotations

import re
from itertools import chain, islice, takewhile

from lxml import etree

from newsarchive.extraction.boilerplate import is_hidden
from newsarchive.extraction.author_links import leads_to_author_page
from newsarchive.extraction.furniture import furniture_label, in_article_aside, in_furniture
from newsarchive.extraction.html import all_text, element_text
from newsarchive.extraction.vocabulary.classes import CATEGORY_HINTS
from newsarchive.text import clean_text, word_count

_LINKS = etree.XPath(".//a")
MAX_TAGS, MAX_TAG_TEXT = 30, 50
MAX_TAG_CANDIDATES = 10 * MAX_TAGS  # a longer list is cut before cleaning (linear time on any page)
_MAX_TAG_WORDS = 6
# commas, semicolons, bars, dots, a dash or a slash between spaces ("budget - écoles", not "Saint-Étienne"); the spaces
# before a hashtag ("Tags : #budget #commune", a blog's)
_LIST_SEPARATORS = re.compile(r"\s*[,;|•·]\s*|\s+[-–—/]\s+|\s+(?=#[^\W\d_])")
# A link in running text sits in its paragraph, or in a <strong>, <em> or <span> of it; a paragraph holding this many
# words besides the texts of its links is prose, not a list of tags (``Tags : <a>…</a>, <a>…</a>``).
_PARAGRAPH_LEVELS = 3
_PROSE_WORDS = 8
_CATEGORY_BLOCK_LEVELS = 2  # a category link's parent and the element around it, looked at for its class


def link_texts(block) -> list[str]:
    """The texts of a block's links outside running text, when they are a list of tags: ``MAX_TAGS`` at most, each
    ``MAX_TAG_TEXT`` characters at most. A link to an author's page is none (a list of the "authors and topics" to
    follow), nor one in an element classed as a category among others that are not (djangocms-blog's ``li.category_1``
    among its tags: Jalios's ``a.category`` links under ``Thématiques :`` are all so, its tags)."""
    links = _LINKS(block)
    if len(links) > MAX_TAG_CANDIDATES:  # no tag list: not worth reading every link of it
        return []
    prose: dict = {}
    categories = {link for link in links if in_category_block(link)}
    if len(categories) == len(links):
        categories = set()  # all of one kind, whatever their class names it: the label or the block's class tells
    texts = [element_text(link) for link in links
             if not in_running_text(link, prose) and not _is_button(link, block) and not leads_to_author_page(link)
             and link not in categories]
    texts = [text for text in texts if text]
    if texts and len(texts) <= MAX_TAGS and all(len(text) <= MAX_TAG_TEXT for text in texts):
        return texts
    return []


def in_category_block(link) -> bool:
    """Whether a link's parent or the element around it is classed as the article's categories (Blocksy's
    ``li.meta-categories``, its category links marked ``rel="tag"``)."""
    return any(CATEGORY_HINTS.search((ancestor.get("class") or "").lower())
               for ancestor in islice(link.iterancestors(), _CATEGORY_BLOCK_LEVELS))


def _is_button(link, block) -> bool:
    """Whether a link is a button of the page, no tag: it runs a script (``href="javascript:void(0)"``: a button to
    follow a theme, ``Thématique suivie Ne plus suivre``) or is hidden (:func:`hidden_in`)."""
    return (link.get("href") or "").lstrip().lower().startswith("javascript:") or hidden_in(link, block)


def hidden_in(link, block) -> bool:
    """Whether a link of a ``block`` is hidden, or an element around it inside the block (Jimdo's template of a tag,
    ``<span style="display: none;"><a>tagPlaceholder</a></span>``); the block itself may be hidden, a tab its reader
    opens (Rzeczpospolita's ``div#tagsTab``)."""
    around = takewhile(lambda node: node is not block, link.iterancestors())
    return any(is_hidden(node) for node in chain([link], around))  # (a hidden block may be a tab shown on a click)


def in_running_text(link, prose: dict) -> bool:
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


def furniture_around(block) -> bool:
    """True when a tag block is itself related links or comments, or sits in furniture (a tag list may be a ``<nav>``
    or an ``<aside>`` itself), but for the article's own ``<aside>`` (:func:`~.furniture.in_article_aside`: Hugo's
    Ananke lists the article's tags there)."""
    parent = block.getparent()
    return furniture_label(block) or (parent is not None and in_furniture(parent) and not in_article_aside(block))


def written_items(text: str) -> list[str]:
    """The items of a list written without links, separated by commas, semicolons, bars or dots (``budget ; ville``)
    or written as hashtags (``#budget #ville``): short items only (``_MAX_TAG_WORDS`` words at most), so that a
    sentence gives none; ``MAX_TAGS`` at most."""
    items = [clean_text(item) for item in _LIST_SEPARATORS.split(text)]
    items = [item for item in items if item]
    if not items or len(items) > MAX_TAGS or any(len(item.split()) > _MAX_TAG_WORDS for item in items):
        return []
    return items
