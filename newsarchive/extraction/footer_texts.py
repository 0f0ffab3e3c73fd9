"""The texts of a page's footer read from their end, where its copyright line is, and the site's years and name its
colophon writes (the copyright line of a page that writes no other)."""

from __future__ import annotations

import re

from newsarchive.extraction.heuristics import hints
from newsarchive.extraction.vocabulary.classes import COLOPHON_HINTS
from newsarchive.text import clean_text

LEFT_OUT = ("script", "style", "noscript", "figure", "figcaption")  # no copyright line of the page in these
LEFT_OUT_TAGS = frozenset(LEFT_OUT)
# A site's years and its name without a mark, in its footer's colophon: SPIP's Zpip templates ("2009-2025 — Harmonie
# municipale de Montbard"), Spipr's without the dash; the copyright line of a page that writes no other.
_YEARS_THEN_NAME = re.compile(r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s+(?:[—–-]\s+)?[^\W\d_][^|·•]{1,80}")


def texts_backwards(root, left_out=frozenset()):
    """``(text, element holding it)`` of the texts under ``root`` outside scripts, styles, figures and the ``left_out``
    elements (their tails are read), last first: the line is near the end, where the walk stops (a query would read
    every text of the block first)."""
    if root.tag in LEFT_OUT_TAGS or next(root.iterancestors(*LEFT_OUT), None) is not None:
        return
    stack = [(root, reversed(root))]
    while stack:  # no recursion: pages nest deep
        element, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if element.text:
                yield element.text, element
            continue
        if child.tail:
            yield child.tail, element
        if isinstance(child.tag, str) and child.tag not in LEFT_OUT_TAGS and child not in left_out:
            stack.append((child, reversed(child)))


def colophon_line(footers: list) -> str | None:
    """The last line of the footers that writes the site's years and its name alone, in an element classed as their
    colophon or copyright (``<p class="colophon">2009-2025 — Harmonie municipale de Montbard<br>…``)."""
    for footer in reversed(footers):
        for text, holder in texts_backwards(footer):
            line = clean_text(text)
            if _YEARS_THEN_NAME.fullmatch(line) and _in_colophon(holder, footer):
                return line
    return None


def _in_colophon(element, footer) -> bool:
    """Whether ``element``, or one of its ancestors up to ``footer``, is classed as a colophon or a copyright."""
    for holder in (element, *element.iterancestors()):
        if COLOPHON_HINTS.search(hints(holder)):
            return True
        if holder is footer:
            return False
    return False
