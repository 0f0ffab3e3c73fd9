"""The objects a crawl process starts with (modules, vocabularies, settings) taken out of the cyclic garbage collector's
work, once the crawl has started (``NEWSARCHIVE_GC_FREEZE``).

Each extracted page makes and drops a few thousand objects (lxml's element proxies among them), so the collector runs
often, and every ~50 pages it walks the whole heap: a process that has imported Scrapy, dateparser and the extraction
code holds some 45 000 tracked objects, which takes 15-40 ms each time. ``gc.collect(); gc.freeze()`` after start-up
moves every object alive then into the permanent generation, which the collector no longer walks; objects made later
are collected as before. A frozen object is still freed when its last reference goes; only a reference cycle among
frozen objects that becomes garbage would be kept.

:class:`FreezeStartupObjects` does it in the crawl process when the engine starts (stat
``newsarchive/gc_frozen_objects``); the extraction workers do it with :func:`freeze_startup_objects` once started
(:mod:`newsarchive.parallel.extraction`); the function lives with the rest of the collector's handling, in
:mod:`newsarchive.extraction.collector`, which imports no Scrapy.
"""

from __future__ import annotations

import logging

from scrapy import signals
from scrapy.exceptions import NotConfigured

from newsarchive.extraction.collector import freeze_startup_objects

logger = logging.getLogger(__name__)


class FreezeStartupObjects:
    """Scrapy extension: :func:`freeze_startup_objects` when the engine starts (``NEWSARCHIVE_GC_FREEZE``)."""

    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("NEWSARCHIVE_GC_FREEZE"):
            raise NotConfigured
        extension = cls(crawler.stats)
        crawler.signals.connect(extension.engine_started, signal=signals.engine_started)
        return extension

    def engine_started(self) -> None:
        frozen = freeze_startup_objects()
        self.stats.set_value("newsarchive/gc_frozen_objects", frozen)
        logger.debug("%d objects of the crawl's start-up left out of garbage collection", frozen)
