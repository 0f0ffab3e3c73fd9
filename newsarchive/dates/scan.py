"""Finding date expressions inside longer text: every expression of a text, and a text's published and modified parts."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from newsarchive.dates.forms import month_number
from newsarchive.dates.patterns import (
    CLOCK_THEN_DAY_JOINER,
    DATE_LABELS,
    DATE_PATTERNS,
    DAY_MONTH_YEAR,
    DAY_WORD,
    DIGIT,
    EVENT_DATE,
    LABEL_WORDS,
    MONTHS,
    NUMERIC_NO_YEAR,
    RELATIVE_EN,
    RELATIVE_FR,
    SCAN_PREREQUISITES,
    SCANNED,
    TIME_ONLY,
    WEEKDAYS,
    YEAR,
)
from newsarchive.text import may_hold_word, without_pieces

MAX_DATE_TEXT = 80  # longer text is not one date expression with words around it
_WORD = re.compile(r"[^\W\d_]{2,}")
_DAY_ARTICLE = re.compile(r"^\s*le\s+(?=\d)", re.IGNORECASE)  # "Le 12 mars 2024"
_RANGE_JOIN = re.compile(r"\s*(?:au|to|jusqu'au|[-–—])\s*", re.IGNORECASE)  # "du 28 mars au 2 avril 2026"


# Typographic apostrophes as ``'``; hyphens (NFKC makes the non-breaking one U+2010), the figure dash and the minus
# sign as ``-``: word processors and typographic plug-ins write ``20‑06‑2019`` and ``20 juin 2019 ‐ 22:35`` so.
_TYPOGRAPHIC = str.maketrans({"’": "'", "\u2010": "-", "\u2012": "-", "\u2212": "-"})


def normalise_unicode(text: str) -> str:
    """NFKC text with typographic apostrophes and hyphens as ``'`` and ``-`` (``1ᵉʳ`` -> ``1er``, ``aujourd’hui`` ->
    ``aujourd'hui``, ``20‑06‑2019`` -> ``20-06-2019``)."""
    return unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHIC)


def find_date_strings(text: str | None) -> list[str]:
    """The French or English date expressions of ``text``, in order (ISO, numeric, textual, relative, times)."""
    if not isinstance(text, str):
        return []
    return non_overlapping(normalise_unicode(text), SCANNED_PLAN)


def non_overlapping(text: str, plan: ScanPlan) -> list[str]:
    """The texts the patterns of ``plan`` match, leftmost first and longest at a given start; bare times count only
    with their minutes, and one written right before a day is a part of it (``10h05 le 12 mars 2024``)."""
    spans = sorted(
        (match.start(), -match.end(), pattern is TIME_ONLY, pattern not in _NOT_AFTER_A_CLOCK)
        for pattern in _possible(text, plan)
        for match in pattern.finditer(text)
        if pattern is not TIME_ONLY or match.group("minute")
    )
    kept: list[list] = []  # [start, end, whether a bare time]
    for start, negative_end, bare_time, may_follow_a_clock in spans:
        if kept and start < kept[-1][1]:
            continue
        if kept and kept[-1][2] and may_follow_a_clock and CLOCK_THEN_DAY_JOINER.fullmatch(text, kept[-1][1], start):
            kept[-1][1:] = [-negative_end, False]
        else:
            kept.append([start, -negative_end, bare_time])
    return [text[start:end].strip() for start, end, _ in kept]


# Every prerequisite once (a pattern searched in the text, or a tuple of words of which the text holds one, see
# :func:`~newsarchive.text.may_hold_word`); a plan names each pattern's by their places in this tuple.
_TESTS = tuple(dict.fromkeys(test for tests in SCAN_PREREQUISITES.values() for test in tests))


class ScanPlan(NamedTuple):
    """Patterns to scan a text with, each with the places in ``_TESTS`` of the prerequisites it needs."""

    patterns: tuple[tuple[re.Pattern, tuple[int, ...]], ...]


def scan_plan(patterns: tuple[re.Pattern, ...]) -> ScanPlan:
    """The plan of ``patterns`` (each needs the prerequisites :data:`~.patterns.SCAN_PREREQUISITES` gives it)."""
    return ScanPlan(tuple(
        (pattern, tuple(map(_TESTS.index, SCAN_PREREQUISITES.get(pattern, ())))) for pattern in patterns
    ))


# A time before one of these is no part of it: another time, a time ago (``10h05 il y a 3 jours``).
_NOT_AFTER_A_CLOCK = (TIME_ONLY, RELATIVE_FR, RELATIVE_EN)
SCANNED_PLAN = scan_plan(SCANNED)  # every date expression, bare times included
DATE_PLAN = scan_plan(DATE_PATTERNS)  # the date expressions only
_WORDED_PLAN = scan_plan((RELATIVE_FR, RELATIVE_EN, DAY_WORD))  # the forms a text may write without a digit


def _possible(text: str, plan: ScanPlan) -> list[re.Pattern]:
    """The patterns of ``plan`` whose prerequisites the text holds; each prerequisite is tested once, and only for a
    pattern whose earlier prerequisites the text holds (a text without a digit is not searched for a month)."""
    held: list[bool | None] = [None] * len(_TESTS)
    possible = []
    for pattern, needed in plan.patterns:
        for place in needed:
            holds = held[place]
            if holds is None:
                test = _TESTS[place]
                holds = held[place] = (may_hold_word(text, test) if isinstance(test, tuple)
                                       else test.search(text) is not None)
            if not holds:
                break
        else:
            possible.append(pattern)
    return possible


def may_hold_date(text: str) -> bool:
    """False when ``text`` surely holds no date expression: it has no digit, nor the word of a form written without
    one (``hier``, ``aujourd'hui``, ``il y a une heure``, ``an hour ago``); a cheap first test of an element's text."""
    return DIGIT.search(text) is not None or bool(_possible(text, _WORDED_PLAN))


@lru_cache(maxsize=1024)
def split_published_modified(text: str | None) -> tuple[str | None, str | None]:
    """Split visible text such as ``Publié le … Mis à jour le …`` into its raw published and modified dates.

    Either part may be None (the split is kept: a page's date lines are read for both dates).  Text before any label
    counts as the published date unless a published label comes later.  Each part is the date expression found after
    its label, or the short text after it when no expression is recognised (so that the raw value is kept).
    """
    if not isinstance(text, str):
        return None, None
    text = normalise_unicode(text)
    parts: dict[str, str | None] = {"published": None, "modified": None}
    for kind, segment in _labelled_segments(text):
        if parts[kind] is None:
            parts[kind] = _date_part(segment)
    return parts["published"], parts["modified"]


def has_date_label(text: str) -> bool:
    """Whether ``text`` names a published or modified date (``Publié le``, ``Mise en ligne``, ``Mis à jour``)."""
    text = normalise_unicode(text)
    return may_hold_word(text, LABEL_WORDS) and DATE_LABELS.search(text) is not None


def is_date_line(text: str) -> bool:
    """Whether ``text`` says nothing but labelled dates (``Mis en ligne le 12 février 2009``, ``Publié le 5 mars à
    10h30 | Mis à jour le 6 mars``): a line of details, not a sentence of the text (``… publié le 5 mars au journal
    officiel``)."""
    return len(text) <= MAX_DATE_TEXT and has_date_label(text) and says_only_dates(text, labelled=True)


def is_bare_date(text: str) -> bool:
    """Whether ``text`` is a date and nothing else, without a label (``14 mars 2023``, ``Le 12/03/2024 à 10h05``: the
    article before a French date is a part of it)."""
    if len(text) > MAX_DATE_TEXT:
        return False
    text = _DAY_ARTICLE.sub("", normalise_unicode(text), count=1)
    found = non_overlapping(text, SCANNED_PLAN)  # find_date_strings of the normalised text, scanned once
    return bool(found) and _only_dates(text, found, labelled=False)


def writes_a_day(text: str | None) -> bool:
    """Whether a text writes a day: a date expression that is not a time alone (an episode's length, ``03:25``)."""
    return any(not TIME_ONLY.fullmatch(found) for found in find_date_strings(text))


def writes_a_published_day(text: str | None) -> bool:
    """Whether a text writes a day a publication may be on: a day (:func:`writes_a_day`) outside a modified date's part
    (``Actualités | Mis à jour le 14 mars 2024`` writes none)."""
    return writes_a_day(split_published_modified(text)[0])


def dates_an_event(text: str) -> bool:
    """Whether a text writes an event's date, a span or after an event's label (``Événement : du 15 au 20 avril
    2024``, ``jusqu'au 20 avril``): no day a publication is on."""
    return EVENT_DATE.search(normalise_unicode(text)) is not None


def is_date_word(word: str) -> bool:
    """Whether a word is a month's or a weekday's name (``Mars``, ``lundi``, ``déc.``): a part of a date, no name."""
    word = word.strip(" .").lower()
    return word in MONTHS or word in WEEKDAYS


def names_a_period(text: str) -> bool:
    """Whether ``text`` is a month, a year or a day and nothing else (``Mars 2024``, ``2024``, ``12 mars 2024``): an
    archive's name, no section's."""
    words = normalise_unicode(text).replace(",", " ").split()
    return bool(words) and all(is_date_word(word) or YEAR.fullmatch(word) or word.isdigit() and len(word) <= 2
                               for word in words)


def says_only_dates(text: str, *, labelled: bool = False) -> bool:
    """Whether ``text`` holds no word besides its date expressions (``novembre 03, 2018``), and their labels when
    ``labelled`` (``Mis en ligne le 12 février 2009``)."""
    text = normalise_unicode(text)
    return _only_dates(text, non_overlapping(text, SCANNED_PLAN), labelled=labelled)


def is_a_time_ago(text: str) -> bool:
    """Whether ``text`` is a count back from now and nothing else, its amount written in figures or in words (``il y a
    une heure``, ``il y a 3 jours``, ``an hour ago``)."""
    text = normalise_unicode(text)
    found = [match.group(0) for pattern in (RELATIVE_FR, RELATIVE_EN) for match in pattern.finditer(text)]
    return bool(found) and _only_dates(text, found, labelled=False)


def _only_dates(text: str, found: list[str], *, labelled: bool) -> bool:
    """Whether normalised ``text`` holds no word besides the date expressions ``found`` in it (and labels)."""
    text = without_pieces(text, found)
    return _WORD.search(DATE_LABELS.sub(" ", text) if labelled else text) is None


def without_dates(text: str) -> str:
    """``text`` normalised, each of its date expressions (:func:`find_date_strings`) replaced by a space: the words
    said besides its dates."""
    text = normalise_unicode(text)
    return without_pieces(text, non_overlapping(text, SCANNED_PLAN))


def _labelled_segments(text: str) -> list[tuple[str, str]]:
    """(kind, text) pairs: the text after each published/modified label, up to the next label."""
    labels = list(DATE_LABELS.finditer(text)) if may_hold_word(text, LABEL_WORDS) else []
    segments = []
    if not any(label.group("published") for label in labels):
        segments.append(("published", text[: labels[0].start()] if labels else text))
    ends = [label.start() for label in labels[1:]] + [len(text)]
    for label, end in zip(labels, ends):
        segments.append(("published" if label.group("published") else "modified", text[label.end() : end]))
    return segments


def _date_part(segment: str) -> str | None:
    found = find_date_strings(segment)
    if found:
        return _range_start(segment, found) or found[0]
    segment = segment.strip(" .,;:|·()[]-–—")
    if re.search(r"\d", segment) and len(segment) <= MAX_DATE_TEXT:
        return segment
    return None


def _range_start(segment: str, found: list[str]) -> str | None:
    """The first day of a range that writes the year with its last day only, with that year written in (``Du 28 mars
    au 2 avril 2026``: ``28 mars 2026``; ``du 28 décembre au 2 janvier 2026``: ``28 décembre 2025``): read alone,
    it took the year of the fetch. None for another text."""
    if len(found) < 2:
        return None
    first, last = DAY_MONTH_YEAR.fullmatch(found[0]), DAY_MONTH_YEAR.fullmatch(found[1])
    if first is None or last is None or first.group("year") or len(last.group("year") or "") != 4:
        return None
    start = segment.find(found[0]) + len(found[0])
    if not _RANGE_JOIN.fullmatch(segment[start:segment.find(found[1], start)]):
        return None
    year = int(last.group("year"))
    if (month_number(first), int(first.group("day"))) > (month_number(last), int(last.group("day"))):
        year -= 1  # the range crosses the new year
    return with_year(found[0], year)


def with_year(text: str, year: int) -> str | None:
    """A day written without its year (``2 janvier``, ``02/01 à 09h15``) with ``year``; None for another text."""
    match = DAY_MONTH_YEAR.fullmatch(text)
    if match is not None and not match.group("year"):
        end = match.end("month") + (text[match.end("month"):].startswith("."))
        return f"{text[:end]} {year}{text[end:]}"
    match = NUMERIC_NO_YEAR.fullmatch(text)
    if match is not None:
        end = match.end("month") + (text[match.end("month"):].startswith("."))
        return f"{text[:match.end('month')]}{match.group('sep')}{year}{text[end:]}"
    return None
