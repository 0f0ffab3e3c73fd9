"""Stores articles in the SQLite archive of the crawl's run, a batch per transaction.

Settings: ``NEWSARCHIVE_BATCH_SIZE`` (items per transaction) and ``NEWSARCHIVE_KEEP_RAW`` (keep the
compressed page for re-extraction). The archive is the one the crawl's run opened
(:class:`newsarchive.runs.extension.CrawlRun`, which also owns the lock, the run record and its
summary); like it, the pipeline is off with ``NEWSARCHIVE_STORE`` off and on a Redis worker.

Besides articles, the pipeline records the raw pages that need no extraction: 304 answers to
re-checks (the article was seen, unchanged) and 404/410 answers (the article is marked removed), and
the URLs of the duplicates the dedup pipeline dropped. Batches are written off the reactor, by a
writer thread of their own (the crawl goes on meanwhile; it waits only when the writer lags two
batches behind); closing waits for every batch. Counts (``newsarchive/articles_*`` stats) are taken
after each commit, so they never include anything a kill could lose.
"""

from __future__ import annotations

import logging
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import NotConfigured

from newsarchive.items import RawPage
from newsarchive.runs.extension import CrawlRun
from newsarchive.runs.record import writes_archive
from newsarchive.storage import SaveResult
from newsarchive.storage.batches import Batch
from pipelines.dedup import DuplicateArticle

logger = logging.getLogger(__name__)

WRITES_AHEAD = 2  # batches waiting for the writer thread before the pipeline waits for it


class SQLitePipeline:
    def __init__(self, crawler, run: CrawlRun, batch_size: int, keep_raw: bool):
        self.stats = crawler.stats
        self.run = run
        self.batch_size = batch_size
        self.keep_raw = keep_raw
        self.pending = Batch()
        self.writer = ThreadPoolExecutor(1, thread_name_prefix="archive-writer")
        self.writes: deque[Future] = deque()  # batches handed to the writer thread, oldest first

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not writes_archive(settings):
            raise NotConfigured  # no archive written by this crawl (NEWSARCHIVE_STORE off, or a Redis worker)
        run = crawler.get_extension(CrawlRun)
        if run is None:
            raise ValueError("the store pipeline needs the extension newsarchive.runs.extension.CrawlRun "
                             "in EXTENSIONS: it opens the archive and records the run")
        pipeline = cls(crawler, run, batch_size=max(1, settings.getint("NEWSARCHIVE_BATCH_SIZE")),
                       keep_raw=settings.getbool("NEWSARCHIVE_KEEP_RAW"))
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        return pipeline

    def process_item(self, item):
        adapter = ItemAdapter(item)
        if isinstance(item, RawPage):
            self.pending.add_answer(adapter.asdict())
        elif "record" in adapter.field_names():
            self.pending.add_article(adapter["record"], adapter.get("raw"), adapter.get("fingerprint"), self.keep_raw,
                                     adapter.get("derived"))
        else:
            return item
        if len(self.pending) >= self.batch_size:
            self.write_pending()
        return item

    def item_dropped(self, item, response, exception, spider):
        if isinstance(exception, DuplicateArticle):
            self.pending.add_duplicate(exception.urls, exception.original_url, exception.seen_at)

    def close_spider(self):
        """Store what is buffered and wait until it is committed, before the run records its end."""
        try:
            self.flush()
        finally:
            self.writer.shutdown(wait=True)

    def write_pending(self) -> None:
        """Hand the buffered batch to the writer thread; wait only when it lags WRITES_AHEAD batches behind."""
        if self.run.archive is None or not len(self.pending):
            return
        batch, self.pending = self.pending, Batch()
        self.writes.append(self.writer.submit(self._write, batch))
        while self.writes and (self.writes[0].done() or len(self.writes) > WRITES_AHEAD):
            self.writes.popleft().result()

    def flush(self) -> None:
        """Store the buffered articles, duplicate URLs and re-check answers, and wait until all is committed."""
        self.write_pending()
        while self.writes:
            self.writes.popleft().result()

    def _write(self, batch: Batch) -> None:
        """In the writer thread: one transaction, then the counts (no other thread counts these stats), before
        the run may record its end; nothing once it has (a forced stop: the next run fetches these pages)."""
        with self.run.writing() as archive:
            if archive is None:
                logger.warning("Not stored, the run having ended (a forced stop): a batch of %d articles, which the "
                               "next run fetches", len(batch.items))
                return
            try:
                result, failed = batch.save(archive)
            except Exception:
                logger.exception("Cannot store a batch of %d articles", len(batch.items))
                result, failed = SaveResult(), len(batch.items)
            if failed:
                self.stats.inc_value("newsarchive/store_failed", failed)
            self._count(result)

    def _count(self, result: SaveResult) -> None:
        for name, count in result.stats().items():
            self.stats.inc_value(name, count)
