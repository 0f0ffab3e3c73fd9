"""A careful crawler of a news site: it discovers articles and yields them as raw pages.

Discovery follows what a news site publishes: the sitemaps named in robots.txt (a sitemap index and
its post sitemaps, with ``lastmod``), the feeds, the home page and the section pages with their
pagination; which URL is an article and which a section is for the site's URL rules
(:mod:`newsarchive.sites.rules`), applied by the subclass (``classify``, ``is_article_url``). Pages are
not parsed for content here: every article page is yielded as a :class:`~newsarchive.items.RawPage` and the item pipelines do the extraction.

Crawls are incremental (see :mod:`newsarchive.crawl.incremental`): when the crawl starts, the spider reads
what the archive holds of the site; archived articles are fetched again only on a sign of change,
with a conditional request (a 304 is yielded as a raw page with status 304); listings stop at the
first page with nothing new; once the crawl is idle, archived articles that the sitemaps no longer
list are re-checked, so that removed ones (404/410) get marked. Spider arguments (``full``,
``since``, ``category``, ``max_pages``, ``max_minutes``) are shortcuts for settings, see
:mod:`newsarchive.crawl.scope`.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit, urlunsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.settings import Settings
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from newsarchive.crawl.budget import SitemapBudget
from newsarchive.crawl.discovery import (
    page_links,
    parse_feed,
    parse_page,
    parse_sitemap,
    sitemaps_from_robots,
)
from newsarchive.crawl.incremental import (
    Decision,
    IncrementalState,
    conditional_headers,
)
from newsarchive.crawl.inflate import TooLarge
from newsarchive.crawl.listing import (
    ListingEntry,
    is_next_page,
    listing_entries,
    page_position,
)
from newsarchive.crawl.refusals import Refusals, Refused
from newsarchive.crawl.scope import (
    SPIDER_ARGUMENTS,
    CrawlScope,
    settings_from_arguments,
)
from newsarchive.distributed.state import read_published_state
from newsarchive.extraction import NotAnArticle
from newsarchive.http_status import GONE_STATUSES, NOT_MODIFIED
from newsarchive.items import RawPage, page_record
from newsarchive.sites.rules import SiteRules
from newsarchive.storage import ArticleState, archive_path
from newsarchive.storage.incremental import read_crawl_state
from newsarchive.urls import canonicalize_url, site_key
from newsarchive.warc.middleware import META_KEY as WARC_META_KEY

logger = logging.getLogger(__name__)

LISTING_KINDS = frozenset({"section", "home"})


def _fetch_url(url: str) -> str:
    """The canonical form of ``url`` (no tracking parameters, no fragment) with its own scheme."""
    canonical = urlsplit(canonicalize_url(url))
    return urlunsplit(canonical._replace(scheme=urlsplit(url).scheme or canonical.scheme))


class NewsSiteSpider(scrapy.Spider):
    """Base of the news spiders: the crawl of the site at ``base_url``; subclasses say what its URLs are
    (``classify``: ``offsite``, ``home``, ``article``, ``section`` or ``other``; ``is_article_url`` for what
    sitemaps and feeds list) and where a section's listing starts (``section_urls_of``)."""

    rules: SiteRules  # the site's URL rules, set by the subclass
    # The domain whose page class reads this site's pages, also when crawling a copy of it at
    # another address (e.g. the offline sample on 127.0.0.1); None: the crawled host's own.
    site_domain: str | None = None
    fallback_sitemaps: tuple[str, ...] = ("sitemap_index.xml", "sitemap.xml")
    own_arguments: tuple[str, ...] = ("base_url",)  # -a names besides the scheduling ones (SPIDER_ARGUMENTS)
    # (function, arguments) that an extraction worker process runs before its first page, so that
    # it reads pages as this process does (see newsarchive.parallel.extraction); None: nothing to do.
    extraction_setup = None

    def __init__(self, *args, base_url: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.base_url = self.normalise_base(base_url)
        self.site = site_key(self.base_url)
        self.allowed_domains = [urlsplit(self.base_url).hostname or ""]
        self.scope = CrawlScope()
        self.full_crawl = False
        self.state = IncrementalState()  # read from the archive when the crawl starts
        self.listed_urls: set[str] = set()  # article URLs the sitemaps list
        self.requested_urls: set[str] = set()  # article and listing URLs already asked for (first_request)
        self.sitemaps_complete = True  # every sitemap was read: unlisted articles may be re-checked
        self.unlisted_checked = False

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        """Scheduling arguments (``-a since=...``) become settings before the crawl uses them."""
        arguments = {name: kwargs.pop(name) for name in list(kwargs) if name in SPIDER_ARGUMENTS}
        settings = crawler.settings
        if arguments and settings.frozen:  # e.g. a crawler already set up by a test or a shell
            logger.warning("Settings are frozen: %s only apply to this spider", ", ".join(arguments))
            settings = Settings(settings.copy_to_dict())
        if arguments:
            settings.setdict(settings_from_arguments(arguments), priority="cmdline")
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.scope = CrawlScope.from_settings(settings, spider.rules)
        spider.full_crawl = settings.getbool("NEWSARCHIVE_FULL_CRAWL")
        spider.sitemap_budget = SitemapBudget(settings, crawler)
        spider.refusals = Refusals(crawler)
        crawler.signals.connect(spider.recheck_unlisted, signal=signals.spider_idle)
        return spider

    @classmethod
    def check_arguments(cls, settings, *, base_url: str, **arguments) -> None:
        """Raise ValueError for arguments the spider cannot run with (called before the crawl starts)."""
        cls.normalise_base(base_url)

    @classmethod
    def check_argument_names(cls, arguments) -> None:
        """Raise ValueError naming the unknown ``-a`` names, and the known ones (a typo must not start
        a crawl of another kind). Names starting with ``_`` (scrapyd's ``_job``) are left alone."""
        known = {*cls.own_arguments, *SPIDER_ARGUMENTS}
        unknown = sorted(name for name in arguments if name not in known and not name.startswith("_"))
        if unknown:
            raise ValueError(f"unknown spider argument {', '.join(unknown)} for {cls.name} "
                             f"(known: {', '.join(sorted(known))})")

    @staticmethod
    def normalise_base(base_url: str) -> str:
        """``base_url`` ending with a slash; ValueError unless it is one line naming an http(s) site."""
        try:
            parts = urlsplit(base_url)
            valid = parts.scheme in ("http", "https") and bool(parts.hostname) and base_url.isprintable()
        except ValueError:  # a malformed port or IPv6 address
            valid = False
        if not valid or any(char.isspace() for char in base_url):
            raise ValueError(f"base_url must be an absolute http(s) URL on one line, got {base_url!r}")
        return base_url if base_url.endswith("/") else base_url + "/"

    async def start(self):
        self.state = self.load_state()
        yield scrapy.Request(
            urljoin(self.base_url, "robots.txt"),
            callback=self.parse_robots,
            errback=self.on_robots_error,
            meta={"dont_obey_robotstxt": True},
            dont_filter=True,
        )
        for url in self.section_urls_of(self.scope.category) if self.scope.category else [self.base_url]:
            yield self.listing_request(url, self.parse_listing)

    def load_state(self) -> IncrementalState:
        """What the archive holds of the site, unless this is a full crawl."""
        if self.full_crawl:
            logger.info("Full crawl: every page is fetched, whatever the archive holds")
            return IncrementalState()
        redis_url = self.settings.get("NEWSARCHIVE_REDIS_URL")
        if redis_url:  # a worker: the writer publishes what the archive holds
            state = IncrementalState(read_published_state(
                redis_url, self.site, self.settings.getfloat("NEWSARCHIVE_REDIS_STATE_WAIT")))
            logger.info("Incremental crawl: the archive holds %d articles of %s (published in Redis)",
                        len(state), self.site)
            return state
        if not self.settings.getbool("NEWSARCHIVE_STORE"):
            logger.info("No archive (NEWSARCHIVE_STORE is off): every page is fetched")
            return IncrementalState()
        path = archive_path(self.settings)
        try:
            state = IncrementalState(read_crawl_state(path, self.site))
        except sqlite3.Error as exc:
            logger.warning("Cannot read what the archive %s holds (%s): fetching every page", path, exc)
            return IncrementalState()
        logger.info("Incremental crawl: the archive holds %d articles of %s", len(state), self.site)
        return state

    # --- discovery -------------------------------------------------------------------------------

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
        self._count_failure(failure)

    def parse_feed(self, response):
        try:
            entries = parse_feed(response.body, max_bytes=self.sitemap_budget.max_bytes)
        except TooLarge:
            self.refusals.note("feeds/too_large", f"Feed not read: it inflates to more than "
                                                  f"NEWSARCHIVE_MAX_INFLATED_SIZE ({self.sitemap_budget.max_bytes} bytes)",
                               response.url)
            return
        for entry in entries:
            if self.is_article_url(entry.link):
                yield from filter(self.first_request, self.article_requests(
                    entry.link, source="feed", changed_at=entry.published, published=entry.published))

    def parse_listing(self, response):
        """Articles of a listing page; its next page only when this one held something to fetch."""
        document = parse_page(response.body)  # parsed once for its links and its entries
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

    def recheck_unlisted(self) -> None:
        """Once idle, re-check the archived articles that the sitemaps no longer list (removed?)."""
        if self.unlisted_checked:
            return
        self.unlisted_checked = True
        requests = list(self.unlisted_requests())
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
        if not self.settings.getbool("NEWSARCHIVE_RECHECK_UNLISTED"):
            return
        for known in self.state.unlisted(self.listed_urls):
            if self.scope.admits_url(known.article_url) and self.scope.admits_date(known.published):
                stats.inc_value("newsarchive/discovered/unlisted")
                yield self.fetch_request(known.article_url, known=known)

    # --- requests ----------------------------------------------------------------------------------

    def first_request(self, request: scrapy.Request) -> bool:
        """Whether this spider has not asked for the request's URL yet. Listings link to the articles the
        sitemaps list and to each other, page after page: a copy would only be dropped by the scheduler's
        duplicate filter, after going through every spider middleware (that CPU time is saved; the copies
        are counted as ``newsarchive/discovered/repeated``). Requests that skip the filter always pass."""
        if request.dont_filter:
            return True
        if request.url in self.requested_urls:
            self.crawler.stats.inc_value("newsarchive/discovered/repeated")
            return False
        self.requested_urls.add(request.url)
        return True

    def listing_request(self, url: str, callback) -> scrapy.Request:
        return scrapy.Request(url, callback=callback, errback=self.on_error, priority=-1)

    def probe_request(self, url: str, callback, kind: str) -> scrapy.Request:
        """A request for a file that may not exist (a guessed sitemap or feed): an HTTP error answer
        is counted as ``newsarchive/<kind>/missing``, not as a failed page."""
        return scrapy.Request(url, callback=callback, errback=self.on_missing_probe, priority=-1,
                              meta={"newsarchive_probe": kind})

    def on_missing_probe(self, failure: Failure):
        if not failure.check(HttpError):  # the site did not answer: a failure like any other
            self._count_failure(failure)
            return
        request = failure.request
        logger.debug("Nothing at %s (HTTP %d)", request.url, failure.value.response.status)
        self.crawler.stats.inc_value(f"newsarchive/{request.meta.get('newsarchive_probe', 'robots')}/missing")

    def sitemap_request(self, url: str, depth: int = 0) -> scrapy.Request:
        """A sitemap's request; ``depth``: how many sitemap indexes led to it from those robots.txt names."""
        # never filtered as a duplicate: every sitemap request ends in its callback or errback
        return scrapy.Request(url, callback=self.parse_sitemap, errback=self.on_sitemap_error, priority=-1,
                              dont_filter=True, meta={"newsarchive_sitemap_depth": depth})

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
            _fetch_url(url),
            headers=conditional_headers(known) if known else None,
            callback=self.parse_article,
            errback=self.on_error,
            meta=meta,
        )

    # --- pages ---------------------------------------------------------------------------------------

    def parse_article(self, response):
        if response.meta.get("newsarchive_recheck"):
            self.crawler.stats.inc_value("newsarchive/rechecked")
        page = self.raw_page(response)
        if response.status == NOT_MODIFIED:
            self.crawler.stats.inc_value("newsarchive/not_modified")
            # the listed date that prompted the re-check is accounted for: it is no sign next time
            page["sitemap_lastmod"] = page["sitemap_lastmod"] or response.meta.get("newsarchive_changed_at")
        elif response.status in GONE_STATUSES:
            logger.info("Article gone (HTTP %d): %s", response.status, response.url)
            self.crawler.stats.inc_value(f"newsarchive/gone/{response.status}")
        yield page

    def parse(self, response):
        """One page read as the pipelines read it: its article record (``scrapy parse``, ``scrapy check``)."""
        try:
            yield page_record(self.raw_page(response))
        except NotAnArticle as exc:
            logger.warning("Not an article (%s): %s", exc, response.url)

    def raw_page(self, response) -> RawPage:
        warc = response.meta.get(WARC_META_KEY) or {}  # where the WARC record lies, and its date
        headers = {
            key.decode("latin-1").lower(): b", ".join(values).decode("latin-1")
            for key, values in response.headers.items()
        }
        return RawPage(
            url=response.request.meta.get("redirect_urls", [response.url])[0],
            final_url=response.url,
            status=response.status,
            headers=headers,
            body=response.body,
            fetched_at=warc.get("date") or datetime.now(timezone.utc).isoformat(timespec="seconds"),
            site=self.site,
            extractor_site=self.site_domain or self.site,
            sitemap_lastmod=response.meta.get("sitemap_lastmod"),
            warc=warc or None,
        )

    def on_error(self, failure: Failure):
        self._count_failure(failure)

    def _count_failure(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        if failure.check(Refused):  # not sent on purpose: counted and logged where it was refused
            logger.debug("Not fetched (%s): %s", failure.value.event, url)
            return
        if failure.check(HttpError):
            reason = f"http_{failure.value.response.status}"
        else:
            reason = failure.type.__name__
        logger.warning("Fetch failed (%s): %s", reason, url)
        self.crawler.stats.inc_value("newsarchive/fetch_failed")
        self.crawler.stats.inc_value(f"newsarchive/fetch_failed/{reason}")
