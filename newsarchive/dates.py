"""French (and English) date normalisation.

News pages give dates as ISO 8601 meta values, unix timestamps, French text (``mercredi 6 août 2025 à 14h32``,
``Publié le 06/08/2025 à 14:32``, ``1er août``) or relative forms (``il y a 3 heures``, ``hier à 18h05``) that only
make sense against the time the page was fetched (``now``).  The common shapes are read by regular expressions, which
are exact and fast.  Other text holding exactly one such date expression is cleaned and handed to dateparser, with
explicit settings, for what the expressions leave out (zone names, surrounding words); its answer is kept only when it
agrees with the expression, since dateparser also makes dates out of noise.

Rules:

- Results are aware datetimes.  Local times are Europe/Paris with its DST.  A wall-clock time repeated by the autumn
  switch takes its second occurrence (winter time, +01:00); one skipped by the spring switch is moved forward by the
  gap (``02:30`` becomes ``03:30+02:00``).  dateparser resolves both the same way.
- No date rather than a wrong one: impossible dates, dates without a day or a year-only value, a weekday that does not
  match the date, text holding several dates, imprecise relative forms (weeks, months or years ago), dates before
  1990 and dates more than two days after ``now`` all give None.
- A missing year (``6 août``) or a missing date (``14h32``) is resolved to the most recent such moment that is not
  after ``now``.
- :func:`normalise_date` keeps the precision of its input: ``YYYY-MM-DDTHH:MM:SS+HH:MM`` when the input carries a
  time, the plain ISO date ``YYYY-MM-DD`` when it carries a date only (midnight would be an invented time).
  :func:`parse_date` returns midnight, Paris time, for date-only input.
- Offsets: by default every moment is given in Paris time.  With ``keep_offset=True`` (what article records use), a
  time written with an explicit numeric offset other than zero (``2025-08-06T08:32:00-04:00``, ``… 08:32 -0400``)
  keeps that offset, so the calendar day the page states is kept (a French overseas site at -04:00, a foreign site);
  UTC (``Z``, ``+00:00``, ``GMT``), named zones and times without an offset are given in Paris time, the local time of
  a French newsroom: a CMS that stores UTC (WordPress/Yoast JSON-LD) gets the Paris day and hour its readers saw.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, datetime, time, timedelta, timezone
from typing import NamedTuple
from zoneinfo import ZoneInfo

from dateparser.date import DateDataParser

from newsarchive.date_patterns import (
    AMOUNT_WORDS,
    DATE_LABELS,
    DATE_PATTERNS,
    DAY_MONTH_YEAR,
    DAY_WORD,
    DAY_WORDS,
    ISO,
    LEADING_LABELS,
    MONTH_DAY_YEAR,
    MONTHS,
    NUMERIC,
    NUMERIC_YEAR_FIRST,
    RELATIVE_EN,
    RELATIVE_FR,
    SCANNED,
    TIME_ONLY,
    TIMESTAMP,
    TRAILING_OFFSET,
    UNITS,
    WEEKDAYS,
    ZONE_NAME,
)

PARIS = ZoneInfo("Europe/Paris")

_EARLIEST_YEAR = 1990
_FUTURE_TOLERANCE = timedelta(days=2)
_CLOCK_SKEW = timedelta(minutes=5)
_MAX_DATEPARSER_CHARS = 80
_MAX_OFFSET_GAP = timedelta(hours=14)  # UTC offsets run from -12:00 to +14:00


class _Parsed(NamedTuple):
    value: datetime  # aware
    has_time: bool


class _Rejected(Exception):
    """The text is a date expression that cannot be read as one moment (impossible or imprecise)."""


def parse_date(raw: str | None, *, now: datetime | None = None, tz: ZoneInfo = PARIS) -> datetime | None:
    """Read ``raw`` as an aware datetime in ``tz``, or return None.

    ``now`` is the fetch time that relative forms are resolved against (default: the current time; a naive value is
    taken as UTC).  An int or float ``raw`` is read as a unix timestamp.  Date-only input gives midnight in ``tz``.
    Text holding both a published and a modified date gives None: split it with :func:`split_published_modified`.
    """
    parsed = _parse(raw, _reference_time(now, tz), tz)
    return parsed.value if parsed else None


def normalise_date(raw: str | None, *, now: datetime | None = None, keep_offset: bool = False) -> str | None:
    """ISO 8601 text of ``raw`` in Paris time: a full datetime with offset, or ``YYYY-MM-DD`` for a date only.

    With ``keep_offset``, a time given with an explicit non-zero UTC offset is written in that offset instead.
    """
    parsed = _parse(raw, _reference_time(now, PARIS), PARIS)
    if parsed is None:
        return None
    if not parsed.has_time:
        return parsed.value.date().isoformat()
    value = parsed.value
    offset = _explicit_offset(raw) if keep_offset else None
    if offset:
        value = value.astimezone(timezone(offset))
    return value.isoformat(timespec="seconds")


def _explicit_offset(raw: object) -> timedelta | None:
    """The numeric UTC offset written after the time of ``raw`` (``…T08:32:00-04:00``, ``… 08:32 -0400``), or None."""
    if not isinstance(raw, str):
        return None
    match = TRAILING_OFFSET.search(raw.strip())
    if match is None:
        return None
    offset = timedelta(hours=int(match.group("hours")), minutes=int(match.group("minutes") or 0))
    return -offset if match.group("sign") == "-" else offset


def split_published_modified(text: str | None) -> tuple[str | None, str | None]:
    """Split visible text such as ``Publié le … Mis à jour le …`` into its raw published and modified dates.

    Either part may be None.  Text before any label counts as the published date unless a published label comes
    later.  Each part is the date expression found after its label, or the short text after it when no expression is
    recognised (so that the raw value is kept).
    """
    if not isinstance(text, str):
        return None, None
    text = _normalise_unicode(text)
    parts: dict[str, str | None] = {"published": None, "modified": None}
    for kind, segment in _labelled_segments(text):
        if parts[kind] is None:
            parts[kind] = _date_part(segment)
    return parts["published"], parts["modified"]


def find_date_strings(text: str | None) -> list[str]:
    """The French or English date expressions of ``text``, in order (ISO, numeric, textual, relative, times)."""
    if not isinstance(text, str):
        return []
    return _non_overlapping(_normalise_unicode(text), SCANNED)


def _non_overlapping(text: str, scanned: tuple[re.Pattern, ...]) -> list[str]:
    """Matched texts, leftmost first and longest at a given start; bare times count only with their minutes."""
    spans = sorted(
        (match.start(), -match.end())
        for pattern in scanned
        for match in pattern.finditer(text)
        if pattern is not TIME_ONLY or match.group("minute")
    )
    found, last_end = [], -1
    for start, negative_end in spans:
        if start >= last_end:
            found.append(text[start:-negative_end].strip())
            last_end = -negative_end
    return found


def _parse(raw: object, now: datetime, tz: ZoneInfo) -> _Parsed | None:
    text = _clean(raw)
    if not text:
        return None
    try:
        parsed = _parse_known_form(text, now, tz)
    except _Rejected:
        return None
    if parsed is None:
        parsed = _parse_with_dateparser(text, now, tz)
    if parsed is None or parsed.value.year < _EARLIEST_YEAR or parsed.value > now + _FUTURE_TOLERANCE:
        return None
    return parsed


def _reference_time(now: datetime | None, tz: ZoneInfo) -> datetime:
    if now is None:
        return datetime.now(tz)
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    return now.astimezone(tz)


def _normalise_unicode(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace("’", "'")


def _clean(raw: object) -> str:
    """Lower-cased text with whitespace collapsed and labels (``Publié le``, ``Mis à jour :``) removed."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return str(raw)
    if not isinstance(raw, str):
        return ""
    text = " ".join(_normalise_unicode(raw).lower().split())
    text = LEADING_LABELS.sub("", text)
    return text.strip(" .,;:|·()[]-–—")


def _parse_known_form(text: str, now: datetime, tz: ZoneInfo) -> _Parsed | None:
    """Read the forms the module knows exactly; None when none matches, _Rejected when one matches but is no date."""
    for pattern, reader in _READERS:
        match = pattern.fullmatch(text)
        if match:
            return reader(match, now, tz)
    return None


def _read_timestamp(match: re.Match, now: datetime, tz: ZoneInfo) -> _Parsed:
    seconds = float(match.group(0))
    if match.group("millis") is not None:
        seconds /= 1000
    return _Parsed(datetime.fromtimestamp(seconds, tz), True)


def _read_iso(match: re.Match, now: datetime, tz: ZoneInfo) -> _Parsed:
    if not match.group("time"):
        return _at(_checked_date(*map(int, match.group("date").split("-"))), None, tz)
    offset = (match.group("offset") or "").strip().upper()
    offset = "+00:00" if offset in ("Z", "UTC", "GMT") else offset
    try:
        value = datetime.fromisoformat(f"{match.group('date')}T{match.group('time')}{offset}".replace(",", "."))
    except ValueError as error:
        raise _Rejected from error
    if value.tzinfo is None:
        return _Parsed(_localise(value, tz), True)
    return _Parsed(value.astimezone(tz), True)


def _read_numeric(match: re.Match, now: datetime, tz: ZoneInfo) -> _Parsed:
    year = int(match.group("year"))
    if year < 100:
        year += 2000 if year <= now.year % 100 + 1 else 1900
    day = _checked_date(year, int(match.group("month")), int(match.group("day")))
    return _at(day, _time_of(match), tz)


def _read_month_name(match: re.Match, now: datetime, tz: ZoneInfo) -> _Parsed:
    month, day_number = MONTHS[match.group("month").lower()], int(match.group("day"))
    clock = _time_of(match)
    if match.group("year"):
        parsed = _at(_checked_date(int(match.group("year")), month, day_number), clock, tz)
    else:
        parsed = _latest_year(month, day_number, clock, now, tz)
    weekday = match.group("weekday")
    if weekday and WEEKDAYS[weekday.lower()] != parsed.value.weekday():
        raise _Rejected
    return parsed


def _read_relative(match: re.Match, now: datetime, tz: ZoneInfo) -> _Parsed:
    delta, has_time = timedelta(), False
    for amount, unit in ((match.group("amount"), match.group("unit")), (match.group("amount2"), match.group("unit2"))):
        if amount is None:
            continue
        count, unit_delta = _relative_amount(amount), UNITS.get(unit.lower())
        if count is None or unit_delta is None:
            raise _Rejected
        delta += count * unit_delta
        has_time = has_time or unit_delta < timedelta(days=1)
    if has_time:
        return _Parsed((now.astimezone(timezone.utc) - delta).astimezone(tz), True)
    return _at(now.astimezone(tz).date() - delta, None, tz)


def _read_day_word(match: re.Match, now: datetime, tz: ZoneInfo) -> _Parsed:
    word = " ".join(match.group("word").lower().replace("-", " ").split())
    day = now.astimezone(tz).date() - timedelta(days=DAY_WORDS[word])
    return _at(day, _time_of(match), tz)


def _read_time_only(match: re.Match, now: datetime, tz: ZoneInfo) -> _Parsed:
    parsed = _at(now.astimezone(tz).date(), _time_of(match), tz)
    if parsed.value > now + _CLOCK_SKEW:
        parsed = _at(parsed.value.date() - timedelta(days=1), _time_of(match), tz)
    return parsed


def _relative_amount(amount: str) -> int | None:
    if amount.isdigit():
        return int(amount)
    return AMOUNT_WORDS.get(amount.lower())


def _latest_year(month: int, day_number: int, clock: time | None, now: datetime, tz: ZoneInfo) -> _Parsed:
    """The most recent ``day_number``/``month`` not after ``now`` (29 February looks back to a leap year)."""
    for year in range(now.year + 1, now.year - 8, -1):
        try:
            parsed = _at(date(year, month, day_number), clock, tz)
        except ValueError:
            continue
        if parsed.value <= now + _CLOCK_SKEW:
            return parsed
    raise _Rejected


def _checked_date(year: int, month: int, day_number: int) -> date:
    try:
        return date(year, month, day_number)
    except ValueError as error:
        raise _Rejected from error


def _time_of(match: re.Match) -> time | None:
    """The time of day of a match with ``hour``/``minute``/``second``/``ampm`` groups, or None."""
    if not match.group("hour"):
        return None
    hour, minute, second = (int(match.group(name) or 0) for name in ("hour", "minute", "second"))
    meridiem = (match.group("ampm") or "").replace(".", "").lower()
    if meridiem:
        if not 1 <= hour <= 12:
            raise _Rejected
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    return time(hour, minute, second)


def _at(day: date, clock: time | None, tz: ZoneInfo) -> _Parsed:
    value = _localise(datetime.combine(day, clock or time()), tz)
    return _Parsed(value, clock is not None)


def _localise(naive: datetime, tz: ZoneInfo) -> datetime:
    """Attach ``tz``: repeated times take their second occurrence, skipped times move forward by the gap."""
    value = naive.replace(tzinfo=tz, fold=1).astimezone(timezone.utc).astimezone(tz)
    if value.replace(tzinfo=None) != naive:
        value = naive.replace(tzinfo=tz, fold=0).astimezone(timezone.utc).astimezone(tz)
    return value


def _parse_with_dateparser(text: str, now: datetime, tz: ZoneInfo) -> _Parsed | None:
    """dateparser's reading of ``text``, kept only when it agrees with the one date expression the text holds.

    dateparser reads what the regular expressions leave out (time zone names, surrounding words) but also makes
    dates out of noise; the check against the expression found in the text keeps only the former.
    """
    expressions = _non_overlapping(text, DATE_PATTERNS)
    if len(text) > _MAX_DATEPARSER_CHARS or len(expressions) != 1:
        return None
    try:
        expected = _parse_known_form(expressions[0], now, tz)
        data = _date_data_parser(_naive_local(now, tz), tz.key).get_date_data(_simplify_for_dateparser(text))
    except (_Rejected, ValueError, OverflowError):
        return None
    if expected is None or data.date_obj is None or data.period not in ("day", "time"):
        return None
    if not _agrees(data.date_obj.astimezone(tz), expected, zone_named=ZONE_NAME.search(text) is not None):
        return None
    return _Parsed(data.date_obj.astimezone(tz), expected.has_time or data.period == "time")


def _agrees(found: datetime, expected: _Parsed, *, zone_named: bool) -> bool:
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


def _labelled_segments(text: str) -> list[tuple[str, str]]:
    """(kind, text) pairs: the text after each published/modified label, up to the next label."""
    labels = list(DATE_LABELS.finditer(text))
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
        return found[0]
    segment = segment.strip(" .,;:|·()[]-–—")
    if re.search(r"\d", segment) and len(segment) <= _MAX_DATEPARSER_CHARS:
        return segment
    return None


# --- Vocabulary and patterns ------------------------------------------------------------------------------------

def _simplify_for_dateparser(text: str) -> str:
    """Rewrite French forms dateparser misreads: ``14h32`` -> ``14:32``, ``1er`` -> ``1``, drop ``à``."""
    text = re.sub(r"(?<!\w)([01]?\d|2[0-3])\s*h\s*([0-5]\d)?(?![^\W\d_])", lambda m: f"{m[1]}:{m[2] or '00'}", text)
    text = re.sub(r"(?<!\w)1er(?!\w)", "1", text)
    return re.sub(r"\s+à\s+", " ", text)


_READERS = (
    (TIMESTAMP, _read_timestamp),
    (ISO, _read_iso),
    (NUMERIC, _read_numeric),
    (NUMERIC_YEAR_FIRST, _read_numeric),
    (DAY_MONTH_YEAR, _read_month_name),
    (MONTH_DAY_YEAR, _read_month_name),
    (RELATIVE_FR, _read_relative),
    (RELATIVE_EN, _read_relative),
    (DAY_WORD, _read_day_word),
    (TIME_ONLY, _read_time_only),
)
