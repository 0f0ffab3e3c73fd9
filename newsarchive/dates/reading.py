"""Reading one date text: French (and English) dates normalised to ISO 8601.

News pages give dates as ISO 8601 meta values, unix timestamps, French text (``mercredi 6 août 2025 à 14h32``,
``Publié le 06/08/2025 à 14:32``, ``1er août``) or relative forms (``il y a 3 heures``, ``hier à 18h05``) that only
make sense against the time the page was fetched (``now``).  The common shapes are read by regular expressions
(:mod:`.patterns`, :mod:`.forms`), which are exact and fast.  Other text holding exactly one such date expression
is handed to dateparser (:mod:`.lenient`), whose answer is kept only when it agrees with the expression.

Rules:

- Results are aware datetimes.  Local times are the site's (:mod:`.zones`: Europe/Paris with its DST unless the
  site is in another country, ``lapresse.ca``, ``<html lang="fr-CA">``).  A wall-clock time repeated by the autumn
  switch takes its second occurrence (winter time, +01:00); one skipped by the spring switch is moved forward by the
  gap (``02:30`` becomes ``03:30+02:00``).  dateparser resolves both the same way.
- No date rather than a wrong one: impossible dates, dates without a day or a year-only value, a weekday that does not
  match the date, text holding several dates, imprecise relative forms (weeks, months or years ago), a time of day
  with no day (``15h14``), dates before 1990 and dates more than two days after ``now`` all give None.
- A missing year (``6 août``) is resolved to the most recent such day that is not after ``now``; ``hier``,
  ``aujourd'hui`` and ``il y a 3 heures`` count back from ``now``.
- :func:`normalise_date` keeps the precision of its input: ``YYYY-MM-DDTHH:MM:SS+HH:MM`` when the input carries a
  time, the plain ISO date ``YYYY-MM-DD`` when it carries a date only (midnight would be an invented time).
  :func:`parse_date` returns midnight, the site's time, for date-only input.
- Offsets: by default every moment is given in the site's time.  With ``keep_offset=True`` (what article records use), a
  time written with an explicit offset other than zero (``2025-08-06T08:32:00-04:00``, ``… 08:32 -0400``, a visible
  ``14 h 30 (GMT+2)`` or ``10 h 05 HAE``, the French names of the North American zones, ``CET``, ``CEST``) keeps that
  offset, so the calendar day the page states is kept (a French overseas site at -04:00, a foreign site); UTC (``Z``,
  ``+00:00``, ``GMT``, a visible ``14:30 UTC``) and times without an offset are given in the site's time, the local
  time of its newsroom: a CMS that stores UTC (WordPress/Yoast JSON-LD) gets the day and hour its readers saw.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import NamedTuple
from zoneinfo import ZoneInfo

from newsarchive.dates.forms import FUTURE_TOLERANCE, Parsed, Rejected, parse_known_form
from newsarchive.dates.lenient import parse_with_dateparser
from newsarchive.dates.patterns import CLOCK_THEN_DAY, LEADING_LABELS, TRAILING_OFFSET, UTC_OFFSET
from newsarchive.dates.scan import normalise_unicode
from newsarchive.dates.zones import PARIS


_EARLIEST_YEAR = 1990
_LONGEST_UTC_MARK = len("+00:00")


class Reading(NamedTuple):
    """A date text read: the moment, whether it has a time, its written offset, what of it hangs on ``now``."""

    value: datetime  # aware, in the site's zone
    has_time: bool
    offset: timedelta | None  # the numeric offset written after the time, when there is one
    in_utc: bool  # written in UTC (``Z``, ``+00:00``, ``GMT``)
    hangs_on: str = ""  # what of it is read against the reference time (forms.HANGS_ON_*): "" for nothing

    @property
    def relative(self) -> bool:
        """Whether it is resolved against the reference time (relative forms, day words, a missing year)."""
        return bool(self.hangs_on)

    @property
    def written_day(self) -> date:
        """The day it writes: in its own offset when it writes one (``2025-08-11T18:30:00-04:00``, the 12th in Paris
        time, is the 11th), else in the site's zone (a moment written in UTC is of the site's day)."""
        if self.offset is not None and not self.in_utc:
            return self.value.astimezone(timezone(self.offset)).date()
        return self.value.date()

    def iso(self, keep_offset: bool = True) -> str:
        """ISO 8601 text: the date only when there is no time; else the moment with its offset."""
        if not self.has_time:
            return self.value.date().isoformat()
        value = self.value
        if keep_offset and self.offset:
            value = value.astimezone(timezone(self.offset))
        return value.isoformat(timespec="seconds")


def read_date(raw: object, *, now: datetime | None = None, tz: ZoneInfo = PARIS) -> Reading | None:
    """The :class:`Reading` of ``raw`` (text, or a number read as a unix timestamp) in the site's zone ``tz``, or
    None."""
    return read_date_at(raw, reference_time(now, tz))


def read_date_at(raw: object, reference: datetime) -> Reading | None:
    """:func:`read_date` against ``reference``, a time already resolved by :func:`reference_time` (the readings of
    one page share one): its zone is the site's."""
    parsed = _parse(raw, reference, reference.tzinfo)
    if parsed is None:
        return None
    text = raw.strip() if isinstance(raw, str) else ""
    offset, in_utc = _explicit_offset(text), _in_utc(text)
    if parsed.zone is not None:  # a zone written after the time: "14:30 UTC", "10 h 05 HAE", "14 h (GMT+2)"
        offset, in_utc = offset or parsed.zone or None, in_utc or not parsed.zone
    return Reading(parsed.value, parsed.has_time, offset, in_utc, parsed.hangs_on)


def parse_date(raw: str | None, *, now: datetime | None = None, tz: ZoneInfo = PARIS) -> datetime | None:
    """Read ``raw`` as an aware datetime in ``tz``, or return None.

    ``now`` is the fetch time that relative forms are resolved against (default: the current time; a naive value is
    taken as UTC).  An int or float ``raw`` is read as a unix timestamp.  Date-only input gives midnight in ``tz``.
    Text holding both a published and a modified date gives None: split it with
    :func:`~newsarchive.dates.scan.split_published_modified`.
    """
    parsed = _parse(raw, reference_time(now, tz), tz)
    return parsed.value if parsed else None


def normalise_date(raw: str | None, *, now: datetime | None = None, keep_offset: bool = False,
                   tz: ZoneInfo = PARIS) -> str | None:
    """ISO 8601 text of ``raw`` in the site's zone ``tz`` (Paris time by default): a full datetime with offset, or
    ``YYYY-MM-DD`` for a date only.

    With ``keep_offset``, a time given with an explicit non-zero UTC offset is written in that offset instead.
    """
    reading = read_date(raw, now=now, tz=tz)
    return reading.iso(keep_offset) if reading else None


def _in_utc(text: str) -> bool:
    """Whether the stripped ``text`` ends with a UTC mark (``Z``, ``+00:00``, ``GMT``): searched in its last
    characters only, where every match of :data:`~.patterns.UTC_OFFSET` lies (the longest, ``+00:00``, has six)."""
    return UTC_OFFSET.search(text, max(0, len(text) - _LONGEST_UTC_MARK)) is not None


def _explicit_offset(text: str) -> timedelta | None:
    """The numeric UTC offset written after the time of ``text`` (``…T08:32:00-04:00``, ``… 08:32 -0400``), or None."""
    match = TRAILING_OFFSET.search(text)
    if match is None:
        return None
    offset = timedelta(hours=int(match.group("hours")), minutes=int(match.group("minutes") or 0))
    return -offset if match.group("sign") == "-" else offset


def _parse(raw: object, now: datetime, tz: ZoneInfo) -> Parsed | None:
    text = _clean(raw)
    if not text:
        return None
    try:
        parsed = parse_known_form(_day_first(text), now, tz)
    except Rejected:
        return None
    if parsed is None:
        parsed = parse_with_dateparser(text, now, tz)
    if parsed is None or parsed.value.year < _EARLIEST_YEAR or parsed.value > now + FUTURE_TOLERANCE:
        return None
    return parsed


def _day_first(text: str) -> str:
    """A time written before its day (``10h05 le 12 mars 2024``) written after it, as the known forms write it
    (``12 mars 2024 à 10h05``); other text as it is."""
    found = CLOCK_THEN_DAY.fullmatch(text)
    return f"{found.group('day')} à {found.group('clock')}" if found else text


def reference_time(now: datetime | None, tz: ZoneInfo = PARIS) -> datetime:
    """``now`` as an aware time in ``tz``: the current time when None, a naive value taken as UTC (a value already in
    ``tz`` is returned as it is: read once, it serves every reading of a page)."""
    if now is None:
        return datetime.now(tz)
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    return now.astimezone(tz)


def _clean(raw: object) -> str:
    """Lower-cased text with whitespace collapsed and labels (``Publié le``, ``Mis à jour :``) removed."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return str(raw)
    if not isinstance(raw, str):
        return ""
    text = " ".join(normalise_unicode(raw).lower().split())
    text = LEADING_LABELS.sub("", text)
    return text.strip(" .,;:|·()[]-–—")
