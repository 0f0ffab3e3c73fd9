"""The last pipeline: what leaves the pipelines is the article record, ready for Scrapy's feed exports.

Earlier pipelines pass an :class:`~newsarchive.items.ArticleItem` (the record with its raw page, for
the store); this one hands on the record alone, the dict ``newsarchive extract`` prints, whose values
are all JSON-serialisable, so that ``scrapy crawl onemedia -O articles.jsonl`` (or ``.json``,
``.csv``, ``.xml``) writes one article per entry, with or without the SQLite store. Raw pages that
reach it (304 and 404/410 answers to re-checks, recorded by the store) are no articles: they are
dropped quietly.
"""

from __future__ import annotations

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from newsarchive.items import RawPage


class ArticleRecordPipeline:
    def process_item(self, item):
        if isinstance(item, RawPage):
            raise DropItem(f"No article (HTTP {item.get('status')}): {item.get('url')}", log_level="DEBUG")
        adapter = ItemAdapter(item)
        if "record" in adapter.field_names() and isinstance(adapter.get("record"), dict):
            return dict(adapter["record"])
        return item
