"""French date lines as the site's theme shows them, and HTTP/RSS/ISO date strings."""

from __future__ import annotations

from datetime import datetime, timezone
from email.utils import format_datetime

from newsarchive.dates import PARIS


WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
MONTHS_ABBREVIATED = (
    "janv.", "févr.", "mars", "avr.", "mai", "juin",
    "juil.", "août", "sept.", "oct.", "nov.", "déc.",
)

#: Visible date styles an article may use (``Article.date_style``); None shows no date.
DATE_STYLES = ("long", "short", "numeric", "abbreviated")


def local(moment: datetime) -> datetime:
    return moment.astimezone(PARIS)


def _day(moment: datetime) -> str:
    return "1er" if moment.day == 1 else str(moment.day)


def long_date(moment: datetime) -> str:
    """``mercredi 6 août 2025 à 14h32`` (Paris time)."""
    moment = local(moment)
    weekday = WEEKDAYS[moment.weekday()]
    return f"{weekday} {_day(moment)} {MONTHS[moment.month - 1]} {moment.year} à {moment:%Hh%M}"


def short_date(moment: datetime) -> str:
    """``6 août 2025`` (Paris time)."""
    moment = local(moment)
    return f"{_day(moment)} {MONTHS[moment.month - 1]} {moment.year}"


def abbreviated_date(moment: datetime) -> str:
    """``6 sept. 2025`` (Paris time)."""
    moment = local(moment)
    return f"{_day(moment)} {MONTHS_ABBREVIATED[moment.month - 1]} {moment.year}"


def numeric_date(moment: datetime) -> str:
    """``06/08/2025 à 14:32`` (Paris time)."""
    return f"{local(moment):%d/%m/%Y à %H:%M}"


def iso_utc(moment: datetime) -> str:
    """``2025-08-06T12:32:00+00:00``, as Yoast writes dates."""
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def iso_local(moment: datetime) -> str:
    """``2025-08-06T14:32:00+02:00``, as the theme writes ``<time datetime>``."""
    return local(moment).isoformat(timespec="seconds")


def rfc822(moment: datetime) -> str:
    """``Wed, 06 Aug 2025 12:32:00 +0000`` for RSS ``pubDate``."""
    return format_datetime(moment.astimezone(timezone.utc))


def http_date(moment: datetime) -> str:
    """``Wed, 06 Aug 2025 12:32:00 GMT`` for ``Last-Modified``."""
    return format_datetime(moment.astimezone(timezone.utc), usegmt=True)
