"""The time zone a site writes its local times in: Paris, unless its address or its language says another country.

A time written without an offset (``Publié le 12 mars 2024 à 23 h 05``) is the site's local time, and a UTC time
(WordPress's JSON-LD) is given in it so that the day and hour are those its readers saw. French-speaking sites
outside France are told apart by their address's country code (``lapresse.ca``, ``lematin.ma``,
``clicanoo.re``), else by the region of their language (``<html lang="fr-CA">``, ``og:locale`` ``fr_CA``); every
other site is read in Paris time. Each country is given its capital's (or its most populous region's) zone: a site of
western Canada writes Toronto's time here.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")

#: country code -> zone, for France and the countries where French news is published
COUNTRY_ZONES = {
    "fr": "Europe/Paris", "mc": "Europe/Monaco", "be": "Europe/Brussels", "ch": "Europe/Zurich",
    "lu": "Europe/Luxembourg", "ad": "Europe/Andorra",
    "ca": "America/Toronto", "ht": "America/Port-au-Prince", "pm": "America/Miquelon",
    "gp": "America/Guadeloupe", "mq": "America/Martinique", "gf": "America/Cayenne", "bl": "America/St_Barthelemy",
    "mf": "America/Marigot",
    "re": "Indian/Reunion", "yt": "Indian/Mayotte", "mu": "Indian/Mauritius", "mg": "Indian/Antananarivo",
    "sc": "Indian/Mahe", "km": "Indian/Comoro",
    "nc": "Pacific/Noumea", "pf": "Pacific/Tahiti", "wf": "Pacific/Wallis", "vu": "Pacific/Efate",
    "ma": "Africa/Casablanca", "dz": "Africa/Algiers", "tn": "Africa/Tunis", "sn": "Africa/Dakar",
    "ci": "Africa/Abidjan", "ml": "Africa/Bamako", "bf": "Africa/Ouagadougou", "ne": "Africa/Niamey",
    "gn": "Africa/Conakry", "tg": "Africa/Lome", "bj": "Africa/Porto-Novo", "cm": "Africa/Douala",
    "ga": "Africa/Libreville", "cg": "Africa/Brazzaville", "cd": "Africa/Kinshasa", "cf": "Africa/Bangui",
    "td": "Africa/Ndjamena", "dj": "Africa/Djibouti", "rw": "Africa/Kigali", "bi": "Africa/Bujumbura",
    "mr": "Africa/Nouakchott", "lb": "Asia/Beirut",
}  # fmt: skip


#: France's overseas regions by the names their news sites and editions are known by, in a host (``franceguyane.fr``,
#: ``tahiti-infos.com``) or as the first part of a path (La 1ère's ``la1ere.francetvinfo.fr/martinique/…``, RCI's
#: ``rci.fm/guadeloupe/…``): a ``.fr`` or ``.com`` address says Paris otherwise. (``reunion``, a common word in other
#: languages, only as a path's part or in ``lareunion``.)
OVERSEAS_NAMES = {
    "martinique": "mq", "guadeloupe": "gp", "antilles": "mq", "guyane": "gf", "lareunion": "re", "mayotte": "yt",
    "polynesie": "pf", "tahiti": "pf", "caledonie": "nc", "wallisfutuna": "wf", "saintpierremiquelon": "pm",
}
_OVERSEAS_PATHS = {**OVERSEAS_NAMES, "reunion": "re", "la-reunion": "re", "nouvellecaledonie": "nc",
                   "nouvelle-caledonie": "nc", "wallis-et-futuna": "wf", "saint-pierre-et-miquelon": "pm"}
# The overseas departments' numbers in a host ("zinfos974.com", "radio-971.fr"), the number alone in its word.
_OVERSEAS_NUMBER = re.compile(r"(?<![0-9])97([1-6])(?![0-9])")
_OVERSEAS_NUMBERS = {"1": "gp", "2": "mq", "3": "gf", "4": "re", "5": "pm", "6": "yt"}


def site_zone(url: str, languages=()) -> ZoneInfo:
    """The zone of the site at ``url``: its address's country (``.ca``), else the overseas region of France its address
    names (``franceguyane.fr``, ``…/martinique/…``), else the region of the first of ``languages`` that names one
    (``fr-CA``, ``fr_BE``), else Paris."""
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".")
    country = host.rpartition(".")[2]
    if country in COUNTRY_ZONES and country != "fr":
        return _zone(country)
    overseas = _overseas_region(host, parts.path)
    if overseas or country == "fr":
        return _zone(overseas or country)
    for language in languages:
        region = (language or "").replace("_", "-").partition("-")[2][:2].lower()
        if region in COUNTRY_ZONES:
            return _zone(region)
    return PARIS


@cache
def _zone(country: str) -> ZoneInfo:
    return ZoneInfo(COUNTRY_ZONES[country])


def _overseas_region(host: str, path: str) -> str | None:
    """The country code of the overseas region of France a site's host or its path's first part names, or None."""
    first = path.strip("/").partition("/")[0].lower()
    if first in _OVERSEAS_PATHS:
        return _OVERSEAS_PATHS[first]
    number = _OVERSEAS_NUMBER.search(host)
    if number:
        return _OVERSEAS_NUMBERS[number.group(1)]
    return next((code for name, code in OVERSEAS_NAMES.items() if name in host), None)
