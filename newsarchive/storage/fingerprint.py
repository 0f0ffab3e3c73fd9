"""Content fingerprints: the same article text gives the same fingerprint, whatever page it came from.

The fingerprint is the SHA-1 of the headline and the body paragraphs after folding away what a
re-publication or a different template changes without changing the text: case, accents,
punctuation, typographic quotes and spacing.
"""

from __future__ import annotations

import hashlib

from newsarchive.text import normalise_text

FINGERPRINT_VERSION = "v1"


def body_paragraphs(record: dict) -> list[str]:
    """The paragraphs of a record's sections, in order (sub-headings left out)."""
    paragraphs = []
    for section in record.get("sections") or ():
        if isinstance(section, dict):
            paragraphs.extend(p for p in section.get("paragraphs") or () if isinstance(p, str))
    return paragraphs


def content_fingerprint(record: dict) -> str | None:
    """Fingerprint of the headline and body of an article record, or None when it has no body text.

    Without body text there is nothing that identifies the content, and two different empty
    articles sharing a headline must not be taken for one.
    """
    body = normalise_text(" ".join(body_paragraphs(record)))
    if not body:
        return None
    headline = normalise_text(record.get("headline") or "")
    digest = hashlib.sha1(f"{headline}\n{body}".encode("utf-8")).hexdigest()
    return f"{FINGERPRINT_VERSION}:{digest}"
