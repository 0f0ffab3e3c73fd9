"""Text helpers, one function for each text operation that extraction, storage and analysis share:
spacing, comparison keys and folding."""

from __future__ import annotations

import re
import unicodedata

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


def may_hold_word(text: str, words) -> bool:
    """False when ``text`` surely holds none of the lower-case ``words`` in any case: the cheap first test of a text
    before case-blind patterns whose every match holds one of ``words`` are searched in it."""
    if any(letter in text for letter in CASE_BLIND_ODD_LETTERS):
        return True
    lowered = text.lower()
    return any(word in lowered for word in words)


def text_key(text: str | None) -> str:
    """Comparison key of a text: whitespace collapsed, case folded."""
    return clean_text(text).casefold()


def reduced_text(text: str) -> str:
    """Letters and digits only, case folded: ``"Le Monde — Politique"`` -> ``"lemondepolitique"``."""
    return _NOT_ALNUM.sub("", text.casefold())


def fold_text(text: str) -> str:
    """Casefolded text without accents: ``"École"`` -> ``"ecole"``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def normalise_text(text: str) -> str:
    """Folded text with punctuation and symbols turned into spaces and runs of spaces collapsed."""
    folded = fold_text(text)
    kept = (char if unicodedata.category(char)[0] in "LN" else " " for char in folded)
    return " ".join("".join(kept).split())
