"""The news agencies an article says it comes from: ``PARIS (AFP) -``, ``avec AFP``, an ``AFP`` credit, ``© AFP``.

Read where a page states the provenance of its text: the dateline at the start of the lead or body
(``(AFP)``), the byline, the authors and the JSON-LD author, source organisation, copyright holder
and credit (``Par la rédaction avec AFP``, an author named ``AFP``), the first and last short
paragraphs (``Avec AFP``, ``Source : Reuters``, ``© AFP``) and the page's copyright notice. Photo credits
in captions are not counted: an agency's photo says nothing of where the text comes from.
Agencies are given under one name each (``Agence France-Presse`` is ``AFP``), in the order found.
"""

from __future__ import annotations

import re
from itertools import islice

from newsarchive.extraction.furniture import in_furniture
from newsarchive.extraction.html import all_text, element_text, partly_shown
from newsarchive.extraction.values import first_text
from newsarchive.extraction.vocabulary.labels import AGENCIES, AGENCY_NAMES, SOURCE_LABELS
from newsarchive.text import clean_text

# One flat alternation of literals: searched several times faster than one of groups (every branch then opens
# with a letter, which the search looks for before trying the branches).
_ANY = AGENCY_NAMES
_NAMES = {name: re.compile(rf"^(?:{pattern})$") for name, pattern in AGENCIES.items()}
# Agencies named together: "AFP et Reuters", "l'AFP, Reuters", "AFP/Reuters" (each pattern's group 1 may name several).
_LIST = rf"(?:l['’])?(?:{_ANY})(?:\s*(?:,|/|&|\s(?i:et|and)\s)\s*(?:l['’])?(?:{_ANY}))*"
_DATELINE = re.compile(rf"^[^()]{{0,60}}\(\s*({_ANY})(?:\s*[/,]\s*[^()]{{1,30}})?\s*\)")
_WITH = re.compile(rf"(?:^|[\s(])(?i:avec)\s+({_LIST})\b")
_COPYRIGHT = re.compile(rf"(?:©|\((?i:c)\)|(?i:copyright))\s*(?:\d{{4}}\s*)?({_ANY})\b")
_LABELLED = re.compile(rf"^\W*(?i:{SOURCE_LABELS})\s*:?\s*({_LIST})\W*$")
_SIGNATURE = re.compile(rf"(?:^|/\s*|\(\s*)({_ANY})\W*$")  # "AFP", "Léa Roy / AFP", "Léa Roy (AFP)"
_IN_PARENTHESES = re.compile(rf"\(\s*({_LIST})\s*\)\W*$")  # a byline's "Par Léa Roy (AFP)"
_COPYRIGHT_LINE = re.compile(rf"^\W*(?:©|\((?i:c)\)|(?i:copyright))\s*(?:\d{{4}}\s*)?({_ANY})\W*$")
_SIGNATURE_LINE = re.compile(rf"^\(?(?:[^/()]{{1,40}}(?:/|\()\s*)?({_LIST})\)?$")  # "Léa Roy / AFP", "(AFP)"
_AGENCY = re.compile(_ANY)
_AGENCY_WORD = re.compile(rf"(?<![\w-])(?:{_ANY})(?![\w-])")
# The same names in a text whose spaces are not collapsed: what _AGENCY finds in clean_text(text), found in text.
_AGENCY_UNSPACED = re.compile(_ANY.replace("[- ]", r"(?:-|\s+)").replace(" ", r"\s+"))
_BLOCK_TAGS = ("p", "div", "span", "em", "small", "i", "strong")
_FIGURE_TAGS = ("figure", "figcaption")
_SHORT_PARAGRAPH = 80
_EDGE_PARAGRAPHS = 2
_EDGE_BLOCKS = 200


def agency_name(text: str) -> str | None:
    """The agency a name stands for (``Agence France-Presse`` -> ``AFP``), or None."""
    text = (text or "").strip(" .()[]")
    return next((name for name, pattern in _NAMES.items() if pattern.match(text)), None)


def wire_agencies(page, values: dict) -> list[str]:
    """The agencies the article (an :class:`~newsarchive.extraction.page.ArticlePage` and its field ``values``)
    names as the source of its text."""
    found: list[str] = []
    paragraphs = [p for section in values.get("sections") or () for p in section.get("paragraphs") or ()]
    opening = [text for text in (values.get("lead"), *paragraphs[:1]) if text]
    for text in opening:
        _add(found, _DATELINE.match(text))
    for text in filter(None, (values.get("byline"), values.get("copyright"))):
        for pattern in (_WITH, _COPYRIGHT, _IN_PARENTHESES):
            _add(found, pattern.search(text))
    for name in [*(values.get("authors") or ()), *_structured_names(page.data)]:
        _add_name(found, name)
    edges = paragraphs[:_EDGE_PARAGRAPHS] + paragraphs[-_EDGE_PARAGRAPHS:]
    for text in (p for p in edges if len(p) <= _SHORT_PARAGRAPH):
        for pattern in (_LABELLED, _WITH, _COPYRIGHT, _SIGNATURE):
            _add(found, pattern.search(text))
    for element, text in _credit_lines(page):  # "(Avec AFP)", "Source : Reuters": lines the body leaves out
        matches = [pattern.search(text) for pattern in (_LABELLED, _COPYRIGHT_LINE, _SIGNATURE_LINE)]
        if any(matches) and not in_furniture(element):
            for match in matches:
                _add(found, match)
    return found


def _credit_lines(page) -> list[tuple]:
    """``(element, text)`` of the short text blocks of the article outside captions that name an agency (whether they
    sit in furniture is for the caller to tell, on the few that do)."""
    root = page.article_root if page.article_root is not None else page.doc
    if any(node.tag in _FIGURE_TAGS for node in (root, *root.iterancestors())):
        return []
    partly = partly_shown(root)
    if _AGENCY_UNSPACED.search(all_text(root)):
        blocks = _blocks(root)
    elif partly:  # then only a block whose text leaves a script out may name one
        blocks = [element for element in _blocks(root) if element in partly]
    else:
        return []
    lines, kept, long = [], set(blocks), set()
    for element in reversed(blocks):  # inner blocks first: a block around a long one is long too
        if element not in long and next(islice(element.iter(), _SHORT_PARAGRAPH, None), None) is None:
            text = element_text(element) if element in partly else clean_text(all_text(element))
            if len(text) <= _SHORT_PARAGRAPH:
                if text and _AGENCY.search(text):
                    lines.append((element, text))
                continue
        # more elements than a short line has characters, or a longer text: a block of the page, not a line
        outer = element.getparent()
        while outer is not None and outer is not root and outer not in kept:
            outer = outer.getparent()
        long.add(outer)
    return lines[::-1]


def _blocks(root) -> list:
    """The text blocks under ``root`` outside figures, in page order: the first and last ones on a page of many."""
    in_figures = set()
    for figure in root.iter(*_FIGURE_TAGS):
        if figure not in in_figures:
            in_figures.update(figure.iter())
    blocks = [element for element in root.iter(*_BLOCK_TAGS) if element is not root and element not in in_figures]
    if len(blocks) > 2 * _EDGE_BLOCKS:  # credits open or close the article: a page of 10,000 blocks costs no more
        blocks = blocks[:_EDGE_BLOCKS] + blocks[-_EDGE_BLOCKS:]
    return blocks


def _structured_names(data) -> list[str]:
    names = []
    for key in ("author", "creator", "sourceOrganization", "copyrightHolder", "creditText", "provider"):
        value = data.article_value(key)
        for item in value if isinstance(value, list) else [value]:
            item = data.resolve(item)
            names.append(first_text(item.get("name")) if isinstance(item, dict) else first_text(item))
    return [name for name in names if name]


def _add(found: list[str], match: re.Match | None) -> None:
    for name in _AGENCY_WORD.findall(match.group(1)) if match else ():
        _add_name(found, name)


def _add_name(found: list[str], text: str) -> None:
    name = agency_name(text)
    if name and name not in found:
        found.append(name)
