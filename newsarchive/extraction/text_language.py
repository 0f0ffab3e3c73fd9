"""The language of an article's text when its page does not say it (no ``lang``, ``og:locale`` nor
``inLanguage``), or says another than the French its text reads as (a French site left with its CMS's ``en-US``):
py3langid's classifier on the text's first characters, imported by the first page that needs it (its model takes
about half a second to load)."""

from __future__ import annotations

import re
from collections.abc import Iterable

_MIN_CHARS = 200  # a shorter text is too little to tell a language by
_READ_CHARS = 2_000  # the first characters of the text say its language as well as the whole (and in bounded time)
# French function words: a text of another language holds few of them (a cheap test before the classifier is asked)
_FRENCH_WORDS = re.compile(r"(?<!\w)(?:les|des|une|est|dans|pour|qui|pas|sur|avec|sont|aux|du|été|cette|mais)(?!\w)")
_MIN_FRENCH_WORDS = 6  # in the first _TESTED_CHARS characters
_TESTED_CHARS = 600


def text_language(paragraphs: Iterable[str]) -> str | None:
    """The ISO 639-1 code of the language of a text's ``paragraphs`` (``fr``), read up to their first
    ``_READ_CHARS`` characters, or None for a text too short to tell."""
    text = _opening(paragraphs)
    if len(text) < _MIN_CHARS:
        return None
    from py3langid import classify  # noqa: PLC0415 (loaded on first use, see the module's docstring)

    language, _ = classify(text)
    return language


def written_in_french(paragraphs: Iterable[str]) -> bool:
    """Whether a text's ``paragraphs`` are French: many French function words in their opening, and the classifier
    agrees (it is asked only then)."""
    paragraphs = list(paragraphs)
    tested = _opening(paragraphs, _TESTED_CHARS).lower()
    return len(_FRENCH_WORDS.findall(tested)) >= _MIN_FRENCH_WORDS and text_language(paragraphs) == "fr"


def _opening(paragraphs: Iterable[str], size: int = _READ_CHARS) -> str:
    """The first ``size`` characters of the text, its whitespace collapsed."""
    read, length = [], 0
    for paragraph in paragraphs:
        read.append(" ".join(paragraph.split()))
        length += len(read[-1]) + 1
        if length >= size:
            break
    return " ".join(read)[:size]
