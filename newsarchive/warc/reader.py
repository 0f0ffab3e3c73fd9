"""Reading WARC records back: one record at its offset, or every HTTP response of a file, as pages.

A page is the dict the pipelines know as a raw page (``url``, ``final_url``, ``status``, ``headers``
with lower-cased names, ``body`` with its content-encoding undone, ``fetched_at``: the WARC-Date)
plus ``warc``, where its record lies.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsarchive.warc.files import RecordLocation

# The body of a page is read with its content-encoding undone: these headers no longer describe it.
DECODED_HEADERS = ("content-encoding", "content-length")
GZIP_MAGIC = b"\x1f\x8b"


class WarcReadError(Exception):
    """A WARC record cannot be read (missing file, wrong offset, damaged data)."""


@dataclass
class ReadPosition:
    """How far a streaming read has gone in its file (for progress bars)."""

    offset: int = 0


def read_page(path: Path, offset: int, stored_name: str | None = None) -> dict:
    """The page of the response record at ``offset`` in ``path``."""
    try:
        with open(path, "rb") as stream:
            stream.seek(offset)
            iterator = ArchiveIterator(stream)
            record = next(iterator, None)
            if record is None or record.rec_type != "response":
                raise WarcReadError(f"no response record at offset {offset} of {path}")
            return _page(record, RecordLocation(stored_name or str(path), offset, 0, "", None), iterator)
    except (OSError, ArchiveLoadFailed, ValueError) as exc:
        raise WarcReadError(f"cannot read the record at offset {offset} of {path}: {exc}") from exc


def iter_responses(path: Path, stored_name: str | None = None, position: ReadPosition | None = None,
                   *, max_size: int = 0) -> Iterator[dict]:
    """The HTTP responses of a WARC file, as pages, streamed in file order (other records skipped).

    A body larger than ``max_size`` bytes (when not 0) is not read: the page has ``body`` None.
    """
    check_is_warc(path)
    try:
        with open(path, "rb") as stream:
            iterator = ArchiveIterator(stream)
            for record in iterator:
                if position is not None:
                    position.offset = stream.tell()
                page = None
                if record.rec_type == "response" and _is_http(record):
                    page = _page(record, RecordLocation(stored_name or str(path), -1, 0, "", None), iterator, max_size)
                else:
                    iterator.read_to_end(record)
                _check_complete(record, path)
                if page is not None:
                    yield page
    except (ArchiveLoadFailed, ValueError) as exc:
        raise WarcReadError(f"{path} is not a readable WARC file: {exc}") from exc


def _check_complete(record, path: Path) -> None:
    """Raise WarcReadError when the file ended before the record's declared length (a file cut short, a bogus
    ``Content-Length``): the record and whatever its length swallowed cannot be read."""
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:
        raise WarcReadError(f"{path} is cut short: its {record.rec_type} record of "
                            f"{record.rec_headers.get_header('WARC-Target-URI') or 'no URI'} declares "
                            f"{record.length} bytes, {missing} of them missing")


def check_is_warc(path: Path) -> None:
    """Raise WarcReadError unless the file starts like a WARC file (plain or gzip)."""
    with open(path, "rb") as stream:
        start = stream.read(4096)
    if start[:2] == GZIP_MAGIC:
        start = zlib.decompressobj(zlib.MAX_WBITS + 16).decompress(start, 16)
    if not start.startswith(b"WARC/"):
        raise WarcReadError(f"{path} is not a WARC file (it does not start with a WARC record)")


def _is_http(record) -> bool:
    content_type = record.rec_headers.get_header("Content-Type") or ""
    return record.http_headers is not None and "application/http" in content_type


def _page(record, location: RecordLocation, iterator: ArchiveIterator, max_size: int = 0) -> dict:
    body = record.content_stream().read(max_size + 1) if max_size else record.content_stream().read()
    if max_size and len(body) > max_size:
        body = None
    iterator.read_to_end(record)  # before asking where the record lies: that would skip its content
    headers = record.rec_headers
    if location.offset < 0:
        location.offset = iterator.get_record_offset()
    location.length = iterator.get_record_length()
    location.record_id = headers.get_header("WARC-Record-ID")
    location.payload_digest = headers.get_header("WARC-Payload-Digest")
    url = headers.get_header("WARC-Target-URI")
    location.date = warc_date_iso(headers.get_header("WARC-Date"))
    return {
        "url": url,
        "final_url": url,
        "status": int(record.http_headers.get_statuscode() or 0) or None,
        "headers": {name.lower(): value for name, value in record.http_headers.headers
                    if name.lower() not in DECODED_HEADERS},
        "body": body,
        "fetched_at": location.date,
        "warc": location.as_dict(),
    }


def warc_date_iso(warc_date: str | None) -> str | None:
    """``2025-08-01T10:00:00Z`` (or with a fraction) -> ``2025-08-01T10:00:00+00:00``."""
    if not warc_date:
        return None
    try:
        moment = datetime.fromisoformat(warc_date.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")
