"""The Scrapy add-on that turns a crawl into a Redis worker when ``NEWSARCHIVE_REDIS_URL`` is set."""

from __future__ import annotations


class RedisWorker:
    """Shared scheduler in Redis; no re-check of unlisted articles (each worker reads only some of the
    sitemaps, so none knows what they all list)."""

    def update_settings(self, settings) -> None:
        if not settings.get("NEWSARCHIVE_REDIS_URL"):
            return
        settings.set("SCHEDULER", "newsarchive.distributed.scheduler.RedisScheduler", priority="addon")
        settings.set("NEWSARCHIVE_RECHECK_UNLISTED", False, priority="addon")
