"""Finding date expressions inside longer text: every expression of a text, and a text's published and modified parts."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from newsarchive.dates.patterns import DATE_LABELS, DATE_PATTERNS, LABEL_WORDS, SCAN_PREREQUISITES, SCANNED, TIME_ONLY
from newsarchive.text import CASE_BLIND_ODD_LETTERS, may_hold_word

MAX_DATE_TEXT = 80  # longer text is not one date expression with words around it


def normalise_unicode(text: str) -> str:
    """NFKC text with typographic apostrophes as ``'`` (``1ᵉʳ`` -> ``1er``, ``aujourd’hui`` -> ``aujourd'hui``)."""
    return unicodedata.normalize("NFKC", text).replace("’", "'")


def find_date_strings(text: str | None) -> list[str]:
    """The French or English date expressions of ``text``, in order (ISO, numeric, textual, relative, times)."""
    if not isinstance(text, str):
        return []
    return non_overlapping(normalise_unicode(text), SCANNED)


def non_overlapping(text: str, scanned: tuple[re.Pattern, ...]) -> list[str]:
    """Matched texts, leftmost first and longest at a given start; bare times count only with their minutes."""
    spans = sorted(
        (match.start(), -match.end())
        for pattern in _possible(text, scanned)
        for match in pattern.finditer(text)
        if pattern is not TIME_ONLY or match.group("minute")
    )
    found, last_end = [], -1
    for start, negative_end in spans:
        if start >= last_end:
            found.append(text[start:-negative_end].strip())
            last_end = -negative_end
    return found


# The prerequisites as bits, each with its search: a pattern's in the text, a tuple of words' in the lower-cased text
# (:func:`~newsarchive.text.may_hold_word` with the words as one pattern, searched at once).  Each scanned tuple's
# patterns and the bits they need are found by the tuple's id: a compiled pattern hashes its whole program, which
# costs more than a search when it is a dictionary key.
_TESTS = tuple(dict.fromkeys(test for tests in SCAN_PREREQUISITES.values() for test in tests))
_SEARCHES = tuple(
    (test.search, False) if isinstance(test, re.Pattern) else (re.compile("|".join(map(re.escape, test))).search, True)
    for test in _TESTS
)


def _plan(scanned: tuple[re.Pattern, ...]) -> tuple[tuple[re.Pattern, int], ...]:
    return tuple(
        (pattern, sum(1 << _TESTS.index(test) for test in SCAN_PREREQUISITES.get(pattern, ()))) for pattern in scanned
    )


_PLANS = {id(scanned): (scanned, _plan(scanned)) for scanned in (SCANNED, DATE_PATTERNS)}


def _possible(text: str, scanned: tuple[re.Pattern, ...]) -> list[re.Pattern]:
    """The patterns of ``scanned`` whose prerequisites (:data:`~.patterns.SCAN_PREREQUISITES`) the text holds."""
    known = _PLANS.get(id(scanned))
    plan = known[1] if known is not None and known[0] is scanned else _plan(scanned)
    # a letter that case-blind patterns read otherwise than lower() does: any word may be there
    odd = not text.isascii() and any(letter in text for letter in CASE_BLIND_ODD_LETTERS)
    lowered, held = text.lower(), 0
    for bit, (search, in_lowered) in enumerate(_SEARCHES):
        if (odd or search(lowered) is not None) if in_lowered else search(text) is not None:
            held |= 1 << bit
    return [pattern for pattern, needed in plan if held & needed == needed]


@lru_cache(maxsize=1024)
def split_published_modified(text: str | None) -> tuple[str | None, str | None]:
    """Split visible text such as ``Publié le … Mis à jour le …`` into its raw published and modified dates.

    Either part may be None (the split is kept: a page's date lines are read for both dates).  Text before any label counts as the published date unless a published label comes
    later.  Each part is the date expression found after its label, or the short text after it when no expression is
    recognised (so that the raw value is kept).
    """
    if not isinstance(text, str):
        return None, None
    text = normalise_unicode(text)
    parts: dict[str, str | None] = {"published": None, "modified": None}
    for kind, segment in _labelled_segments(text):
        if parts[kind] is None:
            parts[kind] = _date_part(segment)
    return parts["published"], parts["modified"]


def has_date_label(text: str) -> bool:
    """Whether ``text`` names a published or modified date (``Publié le``, ``Mise en ligne``, ``Mis à jour``)."""
    text = normalise_unicode(text)
    return may_hold_word(text, LABEL_WORDS) and DATE_LABELS.search(text) is not None


def _labelled_segments(text: str) -> list[tuple[str, str]]:
    """(kind, text) pairs: the text after each published/modified label, up to the next label."""
    labels = list(DATE_LABELS.finditer(text)) if may_hold_word(text, LABEL_WORDS) else []
    segments = []
    if not any(label.group("published") for label in labels):
        segments.append(("published", text[: labels[0].start()] if labels else text))
    ends = [label.start() for label in labels[1:]] + [len(text)]
    for label, end in zip(labels, ends):
        segments.append(("published" if label.group("published") else "modified", text[label.end() : end]))
    return segments


def _date_part(segment: str) -> str | None:
    found = find_date_strings(segment)
    if found:
        return found[0]
    segment = segment.strip(" .,;:|·()[]-–—")
    if re.search(r"\d", segment) and len(segment) <= MAX_DATE_TEXT:
        return segment
    return None
