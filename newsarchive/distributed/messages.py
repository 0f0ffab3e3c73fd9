"""What workers push to Redis for the writer: JSON messages, raw page bodies compressed and base64-encoded.

Kinds: ``article`` (an extracted record with its raw page), ``page`` (a 304 or 404/410 answer to a
re-check, no body), ``duplicate`` (URLs of an article dropped as a copy of another, for the writer
to record) and ``stats`` (a worker's crawl stats when it closes, added to the writer's run).
"""

from __future__ import annotations

import base64
import json
from datetime import date, datetime

from newsarchive.storage.raw import DEFAULT_COMPRESSION, compress, decompress


def article_message(record: dict, raw: dict, fingerprint: str | None) -> bytes:
    raw = dict(raw)
    body = raw.pop("body", None)
    if body is not None:
        raw["body_compressed"] = base64.b64encode(compress(body)).decode("ascii")
        raw["body_compression"] = DEFAULT_COMPRESSION
    return _dumps({"kind": "article", "record": record, "raw": raw, "fingerprint": fingerprint})


def page_message(raw: dict) -> bytes:
    return _dumps({"kind": "page", "raw": {key: value for key, value in raw.items() if key != "body"}})


def duplicate_message(urls: list[str], original_url: str, seen_at: str | None) -> bytes:
    return _dumps({"kind": "duplicate", "urls": urls, "original_url": original_url, "seen_at": seen_at})


def stats_message(crawl: str, stats: dict) -> bytes:
    numbers = {name: value for name, value in stats.items()
               if isinstance(value, int | float) and not isinstance(value, bool)}
    return _dumps({"kind": "stats", "crawl": crawl, "stats": numbers})


def read_message(data: bytes) -> dict:
    """The message pushed as ``data``; an article's raw page gets its ``body`` back. Raises ValueError
    for data that is not a message."""
    try:
        message = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a JSON message: {exc}") from exc
    if not isinstance(message, dict) or message.get("kind") not in ("article", "page", "duplicate", "stats"):
        raise ValueError("not a newsarchive message")
    raw = message.get("raw")
    if isinstance(raw, dict) and "body_compressed" in raw:
        raw["body"] = decompress(base64.b64decode(raw.pop("body_compressed")), raw.pop("body_compression"))
    return message


def _dumps(message: dict) -> bytes:
    return json.dumps(message, ensure_ascii=False, default=_jsonable).encode("utf-8")


def _jsonable(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
