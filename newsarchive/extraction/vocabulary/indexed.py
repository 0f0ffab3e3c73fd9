"""The patterns readers query the page index with, and the index's own patterns built from their words: the page index
(:mod:`newsarchive.extraction.index`) keeps the elements whose attributes hold one of these words."""

from __future__ import annotations

import re

from newsarchive.extraction.vocabulary.classes import (
    AUTHOR_ICON_HINTS,
    BREADCRUMB_HINTS,
    BYLINE_HINTS,
    COPYRIGHT_BLOCK_HINTS,
    DATE_HINTS,
    ICON_FONT_HINTS,
    LEAD_HINTS,
    PAYWALL_BOX_WORDS,
    TAG_HINTS,
)
from newsarchive.extraction.vocabulary.images import MEDIA_WORDS

#: The patterns readers query the page index with, each with words of which every match holds one (a test checks
#: it): the index keeps the elements whose attributes hold one of these words, and ``matching`` refuses other patterns.
INDEXED_HINTS = {
    BYLINE_HINTS: (
        "byline", "author", "auteur", "signature", "createdby", "created-by", "writtenby", "written-by", "user-name",
    ),
    AUTHOR_ICON_HINTS: (
        "fa-user", "fa-pen", "icon-user", "icon-author", "admin-users", "bi-person", "glyphicon-user", "ti-user",
        "la-user",
    ),
    LEAD_HINTS: (
        "chap", "standfirst", "lead", "intro", "excerpt", "summary", "accroche", "desc", "subtitle", "sub-title",
        "sous-titre", "soustitre", "subheadline", "deck", "dek", "abstract", "resum", "résum", "teaser-text",
        "attribute-short",
    ),
    TAG_HINTS: (
        "tag", "keyword", "mots-cl", "motscl", "topic", "subjects", "sujet", "theme", "thematique", "thématique",
        "tiquette", "schlagw",
    ),
    COPYRIGHT_BLOCK_HINTS: ("footer", "copyright", "legal", "mentions", "contentinfo", "pied"),
    BREADCRUMB_HINTS: ("crumb", "ariane", "fil d", "miette", "arbo", "hierarchie", "chemin", "ici"),
    DATE_HINTS: (
        "date", "time", "publi", "meta", "byline", "modified", "lastmod", "posted", "submitted", "dtstart", "fecha",
        "info",
    ),
    PAYWALL_BOX_WORDS: (
        "paywall", "poool", "piano", "tp-", "abowall", "abo-wall", "subscriberwall", "subscriber-wall", "regwall",
    ),
    ICON_FONT_HINTS: ("material-icons", "material-symbols"),
}


def _any_word(words) -> str:
    """A pattern that finds any of ``words``, written as a tree of shared prefixes: many times faster to search than
    the plain alternation on the thousands of class names of a page."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        by_first.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, rests in by_first.items():
        if "" in rests:  # the shorter word is found wherever a longer one is
            branches.append(re.escape(first))
        elif len(rests) == 1:
            branches.append(re.escape(first + rests[0]))
        else:
            branches.append(f"{re.escape(first)}(?:{_any_word(rests)})")
    return "|".join(branches)


#: Any word of :data:`INDEXED_HINTS`: the elements the page index keeps.
INDEX_HINT = re.compile(_any_word(word for words in INDEXED_HINTS.values() for word in words))
#: Any word of :data:`INDEX_HINT` or of :data:`MEDIA_WORDS`: one search tells most labels apart from both (most hold none).
INDEX_OR_MEDIA_HINT = re.compile(
    _any_word([*(word for words in INDEXED_HINTS.values() for word in words), *MEDIA_WORDS])
)
