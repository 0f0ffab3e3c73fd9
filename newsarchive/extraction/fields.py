"""The article fields, declared once: ``@field`` on a page method makes it a field, with its kind and meaning.

A field's kind says how a site's CSS selector reads it (:mod:`.selectors`), what the record holds when no layer
finds it (None, or an empty list) and, for dates, that the record also keeps the raw text (``<field>_raw``).
Every list of fields is derived from the declarations on :class:`~newsarchive.extraction.page.ArticlePage`
(:mod:`.record`): the record's keys and their order, the list-valued and date fields, the fields a site's
selectors may name, the archive's content fields, the golden tests and the record table of docs/architecture.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

#: one text
TEXT = "text"
#: a list of texts (names, tags), one per element the selector matches
NAMES = "names"
#: a breadcrumb: the list of a trail's labels
TRAIL = "trail"
#: a date: the record holds it in ISO 8601 and keeps the raw text as ``<field>_raw``
DATE = "date"
#: an absolute URL
URL = "url"
#: a list of mappings read from the content element (sections, captions): no selector of its own
BLOCKS = "blocks"
LIST_KINDS = frozenset({NAMES, TRAIL, BLOCKS})

#: what a site's selectors may name besides the fields: the element holding the body
CONTENT = "content"


@dataclass(frozen=True)
class Field:
    """One field of the record: its name, kind, meaning (the record table of docs/architecture.md), whether a
    site's selectors may name it, and how a value read with a site's selector is cleaned."""

    name: str
    kind: str
    meaning: str
    selectable: bool = True
    clean: Callable | None = None

    @property
    def empty(self):
        """The record's value when nothing gives the field."""
        return [] if self.kind in LIST_KINDS else None


def field(kind: str, meaning: str, *, clean: Callable | None = None):
    """Method decorator: the method reads the field of its name, of ``kind``; ``meaning`` is what the record's
    value is; ``clean`` cleans the value a site's selector read (blocks have no selector)."""

    def declare(method):
        method.declared_field = Field(method.__name__, kind, meaning, selectable=kind != BLOCKS, clean=clean)
        return method

    return declare


@cache
def declared_fields(page_class: type) -> dict[str, Field]:
    """The fields declared on ``page_class`` and its bases, by name, in the order of declaration (bases first);
    a subclass that overrides a field method keeps the field's declaration unless it declares it again."""
    found: dict[str, Field] = {}
    for klass in reversed(page_class.__mro__):
        for name, member in vars(klass).items():
            declared = getattr(member, "declared_field", None)
            if isinstance(declared, Field):
                found[name] = declared
    return found


def selectable_names(fields: dict[str, Field]) -> frozenset[str]:
    """What a site's selectors may name: the selectable fields and ``content``."""
    return frozenset({CONTENT, *(name for name, declared in fields.items() if declared.selectable)})
