"""Stop redirect loops with a clear, counted error instead of a silently filtered request, and say which redirects
lead off the site.

Scrapy's RedirectMiddleware follows a loop until the duplicate filter quietly drops the request
that comes back to an already-seen URL, so the page vanishes from the crawl without a trace. This
downloader middleware sits just before it (on the way back from the downloader) and refuses a
redirect whose target was already visited in the same redirect chain. A redirect to another site is
left to Scrapy's offsite filter, which drops it with a debug line only (``offsite/filtered``): it is
counted here as ``newsarchive/redirect_offsite`` and its first one logged as a warning.
"""

from __future__ import annotations

import logging
from urllib.parse import urljoin, urlsplit

from scrapy.exceptions import IgnoreRequest
from w3lib.url import safe_url_string

from newsarchive.crawl.refusals import Refusals

logger = logging.getLogger(__name__)


class RedirectLoop(IgnoreRequest):
    """The redirect chain of a request came back to a URL it had already visited."""


class RedirectLoopMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.refusals = Refusals(crawler)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request, response):
        location = response.headers.get(b"Location")
        if response.status not in (301, 302, 303, 307, 308) or not location:
            return response
        target = safe_url_string(urljoin(request.url, location.decode("latin-1")))
        chain = [*request.meta.get("redirect_urls", ()), request.url]
        if target in chain:
            self.stats.inc_value("newsarchive/redirect_loop")
            logger.warning("Redirect loop: %s", " -> ".join([*chain, target]))
            raise RedirectLoop(f"redirect loop back to {target}")
        if self._leaves_the_site(request, target):
            self.refusals.note("redirect_offsite", f"Redirect to another site not followed ({target})", request.url)
        return response

    def _leaves_the_site(self, request, target: str) -> bool:
        """Whether Scrapy's offsite filter will drop the redirect to ``target`` (as it decides it)."""
        domains = getattr(self.crawler.spider, "allowed_domains", None)
        if not domains or request.dont_filter or request.meta.get("allow_offsite"):
            return False
        host = (urlsplit(target).hostname or "").lower()
        return not any(host == domain or host.endswith(f".{domain}") for domain in map(str.lower, domains))
