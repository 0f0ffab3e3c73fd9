"""Drops articles already seen in this crawl, by canonical URL or by content fingerprint.

A dropped duplicate still tells something worth keeping: the URL it was reached under. It is
dropped with :class:`DuplicateArticle`, which names that URL and the article it duplicates;
Scrapy's ``item_dropped`` signal carries it to the store pipeline, which records the URL for the
stored article. Duplicates of articles stored by earlier crawls are the archive's business: it
matches them by URL and fingerprint when they are saved. A page seen again at the same URL with
other content is no duplicate but a later version (the site edited it between two fetches, or a
WARC import holds both): it goes on, for the archive to store as a revision.
"""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem, NotConfigured

from newsarchive.storage.fingerprint import content_fingerprint
from newsarchive.storage.rows import article_url

logger = logging.getLogger(__name__)


class DuplicateArticle(DropItem):
    """An article seen earlier in the crawl; ``urls`` reached it, ``original_url`` is the one kept."""

    def __init__(self, message: str, *, urls: list[str], original_url: str, seen_at: str | None):
        super().__init__(message, log_level="INFO")
        self.urls = urls
        self.original_url = original_url
        self.seen_at = seen_at


class DedupPipeline:
    def __init__(self, stats):
        self.stats = stats
        self.seen_urls: dict[str, str | None] = {}  # canonical URL of each article kept -> its latest fingerprint
        self.fingerprint_owner: dict[str, str] = {}  # fingerprint -> canonical URL of the article kept

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("NEWSARCHIVE_DEDUP_ENABLED"):
            raise NotConfigured  # switched off (NEWSARCHIVE_DEDUP_ENABLED), as asked
        return cls(crawler.stats)

    def process_item(self, item):
        adapter = ItemAdapter(item)
        if "record" not in adapter.field_names() or not isinstance(adapter.get("record"), dict):
            return item
        record, raw = adapter["record"], adapter.get("raw") or {}
        if not adapter.get("fingerprint"):
            adapter["fingerprint"] = content_fingerprint(record)
        url = article_url(record, raw)
        if url is None:
            return item  # the store reports articles without a usable URL
        original = self._original_of(url, adapter["fingerprint"])
        if original is not None:
            raise DuplicateArticle(
                f"Duplicate of {original}: {url}",
                urls=reached_urls(record, raw), original_url=original, seen_at=raw.get("fetched_at"),
            )
        self.seen_urls[url] = adapter["fingerprint"]
        if adapter["fingerprint"]:
            self.fingerprint_owner[adapter["fingerprint"]] = url
        return item

    def _original_of(self, url: str, fingerprint: str | None) -> str | None:
        if url in self.seen_urls and self.seen_urls[url] in (fingerprint, None):
            self.stats.inc_value("newsarchive/duplicate/url")
            return url
        owner = self.fingerprint_owner.get(fingerprint) if fingerprint else None
        if owner is not None and owner != url:  # the same text under another URL
            self.stats.inc_value("newsarchive/duplicate/content")
            return owner
        return None


def reached_urls(record: dict, raw: dict) -> list[str]:
    """The URLs a page was reached under, and its canonical URL, without repeats."""
    candidates = (record.get("canonical_url"), record.get("url"), raw.get("url"), raw.get("final_url"))
    return list(dict.fromkeys(url for url in candidates if isinstance(url, str) and url))
