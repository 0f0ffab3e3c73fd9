"""URL routing of the sample site: request target -> :class:`Response`."""

from __future__ import annotations

import json
import logging
import math
import re
from urllib.parse import parse_qs, urlsplit

from newsarchive.sample_site.faults import FaultPages
from newsarchive.sample_site.model import SITE_NAME
from newsarchive.sample_site.render.article import article_page
from newsarchive.sample_site.render.listing import Listing, error_page, listing_page, static_page
from newsarchive.sample_site.responses import (
    JSON,
    Response,
    body_etag,
    is_not_modified,
    lower_keys,
    not_modified,
)
from newsarchive.sample_site.sitemaps import SitemapRoutes

logger = logging.getLogger(__name__)

# 1x1 transparent GIF, served for every uploaded image
PIXEL = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")

ROUTES = [
    (re.compile(pattern), name)
    for pattern, name in (
        (r"/", "home"),
        (r"/page/(?P<page>\d+)/", "home"),
        (r"/(?P<kind>category|tag|author)/(?P<slug>[^/]+)/(?:page/(?P<page>\d+)/)?", "archive"),
        (r"/(?P<slug>contact|mentions-legales)/", "static"),
        (r"/wp-content/uploads/.+\.(?:jpe?g|png|gif|webp)", "image"),
        (r"/wp-admin/.*", "forbidden"),
        (r"/(?P<category>[^/]+)/(?P<slug>[^/]+)/(?:amp/)?", "article"),
    )
]


class Router:
    """Answers requests for one :class:`~newsarchive.sample_site.site.SampleSite`."""

    def __init__(self, site):
        self.site = site
        self.faults = FaultPages(site)
        self.sitemaps = SitemapRoutes(site)

    def respond(self, method: str, target: str, headers) -> Response:
        headers = lower_keys(headers)
        parts = urlsplit(target)
        query = parse_qs(parts.query)
        if method == "POST" and parts.path == "/__control__/advance":
            return self.advance(query)
        if method not in ("GET", "HEAD"):
            return Response(405, b"", headers={"Allow": "GET, HEAD"})
        response = self.route(parts.path or "/", query)
        if response.status == 200 and response.etag is None:
            response.etag = body_etag(response.body)
        if response.status == 200 and is_not_modified(response, headers):
            return not_modified(response)
        return response

    def route(self, path: str, query: dict[str, list[str]]) -> Response:
        if path == "/" and "s" in query:
            return self.search(query["s"][0])
        if path == "/" and "p" in query:
            return self.post_by_id(query["p"][0])
        response = self.sitemaps.respond(path) or self.faults.respond(path)
        if response:
            return response
        for pattern, name in ROUTES:
            match = pattern.fullmatch(path)
            if match:
                response = getattr(self, name)(**match.groupdict())
                if response:
                    return response
                break
        if not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
            return Response.redirect(self.site.url(path + "/"))
        return self.error(404)

    def error(self, status: int) -> Response:
        return Response.text(status, error_page(self.site, status))

    # -- pages --------------------------------------------------------------------------------

    def article(self, category: str, slug: str) -> Response | None:
        path = f"/{category}/{slug}/"
        article = self.site.catalog.by_path.get(path)
        if article is None:
            return self.error(410) if path in self.site.catalog.removed else None
        etag = f'"{article.post_id}-{int(article.modified.timestamp())}"'
        return Response.text(200, article_page(self.site, article), etag=etag, last_modified=article.modified)

    def home(self, page: str | None = None) -> Response | None:
        title = f"{SITE_NAME} - L’actualité en France et dans le monde"
        entries = self.site.catalog.all_entries
        return self.listing(Listing(title, "", "", int(page or 1), 0, entries, "home blog"))

    def archive(self, kind: str, slug: str, page: str | None = None) -> Response | None:
        site = self.site
        if kind == "category":
            if not site.has_category(slug):
                return None
            entries = self.faults.entries() if slug == "tests" else site.category_entries(slug)
            name = "Tests" if slug == "tests" else site.category(slug).name
            title = f"{name} Archives - {SITE_NAME}"
        else:
            entries = site.catalog.group(f"{kind}:{slug}")
            if not entries:
                return None
            if kind == "tag":
                name = site.catalog.tag_names.get(slug, slug)
                title = f"{name} Archives - {SITE_NAME}"
            else:
                name = entries[0][0].author
                title = f"{name}, Auteur/autrice sur {SITE_NAME}"
        listing = Listing(title, name, f"{kind}/{slug}/", int(page or 1), 0, entries, f"archive {kind}")
        return self.listing(listing)

    def listing(self, listing: Listing) -> Response | None:
        size = self.site.page_size
        listing.pages = max(1, math.ceil(len(listing.entries) / size))
        if listing.page < 1 or listing.page > listing.pages:
            return None
        start = (listing.page - 1) * size
        listing.entries = listing.entries[start:start + size]
        return Response.text(200, listing_page(self.site, listing))

    def static(self, slug: str) -> Response:
        return Response.text(200, static_page(self.site, slug))

    def search(self, terms: str) -> Response:
        words = terms.lower().split()
        entries = [(article, article.url) for article in self.site.catalog.newest
                   if all(word in article.headline.lower() for word in words)]
        title = f"Vous avez cherché {terms} - {SITE_NAME}"
        listing = Listing(title, f"Résultats pour « {terms} »", "", 1, 1, entries[: self.site.page_size], "search")
        return Response.text(200, listing_page(self.site, listing))

    def post_by_id(self, value: str) -> Response:
        for article in self.site.catalog.newest:
            if str(article.post_id) == value:
                return Response.redirect(article.url)
        return self.error(404)

    def image(self) -> Response:
        return Response(200, PIXEL, "image/gif")

    def forbidden(self) -> Response:
        return self.error(403)

    # -- control ------------------------------------------------------------------------------

    def advance(self, query: dict[str, list[str]]) -> Response:
        try:
            counts = {name: int(query.get(name, ["0"])[0]) for name in ("new", "edit", "delete")}
            hours = float(query.get("hours", ["1"])[0])
        except ValueError:
            return Response.text(400, json.dumps({"error": "new, edit, delete and hours must be numbers"}), JSON)
        changes = self.site.advance(hours=hours, **counts)
        logger.info("Sample site advanced: %s", {name: len(urls) for name, urls in changes.items() if name != "now"})
        return Response.text(200, json.dumps(changes, ensure_ascii=False), JSON)
