"""French analysis for full-text search: elision, case and accent folding, Snowball stemming.

The archive keeps, next to each article's headline, lead and body, the same text with every word
replaced by its stem (``retraites`` -> ``retrait``), word for word: the n-th token of the stemmed
text is the stem of the n-th token of the original. That shadow text is indexed with SQLite's
standard ``unicode61 remove_diacritics 2`` tokenizer (which folds case and accents), so any SQLite
client can read and query it, and FTS5's ``snippet()``/``highlight()`` — which read the original
text and take the match positions from the index — mark the original words.

Tokens are cut as unicode61 cuts them (letters, digits, marks and private-use characters; all
else separates), so the alignment holds. Queries go through the same stemmer; an elided article
at the start of a query word (``l'``, ``d'``, ``qu'``…) is dropped, as in Lucene's French analyzer.
The stemmer is Snowball's French algorithm from PyStemmer (Snowball's own C code).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import Stemmer

# Articles and pronouns elided before a vowel: l'état, d'abord, qu'il, jusqu'à, lorsqu'on…
ELIDED = frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"})
APOSTROPHES = ("'", "’")
# Function words a French query leaves out when it has other words, as PostgreSQL's and Lucene's
# French analyses do: "la retraite" finds "retraites" without a "la" (they stay in the index).
STOP_WORDS = frozenset("""
a à au aux avec ce ces cet cette d dans de des du en et il ils l la le les leur leurs lui ma mes
mon ne nos notre on ou par pas pour qu que qui sa se ses son sur ta tes ton un une vos votre y
""".split())
# A word typed without accents may be a participle or a noun whose ending the stemmer reads by its
# accent (annoncée, créées, première, société): such a query word also searches the stem of the
# accented ending. The pairs are the accented endings of Snowball's French suffixes.
UNACCENTED_ENDINGS = (("erent", "èrent"), ("ieres", "ières"), ("iere", "ière"), ("ites", "ités"), ("ite", "ité"),
                      ("ees", "ées"), ("ee", "ée"), ("es", "és"), ("e", "é"))


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("french")


def is_token_char(char: str) -> bool:
    """Whether unicode61 keeps ``char`` inside a token (letters, numbers, marks, private use)."""
    category = unicodedata.category(char)
    return category[0] in "LNM" or category == "Co"


def _is_mark_or_private(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] == "M" or category == "Co"


LETTERS_AND_NUMBERS = re.compile(r"[^\W_]+")  # \w less "_" is exactly the letters and numbers
NEITHER_WORD_NOR_SPACE = re.compile(r"[^\w\s]")


def token_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each token of ``text``, as the index's tokenizer cuts it.

    Runs of letters and numbers, found by a regular expression, unless the text holds marks or
    private-use characters (which ``\\w`` leaves out): such text is cut character by character."""
    if any(_is_mark_or_private(char) for char in set(NEITHER_WORD_NOR_SPACE.findall(text))):
        yield from _spans_by_character(text)
    else:
        for match in LETTERS_AND_NUMBERS.finditer(text):
            yield match.span()


def _spans_by_character(text: str) -> Iterator[tuple[int, int]]:
    start = None
    for position, char in enumerate(text):
        if is_token_char(char):
            if start is None:
                start = position
        elif start is not None:
            yield start, position
            start = None
    if start is not None:
        yield start, len(text)


def tokens(text: str) -> list[str]:
    """The tokens of ``text``; a token of marks alone is dropped, as unicode61 drops it."""
    return [text[start:end] for start, end in token_spans(text)
            if text[start].isalnum() or _has_base_char(text[start:end])]


def _has_base_char(token: str) -> bool:
    return any(unicodedata.category(char)[0] != "M" for char in token)


def stems(words: list[str]) -> list[str]:
    """The Snowball stem of each word (lower-cased first; accents are kept for the stemmer, whose
    rules use them, and folded by the index)."""
    stemmed = _stemmer().stemWords([word.lower() for word in words])
    return [stem or word for stem, word in zip(stemmed, words, strict=True)]


def stemmed_text(text: str | None) -> str | None:
    """``text`` with every token replaced by its stem, one token for one: the indexed shadow text."""
    if text is None:
        return None
    return " ".join(stems(tokens(text)))


def query_stems(word: str) -> list[str]:
    """The stems a query word searches for, an elided article at its start left out:
    ``"l’Économie"`` -> ``["économ"]``, ``"États-Unis"`` -> ``["état", "unis"]``."""
    spans = [span for span in token_spans(word) if _has_base_char(word[span[0]:span[1]])]
    if len(spans) > 1 and _is_elision(word, spans[0]):
        spans = spans[1:]
    return stems([word[start:end] for start, end in spans])


def _is_elision(word: str, span: tuple[int, int]) -> bool:
    start, end = span
    return word[start:end].lower() in ELIDED and word[end:end + 1] in APOSTROPHES


def is_stop_word(word: str) -> bool:
    """Whether a query word is a function word only (``la``, ``du``, ``l’``…)."""
    return [token.lower() for token in tokens(word)] in ([stop] for stop in STOP_WORDS)


def query_alternatives(word: str) -> list[list[str]]:
    """The stem sequences a query word searches for (any of them): its stems, and for a single word
    typed without accents, the stems of its accented ending too (``climatisee`` -> ``climatis``)."""
    stemmed = query_stems(word)
    alternatives = [stemmed]
    if len(stemmed) == 1 and word.isascii():
        for variant in _accented_variants(tokens(word)[-1]):
            if (candidate := stems([variant])) not in alternatives:
                alternatives.append(candidate)
    return alternatives


def _accented_variants(word: str) -> list[str]:
    lowered = word.lower()
    for plain, accented in UNACCENTED_ENDINGS:
        if lowered.endswith(plain) and len(lowered) > len(plain) + 1:
            return [lowered[: -len(plain)] + accented]
    return []
