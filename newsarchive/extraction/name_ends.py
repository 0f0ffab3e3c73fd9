"""Where a name ends in a byline: the date, the time, the label, the role, the place or the "de" written after it.

A byline's text is split into parts (between commas, then at ``et``); each part is cut where what follows its names
begins (``Léa Roy le 6 août 2025 à 14h32``, ``Jean Dupont, Rédacteur en chef``, ``Léa Roy à Lyon``, ``Léa Roy de la
rédaction``), keeping the words that belong to a name (``Jean de la Fontaine``, ``TF1 Info``, ``France 3 Alsace``).
"""

from __future__ import annotations

import re

from newsarchive.dates import find_date_strings
from newsarchive.extraction.vocabulary.labels import NAME_JOINS, ROLES
from newsarchive.text import LINE_SEPARATORS

# What ends the name part of a byline: a date, a time, a label ("Sara, le 6 août 2025 à 14h32"), the title the piece
# was written for ("Léa Roy pour Le Monde", "pour le Parisien", "pour l'Express"), a sentence about them ("Léa Roy qui
# coordonne…"); "du" before a word in lower case or a number ("Léa Roy du service politique", "du 12 mars"), not a
# name's particle ("Joachim du Bellay").
_NAME_END = re.compile(
    r"\s*(?:\s(?:le|on|am|el|il|the|qui)\s|\sdu\s(?![A-ZÀ-ÖØ-Ý])|\s(?:Le|On|Am|El|Il|Du|The)\s+\d|"
    r"(?i:\b(?:publié|mis à jour|mise à jour|modifié|actualisé|màj|updated|published|posted|aktualisiert|"
    r"veröffentlicht|publicado|actualizado|atualizado|pubblicato|aggiornato|il y a|hier|aujourd'hui|aujourd’hui|today|"
    r"yesterday|suivre|follow))\b|\s(?i:pour|for)\s+(?:(?:le|la|les|the)\s+|l['’])?[A-ZÀ-ÖØ-Ý]|"
    r"\s(?i:à|at|um)\s+\d|(?<![^\W_])\d|\s?\||"
    rf"\s[{re.escape(LINE_SEPARATORS)}]\s|"  # "Suivre": a button; a number, but in a name's word ("TF1 Info", "M6")
    r"\.?\s+(?i:photos?|vidéos?|illustrations?|infographies?)\s*:|"
    r"\s+(?:Photos?|Vidéos?|Illustrations?)\s+(?=[A-ZÀ-ÖØ-Ý])|"  # Drupal's inline labels, their colon in its CSS
    r",?\s(?i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b|\s(?i:janv\w*|févr\w*|mars|avril|mai|juin|juil\w*|août|sept\w*|oct\w*|nov\w*|déc\w*|"
    r"jan\w*|feb\w*|mar|march|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|dec\w*)\.?\s+\d).*$"
)
# The words of an organisation's name before its article ("Fondation pour le logement", "Ligue contre le cancer",
# "Friends of the Earth"): the article after them is the name's, not the start of a date ("Léa Roy le 12 mars").
_BEFORE_ARTICLE = frozenset({"pour", "contre", "sur", "sans", "dans", "entre", "for", "of", "against"})
# A conjunction left at the end of the names once what follows them is cut: "Rédigé par Léa Roy et publié depuis
# Overblog le 12 mars 2024" (Over-blog's byline) keeps "Léa Roy et".
_DANGLING_JOIN = re.compile(rf"\s+(?:(?i:{NAME_JOINS})|&)$")
# A role after the name in a visible byline ("Jean Dupont Journaliste", "Léa Roy Rédactrice en chef").
_ROLE_END = re.compile(rf"\s(?i:{ROLES})\b.*$")
# The words of names in lower case: their particles ("Jean de la Fontaine", "Jan van der Berg").
NAME_PARTICLES = frozenset(
    {"de", "du", "des", "la", "le", "d'", "d’", "van", "von", "der", "da", "di", "dos", "y", "e"}
)
# A channel's or a station's name with its number, apart from the names (``Par Léa Roy, France 3 Alsace``, ``Europe
# 1``): the number is its name's, where a number after a name starts a date, a time or a count.
_OUTLET_NUMBER = r"[A-ZÀ-ÖØ-Ý][\w-]+\s\d{1,2}(?:\s+[A-ZÀ-ÖØ-Ý][\w'’-]*)*\s*$"
_NUMBERED_OUTLET = re.compile(rf"^\s*{_OUTLET_NUMBER}")
# ... and after a "de" that ends the names before it (``Par Léa Roy de France 3 Alsace``).
_OF_NUMBERED_OUTLET = re.compile(rf"\s+(?:de|d['’])\s*(?={_OUTLET_NUMBER})")
# A "de" after a person's name, before a word in lower case or ending the line ("Léa Roy de la rédaction", "Léa Roy
# d'après l'AFP"): a name's particle comes before a capital ("Jean de la Fontaine", "Anne-Marie de l'Isle").
_PERSON_THEN_DE = re.compile(
    r"^(?P<name>[A-ZÀ-ÖØ-Ý][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-Ý][\w'’.-]*)+)"
    r"\s+(?:(?:de|des)(?:\s+|$)|d['’]\s*)(?:(?!(?:la|le|les|l['’])\s*[A-ZÀ-ÖØ-Ý])[a-zà-öø-ÿ]|$)"
)
# A full stop after a name's word of three letters or more, more words after it: what follows is no name ("Écrit par
# Léa Roy. Photos Marc Dumas").
_FULL_STOP = re.compile(r"(?<=[^\W\d_]{3})\.\s+\S.*$")
_ABBREVIATION_END = re.compile(r"(?<![^\s-])(?:[A-ZÀ-ÖØ-Ý]|Jr|Sr|Jun|Sen)$")  # "Jr.", "Léa R.": the period stays

# The category a blog's line of details files the post in, after its author ("Publié par Léa Roy dans Politique, Société
# le 12 mars"): all that follows is no name.
_FILED_IN = re.compile(r"(?<=\S)\s+dans\s+[A-ZÀ-ÖØ-Ý].*$")
# The place after a name ("Léa Roy à Lyon", "Paul Martin, en Haute-Savoie"), in a byline or a signature.
PLACE_END = re.compile(r",?\s+(?:à|au|aux|en|depuis|in)\s+[A-ZÀ-ÖØ-Ý][\w'’. -]{1,40}$")


def without_filing(text: str) -> str:
    """A byline without the category it names after its author (:data:`_FILED_IN`)."""
    return _FILED_IN.sub("", text) if " dans " in text else text


# A site's address after names of two words or more ("Haoua Tiendrébéogo Lefaso.net": LeFaso's signature, the address
# on a line of its own); after one word, a part of the site's name ("Le Monde.fr").
_ADDRESS_AFTER = re.compile(r"^(?P<names>\S+(?:\s+\S+)+)\s+[^\W\d_][\w-]*\.[a-z]{2,6}$")
_AFTER_BAR = re.compile(r"(?<=[^\W\d_])\s*\|.*$")  # a bar after a name's letter, and all after it


def before_bar(byline: str) -> str:
    """A byline up to a bar after its names: what follows is the piece's other credits or its dates (``Léa Roy |
    Reportage LCX Paul Martin, Inès Fabre``), no author's name."""
    return _AFTER_BAR.sub("", byline)


def without_address_after(text: str) -> str:
    """Names without the site's address written after them (:data:`_ADDRESS_AFTER`)."""
    address = _ADDRESS_AFTER.match(text)
    return address.group("names") if address else text


def names_of(chunk: str, structured: bool) -> str:
    """A part of a byline between commas without what follows its names: a date, a time, a label (:data:`_NAME_END`),
    and in a visible byline (not ``structured``) a role (``News Reporter``: a name given as such keeps its words,
    ``Guardian staff reporter``); a channel's numbered name is left whole."""
    if _is_numbered_outlet(chunk):
        chunk = chunk.strip()
    else:
        chunk = _DANGLING_JOIN.sub("", _before_name_end(f" {_without_outlet_after_de(chunk)}").strip())
    chunk = without_address_after(chunk)
    if structured:
        return chunk
    chunk = _before_full_stop(chunk).strip()
    named = _ROLE_END.sub("", f" {chunk}").strip()
    return _without_words_before_role(named) if named != chunk else named


def _before_name_end(text: str) -> str:
    """``text`` up to where what follows its names begins (:data:`_NAME_END`), but not at the article of an
    organisation's name after its preposition (:data:`_BEFORE_ARTICLE`)."""
    start = 0
    while (found := _NAME_END.search(text, start)) is not None:
        words = text[:found.start()].split()
        if not words or words[-1] not in _BEFORE_ARTICLE:
            return text[:found.start()]
        if words[-1] in ("pour", "for") and len(words) > 2 and all(word[:1].isupper() for word in words[:-1]):
            return " ".join(words[:-1])  # a person's name, then what they wrote for ("Léa Roy pour le magazine Géo")
        start = found.start() + 1
    return text


def _without_words_before_role(named: str) -> str:
    """The names before a role that a sentence says of them (``Marc Durand est journaliste``, an author's box; ``John
    Smith is a reporter``), the role cut: the words in lower case left after the names, but a name's particles, are
    the sentence's (``Marc Durand est``, ``John Smith is a``)."""
    words = named.split()
    while len(words) > 1 and words[-1][:1].islower() and words[-1].casefold() not in NAME_PARTICLES:
        words.pop()
    return " ".join(words)


def _before_full_stop(chunk: str) -> str:
    """A visible byline's part up to the full stop that ends its names (:data:`_FULL_STOP`), two words or more before
    it: an initial (``L. Roy``) or an abbreviation before a name (``Ph. Martin``, ``Prof. Léa Roy``) is none."""
    found = _FULL_STOP.search(chunk)
    return chunk[:found.start()] if found and len(chunk[:found.start()].split()) >= 2 else chunk


def name_of(part: str) -> str:
    """One name of a byline's part (split at ``et``) without the "de" that is no particle of theirs and the
    punctuation around it."""
    return _without_outer_marks(_name_before_de(part.strip()))


def _is_numbered_outlet(chunk: str) -> bool:
    """Whether a part of a byline is a channel's name with its number (:data:`_NUMBERED_OUTLET`), not a date
    (``Apr 16``, ``November 9``)."""
    return bool(_NUMBERED_OUTLET.match(chunk)) and not find_date_strings(chunk)


def _without_outlet_after_de(chunk: str) -> str:
    """A part of a byline without the channel it names with its number after a "de" (:data:`_OF_NUMBERED_OUTLET`)."""
    found = _OF_NUMBERED_OUTLET.search(chunk) if " d" in chunk else None
    return chunk[:found.start()] if found and _is_numbered_outlet(chunk[found.end():]) else chunk


def _name_before_de(chunk: str) -> str:
    """A person's name without what follows it after a "de" that is no particle of theirs (:data:`_PERSON_THEN_DE`):
    an organisation named with a "de" (``Secrétariat de mairie``) keeps it."""
    found = _PERSON_THEN_DE.match(chunk) if " d" in chunk else None  # (" de", " des", " d'")
    return found.group("name") if found else chunk


def _without_outer_marks(text: str) -> str:
    """A name without the punctuation around it, but for the period of an abbreviation that ends it (``Perry Bacon
    Jr.``, ``Léa R.``)."""
    stripped = text.strip(f" .,;:{LINE_SEPARATORS}'\"«»")
    if text.rstrip().endswith(".") and _ABBREVIATION_END.search(stripped):
        return stripped + "."
    return stripped
