"""Stores articles in the SQLite archive, a batch per transaction, and records the crawl run.

Settings: ``NEWSARCHIVE_DB`` (default: the ``NEWSARCHIVE_DB`` environment variable, else
``data/archive.db`` of the project, see :mod:`newsarchive.storage.location`), ``NEWSARCHIVE_BATCH_SIZE`` (50),
``NEWSARCHIVE_KEEP_RAW`` (True: keep the compressed page for re-extraction),
``NEWSARCHIVE_LOCK_WAIT`` (0: seconds to wait for the archive lock) and
``NEWSARCHIVE_FAILED_PAGES_TOLERANCE`` (see :mod:`newsarchive.runlog`).

One crawl at a time writes to an archive (:mod:`newsarchive.lock`): a crawl that finds the lock
held closes with the reason ``archive_locked``; an archive that cannot be opened closes it with
``archive_unavailable``. Runs left ``running`` by killed crawls are marked ``interrupted``.
Besides articles, the pipeline records the raw pages that need no extraction: 304 answers to
re-checks (the article was seen, unchanged) and 404/410 answers (the article is marked removed).
Batches are written off the reactor, by a writer thread of their own (the crawl goes on meanwhile;
it waits only when the writer lags two batches behind); closing waits for every batch. Counts
(``newsarchive/articles_*`` stats) are taken after each commit, so they never include anything a
kill could lose. The end of the run is recorded with its stats and logged in one line.
"""

from __future__ import annotations

import logging
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import CloseSpider, NotConfigured

from newsarchive.items import RawPage
from newsarchive.lock import ArchiveLocked, lock_for_crawl
from newsarchive.runlog import (
    ARCHIVE_LOCKED,
    ARCHIVE_UNAVAILABLE,
    DEFAULT_FAILED_PAGES_TOLERANCE,
    run_status,
    summary_level,
    summary_line,
)
from newsarchive.storage import Archive, SaveResult, archive_path
from newsarchive.storage.batches import Batch
from pipelines.dedup import DuplicateArticle

logger = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 50
WRITES_AHEAD = 2  # batches waiting for the writer thread before the pipeline waits for it
RECORDED_SETTINGS = (
    "BOT_NAME", "USER_AGENT", "ROBOTSTXT_OBEY", "AUTOTHROTTLE_ENABLED", "CONCURRENT_REQUESTS_PER_DOMAIN",
    "DOWNLOAD_DELAY", "CLOSESPIDER_TIMEOUT", "CLOSESPIDER_PAGECOUNT", "CLOSESPIDER_ITEMCOUNT",
)


def run_settings(settings) -> dict:
    """The settings worth recording with a crawl run."""
    return {
        name: value for name, value in sorted(settings.copy_to_dict().items())
        if name.startswith("NEWSARCHIVE_") or name in RECORDED_SETTINGS
    }


class SQLitePipeline:
    def __init__(self, crawler, db_path, batch_size: int, keep_raw: bool, lock_wait: float = 0.0,
                 failed_pages_tolerance: float | None = DEFAULT_FAILED_PAGES_TOLERANCE):
        self.crawler = crawler
        self.stats = crawler.stats
        self.db_path = db_path
        self.batch_size = batch_size
        self.keep_raw = keep_raw
        self.lock_wait = lock_wait
        self.failed_pages_tolerance = failed_pages_tolerance
        self.lock = None
        self.archive: Archive | None = None
        self.run_id: int | None = None
        self.pending = Batch()
        self.writer = ThreadPoolExecutor(1, thread_name_prefix="archive-writer")
        self.writes: deque[Future] = deque()  # batches handed to the writer thread, oldest first

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.getbool("NEWSARCHIVE_STORE", True):
            raise NotConfigured("NEWSARCHIVE_STORE is off")
        if settings.get("NEWSARCHIVE_REDIS_URL"):
            raise NotConfigured("a Redis worker: newsarchive store writes the archive")
        pipeline = cls(
            crawler,
            db_path=archive_path(settings),
            batch_size=max(1, settings.getint("NEWSARCHIVE_BATCH_SIZE", DEFAULT_BATCH_SIZE)),
            keep_raw=settings.getbool("NEWSARCHIVE_KEEP_RAW", True),
            lock_wait=settings.getfloat("NEWSARCHIVE_LOCK_WAIT", 0.0),
            failed_pages_tolerance=settings.getfloat("NEWSARCHIVE_FAILED_PAGES_TOLERANCE",
                                                     DEFAULT_FAILED_PAGES_TOLERANCE),
        )
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self):
        self._take_lock()
        try:
            self.archive = Archive.open(self.db_path, check=True)  # a damaged archive: one line, exit 2
            self._close_unfinished_runs()
            self.run_id = self.archive.start_run(self.crawler.spidercls.name, run_settings(self.crawler.settings))
        except Exception as exc:
            logger.error("Cannot use the archive %s, closing the spider: %s", self.db_path, exc)
            self._close_archive()
            raise CloseSpider(ARCHIVE_UNAVAILABLE) from exc
        logger.info("Archiving to %s (run %d)", self.db_path, self.run_id)
        from twisted.internet import reactor

        reactor.addSystemEventTrigger("before", "shutdown", self._close_run_left_open)

    def _close_run_left_open(self) -> None:
        """A SIGTERM while the spider is still opening stops the reactor without closing the spider
        (Scrapy only stops a running engine): the run is then recorded here, as interrupted."""
        if self.archive is not None:
            self.spider_closed(self.crawler.spider, "shutdown")

    def _take_lock(self) -> None:
        try:
            self.lock = lock_for_crawl(self.db_path, self.lock_wait)
        except ArchiveLocked as exc:
            logger.warning("Not crawling: %s", exc)
            raise CloseSpider(ARCHIVE_LOCKED) from exc
        except OSError as exc:
            logger.error("Cannot use the archive %s, closing the spider: %s", self.db_path, exc)
            raise CloseSpider(ARCHIVE_UNAVAILABLE) from exc

    def _close_unfinished_runs(self) -> None:
        for run in self.archive.close_unfinished_runs():
            logger.warning("Run %s (started %s by pid %s on %s) did not finish: marked interrupted",
                           run["id"], run["started_at"], run["pid"], run["host"])

    def process_item(self, item):
        adapter = ItemAdapter(item)
        if isinstance(item, RawPage):
            self.pending.add_answer(adapter.asdict())
        elif "record" in adapter.field_names():
            self.pending.add_article(adapter["record"], adapter.get("raw"), adapter.get("fingerprint"), self.keep_raw)
        else:
            return item
        if len(self.pending) >= self.batch_size:
            self.write_pending()
        return item

    def item_dropped(self, item, response, exception, spider):
        if isinstance(exception, DuplicateArticle):
            self.pending.add_duplicate(exception.urls, exception.original_url, exception.seen_at)

    def close_spider(self):
        self.flush()

    def spider_closed(self, spider, reason):
        if self.archive is None:
            self._close_archive()
            return
        try:
            self.flush()
            status = run_status(reason, self.stats.get_stats(), self.failed_pages_tolerance)
            self.stats.set_value("newsarchive/run_status", status)
            self.stats.set_value("newsarchive/run_id", self.run_id)
            stats = self.stats.get_stats()
            self.archive.finish_run(self.run_id, status=status, finish_reason=reason, stats=stats)
            line = summary_line(self.run_id, status, reason, stats, self.db_path)
            logger.log(summary_level(self.crawler.settings), line)
        except Exception:
            logger.exception("Cannot record the end of run %s in %s", self.run_id, self.db_path)
        finally:
            self._close_archive()

    def write_pending(self) -> None:
        """Hand the buffered batch to the writer thread; wait only when it lags WRITES_AHEAD batches behind."""
        if self.archive is None or not len(self.pending):
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
        """In the writer thread: one transaction, then the counts (no other thread counts these stats)."""
        try:
            result, failed = batch.save(self.archive)
        except Exception:
            logger.exception("Cannot store a batch of %d articles", len(batch.items))
            result, failed = SaveResult(), len(batch.items)
        if failed:
            self.stats.inc_value("newsarchive/store_failed", failed)
        self._count(result)

    def _count(self, result: SaveResult) -> None:
        for outcome, count in result.as_dict().items():
            if count:
                self.stats.inc_value(f"newsarchive/articles_{outcome}", count)
        if result.total:
            self.stats.inc_value("newsarchive/articles_stored", result.total)

    def _close_archive(self) -> None:
        self.writer.shutdown(wait=True)
        if self.archive is not None:
            self.archive.close()
            self.archive = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None

