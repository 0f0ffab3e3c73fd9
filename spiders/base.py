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

The spider is made of three parts: the discovery's callbacks (:mod:`spiders.discovery`), the requests
it sends (:mod:`spiders.fetching`), and here its arguments, the start of the crawl with what the
archive holds, and the article pages it yields.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.settings import Settings

from newsarchive.crawl.budget import SitemapBudget
from newsarchive.crawl.incremental import IncrementalState
from newsarchive.crawl.refusals import Refusals
from newsarchive.crawl.scope import (
    SPIDER_ARGUMENTS,
    CrawlScope,
    settings_from_arguments,
)
from newsarchive.distributed.state import read_published_state
from newsarchive.extraction import NotAnArticle
from newsarchive.extraction.attributes import CrowdedPage
from newsarchive.http_status import GONE_STATUSES, NOT_MODIFIED
from newsarchive.items import RawPage, page_record
from newsarchive.sites.rules import SiteRules
from newsarchive.storage import archive_path
from newsarchive.storage.incremental import read_crawl_state
from newsarchive.urls import site_key
from newsarchive.warc.middleware import META_KEY as WARC_META_KEY
from spiders.discovery import SiteDiscovery
from spiders.fetching import PageRequests

logger = logging.getLogger(__name__)


class NewsSiteSpider(SiteDiscovery, PageRequests, scrapy.Spider):
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
            yield page_record(self.raw_page(response),
                              max_attributes=self.settings.getint("NEWSARCHIVE_MAX_ATTRIBUTES"))
        except NotAnArticle as exc:
            logger.warning("Not an article (%s): %s", exc, response.url)
        except CrowdedPage as exc:
            logger.warning("Not read: %s: %s", exc, response.url)

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
