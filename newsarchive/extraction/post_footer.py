"""The byline of a blog post's footer: the one line of the article that says who posted it, and when (``Posté par
Léa Roy à 18:04``, Blogger's; ``Posté par Léa Roy le 12/03/2024 à 10:05``; ``Publié le 12 mars 2024 par Léa Roy``).

Read last, when no byline is marked as such nor stands near the headline: such a line follows the text, in the
article's footer. A page of several posts has several such lines and gives none.
"""

from __future__ import annotations

import re
from itertools import islice

from newsarchive.dates.patterns import DIGIT, POSTED_BY_AT
from newsarchive.extraction.furniture_lines import goes_on_as_a_sentence
from newsarchive.extraction.html import LINE_TAGS, all_text, element_text, holds_few_nodes
from newsarchive.extraction.vocabulary.labels import POST_SIGNATURE, POSTING_VERB
from newsarchive.text import clean_text, holds_any

_POSTED_BY_NAME = re.compile(r"(.*?\spar\s.+?)\s+(?:à|a)\s*$", re.IGNORECASE)  # "Posté par Léa Roy" of "… à 18:04"
# The cheap test of the article's text (its elements' texts glued) before Blogger's pattern is searched along it and
# its lines are read one by one (POST_SIGNATURE): a "par" before a capital (a plain word, found at once), with a
# posting verb in the characters before it. (The line's pattern searched along the whole text took 0.27 ms at the
# median article, 8 ms at the longest; Blogger's, 0.21 ms.)
_PAR_NAME = re.compile(r"\spar\s+(?=[A-ZÀ-ÖØ-Ý])")
_BEFORE_PAR = 60  # characters: the verb, the date of "le 12 mars 2024 à 10h05"
_POSTED_AT = ("osted at", "OSTED AT")  # Blogger's English footer without a name ("Posted at 6:45 PM")
_MAX_LINE = 150
_MAX_LINE_ELEMENTS = 8  # a line's elements: its names, its date, a link or two
_MAX_SIGNED_LINES = 8


def posted_by(scope) -> str | None:
    """The signed line of the post in ``scope`` (the article around the headline): ``Posté par Léa Roy`` of the one
    ``Posté par Léa Roy à 18:04``, else the one short line that opens as a signed line and holds a date; None for
    none, or several (a page of posts), and for a page without an article around its headline (``scope`` the whole
    page, or None)."""
    if scope is None or scope.getparent() is None:
        return None
    text = clean_text(all_text(scope))
    if not (_may_be_signed(text) or holds_any(text, _POSTED_AT)):
        return None  # most articles: the patterns below are not searched along their whole text
    found = list(islice(POSTED_BY_AT.finditer(text), 2))
    if found:
        named = _POSTED_BY_NAME.match(text[found[0].start():found[0].start("hour")]) if len(found) == 1 else None
        return named.group(1) if named else None  # ("Posted at 6:45 PM" names no one)
    return _signed_and_dated_line(scope)


def _may_be_signed(text: str) -> bool:
    """Whether the glued text of the article may hold a post's signed line (:data:`_PAR_NAME`)."""
    return any(POSTING_VERB.search(text, max(0, found.start() - _BEFORE_PAR), found.start())
               for found in _PAR_NAME.finditer(text))


def _signed_and_dated_line(scope) -> str | None:
    """The text of the one innermost short element of ``scope`` that opens as a post's signed line and holds a date
    (a block around it, holding its text and more, is passed over); None for none, or several."""
    found: dict = {}  # element -> its line, the innermost ones
    for element in scope.iter(*LINE_TAGS):
        if not holds_few_nodes(element, _MAX_LINE_ELEMENTS):
            continue  # a block of the page, not a line
        line = element_text(element)
        if len(line) <= _MAX_LINE and POST_SIGNATURE.match(line) and DIGIT.search(line) \
                and not goes_on_as_a_sentence(line):
            for outer in element.iterancestors():  # (page order: a block comes before the lines inside it)
                found.pop(outer, None)
            found[element] = line
            if len(found) > _MAX_SIGNED_LINES:
                return None  # a page of posts: no need to read them all
    lines = set(found.values())
    return lines.pop() if len(lines) == 1 else None
