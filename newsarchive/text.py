"""Text helpers, one function for each text operation that extraction, storage and analysis share:
spacing, comparison keys and folding."""

from __future__ import annotations

import re
import unicodedata
from itertools import islice

_NOT_ALNUM = re.compile(r"[\W_]+")
_WORD = re.compile(r"\w+")
# The marks that end a sentence (closing quotes after its stop included).
SENTENCE_ENDS = ".!?…»”"
_SENTENCE_END_MARKS = tuple(SENTENCE_ENDS)
# Words of a line ending as a sentence that make it a sentence of the text: a shorter one is a label's, a byline's or a
# line of details' (``Par Léa Roy.``, ``Mis à jour le 12 mars 2024.``).
SENTENCE_WORDS = 8
# The marks between the items of a line (``Par Léa Roy – 12 mars 2024 | 3 min``, ``Vie locale ● 12 mars 2024``).
LINE_SEPARATORS = "|·•●▪■–—-‐‑‒−"  # the last four: hyphen, non-breaking hyphen, figure dash, minus sign
# A separator between spaces, kept by a split (``[piece, separator, piece, …]``): a hyphen in a word parts nothing.
SPACED_SEPARATOR = re.compile(rf"(\s+[{re.escape(LINE_SEPARATORS)}]\s+)")
# Letters that case-blind regular expressions read otherwise than str.lower() does ("İ" and "ı" as "i", "ſ" as "s").
CASE_BLIND_ODD_LETTERS = ("İ", "ı", "ſ")


# Format characters that show nothing and part nothing: a soft hyphen (a word's possible break, ``&shy;``), a zero-width
# space, a word joiner, a byte order mark. The joiners that shape a script or an emoji (U+200C, U+200D) and the marks of
# a text's direction are kept.
_INVISIBLE = dict.fromkeys(map(ord, "\xad\u200b\u2060\ufeff"))


def clean_text(text: str | None) -> str:
    """Collapse every run of whitespace (no-break spaces included) into one space, and strip; without the invisible
    marks inside words (:data:`_INVISIBLE`: ``muni\xadcipal`` is ``municipal``, as a reader sees it and searches it)."""
    if not text:
        return ""
    stripped = text.strip()
    # A printable text holds no space but " " (every other one is a separator or a control character) and no invisible
    # mark (a format character): one without two spaces in a row is clean as it is, and most texts are (no split into
    # words and join).
    if stripped.isprintable() and "  " not in stripped:
        return stripped
    spaced = " ".join(stripped.split())
    # its spaces made single, a text is printable unless it holds a format character: the few that do lose the marks
    return spaced if spaced.isprintable() else " ".join(spaced.translate(_INVISIBLE).split())


def is_blank(text: str | None) -> bool:
    """Whether a text (an element's ``text`` or ``tail``, maybe None) shows nothing: empty or only whitespace."""
    return not text or text.isspace()


def without_outer_separators(text: str) -> str:
    """``text`` without the separators (:data:`LINE_SEPARATORS`) and spaces at its ends (``Par Léa Roy -``)."""
    return text.strip(" " + LINE_SEPARATORS)


def spaced_pieces(text: str) -> list[str]:
    """The pieces of a line parted by separators (:data:`LINE_SEPARATORS`) between spaces (``Vie locale · 12 mars 2024
    · 3 min``): a hyphen inside a word or a range (``Saint-Malo``, ``2010-2024``) parts nothing."""
    return [piece.strip() for piece in SPACED_SEPARATOR.split(text)[::2]]


def non_space_length(text: str) -> int:
    """Number of characters of ``text`` that are not whitespace."""
    return sum(map(len, text.split()))


def clean_non_space_length(cleaned: str) -> int:
    """:func:`non_space_length` of a :func:`clean_text` result, which holds single spaces only: counted without
    splitting it (for the many paragraphs measured)."""
    return len(cleaned) - cleaned.count(" ")


def word_count(text: str, at_most: int | None = None) -> int:
    """Number of words (runs of letters and digits) of ``text``, counted without making a string of each; with
    ``at_most``, counted up to that number only (a long text read only for whether it has enough words)."""
    if at_most is None:
        return _WORD.subn("", text)[1]
    return sum(1 for _ in islice(_WORD.finditer(text), at_most))


def ends_as_sentence(text: str, min_words: int = SENTENCE_WORDS) -> bool:
    """Whether ``text`` holds ``min_words`` words or more and ends as a sentence does (a full stop, ``!``, ``?``, an
    ellipsis, a closing quotation mark): a short line ending with a period is a label's (``Par Léa Roy.``); by
    default, whether a line is a sentence of the text (:data:`SENTENCE_WORDS`)."""
    return text.rstrip().endswith(_SENTENCE_END_MARKS) and len(text.split()) >= min_words


def in_lower_case_mostly(text: str, share: float = 0.6) -> bool:
    """Whether at least ``share`` of the words of ``text`` after its first open in lower case: a sentence's words,
    where a menu, a breadcrumb or a line of names and buttons capitalises most (``Accueil > Actualités > Société``)."""
    words = text.split()[1:]
    return bool(words) and sum(1 for word in words if word[:1].islower()) >= share * len(words)


def holds_any(text: str, pieces) -> bool:
    """Whether ``text`` holds one of ``pieces`` as it is written (case counts)."""
    for piece in pieces:  # a plain loop: no generator made for each of the many short texts asked
        if piece in text:
            return True
    return False


def without_pieces(text: str, pieces) -> str:
    """``text`` with each of ``pieces`` in it replaced by a space (the words said besides them)."""
    for piece in pieces:
        text = text.replace(piece, " ")
    return text


def may_hold_word(text: str, words) -> bool:
    """False when ``text`` surely holds none of the lower-case ``words`` in any case: the cheap first test of a text
    before case-blind patterns whose every match holds one of ``words`` are searched in it."""
    return holds_any(text, CASE_BLIND_ODD_LETTERS) or holds_any(text.lower(), words)


def text_key(text: str | None) -> str:
    """Comparison key of a text: whitespace collapsed, case folded."""
    return clean_text(text).casefold()


def reduced_text(text: str) -> str:
    """Letters and digits only, case folded: ``"Le Monde — Politique"`` -> ``"lemondepolitique"``."""
    return _NOT_ALNUM.sub("", text.casefold())


def folded_reduced_text(text: str) -> str:
    """Letters and digits only, case and accents folded: ``"Économie & Société"`` -> ``"economiesociete"``."""
    return reduced_text(fold_text(text))


class _CharacterMap(dict):
    """A ``str.translate`` table that computes each character's replacement when first met, and keeps it
    for the scripts of most text (below ``_KEPT_BELOW``): the table stays small whatever the input."""

    def __init__(self, replace):
        super().__init__()
        self.replace = replace

    def __missing__(self, code: int) -> str | None:
        replacement = self.replace(chr(code))
        if code < _KEPT_BELOW:
            self[code] = replacement
        return replacement


_KEPT_BELOW = 0x3000  # Latin, Greek, Cyrillic, … , combining marks, general punctuation, symbols
_WITHOUT_MARKS = _CharacterMap(lambda char: None if unicodedata.combining(char) else char)


def fold_text(text: str) -> str:
    """Casefolded text without accents: ``"École"`` -> ``"ecole"``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return decomposed if decomposed.isascii() else decomposed.translate(_WITHOUT_MARKS)


def normalise_text(text: str) -> str:
    """Folded text with punctuation and symbols turned into spaces and runs of spaces collapsed: letters
    and digits (Unicode categories L and N, which is what ``[^\\W_]`` matches) are kept."""
    return _NOT_ALNUM.sub(" ", fold_text(text)).strip()
