"""Text helpers, one function for each text operation that extraction, storage and analysis share:
spacing, comparison keys and folding."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import product

_NOT_ALNUM = re.compile(r"[\W_]+")
# Letters that case-blind regular expressions read otherwise than str.lower() does ("İ" and "ı" as "i", "ſ" as "s").
CASE_BLIND_ODD_LETTERS = ("İ", "ı", "ſ")


def clean_text(text: str | None) -> str:
    """Collapse every run of whitespace (no-break spaces included) into one space, and strip."""
    if not text:
        return ""
    return " ".join(text.split())


def non_space_length(text: str) -> int:
    """Number of characters of ``text`` that are not whitespace."""
    return sum(map(len, text.split()))


def may_hold_word(text: str | bytes, words) -> bool:
    """False when ``text`` (a str or its UTF-8 bytes) surely holds none of the lower-case ``words`` in any case: the
    cheap first test of a text before case-blind patterns whose every match holds one of ``words`` are searched in it.

    What ``word in text.lower()`` tells, read in the UTF-8 bytes of the text with only their ASCII letters
    lowered (several times faster than ``str.lower()`` on a page's text): each word is looked for in every
    spelling whose lower case it is (``abonné``, ``abonnÉ``)."""
    data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    if any(letter in data for letter in _ODD_LETTER_BYTES):
        return True
    lowered = data.lower()
    return any(spelling in lowered for spelling in _byte_spellings(tuple(words)))


_ODD_LETTER_BYTES = tuple(letter.encode("utf-8") for letter in CASE_BLIND_ODD_LETTERS)


# Capitals that are not a letter's own upper case but lower to it (Kelvin sign, Ångström sign, Ohm sign, Greek
# theta symbol, capital sharp s), and the capital sigma, which lower() makes a final sigma at the end of a word.
_OTHER_CAPITALS = {"k": "\u212a", "å": "\u212b", "ω": "\u2126", "θ": "\u03f4", "ß": "\u1e9e", "ς": "Σ"}


def case_spellings(letter: str) -> set[str]:
    """The characters whose lower case is ``letter`` (``é`` -> ``{"é", "É"}``), but for ASCII capitals, which
    :func:`may_hold_word` lowers in the bytes; the capitals that lower to two characters (``İ``) are left out."""
    spellings = {letter, letter.upper(), letter.title(), _OTHER_CAPITALS.get(letter, letter)}
    return {char for char in spellings if len(char) == 1 and not (char.isascii() and char != letter)
            and (char.lower() == letter or _OTHER_CAPITALS.get(letter) == char)}


@lru_cache(maxsize=64)
def _byte_spellings(words: tuple[str, ...]) -> tuple[bytes, ...]:
    """The UTF-8 bytes of every spelling of ``words`` whose lower case is the word (kept: a few word lists)."""
    spellings = []
    for word in words:
        for letters in product(*(sorted(case_spellings(letter)) for letter in word)):
            spellings.append("".join(letters).encode("utf-8", "surrogatepass"))
    return tuple(spellings)


def text_key(text: str | None) -> str:
    """Comparison key of a text: whitespace collapsed, case folded."""
    return clean_text(text).casefold()


def reduced_text(text: str) -> str:
    """Letters and digits only, case folded: ``"Le Monde — Politique"`` -> ``"lemondepolitique"``."""
    return _NOT_ALNUM.sub("", text.casefold())


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
