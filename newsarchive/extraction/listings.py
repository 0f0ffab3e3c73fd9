"""Other pages' entries named by no class: the items of a list that lead to another page (its title linked) outside the
article, whose dates are that page's (a home-made site's latest stories, its news flashes), and the lines under
another story's linked title (its card's byline)."""

from __future__ import annotations

from itertools import islice

from newsarchive.extraction.html import SUBHEADING_TAGS, is_inside, opening_text
from newsarchive.extraction.images import links_to_a_page


_TITLE_WORDS = 2  # a link's text that is another page's title: two words or more ("Loto du club")
_TITLE_CHARS = 40  # the opening of a link's text where its words are counted
_ITEM_LINKS = 10  # the links of a list item read
_ITEM_DEPTH = 4  # levels above an element where the list item that holds it may be
_TITLE_SIBLINGS = 2  # elements before a line where a card's title may be


def in_listing_item(element, article) -> bool:
    """Whether ``element`` lies in an item of a list of other pages (:func:`leads_elsewhere`) outside ``article``: the
    ``<li>`` nearest above it, four levels up at most."""
    for depth, node in enumerate(element.iterancestors()):
        if depth >= _ITEM_DEPTH:
            break
        if node.tag == "li":
            return leads_elsewhere(node) and _outside(node, article)
    return False


def listing_items(root, article) -> list:
    """The items of lists of other pages in ``root`` that lie outside ``article``."""
    return [item for item in root.iter("li") if leads_elsewhere(item) and _outside(item, article)]


def leads_elsewhere(item) -> bool:
    """Whether a list item holds a link whose text is a title (two words or more): an item of a list of pages. Its
    first links only are read, and the opening of their text: its own come first (a list nested in it follows), and
    a page of lists nested a thousand deep costs no more than a flat one."""
    return any(len(opening_text(link, _TITLE_CHARS).split()) >= _TITLE_WORDS
               for link in islice(item.iter("a"), _ITEM_LINKS) if link.get("href"))


def _outside(item, article) -> bool:
    return not is_inside(item, article) and not is_inside(article, item)


def under_other_title(line, headline) -> bool:
    """Whether a line follows another story's linked title (``<h4><a href="/autre/">…</a></h4><p>Par Marc…``), not
    ``headline``: a card's line."""
    for before in islice(line.itersiblings(preceding=True), _TITLE_SIBLINGS):
        if isinstance(before.tag, str) and before.tag in SUBHEADING_TAGS:
            return not (headline is not None and is_inside(headline, before)) and links_to_a_page(before)
    return False
