"""How a news spider finds the articles of its site: robots.txt, sitemaps, feeds and listing pages.

The reading of each of them is pure code in :mod:`newsarchive.crawl.discovery` and
:mod:`newsarchive.crawl.listing`; here are the spider's callbacks that turn what they list into
requests, and, once the crawl is idle, the re-check of archived articles that the sitemaps no longer
list. :class:`SiteDiscovery` is a part of :class:`spiders.base.NewsSiteSpider`: its callbacks are
spider methods, as Scrapy needs them to be (a request's callbacks are found again by name on the spider).
"""

from __future__ import annotations

import logging
from urllib.parse import urljoin

import scrapy
from scrapy.exceptions import DontCloseSpider
from twisted.python.failure import Failure

from newsarchive.crawl.budget import PageBudgetMiddleware, SitemapBudget
from newsarchive.crawl.discovery import (
    page_links,
    parse_feed,
    parse_sitemap,
    read_page,
    sitemaps_from_robots,
)
from newsarchive.crawl.incremental import IncrementalState
from newsarchive.crawl.inflate import TooLarge
from newsarchive.crawl.listing import (
    ListingEntry,
    is_next_page,
    listing_entries,
    page_position,
)
from newsarchive.crawl.refusals import Refusals
from newsarchive.crawl.scope import CrawlScope
from spiders.fetching import count_failure

logger = logging.getLogger(__name__)

LISTING_KINDS = frozenset({"section", "home"})


class SiteDiscovery:
    """The discovery of a news spider. The spider gives ``crawler``, ``settings``, ``base_url``, the
    ``fallback_sitemaps``, whether this is a ``full_crawl``, its ``scope``, ``state``, ``sitemap_budget``
    and ``refusals``, what a URL is (``classify``, ``is_article_url``) and the requests and ``page_budget`` of
    :class:`spiders.fetching.PageRequests`; its ``listed_urls``, ``sitemaps_complete`` and
    ``unlisted_checked`` are kept up to date here."""

    fallback_sitemaps: tuple[str, ...]
    full_crawl: bool
    scope: CrawlScope
    state: IncrementalState
    sitemap_budget: SitemapBudget
    page_budget: PageBudgetMiddleware | None
    refusals: Refusals
    listed_urls: set[str]
    sitemaps_complete: bool
    unlisted_checked: bool

    # --- robots.txt, sitemaps and feeds ----------------------------------------------------------

    def parse_robots(self, response):
        sitemaps = sitemaps_from_robots(response.text, response.url)
        if not sitemaps:
            logger.info("robots.txt names no sitemap; trying the usual sitemap paths")
            yield from self.guessed_sitemap_requests()
        for url in sitemaps:
            if self.sitemap_budget.admits(url, 0):
                yield self.sitemap_request(url)

    def on_robots_error(self, failure: Failure):
        """No robots.txt (an HTTP error answer) is no failure: the usual sitemap paths are tried."""
        self.on_missing_probe(failure)
        yield from self.guessed_sitemap_requests()

    def guessed_sitemap_requests(self):
        for path in self.fallback_sitemaps:
            yield self.probe_request(urljoin(self.base_url, path), self.parse_sitemap, "sitemaps")

    def sitemap_request(self, url: str, depth: int = 0) -> scrapy.Request:
        """A sitemap's request; ``depth``: how many sitemap indexes led to it from those robots.txt names."""
        # never filtered as a duplicate: every sitemap request queued ends in its callback or errback (one the page
        # budget refuses is not queued; no unlisted article is re-checked after a refusal)
        return scrapy.Request(url, callback=self.parse_sitemap, errback=self.on_sitemap_error, priority=-1,
                              dont_filter=True, meta={"newsarchive_sitemap_depth": depth})

    def parse_sitemap(self, response):
        budget = self.sitemap_budget
        sitemap = parse_sitemap(response.body, max_bytes=budget.max_bytes, max_urls=budget.max_urls)
        self.crawler.stats.inc_value(f"newsarchive/sitemaps/{sitemap.kind}")
        self.sitemaps_complete &= sitemap.kind != "unknown" and not sitemap.truncated and not sitemap.malformed
        if sitemap.truncated:
            budget.note_truncated(response.url, sitemap.truncated)
        if sitemap.malformed:
            self.refusals.note("sitemaps/malformed", f"Malformed sitemap, {len(sitemap.entries)} entries read from it",
                               response.url)
        depth = response.meta.get("newsarchive_sitemap_depth", 0)
        for entry in sitemap.entries:
            if sitemap.kind == "index":
                if not self.scope.admits_date(entry.lastmod):  # lastmod: its newest modification
                    self.sitemaps_complete = False
                elif budget.admits(entry.loc, depth + 1):
                    yield self.sitemap_request(entry.loc, depth + 1)
                else:
                    self.sitemaps_complete = False
            elif self.is_article_url(entry.loc):
                self.listed_urls.add(entry.loc)
                yield from filter(self.first_request, self.article_requests(
                    entry.loc, source="sitemap", changed_at=entry.lastmod, published=entry.lastmod,
                    lastmod=entry.lastmod))

    def on_sitemap_error(self, failure: Failure):
        self.sitemaps_complete = False
        count_failure(failure, self.crawler.stats)

    def parse_feed(self, response):
        budget = self.sitemap_budget
        try:
            feed = parse_feed(response.body, max_bytes=budget.max_bytes, max_entries=budget.max_urls)
        except TooLarge:
            self.refusals.note("feeds/too_large", f"Feed not read: it inflates to more than "
                                                  f"NEWSARCHIVE_MAX_INFLATED_SIZE ({budget.max_bytes} bytes)",
                               response.url)
            return
        if feed.truncated:
            self.refusals.note("feeds/truncated/entry_count",
                               f"Feed read up to NEWSARCHIVE_SITEMAP_MAX_URLS ({budget.max_urls} entries) only",
                               response.url)
        for entry in feed.entries:
            if self.is_article_url(entry.link):
                yield from filter(self.first_request, self.article_requests(
                    entry.link, source="feed", changed_at=entry.published, published=entry.published))

    # --- listing pages ---------------------------------------------------------------------------

    def parse_listing(self, response):
        yield from self.listing_requests(response, self.listing_document(response))

    def listing_document(self, response):
        """The listing page parsed (None: no HTML), read up to its first tag of more than ``NEWSARCHIVE_MAX_ATTRIBUTES``
        attributes (:func:`newsarchive.crawl.discovery.read_page`): such a page is counted as
        ``newsarchive/too_many_attributes``."""
        limit = self.settings.getint("NEWSARCHIVE_MAX_ATTRIBUTES")
        document, cut = read_page(response.body, response.headers, limit)
        if cut is not None:
            self.refusals.note("too_many_attributes", f"Page read up to byte {cut} only: a tag there has more than "
                               f"{limit} attributes (NEWSARCHIVE_MAX_ATTRIBUTES), the HTML parser's time grows with "
                               "their square", response.url)
        return document

    def listing_requests(self, response, document):
        """Articles of a listing page (``document``, parsed once for its links and its entries); its next page only
        when this one held something to fetch."""
        links = page_links(document, response.url) if document is not None else []
        entries = {entry.url: entry for entry in listing_entries(document, response.url)} if links else {}
        fresh = False
        for url in links:
            if self.classify(url) != "article":
                continue
            entry = entries.get(url) or ListingEntry(url)
            changed_at = entry.modified or entry.published
            for request in self.article_requests(url, source="listing", changed_at=changed_at,
                                                 published=entry.published):
                fresh = fresh or url in entries or not entries  # an entry of the listing, not a sidebar link
                if self.first_request(request):
                    yield request
        for url in links:
            if self.classify(url) in LISTING_KINDS and self.follows_listing(url, response.url, fresh):
                request = self.listing_request(url, self.parse_listing)
                if self.first_request(request):
                    yield request

    def follows_listing(self, url: str, from_url: str, fresh: bool) -> bool:
        """Every listing page in a full crawl; else first pages, and the next page of a fresh one."""
        if not self.scope.admits_url(url):
            return False
        if self.full_crawl and self.scope.since is None:
            return True
        return page_position(url)[1] == 1 or (fresh and is_next_page(url, from_url))

    # --- archived articles the sitemaps no longer list -------------------------------------------

    def recheck_unlisted(self) -> None:
        """Once idle, re-check the archived articles that the sitemaps no longer list (removed?). Queued here,
        not yielded: the page budget is asked for each, as it is for what the spider yields."""
        if self.unlisted_checked:
            return
        self.unlisted_checked = True
        budget = self.page_budget
        requests = [request for request in self.unlisted_requests() if budget is None or budget.admits(request)]
        if not requests:
            return
        logger.info("Re-checking %d archived articles that the sitemaps no longer list", len(requests))
        for request in requests:
            self.crawler.engine.crawl(request)
        raise DontCloseSpider

    def unlisted_requests(self):
        stats = self.crawler.stats
        if not (self.sitemaps_complete and stats.get_value("newsarchive/sitemaps/urlset")):
            return
        if stats.get_value("newsarchive/budget/pages_per_site"):
            return  # the page budget ran out: it may have refused sitemaps, and would refuse the re-checks
        if not self.settings.getbool("NEWSARCHIVE_RECHECK_UNLISTED"):
            return
        for known in self.state.unlisted(self.listed_urls):
            if self.scope.admits_url(known.article_url) and self.scope.admits_date(known.published):
                stats.inc_value("newsarchive/discovered/unlisted")
                yield self.fetch_request(known.article_url, known=known)
