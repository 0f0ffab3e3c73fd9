"""A crawl's run of its archive, as a Scrapy extension: the lock, the run record, the summary line and the
status that ``scrapy crawl`` exits with.

Settings: ``NEWSARCHIVE_DB`` (the archive, see :mod:`newsarchive.storage.location`), ``NEWSARCHIVE_LOCK_WAIT``
(seconds to wait for the archive lock) and ``NEWSARCHIVE_FAILED_PAGES_TOLERANCE`` (see
:mod:`newsarchive.runs.status`). Not enabled with ``NEWSARCHIVE_STORE`` off, nor on a Redis worker
(``newsarchive store`` records the run there).

When the spider opens, the extension takes the archive's lock (:mod:`newsarchive.runs.lock`; the one
``scrapy crawl`` reserved for the crawl): a crawl that finds it held closes with the reason
``archive_locked``; an archive that cannot be opened closes it with ``archive_unavailable``. Runs left
``running`` by killed crawls are marked ``interrupted``, then this run is recorded. The store pipeline
(:mod:`pipelines.store`) writes its batches into the archive it gets from :meth:`CrawlRun.writing`, and has
committed them all when the spider closes; the end of the run is then recorded with its stats and logged in one
line. A forced stop (a second SIGTERM) records the end without closing the spider: it then waits for the batch
being written, and the batches after it are not written.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from scrapy import signals
from scrapy.exceptions import CloseSpider, NotConfigured

from newsarchive.runs.lock import ArchiveLocked, lock_for_crawl
from newsarchive.runs.logs import summary_level
from newsarchive.runs.record import ArchiveRun, run_settings, writes_archive
from newsarchive.runs.status import ARCHIVE_LOCKED, ARCHIVE_UNAVAILABLE, run_status, summary_line
from newsarchive.storage import Archive, archive_path

logger = logging.getLogger(__name__)


class CrawlRun:
    def __init__(self, crawler, db_path, lock_wait: float, failed_pages_tolerance: float):
        self.crawler = crawler
        self.stats = crawler.stats
        self.db_path = db_path
        self.lock_wait = lock_wait
        self.failed_pages_tolerance = failed_pages_tolerance
        self.lock = None
        self.archive: Archive | None = None
        self.run: ArchiveRun | None = None
        self._in_use = threading.Lock()  # the store pipeline's writer thread, or the end of the run

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not writes_archive(settings):
            raise NotConfigured  # no archive written by this crawl (NEWSARCHIVE_STORE off, or a Redis worker)
        extension = cls(crawler, archive_path(settings), settings.getfloat("NEWSARCHIVE_LOCK_WAIT"),
                        settings.getfloat("NEWSARCHIVE_FAILED_PAGES_TOLERANCE"))
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider) -> None:
        self._take_lock()
        try:
            self.archive = Archive.open(self.db_path, check=True)  # a damaged archive: one line, exit 2
            self.run = ArchiveRun.start(self.archive, self.crawler.spidercls.name, run_settings(self.crawler.settings))
        except Exception as exc:
            logger.error("Cannot use the archive %s, closing the spider: %s", self.db_path, exc)
            self._close_archive()
            raise CloseSpider(ARCHIVE_UNAVAILABLE) from exc
        logger.info("Archiving to %s (run %d)", self.db_path, self.run.id)
        from twisted.internet import reactor

        reactor.addSystemEventTrigger("before", "shutdown", self._close_run_left_open)

    def _take_lock(self) -> None:
        try:
            self.lock = lock_for_crawl(self.db_path, self.lock_wait)
        except ArchiveLocked as exc:
            logger.warning("Not crawling: %s", exc)
            raise CloseSpider(ARCHIVE_LOCKED) from exc
        except OSError as exc:
            logger.error("Cannot use the archive %s, closing the spider: %s", self.db_path, exc)
            raise CloseSpider(ARCHIVE_UNAVAILABLE) from exc

    def _close_run_left_open(self) -> None:
        """A SIGTERM while the spider is still opening stops the reactor without closing the spider
        (Scrapy only stops a running engine): the run is then recorded here, as interrupted."""
        if self.run is not None:
            self.spider_closed(self.crawler.spider, "shutdown")

    @contextmanager
    def writing(self) -> Iterator[Archive | None]:
        """The archive, for the store pipeline's writer thread, the end of the run waiting until the block
        ends (the archive's connection is never closed under a batch); None once the run has ended."""
        with self._in_use:
            yield self.archive

    def spider_closed(self, spider, reason) -> None:
        """Record the end of the run and log its line, once the batch being written is committed (the store
        pipeline has committed every batch by now, unless the crawl was forced to stop)."""
        with self._in_use:
            self._record_end(reason)

    def _record_end(self, reason) -> None:
        if self.run is None:
            self._close_archive()
            return
        try:
            status = run_status(reason, self.stats.get_stats(), self.failed_pages_tolerance)
            self.stats.set_value("newsarchive/run_status", status)
            self.stats.set_value("newsarchive/run_id", self.run.id)
            stats = self.stats.get_stats()
            self.run.finish(status, reason, stats)
            logger.log(summary_level(self.crawler.settings), summary_line(self.run.id, status, reason, stats,
                                                                          self.db_path))
        except Exception:
            logger.exception("Cannot record the end of run %s in %s", self.run.id, self.db_path)
        finally:
            self._close_archive()

    def _close_archive(self) -> None:
        self.run = None
        if self.archive is not None:
            self.archive.close()
            self.archive = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None
