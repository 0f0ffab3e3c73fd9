"""WARC/1.1 records of HTTP exchanges, each serialised as its own gzip member (pure: no Scrapy here).

A record is built with warcio and compressed as a separate gzip member, so that any record can be
read alone at its offset, and a file cut short after a member is still a valid WARC file.
:func:`software_info` gives the warcinfo fields that name the software, for a crawl's files and the writer's.
"""

from __future__ import annotations

import socket
import zlib
from dataclasses import dataclass
from http import HTTPStatus
from importlib.metadata import version
from io import BytesIO
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsarchive import __version__

WARC_VERSION = "WARC/1.1"
GZIP_LEVEL = 6  # warcio's own gzip wrapper uses 9: much slower, barely smaller on HTML
NOT_MODIFIED_PROFILE = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
# Headers that describe the transfer, not the body the record holds (the body is already de-chunked).
TRANSFER_HEADERS = ("transfer-encoding",)
ORIGINAL_HEADER_PREFIX = "X-Newsarchive-Orig-"
# A raw page's body is decoded: these headers no longer describe it.
DECODED_PAGE_HEADERS = ("content-encoding", "content-length", "transfer-encoding")


@dataclass
class HttpExchange:
    """One request and the response it got, as the crawler saw them."""

    url: str
    method: str
    request_headers: list[tuple[str, str]]
    request_body: bytes
    status: int
    response_headers: list[tuple[str, str]]
    body: bytes  # as served: still content-encoded (gzip...), but not chunked
    protocol: str = "HTTP/1.1"
    ip_address: str | None = None


@dataclass
class SerialisedRecord:
    """A record ready to append: its gzip member, id, type and payload digest."""

    data: bytes
    record_id: str
    record_type: str
    payload_digest: str | None


def _builder() -> WARCWriter:
    return WARCWriter(BytesIO(), gzip=False, warc_version=WARC_VERSION)


def serialise(record) -> SerialisedRecord:
    """The record as one gzip member."""
    buffer = BytesIO()
    WARCWriter(buffer, gzip=False, warc_version=WARC_VERSION).write_record(record)
    compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, zlib.MAX_WBITS + 16)
    data = compressor.compress(buffer.getvalue()) + compressor.flush()
    headers = record.rec_headers
    return SerialisedRecord(data, headers.get_header("WARC-Record-ID"), headers.get_header("WARC-Type"),
                            headers.get_header("WARC-Payload-Digest"))


def warcinfo_record(filename: str, fields: dict[str, str]) -> SerialisedRecord:
    return serialise(_builder().create_warcinfo_record(filename, fields))


def software_info() -> dict[str, str]:
    """The fields of a warcinfo record that name the software, the format and the host."""
    return {
        "software": f"newsarchive/{__version__} (Scrapy/{version('scrapy')}; warcio/{version('warcio')})",
        "format": "WARC File Format 1.1",
        "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
        "hostname": socket.gethostname(),
    }


def exchange_records(exchange: HttpExchange, *, warc_date: str | None = None) -> list[SerialisedRecord]:
    """The response record (a ``server-not-modified`` revisit for a 304), then the request record."""
    builder = _builder()
    response = _response(builder, exchange, warc_date)
    request = builder.create_warc_record(
        exchange.url, "request", payload=BytesIO(exchange.request_body), length=len(exchange.request_body),
        http_headers=StatusAndHeaders(_request_line(exchange), exchange.request_headers, is_http_request=True),
        warc_headers_dict={"WARC-Date": response.rec_headers.get_header("WARC-Date"),
                           "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID")})
    return [serialise(response), serialise(request)]


def response_record(exchange: HttpExchange, *, warc_date: str | None = None) -> SerialisedRecord:
    """The response record alone (a revisit for a 304), where the request as sent is not known (a raw page)."""
    return serialise(_response(_builder(), exchange, warc_date))


def _response(builder: WARCWriter, exchange: HttpExchange, warc_date: str | None):
    response_headers = StatusAndHeaders(_status_line(exchange), _stored_headers(exchange.response_headers),
                                        protocol=exchange.protocol)
    warc_headers = {"WARC-Date": warc_date or builder.curr_warc_date()}
    if exchange.ip_address:
        warc_headers["WARC-IP-Address"] = exchange.ip_address
    if exchange.status == HTTPStatus.NOT_MODIFIED:
        response = builder.create_warc_record(exchange.url, "revisit", http_headers=response_headers,
                                              warc_headers_dict=warc_headers)
        response.rec_headers.add_header("WARC-Profile", NOT_MODIFIED_PROFILE)
        return response
    return builder.create_warc_record(exchange.url, "response", payload=BytesIO(exchange.body),
                                      length=len(exchange.body), http_headers=response_headers,
                                      warc_headers_dict=warc_headers)


def page_exchange(page: dict) -> HttpExchange:
    """The response of a raw page (as the crawl stores it: decoded body, headers by lower-case name), for
    a response record; the request as sent is not part of a raw page."""
    headers = [(name, value) for name, value in (page.get("headers") or {}).items()
               if name not in DECODED_PAGE_HEADERS]
    return HttpExchange(url=page.get("final_url") or page.get("url"), method="GET", request_headers=[],
                        request_body=b"", status=page.get("status") or 200, response_headers=headers,
                        body=page.get("body") or b"")


def page_warc_date(fetched_at: str | None) -> str | None:
    """``2025-08-01T10:00:00+00:00`` -> ``2025-08-01T10:00:00Z`` (fetch times are stored in UTC)."""
    return fetched_at.replace("+00:00", "Z") if fetched_at and fetched_at.endswith("+00:00") else None


def _status_line(exchange: HttpExchange) -> str:
    try:
        reason = HTTPStatus(exchange.status).phrase
    except ValueError:
        reason = ""
    return f"{exchange.status} {reason}".strip()


def _request_line(exchange: HttpExchange) -> str:
    parts = urlsplit(exchange.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return f"{exchange.method} {target} {exchange.protocol}"


def _stored_headers(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The response headers, those of the transfer renamed (the record's body is not chunked)."""
    return [(ORIGINAL_HEADER_PREFIX + name if name.lower() in TRANSFER_HEADERS else name, value)
            for name, value in headers]
