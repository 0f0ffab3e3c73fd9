"""The exact readers of the date expressions the patterns recognise: one function per shape, each giving a moment.

Each reader takes a full match, the reference time ``now`` and the zone, and returns a :class:`Parsed` moment or raises
:class:`Rejected` when the text has the shape of a date but is none (an impossible day, a weekday that does not
match, a relative form too coarse to give a day, a time of day with no day).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from typing import NamedTuple
from zoneinfo import ZoneInfo

from newsarchive.dates.patterns import (
    AMOUNT_WORDS,
    COMPACT_DAY,
    DAY_MONTH_YEAR,
    DAY_WORD,
    DAY_WORDS,
    ISO,
    MONTH_DAY_YEAR,
    MONTHS,
    NUMERIC,
    NUMERIC_NO_YEAR,
    NUMERIC_YEAR_FIRST,
    RELATIVE_EN,
    RELATIVE_FR,
    SPACED_NUMERIC,
    TIME_ONLY,
    TIMESTAMP,
    UNITS,
    WEEKDAYS,
    ZONE_OFFSETS,
)

CLOCK_SKEW = timedelta(minutes=5)


# What of a moment is read against the reference time (``Parsed.hangs_on``): its year (a day written without one,
# ``6 août à 14h32``), its day (a day word or a count of days: ``hier à 8h30``, ``il y a 3 jours``), or the moment
# itself (a count of hours or minutes, ``il y a 3 heures``: its time of day too).
HANGS_ON_YEAR, HANGS_ON_DAY, HANGS_ON_MOMENT = "year", "day", "moment"


class Parsed(NamedTuple):
    value: datetime  # aware
    has_time: bool
    #: what of the moment depends on the reference time (``HANGS_ON_*``); "" for nothing
    hangs_on: str = ""
    #: the zone written after the time (``14:30 UTC``, ``10 h 05 HAE``): its offset, zero for UTC; None when none is
    zone: timedelta | None = None

    @property
    def relative(self) -> bool:
        """Whether the moment depends on the reference time (a relative form, a day word, a missing year)."""
        return bool(self.hangs_on)


# How far after the reference time a date may be: a page's clock or zone a little ahead (a later date is none).
FUTURE_TOLERANCE = timedelta(days=2)


class Rejected(Exception):
    """The text is a date expression that cannot be read as one moment (impossible, imprecise or without a day)."""


def parse_known_form(text: str, now: datetime, tz: ZoneInfo) -> Parsed | None:
    """Read the forms the package knows exactly; None when none matches, Rejected when one matches but is no date."""
    for pattern, reader in _READERS:
        match = pattern.fullmatch(text)
        if match:
            try:
                return reader(match, now, tz)
            except (OverflowError, ValueError) as error:  # out of the range of dates: year 1 in +14:00, 10^20 days
                raise Rejected from error
    return None


def _read_timestamp(match: re.Match, now: datetime, tz: ZoneInfo) -> Parsed:
    seconds = float(match.group(0))
    if match.group("millis") is not None:
        seconds /= 1000
    try:
        return Parsed(datetime.fromtimestamp(seconds, tz), True)
    except (OverflowError, OSError, ValueError) as error:
        raise Rejected from error


def _read_iso(match: re.Match, now: datetime, tz: ZoneInfo) -> Parsed:
    if not match.group("time"):
        return at(_checked_date(*map(int, match.group("date").split("-"))), None, tz)
    offset = (match.group("offset") or "").strip().upper()
    offset = "+00:00" if offset in ("Z", "UTC", "GMT") else offset
    try:
        value = datetime.fromisoformat(f"{match.group('date')}T{match.group('time')}{offset}".replace(",", "."))
    except ValueError as error:
        raise Rejected from error
    if value.tzinfo is None:
        return Parsed(localise(value, tz), True)
    return Parsed(value.astimezone(tz), True)


def _read_numeric(match: re.Match, now: datetime, tz: ZoneInfo) -> Parsed:
    day = _checked_date(_full_year(match.group("year"), now), int(match.group("month")), int(match.group("day")))
    return _at_match(day, match, tz)


def _read_compact_day(match: re.Match, now: datetime, tz: ZoneInfo) -> Parsed:
    return at(_checked_date(int(match.group("year")), int(match.group("month")), int(match.group("day"))), None, tz)


def _read_day_first(match: re.Match, now: datetime, tz: ZoneInfo) -> Parsed:
    """A numeric date read day first (``07/05/2020``); month first when read so it is the only date (``03/15/2021``)
    or the only one on the weekday written before it (Drupal's default format, ``mar, 03/05/2024``: Tuesday 5 March),
    or, both on that weekday, the only one not after ``now`` (``mar, 03/12/2024`` read in June 2024: 12 March).
    Dotted dates (``05.03.2024``) are read day first only: no site writes the month first with dots."""
    year, first, second = _full_year(match.group("year"), now), int(match.group("day")), int(match.group("month"))
    orders = ((second, first), (first, second)) if match.group("sep") != "." else ((second, first),)
    days = [day for day in (_valid_date(year, month, day_number) for month, day_number in orders) if day]
    weekday = match.group("weekday")
    if weekday:
        days = [day for day in days if day.weekday() == WEEKDAYS[_vocabulary_key(weekday)]]
        # both readings on the weekday written (``mar, 03/12/2024``: 3 December and 12 March 2024 are Tuesdays): a
        # day after now is none a page was written on
        days = [day for day in days if day <= (now + FUTURE_TOLERANCE).date()] or days
    if not days:
        raise Rejected
    return _at_match(days[0], match, tz)


def _read_day_month(match: re.Match, now: datetime, tz: ZoneInfo) -> Parsed:
    """A day and a month without a year before a time (``12/03 à 14h30``): the latest such day not after ``now``, on
    the weekday written before it if any."""
    return _on_its_weekday(_latest_year(int(match.group("month")), int(match.group("day")), match, now, tz), match)


def _full_year(year: str, now: datetime) -> int:
    """A year written with two digits (``07/05/20``) in the century that puts it no later than next year."""
    number = int(year)
    if number < 100:
        number += 2000 if number <= now.year % 100 + 1 else 1900
    return number


def _read_month_name(match: re.Match, now: datetime, tz: ZoneInfo) -> Parsed:
    month, day_number = MONTHS[_vocabulary_key(match.group("month"))], int(match.group("day"))
    if match.group("year"):
        parsed = _at_match(_checked_date(_full_year(match.group("year"), now), month, day_number), match, tz)
    else:
        parsed = _latest_year(month, day_number, match, now, tz)
    return _on_its_weekday(parsed, match)


def _on_its_weekday(parsed: Parsed, match: re.Match) -> Parsed:
    """``parsed``, unless the weekday written before the date (``mardi 12 mars``) is another day's."""
    weekday = match.group("weekday")
    if weekday and WEEKDAYS[_vocabulary_key(weekday)] != parsed.value.weekday():
        raise Rejected
    return parsed


def _read_relative(match: re.Match, now: datetime, tz: ZoneInfo) -> Parsed:
    delta, has_time = timedelta(), False
    for amount, unit in ((match.group("amount"), match.group("unit")), (match.group("amount2"), match.group("unit2"))):
        if amount is None:
            continue
        count, unit_delta = _relative_amount(amount), UNITS.get(_vocabulary_key(unit))
        if count is None or unit_delta is None:
            raise Rejected
        delta += count * unit_delta
        has_time = has_time or unit_delta < timedelta(days=1)
    if has_time:
        return Parsed((now.astimezone(timezone.utc) - delta).astimezone(tz), True, HANGS_ON_MOMENT)
    return at(now.astimezone(tz).date() - delta, None, tz)._replace(hangs_on=HANGS_ON_DAY)


def _read_day_word(match: re.Match, now: datetime, tz: ZoneInfo) -> Parsed:
    word = " ".join(_vocabulary_key(match.group("word")).replace("-", " ").split()).replace("' ", "'")
    day = now.astimezone(tz).date() - timedelta(days=DAY_WORDS[word])
    return _at_match(day, match, tz)._replace(hangs_on=HANGS_ON_DAY)


def _read_time_only(match: re.Match, now: datetime, tz: ZoneInfo) -> Parsed:
    """A time of day alone names no day: it is never dated (``15h14`` in a news ticker is not today at 15:14)."""
    raise Rejected


def _relative_amount(amount: str) -> int | None:
    if amount.isdigit():
        return int(amount)
    return AMOUNT_WORDS.get(_vocabulary_key(amount))


def month_number(match: re.Match) -> int:
    """The month that a match of a pattern with a ``month`` group names (``mars``, ``déc.``, ``March``)."""
    return MONTHS[_vocabulary_key(match.group("month"))]


def _vocabulary_key(word: str) -> str:
    """A matched word as the vocabularies of :mod:`.patterns` write it: lower case, with the dotless ``ı`` that the
    case-blind patterns read as an ``i`` written ``i`` (``juın`` is ``juin``)."""
    return word.lower().replace("ı", "i")


def _latest_year(month: int, day_number: int, match: re.Match, now: datetime, tz: ZoneInfo) -> Parsed:
    """The most recent ``day_number``/``month`` not after ``now`` (29 February looks back to a leap year), on the
    weekday written before it if any (``mardi 3 mars`` read in 2025 is 3 March 2020, a Tuesday)."""
    weekday = match.groupdict().get("weekday")
    weekday_number = WEEKDAYS[_vocabulary_key(weekday)] if weekday else None
    for year in range(now.year + 1, now.year - 8, -1):
        try:
            parsed = _at_match(date(year, month, day_number), match, tz)
        except ValueError:
            continue
        if parsed.value <= now + CLOCK_SKEW and weekday_number in (None, parsed.value.weekday()):
            return parsed._replace(hangs_on=HANGS_ON_YEAR)
    raise Rejected


def _valid_date(year: int, month: int, day_number: int) -> date | None:
    try:
        return date(year, month, day_number)
    except ValueError:
        return None


def _checked_date(year: int, month: int, day_number: int) -> date:
    day = _valid_date(year, month, day_number)
    if day is None:
        raise Rejected
    return day


def _time_of(match: re.Match) -> time | None:
    """The time of day of a match with ``hour``/``minute``/``second``/``ampm`` groups (or ``midday``: ``midi``,
    ``minuit``), or None."""
    if not match.group("hour"):
        midday = match.groupdict().get("midday")
        return None if midday is None else time(12 if midday.lower() == "midi" else 0)
    hour, minute, second = (int(match.group(name) or 0) for name in ("hour", "minute", "second"))
    meridiem = re.sub(r"[.\s]", "", match.group("ampm") or "").lower()
    if meridiem:
        if not 1 <= hour <= 12:
            raise Rejected
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    return time(hour, minute, second)


def _zone_of(match: re.Match) -> timedelta | None:
    """The offset of the zone written after the time of a match (``UTC``, ``GMT+2``, ``HAE``), or None."""
    zone = match.group("zone")
    if not zone:
        return None
    zone = zone.lower()
    if zone in ZONE_OFFSETS:
        return timedelta(minutes=ZONE_OFFSETS[zone])
    if not match.group("zone_sign"):
        return timedelta()
    offset = timedelta(hours=int(match.group("zone_hours")), minutes=int(match.group("zone_minutes") or 0))
    return -offset if match.group("zone_sign") == "-" else offset


def _at_match(day: date, match: re.Match, tz: ZoneInfo) -> Parsed:
    """The moment the time of a match gives on ``day``: in the zone written after it, else in ``tz``."""
    clock, zone = _time_of(match), _zone_of(match)
    if clock is None or zone is None:
        return at(day, clock, tz)
    return Parsed(datetime.combine(day, clock, timezone(zone)).astimezone(tz), True, zone=zone)


def at(day: date, clock: time | None, tz: ZoneInfo) -> Parsed:
    """The moment ``clock`` (midnight when None) of ``day`` in ``tz``."""
    value = localise(datetime.combine(day, clock or time()), tz)
    return Parsed(value, clock is not None)


def localise(naive: datetime, tz: ZoneInfo) -> datetime:
    """Attach ``tz``: repeated times take their second occurrence, skipped times move forward by the gap."""
    value = naive.replace(tzinfo=tz, fold=1).astimezone(timezone.utc).astimezone(tz)
    if value.replace(tzinfo=None) != naive:
        value = naive.replace(tzinfo=tz, fold=0).astimezone(timezone.utc).astimezone(tz)
    return value


_READERS = (
    (TIMESTAMP, _read_timestamp),
    (COMPACT_DAY, _read_compact_day),
    (ISO, _read_iso),
    (NUMERIC, _read_day_first),
    (SPACED_NUMERIC, _read_numeric),
    (NUMERIC_NO_YEAR, _read_day_month),
    (NUMERIC_YEAR_FIRST, _read_numeric),
    (DAY_MONTH_YEAR, _read_month_name),
    (MONTH_DAY_YEAR, _read_month_name),
    (RELATIVE_FR, _read_relative),
    (RELATIVE_EN, _read_relative),
    (DAY_WORD, _read_day_word),
    (TIME_ONLY, _read_time_only),
)
