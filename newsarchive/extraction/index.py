"""One pass over a parsed page that indexes the elements the generic readers look at.

Walking the tree once in Python and testing one regular expression per element is several times
faster than one XPath query per reader with many ``contains(@class, …)`` tests each.
"""

from __future__ import annotations

import re

from lxml import etree

_INDEXED_TAGS = ("h1", "h2", "h3", "time", "article", "address", "footer")
_HINT_ATTRIBUTES = frozenset({"class", "id", "itemprop", "itemtype", "aria-label", "role"})
# Every word that one of the generic readers looks for in class, id, itemprop, itemtype, aria-label or role.
_ANY_HINT = re.compile(
    r"chap|standfirst|lead|intro|excerpt|summary|desc|subtitle|sub-title|subheadline|deck|dek|teaser|"
    r"abstract|byline|author|auteur|signature|date|time|publi|meta|updated|modified|posted|breadcrumb|"
    r"ariane|fil d|tag|keyword|mots-cl|topic|footer|copyright|legal|mentions|contentinfo"
)


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
        self.rel_links: list = []
        self.hinted: list[Hinted] = []
        self.h1_positions: dict = {}
        self._walk(doc)

    def _walk(self, doc) -> None:
        # One loop without calls per element: this runs on every element of the page.
        by_tag, search = self.by_tag, _ANY_HINT.search
        for position, element in enumerate(doc.iter(etree.Element)):
            tag = element.tag
            if tag in by_tag:
                by_tag[tag].append(element)
                if tag == "h1":
                    self.h1_positions[element] = position
            elif tag == "a" and element.get("rel"):
                self.rel_links.append(element)
            attributes = element.items()
            if attributes:
                label = " ".join([value for name, value in attributes if name in _HINT_ATTRIBUTES]).lower()
                if label and search(label):
                    self.hinted.append(Hinted(element, position, label))

    def matching(self, pattern: re.Pattern, tags=None, scope=None) -> list[Hinted]:
        """Hinted elements whose hints match ``pattern``, of one of ``tags``, inside ``scope``; in page order."""
        found = []
        for hinted in self.hinted:
            if tags is not None and hinted.element.tag not in tags:
                continue
            if pattern.search(hinted.label) and (scope is None or is_inside(hinted.element, scope)):
                found.append(hinted)
        return found

    def rel_links_with(self, token: str, scope=None) -> list:
        """``<a>`` elements whose ``rel`` holds ``token``, inside ``scope``."""
        return [
            link for link in self.rel_links
            if token in link.get("rel").lower().split() and (scope is None or is_inside(link, scope))
        ]


def is_inside(element, scope) -> bool:
    """True when ``element`` is ``scope`` or one of its descendants."""
    if scope is element or scope.getparent() is None:
        return True
    return any(ancestor is scope for ancestor in element.iterancestors())
