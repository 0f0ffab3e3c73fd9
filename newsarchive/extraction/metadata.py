"""Cleaning of metadata values: tags, language codes, site names, breadcrumb items, copyright lines
(author names: :mod:`.authors`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from newsarchive.extraction.vocabulary.labels import NAME_LINK_WORDS
from newsarchive.text import SENTENCE_ENDS, clean_text, folded_reduced_text, reduced_text

_URL = re.compile(r"^(?:https?:)?//|^www\.", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
_SEPARATOR_SPLIT = re.compile(r"\s+[›»>/|\\·•→]\s+")
_LABEL_CHARACTER = re.compile(r"[^\W_]")  # a breadcrumb's label holds a letter or a digit
_COPYRIGHT = re.compile(
    # the mark typed "(c)" before a year or, opening the line, before a name and a year ("(c) Le Journal 2010-2024")
    r"©|\(c\)\s*\d{4}|^\W*\(c\)\s+[^\W\d_][^\n]{0,100}?\b(?:19|20)\d{2}\b|"
    r"copyright|droits d[’']auteur|tous droits (?:de (?:reproduction|diffusion) )?réservés|"
    r"all rights? reserved|"  # (Soledad's footer writes "All Right Reserved")
    r"alle rechte vorbehalten|todos los derechos reservados|todos os direitos reservados|"
    r"creative\s+commons|\bCC[\s-]BY\b|\bCC0\b",  # a licence (Creative Commons): the site's rights line
    re.IGNORECASE,
)
# Labels of a breadcrumb at most: a site's trail has a few levels; a longer one (a hostile page's 20,000) is none.
MAX_CRUMBS = 20
_LANGUAGE = re.compile(r"^([a-zA-Z]{2,3})(?:$|[-_])")
_MIN_TAG_CHARS, _MAX_TAG_CHARS = 2, 80


def dedupe(values: Iterable[str]) -> list[str]:
    """Values in order, without blanks or duplicates that differ only in case or a final full stop
    (``Warner Bros`` and ``warner bros.``)."""
    seen, kept = set(), []
    for value in values:
        value = clean_text(value)
        key = value.casefold().rstrip(".")
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


def section_names(value) -> list[str]:
    """Sections from an ``articleSection`` value: a list's items as they are (a section's name may hold a comma, TSA's
    ``Culture, Médias, Technologies``), a string split as keywords (``Region, News, Wirtschaft``)."""
    if isinstance(value, (list, tuple)):
        return [item for item in (clean_text(i) for i in value if isinstance(i, str)) if _is_tag(item)]
    return split_keywords(value)


def clean_tags(values: Iterable[str]) -> list[str]:
    """Tags without hashtag signs and the comma a list writes after each (The Telegraph's ``Keir Starmer,``), blanks,
    URLs, code-like values (``home_featured``), over-long values and case-insensitive duplicates."""
    return dedupe(tag for tag in (without_hashtag(value).rstrip(",;").rstrip() for value in values) if _is_tag(tag))


def without_hashtag(text: str) -> str:
    """A label without the hashtag sign blog platforms write before their tags and categories (``#Oiseaux``)."""
    return clean_text(text).lstrip("#").strip()


def _is_tag(text: str) -> bool:
    return (
        _MIN_TAG_CHARS <= len(text) <= _MAX_TAG_CHARS and "_" not in text and not _URL.match(text)
        and bool(_LETTER.search(text))
    )


def language_tag(value) -> str | None:
    """A declared language's tag as written (``fr-CA``), from a text, a list (its first) or JSON-LD's ``Language``."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    return value.strip() or None if isinstance(value, str) else None


def language_code(value) -> str | None:
    """The primary language subtag, lower-cased: ``fr-FR`` / ``fr_FR`` / ``FR`` -> ``fr``."""
    tag = language_tag(value)
    match = _LANGUAGE.match(tag) if tag else None
    return match.group(1).lower() if match else None


def breadcrumb_items(texts: Iterable[str]) -> list[str]:
    """Breadcrumb labels from the text pieces of a breadcrumb element, separators (``›``, ``>``, ``/``) dropped;
    a ``»`` that closes a French quotation (``« Titre » : suite``) is no separator; an opening label that ends
    with a colon (``Vous êtes ici :``) is no item. A trail of more than ``MAX_CRUMBS`` labels is none."""
    items: list[str] = []
    for text in texts:
        for part in _separated(clean_text(text)):
            part = part.strip(" ›>/|\\·•→")
            part = part.rstrip("»").rstrip() if part.count("»") > part.count("«") else part
            part = part.lstrip("»").lstrip()
            if _LABEL_CHARACTER.search(part) and not (not items and part.endswith(":")):
                items.append(part)  # (a part without a letter nor a digit is a separator: ",", "…", "#")
        if len(items) > MAX_CRUMBS:
            return []
    return items


def _separated(text: str) -> list[str]:
    parts, start = [], 0
    for separator in _SEPARATOR_SPLIT.finditer(text):
        opened = text.count("«", start, separator.start()) > text.count("»", start, separator.start())
        if "»" in separator.group() and opened:
            continue  # the closing quote of a quotation
        parts.append(text[start:separator.start()])
        start = separator.end()
    return parts + [text[start:]]


def is_copyright_text(text: str) -> bool:
    """True for a line such as ``© 2024 Le Journal``, ``Droits d’auteur … Tous droits réservés`` or ``Contenu sous
    licence Creative Commons BY-SA``."""
    return bool(_COPYRIGHT.search(text))


_SEPARATOR_MARKS = "-–—|·•»/"  # between a title and its section or its site's name
_TITLE_SEPARATORS = re.compile(rf"\s+[{_SEPARATOR_MARKS}:]{{1,2}}\s+")
_TRAIL_SEPARATOR = re.compile(rf"\s+[{_SEPARATOR_MARKS}]{{1,2}}\s+")  # a colon starts no trail ("Sujet : titre")
_NAME_PART_WORDS = 5  # a section's, a site's name or tagline after a title ("Toute l'actualité de la ville")
_SENTENCE_MARKS = tuple(SENTENCE_ENDS)  # (a part ending so is a sentence, no name)
# Separators that also part a site name from a title without spaces around them ("Titre|Le Journal"), and Blogger's
# colon without a space before it ("Le Petit Écho: Titre").
_TIGHT_SEPARATORS = re.compile(r"\s*(?:[|｜–—]|--)\s*|:\s+")
_TIGHT_COLON = re.compile(r"(?<=\S):\s+")  # (Typepad's and Blogger's "Blog: Titre", the only separator of a <title>)


def strip_site_name(title: str | None, site_names: Iterable[str]) -> str | None:
    """A title without a leading or trailing site name (``"Titre - OneMedia"`` -> ``"Titre"``)."""
    title = clean_text(title)
    if not title:
        return None
    names = _reduced_names(tuple(site_names)) - {""}
    if not names:
        return title
    for separators in (_TITLE_SEPARATORS, _TIGHT_SEPARATORS):
        stripped = _strip_named_part(title, separators, names)
        if stripped != title:
            return stripped
    return title


def is_headline_with_trail(title: str | None, headline: str | None) -> bool:
    """Whether ``title`` is ``headline`` followed by a separator and more: its section and site, as in
    ``Titre - Rubrique - Site`` (a colon is left out: ``Sujet : titre`` is usually one headline)."""
    title, headline = clean_text(title), clean_text(headline)
    if not headline or len(title) <= len(headline) or not title.casefold().startswith(headline.casefold()):
        return False
    separator = _TRAIL_SEPARATOR.match(title, len(headline))
    return separator is not None and separator.end() < len(title)


def title_parts(title: str | None) -> list[str]:
    """The first and last parts of a ``<title>`` cut at its separators (``Titre - Site`` -> ``Titre``, ``Site``):
    one of them is usually the headline when the site's name is not known; and, where a colon comes first, the title
    up to its first trail's separator (``Sujet : titre - Site`` -> ``Sujet``, ``Sujet : titre``, ``Site``); a title
    without them at its first colon followed by a space (Typepad's ``Blog: Titre``)."""
    title = clean_text(title)
    found = list(_TITLE_SEPARATORS.finditer(title)) or list(_TIGHT_COLON.finditer(title))[:1]
    if not found:
        return []
    parts = [title[: found[0].start()].strip(), title[found[-1].end():].strip()]
    trail = _TRAIL_SEPARATOR.search(title)
    if trail is not None and trail.start() > found[0].start():  # (a colon in the headline)
        parts.insert(1, title[: trail.start()].strip())
    return parts


def headline_part(title: str | None) -> str | None:
    """The headline a ``<title>`` opens with, before its section and its site's name or tagline (``Titre | Actualités``,
    ``Titre – Le Journal – Toute l'actualité de la ville``): its first part, when it is the longest and every part
    after it is a short name, capitalised and no sentence's end; else the title."""
    title = clean_text(title)
    parts = _TRAIL_SEPARATOR.split(title)
    if len(parts) < 2:
        return title or None
    first, rest = parts[0], parts[1:]
    named = all(part[:1].isupper() and len(part.split()) <= _NAME_PART_WORDS and not part.endswith(_SENTENCE_MARKS)
                for part in rest)
    return first if named and len(first.split()) > max(len(part.split()) for part in rest) else title


def _strip_named_part(title: str, separators: re.Pattern, names: frozenset[str]) -> str:
    found = list(separators.finditer(title))
    if not found:
        return title
    last, first = found[-1], found[0]
    # past a colon, a name's few words only: the rest of a headline may end with the site's name ("Savoir nager : 3 000
    # heures de cours pour les élèves de l'Orvane" on the Orvane's site; Hautetfort's "Titre : Le blog de Martine X")
    after, before = title[last.end():], title[: first.start()]
    if _is_site_name(after, names, ":" in last.group() and len(after.split()) > _NAME_PART_WORDS) \
            and title[: last.start()].strip():
        return title[: last.start()].strip()
    if _is_site_name(before, names, ":" in first.group() and len(before.split()) > _NAME_PART_WORDS) \
            and title[first.end():].strip():
        return title[first.end():].strip()
    return title


def is_site_name(name: str, site_names: Iterable[str]) -> bool:
    """True when ``name`` is one of the site's names, case, spaces and punctuation aside (``JOURNAL.fr``), or its
    articles and prepositions too (``L'Est Républicain`` for ``estrepublicain``, ``Le Journal de Bourg`` for
    ``journal-bourg``)."""
    names = _reduced_names(tuple(site_names))
    if not names:
        return False
    # a text of more than twice the longest name's letters is none of them, whatever articles it loses
    return any(key and key in names for key in _text_keys(name, 2 * _longest(names)))


_PLACE_PARTICLES = frozenset({"de", "du", "des", "la", "le", "les", "d'", "d’", "sur", "en"})  # "Pays de Savoie"


def is_site_edition(name: str, site_names: Iterable[str]) -> bool:
    """True when ``name`` is one of the site's names followed by a place's name (three words at most, capitalised or
    particles): a local edition of the site (``France Bleu Isère``, ``France Bleu Pays de Savoie``, ``Ouest-France
    Rennes``), no person (``Guardian staff reporter`` is its newsroom)."""
    words = name.split()
    return any(is_site_name(" ".join(words[:cut]), site_names) and words[cut][:1].isupper()
               and all(word[:1].isupper() or word in _PLACE_PARTICLES for word in words[cut:])
               for cut in range(max(1, len(words) - 3), len(words)))


def without_site_name(name: str, site_names: Iterable[str]) -> str:
    """A name without the site's name glued after it, as a byline's pieces in separate elements read (``Léa Roy Le
    Journal`` -> ``Léa Roy``): two words at least are kept but an article of the site's name (``Rédaction Le Journal``
    -> ``Rédaction``); or before a first name and a name
    (``Ouest-France Léa Roy``; ``Yomiuri Shimbun Staff Writers`` stays whole). The name as it is when no ending or
    opening of it beside them is the site's name."""
    words = name.split()
    for cut in range(2, len(words)):
        if is_site_name(" ".join(words[cut:]), site_names):
            kept = words[:cut]  # the site's article goes with it ("Rédaction Le Journal": a name is no article)
            return " ".join(kept[:-1] if NAME_LINK_WORDS.fullmatch(kept[-1]) else kept)
    if len(words) > 2 and is_site_name(" ".join(words[:-2]), site_names):
        return " ".join(words[-2:])
    return name


@lru_cache(maxsize=256)
def _reduced_names(site_names: tuple[str, ...]) -> frozenset[str]:
    """The site's names reduced to letters and digits, with and without accents (asked for every title, tag and author
    of a page)."""
    return frozenset(key for name in site_names if name for key in _name_keys(name))


@lru_cache(maxsize=256)
def _longest(names: frozenset[str]) -> int:
    """The length of the longest of a page's reduced site names (asked for every text compared with them)."""
    return max(map(len, names))


def _name_keys(name: str) -> set[str]:
    """A site's name reduced to letters and digits (:func:`reduced_text`), with and without its accents (a host name
    has none)."""
    return {key for key in (reduced_text(name), folded_reduced_text(name)) if key}


def _text_keys(text: str, longest: int | None = None) -> Iterator[str]:
    """:func:`_name_keys` of a text, and the same without its articles and prepositions, which a host name leaves out
    (``L'Est Républicain`` for ``estrepublicain.fr``): only the text compared loses them, so that a site named ``La
    Montagne`` does not take the tag ``Montagne`` for its name. Made one after the other, each only when it can differ
    from the first (accents, articles), and none past ``longest`` letters (most texts compared are no site's name and
    would need them all)."""
    reduced = reduced_text(text)
    yield reduced
    if longest is not None and len(reduced) > longest:
        return
    if not reduced.isascii():
        yield folded_reduced_text(text)
    if NAME_LINK_WORDS.search(text):
        yield folded_reduced_text(NAME_LINK_WORDS.sub(" ", text))


def _is_site_name(part: str, names: frozenset[str], exact: bool = False) -> bool:
    """Whether a part of a title is the site's name, or, but ``exact``, opens or ends with it (``LeFigaro.fr``, ``Les
    services de l'État dans le Cher`` for ``cher``): not a word that holds it (``Sécheresse`` for ``cher``)."""
    return any(key == name or (not exact and len(name) >= 4 and (key.startswith(name) or key.endswith(name)))
               for key in _text_keys(part) if key for name in names)
