"""Requests the crawl refuses on purpose (robots.txt, crawl budgets): counted and logged, never a failed fetch.

A refusal raises :class:`Refused` (an ``IgnoreRequest``), which names the stat it counts
(``newsarchive/<event>``). The first refusal of each event is logged as a warning with the reason;
the others at debug level, so that a site of 100,000 forbidden pages gives one clear line.
"""

from __future__ import annotations

import logging

from scrapy.exceptions import IgnoreRequest

logger = logging.getLogger(__name__)

#: Signal sent with ``request`` and ``event`` for a request refused before it was sent (robots.txt): what it would
#: have spent (a crawl budget) is given back.
request_refused = object()


class Refused(IgnoreRequest):
    """A request not sent on purpose; ``event`` names its stat ``newsarchive/<event>``."""

    def __init__(self, event: str, message: str):
        super().__init__(message)
        self.event = event


class Refusals:
    """Counts refusals in the crawl's stats and logs the first of each event."""

    def __init__(self, crawler):
        self.crawler = crawler  # its stats exist once the crawl starts
        self.logged: set[str] = set()

    def refuse(self, event: str, message: str, request, *, level: int = logging.WARNING) -> Refused:
        """Count and log the refusal of ``request``, and tell it (:data:`request_refused`); returns the exception to
        raise."""
        self.note(event, message, request.url, level=level)
        self.crawler.signals.send_catch_log(signal=request_refused, request=request, event=event)
        return Refused(event, message)

    def note(self, event: str, message: str, url: str, *, level: int = logging.WARNING) -> None:
        """Count and log a refused thing that is not a request (a sitemap cut short, ...)."""
        self.crawler.stats.inc_value(f"newsarchive/{event}")
        if event in self.logged:
            logger.debug("%s: %s", message, url)
            return
        self.logged.add(event)
        logger.log(level, "%s: %s (counted as newsarchive/%s)", message, url, event)
