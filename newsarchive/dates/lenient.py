"""dateparser as a second reader, for what the patterns leave out (zone names, surrounding words).

dateparser also makes dates out of noise, so its reading of a text is kept only when it agrees with the one date
expression the patterns find in that text.
"""

from __future__ import annotations

import functools
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from dateparser.date import DateDataParser

from newsarchive.dates.forms import Parsed, Rejected, parse_known_form
from newsarchive.dates.patterns import ZONE_NAME
from newsarchive.dates.scan import DATE_PLAN, MAX_DATE_TEXT, non_overlapping

_MAX_OFFSET_GAP = timedelta(hours=14)  # UTC offsets run from -12:00 to +14:00


def parse_with_dateparser(text: str, now: datetime, tz: ZoneInfo) -> Parsed | None:
    """dateparser's reading of ``text``, kept only when it agrees with the one date expression the text holds."""
    expressions = non_overlapping(text, DATE_PLAN)
    if len(text) > MAX_DATE_TEXT or len(expressions) != 1:
        return None
    try:
        expected = parse_known_form(expressions[0], now, tz)
        data = _date_data_parser(_naive_local(now, tz), tz.key).get_date_data(_simplify_for_dateparser(text))
    except (Rejected, ValueError, OverflowError):
        return None
    if expected is None or data.date_obj is None or data.period not in ("day", "time"):
        return None
    if not _agrees(data.date_obj.astimezone(tz), expected, zone_named=ZONE_NAME.search(text) is not None):
        return None
    return Parsed(data.date_obj.astimezone(tz), expected.has_time or data.period == "time",
                  expected.hangs_on)


def _agrees(found: datetime, expected: Parsed, *, zone_named: bool) -> bool:
    """Whether dateparser's ``found`` can be the ``expected`` reading of the date expression of the text.

    Without a zone in the text they must give the same day (and the same time when the expression has one).  A zone
    (``UTC``, ``EDT``, ``+0000``), which only dateparser reads, may move them apart by an offset: at most
    ``_MAX_OFFSET_GAP`` either way, in whole quarter hours when the expression has a time.
    """
    gap = found - expected.value
    if not zone_named:
        return gap == timedelta() if expected.has_time else found.date() == expected.value.date()
    if expected.has_time:
        return abs(gap) <= _MAX_OFFSET_GAP and gap % timedelta(minutes=15) == timedelta()
    return -_MAX_OFFSET_GAP <= gap < timedelta(days=1) + _MAX_OFFSET_GAP


def _naive_local(now: datetime, tz: ZoneInfo) -> datetime:
    return now.astimezone(tz).replace(tzinfo=None, microsecond=0)


@functools.lru_cache(maxsize=32)
def _date_data_parser(relative_base: datetime, tz_name: str) -> DateDataParser:
    settings = {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": relative_base,
        "RETURN_AS_TIMEZONE_AWARE": True,
        "TIMEZONE": tz_name,
        "RETURN_TIME_AS_PERIOD": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    return DateDataParser(languages=["fr", "en"], settings=settings)


def _simplify_for_dateparser(text: str) -> str:
    """Rewrite French forms dateparser misreads: ``14h32`` -> ``14:32``, ``1er`` -> ``1``, drop ``à``."""
    text = re.sub(r"(?<!\w)([01]?\d|2[0-3])\s*h\s*([0-5]\d)?(?![^\W\d_])", lambda m: f"{m[1]}:{m[2] or '00'}", text)
    text = re.sub(r"(?<!\w)1er(?!\w)", "1", text)
    return re.sub(r"\s+à\s+", " ", text)
