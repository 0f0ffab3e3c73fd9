"""HTTP answers of the sample site, independent of any server: status, headers, body, validators."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

from newsarchive.sample_site.frenchdates import http_date

HTML = "text/html; charset=UTF-8"
XML = "text/xml; charset=UTF-8"
RSS = "application/rss+xml; charset=UTF-8"
TEXT = "text/plain; charset=utf-8"
JSON = "application/json; charset=UTF-8"


@dataclass
class Response:
    """One answer. ``etag`` is the quoted entity tag; 200 answers without one get a body hash."""

    status: int
    body: bytes = b""
    content_type: str | None = HTML
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: datetime | None = None

    @classmethod
    def text(cls, status: int, body: str, content_type: str = HTML, **kwargs) -> Response:
        return cls(status, body.encode("utf-8"), content_type, **kwargs)

    @classmethod
    def redirect(cls, location: str, status: int = 301) -> Response:
        return cls(status, b"", HTML, headers={"Location": location})

    def header_items(self) -> list[tuple[str, str]]:
        items = []
        if self.content_type:
            items.append(("Content-Type", self.content_type))
        if self.etag:
            items.append(("ETag", self.etag))
        if self.last_modified:
            items.append(("Last-Modified", http_date(self.last_modified)))
        items += self.headers.items()
        return items


def body_etag(body: bytes) -> str:
    return f'"{hashlib.md5(body).hexdigest()[:20]}"'


def lower_keys(headers: Mapping[str, str]) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}


def is_not_modified(response: Response, request_headers: Mapping[str, str]) -> bool:
    """Whether the request's validators (lower-case header names) match the response (RFC 9110)."""
    if_none_match = request_headers.get("if-none-match")
    if if_none_match is not None:
        if not response.etag:
            return False
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or response.etag.removeprefix("W/") in tags
    if_modified_since = request_headers.get("if-modified-since")
    if if_modified_since and response.last_modified:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=timezone.utc)
        return response.last_modified.replace(microsecond=0) <= since
    return False


def not_modified(response: Response) -> Response:
    headers = {name: value for name, value in response.headers.items() if name.lower() != "content-length"}
    return Response(304, b"", None, headers, response.etag, response.last_modified)
