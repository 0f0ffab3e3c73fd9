"""robots.txt obeyed strictly: a site whose robots.txt cannot be read is not crawled at all.

Scrapy's ``RobotsTxtMiddleware`` fetches each site's robots.txt before any other request to it, but
treats a robots.txt it cannot fetch or read as no robots.txt, allowing everything. Here, as search
engines do (RFC 9309): a 4xx answer (but 429) means no rules; a 5xx or 429 answer after retries, a
failed download, or a robots.txt larger than ``NEWSARCHIVE_ROBOTS_MAX_SIZE`` means *do not crawl the
site*: every request to it is refused, counted ``newsarchive/robots/unreadable``, with one error line.
Requests that robots.txt forbids are refused and counted ``newsarchive/robots/forbidden``, without
being failed fetches.

robots.txt is fetched once per site: a request for it (the spider's, for the sitemaps it names) gets
what the fetch of the rules got, without being retried again: its response, flagged ``cached`` as
Scrapy's HTTP cache flags the responses it serves (Scrapy's ``downloader/response_count`` counts it),
or its failure; counted ``newsarchive/robots/reused``.
"""

from __future__ import annotations

import logging

from scrapy import Request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from newsarchive.crawl.refusals import Refusals

logger = logging.getLogger(__name__)

RULES_FETCH = "newsarchive_robots_rules"  # meta of the middleware's own request for a robots.txt
REUSED = "cached"  # the flag of a response served without a download (not recorded again in the WARC files)


def robots_url(request: Request) -> str:
    """The robots.txt of the request's site."""
    url = urlparse_cached(request)
    return f"{url.scheme}://{url.netloc}/robots.txt"


class DisallowAll:
    """The rules of a site that must not be crawled."""

    def __init__(self, reason: str):
        self.reason = reason

    def allowed(self, url, user_agent) -> bool:
        return False


class StrictRobotsTxtMiddleware(RobotsTxtMiddleware):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.max_size = crawler.settings.getint("NEWSARCHIVE_ROBOTS_MAX_SIZE")
        self.refusals = Refusals(crawler)
        self._outcomes: dict[str, Response | Exception] = {}  # robots.txt URL -> what its fetch got, until reused

    async def process_request(self, request):
        """A request for a site's robots.txt gets what the fetch of its rules got, without a second fetch."""
        if request.meta.get(RULES_FETCH) or request.method != "GET" or request.url != robots_url(request):
            return await super().process_request(request)
        await self.robot_parser(request)
        outcome = self._outcomes.pop(request.url, None)  # given once: not kept for the rest of the crawl
        if outcome is None:  # the rules came from another URL (the site's other scheme), or it was given already
            return await super().process_request(request)
        self._stats.inc_value("newsarchive/robots/reused")
        request.meta["dont_retry"] = True  # the fetch of the rules was retried already
        if isinstance(outcome, Exception):
            raise outcome
        return outcome.replace(request=request, flags=[*outcome.flags, REUSED])

    def process_request_2(self, rp, request) -> None:
        try:
            super().process_request_2(rp, request)
        except IgnoreRequest:
            if isinstance(rp, DisallowAll):
                raise self.refusals.refuse("robots/unreadable", f"Not crawled: {rp.reason}", request,
                                           level=logging.DEBUG) from None
            raise self.refusals.refuse("robots/forbidden", "Forbidden by robots.txt", request,
                                       level=logging.INFO) from None

    async def _parse_robots(self, response, netloc: str, request) -> None:
        problem = None
        if response.status >= 500 or response.status == 429:
            problem = f"its robots.txt answers HTTP {response.status}"
        elif len(response.body) > self.max_size:
            problem = (f"its robots.txt is larger than NEWSARCHIVE_ROBOTS_MAX_SIZE "
                       f"({len(response.body)} > {self.max_size} bytes)")
        if problem is None:
            await super()._parse_robots(response, netloc, request)
            return
        self._stats.inc_value("robotstxt/response_count")
        self._disallow_all(netloc, problem)

    async def robot_parser(self, request):
        """The rules of the request's site, fetched once per site before any other request to it."""
        netloc = urlparse_cached(request).netloc
        if netloc not in self._parsers:
            self._parsers[netloc] = Deferred()
            robots_request = Request(robots_url(request), priority=self.DOWNLOAD_PRIORITY,
                                     meta={"dont_obey_robotstxt": True, RULES_FETCH: True}, callback=NO_CALLBACK)
            try:
                response = await self.crawler.engine.download_async(robots_request)
            except Exception as exc:  # noqa: BLE001 (any failure to fetch it means: do not crawl)
                self._outcomes[robots_request.url] = exc  # kept before the waiting requests get the rules
                self._disallow_all(netloc, f"its robots.txt cannot be fetched ({type(exc).__name__}: {exc})")
            else:
                self._outcomes[robots_request.url] = response
                await self._parse_robots(response, netloc, request)
            self._stats.inc_value("robotstxt/request_count")
        waiting = self._parsers[netloc]
        if isinstance(waiting, Deferred):
            # The rules are read from the table once the Deferred fires, not from its result: a Deferred
            # hands its result to its first waiter only (the others got None: allowed, probes and all).
            await maybe_deferred_to_future(waiting)
        return self._parsers[netloc]

    def _disallow_all(self, netloc: str, problem: str) -> None:
        """From now on, every request to ``netloc`` is refused."""
        logger.error("Not crawling %s: %s; a site whose robots.txt cannot be read is not crawled "
                     "(counted as newsarchive/robots/unreadable)", netloc, problem)
        parser = DisallowAll(f"{netloc}: {problem}")
        waiting = self._parsers.get(netloc)
        self._parsers[netloc] = parser
        if isinstance(waiting, Deferred) and not waiting.called:
            waiting.callback(parser)
