"""Downloader middleware that writes every response the crawl receives into gzip WARC/1.1 files.

Settings: ``NEWSARCHIVE_WARC`` (on by default; off raises NotConfigured), ``NEWSARCHIVE_WARC_DIR``
(empty: ``warc/`` beside the archive, i.e. ``data/warc/`` for the default archive; a Redis worker, which
has no archive, has no WARC middleware unless it is set) and
``NEWSARCHIVE_WARC_MAX_SIZE`` (bytes at which a file is rolled). It sits next to the downloader,
so it sees each response as served (redirects, errors, robots.txt; a 304 becomes a revisit record)
before decompression, and the request as sent; a response served again without a download (flagged
``cached``: robots.txt for the spider) is not recorded twice. Where the response record lies, and its
WARC-Date (the fetch time), is put in the request's meta under ``newsarchive_warc`` for the spider to
pass on with the page.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.httpobj import urlparse_cached

from newsarchive.crawl.robots import REUSED
from newsarchive.storage.location import archive_path
from newsarchive.warc.files import (TRUNCATED_TAIL_STAT, WRITE_FAILED_STAT, WarcFiles, report_leftovers,
                                   warc_directory, written_stats)
from newsarchive.warc.records import HttpExchange, exchange_records, software_info

logger = logging.getLogger(__name__)

META_KEY = "newsarchive_warc"


class WarcMiddleware:
    def __init__(self, crawler, files: WarcFiles):
        self.crawler = crawler
        self.stats = crawler.stats
        self.files = files

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        # switched off, or no archive to write WARC files beside (NEWSARCHIVE_STORE off) and no NEWSARCHIVE_WARC_DIR:
        # as asked, so nothing to warn about (a NotConfigured with a message is logged as a warning)
        if not settings.getbool("NEWSARCHIVE_WARC") or (
                not settings.getbool("NEWSARCHIVE_STORE") and not settings.get("NEWSARCHIVE_WARC_DIR")):
            raise NotConfigured
        files = WarcFiles(warc_directory(settings), archive_path(settings).parent,
                          max_size=settings.getint("NEWSARCHIVE_WARC_MAX_SIZE"), info=run_info(crawler))
        files.info["isPartOf"] = f"newsarchive crawl {crawler.spidercls.name} {files.run_name}"
        middleware = cls(crawler, files)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self, spider) -> None:
        truncated = report_leftovers(self.files.directory)
        if truncated:
            self.stats.inc_value(TRUNCATED_TAIL_STAT, truncated)

    def process_response(self, request, response):
        if REUSED in response.flags:  # served again without a download: recorded when it was fetched
            return response
        fetched = datetime.now(timezone.utc).replace(microsecond=0)
        try:
            records = exchange_records(http_exchange(request, response), warc_date=f"{fetched:%Y-%m-%dT%H:%M:%SZ}")
            locations = self.files.append(records, date=fetched.isoformat())
        except OSError as exc:
            self.stats.inc_value(WRITE_FAILED_STAT)
            logger.error("Cannot write the WARC record of %s: %s", response.url, exc)
            return response
        request.meta[META_KEY] = locations[0].as_dict()
        for name, value in written_stats(locations).items():
            self.stats.inc_value(name, value)
        return response

    def spider_closed(self, spider) -> None:
        self.files.close()
        for path in self.files.finished:
            logger.info("WARC file written: %s", path)


def run_info(crawler) -> dict[str, str]:
    """The fields of the warcinfo record that opens each file of a crawl."""
    settings = crawler.settings
    return {
        **software_info(),
        "http-header-user-agent": settings.get("USER_AGENT"),
        "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
    }


def http_exchange(request, response) -> HttpExchange:
    """The request as sent and the response as served, from Scrapy's objects."""
    request_headers = _header_list(request.headers)
    if not any(name.lower() == "host" for name, _ in request_headers):
        request_headers.insert(0, ("Host", urlparse_cached(request).netloc))
    return HttpExchange(
        url=response.url, method=request.method, request_headers=request_headers, request_body=request.body,
        status=response.status, response_headers=_header_list(response.headers), body=response.body,
        protocol=response.protocol or "HTTP/1.1",
        ip_address=str(response.ip_address) if response.ip_address else None,
    )


def _header_list(headers) -> list[tuple[str, str]]:
    return [(name.decode("latin-1"), value.decode("latin-1"))
            for name, values in headers.items() for value in values]
