"""Turning what a person types into a safe SQLite FTS5 query.

The rules, close to those of web search engines:

- words are all required: ``climat paris``;
- ``"double quotes"`` search a phrase; a trailing ``*`` searches a prefix: ``gouvern*``;
- ``OR`` (in capitals) between two terms accepts either: ``canicule OR sécheresse``;
- ``-word`` (or ``NOT word``) excludes articles with that word;
- case and accents do not matter, as in the index (``unicode61 remove_diacritics 2``);
- a word with inner punctuation is a phrase of its parts, as the index splits it:
  ``etats-unis`` searches ``"etats unis"`` and finds ``États-Unis``.

Every term reaches FTS5 as a quoted string, so no input can inject FTS5 syntax; what cannot be
understood raises :class:`InvalidQuery` with a message for a person.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from newsarchive.fulltext.french import tokens as index_tokens  # noqa: F401 (the index's tokens)

FTS_COLUMNS = ("headline", "lead", "body")
OPERATORS = ("OR", "NOT", "AND")


class InvalidQuery(ValueError):
    """A search query that cannot be turned into an FTS5 query."""


@dataclass
class Term:
    tokens: list[str]
    prefix: bool = False
    quoted: bool = False  # written in double quotes: a phrase, matched as written
    word: str = ""  # as typed, for the French analysis

    def fts(self) -> str:
        return '"' + " ".join(self.tokens) + '"' + ("*" if self.prefix else "")

    @property
    def exact(self) -> bool:
        """Whether the term matches words as written: a quoted phrase or a prefix."""
        return self.quoted or self.prefix


@dataclass
class ParsedQuery:
    clauses: list[list[Term]] = field(default_factory=list)  # all required, each a list of alternatives
    excluded: list[Term] = field(default_factory=list)


def to_fts_query(text: str, columns: list[str] | None = None) -> str:
    """The FTS5 query for the search ``text``, optionally restricted to some of FTS_COLUMNS."""
    parsed = parse_query(text)
    expression = " AND ".join(_clause(alternatives) for alternatives in parsed.clauses)
    if parsed.excluded:
        expression = f"({expression}) NOT ({' OR '.join(term.fts() for term in parsed.excluded)})"
    if columns:
        unknown = sorted(set(columns) - set(FTS_COLUMNS))
        if unknown:
            raise InvalidQuery(f"cannot search in {', '.join(unknown)} (only {', '.join(FTS_COLUMNS)})")
        expression = "{" + " ".join(dict.fromkeys(columns)) + "} : (" + expression + ")"
    return expression


def _clause(alternatives: list[Term]) -> str:
    if len(alternatives) == 1:
        return alternatives[0].fts()
    return "(" + " OR ".join(term.fts() for term in alternatives) + ")"


def parse_query(text: str) -> ParsedQuery:
    """Split a search into required clauses (with their OR alternatives) and excluded terms."""
    parsed, pending_or, negate = ParsedQuery(), False, False
    for word, quoted in _words(unicodedata.normalize("NFC", text or "")):
        if not quoted and word in OPERATORS:
            pending_or, negate = _operator(word, parsed, pending_or, negate)
            continue
        if not quoted and word.startswith("-") and len(word) > 1:
            negate, word = True, word[1:]
        term = _term(word, quoted)
        if term is None:
            continue
        if negate:
            parsed.excluded.append(term)
        elif pending_or:
            parsed.clauses[-1].append(term)
        else:
            parsed.clauses.append([term])
        pending_or = negate = False
    _check_complete(parsed, pending_or, negate)
    return parsed


def _operator(word: str, parsed: ParsedQuery, pending_or: bool, negate: bool) -> tuple[bool, bool]:
    if pending_or or negate:
        raise InvalidQuery(f"{word} cannot follow {'OR' if pending_or else 'NOT'}: put a word between them")
    if word == "OR":
        if not parsed.clauses:
            raise InvalidQuery("OR must stand between two words or phrases")
        return True, False
    if word == "NOT":
        return False, True
    return False, False  # AND is what juxtaposition already means


def _check_complete(parsed: ParsedQuery, pending_or: bool, negate: bool) -> None:
    if pending_or:
        raise InvalidQuery("OR must stand between two words or phrases")
    if negate:
        raise InvalidQuery("NOT must be followed by a word or phrase to exclude")
    if not parsed.clauses:
        if parsed.excluded:
            raise InvalidQuery("a search needs at least one word that is not excluded")
        raise InvalidQuery("the search has no word to look for")


def _words(text: str):
    """(word, was it in double quotes) pairs; a word keeps a trailing ``*`` of its own."""
    position, length = 0, len(text)
    while position < length:
        char = text[position]
        if char.isspace():
            position += 1
        elif char == '"':
            end = text.find('"', position + 1)
            if end < 0:
                raise InvalidQuery("a double quote is not closed")
            phrase, position = text[position + 1:end], end + 1
            if position < length and text[position] == "*":
                phrase, position = phrase + "*", position + 1
            yield phrase, True
        else:
            end = position
            while end < length and not text[end].isspace() and text[end] != '"':
                end += 1
            yield text[position:end], False
            position = end


def _term(word: str, quoted: bool) -> Term | None:
    prefix = word.rstrip().endswith("*")
    tokens = index_tokens(word)
    if not tokens:
        if prefix:
            raise InvalidQuery("a * must end a word or phrase, as in gouvern*")
        return None
    return Term(tokens, prefix, quoted, word)
