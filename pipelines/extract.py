"""Turns raw pages into article records with the pure extraction code of newsarchive.extraction.

Raw pages that answered 304 (a re-check found no change) or 404/410 (the article is gone) have
nothing to extract: they go on as they are, for the store pipeline to record.

``NEWSARCHIVE_EXTRACT_WORKERS`` (default: the machine's cores - 1) sizes a pool of worker processes
(:mod:`newsarchive.parallel.extraction`) that extract pages while the reactor goes on crawling:
``process_item`` awaits the page's record without blocking. 0 extracts in the crawl process. The
records are the same either way; only the order in which pages come out may differ.
"""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import DropItem

from newsarchive.extraction import ExtractionLimits, NotAnArticle
from newsarchive.extraction.attributes import CrowdedPage
from newsarchive.http_status import RECORDED_AS_IS
from newsarchive.items import ArticleItem, RawPage, page_record
from newsarchive.parallel.bridge import wait_for
from newsarchive.parallel.extraction import Extracted, ExtractionPool, WorkerStopped
from newsarchive.runs.record import writes_archive

logger = logging.getLogger(__name__)

# Failures whose message says what happened to the page (no traceback logged), and the stat each one counts.
_KNOWN_FAILURES = ((WorkerStopped, "newsarchive/extract_stopped"), (CrowdedPage, "newsarchive/too_many_attributes"))



class ExtractPipeline:
    """RawPage -> ArticleItem; pages that are not articles are dropped and counted."""

    def __init__(self, crawler, workers: int, limits: ExtractionLimits | None = None, stored: bool = False,
                 freeze: bool = False, max_attributes: int | None = None):
        self.crawler = crawler
        self.stats = crawler.stats
        self.workers = workers
        self.limits = limits
        self.max_attributes = max_attributes  # of one tag, in a page extracted in this process (workers: hard limit)
        self.stored = stored  # the records go into this crawl's archive (workers compute what storing needs)
        self.freeze = freeze  # each worker leaves the objects of its start-up out of garbage collection
        self.pool: ExtractionPool | None = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        pipeline = cls(crawler, workers=max(0, settings.getint("NEWSARCHIVE_EXTRACT_WORKERS")),
                       limits=ExtractionLimits.from_settings(settings), stored=writes_archive(settings),
                       freeze=settings.getbool("NEWSARCHIVE_GC_FREEZE"),
                       max_attributes=settings.getint("NEWSARCHIVE_MAX_ATTRIBUTES"))
        crawler.signals.connect(pipeline.close_spider, signal=signals.engine_stopped)
        return pipeline

    def _started_pool(self) -> ExtractionPool:
        """The pool, started with the first page to extract."""
        if self.pool is None:
            setup = getattr(self.crawler.spider, "extraction_setup", None)
            self.pool = ExtractionPool(self.workers, setup, derive=self.stored, freeze=self.freeze)
            logger.info("Extracting pages in %d worker processes", self.workers)
        return self.pool

    def close_spider(self):
        if self.pool is not None:
            self.pool.close()
            self.pool = None

    async def process_item(self, item):
        if not isinstance(item, RawPage):
            return item
        raw = ItemAdapter(item).asdict()
        if raw.get("status") in RECORDED_AS_IS:
            return item
        extracted = await self._extract(raw)
        self._count(extracted.record)
        return ArticleItem(record=extracted.record, raw=raw, fingerprint=extracted.fingerprint,
                           derived=extracted.derived)

    async def _extract(self, raw: dict) -> Extracted:
        try:
            if not self.workers:
                return Extracted(page_record(raw, self.limits, self.max_attributes), None, None)
            return await wait_for(self._started_pool().submit(raw, self.limits))
        except NotAnArticle as exc:
            self.stats.inc_value("newsarchive/not_article")
            logger.info("Not an article (%s): %s", exc, raw["final_url"])
            raise DropItem(f"Not an article ({exc}): {raw['final_url']}") from exc
        except Exception as exc:
            self.stats.inc_value("newsarchive/extract_failed")
            known = next((stat for kind, stat in _KNOWN_FAILURES if isinstance(exc, kind)), None)
            if known:  # the message says what happened to the page; a traceback would be the pool's or the check's
                self.stats.inc_value(known)
                logger.error("Extraction failed for %s: %s", raw["final_url"], exc)
            else:
                logger.error("Extraction failed for %s", raw["final_url"], exc_info=exc)
            raise DropItem(f"Extraction failed: {raw['final_url']}") from exc

    def _count(self, record: dict) -> None:
        self.stats.inc_value("newsarchive/extracted")
        for field in record.get("fallbacks") or ():
            self.stats.inc_value(f"newsarchive/fallback/{field}")
        for warning in record.get("warnings") or ():
            self.stats.inc_value(f"newsarchive/warning/{warning.partition(':')[0]}")
            logger.warning("%s: %s", warning, record.get("url"))
        if not record.get("sections"):
            self.stats.inc_value("newsarchive/empty_body")
            logger.warning("Article without body text: %s", record.get("url"))
