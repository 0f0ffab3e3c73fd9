"""A modified date that a date line writes by its time alone, or by its day without the year, read on the
published date of the same line: ``Publié le 27 juin 2019 à 10h21, modifié à 12h05`` was modified on 27 June 2019
at 12:05, ``Publié le 30 décembre 2019 – Mis à jour le 2 janvier`` (or ``le 02/01 à 09h15``) on 2 January 2020
(the first such day after it).

The line is the page saying which day (a time of day alone is otherwise no date, :mod:`.reading`).  The modified text
is written out whole (``27/06/2019 à 12h05``, ``2 janvier 2020``) and read as any date text; it is kept only when it
is not before the published moment.  A published day read against the fetch time (``Publié aujourd'hui à 17h09``,
a day without its year) lends nothing: written out whole, the modified date would no longer hang on the fetch time,
and would conflict with the page's metadata whenever the page is read on another day.
"""

from __future__ import annotations

import re
from datetime import datetime

from newsarchive.dates.patterns import DAY_MONTH_YEAR, NUMERIC_NO_YEAR, TIME_ONLY
from newsarchive.dates.reading import read_date_at

_AT_TIME = re.compile(rf"(?:(?:à|a|at)\s+)?(?P<clock>{TIME_ONLY.pattern})", re.IGNORECASE)  # ``12h05``, ``à 11h``


def _with_year(modified: str, year: int) -> str | None:
    """A day written without its year (``2 janvier``, ``02/01 à 09h15``) with ``year``; None for another text."""
    match = DAY_MONTH_YEAR.fullmatch(modified)
    if match is not None and not match.group("year"):
        end = match.end("month") + (modified[match.end("month"):].startswith("."))
        return f"{modified[:end]} {year}{modified[end:]}"
    match = NUMERIC_NO_YEAR.fullmatch(modified)
    if match is not None:
        end = match.end("month") + (modified[match.end("month"):].startswith("."))
        return f"{modified[:match.end('month')]}{match.group('sep')}{year}{modified[end:]}"
    return None


def modified_in_line(published: str | None, modified: str | None, reference: datetime) -> str | None:
    """``modified`` (the modified part of a date line) with the day or the year it takes from ``published`` (the
    published part of the same line, when that is a whole date), when it lacks them; else ``modified`` as it is."""
    if not published or not modified:
        return modified
    base = read_date_at(published, reference)
    if base is None or base.relative:  # a day read against the fetch time (``aujourd'hui``) is not written out whole
        return modified
    day = base.value
    clock = _AT_TIME.fullmatch(modified)
    if clock:
        candidates = [f"{day.day:02d}/{day.month:02d}/{day.year} à {clock.group('clock')}"]
    else:
        candidates = [written for written in (_with_year(modified, day.year), _with_year(modified, day.year + 1))
                      if written]
    for written in candidates:
        reading = read_date_at(written, reference)
        if reading is not None and reading.value >= day:
            return written
    return modified
