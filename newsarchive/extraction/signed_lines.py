"""The text a byline element signs with: the one line of it that says ``par``/``by`` a name, the names it lists in
elements of their own, the line of its co-signers, without its buttons (:mod:`.bylines` finds the element)."""

from __future__ import annotations

import re
from itertools import islice

from newsarchive.dates.patterns import DIGIT
from newsarchive.extraction.furniture import headed_as_furniture
from newsarchive.extraction.heuristics import hints
from newsarchive.extraction.html import (
    all_text,
    element_text,
    field_label,
    fills_alone,
    spaced_apart,
    spaced_text,
    without_descendants,
)
from newsarchive.extraction.vocabulary.classes import NEGATIVE_HINTS
from newsarchive.extraction.vocabulary.labels import BYLINE_WORD, BYLINE_WORDS, NAME_PREFIX
from newsarchive.text import clean_text, may_hold_word

NOT_BYLINE_TAGS = frozenset({"meta", "link", "script", "img", "html", "body", "article", "main"})
MAX_LINE_DESCENDANTS = 200  # a line read without its buttons
_MAX_LISTED_NAMES = 12  # names of a byline, each in an element of its own
_JOINER = re.compile(r"(?:[,;&]|,?\s*(?:et|and|und|y|e))?", re.IGNORECASE)  # between co-signers: ", ", " et "
_AUTHOR_PREPOSITIONS = frozenset({"de", "di", "da"})  # a byline's word alone that opens no byline in a line of text


def only_byline_word(text: str) -> bool:
    """Whether a text is a byline word alone (``Par``, ``Von``, ``de``: Blogger's author label): the name is in the
    next element classed as a byline."""
    word = text.rstrip(" :").casefold()
    return word in BYLINE_WORDS or word in _AUTHOR_PREPOSITIONS


def _names_label(text: str) -> bool:
    """Whether a text is a byline word or an author's label alone (``Par``, ``Auteurs :``)."""
    found = NAME_PREFIX.match(text)
    return only_byline_word(text) or found is not None and found.end() == len(text)


def signed_text(element) -> str:
    """The shown text of the one child line of a byline block that says ``par``/``by`` a name, down to the smallest
    such line, when the block also holds other lines (the dates, a reading time, a comment count); else the
    block's. Names listed in elements of their own are separated by commas (:func:`_names_in_a_row`)."""
    line, text = _signed_line(element)
    return _names_in_a_row(line) or _linked_name(line) or _without_controls(line, text)


def line_of_co_signers(element):
    """The line that lists ``element`` with its co-signers, each in an element of the same kind joined by a comma or a
    conjunction (``Par <span class="author">Léa Roy</span> et <span class="author">Marc Dupuis</span>``: WordPress's
    co-authors), with nothing but a byline word before them; else ``element``."""
    line = element.getparent()
    if line is None or line.tag in NOT_BYLINE_TAGS or (clean_text(line.text) and not only_byline_word(line.text)):
        return element
    kind = _kind_of(element)
    signers = [child for child in islice(line, _MAX_LISTED_NAMES + 1) if isinstance(child.tag, str)]
    if not 2 <= len(signers) <= _MAX_LISTED_NAMES or any(_kind_of(child) != kind for child in signers):
        return element
    joined = all(_JOINER.fullmatch(clean_text(signer.tail)) for signer in signers[:-1])
    return line if joined and not clean_text(signers[-1].tail) else element


def _kind_of(element) -> tuple:
    return element.tag, element.get("class"), element.get("itemprop")


def _without_controls(line, text: str) -> str:
    """``text``, the line's, without the buttons and the furniture in it (``Léa Roy <div class="share">…``)."""
    if next(islice(line.iterdescendants(), MAX_LINE_DESCENDANTS, None), None) is not None:
        return text  # a block of many elements, read as it is
    shown = without_descendants(line, _is_control)
    return text if shown is line else spaced_text(shown)


def _is_control(element) -> bool:
    """A button, or an element its class names furniture (a share bar, a follow link; not an author's or a date's)."""
    return isinstance(element.tag, str) and (element.tag == "button" or bool(NEGATIVE_HINTS.search(hints(element))))


def _signed_line(element) -> tuple[object, str]:
    text = None
    while True:
        signed = [child for child in element if isinstance(child.tag, str) and _may_sign(child)
                  and not headed_as_furniture(child)]  # (another story's under "<h3>À lire aussi</h3>")
        signed = [(child, line) for child, line in ((child, spaced_text(child)) for child in signed)
                  if BYLINE_WORD.search(line)]
        if len(signed) != 1:
            return element, spaced_text(element) if text is None else text
        text = spaced_text(element) if text is None else text
        if signed[0][1] == text:  # a wrapper of one block alone (<div><ul class="info">…): its lines are read inside
            element = signed[0][0]
            continue
        element, text = signed[0]


_ALTERNATION = re.compile(r"\s*\b(?:even|odd)\b")  # Drupal's items of a field, classed in turn "even" and "odd"


def _names_in_a_row(element) -> str | None:
    """The text of a byline that lists its names in elements of one kind, with nothing between them but spaces and
    maybe a byline word before them (``Par <a class="auteur">Léa Roy</a> <a class="auteur">Paul Martin</a>``):
    ``Par Léa Roy, Paul Martin``, which the name reader splits (the shown text glues them into one name); else
    None."""
    while len(element) == 1 and isinstance(element[0].tag, str) and fills_alone(element[0]):
        element = element[0]
    lead = clean_text(element.text)
    if len(element) == 2 and not lead and field_label(element) is element[0]:  # Drupal's field: "Auteurs:"
        lead, element = element_text(element[0]), element[1]
    children = list(element)
    if (len(children) < 2 or len(children) > _MAX_LISTED_NAMES or (lead and not _names_label(lead))
            or len({(child.tag, _ALTERNATION.sub("", child.get("class") or "")) for child in children}) > 1
            or not spaced_apart(children)):
        return None
    names = [element_text(child) for child in children]
    if not all(names) or any(DIGIT.search(name) for name in names):
        return None
    return ", ".join([f"{lead} {names[0]}" if lead else names[0], *names[1:]])


def _linked_name(element) -> str | None:
    """The text of a byline made of a link to its author, then one element of details about them, with nothing else
    but a byline word before the link (``<a href="/lea-roy">Léa Roy</a> <span class="role">Enseignante</span>``): the
    word and the link's text, without the details that the shown text glues to the name (a role no vocabulary
    lists, a date); else None."""
    lead = clean_text(element.text)
    if len(element) != 2 or (lead and not only_byline_word(lead)) or not spaced_apart(element):
        return None
    link, details = element
    if link.tag != "a" or not isinstance(details.tag, str) or details.tag == "a" or details.find(".//a") is not None:
        return None
    name = element_text(link)
    if not name or not element_text(details):
        return None
    return f"{lead} {name}" if lead else name


def _may_sign(element) -> bool:
    """False when an element's text surely holds no ``par``/``by`` (its whole text, scripts included, holds all
    its shown text)."""
    return may_hold_word(all_text(element), BYLINE_WORDS)
