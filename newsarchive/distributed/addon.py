"""The Scrapy add-on that turns a crawl into a Redis worker, and only a crawl given ``NEWSARCHIVE_REDIS_URL``."""

from __future__ import annotations

from scrapy.exceptions import NotConfigured

from newsarchive.distributed.pipeline import RedisRecordPipeline
from newsarchive.runs.extension import CrawlRun
from newsarchive.warc.middleware import WarcMiddleware
from pipelines.store import SQLitePipeline


class RedisWorker:
    """A worker shares its scheduler in Redis and pushes its records there, where the SQLite store would
    have written them; ``newsarchive store`` writes the archive and records the run (no ``CrawlRun``). No
    re-check of unlisted articles: each worker reads only some of the sitemaps, so none knows what they all
    list. No WARC files either, unless ``NEWSARCHIVE_WARC_DIR`` is given: a worker has no archive to write
    them beside, and the writer writes the records of the pages it stores beside its own. Without a Redis URL
    the add-on is not enabled, and the crawl has no Redis component at all."""

    def update_settings(self, settings) -> None:
        if not settings.get("NEWSARCHIVE_REDIS_URL"):
            raise NotConfigured  # without a message: nothing logged about a feature not asked for
        settings.set("SCHEDULER", "newsarchive.distributed.scheduler.RedisScheduler", priority="addon")
        # over settings.py's default, not over a value given with -s (Scrapy keeps the higher priority)
        settings.set("NEWSARCHIVE_RECHECK_UNLISTED", False, priority="project")
        settings.replace_in_component_priority_dict("ITEM_PIPELINES", SQLitePipeline, RedisRecordPipeline)
        settings.set_in_component_priority_dict("EXTENSIONS", CrawlRun, None)
        if not settings.get("NEWSARCHIVE_WARC_DIR"):
            settings.set_in_component_priority_dict("DOWNLOADER_MIDDLEWARES", WarcMiddleware, None)
