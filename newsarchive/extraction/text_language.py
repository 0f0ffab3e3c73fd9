"""The language of an article's text when its page does not say it (no ``lang``, ``og:locale`` nor
``inLanguage``): py3langid's classifier on the text's first characters, imported by the first page that needs it (its
model takes about half a second to load)."""

from __future__ import annotations

from collections.abc import Iterable

_MIN_CHARS = 200  # a shorter text is too little to tell a language by
_READ_CHARS = 2_000  # the first characters of the text say its language as well as the whole (and in bounded time)


def text_language(paragraphs: Iterable[str]) -> str | None:
    """The ISO 639-1 code of the language of a text's ``paragraphs`` (``fr``), read up to their first
    ``_READ_CHARS`` characters, or None for a text too short to tell."""
    read, size = [], 0
    for paragraph in paragraphs:
        read.append(" ".join(paragraph.split()))
        size += len(read[-1]) + 1
        if size >= _READ_CHARS:
            break
    text = " ".join(read)[:_READ_CHARS]
    if len(text) < _MIN_CHARS:
        return None
    from py3langid import classify  # noqa: PLC0415 (loaded on first use, see the module's docstring)

    language, _ = classify(text)
    return language
