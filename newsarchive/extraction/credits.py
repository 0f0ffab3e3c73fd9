"""Photo credits inside caption texts: "Texte. © AFP", "Texte (Photo : Jean Roux)", "Texte. — C. Lenoir / Le Journal"."""
from __future__ import annotations

import re

from newsarchive.extraction.vocabulary.furniture_wording import RESERVED_RIGHTS
from newsarchive.extraction.vocabulary.labels import PHOTO_AGENCIES, PHOTO_LABEL_WORDS, PHOTO_LABELS
from newsarchive.text import SENTENCE_ENDS, clean_text, holds_any, may_hold_word

_COPYRIGHT = re.compile(r"[(\[]?\s*(?:©|\(c\)|copyright\b)\s*:?\s*", re.IGNORECASE)
COPYRIGHT_WORDS = ("©", "(c)", "copyright")  # every form of _COPYRIGHT holds one of these
# "Texte. Photo : X", "(Photo: AFP)", "Crédit : Jean Dupont"
_LABELLED = re.compile(
    r"(?:(?:^|(?<=[\s.;,(\[|/–—-]))[(\[]?\s*" + PHOTO_LABELS + r"(?:\s*:|\s+[/|–—-]\s)"  # "Photo d'illustration / X"
    + r"|(?:^|(?<=[.;(\[|/–—-])|(?<=[.;(\[|/–—-]\s))[(\[]?\s*" + PHOTO_LABELS + r"\s+(?:by|de|par|von|di)\b)"
    + r"\s*(?P<credit>[^()\[\]:]+?(?:\s*\([^()\[\]:]*\))?)\s*[)\]]?\s*$",  # "Foto: Getty Images (Symbolbild)"
    re.IGNORECASE,
)
# "Texte / Reuters", "Texte | AFP", "Texte - AFP"
_TRAILING_SEPARATED = re.compile(r"^(?P<text>.+?)\s+[/|–—-]\s+(?P<credit>[^/|]{1,80})$")
# "Texte | JEAN DUPONT / OUEST-FRANCE": a credit in capitals after a separator, as regional papers write theirs, after
# a text that is not in capitals itself.
_CAPITALS_AFTER_SEPARATOR = re.compile(
    r"^(?=[^|–—]*[a-zß-öø-ÿ])(?P<text>.+?)\s+[|–—-]\s+(?P<credit>[^|–—]{1,80})$"
)
_TRAILING_PARENS = re.compile(r"^(?P<text>.*?)\s*\((?P<credit>[^()]{1,80})\)\s*$")
_LAST_SENTENCE = re.compile(rf"^(?P<text>.*[{SENTENCE_ENDS}])\s+(?P<credit>[^.!?…]{{1,80}})$")
# "Texte. Photo Marc Duret", "Texte. – Photo J.-M. R.": a label without a colon after a sentence, then names.
_LABEL_AFTER_SENTENCE = re.compile(
    rf"^(?P<text>.*[{SENTENCE_ENDS}])\s+(?:[|/–—-]\s+)?" + PHOTO_LABELS + r"\s+(?P<credit>[^!?…:]{1,80})$", re.IGNORECASE
)
# "Texte (photo Marc Duret)": the same in parentheses at the end.
_LABEL_IN_PARENS = re.compile(
    r"^(?P<text>.*?)\s*\(\s*" + PHOTO_LABELS + r"\s+(?P<credit>[^():]{1,80}?)\s*\)$", re.IGNORECASE
)
# "Texte | Photo Marc Duret", "Texte – Photo JR": the same after a spaced separator.
_LABEL_AFTER_SEPARATOR = re.compile(
    r"^(?P<text>.*?)\s+[|–—-]\s+" + PHOTO_LABELS + r"\s+(?P<credit>[^|:]{1,80})$", re.IGNORECASE
)
# "Texte. — C. Lenoir / Le Journal", "Texte. | Léa Roy / Le Journal", "Texte. - RhôneMag": a spaced dash, bar or hyphen
# after the last sentence opens the credit.
_DASHED_AFTER_SENTENCE = re.compile(rf"^(?P<text>.*?[{SENTENCE_ENDS}])\s+[–—|-]\s+(?P<credit>[^–—|]{{1,80}})$")
# "Photo Marc Duret", "Crédit photo Mairie": the text of an element holding a credit alone, its label first.
_LEADING_LABEL = re.compile(r"^" + PHOTO_LABELS + r"\s*:?\s+(?P<credit>[^:]{1,80})$", re.IGNORECASE)
_LABEL_ALONE = re.compile(rf"\W*{PHOTO_LABELS}\W*", re.IGNORECASE)
_FINAL_INITIAL = re.compile(r"(?:^|[\s.-])[^\W\d_]\.[\s)\]]*$")  # "Martine G.", "J.-M. R.)"
_NAME_JOINS = frozenset({"/", "&", "et", "de", "du", "des", "d’", "d'", "la", "le", "van", "von", "-", "–"})
_MAX_CREDIT_WORDS = 8
_RIGHTS_RESERVED = re.compile(rf"[\s.,;:|/–—-]*\b(?:{RESERVED_RIGHTS})\W*$", re.IGNORECASE)


def _credit_like(text: str) -> bool:
    """A short name list that names a photo agency or a licence ("John Doe/AFP")."""
    return len(text.split()) <= _MAX_CREDIT_WORDS and bool(PHOTO_AGENCIES.search(text))


def _names_like(text: str) -> bool:
    """A short run of capitalised words joined by "/", "&" or particles ("C. Lenoir / Le Journal"), a brand's capital
    second ("iGeneration")."""
    words = text.replace("/", " / ").split()
    if not words or len(words) > _MAX_CREDIT_WORDS:
        return False
    return all(word[0].isupper() or word[1:2].isupper() or word.casefold() in _NAME_JOINS for word in words)


def _credit_split(text: str, labelled: bool):
    """The first (pattern, accepts credit) whose pattern splits ``text`` into a text and an accepted credit;
    ``labelled`` tells whether the text may hold a photo label (:func:`_may_be_labelled`).

    A name list after a spaced dash or after the last sentence ("Texte. Jean Roux / AFP") is taken whole
    before a trailing "/ AFP" would cut it in two. A pattern is tried only on a text that holds one of the
    characters every match of it holds.
    """
    for pattern, accepts, needs in _CREDIT_SPLITS:
        if not (labelled if needs is _A_LABEL else holds_any(text, needs)):
            continue
        found = pattern.match(text)
        if found and accepts(found.group("credit")):
            return found
    return None


def _words_of_the_text(after_label: str, colon: bool) -> bool:
    """Whether what follows a photo label is words of the text, no credit: in lower case right after the label
    (``photo de groupe``), or after its colon a sentence longer than a credit that opens with no capital (``Source :
    les chiffres de l'Insee montrent que…``, ``Crédits : 2,5 millions d'euros sont inscrits au budget…``)."""
    if not colon:
        return after_label[:1].islower()
    return not after_label[:1].isupper() and len(after_label.split()) > _MAX_CREDIT_WORDS


def _names_or_credit(text: str) -> bool:
    return _names_like(text) or _credit_like(text)


def _opens_as_a_name(text: str) -> bool:
    """A credit in brackets after its label (``(Photo Les Amis du lavoir)``): names, a credit, or words opening with a
    capital, a name's (an association's), not a sentence's (``(photo prise depuis le ponton)``)."""
    return _names_or_credit(text) or text[:1].isupper() and len(text.split()) <= _MAX_CREDIT_WORDS


def _in_capitals(text: str) -> bool:
    """A short line in capitals of five letters at least (``OUEST-FRANCE``): an acronym of the caption (``- CGT``) is
    no credit."""
    return text.isupper() and sum(character.isalpha() for character in text) >= 5 \
        and len(text.split()) <= _MAX_CREDIT_WORDS


def _slashed_names(text: str) -> bool:
    return "/" in text and _names_like(text)


def _parted_names(text: str) -> bool:
    """Names parted by a slash, or by a spaced hyphen between a title's and a person's names (``Courrier du Midi -
    Julien Roques``, ``DDM - Julien Roques``: two words on each side at least, or an acronym; not ``Paris - Lyon``)."""
    if _slashed_names(text):
        return True
    sides = text.split(" - ")
    return len(sides) == 2 and _names_like(text) and all(
        len(side.split()) >= 2 or side.strip().isupper() and len(side.strip()) >= 2 for side in sides)


def _credit_or_slashed_names(text: str) -> bool:
    """A credit in brackets at the end: an agency's, or names parted by a slash, three words at least (``(Le
    Télégramme/Yann Kervella)``; not ``(Paris/Lyon)``)."""
    return _credit_like(text) or _slashed_names(text) and len(text.replace("/", " ").split()) >= 3


_A_LABEL = None  # what the _LABEL_* patterns need: a photo label, not a character
_SPACED_DASHES = "–—|-"  # the dashes, bar or hyphen that part a caption's last sentence from its credit
#: (pattern, accepts its credit, the characters of which every match holds one, or _A_LABEL)
_CREDIT_SPLITS = (
    (_LABEL_IN_PARENS, _opens_as_a_name, _A_LABEL), (_TRAILING_PARENS, _credit_or_slashed_names, ")"),
    (_LABEL_AFTER_SENTENCE, _names_or_credit, _A_LABEL), (_DASHED_AFTER_SENTENCE, _names_or_credit, _SPACED_DASHES),
    (_LAST_SENTENCE, _parted_names, SENTENCE_ENDS), (_LABEL_AFTER_SEPARATOR, _names_or_credit, _A_LABEL),
    # capitals after the last sentence, a hyphen in them ("… soir. MIDI GARRIGUES - PIERRE SAUMADE"), then after a
    # separator
    (_LAST_SENTENCE, _in_capitals, SENTENCE_ENDS), (_CAPITALS_AFTER_SEPARATOR, _in_capitals, "|–—-"),
    (_TRAILING_SEPARATED, _credit_like, "/|–—-"), (_LAST_SENTENCE, _credit_like, SENTENCE_ENDS),
)


# A second label before the names, after the first's colon: "Photo : crédit Léa Roy", "Crédit : photo Léa Roy" (only
# these two words: an agency's name may open with another label's, "Picture Alliance", "Image Source").
_SECOND_LABEL = re.compile(r"cr[ée]dits?(?:\s+photos?)?\s*:?\s+|photos?\s*:?\s+", re.IGNORECASE)


def _strip_credit(credit: str) -> str | None:
    """A credit without the punctuation around it, but the full stop of a final initial (``Martine G.``), without a
    second label before capitalised names (``crédit Léa Roy``) and without the reserved rights after it (``Léa Roy /
    Le Journal - Tous droits réservés``)."""
    credit = _RIGHTS_RESERVED.sub("", credit).lstrip()
    second = _SECOND_LABEL.match(credit)
    if second and credit[second.end():second.end() + 1].isupper():
        credit = credit[second.end():]
    stripped = credit.strip(" \t.;,:-–—|/()[]")
    if stripped and _FINAL_INITIAL.search(credit):  # the stripping ends at the initial's letter: its stop goes back
        return stripped + "."
    if stripped.count("(") > stripped.count(")"):  # "Léa Roy (Getty)": the parenthesis closes in the credit
        stripped += ")"
    return stripped or None


_SEPARATORS_BEFORE = " ([|/–—-"  # what parts a caption's text from the credit's mark or label after it


def split_credit(text: str) -> tuple[str, str | None]:
    """Split a caption into (text, credit); credit None when the caption names none.

    >>> split_credit("Le maire à Lyon. © AFP")
    ('Le maire à Lyon.', 'AFP')
    """
    text = clean_text(text or "")
    if not text:
        return "", None
    found = _COPYRIGHT.search(text) if may_hold_word(text, COPYRIGHT_WORDS) else None
    if found:  # (the separator before the mark is neither's: "… de Montauban - © Reflets")
        return text[:found.start()].rstrip(_SEPARATORS_BEFORE), _strip_credit(text[found.end():])
    labelled = may_hold_word(text, PHOTO_LABEL_WORDS)  # the patterns are searched only in a text that may match
    found = _LABELLED.search(text) if labelled else None
    if found and _words_of_the_text(found.group("credit"), ":" in text[found.start():found.start("credit")]):
        found = None  # "photo de groupe", "Source : les chiffres de l'Insee montrent que…": words of the text
    if found:
        return text[:found.start()].rstrip(_SEPARATORS_BEFORE), _strip_credit(found.group("credit"))
    found = _credit_split(text, labelled)
    if found:
        return found.group("text").strip(), _strip_credit(found.group("credit"))
    if _credit_like(text) and len(text.split()) <= 4:
        return "", _strip_credit(text)
    return text, None


def names_a_credit(text: str) -> bool:
    """Whether a text names a photo's credit by a copyright sign or a photo's label (``… © Léa Roy``,
    ``… Photo : Léa Roy``, ``… (photo Léa Roy)``), not by its form alone (``… / AFP``)."""
    return (may_hold_word(text, COPYRIGHT_WORDS) or may_hold_word(text, PHOTO_LABEL_WORDS)) \
        and split_credit(text)[1] is not None


def is_photo_label(text: str) -> bool:
    """Whether a text is a photo's label and nothing else (``Photo d'illustration``, ``(Photo d'archives)``): what
    is left of a caption once its credit is set apart."""
    return _LABEL_ALONE.fullmatch(text) is not None


def credit_alone(text: str) -> str | None:
    """The credit of a text that is nothing else (``© Léa Roy``, ``Photo : Léa Roy``, ``Photo Léa Roy``, ``AFP``), else
    None."""
    own_text, credit = split_credit(text)
    if credit and not own_text:
        return credit
    return None if credit else _labelled_credit(own_text)


def is_labelled_credit(text: str) -> bool:
    """Whether a text is a photo's label and the names it credits, without a colon (``Photo Léa Roy``, ``Crédit photo
    Mairie de Lyon``): a credit's line, no one's signature nor a line of the text."""
    return _labelled_credit(text) is not None


def _labelled_credit(text: str) -> str | None:
    found = _LEADING_LABEL.match(text)
    return _strip_credit(found.group("credit")) if found and _names_or_credit(found.group("credit")) else None


def element_credit(text: str) -> str | None:
    """The credit of an element that holds one alone (``span.credit``): its text without a label (``Photo : X``,
    ``Photo X``), a copyright sign (``© X``) or the punctuation around it (``| X``, ``(X)``)."""
    own_text, own_credit = split_credit(text)
    if own_credit and (_COPYRIGHT.search(text) or not _names_like(_unlabelled(own_text))):
        return own_credit
    if own_credit:  # "Léa Roy / Hans Lucas": no caption before the agency but the names of the credit
        own_text = clean_text(text)
    return _strip_credit(_unlabelled(own_text))  # (its separator or brackets too: "| OUEST-ATLANTIQUE", "(Léa Roy)")


def _unlabelled(text: str) -> str:
    """A credit's text without the photo label before it (``Photo Léa Roy``, ``Foto: Léa Roy``)."""
    found = _LEADING_LABEL.match(text)
    return found.group("credit") if found else text
