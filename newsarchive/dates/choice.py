"""Choosing a page's published (or modified) date among its evidence, and recording when the evidence disagrees.

The rule, in order:

0. **The site's selector.**  A date read with the site's own selector (evidence of kind ``site``) is the date
   whenever it reads as one: the other evidence cannot outrank, outvote or refine it, and only says whether it
   conflicts (rule 2's warning).  A site's selector that finds no date leaves the choice to the rules below.
1. **Rank.**  Every raw date that reads as a moment is ranked by kind (:data:`~newsarchive.dates.evidence.RANKS`),
   then by closeness to the headline; readings that hang on the fetch time (``il y a 3 heures``, a day without a
   year) come after every absolute one.  The best one wins.  A time of day alone is never a date.
2. **Conflict.**  Evidence whose day is more than one day away from the winner's is a conflict: the record gets
   the warning ``date_conflict:<field>`` naming both kinds and both raw values.  A reading that hangs on the fetch
   time (``il y a 3 heures``, a day without a year) raises no conflict with an absolute winner: its day says when
   the page was fetched as much as what the publisher wrote.  The winner stands, unless the date
   the publisher shows near the headline and evidence of another group (metadata, or the URL and title) agree on
   a day that only the winner's own group contradicts: then that day's best evidence wins (two witnesses
   outvote one).  Inside one ``<time>`` element, the visible text outranks its ``datetime`` attribute.
3. **Precision.** Evidence of the same day that says more (a time where the winner has a day only, an explicit offset
   where it has a local time; the same day in the site's zone or as the evidence writes it) gives the value; a moment
   written in UTC gives way to the same moment written with the page's own offset. A day alone (from the URL, say) takes
   the time of day the publisher writes beside a day read against the fetch time, which says when on its day the page
   was published whatever the day it was fetched: ``Publié aujourd'hui à 17h09``, ``hier à 8h30`` (a day no earlier than
   the winner's, as a page fetched on the day it shows or later gives), ``6 août à 14h32`` (a day without its year, on
   the winner's day and month).
4. **Offset.**  A moment whose day and time, written in the site's zone, are not those the publisher shows next to
   the headline, while the shown wall-clock time is that same moment in another offset, is written in that offset
   (the publisher's own): ``2020-02-25T02:25:54Z`` shown as ``February 24, 2020 | 9:25pm`` is
   ``2020-02-24T21:25:54-05:00``, ``2024-06-18T13:27:00Z`` shown as ``18/06/2024 à 14h27`` on a site taken for a
   Paris one is ``2024-06-18T14:27:00+01:00``.  On the same day, whole hours only: a shown time a part of an hour
   away is another moment's (an update's).  A modified moment of the same day, written in the site's zone, is written
   in the offset the published one took so (:func:`in_published_offset`).

When no evidence reads as a date, the first raw value is kept with no value, so the record shows what the page said.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import NamedTuple

from newsarchive.dates.evidence import METADATA_KINDS, VISIBLE_KINDS, Evidence
from newsarchive.dates.forms import HANGS_ON_DAY, HANGS_ON_YEAR, localise
from newsarchive.dates.reading import Reading, read_date_at, reference_time

MAX_EVIDENCE = 24
_DAY, _TIME, _OFFSET = 0, 1, 2
_MAX_OFFSET = timedelta(hours=14)
_QUARTER_HOUR = timedelta(minutes=15)
_HOUR = timedelta(hours=1)


class ChosenDate(NamedTuple):
    """The evidence kept for a date, its ISO 8601 value (None when unreadable) and any conflicting evidence."""

    evidence: Evidence
    value: str | None
    conflict: Evidence | None = None

    def warning(self, field: str) -> str | None:
        """``date_conflict:<field>: <kind> "<raw>" ≠ <kind> "<raw>" (kept <kind>)``, when the evidence disagrees."""
        if self.conflict is None:
            return None
        kept, other = self.evidence, self.conflict
        return (f'date_conflict:{field}: {kept.kind} "{kept.raw}" ≠ {other.kind} "{other.raw}" '
                f"(kept {kept.kind})")


class _Read(NamedTuple):
    evidence: Evidence
    reading: Reading
    order: int
    day: date  # the reading's day, compared often

    @property
    def key(self):
        return (self.reading.relative, self.evidence.rank, self.evidence.distance, self.order)

    @property
    def group(self) -> str:
        kind = self.evidence.kind
        return "metadata" if kind in METADATA_KINDS else "visible" if kind in VISIBLE_KINDS else "other"

    @property
    def precision(self) -> int:
        if not self.reading.has_time:
            return _DAY
        return _OFFSET if self.reading.offset is not None or self.reading.in_utc else _TIME


def choose_date(
    evidence: Iterable[Evidence],
    *,
    now: datetime | None = None,
    last_resort: Callable[[], Evidence | None] | None = None,
    readings: dict | None = None,
) -> ChosenDate | None:
    """The date among ``evidence`` by the rule of this module, or None when there is no raw date at all.

    ``now`` is the fetch time that relative dates hang on (default: the current time; a naive value is taken as UTC);
    ``last_resort`` and ``readings`` are those of :func:`choose_date_at`.
    """
    return choose_date_at(evidence, reference_time(now), last_resort=last_resort, readings=readings)


def choose_date_at(
    evidence: Iterable[Evidence],
    reference: datetime,
    *,
    last_resort: Callable[[], Evidence | None] | None = None,
    readings: dict | None = None,
) -> ChosenDate | None:
    """:func:`choose_date` against ``reference``, a time already resolved by
    :func:`~newsarchive.dates.reading.reference_time`: a page's two dates are read against one.

    ``last_resort`` is called only when no evidence reads as a date and the metadata gives no date at all (an
    impossible metadata date stays without value, its raw text kept); the evidence it gives is taken if it reads.
    ``readings`` keeps each raw text's reading for the next call with the same ``reference`` (a page gives the same
    date in several places, and for both its dates).
    """
    read, first_raw, raw_kinds = [], None, set()
    for order, item in enumerate(evidence):
        if order >= MAX_EVIDENCE:
            break
        raw = raw_text(item.raw)
        if not raw:
            continue
        if raw is not item.raw:
            item = item._replace(raw=raw)
        first_raw = first_raw or item
        raw_kinds.add(item.kind)
        reading = _reading(raw, reference, readings)
        if reading is not None:
            read.append(_Read(item, reading, order, reading.value.date()))
    if not read:
        unread_metadata = not raw_kinds.isdisjoint(METADATA_KINDS)
        found = None if unread_metadata else _last_resort(last_resort, reference)
        return found or (ChosenDate(first_raw, None) if first_raw else None)
    read.sort(key=lambda found: found.key)
    site = next((found for found in read if found.evidence.kind == "site"), None)
    if site is not None:
        conflict = next((found for found in read if _conflicts(found, site)), None)
        return ChosenDate(site.evidence, _written(site, read), conflict.evidence if conflict else None)
    best, conflict = _settled(read)
    best = _with_written_clock(_most_precise(best, read), read)
    return ChosenDate(best.evidence, _written(best, read), conflict.evidence if conflict else None)


def _reading(raw: str, reference: datetime, readings: dict | None) -> Reading | None:
    if readings is None:
        return read_date_at(raw, reference)
    if raw not in readings:
        readings[raw] = read_date_at(raw, reference)
    return readings[raw]


def _last_resort(last_resort, reference: datetime) -> ChosenDate | None:
    found = last_resort() if last_resort else None
    reading = read_date_at(found.raw, reference) if found else None
    return ChosenDate(found, reading.iso()) if reading else None


def raw_text(raw) -> str | None:
    """A raw date as text: strings stripped, numbers (unix timestamps) written out, a list's first item."""
    if isinstance(raw, list):
        raw = raw[0] if raw else None
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return str(raw)
    return raw.strip() if isinstance(raw, str) and raw.strip() else None


def _settled(read: list[_Read]) -> tuple[_Read, _Read | None]:
    """The winner after the conflict rule, and the best evidence that disagrees with the first-ranked one."""
    best = read[0]
    disagreeing = [found for found in read if _apart(found, best)]
    if not disagreeing:
        return best, None
    for found in disagreeing:
        if not found.reading.relative and _outvotes(found, best, read):
            return found, best
    return best, next((found for found in disagreeing if _conflicts(found, best)), None)


def _apart(one: _Read, other: _Read) -> bool:
    return abs((one.day - other.day).days) > 1


def _conflicts(found: _Read, kept: _Read) -> bool:
    """Whether ``found`` is a conflict to report against the date kept (rule 2)."""
    return _apart(found, kept) and (kept.reading.relative or not found.reading.relative)


def _outvotes(candidate: _Read, best: _Read, read: list[_Read]) -> bool:
    """Whether the candidate's day has the publisher's visible date and another group behind it, while only the
    best one's own group says the best one's day."""
    backing = {found.group for found in read
               if not _apart(found, candidate) and _apart(found, best) and not found.reading.relative}
    against = {found.group for found in read if not _apart(found, best) and not found.reading.relative}
    return "visible" in backing and len(backing) >= 2 and against == {best.group}


def _most_precise(best: _Read, read: list[_Read]) -> _Read:
    """The best reading, or one of the same day that says more (see rule 3); the same moment said more precisely
    only confirms the best one."""
    precision = best.precision
    for found in read:
        if precision == _OFFSET and not best.reading.in_utc:
            break
        if found is best or not _same_day(found, best):
            continue
        same_moment = found.reading.value == best.reading.value
        if found.precision > precision:
            best, precision = (best if same_moment else found), found.precision
        elif precision == found.precision == _OFFSET and same_moment and best.reading.in_utc:
            best = best if found.reading.in_utc else found
    return best


def _same_day(one: _Read, other: _Read) -> bool:
    """Whether two readings are of one day: in the site's zone, or as each writes it (``2025-08-11T18:30:00-04:00``,
    the 12th in Paris time, and ``11 août 2025 à 18h30``)."""
    return one.day == other.day or one.reading.written_day == other.reading.written_day


def _with_written_clock(best: _Read, read: list[_Read]) -> _Read:
    """The best reading, a day alone, at the time of day the publisher writes beside a day read against the fetch
    time (see rule 3); the best reading as it is when there is none."""
    if best.precision != _DAY or best.reading.relative:
        return best
    for found in read:
        reading = found.reading
        if found.group != "visible" or found.precision != _TIME or found.day <= best.day:
            continue  # (a time written with its zone is left: its wall clock is not the site's)
        same_date_of_year = (found.day.month, found.day.day) == (best.day.month, best.day.day)
        if reading.hangs_on == HANGS_ON_DAY or (reading.hangs_on == HANGS_ON_YEAR and same_date_of_year):
            moment = localise(datetime.combine(best.day, reading.value.time()), reading.value.tzinfo)
            return found._replace(reading=reading._replace(value=moment, hangs_on=""), day=best.day)
    return best


def _wall_clock(value: str) -> datetime:
    """The day and time of day, to the minute, of an ISO text, without its offset."""
    return datetime.fromisoformat(value).replace(tzinfo=None, second=0, microsecond=0)


def _written(best: _Read, read: list[_Read]) -> str:
    """The ISO text of the best reading, in the publisher's offset when the visible date reveals it (rule 4)."""
    value = best.reading.iso()
    if best.precision != _OFFSET:
        return value
    for shown in read:
        if shown.group != "visible" or shown.precision != _TIME or shown.reading.relative:
            continue
        wall_clock = shown.reading.value.replace(tzinfo=None)
        if wall_clock.replace(second=0, microsecond=0) == _wall_clock(value) or _apart(shown, best):
            continue
        moment = best.reading.value.astimezone(timezone.utc).replace(tzinfo=None, second=0, microsecond=0)
        offset = wall_clock.replace(second=0, microsecond=0) - moment
        # on the day written, whole hours only: a shown time a part-hour offset away is another moment's (an update's)
        step = _HOUR if wall_clock.date().isoformat() == value[:10] else _QUARTER_HOUR
        if -timedelta(hours=12) <= offset <= _MAX_OFFSET and offset % step == timedelta():
            return best.reading.value.astimezone(timezone(offset)).isoformat(timespec="seconds")
    return value


def in_published_offset(modified: ChosenDate | None, published: ChosenDate | None, tz: tzinfo) -> ChosenDate | None:
    """The ``modified`` date written in the offset that rule 4 gave the ``published`` one (the publisher's, not the
    zone ``tz`` the site was taken to be in: Le360's ``14h27`` beside ``13:27Z``), when the modified moment is written
    in ``tz`` and less than a day after it; else ``modified`` as it is (a record does not mix the two offsets)."""
    if modified is None or not modified.value or published is None or not published.value \
            or len(modified.value) <= 10 or len(published.value) <= 10:
        return modified
    first, then = datetime.fromisoformat(published.value), datetime.fromisoformat(modified.value)
    if first.utcoffset() == tz.utcoffset(first.replace(tzinfo=None)) or then.utcoffset() != tz.utcoffset(
            then.replace(tzinfo=None)) or not timedelta() <= then - first < timedelta(days=1):
        return modified
    return modified._replace(value=then.astimezone(first.tzinfo).isoformat(timespec="seconds"))
