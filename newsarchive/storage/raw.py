"""Compression of the raw pages kept in the archive for re-extraction."""

from __future__ import annotations

import re
import zlib

DEFAULT_COMPRESSION = "zlib"
ZLIB_LEVEL = 6

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


class UnknownCompression(ValueError):
    """A stored page names a compression this version cannot read."""


def compress(body: bytes, compression: str = DEFAULT_COMPRESSION) -> bytes:
    """The compressed form of a page body."""
    if compression == "zlib":
        return zlib.compress(body, ZLIB_LEVEL)
    if compression == "identity":
        return bytes(body)
    raise UnknownCompression(f"unknown compression {compression!r}")


def decompress(blob: bytes, compression: str) -> bytes:
    """The page body stored as ``blob`` with ``compression``."""
    if compression == "zlib":
        try:
            return zlib.decompress(blob)
        except zlib.error as exc:
            raise ValueError(f"corrupt zlib page body: {exc}") from exc
    if compression == "identity":
        return bytes(blob)
    raise UnknownCompression(f"unknown compression {compression!r}")


def declared_encoding(headers: dict | None) -> str | None:
    """The charset of the Content-Type header, lower-cased, or None."""
    content_type = (headers or {}).get("content-type") or ""
    match = _CHARSET.search(content_type)
    return match.group(1).lower() if match else None
