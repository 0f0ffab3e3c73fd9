"""Crawl budgets: what one run may ask of a site, so that a crawl trap cannot keep a run busy forever.

:class:`PageBudgetMiddleware`, a spider middleware, refuses the requests to a site past
``NEWSARCHIVE_MAX_PAGES_PER_SITE`` in a run as the spider yields them (start requests included), so that
they are never queued: a page of 100,000 links queues the budget's worth of requests, not 100,000.
Each refusal is counted once, ``newsarchive/budget/pages_per_site``, the first one logged as a warning.
Only what may be sent spends budget: robots.txt is not counted, nor a request yielded again (the scheduler drops
it as a duplicate), and a request that robots.txt then forbids gives its budget back
(:data:`~newsarchive.crawl.refusals.request_refused`, counted ``newsarchive/budget/given_back``); retries and
redirects do not go back through the spider, so they are not counted either (a redirected page is one page; its
hops are bounded by ``REDIRECT_MAX_TIMES``).
:class:`SitemapBudget` is the spider's account of sitemaps: sitemap indexes nested deeper than
``NEWSARCHIVE_SITEMAP_MAX_DEPTH``, sitemaps past ``NEWSARCHIVE_SITEMAP_MAX_COUNT`` in a run and entries past
``NEWSARCHIVE_SITEMAP_MAX_URLS`` in one sitemap are left out and counted (``newsarchive/sitemaps/too_deep``,
``newsarchive/sitemaps/over_budget``, ``newsarchive/sitemaps/truncated/url_count``). A run stopped by a
budget is a success: the next run goes on from what is archived.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

from scrapy.exceptions import NotConfigured
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware

from newsarchive.crawl.refusals import Refusals, request_refused
from newsarchive.urls import request_site

ROBOTS_PATH = "/robots.txt"


class PageBudgetMiddleware(BaseSpiderMiddleware):
    """``process_start``, ``process_spider_output`` and its async form come from Scrapy's base class, which
    hands each request to :meth:`get_processed_request`. A request the spider queues without yielding it
    (``engine.crawl``) is asked for with :meth:`admits`; :meth:`spent` says whether a site has budget left."""

    def __init__(self, crawler, max_pages: int):
        super().__init__(crawler)
        self.max_pages = max_pages
        self.refusals = Refusals(crawler)
        self.requested: Counter[str] = Counter()
        # The fingerprints of the requests counted (the scheduler's duplicate filter sees the same): at most the
        # budget of each site.
        self.counted: set[bytes] = set()
        crawler.signals.connect(self.give_back, signal=request_refused)

    @classmethod
    def from_crawler(cls, crawler):
        max_pages = crawler.settings.getint("NEWSARCHIVE_MAX_PAGES_PER_SITE")
        if max_pages <= 0:
            raise NotConfigured  # NEWSARCHIVE_MAX_PAGES_PER_SITE is 0: no page budget, as asked
        return cls(crawler, max_pages)

    def get_processed_request(self, request, response):
        return request if self.admits(request) else None

    def spent(self, url: str) -> bool:
        """Whether the site of ``url`` has no budget left: a request to it would be refused."""
        return self.requested[request_site(url)] >= self.max_pages

    def admits(self, request) -> bool:
        """Whether ``request`` may be queued, counted if so; a refusal is counted and logged."""
        if urlsplit(request.url).path == ROBOTS_PATH:
            return True
        site = request_site(request.url)
        if self.requested[site] >= self.max_pages:
            self.refusals.note(
                "budget/pages_per_site",
                f"Not queued: {site} reached NEWSARCHIVE_MAX_PAGES_PER_SITE ({self.max_pages} pages) in this run",
                request.url)
            return False
        if request.dont_filter:  # sent however often it is yielded: each one counts
            self.requested[site] += 1
            return True
        fingerprint = self.crawler.request_fingerprinter.fingerprint(request)
        if fingerprint not in self.counted:  # else the scheduler drops it: a duplicate spends nothing
            self.counted.add(fingerprint)
            self.requested[site] += 1
        return True

    def give_back(self, request) -> None:
        """A counted request refused before it was sent (robots.txt) gives its budget back."""
        if request.dont_filter:
            return  # not told apart from the others of its URL: kept spent
        fingerprint = self.crawler.request_fingerprinter.fingerprint(request)
        if fingerprint in self.counted:
            self.counted.discard(fingerprint)
            self.requested[request_site(request.url)] -= 1
            self.crawler.stats.inc_value("newsarchive/budget/given_back")


class SitemapBudget:
    """How deep and how many sitemaps one run reads, and how many entries of each."""

    def __init__(self, settings, crawler):
        self.max_depth = settings.getint("NEWSARCHIVE_SITEMAP_MAX_DEPTH")
        self.max_count = settings.getint("NEWSARCHIVE_SITEMAP_MAX_COUNT")
        self.max_urls = settings.getint("NEWSARCHIVE_SITEMAP_MAX_URLS")
        self.max_bytes = settings.getint("NEWSARCHIVE_MAX_INFLATED_SIZE")
        self.refusals = Refusals(crawler)
        self.requested = 0
        self.admitted: set[str] = set()  # the sitemaps requested in this run, each once

    def admits(self, url: str, depth: int) -> bool:
        """Whether a sitemap ``depth`` indexes below those robots.txt names may be requested (counted if so): not
        one requested already in this run (an index that lists itself, or a sitemap twice, spends no budget)."""
        if url in self.admitted:
            return False
        if depth > self.max_depth:
            self.refusals.note("sitemaps/too_deep", f"Sitemap index nested more than NEWSARCHIVE_SITEMAP_MAX_DEPTH "
                                                    f"({self.max_depth}) levels, not read", url)
            return False
        if self.requested >= self.max_count:
            self.refusals.note("sitemaps/over_budget", f"Sitemap not read: NEWSARCHIVE_SITEMAP_MAX_COUNT "
                                                       f"({self.max_count}) sitemaps read in this run", url)
            return False
        self.requested += 1
        self.admitted.add(url)
        return True

    def note_truncated(self, url: str, reason: str) -> None:
        limit = {"url_count": f"NEWSARCHIVE_SITEMAP_MAX_URLS ({self.max_urls} entries)",
                 "inflated_size": f"NEWSARCHIVE_MAX_INFLATED_SIZE ({self.max_bytes} bytes)"}[reason]
        self.refusals.note(f"sitemaps/truncated/{reason}", f"Sitemap read up to {limit} only", url)
