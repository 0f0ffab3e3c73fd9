"""Drops extracted articles outside the crawl's scope (``-a since=...``, ``-a category=...``).

The spider already leaves out what sitemaps, feeds and listings show to be out of scope; this
pipeline judges the rest on the extracted record (publication date, category). Enabled only when
the crawl is restricted.
"""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem, NotConfigured

from newsarchive.crawl.scope import CrawlScope

logger = logging.getLogger(__name__)


class ScopePipeline:
    def __init__(self, stats, scope: CrawlScope):
        self.stats = stats
        self.scope = scope

    @classmethod
    def from_crawler(cls, crawler):
        # the spider's scope knows the site's URL rules (what section a URL is in)
        scope = getattr(crawler.spider, "scope", None) or CrawlScope.from_settings(crawler.settings)
        if not scope.restricted:
            raise NotConfigured  # not restricted: nothing to check
        return cls(crawler.stats, scope)

    def process_item(self, item):
        adapter = ItemAdapter(item)
        record = adapter.get("record") if "record" in adapter.field_names() else None
        if not isinstance(record, dict):
            return item
        refusal = self.scope.refusal(record)
        if refusal is not None:
            self.stats.inc_value(f"newsarchive/skipped/{refusal}")
            raise DropItem(f"Out of the crawl's scope ({refusal}): {record.get('url')}", log_level="DEBUG")
        return item
