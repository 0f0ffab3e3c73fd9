"""Any news site: ``scrapy crawl news -a site=https://www.example.fr`` (or ``-a site=example.fr``, ``-a profile=NAME``).

The site's profile (:mod:`newsarchive.sites.profiles`: the one named by ``-a profile``, else the one whose
domains hold the site's host) gives its URL rules (:mod:`newsarchive.sites.rules`: WordPress or generic,
refined by its patterns), where its articles are listed and which page class reads them; a site without
a profile is crawled on the generic rules (:mod:`newsarchive.sites.generic`). Each profile's own spider
(``scrapy crawl onemedia``, :mod:`spiders.sites`) is this spider with its profile fixed. Either way,
articles are discovered from the sitemaps robots.txt names (sitemap indexes, Google News sitemaps),
the feeds (the profile's, else the usual paths and those the home page links to with
``<link rel="alternate">``), the home page and the sections it links to. ``-a base_url=URL`` crawls
a copy of a profiled site at another address (``-a profile=onemedia -a base_url=http://127.0.0.1:8000/``).
``-a url=URL`` archives that one article and nothing else (no discovery), read with the profile of its
site if there is one.
"""

from __future__ import annotations

import logging
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import TextResponse

from newsarchive.crawl.listing import is_next_page
from newsarchive.sites import generic as generic_site
from newsarchive.sites.catalog import ProfileCatalog, load_profiles
from newsarchive.sites.profiles import SiteProfile
from newsarchive.sites.registry import use_profiles
from newsarchive.sites.rules import SiteRules
from newsarchive.urls import canonicalize_url, site_key
from spiders.base import NewsSiteSpider

logger = logging.getLogger(__name__)

MAX_LINK_KINDS = 50_000  # URLs whose kind a spider keeps (about 10 MB at most)
_FEED_LINKS = ("//link[contains(concat(' ', normalize-space(@rel), ' '), ' alternate ')]"
               "[contains(@type, 'rss+xml') or contains(@type, 'atom+xml')]/@href")


def site_url(site: str) -> str:
    """``example.fr`` -> ``https://example.fr/``; a URL is kept; raises ValueError for anything else."""
    text = site.strip()
    url = text if "://" in text else f"https://{text}"
    try:
        site_key(url)
    except ValueError:
        raise ValueError(f"-a site: expected a site such as example.fr or https://www.example.fr/, not {site!r}") from None
    return url if urlsplit(url).path else url + "/"


def choose_profile(catalog: ProfileCatalog, *, site: str | None = None, profile: str | None = None,
                   base_url: str | None = None) -> tuple[SiteProfile | None, str]:
    """The profile of the crawl (None: generic rules) and the URL of the site's home page to crawl."""
    if base_url is not None:
        base_url = NewsSiteSpider.normalise_base(base_url)  # an absolute URL, unlike -a site
    if site and base_url and site_url(site) != base_url:
        raise ValueError("give -a site or -a base_url, not both")
    address = site_url(site) if site else base_url
    if profile:
        chosen = catalog.get(profile)
        return chosen, address or chosen.base_url
    if address is None:
        raise ValueError("name the site to crawl: -a site=https://www.example.fr or -a profile=NAME "
                         "(newsarchive sites lists the profiles)")
    return catalog.for_host(urlsplit(address).hostname or ""), address


def home_of(url: str | None) -> str | None:
    """The home page of the site of an article URL (``-a url=...``); raises ValueError for a bad URL."""
    if url is None:
        return None
    try:
        site_key(url)
    except ValueError:
        raise ValueError(f"-a url: expected an article's absolute http(s) URL, not {url!r}") from None
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


class NewsSpider(NewsSiteSpider):
    name = "news"
    own_arguments = ("base_url", "site", "profile", "url")

    def __init__(self, *args, site_profile: SiteProfile | None = None, article_url: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.article_url = article_url  # -a url=...: that article alone
        self.profile = site_profile
        self.rules = site_profile.rules if site_profile else SiteRules.of()
        self.site_domain = site_profile.domains[0] if site_profile else None
        self.allowed_domains = self._allowed_domains()
        self.requested_sitemaps: set[str] = set()
        starts = site_profile.start_urls if site_profile else ()
        self.home_urls = {canonicalize_url(site_profile.resolve(url, self.base_url)) for url in starts}
        self.link_kinds: dict[str, str] = {}  # URL -> its kind: the same links are on every page of a site
        if site_profile and site_profile.discovery.sitemaps:
            self.fallback_sitemaps = ()

    @classmethod
    def check_arguments(cls, settings, *, site=None, profile=None, base_url=None, url=None, **arguments) -> None:
        catalog = load_profiles(settings.get("NEWSARCHIVE_PROFILES_DIR"))
        site = site or (None if base_url else home_of(url))
        _, home = choose_profile(catalog, site=site, profile=profile, base_url=base_url)
        super().check_arguments(settings, base_url=home, **arguments)

    @classmethod
    def from_crawler(cls, crawler, *args, site=None, profile=None, base_url=None, url=None, **kwargs):
        catalog = load_profiles(crawler.settings.get("NEWSARCHIVE_PROFILES_DIR"))
        for error in catalog.errors:
            logger.warning("Site profile left out: %s", error)
        site = site or (None if base_url else home_of(url))
        chosen, home = choose_profile(catalog, site=site, profile=profile, base_url=base_url)
        use_profiles(crawler.settings.get("NEWSARCHIVE_PROFILES_DIR"))  # the page classes of this run's profiles
        spider = super().from_crawler(crawler, *args, base_url=home, site_profile=chosen, article_url=url, **kwargs)
        spider.extraction_setup = (use_profiles, (crawler.settings.get("NEWSARCHIVE_PROFILES_DIR"),))
        if chosen:
            logger.info("Crawling %s with the site profile %s (%s)", spider.base_url, chosen.name, chosen.source)
        else:
            logger.info("Crawling %s with the generic rules (no site profile for it)", spider.base_url)
        return spider

    def _allowed_domains(self) -> list[str]:
        host = urlsplit(self.base_url).hostname or ""
        domains = list(self.profile.domains) if self.profile else []
        if not (self.profile and self.profile.claims(host)):
            domains.append(host.removeprefix("www."))
        return domains

    # --- where the articles are listed -----------------------------------------------------------

    async def start(self):
        if self.article_url:
            logger.info("Archiving one article: %s", self.article_url)
            yield self.fetch_request(self.article_url)
            return
        async for request in super().start():
            yield request
        for url in self.profile.discovery.sitemaps if self.profile else ():
            url = self.profile.resolve(url, self.base_url)
            if url not in self.requested_sitemaps:  # robots.txt may have named it already
                yield self.sitemap_request(url)
        for url in self.section_urls():
            yield self.listing_request(url, self.parse_listing)
        for request in self.feed_requests():
            yield request

    def section_urls(self) -> list[str]:
        """The profile's other start URLs and its sections, at the crawled address (those of the crawl's
        category only, when it has one)."""
        if self.profile is None:
            return []
        urls = [self.profile.resolve(url, self.base_url)
                for url in (*self.profile.start_urls[1:], *self.profile.discovery.sections)]
        return [url for url in urls if self.scope.admits_url(url)]

    def section_urls_of(self, section: str) -> list[str]:
        """Where the listing of ``section`` (``-a category=``) starts, as the site's URL rules say."""
        return [urljoin(self.base_url, path) for path in self.rules.section_paths(section)]

    def feed_requests(self):
        if self.profile and self.profile.discovery.feeds:
            for url in self.profile.discovery.feeds:
                yield self.listing_request(self.profile.resolve(url, self.base_url), self.parse_feed)
            return
        for path in generic_site.COMMON_FEED_PATHS:
            yield self.probe_request(urljoin(self.base_url, path), self.parse_feed, "feeds")

    def sitemap_request(self, url: str, depth: int = 0) -> scrapy.Request:
        self.requested_sitemaps.add(url)
        return super().sitemap_request(url, depth)

    def parse_robots(self, response):
        """The sitemaps robots.txt names, but those the profile already asked for."""
        listed = set(self.requested_sitemaps)
        for request in super().parse_robots(response):
            if request.url not in listed:
                yield request

    def parse_sitemap(self, response):
        """As for any site, but a sitemap index's sitemaps already asked for are not asked for again
        and, without a profile, its sitemaps of tags, categories, authors and static pages are left out."""
        listed = set(self.requested_sitemaps)
        for request in super().parse_sitemap(response):
            if request.callback != self.parse_sitemap:
                yield request
            elif self.profile is None and generic_site.is_taxonomy_sitemap(request.url):
                logger.debug("Sitemap of no articles left out: %s", request.url)
                self.crawler.stats.inc_value("newsarchive/sitemaps/left_out")
            elif request.url not in listed:
                yield request

    def parse_listing(self, response):
        document = self.listing_document(response)  # parsed once for its feeds, its links and its entries
        if self.classify(response.url) == "home" and not (self.profile and self.profile.discovery.feeds):
            yield from self.linked_feed_requests(response, document)
        yield from self.listing_requests(response, document)

    def linked_feed_requests(self, response, document):
        """The feeds the home page (``document``) names with ``<link rel="alternate" type="application/rss+xml">``."""
        if not isinstance(response, TextResponse) or document is None:
            return
        for href in document.xpath(_FEED_LINKS):
            url = response.urljoin(href.strip())
            if self.classify(url) != "offsite":
                yield self.probe_request(url, self.parse_feed, "feeds")

    def follows_listing(self, url: str, from_url: str, fresh: bool) -> bool:
        """Sections linked from the home page (or another start URL of the profile), and next pages."""
        if not super().follows_listing(url, from_url, fresh):
            return False
        return self.classify(from_url) == "home" or is_next_page(url, from_url)

    # --- what a URL leads to ---------------------------------------------------------------------

    def classify(self, url: str) -> str:
        """``offsite``, ``home``, ``article``, ``section`` or ``other``: the site's URL rules (see
        :meth:`newsarchive.sites.rules.SiteRules.link_kind`) for a page of the site but its home.
        Kept for the first ``MAX_LINK_KINDS`` URLs met (menus and sidebars repeat on every page)."""
        kind = self.link_kinds.get(url)
        if kind is None:
            kind = self._kind_of(url)
            if len(self.link_kinds) < MAX_LINK_KINDS:
                self.link_kinds[url] = kind
        return kind

    def _kind_of(self, url: str) -> str:
        if not self.is_on_site(url):
            return "offsite"
        if self.is_home(url):
            return "home"
        return self.rules.link_kind(url)

    def is_article_url(self, url: str) -> bool:
        """A URL a sitemap or feed lists, judged by the site's URL rules (see
        :meth:`newsarchive.sites.rules.SiteRules.is_listed_article`)."""
        if not self.is_on_site(url) or self.is_home(url):
            return False
        return self.rules.is_listed_article(url)

    def is_on_site(self, url: str) -> bool:
        try:
            key = site_key(url)
        except ValueError:
            return False
        if key == self.site:
            return True
        return bool(self.profile and self.profile.claims(urlsplit(url).hostname or ""))

    def is_home(self, url: str) -> bool:
        """The crawled home page, or one of the profile's start URLs."""
        path = urlsplit(url).path.rstrip("/")
        if path == urlsplit(self.base_url).path.rstrip("/") and not urlsplit(url).query:
            return True
        return canonicalize_url(url) in self.home_urls
