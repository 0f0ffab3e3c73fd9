"""Bounded reading of documents that may be gzip files (sitemaps, feeds): never more than a limit of inflated bytes.

A 3 MB gzip file may inflate to 3 GB. The bytes are inflated chunk by chunk (every gzip member, as
``gzip`` does) and :class:`TooLarge` is raised as soon as more than the limit has come out, so memory
stays bounded whatever the file says. Bodies that are not gzip are read as they are, chunk by chunk.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

GZIP_MAGIC = b"\x1f\x8b"
CHUNK = 64 * 1024


class TooLarge(ValueError):
    """The document inflates to more than the limit."""

    def __init__(self, limit: int):
        super().__init__(f"inflates to more than {limit} bytes")
        self.limit = limit


class BadGzip(ValueError):
    """The document starts like a gzip file but cannot be inflated."""


def is_gzip(body: bytes) -> bool:
    return body[:2] == GZIP_MAGIC


def inflated_chunks(body: bytes, limit: int, chunk: int = CHUNK) -> Iterator[bytes]:
    """The document's bytes (gunzipped when it is a gzip file) in chunks of at most ``chunk`` bytes.

    Raises :class:`TooLarge` once more than ``limit`` bytes would come out (the chunks before are
    yielded), :class:`BadGzip` for a corrupt gzip file.
    """
    total = 0
    for piece in _gunzipped(body, chunk) if is_gzip(body) else _slices(body, chunk):
        total += len(piece)
        if total > limit:
            raise TooLarge(limit)
        yield piece


def inflate(body: bytes, limit: int) -> bytes:
    """The whole document (gunzipped when gzip); raises :class:`TooLarge` past ``limit`` bytes."""
    return b"".join(inflated_chunks(body, limit))


def _slices(body: bytes, chunk: int) -> Iterator[bytes]:
    view = memoryview(body)
    for start in range(0, len(body), chunk):
        yield bytes(view[start:start + chunk])


def _gunzipped(body: bytes, chunk: int) -> Iterator[bytes]:
    data = body
    while data:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            while data and not inflater.eof:
                piece = inflater.decompress(data, chunk)
                data = inflater.unconsumed_tail
                if piece:
                    yield piece
                elif not data:
                    break
        except zlib.error as exc:
            raise BadGzip(f"unreadable gzip data: {exc}") from exc
        if not inflater.eof:
            raise BadGzip("truncated gzip data")
        data = inflater.unused_data.lstrip(b"\x00")  # the next member, if any (trailing padding ignored)
        if data and not is_gzip(data):
            break
