"""Lists of other pages outside the article: the items of a list that lead to another page (its title linked), whose
dates are that page's, named by no class or heading (a home-made site's latest stories, its news flashes)."""

from __future__ import annotations

from newsarchive.extraction.html import element_text
from newsarchive.extraction.index import is_inside

_TITLE_WORDS = 2  # a link's text that is another page's title: two words or more ("Loto du club")
_ITEM_DEPTH = 4  # levels above an element where the list item that holds it may be


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
    """Whether a list item holds a link whose text is a title (two words or more): an item of a list of pages."""
    return any(len(element_text(link).split()) >= _TITLE_WORDS for link in item.iter("a") if link.get("href"))


def _outside(item, article) -> bool:
    return not is_inside(item, article) and not is_inside(article, item)
