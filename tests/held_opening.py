"""A test extension that holds the spider's opening until the process is stopped (a crawl still starting up)."""

from __future__ import annotations

import logging

from scrapy import signals
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
