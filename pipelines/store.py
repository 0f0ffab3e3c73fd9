"""Stores articles in the SQLite archive, a batch per transaction, and records the crawl run.

Settings: ``NEWSARCHIVE_DB`` (default: the ``NEWSARCHIVE_DB`` environment variable, else
``data/archive.db`` in the current directory), ``NEWSARCHIVE_BATCH_SIZE`` (50) and
``NEWSARCHIVE_KEEP_RAW`` (True: keep the compressed page for re-extraction).
An archive that cannot be opened closes the spider with the reason ``archive_unavailable``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import CloseSpider

from newsarchive.storage import Archive, SaveResult
from newsarchive.storage.rows import utc_now
from pipelines.dedup import DuplicateArticle

logger = logging.getLogger(__name__)

DEFAULT_ARCHIVE = "data/archive.db"
DEFAULT_BATCH_SIZE = 50
ARCHIVE_UNAVAILABLE = "archive_unavailable"
RECORDED_SETTINGS = (
    "BOT_NAME", "USER_AGENT", "ROBOTSTXT_OBEY", "AUTOTHROTTLE_ENABLED", "CONCURRENT_REQUESTS_PER_DOMAIN",
    "DOWNLOAD_DELAY", "CLOSESPIDER_TIMEOUT", "CLOSESPIDER_PAGECOUNT", "CLOSESPIDER_ITEMCOUNT",
)
COMPLETE_REASONS = (
    "finished", "closespider_timeout", "closespider_timeout_no_item", "closespider_itemcount",
    "closespider_pagecount",
)
INTERRUPTED_REASONS = ("shutdown", "cancelled")
ERROR_STATS = ("log_count/ERROR", "newsarchive/store_failed")


def archive_path(settings) -> Path:
    """The archive a crawl writes to: the setting, else the environment variable, else the default."""
    configured = settings.get("NEWSARCHIVE_DB") or os.environ.get("NEWSARCHIVE_DB") or DEFAULT_ARCHIVE
    return Path(configured).expanduser()


def run_settings(settings) -> dict:
    """The settings worth recording with a crawl run."""
    return {
        name: value for name, value in sorted(settings.copy_to_dict().items())
        if name.startswith("NEWSARCHIVE_") or name in RECORDED_SETTINGS
    }


def run_status(reason: str, stats: dict) -> str:
    """success, finished_with_errors, interrupted or failed."""
    if reason in INTERRUPTED_REASONS:
        return "interrupted"
    if reason not in COMPLETE_REASONS:
        return "failed"
    return "finished_with_errors" if any(stats.get(key) for key in ERROR_STATS) else "success"


class SQLitePipeline:
    def __init__(self, crawler, db_path: Path, batch_size: int, keep_raw: bool):
        self.crawler = crawler
        self.stats = crawler.stats
        self.db_path = db_path
        self.batch_size = batch_size
        self.keep_raw = keep_raw
        self.archive: Archive | None = None
        self.run_id: int | None = None
        self.pending: list[dict] = []
        self.pending_aliases: list[tuple[str, str, str]] = []

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        pipeline = cls(
            crawler,
            db_path=archive_path(settings),
            batch_size=max(1, settings.getint("NEWSARCHIVE_BATCH_SIZE", DEFAULT_BATCH_SIZE)),
            keep_raw=settings.getbool("NEWSARCHIVE_KEEP_RAW", True),
        )
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self):
        try:
            self.archive = Archive.open(self.db_path)
            self.run_id = self.archive.start_run(self.crawler.spidercls.name, run_settings(self.crawler.settings))
        except Exception as exc:
            logger.error("Cannot use the archive %s, closing the spider: %s", self.db_path, exc)
            self._close_archive()
            raise CloseSpider(ARCHIVE_UNAVAILABLE) from exc
        logger.info("Archiving to %s (run %d)", self.db_path, self.run_id)

    def process_item(self, item):
        adapter = ItemAdapter(item)
        if "record" not in adapter.field_names():
            return item
        self.pending.append(self._storable(adapter))
        if len(self.pending) >= self.batch_size:
            self.flush()
        return item

    def item_dropped(self, item, response, exception, spider):
        if isinstance(exception, DuplicateArticle):
            seen_at = exception.seen_at or utc_now()
            self.pending_aliases.extend((url, exception.original_url, seen_at) for url in exception.urls)

    def close_spider(self):
        self.flush()

    def spider_closed(self, spider, reason):
        if self.archive is None:
            return
        try:
            self.flush()
            stats = self.stats.get_stats()
            self.archive.finish_run(self.run_id, status=run_status(reason, stats), finish_reason=reason, stats=stats)
        except Exception:
            logger.exception("Cannot record the end of run %s in %s", self.run_id, self.db_path)
        finally:
            self._close_archive()

    def flush(self) -> None:
        """Store the buffered articles (and URLs of dropped duplicates) in one transaction."""
        if self.archive is None or not (self.pending or self.pending_aliases):
            return
        items, aliases = self.pending, self.pending_aliases
        self.pending, self.pending_aliases = [], []
        try:
            result = self.archive.save_articles(items, aliases)
        except Exception:
            logger.warning("A batch of %d articles failed; storing them one by one", len(items), exc_info=True)
            result = self._save_one_by_one(items, aliases)
        self._count(result)

    def _save_one_by_one(self, items: list[dict], aliases: list[tuple[str, str, str]]) -> SaveResult:
        result = SaveResult()
        for item in items:
            try:
                result += self.archive.save_articles([item])
            except Exception as exc:
                self.stats.inc_value("newsarchive/store_failed")
                logger.error("Cannot store the article %s: %s", _item_url(item), exc, exc_info=True)
        try:
            self.archive.save_articles([], aliases)
        except Exception:
            logger.warning("Cannot record %d duplicate URLs", len(aliases), exc_info=True)
        return result

    def _count(self, result: SaveResult) -> None:
        for outcome, count in result.as_dict().items():
            if count:
                self.stats.inc_value(f"newsarchive/articles_{outcome}", count)
        if result.total:
            self.stats.inc_value("newsarchive/articles_stored", result.total)

    def _storable(self, adapter: ItemAdapter) -> dict:
        raw = dict(adapter.get("raw") or {})
        if not self.keep_raw:
            raw.pop("body", None)
        return {"record": adapter["record"], "raw": raw, "fingerprint": adapter.get("fingerprint")}

    def _close_archive(self) -> None:
        if self.archive is not None:
            self.archive.close()
            self.archive = None


def _item_url(item: dict) -> str | None:
    record = item.get("record")
    return record.get("url") if isinstance(record, dict) else None
