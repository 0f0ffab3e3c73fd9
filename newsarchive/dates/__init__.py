"""French dates: reading one date text, and choosing a page's published and modified dates from its evidence.

- :mod:`.reading` reads one date text (ISO 8601, French and English forms, relative forms) as an aware moment and
  writes it as ISO 8601 (:func:`normalise_date`); :mod:`.patterns`, :mod:`.forms`, :mod:`.lenient` hold the
  vocabulary, the exact readers and the dateparser cross-check behind it.
- :mod:`.scan` finds date expressions inside longer text and splits ``Publié le … Mis à jour le …``;
  :mod:`.same_line` reads a modified part that gives a time or a day alone on the published part's day, and moves
  a modified date read by a day's word with the published one.
- :mod:`.zones` tells the zone a site writes its local times in (Paris unless its address or language says
  another country).
- :mod:`.evidence` names the kinds of evidence a page gives and ranks them; :mod:`.choice` chooses a page's date
  among them and records conflicts.  Where each kind lies on a page is read by
  :mod:`newsarchive.extraction.date_evidence`.
"""

from newsarchive.dates.choice import ChosenDate, choose_date, choose_date_at, in_published_offset
from newsarchive.dates.evidence import RANKS, Evidence, title_date, url_date
from newsarchive.dates.reading import Reading, normalise_date, parse_date, read_date
from newsarchive.dates.same_line import modified_in_line, on_published_day
from newsarchive.dates.scan import (
    dates_an_event,
    find_date_strings,
    has_date_label,
    is_a_time_ago,
    is_bare_date,
    is_date_line,
    is_date_word,
    may_hold_date,
    names_a_period,
    says_only_dates,
    split_published_modified,
    without_dates,
    writes_a_day,
    writes_a_published_day,
)
from newsarchive.dates.zones import PARIS, site_zone

__all__ = [
    "PARIS",
    "RANKS",
    "ChosenDate",
    "Evidence",
    "Reading",
    "choose_date",
    "choose_date_at",
    "in_published_offset",
    "dates_an_event",
    "find_date_strings",
    "has_date_label",
    "is_a_time_ago",
    "is_bare_date",
    "is_date_line",
    "is_date_word",
    "may_hold_date",
    "names_a_period",
    "modified_in_line",
    "on_published_day",
    "normalise_date",
    "parse_date",
    "read_date",
    "says_only_dates",
    "site_zone",
    "split_published_modified",
    "title_date",
    "url_date",
    "without_dates",
    "writes_a_day",
    "writes_a_published_day",
]
