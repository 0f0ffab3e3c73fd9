"""A careful crawler of a news site: it discovers articles and yields them as raw pages.

Discovery follows what a WordPress-style news site publishes: the sitemaps named in robots.txt
(a sitemap index and its post sitemaps, with ``lastmod``), the RSS feed, the home page and the
category archives with their pagination. Pages are not parsed for content here: every article page
is yielded as a :class:`~newsarchive.items.RawPage` and the item pipelines do the extraction.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit, urlunsplit

import scrapy
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from newsarchive.discovery import page_links, parse_feed, parse_sitemap, sitemaps_from_robots
from newsarchive.items import RawPage
from newsarchive.urls import canonicalize_url, classify_url, site_key

logger = logging.getLogger(__name__)

GONE_STATUSES = (404, 410)
LISTING_KINDS = frozenset({"category", "home"})


def _fetch_url(url: str) -> str:
    """The canonical form of ``url`` (no tracking parameters, no fragment) with its own scheme."""
    canonical = urlsplit(canonicalize_url(url))
    return urlunsplit(canonical._replace(scheme=urlsplit(url).scheme or canonical.scheme))


class NewsSiteSpider(scrapy.Spider):
    """Base of the news spiders; subclasses set ``name`` and ``default_base_url``."""

    default_base_url: str = ""
    feed_paths: tuple[str, ...] = ("feed/",)
    fallback_sitemaps: tuple[str, ...] = ("sitemap_index.xml", "sitemap.xml")

    def __init__(self, *args, base_url: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.base_url = self._normalise_base(base_url or self.default_base_url)
        self.site = site_key(self.base_url)
        self.allowed_domains = [urlsplit(self.base_url).hostname or ""]

    @staticmethod
    def _normalise_base(base_url: str) -> str:
        if not urlsplit(base_url).scheme:
            raise ValueError(f"base_url must be an absolute http(s) URL, got {base_url!r}")
        return base_url if base_url.endswith("/") else base_url + "/"

    async def start(self):
        yield scrapy.Request(
            urljoin(self.base_url, "robots.txt"),
            callback=self.parse_robots,
            errback=self.on_robots_error,
            meta={"dont_obey_robotstxt": True},
            dont_filter=True,
        )
        for path in self.feed_paths:
            yield self.listing_request(urljoin(self.base_url, path), self.parse_feed)
        yield self.listing_request(self.base_url, self.parse_listing)

    # --- discovery -------------------------------------------------------------------------------

    def parse_robots(self, response):
        sitemaps = sitemaps_from_robots(response.text, response.url)
        if not sitemaps:
            logger.info("robots.txt names no sitemap; trying the usual sitemap paths")
            sitemaps = [urljoin(self.base_url, path) for path in self.fallback_sitemaps]
        for url in sitemaps:
            yield self.listing_request(url, self.parse_sitemap)

    def on_robots_error(self, failure: Failure):
        self._count_failure(failure)
        for path in self.fallback_sitemaps:
            yield self.listing_request(urljoin(self.base_url, path), self.parse_sitemap)

    def parse_sitemap(self, response):
        sitemap = parse_sitemap(response.body)
        self.crawler.stats.inc_value(f"newsarchive/sitemaps/{sitemap.kind}")
        for entry in sitemap.entries:
            if sitemap.kind == "index":
                yield self.listing_request(entry.loc, self.parse_sitemap)
            elif self.is_article_url(entry.loc):
                yield self.article_request(entry.loc, source="sitemap", lastmod=entry.lastmod)

    def parse_feed(self, response):
        for entry in parse_feed(response.body):
            if self.is_article_url(entry.link):
                yield self.article_request(entry.link, source="feed")

    def parse_listing(self, response):
        for url in page_links(response.body, response.url):
            kind = self.classify(url)
            if kind == "article":
                yield self.article_request(url, source="listing")
            elif kind in LISTING_KINDS:
                yield self.listing_request(url, self.parse_listing)

    # --- requests ----------------------------------------------------------------------------------

    def classify(self, url: str) -> str:
        if site_key(url) != self.site:
            return "offsite"
        if urlsplit(url).path.rstrip("/") == urlsplit(self.base_url).path.rstrip("/"):
            return "home"
        return classify_url(url)

    def is_article_url(self, url: str) -> bool:
        return self.classify(url) == "article"

    def listing_request(self, url: str, callback) -> scrapy.Request:
        return scrapy.Request(url, callback=callback, errback=self.on_error, priority=-1)

    def article_request(self, url: str, *, source: str, lastmod: str | None = None) -> scrapy.Request:
        self.crawler.stats.inc_value(f"newsarchive/discovered/{source}")
        return scrapy.Request(
            _fetch_url(url),
            callback=self.parse_article,
            errback=self.on_error,
            meta={"sitemap_lastmod": lastmod, "handle_httpstatus_list": list(GONE_STATUSES)},
        )

    # --- pages ---------------------------------------------------------------------------------------

    def parse_article(self, response):
        if response.status in GONE_STATUSES:
            logger.info("Article gone (HTTP %d): %s", response.status, response.url)
            self.crawler.stats.inc_value(f"newsarchive/gone/{response.status}")
        yield self.raw_page(response)

    def raw_page(self, response) -> RawPage:
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
            fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            site=self.site,
            sitemap_lastmod=response.meta.get("sitemap_lastmod"),
        )

    def on_error(self, failure: Failure):
        self._count_failure(failure)

    def _count_failure(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        if failure.check(HttpError):
            reason = f"http_{failure.value.response.status}"
        else:
            reason = failure.type.__name__
        logger.warning("Fetch failed (%s): %s", reason, url)
        self.crawler.stats.inc_value("newsarchive/fetch_failed")
        self.crawler.stats.inc_value(f"newsarchive/fetch_failed/{reason}")
