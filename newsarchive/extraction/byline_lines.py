"""Whether a line of the page opens as a byline (``Par Léa Roy``, ``Léa Roy | Publié le 12/03/2024``, ``Léa Roy avec
AFP``, ``Léa Roy, correspondante``) or is a sentence of the text opening with a byline's words (``Par ailleurs, …``)."""

from __future__ import annotations

import re

from newsarchive.dates import find_date_strings, has_date_label, is_date_line
from newsarchive.extraction.authors import names_from_byline, starts_lowercase
from newsarchive.extraction.furniture_lines import goes_on_as_a_sentence
from newsarchive.extraction.vocabulary.labels import AGENCY_NAMES, BYLINE_LEAD, NEWSROOM_ROLES, SIGNED_LEAD
from newsarchive.text import LINE_SEPARATORS, ends_as_sentence

# Characters of a line a date opening it holds its first digit in: "mercredi 12", "septembre 3", "févr. 13".
_DAY_WITHIN = 12
_MIN_WORDS_AFTER_COMMA = 3  # words after a byline's comma that may make it a sentence ("…, on voit le Mont-Blanc")
# A clause with a subject of its own after a byline's comma: the line is a sentence ("…, le bulletin place…"), where a
# byline goes on with what its author did or is ("…, avec les informations de La Presse canadienne", "…, journaliste").
_SUBJECT = re.compile(r"\s*(?:le|la|les|l['’]|un|une|ce|cet|cette|ces|il|elle|ils|elles|on)\s*[a-zà-öø-ÿ]")
# Capitalised names (two words or more) opening a line.
_OPENING_NAMES = r"^[A-ZÀ-ÖØ-Ý][\w'’.-]*(?:\s+(?:[A-ZÀ-ÖØ-Ý][\w'’.-]*|de|du|des|la|le|et|van|von)){1,5}"
# Names before a bar, a bullet or a dash between spaces: "Léa Roy | Publié le 12/03/2024", "Léa Roy et Paul Martin
# | 12 mars 2024", a theme's line of details "Léa Roy • 12 mars 2024", "Léa Roy — 12 mars 2024" (a hyphen, also in a
# compound name, is no separator here).
_NAMES_THEN_BAR = re.compile(rf"{_OPENING_NAMES}\s*(?:\||\s[•·–—]\s)\s*(?P<rest>.{{4,80}})$")
# Names before a comma or a spaced hyphen and the line's labelled dates only: "Léa Roy, publié le 12 mars 2024", "Léa
# Roy - Mis en ligne le 12/03/2024" (a place's dateline, "La Rochelle, le 12 mars 2024", has no date's label).
_NAMES_THEN_COMMA = re.compile(rf"{_OPENING_NAMES}\s*(?:,|\s-)\s+(?P<rest>.{{4,80}})$")
# Names before a journalist's role: "Léa Roy, envoyée spéciale à Kiev", "Léa Roy, correspondante" (another role, a
# director's or a professor's, is as often the title of the person an interview speaks to); without the comma, the
# role capitalised on the line below the names ("Léa Roy<br>Journaliste").
_NAMES_THEN_ROLE = re.compile(rf"{_OPENING_NAMES}(?:\s*,\s*|\s+(?=[A-ZÀ-ÖØ-Ý]))(?i:{NEWSROOM_ROLES})\b")
# Names, or the newsroom, with an agency, the whole line: "Léa Roy avec AFP", "Léa Roy, avec AFP", "Léa Roy (avec
# l'AFP)", "La rédaction avec AFP".
_NAMES_WITH_AGENCY = re.compile(
    rf"(?:{_OPENING_NAMES}|(?i:la\s+rédaction))\s*,?\s*\(?\s*(?i:avec)\s+(?:l['’])?(?:{AGENCY_NAMES})\s*\)?\s*$"
)


def opens_byline(text: str) -> bool:
    """Whether a line opens as a byline: ``Par X``, ``Rédigé par X``, ``Un article de X``, ``Texte : X``, names
    before a bar and the dates (``Léa Roy | Publié le 12/03/2024``), with an agency (``Léa Roy avec AFP``) or before a
    journalist's role (``Léa Roy, correspondante``), ``Par X`` after a date (``3 septembre 2024 par Léa Roy``); not a
    sentence opening with the same words."""
    if _names_before_dates(text) or _NAMES_WITH_AGENCY.match(text):
        return True
    if _NAMES_THEN_ROLE.match(text) and not ends_as_sentence(text):
        return True
    if BYLINE_LEAD.match(text) or SIGNED_LEAD.match(text):
        return not _reads_as_sentence(text)
    rest = _after_opening_date(text)  # "3 septembre 2024 par Léa Roy": a theme's date, then its byline
    return rest is not None and BYLINE_LEAD.match(rest) is not None and not _reads_as_sentence(rest)


def _after_opening_date(text: str) -> str | None:
    """The rest of a line that opens with a date, maybe after ``le`` (``3 septembre 2024 par Léa Roy``, ``Le
    03/09/2024 — par Léa Roy``, ``mercredi 12 mars 2025 par…``, ``févr. 13, 2025, 17:45 Par…``: Sitefinity's), the
    separators after the date dropped; else None."""
    opening = text[3:] if text[:3].casefold() == "le " else text
    if not any(character.isdigit() for character in opening[:_DAY_WITHIN]):
        return None  # (most lines: no date is looked for)
    dates = find_date_strings(opening)
    if not dates or not opening.startswith(dates[0]):
        return None
    return opening[len(dates[0]):].lstrip(" ," + LINE_SEPARATORS)


def _reads_as_sentence(text: str) -> bool:
    """Whether a line that opens as a byline is a sentence of the text: a long line ending as a sentence whose words
    after ``Par`` name no one (``Par ailleurs, le maire a annoncé…``, ``Par son vote, le conseil…``), or whose name
    runs on into a verb (``Un reportage de Léa Roy montre le maire…``: ``Léa Roy montre``); or a line going on after
    its comma without a date, as a sentence with a subject of its own, or after words that name no one (``Par chance,
    personne n'a été blessé.``, ``Par beau temps, on voit le Mont-Blanc``)."""
    rest, names = text.partition(",")[2], None
    if len(rest.split()) >= _MIN_WORDS_AFTER_COMMA and not find_date_strings(rest):
        if _SUBJECT.match(rest) and goes_on_as_a_sentence(text):
            return True  # "Publié par Météo-France le 12 mars, le bulletin place six départements en vigilance…"
        names = names_from_byline(text)
        if not names:
            return True  # "Par chance, personne n'a été blessé."
    if not ends_as_sentence(text):
        return False
    names = names_from_byline(text) if names is None else names  # (read once)
    return not names or any(starts_lowercase(name.split()[-1]) for name in names)


def _names_before_dates(text: str) -> bool:
    """Whether a line is capitalised names (two words or more) before a bar (or a bullet, a dash) and a date or a
    date's label, or before a comma (or a spaced hyphen) and labelled dates only."""
    found = _NAMES_THEN_BAR.match(text)
    if found is None:
        found = _NAMES_THEN_COMMA.match(text)
        return found is not None and is_date_line(found.group("rest"))
    rest = found.group("rest")
    if has_date_label(rest):
        return True
    dates = find_date_strings(rest)
    return bool(dates) and rest.startswith(dates[0])
