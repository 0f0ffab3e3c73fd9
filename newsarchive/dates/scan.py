"""Finding date expressions inside longer text: every expression of a text, and a text's published and modified parts."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from newsarchive.dates.patterns import DATE_LABELS, DIGIT, RELATIVE_WORD, SCAN_PREREQUISITES, SCANNED, TIME_ONLY

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
    held = {DIGIT: DIGIT.search(text) is not None, RELATIVE_WORD: RELATIVE_WORD.search(text) is not None}
    spans = sorted(
        (match.start(), -match.end())
        for pattern in scanned
        if held.get(SCAN_PREREQUISITES.get(pattern), True)
        for match in pattern.finditer(text)
        if pattern is not TIME_ONLY or match.group("minute")
    )
    found, last_end = [], -1
    for start, negative_end in spans:
        if start >= last_end:
            found.append(text[start:-negative_end].strip())
            last_end = -negative_end
    return found


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
    return DATE_LABELS.search(normalise_unicode(text)) is not None


def _labelled_segments(text: str) -> list[tuple[str, str]]:
    """(kind, text) pairs: the text after each published/modified label, up to the next label."""
    labels = list(DATE_LABELS.finditer(text))
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
