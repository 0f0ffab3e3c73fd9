"""Routes of the machine-readable files: robots.txt, the Yoast sitemaps and the RSS feed."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from newsarchive.sample_site.model import Article
from newsarchive.sample_site.render import feeds
from newsarchive.sample_site.render.layout import STATIC_PAGES
from newsarchive.sample_site.responses import RSS, TEXT, XML, Response

FEED_SIZE = 10
STATIC_PAGES_MODIFIED = datetime(2024, 1, 15, 9, 30, tzinfo=timezone.utc)
_POST_SITEMAP = re.compile(r"/post-sitemap(?P<number>[2-9]|[1-9]\d+)?\.xml")


def post_sitemap_path(number: int) -> str:
    return "post-sitemap.xml" if number == 1 else f"post-sitemap{number}.xml"


class SitemapRoutes:
    def __init__(self, site):
        self.site = site

    def respond(self, path: str) -> Response | None:
        handlers = {
            "/robots.txt": self.robots,
            "/sitemap.xml": self.sitemap_redirect,
            "/sitemap_index.xml": self.sitemap_index,
            "/page-sitemap.xml": self.page_sitemap,
            "/category-sitemap.xml": self.category_sitemap,
            "/feed/": self.feed,
        }
        if path in handlers:
            return handlers[path]()
        match = _POST_SITEMAP.fullmatch(path)
        return self.post_sitemap(int(match["number"] or 1)) if match else None

    def robots(self) -> Response:
        return Response.text(200, feeds.robots_txt(self.site), TEXT)

    def sitemap_redirect(self) -> Response:
        return Response.redirect(self.site.url("sitemap_index.xml"))

    def sitemap_index(self) -> Response:
        return self.xml(feeds.sitemap_index(self.site, self.index_entries()), self.newest_modified())

    def page_sitemap(self) -> Response:
        return self.xml(feeds.urlset(self.site, self.page_urls()), self.newest_modified())

    def category_sitemap(self) -> Response:
        return self.xml(feeds.urlset(self.site, self.category_urls()), self.newest_modified())

    def feed(self) -> Response:
        newest = self.site.catalog.newest[:FEED_SIZE]
        body = feeds.rss_feed(self.site, newest, self.newest_modified())
        return Response.text(200, body, RSS, last_modified=self.newest_modified())

    @staticmethod
    def xml(body: str, last_modified: datetime | None) -> Response:
        return Response.text(200, body, XML, last_modified=last_modified)

    def newest_modified(self) -> datetime:
        return self.site.catalog.newest_modified or STATIC_PAGES_MODIFIED

    def chunks(self) -> list[list[Article]]:
        """Posts by modification date, oldest first, split as Yoast splits them."""
        by_modified = self.site.catalog.by_modified
        size = self.site.sitemap_size
        return [by_modified[start:start + size] for start in range(0, len(by_modified), size)]

    def index_entries(self) -> list[tuple[str, datetime | None]]:
        entries = [(post_sitemap_path(number), chunk[-1].modified)
                   for number, chunk in enumerate(self.chunks(), start=1)]
        entries.append(("page-sitemap.xml", self.newest_modified()))
        entries.append(("category-sitemap.xml", self.newest_modified()))
        return entries

    def post_sitemap(self, number: int) -> Response | None:
        chunks = self.chunks()
        if number > len(chunks):
            return None
        chunk = chunks[number - 1]
        urls = [(article.url, article.modified, article.image_url) for article in chunk]
        return self.xml(feeds.urlset(self.site, urls), chunk[-1].modified)

    def page_urls(self) -> list[tuple[str, datetime | None, str | None]]:
        urls = [(self.site.url(""), self.newest_modified(), None)]
        urls += [(self.site.url(f"{slug}/"), STATIC_PAGES_MODIFIED, None) for slug in STATIC_PAGES]
        return urls

    def category_urls(self) -> list[tuple[str, datetime | None, str | None]]:
        urls = []
        for category in self.site.menu_categories():
            entries = self.site.category_entries(category.slug)
            lastmod = max((article.modified for article, _ in entries), default=None)
            urls.append((self.site.url(f"category/{category.slug}/"), lastmod, None))
        for slug, _ in self.site.footer_categories():
            urls.append((self.site.url(f"category/{slug}/"), None, None))
        return urls
