"""The requests a news spider sends for its pages, each URL once, and the count of those that fail.

Listings, files that may not exist (guessed sitemaps and feeds) and articles (a conditional request
when the archive holds the article); sitemaps have theirs in :mod:`spiders.discovery`.
:class:`PageRequests` is a part of :class:`spiders.base.NewsSiteSpider`: its errbacks are spider
methods, as Scrapy needs them to be (a request's callbacks and errbacks are found again by name on
the spider).
"""

from __future__ import annotations

import logging
from functools import cached_property
from urllib.parse import urlsplit, urlunsplit

import scrapy
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from newsarchive.crawl.budget import PageBudgetMiddleware
from newsarchive.crawl.incremental import (
    Decision,
    IncrementalState,
    conditional_headers,
)
from newsarchive.crawl.refusals import Refused
from newsarchive.crawl.scope import CrawlScope
from newsarchive.http_status import GONE_STATUSES, NOT_MODIFIED
from newsarchive.storage import ArticleState
from newsarchive.urls import canonicalize_url

logger = logging.getLogger(__name__)


def fetch_url(url: str) -> str:
    """The canonical form of ``url`` (no tracking parameters, no fragment) with its own scheme."""
    canonical = urlsplit(canonicalize_url(url))
    return urlunsplit(canonical._replace(scheme=urlsplit(url).scheme or canonical.scheme))


def count_failure(failure: Failure, stats) -> None:
    """Log a request that failed and count it as ``newsarchive/fetch_failed`` (and by its reason), unless
    it was refused on purpose (counted and logged where it was refused)."""
    request = getattr(failure, "request", None)
    url = request.url if request is not None else "?"
    if failure.check(Refused):
        logger.debug("Not fetched (%s): %s", failure.value.event, url)
        return
    if failure.check(HttpError):
        reason = f"http_{failure.value.response.status}"
    else:
        reason = failure.type.__name__
    logger.warning("Fetch failed (%s): %s", reason, url)
    stats.inc_value("newsarchive/fetch_failed")
    stats.inc_value(f"newsarchive/fetch_failed/{reason}")


class PageRequests:
    """The requests of a news spider's pages; the spider gives ``crawler``, its ``scope`` and ``state``,
    the ``requested_urls`` set and the callback ``parse_article``."""

    scope: CrawlScope
    state: IncrementalState
    requested_urls: set[str]

    def first_request(self, request: scrapy.Request) -> bool:
        """Whether this spider has not asked for the request's URL yet. Listings link to the articles the
        sitemaps list and to each other, page after page: a copy would only be dropped by the scheduler's
        duplicate filter, after going through every spider middleware (that CPU time is saved; the copies
        are counted as ``newsarchive/discovered/repeated``). A URL whose site has no page budget left is not
        remembered (the budget refuses it each time): the set stays as small as the budget, whatever the pages
        link to. Requests that skip the filter always pass."""
        if request.dont_filter:
            return True
        if request.url in self.requested_urls:
            self.crawler.stats.inc_value("newsarchive/discovered/repeated")
            return False
        if self.page_budget is None or not self.page_budget.spent(request.url):
            self.requested_urls.add(request.url)
        return True

    @cached_property
    def page_budget(self) -> PageBudgetMiddleware | None:
        """The crawl's page budget (None: no budget), once the crawl runs."""
        return self.crawler.get_spider_middleware(PageBudgetMiddleware)

    def listing_request(self, url: str, callback) -> scrapy.Request:
        return scrapy.Request(url, callback=callback, errback=self.on_error, priority=-1)

    def probe_request(self, url: str, callback, kind: str) -> scrapy.Request:
        """A request for a file that may not exist (a guessed sitemap or feed): an HTTP error answer
        is counted as ``newsarchive/<kind>/missing``, not as a failed page."""
        return scrapy.Request(url, callback=callback, errback=self.on_missing_probe, priority=-1,
                              meta={"newsarchive_probe": kind})

    def on_missing_probe(self, failure: Failure):
        if not failure.check(HttpError):  # the site did not answer: a failure like any other
            count_failure(failure, self.crawler.stats)
            return
        request = failure.request
        logger.debug("Nothing at %s (HTTP %d)", request.url, failure.value.response.status)
        self.crawler.stats.inc_value(f"newsarchive/{request.meta.get('newsarchive_probe', 'robots')}/missing")

    def article_requests(self, url: str, *, source: str, changed_at: str | None = None,
                         published: str | None = None, lastmod: str | None = None):
        """The request for an article URL, if the crawl fetches it: in scope, and not archived
        without a sign of change (``changed_at``). ``published`` is its publication date, or a date
        the publication cannot be later than (a sitemap lastmod)."""
        stats = self.crawler.stats
        stats.inc_value(f"newsarchive/discovered/{source}")
        decision, known = self.state.decide(url, changed_at)
        if not (self.scope.admits_url(url) and self.scope.admits_date(published)
                and self.scope.admits_date(known and known.published)):
            stats.inc_value("newsarchive/skipped/out_of_scope")
        elif decision is Decision.SKIP:
            stats.inc_value("newsarchive/skipped/unchanged")
        elif decision is Decision.RECHECK:
            yield self.fetch_request(url, known=known, lastmod=lastmod, changed_at=changed_at)
        else:
            yield self.fetch_request(url, lastmod=lastmod)

    def fetch_request(self, url: str, *, known: ArticleState | None = None, lastmod: str | None = None,
                      changed_at: str | None = None) -> scrapy.Request:
        """An article request; a conditional one (304 allowed) when ``known`` is the archived copy,
        re-checked because of the date ``changed_at`` a sitemap, feed or listing gave."""
        meta = {"sitemap_lastmod": lastmod, "handle_httpstatus_list": list(GONE_STATUSES)}
        if known is not None:
            meta.update(handle_httpstatus_list=[*GONE_STATUSES, NOT_MODIFIED], newsarchive_recheck=True,
                        newsarchive_changed_at=changed_at)
        return scrapy.Request(
            fetch_url(url),
            headers=conditional_headers(known) if known else None,
            callback=self.parse_article,
            errback=self.on_error,
            meta=meta,
        )

    def on_error(self, failure: Failure):
        count_failure(failure, self.crawler.stats)
