"""Site selectors matched in one pass over a page: the usual CSS of a theme read in Python, the rest by lxml.

A site profile's selectors are classes, ids, tags and attributes joined by descendant or child combinators
(``.post-box-meta-single time.published``).  Each selector that lxml's ``CSSSelector`` runs is a whole-tree XPath
query that tests every element's ``class`` with string functions; a profile's ten selectors cost ten such walks.
:class:`SelectorPlan` finds the elements of all of them in one walk: the elements that carry the class, id or tag of
a selector's last step, then the rest of the selector, right to left, on their ancestors.  The results are those of
``CSSSelector`` (document order, no repeats, the element the query starts from included); any selector with another
construct (pseudo-classes, sibling combinators, namespaces) is left to ``CSSSelector``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from cssselect import SelectorError, parse
from cssselect.parser import Attrib, Class, CombinedSelector, Element, Hash
from lxml import etree

# XPath's normalize-space(): the class tokens CSSSelector compares are separated by these four characters only.
_XML_SPACE = re.compile(r"[ \t\n\r]+")
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_OPERATORS = frozenset({"exists", "=", "~="})


class _Step(NamedTuple):
    """One compound selector: a tag (None for any), classes, ids and ``(name, operator, value)`` attribute tests."""

    tag: str | None
    classes: tuple[str, ...]
    ids: tuple[str, ...]
    attributes: tuple[tuple[str, str, str | None], ...]

    def matches(self, element) -> bool:
        if self.tag is not None and element.tag != self.tag:
            return False
        for name, operator, expected in self.attributes:
            value = element.get(name)
            if value is None or (operator == "=" and value != expected) or (
                    operator == "~=" and not _has_tokens(value, (expected,))):
                return False
        for ident in self.ids:
            if element.get("id") != ident:
                return False
        return not self.classes or _has_tokens(element.get("class"), self.classes)


def _has_tokens(value: str | None, tokens: tuple[str, ...]) -> bool:
    if value is None:
        return False
    present = _XML_SPACE.split(value)
    return all(token in present for token in tokens)


# A selector: its steps from right to left, each with the combinator to the step on its left (None for the first).
_Chain = tuple[tuple[_Step, str | None], ...]


class SelectorPlan:
    """The selectors of a page class, filed under what their last steps look for: an id, a class, an attribute or
    a tag (the rarest first)."""

    def __init__(self, selectors):
        self.selectors: list[str] = []
        self.by_id: dict[str, list] = {}
        self.by_class: dict[str, list] = {}
        self.by_attribute: dict[tuple[str | None, str], list] = {}
        self.by_tag: dict[str, list] = {}
        for css in dict.fromkeys(selectors):
            chains = _chains(css)
            if chains is None:
                continue
            self.selectors.append(css)
            for chain in chains:
                last = chain[0][0]
                if last.ids:
                    self.by_id.setdefault(last.ids[0], []).append((css, chain))
                elif last.classes:
                    self.by_class.setdefault(last.classes[0], []).append((css, chain))
                elif last.attributes:
                    self.by_attribute.setdefault((last.tag, last.attributes[0][0]), []).append((css, chain))
                else:
                    self.by_tag.setdefault(last.tag, []).append((css, chain))
        self.class_names = frozenset(self.by_class)

    def find(self, doc) -> dict[str, list]:
        """``{css: elements}`` for the selectors read here, each list in document order."""
        found = {css: [] for css in self.selectors}
        by_id, by_class, by_attribute, by_tag = self.by_id, self.by_class, self.by_attribute, self.by_tag
        class_names = self.class_names
        for element in doc.iter(etree.Element) if found else ():
            tag = element.tag
            candidates = by_tag.get(tag, ())
            if by_id:
                ident = element.get("id")
                if ident in by_id:
                    candidates = [*candidates, *by_id[ident]]
            if class_names:
                value = element.get("class")
                names = value.split() if value else ()
                if names and not class_names.isdisjoint(names):
                    candidates = [*candidates, *(item for name in names for item in by_class.get(name, ()))]
            for (wanted_tag, name), chains in by_attribute.items():
                if (wanted_tag is None or wanted_tag == tag) and element.get(name) is not None:
                    candidates = [*candidates, *chains]
            if candidates:
                _add_matches(element, candidates, doc, found)
        return found


def _add_matches(element, candidates, doc, found: dict[str, list]) -> None:
    matched = set()
    for css, chain in candidates:
        if css not in matched and _matches(element, chain, 0, doc):
            matched.add(css)
            found[css].append(element)


@lru_cache(maxsize=64)
def selector_plan(selectors: tuple[str, ...]) -> SelectorPlan:
    """The plan of a page class's selectors (made once per process)."""
    return SelectorPlan(selectors)


def _matches(element, chain: _Chain, at: int, doc) -> bool:
    """Whether ``element`` matches step ``at`` of ``chain`` with the steps on its left matched by its ancestors
    (within ``doc``)."""
    step, combinator = chain[at]
    if not step.matches(element):
        return False
    if combinator is None:
        return True
    if element is doc:
        return False
    if combinator == ">":
        return _matches(element.getparent(), chain, at + 1, doc)
    for ancestor in element.iterancestors():
        if _matches(ancestor, chain, at + 1, doc):
            return True
        if ancestor is doc:
            break
    return False


def _chains(css: str) -> tuple[_Chain, ...] | None:
    """The chains of a group of selectors, or None when one of them uses a construct not read here."""
    try:
        selectors = parse(css)
    except SelectorError:
        return None
    chains = []
    for selector in selectors:
        chain = None if selector.pseudo_element else _chain(selector.parsed_tree)
        if chain is None:
            return None
        chains.append(chain)
    return tuple(chains)


def _chain(tree) -> _Chain | None:
    chain = []
    while isinstance(tree, CombinedSelector):
        step = _step(tree.subselector)
        if step is None or tree.combinator not in (" ", ">"):
            return None
        chain.append((step, tree.combinator))
        tree = tree.selector
    step = _step(tree)
    if step is None:
        return None
    chain.append((step, None))
    if not (chain[0][0].ids or chain[0][0].classes or chain[0][0].tag):
        return None  # a last step such as "*" or "[href]" would have every element looked at
    return tuple(chain)


def _step(node) -> _Step | None:
    classes, ids, attributes = [], [], []
    while not isinstance(node, Element):
        if isinstance(node, Class) and _is_token(node.class_name):
            classes.append(node.class_name)
        elif isinstance(node, Hash):
            ids.append(node.id)
        elif isinstance(node, Attrib) and _plain_attribute(node):
            value = node.value.value if node.value is not None else None
            if node.operator == "~=" and not _is_token(value):
                return None
            attributes.append((node.attrib, node.operator, value))
        else:
            return None
        node = node.selector
    if node.namespace is not None or (node.element is not None and not _PLAIN_NAME.fullmatch(node.element)):
        return None
    tag = None if node.element in (None, "*") else node.element
    return _Step(tag, tuple(reversed(classes)), tuple(reversed(ids)), tuple(reversed(attributes)))


def _plain_attribute(node) -> bool:
    return (node.namespace is None and getattr(node, "flag", None) is None and node.operator in _OPERATORS
            and _PLAIN_NAME.fullmatch(node.attrib) is not None)


def _is_token(name: str | None) -> bool:
    """A class name CSSSelector and this module compare the same way: no whitespace of any kind."""
    return bool(name) and name.split() == [name]
