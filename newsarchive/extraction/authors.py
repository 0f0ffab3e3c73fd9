"""Author names from raw author strings and visible bylines (whether a line is one: :mod:`.byline_lines`).

French bylines come in a few shapes: ``Par Prénom Nom``, ``Par Prénom Nom et Prénom Nom``, ``Par Prénom Nom
avec AFP``, ``Par Prénom Nom (avec Prénom Nom et Prénom Nom)``, ``Propos recueillis par …``, ``De notre envoyé
spécial à Kiev, Prénom Nom``, ``Texte : … Photos : …``, ``Par la rédaction``, often followed by the dates (``Publié
le … à …``, ``Mis à jour le …``, ``Il y a 3 heures``) or by the author's role (``Prénom Nom, journaliste``). English
and German forms (``By``, ``von``) are read too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice

from newsarchive.extraction.metadata import dedupe
from newsarchive.extraction.name_ends import NAME_PARTICLES, PLACE_END, before_bar, name_of, names_of, without_filing
from newsarchive.extraction.vocabulary.labels import (
    AGENCIES, AGENCY_NAMES, AUTHOR_LABEL_INSIDE, BOX_LABEL, BYLINE_WORD, NAME_JOINS, NAME_PREFIX, ROLES,
)
from newsarchive.text import clean_text, without_outer_separators

# An address, not a name: "https://…", "www.…", "facebook.com/lea.roy" (Yoast's article:author, its scheme left out)
_URL = re.compile(r"^(?:https?:)?//|^www\.|^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/", re.IGNORECASE)
# A title before a person's name, as an opinion piece's byline writes it ("Par le Pr Léa Roy, cardiologue", "Par Me Léa
# Roy, avocate", "Par Mme Léa Roy"): no part of the name ("M." is left: as often an initial, "M. Dupuis").
_HONORIFIC = re.compile(
    r"^(?:(?:le|la)\s+)?(?:dr|docteure?|pr|professeure?|maître|me|mme|mlle)\.?\s+(?=[A-ZÀ-ÖØ-Ý])", re.IGNORECASE
)
_ELIDED_AGENCY = re.compile(rf"^[lL]['’](?=(?:{AGENCY_NAMES})$)")  # "avec l'AFP": the agency, without its article
# An e-mail address, with the brackets around it (``Léa Roy (lea.roy@…)``, ``<lea.roy@…>``); looked for where a word
# starts only (from every character of a long word, the search cost the word's length each time: its square).
_EMAIL = re.compile(
    r"(?<![^\s()<>\[\]])([(<\[])?[^\s()<>\[\]@]+@[^\s()<>\[\]]+\.\w+(?(1)[)>\]])"
)
# An editor's credit before its "par"/"by", after the author's name: "Léa Roy - Édité par Paul Martin", "Jane Doe,
# edited by John Smith" (the editor is no author).
# (the word alone is searched: a run of separators before it, searched from each of its characters, cost its square)
_EDITED = re.compile(
    r"\b(?:édité|éditée|edited|relu|relue|mis à jour|mise à jour|updated|vérifié|vérifiée)\s*$", re.IGNORECASE
)
# A social network's handle, which ends the name before it ("April Roach @aprilroach28 Daniel O'Mahony").
_HANDLE = re.compile(r"(?<!\S)@\w+")
# (notes of at most 200 characters: a text of many "(" and no ")" costs no more than its length times that)
_PARENTHESES = re.compile(r"\([^)]{0,200}\)|\[[^\]]{0,200}\]")
_COAUTHORS = re.compile(r"\(\s*((?:avec|with)\s[^)]{0,200})\)", re.IGNORECASE)
# Each author followed by a role: "A, correspondant à Pékin et B, correspondant à New York". The role between the two
# is dropped, so that B is read as a name; a place after "et" is followed by no role of its own and stays a place.
_ROLE_THEN_NAME = re.compile(
    rf"(,\s*(?i:{ROLES})\b[^,]*?)\s+(?:et|and)\s+(?P<name>[^\W\d_][^,]{{1,60}}?)(?=\s*,\s*(?i:{ROLES})\b)"
)
_LIST_SPLIT = re.compile(r"\s*[,;/]\s*")
# (the joins, and "y", "e" in lower case only: they may be initials, "Marc Y")
_CONJUNCTION = re.compile(rf"\s*(?:&|\+|\s(?:(?i:{NAME_JOINS})|y|e|via)\s)\s*")
_JOINED = re.compile(rf"({_CONJUNCTION.pattern})")  # the same, kept by a split
# A role alone, with its article ("Le Maire, Jean-Paul Chabert": the signature of a town hall's or a club's notice).
ROLE_WORDS = re.compile(
    rf"^(?:(?:le|la|l['’])\s*)?(?:(?:{ROLES})\b.*|rédaction|staff|senior\b.*|chief\b.*|redakt\w*|agence|agency|"
    r"maire|adjointe?|présidente?|trésori(?:er|ère)|bureau|correspondance)$", re.IGNORECASE
)
# The institution an academic's byline names after the title ("…, Professeure de chimie, Université de Lille"): no
# author of a visible byline.
_AFFILIATION = re.compile(
    r"^(?:universit[éy]|university|institut|institute|école|school|college|collège|laboratoire|cnrs|inserm|inrae|"
    r"ined|ird|sciences po)\b", re.IGNORECASE
)
# The site's newsroom: "la rédaction", "la rédaction web", "Rédaction numérique", maybe of the site ("Rédaction de
# Trifouilly Infos"); "l'équipe de Trifouilly Infos" ("Rédaction" alone is a label, "L'Équipe" alone a paper's name)
_DESK = r"(?:\s+(?:web|num[ée]rique|en\s+ligne))"
_OF_SITE = r"(?:\s+(?:de|du|des)\s.+|\s+d['’].+)"
_NEWSROOM = re.compile(
    rf"^(?:la\s+rédaction{_DESK}?{_OF_SITE}?|rédaction(?:{_DESK}{_OF_SITE}?|{_OF_SITE})|l['’]équipe{_OF_SITE})$",
    re.IGNORECASE,
)
NEWSROOM = "La rédaction"  # the name a newsroom signs with (_NEWSROOM), whatever its words
# A newsroom's label given as the author: no person (the visible byline may name one).
_NEWSROOM_LABEL = re.compile(
    r"^(?:(?:la|the)\s+)?(?:r[ée]daction|newsroom|staff|redaktion|desk)(?:\s+(?:web|num[ée]rique|en ligne|online))?$",
    re.IGNORECASE,
)
# Names of a page's authors at most, the first ones (a JSON-LD list of 15,000 people named them all), read from its
# first values (each value may name several people).
MAX_AUTHORS, MAX_AUTHOR_VALUES = 50, 200
_MAX_SHOWN_NAMES = 6  # a byline names a few people: a longer list is a page of bylines
_URL_LIKE = re.compile(r"\.[a-z]{2,6}\b", re.IGNORECASE)  # "TIMESOFINDIA.COM", "lefigaro.fr"
_LETTER = re.compile(r"[^\W\d_]")
# One word or a host name given as an author by structured data: "dpa", "franceinfo", "mbl.is".
_ONE_WORD = re.compile(r"^[^\W_][\w-]{1,24}(?:\.[a-z]{2,6})?$")
# A name of one word in Latin letters (a login, a first name; not a name in Chinese or Japanese, written without spaces)
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ'’.-]+")
# The same in a visible byline, where it opens the names as their only word in lower case: a host name ("Par
# lefigaro.fr", "Par leparisien.fr avec AFP") or a name before "avec"/"with" and an agency ("Par franceinfo avec
# AFP", a brand's credit of the wire copy it rewrote).
_BRAND_IN_BYLINE = re.compile(
    rf"^[^\W_][\w-]{{1,24}}(?:\.[a-z]{{2,6}}(?=$|\s+(?:avec|with)\s)|"
    rf"(?=\s+(?:avec|with)\s+(?:{'|'.join(AGENCIES.values())})\b))"
)
# A brand in lower case before a dash and the names (franceinfo's "Article rédigé par franceinfo - Léa Roy - Radio
# France"): the names follow it.
_LEADING_BRAND = re.compile(r"^[^\W\d_](?<![A-ZÀ-ÖØ-Ý])[\w.-]{1,24}\s+[-–—]\s+(?=[A-ZÀ-ÖØ-Ý])")
_CMS_ACCOUNTS = frozenset({
    "admin", "administrator", "administrateur", "webmaster", "wordpress", "editor", "redac", "root", "user",
    "utilisateur", "auteur", "author", "guest", "invité",
})
_MAX_NAME_WORDS = 6
_ARTICLE_PARTICLES = frozenset({"la", "le", "der"})  # particles that follow another one: "de la", "van der"
_LOWER_WORDS = NAME_PARTICLES | {"et", "and"}  # the words of names in lower case
# Words in lower case parted by spaces alone (``léa roy``, ``marie-claire d'arvor``): a name typed so, not a login
# (``christian.stadtfeld``) nor an abbreviation (``red.``).
_NAME_IN_LOWER_CASE = re.compile(r"^[a-zß-ÿ'’-]{2,}(?:\s+[a-zß-ÿ'’-]{2,}){1,6}$")
_MAX_NAME_CHARS = 60
# A word of two or more letters: in capitals, one part of a surname in capitals ("LE GALL", "DUPONT-MOREAU").
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_VOWEL = re.compile(r"[AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸ]")
# The agencies' names in capitals (AFP, EFE, DPA): an acronym, not a surname written in capitals ("Agencia EFE").
_AGENCY_ACRONYMS = frozenset(re.findall(r"\b[A-Z]{2,}\b", " ".join(AGENCIES.values())))


def clean_authors(raw_values: Iterable[str], *, structured: bool = False) -> list[str]:
    """Person or organisation names from raw author strings (``"Par Jean Dupont et Léa Roy"``, ...).

    Prefixes (``Par``, ``by``, ``Publié par``, ``De notre envoyé spécial à …``), e-mail addresses, URLs,
    parenthesised notes, dates and roles (after the name, in visible bylines) are dropped; lists joined by commas,
    ``et``, ``avec`` or ``and`` and labelled lines of credits (``Sujet radio: … Adaptation web: …``) are split;
    duplicates are removed case-insensitively. Words starting in lower case are not names, except ``la rédaction``
    (the newsroom signs as a whole) and, for ``structured`` values (a JSON-LD or ``<meta>`` author), one word or host
    name such as ``dpa`` or ``franceinfo`` (not a CMS account such as ``admin``), and a structured value of words
    typed in lower case (``léa roy``, capitalised as a name); in a visible byline, a host name or a brand before an
    agency opening the names (``Par franceinfo avec AFP``). A value without a letter (a CMS's number for its author)
    names no one. The first ``MAX_AUTHORS`` names of the first ``MAX_AUTHOR_VALUES`` values.
    """
    names: list[str] = []
    for raw in islice(raw_values, MAX_AUTHOR_VALUES):
        if not isinstance(raw, str) or _URL.match(raw.strip()) or not _LETTER.search(raw):
            continue  # (a CMS's number for its author: <meta name="author" content="105092">)
        if structured and _ONE_WORD.match(raw.strip()):
            if raw.strip().casefold() not in _CMS_ACCOUNTS:
                names.append(raw.strip())
        else:
            typed_lower = structured and _NAME_IN_LOWER_CASE.match(raw.strip())  # "léa roy", as its author typed it
            names.extend(_names_in(_capitalised_as_a_name(raw) if typed_lower else raw, structured))
    return _without_given_names_alone(dedupe([_uncapitalised(name) for name in names]))[:MAX_AUTHORS]


def _without_given_names_alone(names: list[str]) -> list[str]:
    """``names`` but a word alone that opens another of them: the given name of the same person (Largo's author box,
    ``Plus d’articles de Nina``, beside ``Nina Ferrand``)."""
    openings = {name.split()[0].casefold() for name in names if len(name.split()) > 1}
    return [name for name in names if len(name.split()) > 1 or name.casefold() not in openings]


def _uncapitalised(name: str) -> str:
    """``Julien MARCHAND`` as ``Julien Marchand``: the surname in capitals of a French byline, written like the
    given name; so is a name of two words or more all in capitals (``PAR LÉA ROY``, ``J. DUPONT``); one word in
    capitals (``AFP``, ``REUTERS``) is left as it is."""
    if not any(letter.islower() for letter in name) and len(name.split()) < 2:
        return name
    return _LETTERS.sub(_capitalised_if_upper, name)


def _capitalised_as_a_name(text: str) -> str:
    """A name typed in lower case with its words capitalised as a name's, its particles and ``et`` left: ``jean de la
    fontaine et léa roy`` as ``Jean de la Fontaine et Léa Roy``."""
    return _LETTERS.sub(lambda found: found.group() if found.group() in _LOWER_WORDS else found.group().capitalize(),
                        text)


def _capitalised_if_upper(found: re.Match) -> str:
    """A word in capitals capitalised, but an agency's acronym and a word without a vowel, an acronym (``RMC``)."""
    letters = found.group()
    if not letters.isupper() or letters in _AGENCY_ACRONYMS or not _VOWEL.search(letters):
        return letters
    return letters.capitalize()


def _names_in(raw: str, structured: bool) -> list[str]:
    text = clean_text(_PARENTHESES.sub(" ", with_coauthors_opened(_HANDLE.sub(",", _EMAIL.sub(" ", raw)))))
    text = _ROLE_THEN_NAME.sub(r", \g<name>", without_filing(text))
    text = before_bar(text)  # "Léa Roy | Reportage Paul Martin, Inès Fabre": a bar ends the names
    names: list[str] = []
    text = AUTHOR_LABEL_INSIDE.sub(", ", strip_name_prefixes(text))  # "Léa Roy Adaptation web: Paul Martin"
    for chunk in _LIST_SPLIT.split(_LEADING_BRAND.sub("", text)):
        chunk = names_of(without_honorifics(strip_name_prefixes(chunk)), structured)
        brand = not names and _brand_opening(chunk)
        for part in _CONJUNCTION.split(f" {chunk}"):  # " et Paul Martin" after a comma
            part = _ELIDED_AGENCY.sub("", PLACE_END.sub("", strip_name_prefixes(name_of(part))))  # "Léa Roy à Lyon"
            if _NEWSROOM.match(part):
                names.append(NEWSROOM)
            elif brand and part == brand:
                names.append(part)
            elif part and starts_lowercase(part):
                return names  # a role or a place ("envoyé spécial à Gap", "in News"): no name follows
            elif _looks_like_name(part) and (structured or not (_reads_as_phrase(part) or _AFFILIATION.match(part))):
                names.append(part)
    return names


def without_honorifics(chunk: str) -> str:
    """A part of a byline without the titles before its names (``le Pr Léa Roy et Me Paul Martin``)."""
    pieces = _JOINED.split(chunk)  # [name, conjunction, name, …]
    return "".join(piece if index % 2 else _HONORIFIC.sub("", piece.lstrip()) for index, piece in enumerate(pieces))


def _brand_opening(chunk: str) -> str | None:
    """The brand in lower case that opens a byline's names (``franceinfo avec AFP``, ``lefigaro.fr``), not a CMS
    account (``admin``)."""
    found = _BRAND_IN_BYLINE.match(chunk)
    return found.group() if found and found.group().casefold() not in _CMS_ACCOUNTS else None


def _reads_as_phrase(text: str) -> bool:
    """Whether visible text holds three words or more in lower case besides a name's particles: a phrase (a column's
    tagline, ``Plaidoyer pour une éducation ouverte``), not a name (``Jean de La Fontaine``, ``Service de presse de
    la mairie``)."""
    lowercase = [word for word in text.split()[1:] if starts_lowercase(word) and word.casefold() not in NAME_PARTICLES]
    return len(lowercase) >= 3


def with_coauthors_opened(text: str) -> str:
    """``text`` with its co-authors in parentheses taken out of them (:func:`_opened_coauthors`)."""
    return _COAUTHORS.sub(_opened_coauthors, text)


def _opened_coauthors(found: re.Match) -> str:
    """Co-authors in parentheses (``Par Léa Roy (avec Paul Martin et Anne Petit)``) taken out of them when they open
    with a person's name (a given name, then a name); a note such as ``(avec AFP)`` stays a note."""
    words = found.group(1).split()[1:3]
    person = len(words) == 2 and words[0][0].isupper() and not words[0].isupper() and words[1][0].isupper()
    return f" {found.group(1)} " if person else found.group(0)


def strip_name_prefixes(text: str) -> str:
    while True:
        stripped = NAME_PREFIX.sub("", text, count=1)
        if stripped == text:
            return text
        text = stripped


def names_from_byline(text: str | None) -> list[str]:
    """Author names of a visible byline, which may hold other words before ``par``/``by``
    (``Texte et photos par Léa Roy``, ``Magazin von Anna Weber``)."""
    if not text:
        return []
    match = BYLINE_WORD.search(text)
    edited = _EDITED.search(text, 0, match.start()) if match else None
    before = clean_authors([without_outer_separators(text[:edited.start()]).rstrip(",;")]) if edited else []
    if any(map(_is_person, before)):  # the author before the editor (not "Article mis à jour par Léa Roy")
        return before
    return clean_authors([text[match.end():] if match and not _particle_of_name(text, match) else text])


def _particle_of_name(text: str, match: re.Match) -> bool:
    """Whether the byline word found (``von``) is the particle of one name, ``Christoph von Ritter``: one capitalised
    word on each side (``Magazin von Anna Weber`` names Anna Weber)."""
    before, after = text[:match.start()].split(), text[match.end():].split()
    return (match.group().strip().lower() in NAME_PARTICLES and len(before) == 1 and len(after) == 1
            and before[0][:1].isupper() and after[0][:1].isupper())


def cased_as_a_name(name: str) -> bool:
    """Whether every word of a name opens with a capital or is a name's particle (``Jean de La Fontaine``; not ``View
    author archive`` nor ``Léa Roy montre``); an article in lower case only after another particle (``Pedro de la
    Cruz``, ``Jan van der Berg``: not ``Vive la République``)."""
    previous = ""
    for word in name.split():
        folded = word.casefold()
        if not word[0].isupper() and (folded not in NAME_PARTICLES
                                      or folded in _ARTICLE_PARTICLES and previous not in NAME_PARTICLES):
            return False
        previous = folded
    return True


def starts_lowercase(text: str) -> bool:
    letter = _LETTER.search(text)
    return letter is not None and letter.group().islower()


def _looks_like_name(text: str) -> bool:
    if not text or len(text) > _MAX_NAME_CHARS or not _LETTER.search(text):
        return False
    if len(text.split()) > _MAX_NAME_WORDS or ROLE_WORDS.match(text) or _URL.match(text):
        return False
    if text.casefold() in _CMS_ACCOUNTS or BOX_LABEL.fullmatch(text.strip(" :.")):
        return False
    return not starts_lowercase(text)


def fuller_names(shown: list[str], given: list[str]) -> bool:
    """Whether the names a visible byline ``shown`` say more than the ``given`` ones of an earlier layer: every given
    name and other people (``Par Léa Roy et Paul Martin`` where the JSON-LD names Léa Roy alone; an agency or a site's
    host name after them is none), or people where the given names are a newsroom's label (``Rédaction``) or words
    alone (a CMS's login, ``lroy``; a first name; a short name of the title that published the text first)."""
    if not shown or len(shown) > _MAX_SHOWN_NAMES:
        return False
    if all(_NEWSROOM_LABEL.match(name) for name in given):
        return all(_is_person(name) for name in shown)
    if all(_LATIN_WORD.fullmatch(name) for name in given) and all(_is_person(name) for name in shown):
        return True
    given_keys = {name.casefold() for name in given}
    others = [name for name in shown if name.casefold() not in given_keys]
    return bool(others) and len(shown) == len(others) + len(given_keys) and all(map(_is_person, others))


def _is_person(name: str) -> bool:
    """A person's name: two words or more, no newsroom's label, agency's acronym nor host name."""
    return len(name.split()) >= 2 and not _NEWSROOM_LABEL.match(name) and not _URL_LIKE.search(name) \
        and not _AGENCY_ACRONYMS.intersection(name.split())
