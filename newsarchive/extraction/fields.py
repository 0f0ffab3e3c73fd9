"""Field values with the layer that supplied them, and the choice among candidate dates."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from newsarchive.dates import normalise_date

SITE, JSONLD, OPENGRAPH, META, HEURISTIC = "site", "jsonld", "opengraph", "meta", "heuristic"

_EXPLICIT_OFFSET = re.compile(r"(?:[+-]\d{2}:?\d{2}|Z|\b(?:UTC|GMT))\s*$", re.IGNORECASE)
_UTC_OFFSET = re.compile(r"(?:[+-]00:?00|Z|\b(?:UTC|GMT))\s*$", re.IGNORECASE)
_MAX_DATE_CANDIDATES = 12
_DAY, _TIME, _OFFSET = 0, 1, 2
_NON_ALNUM = re.compile(r"[\W_]+")


class Sourced(NamedTuple):
    """A field value and its layer: ``site``, ``jsonld``, ``opengraph``, ``meta`` or ``heuristic``."""

    value: Any
    source: str


def first_found(*layers) -> Sourced | None:
    """The first non-empty result of ``(layer, function)`` pairs, called in order."""
    for layer, read in layers:
        value = read()
        if value:
            return Sourced(value, layer)
    return None


def _agreement_key(text: str) -> str:
    return _NON_ALNUM.sub("", text.casefold())


def most_agreed(candidates) -> Sourced | None:
    """The value that most ``(layer, value)`` candidates agree on (case and punctuation aside);
    between equally supported values, the one of the earliest layer."""
    votes: dict[str, int] = {}
    present = [(layer, value) for layer, value in candidates if value]
    for _, value in present:
        key = _agreement_key(value)
        votes[key] = votes.get(key, 0) + 1
    if not present:
        return None
    best = max(votes.values())
    layer, value = next((l, v) for l, v in present if votes[_agreement_key(v)] == best)
    return Sourced(value, layer)


def date_precision(raw: str, normalised: str) -> int:
    """How precise a date is: a date only, a local time, or a time with an explicit UTC offset."""
    if "T" not in normalised:
        return _DAY
    return _OFFSET if _EXPLICIT_OFFSET.search(raw) else _TIME


def _raw_text(raw) -> str | None:
    """A candidate date as text: strings stripped, numbers (unix timestamps) written out, lists' first item."""
    if isinstance(raw, list):
        raw = raw[0] if raw else None
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return str(raw)
    return raw.strip() if isinstance(raw, str) else None


def _in_utc(raw: str) -> bool:
    return bool(_UTC_OFFSET.search(raw))


def normalised_or_none(raw: str, **options) -> str | None:
    """``normalise_date(raw, **options)``, None for a date out of the range of dates (year 0001 in a
    far offset, ``il y a 99999999999999999999 jours``): never an exception from a page's text."""
    try:
        return normalise_date(raw, **options)
    except (OverflowError, ValueError):
        return None


def pick_date(candidates, now=None) -> Sourced | None:
    """The raw date to keep among ``(layer, raw)`` candidates given in layer order.

    The first candidate that parses wins, unless a later one is more precise (a time where it has a date
    only, an explicit offset where it has a local time), falls on the same day and says something else;
    a more precise candidate that gives the same moment only confirms the first. A moment given in UTC
    gives way to the same moment written with the page's own offset (``23:40Z`` and ``19:40-04:00``), which
    keeps the publisher's local day. When no candidate parses, the first raw value is kept so that the
    record shows what the page said.
    """
    best, first_raw = None, None
    for count, (layer, raw) in enumerate(candidates):
        raw = _raw_text(raw)
        if count >= _MAX_DATE_CANDIDATES:
            break
        if not raw:
            continue
        first_raw = first_raw or Sourced(raw, layer)
        normalised = normalised_or_none(raw, now=now)
        if normalised is None:
            continue
        precision = date_precision(raw, normalised)
        if best is None:
            best = [Sourced(raw, layer), normalised, precision]
        elif precision > best[2] and normalised[:10] == best[1][:10]:
            best = [best[0] if normalised == best[1] else Sourced(raw, layer), normalised, precision]
        elif precision == _OFFSET == best[2] and normalised == best[1] and _in_utc(best[0].value) and not _in_utc(raw):
            best[0] = Sourced(raw, layer)
        if best[2] == _OFFSET and not _in_utc(best[0].value):
            break
    return best[0] if best else first_raw
