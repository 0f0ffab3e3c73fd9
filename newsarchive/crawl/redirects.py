"""Stop redirect loops with a clear, counted error instead of a silently filtered request.

Scrapy's RedirectMiddleware follows a loop until the duplicate filter quietly drops the request
that comes back to an already-seen URL, so the page vanishes from the crawl without a trace. This
downloader middleware sits just before it (on the way back from the downloader) and refuses a
redirect whose target was already visited in the same redirect chain.
"""

from __future__ import annotations

import logging
from urllib.parse import urljoin

from scrapy.exceptions import IgnoreRequest
from w3lib.url import safe_url_string

logger = logging.getLogger(__name__)


class RedirectLoop(IgnoreRequest):
    """The redirect chain of a request came back to a URL it had already visited."""


class RedirectLoopMiddleware:
    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

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
        return response
