"""The page's breadcrumb: the element marked as one, its labels, and the parent of the page it names (the category's
reader asks for it when nothing else names the category)."""

from __future__ import annotations

from itertools import islice
from urllib.parse import urljoin

from lxml import etree

from newsarchive.dates import is_bare_date, is_date_line, names_a_period
from newsarchive.extraction.html import element_text, is_inside, opening_text
from newsarchive.extraction.index import PageIndex
from newsarchive.extraction.metadata import breadcrumb_items
from newsarchive.extraction.taxonomy import MAX_SECTION_CHARS, MIN_NAMED
from newsarchive.extraction.vocabulary.classes import BREADCRUMB_HINTS, SCREEN_READER_CLASSES
from newsarchive.extraction.vocabulary.labels import TRAIL_LABEL, TRAIL_OPENING
from newsarchive.text import folded_reduced_text

_MAX_CRUMBS = 8  # links of a breadcrumb: a path from the home page, a few levels deep
_TRAIL_LEVELS, _TRAIL_SIBLINGS = 6, 4  # where a trail without a class is looked for above the headline
_LABEL_CHARS = 40  # the opening of a block's text where the trail's label is looked for
_LINKS = etree.XPath(".//a")
_VISIBLE_TEXT_NODES = etree.XPath(  # (a button's text is no crumb: the DSFR's "Voir le fil d'Ariane" toggle)
    ".//text()[normalize-space()][not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::button)]"
    "[not(ancestor::*[" + " or ".join(f"contains(@class, '{word}')" for word in SCREEN_READER_CLASSES) + "])]"
)


def breadcrumb_element(index: PageIndex, headline=None):
    """The first element marked as a breadcrumb (class, id, ``aria-label``, BreadcrumbList microdata) that is a path:
    ``_MAX_CRUMBS`` links at most (a section's menu marked so lists its subsections: ``nav#nav_ariane`` of ten); else
    one written without a mark above the ``headline``, after its label (:func:`_labelled_trail`)."""
    # (a link is a crumb, no trail: Ashe's reply link, aria-label "Répondre à Les Petites Miettes")
    marked = [hinted.element for hinted in index.matching(BREADCRUMB_HINTS) if hinted.element.tag != "a"]
    for at, element in enumerate(marked):
        if _is_path(element) and not _holds_a_shorter_trail(element, marked[at + 1:]):
            return element
    return _labelled_trail(headline)


def _is_path(element) -> bool:
    return next(islice(element.iter("a"), _MAX_CRUMBS, None), None) is None


def _holds_a_shorter_trail(element, later: list) -> bool:
    """Whether an element marked as a breadcrumb holds another of two links or more, but fewer than its own: a block
    flagged so around the trail (Site123's article section, classed ``dataPageBreadcrumbs``, holding its
    ``ol.breadcrumb`` and the related articles' links); a crumb of one link (``li.breadcrumb-item``) is none."""
    links = sum(1 for _ in element.iter("a"))
    for inner in later:
        if not is_inside(inner, element):
            return False  # (page order: the elements inside come right after it)
        if 2 <= sum(1 for _ in inner.iter("a")) < links:
            return True
    return False


def _labelled_trail(headline):
    """A breadcrumb written without a class, after its label (``<p>Vous êtes ici : <a>Accueil</a> > <a>Vie
    municipale</a> > …``) or opening with the home page and a trail's separator (``Accueil > Vie municipale > …``),
    among the elements before the headline: its and its blocks' preceding siblings, a few on each of
    ``_TRAIL_LEVELS`` levels (a home-made or an institutional site's trail above its title)."""
    level = headline
    for _ in range(_TRAIL_LEVELS if headline is not None else 0):
        for sibling in islice(level.itersiblings(preceding=True), _TRAIL_SIBLINGS):
            if isinstance(sibling.tag, str) and _opens_a_trail(opening_text(sibling, _LABEL_CHARS)) \
                    and _is_path(sibling):
                return sibling
        level = level.getparent()
        if level is None:
            break
    return None


def _opens_a_trail(text: str) -> bool:
    return TRAIL_LABEL.match(text) is not None or TRAIL_OPENING.match(text) is not None


def breadcrumb_from(element) -> list[str]:
    """The labels of a breadcrumb element, one per text piece, separators dropped, and the page's date it may end with
    (SPIP's ``p#hierarchie``: ``Accueil > Société • <abbr class="published">Publié le jeudi 14 mars 2024</abbr>``)."""
    if element is None:
        return []
    items = breadcrumb_items(_VISIBLE_TEXT_NODES(element))
    while items and (is_date_line(items[-1]) or is_bare_date(items[-1])):
        items.pop()
    return items


def unless_a_period(label: str | None) -> str | None:
    """A breadcrumb's parent, but for a month, a year or a day (Le Monde diplomatique's ``Accueil > Mars 2024 >
    Titre``: the issue's month, no section)."""
    return None if label is None or names_a_period(label) else label


def trail_breadcrumb_parent(element, page_url: str, headline: str | None = None) -> str | None:
    """The label of the last breadcrumb link before the page itself, the home link excluded; in a breadcrumb whose
    crumbs after the home are not linked, the crumb before the last when the last is the page's ``headline``
    (:func:`_unlinked_parent`)."""
    if element is None:
        return None
    page = page_url.split("#")[0].rstrip("/")
    inner = [a for a in _LINKS(element)[1:]  # (the home's link, maybe an icon without text)
             if element_text(a) and urljoin(page_url, a.get("href") or "").rstrip("/") != page]
    return element_text(inner[-1]) if inner else _unlinked_parent(element, headline)


def _unlinked_parent(element, headline: str | None) -> str | None:
    """The crumb before the last of a breadcrumb written as text (``Accueil › Vie locale › Le budget voté``) when the
    last names the page (its headline, maybe cut short: ``Le budget vot…``) and a home comes first; else None (a
    trail of text that does not end on the page may end on its section)."""
    items = breadcrumb_from(element)
    if len(items) < 3 or not headline or len(items[-2]) > MAX_SECTION_CHARS:
        return None
    last = folded_reduced_text(items[-1].rstrip(" .…"))
    return items[-2] if len(last) >= MIN_NAMED and folded_reduced_text(headline).startswith(last) else None
