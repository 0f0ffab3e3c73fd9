"""Cleaning of metadata values: author names, tags, language codes, breadcrumb items, copyright lines."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsarchive.extraction.html import clean_text

_URL = re.compile(r"^(?:https?:)?//|^www\.", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NAME_PREFIX = re.compile(
    r"^(?:(?:publié|publiée|rédigé|rédigée|écrit|écrite|mis en ligne|propos recueillis|texte|"
    r"un article|posted|written|published|reported|edited|photos?)\s+(?:par|by)|"
    r"par|by|von|por|door|di|av|auteur|auteurs|author|authors|autor|autorin|"
    r"signé|signed|de la rédaction)\b\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
# A date, a time or a label that ends the name part of a byline ("Sara, le 6 août 2025 à 14h32").
_NAME_END = re.compile(
    r"\s*(?:\s(?:le|on|am|el|il|du|the)\s|(?i:publié|mis à jour|modifié|updated|published|posted|"
    r"aktualisiert|il y a|hier|aujourd'hui|aujourd’hui|today|yesterday)\b|\d|\s?\||\s[-–—·•]\s).*$"
)
_LIST_SPLIT = re.compile(r"\s*[,;/]\s*")
_CONJUNCTION = re.compile(r"\s*(?:&|\+|\s(?:et|and|und|y|e|og|och|avec|with|mit)\s)\s*")
_BYLINE_WORD = re.compile(r"(?:^|\s)(?:par|by|von|por|door)\s+(?=\S)", re.IGNORECASE)
_ROLE_WORDS = re.compile(
    r"^(?:journaliste|rédact\w*|rédaction|correspondante?|envoyée?s? spécial\w*|reporter|photographe|"
    r"chroniqueur|chroniqueuse|éditorialiste|editor|staff|staff writer|correspondent|contributor|"
    r"columnist|senior\b.*|chief\b.*|redakt\w*|agence|agency)$",
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")
_SHORT_WORD = re.compile(r"^[^\W\d_]{2,8}$")
_MAX_NAME_WORDS = 6
_MAX_NAME_CHARS = 60
_SEPARATOR = re.compile(r"^[\s›»>/|\\·•:→–—-]*$")
_SEPARATOR_SPLIT = re.compile(r"\s+[›»>/|\\·•→]\s+")
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|copyright|droits d[’']auteur|tous droits réservés|all rights reserved|"
    r"alle rechte vorbehalten|todos los derechos reservados",
    re.IGNORECASE,
)
_LANGUAGE = re.compile(r"^([a-zA-Z]{2,3})(?:$|[-_])")
_MIN_TAG_CHARS, _MAX_TAG_CHARS = 2, 80


def clean_authors(raw_values: Iterable[str], *, structured: bool = False) -> list[str]:
    """Person or organisation names from raw author strings (``"Par Jean Dupont et Léa Roy"``, ...).

    Prefixes (``Par``, ``by``, ``Publié par``), e-mail addresses, URLs, parenthesised notes, dates and
    roles are dropped; lists joined by commas, ``et`` or ``and`` are split; duplicates are removed
    case-insensitively. Words starting in lower case are not names, except, for ``structured`` values
    (a JSON-LD or ``<meta>`` author), one short word such as the agency ``dpa``.
    """
    names: list[str] = []
    for raw in raw_values:
        if not isinstance(raw, str) or _URL.match(raw.strip()):
            continue
        if structured and _SHORT_WORD.match(raw.strip()):
            names.append(raw.strip())
        else:
            names.extend(_names_in(raw))
    return dedupe(names)


def _names_in(raw: str) -> list[str]:
    text = clean_text(_PARENTHESES.sub(" ", _EMAIL.sub(" ", raw)))
    names = []
    for chunk in _LIST_SPLIT.split(_strip_prefixes(text)):
        chunk = _NAME_END.sub("", " " + _strip_prefixes(chunk)).strip()
        if chunk and _starts_lowercase(chunk):
            break  # a role or a place ("envoyé spécial à Gap", "in News"): no name follows
        for part in _CONJUNCTION.split(chunk):
            part = _strip_prefixes(part.strip(" .,;:·•-–—'\"«»"))
            if _looks_like_name(part):
                names.append(part)
    return names


def _strip_prefixes(text: str) -> str:
    while True:
        stripped = _NAME_PREFIX.sub("", text, count=1)
        if stripped == text:
            return text
        text = stripped


def names_from_byline(text: str | None) -> list[str]:
    """Author names of a visible byline, which may hold other words before ``par``/``by``
    (``Texte et photos par Léa Roy``, ``Magazin von Anna Weber``)."""
    if not text:
        return []
    match = _BYLINE_WORD.search(text)
    return clean_authors([text[match.end():] if match else text])


def _starts_lowercase(text: str) -> bool:
    letter = _LETTER.search(text)
    return bool(letter) and letter.group().islower()


def _looks_like_name(text: str) -> bool:
    if not text or len(text) > _MAX_NAME_CHARS or not _LETTER.search(text):
        return False
    if len(text.split()) > _MAX_NAME_WORDS or _ROLE_WORDS.match(text) or _URL.match(text):
        return False
    return not _starts_lowercase(text)


def dedupe(values: Iterable[str]) -> list[str]:
    """Values in order, without blanks or case-insensitive duplicates."""
    seen, kept = set(), []
    for value in values:
        value = clean_text(value)
        key = value.casefold()
        if value and key not in seen:
            seen.add(key)
            kept.append(value)
    return kept


def split_keywords(value) -> list[str]:
    """Tags from a keywords value: a string split on commas (or semicolons), or a list of such strings."""
    if isinstance(value, str):
        separator = "," if "," in value else ";"
        items = value.split(separator)
    elif isinstance(value, (list, tuple)):
        items = [part for item in value for part in split_keywords(item)]
    else:
        return []
    return [item for item in (clean_text(i) for i in items) if _is_tag(item)]


def clean_tags(values: Iterable[str]) -> list[str]:
    """Tags without hashtag signs, blanks, URLs, code-like values (``home_featured``), over-long values
    and case-insensitive duplicates."""
    return dedupe(tag for tag in (clean_text(value).lstrip("#").strip() for value in values) if _is_tag(tag))


def _is_tag(text: str) -> bool:
    return (
        _MIN_TAG_CHARS <= len(text) <= _MAX_TAG_CHARS and "_" not in text and not _URL.match(text)
        and bool(_LETTER.search(text))
    )


def language_code(value) -> str | None:
    """The primary language subtag, lower-cased: ``fr-FR`` / ``fr_FR`` / ``FR`` -> ``fr``."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    if not isinstance(value, str):
        return None
    match = _LANGUAGE.match(value.strip())
    return match.group(1).lower() if match else None


def breadcrumb_items(texts: Iterable[str]) -> list[str]:
    """Breadcrumb labels from the text pieces of a breadcrumb element, separators (``›``, ``>``, ``/``) dropped."""
    items = []
    for text in texts:
        for part in _SEPARATOR_SPLIT.split(clean_text(text)):
            part = part.strip(" ›»>/|\\·•→")
            if part and not _SEPARATOR.match(part):
                items.append(part)
    return items


def is_copyright_text(text: str) -> bool:
    """True for a line such as ``© 2024 Le Journal`` or ``Droits d’auteur … Tous droits réservés``."""
    return bool(_COPYRIGHT.search(text))


_TITLE_SEPARATORS = re.compile(r"\s+[-–—|·:•»/]{1,2}\s+")
_ALNUM = re.compile(r"[\W_]+")


def _reduced(text: str) -> str:
    return _ALNUM.sub("", text.casefold())


def strip_site_name(title: str | None, site_names: Iterable[str]) -> str | None:
    """A title without a leading or trailing site name (``"Titre - OneMedia"`` -> ``"Titre"``)."""
    title = clean_text(title)
    if not title:
        return None
    names = {_reduced(name) for name in site_names if name and _reduced(name)}
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2 or not names:
        return title
    if _is_site_name(parts[-1], names):
        return _strip_last(title)
    if _is_site_name(parts[0], names):
        return title[title.find(parts[1], len(parts[0])):].strip()
    return title


def _strip_last(title: str) -> str:
    last = list(_TITLE_SEPARATORS.finditer(title))[-1]
    return title[: last.start()].strip()


def is_site_name(name: str, site_names: Iterable[str]) -> bool:
    """True when ``name`` is one of the site's names, case, spaces and punctuation aside (``JOURNAL.fr``)."""
    reduced = _reduced(name)
    return bool(reduced) and any(reduced == _reduced(site) for site in site_names if site)


def _is_site_name(part: str, names: set[str]) -> bool:
    reduced = _reduced(part)
    return bool(reduced) and any(reduced == name or (len(name) >= 4 and name in reduced) for name in names)
