"""Retries that honour ``Retry-After``: a 429 or 503 answer saying when to come back is retried then, not at once.

The wait is bounded by ``NEWSARCHIVE_RETRY_AFTER_MAX`` seconds: a site asking for longer is not
retried in this run (the page is a failed fetch, as after any last retry), counted
``newsarchive/retry_after/too_long`` with one warning line; waits honoured are counted
``newsarchive/retry_after/honoured``. The number of retries stays Scrapy's ``RETRY_TIMES``.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

from scrapy.downloadermiddlewares.retry import RetryMiddleware

from newsarchive.crawl.refusals import Refusals

logger = logging.getLogger(__name__)

RETRY_AFTER_STATUSES = (429, 503)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header value asks to wait (delay-seconds or an HTTP date); None when absent
    or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text) if len(text) < 12 else float("inf")
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max((when - (now or datetime.now(timezone.utc))).total_seconds(), 0.0)


class RetryAfterMiddleware(RetryMiddleware):
    def __init__(self, settings):
        super().__init__(settings)
        self.max_wait = settings.getfloat("NEWSARCHIVE_RETRY_AFTER_MAX")

    @classmethod
    def from_crawler(cls, crawler):
        middleware = super().from_crawler(crawler)
        middleware.refusals = Refusals(crawler)
        return middleware

    async def process_response(self, request, response, spider=None):
        if (response.status in RETRY_AFTER_STATUSES and response.status in self.retry_http_codes
                and not request.meta.get("dont_retry")):
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            if wait is not None and wait > self.max_wait:
                self.refusals.note("retry_after/too_long",
                                   f"Not retried: Retry-After asks for more than NEWSARCHIVE_RETRY_AFTER_MAX "
                                   f"({self.max_wait:g} s)", request.url)
                return response
            if wait:
                retry = self._retry(request, f"{response.status} with Retry-After: {wait:g} s")
                if retry is None:
                    return response
                self.crawler.stats.inc_value("newsarchive/retry_after/honoured")
                logger.info("Retrying %s in %g s, as its Retry-After asks", request.url, wait)
                await asyncio.sleep(wait)
                return retry
        return super().process_response(request, response)
