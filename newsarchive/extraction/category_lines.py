"""Categories a line of the article writes after a label: a link (``Publié dans <a>Politique locale</a>``,
``<span>Catégorie :</span> <a>…</a>``) or a name without one (``Catégorie : Société``)."""

from __future__ import annotations

from itertools import islice

from newsarchive.extraction.furniture import in_furniture
from newsarchive.extraction.html import LINE_TAGS, element_text, label_before
from newsarchive.extraction.index import MAX_LINK_CANDIDATES
from newsarchive.extraction.metadata import without_hashtag
from newsarchive.extraction.taxonomy import MAX_SECTION_CHARS, says_tag
from newsarchive.extraction.vocabulary.labels import CATEGORY_LABEL, NAMED_CATEGORY_LABEL, WRITTEN_CATEGORY
from newsarchive.text import ends_as_sentence

_MAX_LABEL_CHARS = 30  # the end of the text before a link that may be its label
_MAX_LINES = 400
_MAX_LINE_ELEMENTS = 4  # a line of details holds a few elements (its label, a link or two)
_LABEL_INITIALS = frozenset("CcRrDd")  # the first letters of WRITTEN_CATEGORY's labels


def labelled_category_text(container) -> str | None:
    """The text of the first link in the article's ``container`` that a category label introduces (``Publié dans
    <a>Politique locale</a>``, ``<span>Catégorie :</span> <a>…</a>``), among its first ``MAX_LINK_CANDIDATES``
    links, outside furniture."""
    if container is None:
        return None
    for link in islice(container.iterdescendants("a"), MAX_LINK_CANDIDATES):
        label = label_before(link, _MAX_LABEL_CHARS)
        if CATEGORY_LABEL.search(label) and (not says_tag(link) or _names_categories(label)):
            text = without_hashtag(element_text(link))
            if text and len(text) <= MAX_SECTION_CHARS and not in_furniture(link) and not _in_a_sentence(link):
                return text
    return None


def _in_a_sentence(link) -> bool:
    """Whether a link is in a sentence of the text (``Le conseil s'est réuni en 2024 dans <a>la salle des fêtes</a> de
    la commune.``), not a line of details that files the page."""
    parent = link.getparent()
    return parent is not None and ends_as_sentence(element_text(parent))


def after_category_name(link) -> bool:
    """Whether a label that names categories outright comes right before a link (``Catégories : <a rel="tag">``: a
    category's link, whatever its ``rel`` says)."""
    return _names_categories(label_before(link, _MAX_LABEL_CHARS))


def _names_categories(label: str) -> bool:
    return NAMED_CATEGORY_LABEL.search(label) is not None


def _linked(line, name: str) -> bool:
    """Whether a line's name is the text of one of its links: the labelled links' reader tells it (a tag's link after
    ``Classé sous :`` is none)."""
    return any(element_text(link) == name for link in line.iter("a"))


def written_category_text(container) -> str | None:
    """The category a line of the article's ``container`` writes after its label without a link (``Catégorie :
    Société``, ``Rubrique : Vie locale | Mots-clés : …``), among its first ``_MAX_LINES`` lines, outside furniture."""
    if container is None:
        return None
    for element in islice(container.iter(*LINE_TAGS), _MAX_LINES):
        if _opening(element)[:1] not in _LABEL_INITIALS or len(element) > _MAX_LINE_ELEMENTS:
            continue  # most lines: the label is not looked for; a block's text (a whole article's) is not read
        found = WRITTEN_CATEGORY.match(element_text(element))
        if found and not in_furniture(element) and not _linked(element, found.group("name")):
            return _first_of_parts(element, found.group("name"))
    return None


def _first_of_parts(line, name: str) -> str:
    """The first of the names a line writes in elements of their own after its label (Jahia's ``Catégories :
    <span class="categorytitle">Recherche</span> <span class="categorytitle">Partenariats</span>``), else `name`."""
    texts = [text for text in (element_text(child) for child in line if isinstance(child.tag, str)) if text]
    for start, text in enumerate(texts[:-1]):
        if " ".join(texts[start:]) == name:
            return text
    return name


def _opening(line) -> str:
    """The first characters of a line's text: its own, else its first element's (``<span>Catégorie :</span>``)."""
    text = (line.text or "").lstrip()
    if not text and len(line) and isinstance(line[0].tag, str):
        text = (line[0].text or "").lstrip()
    return text
