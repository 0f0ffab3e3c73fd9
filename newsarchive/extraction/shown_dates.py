"""The short texts of a page that may show its date: a small element's text with the date's label written before it,
the lines around the headline and the items of their lists, the dateline that opens the body (read by
:class:`~.date_context.DateContext`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from lxml import etree

from newsarchive.dates import has_date_label, is_a_time_ago, may_hold_date, says_only_dates
from newsarchive.dates.patterns import DIGIT, YEAR
from newsarchive.extraction.furniture import in_furniture, is_article_aside
from newsarchive.extraction.heuristics import EMPTY_BLOCKS_READ, hints, shows_something
from newsarchive.extraction.html import all_text, holds_few_nodes, label_before, spaced_text
from newsarchive.extraction.vocabulary.classes import TODAY_HINTS
from newsarchive.text import clean_text

MAX_DATE_TEXT = 200  # a date element's text
MAX_LABEL_TEXT = 40  # a date's label written before the element that shows the date
_MAX_DESCENDANTS = 16  # an element showing a date is small; a larger one is a whole block of the page
_NEAR_SIBLINGS = 6
_MAX_ITEMS = 20  # items of a list near the headline that may show a date (a tag cloud of 10,000 costs no more)
# A place, a date and a dash opening the body: "Lyon, le 12 mars 2024 – ", "PARIS, 12 mars 2024 (AFP) - ".
_DATELINE = re.compile(
    r"^\s*[A-ZÀ-ÖØ-Ý][\w'’ .-]{1,40}?,\s*(?:le\s+)?(?P<date>[^–—(),-]{6,40}?)\s*(?:\([A-Z]{2,8}\)\s*)?[–—-]\s"
)
_FIRST_PARAGRAPHS = 3  # paragraphs of the body read for its first one with text
_DATELINE_CHARS = 120


def shown_text(element, longest: int, named_dates: bool = False) -> tuple[str, bool] | None:
    """(text, whether it has a date label) of a small element that may show a date, else None. An ``<aside>`` of the
    article is read only when its class or id names dates or details (``named_dates``): a bare one is a teaser."""
    if element.tag == "time" and element.get("datetime") or not _is_small(element):
        return None
    if not may_hold_date(all_text(element)):  # the shown text is a part of the whole: a cheap first test
        return None
    text = spaced_text(element)  # "Julien Morel 18 août 2025 Mis à jour le …": glued, a date hides in "Morel18"
    if text and len(text) > MAX_DATE_TEXT:  # a long text: read only when its element's class names dates or details
        text = _labelled_opening(text) if named_dates else None
    if not text or not may_hold_date(text):
        return None
    if in_furniture(element) and not (named_dates and is_article_aside(element)):
        return None
    labelled = has_date_label(text)
    if not labelled:  # a date in an element of its own after its label: read with it (the label says which date)
        label = _date_label_before(element)
        text, labelled = (f"{label} {text}", True) if label else (text, False)
    # a day's word without a label ("Hier, le conseil a voté…", a menu's "Aujourd'hui") dates nothing: one with its
    # label does ("Publié hier"), and so does a time ago alone, written without a digit ("Il y a une heure")
    if labelled or len(text) <= longest and (DIGIT.search(text) or is_a_time_ago(text)):
        return text, labelled
    return None


def _labelled_opening(text: str) -> str | None:
    """The opening of a long line of details when it writes a labelled date (WordPress Kubrick's ``Cet article a été
    publié le jeudi 20 juin 2019 à 22:35 et est classé dans …``, some 300 characters), else None."""
    opening = text[:MAX_DATE_TEXT]
    return opening if has_date_label(opening) else None


def shows_today(element) -> bool:
    """Whether a small element is or holds the date of the day a site's header shows (``div.date-du-jour``)."""
    return any(TODAY_HINTS.search(hints(inner)) for inner in element.iter(etree.Element))


def dateline_of(body) -> str | None:
    """The date of the dateline that opens the body's first paragraph (``Lyon, le 12 mars 2024 – Le conseil…``,
    ``PARIS, 12 mars 2024 (AFP) -``), as press releases and agency copy open: a date with its year, between a place
    and a dash."""
    if body is None:
        return None
    texts = (clean_text(all_text(p)[:_DATELINE_CHARS]) for p in islice(body.iter("p"), _FIRST_PARAGRAPHS))
    found = _DATELINE.match(next((text for text in texts if text), ""))
    return found.group("date") if found and YEAR.search(found.group("date")) else None


def _is_small(element) -> bool:
    return holds_few_nodes(element, _MAX_DESCENDANTS)


def near_headline(headline) -> Iterator[tuple[int, object]]:
    """Short elements around the headline: its siblings and its parent's, and the items of lists among them; the
    siblings that show nothing (an ad's empty slots) are passed over and not counted."""
    if headline is None:
        return
    level = headline
    for depth in range(2):
        for step, sibling in enumerate(_shown_siblings(level, _NEAR_SIBLINGS // 2, preceding=True)):
            yield from _with_items(sibling, depth * _NEAR_SIBLINGS + step + 1)
        for step, sibling in enumerate(_shown_siblings(level, _NEAR_SIBLINGS)):
            yield from _with_items(sibling, depth * _NEAR_SIBLINGS + step + 1)
        level = level.getparent()
        if level is None or level.tag in ("body", "html", "article", "main"):
            return


def _shown_siblings(element, count: int, preceding: bool = False):
    """The ``count`` nearest siblings of ``element`` (those before it with ``preceding``) that show something
    (:func:`~.heuristics.shows_something`), among its ``EMPTY_BLOCKS_READ`` times ``count`` nearest."""
    siblings = islice(element.itersiblings(preceding=preceding), EMPTY_BLOCKS_READ * count)
    return islice((sibling for sibling in siblings if shows_something(sibling)), count)


def _with_items(element, distance: int) -> Iterator[tuple[int, object]]:
    if not isinstance(element.tag, str):
        return
    yield distance, element
    for child in islice(element, _MAX_ITEMS):
        if isinstance(child.tag, str) and child.tag in ("li", "span", "p", "dd", "time", "small", "div", "abbr"):
            yield distance, child


def _date_label_before(element) -> str:
    """A date's label written right before ``element`` and nothing else (:func:`~.html.label_before`: ``Mis à jour le
    <span class="date">…``, ``<span>Mis à jour le</span> <span>…``, ``<dt>Mis à jour le</dt><dd>…``); else ""."""
    before = clean_text(label_before(element, MAX_LABEL_TEXT))
    return before if before and has_date_label(before) and says_only_dates(before, labelled=True) else ""
