"""A modified date that a date line writes by its time alone, or by its day without the year, read on the
published date of the same line: ``Publié le 27 juin 2019 à 10h21, modifié à 12h05`` was modified on 27 June 2019
at 12:05, ``Publié le 30 décembre 2019 – Mis à jour le 2 janvier`` (or ``le 02/01 à 09h15``) on 2 January 2020
(the first such day after it).

The line is the page saying which day (a time of day alone is otherwise no date, :mod:`.reading`).  The modified text
is written out whole (``27/06/2019 à 12h05``, ``2 janvier 2020``) and read as any date text; it is kept only when it
is not before the published moment.  A published day read against the fetch time (``Publié aujourd'hui à 17h09``,
a day without its year) is not written out whole: the modified date would no longer hang on the fetch time, and would
conflict with the page's metadata whenever the page is read on another day. Its day's word lends itself to a time
alone (``mis à jour à 17h31`` is ``aujourd'hui à 17h31``), read against the fetch time as the published date is.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from newsarchive.dates.choice import ChosenDate
from newsarchive.dates.forms import HANGS_ON_DAY, localise
from newsarchive.dates.patterns import DAY_WORD, TIME_ONLY
from newsarchive.dates.reading import read_date_at
from newsarchive.dates.scan import with_year

_AT_TIME = re.compile(rf"(?:(?:à|a|at)\s+)?(?P<clock>{TIME_ONLY.pattern})", re.IGNORECASE)  # ``12h05``, ``à 11h``


def _day_word_then(named: re.Match) -> str:
    """A day's word and what comes between it and its time (``aujourd'hui à ``, ``today at ``)."""
    if not named.group("hour"):
        return f"{named.group('word')} à "
    return named.string[named.start("word"):named.start("hour")]


def modified_in_line(published: str | None, modified: str | None, reference: datetime) -> str | None:
    """``modified`` (the modified part of a date line) with the day or the year it takes from ``published`` (the
    published part of the same line, when that is a whole date, or its day's word: ``aujourd'hui à 17h31``), when it
    lacks them; else ``modified`` as it is."""
    if not published or not modified:
        return modified
    base = read_date_at(published, reference)
    if base is None:
        return modified
    day, clock = base.value, _AT_TIME.fullmatch(modified)
    if base.relative:  # a day read against the fetch time (``aujourd'hui``) is not written out whole
        named = DAY_WORD.search(published)
        candidates = [f"{_day_word_then(named)}{clock.group('clock')}"] if clock and named else []
    elif clock:
        candidates = [f"{day.day:02d}/{day.month:02d}/{day.year} à {clock.group('clock')}"]
    else:
        candidates = [written for written in (with_year(modified, day.year), with_year(modified, day.year + 1))
                      if written]
    for written in candidates:
        reading = read_date_at(written, reference)
        if reading is not None and reading.value >= day:
            return written
    return modified


def on_published_day(modified: ChosenDate | None, published: ChosenDate | None, readings: dict) -> ChosenDate | None:
    """The ``modified`` date moved by the days the ``published`` date moved, when both are read by a day's word
    (``aujourd'hui à 17h09``, ``aujourd'hui à 17h31``) and the published one was placed on another day than its word
    gives (the address's ``/2022/11/03/``: a page read again after the day it shows); else ``modified`` as it is.
    ``readings`` are the page's readings of its raw date texts (:func:`~newsarchive.dates.choose_date_at`)."""
    if modified is None or not modified.value or published is None or not published.value:
        return modified
    shown, written = readings.get(modified.evidence.raw), readings.get(published.evidence.raw)
    if shown is None or written is None or shown.hangs_on != HANGS_ON_DAY or written.hangs_on != HANGS_ON_DAY:
        return modified
    moved = date.fromisoformat(published.value[:10]) - written.value.date()
    if not moved:
        return modified
    value = shown.value
    moment = localise(datetime.combine(value.date() + moved, value.time()), value.tzinfo)
    return modified._replace(value=shown._replace(value=moment, hangs_on="").iso())
