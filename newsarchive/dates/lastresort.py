"""htmldate as the last resort: the day it finds on a page where none of the page's own evidence reads as a date.

htmldate (made for exactly this) searches the whole page, links and text included, with rules of its own.  It is
asked only when the ranked evidence gives nothing, since it gives the day only (no time, no offset) and, searching
everywhere, is the least sure of the layers; it is handed the page without its furniture (comments, related links,
sidebars: :func:`~newsarchive.extraction.furniture.without_furniture`), whose dates are other pages' or readers'.
A 1 January it gives is dropped: it is how htmldate reads a lone year (``© 2025``), which names no day; so is the day
before the fetch time or later: the site's current date in its top bar (``Mercredi 15 janvier 2025``). The article
reader also drops the day of the modified date the page shows (``Mis à jour le 12 mars 2024``, its only date), a day
the page writes after a modified date's label only (:func:`written_as_modified_only`: a footer's ``Page mise à jour le
14/03/2024``), a day the page writes with another year only (:func:`written_in_other_years`: ``Mis à jour le
30/04/2024`` in a footer read as ``2020-04-30``, a year misread), and the first of a month the page never writes
(:func:`a_month_alone`: an image's upload folder, ``/2023-11/``).

Measured on the development pages (``benchmarks/bench_eval.py``), published_date with / without this layer:
eval-dev 0.977 / 0.969 (one more page dated, a Russian month name; nothing else changes), eval-fr-dev 1.000 / 1.000;
with the furniture left out, eval-dev 0.984 (a page that htmldate dated from a link in its sidebar is dated right).
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta, timezone

from htmldate import find_date

from newsarchive.dates.evidence import Evidence
from newsarchive.dates.patterns import MODIFIED_LABEL
from newsarchive.dates.reading import read_date_at
from newsarchive.dates.scan import find_date_strings, normalise_unicode

logger = logging.getLogger(__name__)

_EARLIEST = "1990-01-01"
# A day htmldate finds within this of the fetch time is the site's current date (``Mercredi 15 janvier 2025`` in its
# top bar), not the page's: a page published that day says so in evidence read before this layer.
_FETCH_DAY = timedelta(days=1)


def htmldate_evidence(doc, url: str, now: datetime | None, layer: str) -> Evidence | None:
    """htmldate's publication day for the parsed page ``doc`` (left untouched: htmldate works on a copy)."""
    latest = (now or datetime.now(timezone.utc)) + timedelta(days=1)
    try:
        day = find_date(doc, url=url, original_date=True, extensive_search=True, min_date=_EARLIEST,
                        max_date=latest.date().isoformat())
    except (ValueError, TypeError, OverflowError) as error:  # htmldate's own limits on odd pages
        logger.debug("htmldate failed on %s: %s", url, error)
        return None
    if not day or day.endswith("-01-01"):  # htmldate's reading of a lone year (a copyright line): no day
        return None
    if now is not None and day >= (now - _FETCH_DAY).date().isoformat():
        logger.debug("htmldate's %s on %s is the fetch day: the site's current date, not the page's", day, url)
        return None
    return Evidence("htmldate", day, layer)


# A modified date's label right before a date (``Page mise à jour le``, ``Dernière modification :``), maybe of the site
# or the page (``Dernière mise à jour du site :``).
_MODIFIED_BEFORE = re.compile(
    rf"(?:{MODIFIED_LABEL})(?:\s+(?:du\s+site|de\s+(?:la|cette)\s+page|of\s+(?:the|this)\s+(?:site|page)))?\W*$",
    re.IGNORECASE,
)
_LABEL_SPAN = 40  # characters before a date where its label is
_DATE_SPAN = 40  # characters on each side of a year where the date that holds it is written
_MAX_YEARS = 200


def written_as_modified_only(text: str, day: str, reference: datetime) -> bool:
    """Whether every date of ``text`` with ``day``'s year that reads as ``day`` (ISO) follows a modified date's label: a
    footer's ``Page mise à jour le 14/03/2024`` (furniture, that the page's modified date is not read from) dates an
    update, not the publication."""
    labelled = [bool(_MODIFIED_BEFORE.search(before)) for before in _written(text, day, reference)]
    return bool(labelled) and all(labelled)


def a_month_alone(text: str, day: str, reference: datetime) -> bool:
    """Whether ``day`` (ISO) is the first of a month that ``text`` never writes as a date: htmldate's reading of a
    month alone in an address (an image's upload folder, ``/2023-11/``, ``/2024/05/``), which names no day."""
    return day.endswith("-01") and next(_written(text, day, reference), None) is None


def _written(text: str, day: str, reference: datetime):
    """For each date of ``text`` with ``day``'s year that reads as ``day`` (ISO), the ``_LABEL_SPAN`` characters
    before it. Only the text around the year's occurrences is read (a page's whole text, scanned for dates, cost
    several milliseconds), the first ``_MAX_YEARS`` of them."""
    text = normalise_unicode(text)
    for start, end in _around(text, day[:4]):
        window = text[start:end]
        position = 0
        for expression in find_date_strings(window):
            position = window.find(expression, position)
            reading = read_date_at(expression, reference)
            if reading is not None and reading.value.date().isoformat() == day:
                yield text[max(0, start + position - _LABEL_SPAN):start + position]
            position += len(expression)


def _around(text: str, year: str) -> list[tuple[int, int]]:
    """The spans of ``text`` around the first ``_MAX_YEARS`` occurrences of ``year``, where a date with it is written
    (``_DATE_SPAN`` characters on each side), those that overlap merged."""
    spans: list[tuple[int, int]] = []
    found, count = text.find(year), 0
    while found != -1 and count < _MAX_YEARS:
        start, end = max(0, found - _DATE_SPAN), found + len(year) + _DATE_SPAN
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        found, count = text.find(year, found + len(year)), count + 1
    return spans


def written_in_other_years(text: str, day: str) -> bool:
    """Whether ``text`` writes the day and month of ``day`` (ISO) as a numeric date, day first (``30/04/2024``), only
    with other years than its own."""
    month, date_of_month = int(day[5:7]), int(day[8:10])
    written = re.compile(rf"(?<!\d)0?{date_of_month}[/.-]0?{month}[/.-](\d{{4}})(?!\d)")
    years = {found.group(1) for found in written.finditer(text)}
    return bool(years) and day[:4] not in years
