"""A site that stops answering stops the crawl, instead of every queued request failing in turn.

:class:`UnreachableSiteMiddleware` counts, for each site (:func:`newsarchive.urls.request_site`), the requests
sent in a row that failed: no answer (a refused or dropped connection, a timeout, a host that does not resolve: the
download errors Scrapy retries, ``RETRY_EXCEPTIONS``) or a 5xx answer. Any other answer, a 404, 410 or 304 too,
means the site answers: its count starts again. A page that fails although its site answered other requests since
the page was first sent is a broken page, not a site down: not counted (Scrapy retries a page after the pages queued
before it, so the retries of a site's broken pages come one after the other at the end of a run). At
``NEWSARCHIVE_UNREACHABLE_AFTER`` failures in a row (0: never), the spider is closed with the reason
``site_unreachable`` (a run finished with errors, exit status 1: :mod:`newsarchive.runs.status`), one error line
and the stat ``newsarchive/site_unreachable``; the pages stored until then stay, and the next run fetches the rest.

It is a downloader middleware, on the downloader's side of the retries (``RetryAfterMiddleware``, 550): Scrapy
signals no failed download to an extension, and a page's final outcome would come too late, its retries being
queued after every page not tried yet (each of which a dead site would make time out first).
"""

from __future__ import annotations

import logging
from collections import Counter

from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.misc import load_object

from newsarchive.runs.status import SITE_UNREACHABLE
from newsarchive.urls import request_site

logger = logging.getLogger(__name__)

FIRST_SERVER_ERROR = 500
ANSWERS_BEFORE = "newsarchive_site_answers"  # meta: the answers of the site before the page's first try


class UnreachableSiteMiddleware:
    def __init__(self, crawler, failures_in_a_row: int):
        self.crawler = crawler
        self.limit = failures_in_a_row
        self.no_answer = tuple(load_object(name) for name in crawler.settings.getlist("RETRY_EXCEPTIONS"))
        self.failures: Counter[str] = Counter()  # site -> requests failed in a row
        self.answers: Counter[str] = Counter()  # site -> answers received
        self.unreachable: str | None = None  # the site that closed the spider
        # the spider's closing once asked for, held: the event loop keeps only a weak reference to the task it runs in
        self.closing = None

    @classmethod
    def from_crawler(cls, crawler):
        limit = crawler.settings.getint("NEWSARCHIVE_UNREACHABLE_AFTER")
        if limit <= 0:
            raise NotConfigured  # NEWSARCHIVE_UNREACHABLE_AFTER is 0: a crawl never stops for a silent site
        return cls(crawler, limit)

    def process_request(self, request, spider=None):
        """Note how many answers the site had given when the page was first asked for (its retries keep it)."""
        request.meta.setdefault(ANSWERS_BEFORE, self.answers[request_site(request.url)])

    def process_response(self, request, response, spider=None):
        if response.status >= FIRST_SERVER_ERROR:
            self._failed(request, f"HTTP {response.status}")
        else:
            site = request_site(request.url)
            self.answers[site] += 1
            self.failures.pop(site, None)
        return response

    def process_exception(self, request, exception, spider=None):
        if isinstance(exception, self.no_answer):  # not a request refused on purpose (IgnoreRequest)
            self._failed(request, type(exception).__name__)
        return None

    def _failed(self, request, reason: str) -> None:
        site = request_site(request.url)
        if self.answers[site] > request.meta.get(ANSWERS_BEFORE, self.answers[site]):
            return  # the site answered other pages meanwhile: this page is broken, the site is not down
        self.failures[site] += 1
        if self.failures[site] < self.limit or self.unreachable is not None:
            return
        self.unreachable = site
        self.crawler.stats.inc_value(f"newsarchive/{SITE_UNREACHABLE}")
        logger.error("%s stopped answering: %d requests in a row failed (the last: %s, %s); "
                     "closing the spider, the next run fetches the rest", site, self.failures[site], reason,
                     request.url)
        self.closing = deferred_from_coro(self.crawler.engine.close_spider_async(reason=SITE_UNREACHABLE))
