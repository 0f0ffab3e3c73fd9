"""Scrapy's HTTP/1.1 download handler, refusing an answer whose status line and headers pass
``NEWSARCHIVE_MAX_HEADER_SIZE`` bytes: ``DOWNLOAD_MAXSIZE`` counts the body only, and Twisted keeps any number of
header lines (each under its line limit of 16 KiB) until ``DOWNLOAD_TIMEOUT``.

A browser stops at about as much (Chromium reads 256 KiB of headers, curl 300 KB); a real site sends a few KiB.
The refused answer fails its request as a connection lost in its headers does (``DownloadFailedError``), with one
warning and ``newsarchive/headers_too_large``. Scrapy replaces the parser of each request of its protocol by its
lenient one (it skips header lines without a colon); this handler's protocol replaces it by a subclass of it that
counts the bytes of the lines it reads.
"""

from __future__ import annotations

import logging
from functools import partial

from scrapy.core.downloader.handlers.http11 import (
    HTTP11DownloadHandler,
    _LenientHTTP11ClientFactory,
    _LenientHTTP11ClientProtocol,
    _LenientHTTPClientParser,
)

logger = logging.getLogger(__name__)


class HeadersTooLarge(Exception):
    """An answer's status line and headers pass ``NEWSARCHIVE_MAX_HEADER_SIZE``."""


class BoundedHeadersDownloadHandler(HTTP11DownloadHandler):
    """``DOWNLOAD_HANDLERS`` for http and https: Scrapy's handler with the header bound (0: none, as Scrapy's)."""

    def __init__(self, crawler):
        super().__init__(crawler)
        limit = crawler.settings.getint("NEWSARCHIVE_MAX_HEADER_SIZE")
        if limit > 0:
            self._pool._factory = partial(_BoundedClientFactory, limit=limit, stats=crawler.stats)


class _BoundedClientFactory(_LenientHTTP11ClientFactory):
    def __init__(self, quiescent_callback, metadata, *, limit: int, stats):
        super().__init__(quiescent_callback, metadata)
        self.limit, self.stats = limit, stats

    def buildProtocol(self, addr):
        protocol = _BoundedClientProtocol(self._quiescentCallback)
        protocol.header_limit, protocol.stats = self.limit, self.stats
        return protocol


class _BoundedClientProtocol(_LenientHTTP11ClientProtocol):
    header_limit: int
    stats: object

    def request(self, request):
        answer = super().request(request)
        parser = self._parser  # the request's parser, made by the call above (None if it was not sent)
        if parser is not None:
            parser.__class__ = _BoundedParser
            parser.header_limit, parser.header_bytes, parser.stats = self.header_limit, 0, self.stats
        return answer


class _BoundedParser(_LenientHTTPClientParser):
    """Reads lines (the status line and the headers) up to ``header_limit`` bytes in all; the body is read in raw
    mode, not by lines."""

    header_limit: int
    header_bytes: int
    stats: object

    def lineReceived(self, line: bytes) -> None:
        self.header_bytes += len(line) + 1  # the line and its "\n"
        if self.header_bytes > self.header_limit:
            self.stats.inc_value("newsarchive/headers_too_large")
            logger.warning("Refused: the headers of %s pass %d bytes (NEWSARCHIVE_MAX_HEADER_SIZE)",
                           self.request.absoluteURI.decode("ascii", "replace"), self.header_limit)
            # raised to the protocol, which drops the connection and fails the request with it
            raise HeadersTooLarge(f"response headers over {self.header_limit} bytes (NEWSARCHIVE_MAX_HEADER_SIZE)")
        super().lineReceived(line)
