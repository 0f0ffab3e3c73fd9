"""The workers' last item pipeline: records and re-check answers pushed to Redis for the writer.

Put in place of the SQLite store pipeline by the worker add-on (:mod:`newsarchive.distributed.addon`)
when ``NEWSARCHIVE_REDIS_URL`` is set: a worker needs no archive. Extracted articles are pushed with
their raw page, compressed (unless ``NEWSARCHIVE_KEEP_RAW`` is off); 304 and 404/410 answers as pages
without a body; duplicates dropped by the dedup pipeline as the URLs to record; the worker's stats
when it closes.
"""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import NotConfigured

from newsarchive.distributed.connection import connect
from newsarchive.distributed.keys import RECORDS, CrawlKeys
from newsarchive.distributed.messages import article_message, duplicate_message, page_message, stats_message
from newsarchive.items import RawPage
from pipelines.dedup import DuplicateArticle

logger = logging.getLogger(__name__)


class RedisRecordPipeline:
    def __init__(self, crawler, server, keep_raw: bool):
        self.crawler = crawler
        self.stats = crawler.stats
        self.server = server
        self.keep_raw = keep_raw

    @classmethod
    def from_crawler(cls, crawler):
        url = crawler.settings.get("NEWSARCHIVE_REDIS_URL")
        if not url:
            raise NotConfigured("NEWSARCHIVE_REDIS_URL is not set")
        pipeline = cls(crawler, connect(url), crawler.settings.getbool("NEWSARCHIVE_KEEP_RAW"))
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def process_item(self, item):
        adapter = ItemAdapter(item)
        if isinstance(item, RawPage):
            if adapter.get("url"):  # a 304 or 404/410 answer: nothing was extracted
                self.push(page_message(adapter.asdict()))
        elif "record" in adapter.field_names() and isinstance(adapter.get("record"), dict):
            raw = dict(adapter.get("raw") or {})
            if not self.keep_raw:
                raw.pop("body", None)
            self.push(article_message(adapter["record"], raw, adapter.get("fingerprint")))
        return item

    def item_dropped(self, item, response, exception, spider):
        if isinstance(exception, DuplicateArticle):
            self.push(duplicate_message(exception.urls, exception.original_url, exception.seen_at))

    def spider_closed(self, spider, reason):
        stats = {**self.stats.get_stats(), "finish_reason": reason}
        self.push(stats_message(CrawlKeys.of(spider.name, spider.site).name, stats))

    def push(self, message: bytes) -> None:
        self.server.lpush(RECORDS, message)
        self.stats.inc_value("newsarchive/redis/pushed")
