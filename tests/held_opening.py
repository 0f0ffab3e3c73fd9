"""Test components that hold a crawl still starting up: its start, for a while, just before Scrapy handles signals
(:class:`HeldResolver`), or the spider's opening, until the process is stopped (:class:`HeldOpening`)."""

from __future__ import annotations

import logging
import time

from scrapy import signals
from scrapy.resolver import CachingThreadedResolver
from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)


class HeldOpening:
    def __init__(self):
        self.held = Deferred()  # never fired: the engine stays in its opening phase

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls()
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        return extension

    def spider_opened(self, spider):
        logger.info("Opening held")
        return self.held


class HeldResolver(CachingThreadedResolver):
    """Scrapy's DNS resolver (``TWISTED_DNS_RESOLVER``), built as the crawl starts, once the archive lock is taken
    and before Scrapy handles signals (once its reactor runs): the start is held there for a while."""

    HOLD = 2.0  # seconds

    @classmethod
    def from_crawler(cls, crawler, reactor):
        logger.info("Start held")
        time.sleep(cls.HOLD)
        return super().from_crawler(crawler, reactor)
