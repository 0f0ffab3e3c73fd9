"""Turns raw pages into article records with the pure extraction code of newsarchive.extraction.

Raw pages that answered 304 (a re-check found no change) or 404/410 (the article is gone) have
nothing to extract: they go on as they are, for the store pipeline to record.
"""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from newsarchive.extraction import ExtractionLimits, NotAnArticle, extract_article
from newsarchive.items import ArticleItem, RawPage

logger = logging.getLogger(__name__)

GONE_STATUSES = (404, 410)
RECORDED_AS_IS = (304, *GONE_STATUSES)


class ExtractPipeline:
    """RawPage -> ArticleItem; pages that are not articles are dropped and counted."""

    def __init__(self, stats, limits: ExtractionLimits | None = None):
        self.stats = stats
        self.limits = limits

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, ExtractionLimits.from_settings(crawler.settings))

    def process_item(self, item):
        if not isinstance(item, RawPage):
            return item
        raw = ItemAdapter(item).asdict()
        if raw.get("status") in RECORDED_AS_IS:
            return item
        record = self._extract(raw)
        self._count(record)
        return ArticleItem(record=record, raw=raw, fingerprint=None)

    def _extract(self, raw: dict) -> dict:
        try:
            return extract_article(
                raw["body"], raw["final_url"], headers=raw["headers"], fetched_at=raw["fetched_at"],
                site=raw.get("extractor_site"), limits=self.limits,
            )
        except NotAnArticle as exc:
            self.stats.inc_value("newsarchive/not_article")
            logger.info("Not an article (%s): %s", exc, raw["final_url"])
            raise DropItem(f"Not an article ({exc}): {raw['final_url']}") from exc
        except Exception as exc:
            self.stats.inc_value("newsarchive/extract_failed")
            logger.exception("Extraction failed for %s", raw["final_url"])
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
