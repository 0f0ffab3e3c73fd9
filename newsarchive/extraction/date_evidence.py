"""Where a page gives its dates: the evidence of each kind, for :func:`newsarchive.dates.choose_date`.

The kinds and their ranks are those of :mod:`newsarchive.dates.evidence`: the site's selector, JSON-LD,
``article:*``, ``<meta>``/Dublin Core and microdata, hAtom/hCalendar microformats, ``<time>`` elements (in the article
header, elsewhere in the article, elsewhere on the page), visible dates near the headline (labelled or not), and the
dates written in the URL and the title.  Navigation, teaser lists, comments and footers give no evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from itertools import islice

from newsarchive.dates import (
    ChosenDate,
    Evidence,
    choose_date,
    has_date_label,
    split_published_modified,
    title_date,
    url_date,
)
from newsarchive.dates.lastresort import htmldate_evidence
from newsarchive.dates.reading import reference_time
from newsarchive.extraction.fields import DATE
from newsarchive.extraction.sourced import HEURISTIC, JSONLD, META, OPENGRAPH, SITE
from newsarchive.extraction.heuristics import around_headline, hints, in_furniture
from newsarchive.extraction.html import all_text, element_text, spaced_text
from newsarchive.extraction.index import is_inside, labels_matching
from newsarchive.extraction.selectors import read_field
from newsarchive.extraction.values import first_text
from newsarchive.extraction.vocabulary.classes import (
    DATE_HINTS,
    MICROFORMAT_HINTS,
    MICROFORMAT_MODIFIED,
    MICROFORMAT_PUBLISHED,
    MODIFIED_HINTS,
    PUBLISHED_HINTS,
)
from newsarchive.text import clean_text

PUBLISHED_META = (
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
    "date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "article.published", "datecreated", "og:pubdate",
)
MODIFIED_META = (
    "datemodified", "dc.date.modified", "dcterms.modified", "last-modified", "lastmod", "revised",
    "article.updated", "parsely-updated",
)
_DATE_TAGS = frozenset({"span", "div", "p", "li", "small", "dd", "footer", "header", "address", "time", "abbr"})
# The label just before a <time> element ("Mis à jour le <time …>", "Updated <time …>").
_MODIFIED_LABEL = re.compile(
    r"(?:mise?\s+à\s+jour|modifié|actualisé|màj|updated|modified|last\s+edited)\W*(?:le|on|at|à)?\s*$",
    re.IGNORECASE,
)
_MICROFORMAT_DATES = MICROFORMAT_PUBLISHED | MICROFORMAT_MODIFIED
_WORD = re.compile(r"[^\W\d_]{3,}")
_DIGIT = re.compile(r"\d")
_MAX_DESCENDANTS = 16  # an element showing a date is small; a larger one is a whole block of the page
_MAX_LABEL_TEXT = 40
_MAX_DATE_TEXT = 200  # a date element's text
_MAX_NEAR_TEXT = 90  # an unlabelled line near the headline that may be a date
_MAX_TIMES = 8
_MAX_BLOCKS = 12
_HEADER_SPAN = 40  # elements from the headline that still count as the article header
_NEAR_SIBLINGS = 6
_MAX_ITEMS = 20  # items of a list near the headline that may show a date (a tag cloud of 10,000 costs no more)


def chosen_date(page, modified: bool) -> ChosenDate | None:
    """The published (or modified) date of ``page`` chosen among its evidence by :func:`~newsarchive.dates.choose_date`;
    for the published date, htmldate's day when nothing else reads as a date."""
    last_resort = None if modified else lambda: htmldate_evidence(page.doc, page.url, page.fetched_at, HEURISTIC)
    around = page.date_surroundings
    return choose_date(date_evidence(page, modified), now=around.now, last_resort=last_resort,
                       readings=around.readings)


def date_evidence(page, modified: bool) -> Iterator[Evidence]:
    """The evidence for the published (or modified) date of ``page``, strongest kinds first."""
    field = "modified" if modified else "published"
    if page.selectors.get(field):
        yield Evidence("site", read_field(page.selection, DATE, page.selectors[field]), SITE)
    yield from _metadata(page.data, modified)
    around = page.date_surroundings
    yield from _microformats(around, modified)
    yield from _times(around, modified)
    yield from _visible_dates(page, around, modified)
    if not modified:
        day = url_date(page.url)
        if day:
            yield Evidence("url", day, HEURISTIC)
        og_title, title = page.data.meta_first("og:title"), page.data.title
        for text in (og_title, title) if title != og_title else (og_title,):  # the same text read once
            found = title_date(text)
            if found:
                yield Evidence("title", found, HEURISTIC)
                break


def visible_date(text: str, modified: bool) -> str | None:
    """The published (or modified) part of a visible date text."""
    return split_published_modified(text)[1 if modified else 0]


class Surroundings:
    """Where an element lies relative to the headline: its distance, and whether it is in the article header; and
    what both dates of the page share: one reference time (the fetch time, else the current time) and the readings."""

    def __init__(self, page):
        self.index = page.index
        self.headline = page.headline_element
        self.scope = around_headline(page.doc, self.headline)
        self.origin = self.index.positions.get(self.headline)
        self.now = reference_time(page.fetched_at)  # in Paris time: resolved once for every reading of the page
        self.readings: dict = {}  # each raw date text read, for both dates (see choose_date)

    def distance(self, position: int | None) -> int:
        if self.origin is None or position is None:
            return _HEADER_SPAN * 4
        return abs(position - self.origin)

    @cached_property
    def shown(self) -> list[tuple[int, str, bool]]:
        """``(distance, text, labelled)`` of the short texts that may show a date: the date elements (``.date``,
        ``.meta``, ``.byline``) of the article, and the lines just before and after the headline (``ul.info > li``,
        ``Mise en ligne le …``); read once for both dates."""
        seen, found = set(), []
        for hinted in self.index.matching(DATE_HINTS, _DATE_TAGS, self.scope, limit=_MAX_BLOCKS * 4):
            seen.add(hinted.element)
            shown = _shown_text(hinted.element, _MAX_DATE_TEXT)
            if shown:
                found.append((self.distance(hinted.position), *shown))
                if len(found) >= _MAX_BLOCKS:
                    break
        for distance, element in _near_headline(self.headline):
            shown = None if element in seen else _shown_text(element, _MAX_NEAR_TEXT)
            seen.add(element)
            if shown:
                found.append((distance, *shown))
        return found

    @cached_property
    def microformats(self) -> list[tuple[object, list[str], int]]:
        """``(element, class words, distance)`` of the hAtom/hCalendar date elements outside the furniture, read once
        for both dates.  Their class words (``published``, ``updated``, ``dtstart``) are date words too: they are
        among the elements with a date class word, and only those are searched."""
        found = []
        for hinted in labels_matching(MICROFORMAT_HINTS, self.index.matching(DATE_HINTS)):
            classes = (hinted.element.get("class") or "").lower().split()
            if not _MICROFORMAT_DATES.isdisjoint(classes) and not in_furniture(hinted.element):
                found.append((hinted.element, classes, self.distance(hinted.position)))
        return found

    @cached_property
    def times(self) -> list[tuple[object, bool, str, int]]:
        """``(element, whether it dates a modification, kind, distance)`` of the ``<time>`` elements outside the
        furniture and the microformats, read once for both dates."""
        found = []
        for time in self.index.by_tag["time"]:
            if in_furniture(time) or MICROFORMAT_HINTS.search((time.get("class") or "").lower()):
                continue
            found.append((time, _is_modified(time), self.kind_of_time(time),
                          self.distance(self.index.positions.get(time))))
        return found

    def kind_of_time(self, element) -> str:
        """``header``, ``article`` or ``page`` for a ``<time>`` element."""
        inside = self.scope is not None and is_inside(element, self.scope)
        if inside and self.distance(self.index.positions.get(element)) <= _HEADER_SPAN:
            return "header"
        return "article" if inside else "page"


def _metadata(data, modified: bool) -> Iterator[Evidence]:
    if modified:
        yield Evidence("jsonld", data.article_value("dateModified"), JSONLD)
        yield Evidence("opengraph", data.meta_first("article:modified_time", "og:updated_time", "article:modified"),
                       OPENGRAPH)
        yield Evidence("meta", data.meta_first(*MODIFIED_META), META)
        yield Evidence("meta", first_text(data.microdata_values("dateModified")), META)
        return
    yield Evidence("jsonld", data.article_value("datePublished", "dateCreated", "uploadDate"), JSONLD)
    yield Evidence("opengraph", data.meta_first("article:published_time", "og:published_time", "article:published"),
                   OPENGRAPH)
    yield Evidence("meta", data.meta_first(*PUBLISHED_META), META)
    yield Evidence("meta", first_text(data.microdata_values("datePublished")), META)


def _microformats(around: Surroundings, modified: bool) -> Iterator[Evidence]:
    """hAtom ``published``/``updated`` and hCalendar ``dtstart`` values (``<abbr title>``, ``datetime``, text)."""
    wanted = MICROFORMAT_MODIFIED if modified else MICROFORMAT_PUBLISHED
    for element, classes, distance in around.microformats:
        if not wanted.isdisjoint(classes):
            for value in _element_dates(element, modified):
                yield Evidence("microformat", value, HEURISTIC, distance)


def _times(around: Surroundings, modified: bool) -> Iterator[Evidence]:
    """``<time>`` elements (microformats aside), nearest the headline first."""
    found = []
    for time, dates_modification, kind, distance in around.times:
        if dates_modification == modified:
            found.extend(Evidence(kind, value, HEURISTIC, distance) for value in _element_dates(time, modified))
    found.sort(key=lambda item: (item.rank, item.distance))
    return iter(found[: _MAX_TIMES * 2])


def _element_dates(element, modified: bool) -> list[str]:
    """The dates an element gives: its machine-readable value (``datetime``, ``title``, ``content``) and its visible
    text.  Text written in words (``Publié le 29 juin 2019``) comes first: what the publisher shows outranks an
    attribute that says something else; numeric text (``06/07/2019``, read day-first) comes after the attribute."""
    text = element_text(element)
    attribute = clean_text(element.get("datetime") or element.get("title") or element.get("content") or "")
    shown = visible_date(text, modified) if text and len(text) <= _MAX_DATE_TEXT else None
    values = [shown, attribute] if shown and _WORD.search(text) else [attribute, shown]
    return [value for value in values if value]


def _is_modified(time) -> bool:
    label = hints(time) + " " + (time.get("itemprop") or "").lower()
    if MODIFIED_HINTS.search(label) and not PUBLISHED_HINTS.search(label):
        return True
    return bool(_MODIFIED_LABEL.search(_text_before(time)))


def _text_before(element) -> str:
    """The end of the text right before an element: its previous sibling's tail, else its parent's text."""
    previous = element.getprevious()
    text = previous.tail if previous is not None else element.getparent().text
    return (text or "")[-_MAX_LABEL_TEXT:]


def _visible_dates(page, around: Surroundings, modified: bool) -> Iterator[Evidence]:
    """Dates shown near the headline (see :attr:`Surroundings.shown`), nearest first."""
    found = []
    for distance, text, labelled in around.shown:
        part = visible_date(text, modified)
        if part:
            found.append(Evidence("labelled" if labelled else "visible", part, HEURISTIC, distance))
    found.sort(key=lambda item: (item.rank, item.distance))
    return iter(found)


def _shown_text(element, longest: int) -> tuple[str, bool] | None:
    """(text, whether it has a date label) of a small element that may show a date, else None."""
    if element.tag == "time" and element.get("datetime") or not _is_small(element):
        return None
    if not _DIGIT.search(all_text(element)):  # the shown text is a part of the whole: a cheap first test
        return None
    text = spaced_text(element)  # "Julien Morel 18 août 2025 Mis à jour le …": glued, a date hides in "Morel18"
    if not text or len(text) > _MAX_DATE_TEXT or not _DIGIT.search(text) or in_furniture(element):
        return None
    labelled = has_date_label(text)
    return (text, labelled) if labelled or len(text) <= longest else None


def _is_small(element) -> bool:
    return next(islice(element.iter(), _MAX_DESCENDANTS, None), None) is None


def _near_headline(headline) -> Iterator[tuple[int, object]]:
    """Short elements around the headline: its siblings and its parent's, and the items of lists among them."""
    if headline is None:
        return
    level = headline
    for depth in range(2):
        for step, sibling in enumerate(islice(level.itersiblings(preceding=True), _NEAR_SIBLINGS // 2)):
            yield from _with_items(sibling, depth * _NEAR_SIBLINGS + step + 1)
        for step, sibling in enumerate(islice(level.itersiblings(), _NEAR_SIBLINGS)):
            yield from _with_items(sibling, depth * _NEAR_SIBLINGS + step + 1)
        level = level.getparent()
        if level is None or level.tag in ("body", "html", "article", "main"):
            return


def _with_items(element, distance: int) -> Iterator[tuple[int, object]]:
    if not isinstance(element.tag, str):
        return
    yield distance, element
    for child in islice(element, _MAX_ITEMS):
        if isinstance(child.tag, str) and child.tag in ("li", "span", "p", "dd", "time", "small", "div", "abbr"):
            yield distance, child
