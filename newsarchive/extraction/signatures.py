"""The names that sign an article's text: its last (or first) paragraph holding names alone (``Léa Roy``, ``Léa Roy
et Paul Martin``, ``J. Dupont / AFP``), as many regional papers sign, or opening as a byline (``Un texte de Léa Roy,
avec les informations de La Presse canadienne``)."""

from __future__ import annotations

import re
from itertools import islice

from newsarchive.dates import is_bare_date, is_date_word
from newsarchive.extraction.authors import (
    NEWSROOM,
    ROLE_WORDS,
    cased_as_a_name,
    clean_authors,
    names_from_byline,
    strip_name_prefixes,
    with_coauthors_opened,
    without_honorifics,
)
from newsarchive.extraction.byline_lines import opens_byline
from newsarchive.extraction.credits import is_labelled_credit
from newsarchive.extraction.html import element_text
from newsarchive.extraction.name_ends import PLACE_END, without_address_after
from newsarchive.extraction.vocabulary.labels import AGENCY_NAMES, NAME_JOINS, ROLES
from newsarchive.text import clean_text

_MAX_SIGNATURE = 60
_MAX_BYLINE_PARAGRAPH = 160  # a paragraph opening as a byline, its note included
_MAX_SIGNED_PARAGRAPH = 300  # a signature, its prefix, its place and its note
_BOX_PARAGRAPHS = 2  # paragraphs of an author's biography under the name in a box closing the text
_COMMA = re.compile(r"\s*,\s*")
_BOLD = ("strong", "b")
_MAX_BOLD_RUNS = 40  # the text's first runs in bold, where a byline paragraph sets its names
# What follows a name set in bold and is no part of it: the program, the desk it writes for ("d'Enquête")
_AFTER_A_NAME = re.compile(r"^\s+(?:d['’]|(?:de|du|des)\s)")
# "Léa Roy | 12 mars 2024" (a bar: "La Rochelle, le 12 mars 2024", "LYON - 12/03/2024" are a place's datelines)
_DATE_AFTER = re.compile(r"\s*\|\s*(?P<date>[^|]{6,40})$")
_SIGNATURE_JOINS = re.compile(rf"\s*(?:[,;/&+]|\s(?i:{NAME_JOINS})\s)\s*")
# What follows the names of a signature: a note on its sources ("Léa Roy (avec AFP)"), its agency ("Léa Roy (AFP)"),
# the signer's role ("Léa Roy (correspondante)", "Marc Duval (CLP)": a regional paper's local correspondent; "Léa Roy –
# correspondante"), the title it was written for ("Léa Roy pour Le Journal").
_SIGNATURE_NOTE = re.compile(
    rf"\s*\((?i:avec|with|source|{ROLES})\b[^()]{{0,200}}\)$|\s*\(\s*(?:{AGENCY_NAMES})\s*\)$"
    rf"|\s+[-–—]\s+(?i:{ROLES})\b[^()]{{0,60}}$"
    r"|\s+(?i:pour|for)\s+[A-ZÀ-ÖØ-Ý][^,;]{0,40}$"
)


def signature_names(sections: list[dict], body=None) -> list[str]:
    """The names signing the body: its last (or first) paragraph when it holds nothing but names
    (``Léa Roy``, ``Léa Roy et Paul Martin``, ``J. Dupont / AFP``), as many regional papers sign, maybe after a
    byline word (``Propos recueillis par Léa Roy``) or before a place (``Léa Roy, à Lyon``); else its first (or last)
    paragraph when it opens as a byline, whatever note follows the names (``Un texte de Léa Roy, avec les
    informations de La Presse canadienne``). A name that goes on after the part ``body`` sets in bold is that part (``Un
    texte de <strong>Frédéric Zalac</strong> d'<em>Enquête</em>``: the program's name, glued to his by the text)."""
    paragraphs = [paragraph for section in sections for paragraph in section.get("paragraphs") or ()]
    for text in paragraphs[-1:] + paragraphs[:1]:
        names = _signing_names(text)
        if names:
            return as_set_in_bold(names, body)
    for text in paragraphs[:1] + paragraphs[-1:]:
        names = _byline_paragraph_names(text.strip())
        if names:
            return as_set_in_bold(names, body)
    return []


def as_set_in_bold(names: list[str], body) -> list[str]:
    """Each name cut to the run in bold of ``body`` it opens with, when what follows names no one (``Frédéric Zalac
    d'Enquête``: the program's name, glued to his by the text of ``<strong>Frédéric Zalac</strong>
    d'<em>Enquête</em>``)."""
    if body is None:
        return names
    runs = [text for text in map(element_text, islice(body.iter(*_BOLD), _MAX_BOLD_RUNS)) if len(text.split()) >= 2]
    return [next((run for run in runs if name.startswith(run) and _AFTER_A_NAME.match(name[len(run):])), name)
            for name in names]


def without_signature(sections: list[dict]) -> list[dict]:
    """The sections without the paragraph that closes the text (else opens it) with names alone, a signature
    (:func:`signature_names` reads it): no part of the text. A section left without paragraphs goes with it."""
    places = [(at, index) for at, section in enumerate(sections) for index in range(len(section["paragraphs"]))]
    for at, index in places[-1:] + places[:1]:
        if _signing_names(sections[at]["paragraphs"][index]):
            paragraphs = sections[at]["paragraphs"]
            section = dict(sections[at], paragraphs=paragraphs[:index] + paragraphs[index + 1:])
            emptied = not section["paragraphs"] and (section["heading"] is None or at == len(sections) - 1)
            return sections[:at] + ([] if emptied else [section]) + sections[at + 1:]
    return sections


def without_author_box(sections: list[dict], authors: list[str]) -> list[dict]:
    """The sections without the last one when it is the author's box: headed by an author's name alone, over a
    biography of ``_BOX_PARAGRAPHS`` short paragraphs at most (YOOtheme's ``<h4>Sophie Vernet</h4><div>Chargée de
    communication…</div>`` after the post, in the same <article> as its text)."""
    if not sections or not authors:
        return sections
    last = sections[-1]
    names = {clean_text(name).casefold() for name in authors}
    if clean_text(last["heading"] or "").casefold() in names and len(last["paragraphs"]) <= _BOX_PARAGRAPHS \
            and all(len(paragraph) <= _MAX_SIGNED_PARAGRAPH for paragraph in last["paragraphs"]):
        return sections[:-1]
    return sections


_FIELD_LABEL = re.compile(r"[^\W\d_][\w'’ -]{0,30}?\s?:")


def _signing_names(text: str) -> list[str]:
    """The names of a paragraph that holds nothing but names (``Léa Roy``, ``— Léa Roy et Paul Martin``), maybe
    after a byline word, before a place, a note or a role (``Léa Roy, à Lyon``, ``Léa Roy (avec AFP)``); else []."""
    if len(text) > _MAX_SIGNED_PARAGRAPH or is_labelled_credit(text):
        return []  # a paragraph of the text, not a signature and its note; a photo's credit ("Photos Léa Roy")
    # "Propos recueillis par X, à Lyon", "— X", "X (avec AFP)"; "X (avec Paul Martin)" keeps its co-author
    text = _SIGNATURE_NOTE.sub("", clean_text(with_coauthors_opened(text)))
    text = PLACE_END.sub("", without_honorifics(strip_name_prefixes(_without_date_after(text).strip(" ()[]—–"))))
    text = without_address_after(text)  # "Haoua Tiendrébéogo Lefaso.net"
    if _FIELD_LABEL.match(text):
        return []  # a field's label, no byline word, before its value ("Équipe : Paléoenvironnements")
    text = ", ".join(part for part in _COMMA.split(text)  # "Le Maire, X"; but "La rédaction" signs as the newsroom
                     if not ROLE_WORDS.match(part) or clean_authors([part]) == [NEWSROOM])
    if len(text) > _MAX_SIGNATURE:
        return []
    names = clean_authors([text])
    if names == [text] and is_date_word(text):
        return []  # a month alone ("Mars": the last crumb of a trail, a date's part), no one's name
    return names if names and _only_names(text, names) else []


def _without_date_after(text: str) -> str:
    """A signature of two words or more without the date written after it and a bar (``Léa Roy | 12 mars 2024``; a
    word alone there is a place: ``Paris | 12 mars 2024``)."""
    found = _DATE_AFTER.search(text)
    if found is None or len(text[:found.start()].split()) < 2 or not is_bare_date(found.group("date")):
        return text
    return text[:found.start()]


def _byline_paragraph_names(text: str) -> list[str]:
    """The names of a paragraph that opens as a byline and goes on with a note (``Un texte de Léa Roy, avec les
    informations de l'AFP``): the names must open it (``Par une belle matinée, Léa Roy…`` names no author)."""
    if len(text) > _MAX_BYLINE_PARAGRAPH or not opens_byline(text):
        return []
    names = names_from_byline(text)
    opening = strip_name_prefixes(text).casefold()
    return names if names and opening.startswith(names[0].casefold()) else []


def _only_names(text: str, names: list[str]) -> bool:
    """True when every word of ``text`` belongs to one of ``names`` (or joins them), each name word
    opening with a capital letter or being a particle (``de``, ``von``...), or the name being the newsroom's (``La
    rédaction``)."""
    if not all(cased_as_a_name(name) or name == NEWSROOM for name in names):  # (the newsroom signs as a whole)
        return False
    rest = _SIGNATURE_JOINS.sub(" ", f" {text} ").casefold()  # "Léa ROY" names Léa Roy
    for name in names:
        rest = rest.replace(f" {name.casefold()} ", " ", 1)
    return not rest.strip(" .")
