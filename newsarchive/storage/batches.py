"""A batch of what a crawl stores: articles, URLs of duplicates, re-check answers; saved in one transaction.

Shared by the crawl's store pipeline and the Redis writer (``newsarchive store``), so that both
archive the same things the same way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from newsarchive.http_status import GONE_STATUSES, NOT_MODIFIED
from newsarchive.storage.archive import Archive
from newsarchive.storage.incremental import NotModified
from newsarchive.storage.rows import utc_now
from newsarchive.storage.save_result import SaveResult

logger = logging.getLogger(__name__)


@dataclass
class Batch:
    items: list[dict] = field(default_factory=list)  # {"record", "raw", "fingerprint", "derived"}
    aliases: list[tuple[str, str, str]] = field(default_factory=list)  # (url, url of the stored article, seen at)
    not_modified: list[NotModified] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (url, when)

    def __len__(self) -> int:
        return len(self.items) + len(self.aliases) + len(self.not_modified) + len(self.removed)

    def add_article(self, record: dict, raw: dict, fingerprint: str | None, keep_raw: bool = True,
                    derived=None) -> None:
        """``derived``: the article's TextDerivatives when an extraction worker computed them."""
        raw = dict(raw or {})
        if not keep_raw:
            raw.pop("body", None)
        self.items.append({"record": record, "raw": raw, "fingerprint": fingerprint, "derived": derived})

    def add_answer(self, page: dict) -> None:
        """A raw page that needs no extraction: a 304 answer to a re-check, or a 404/410."""
        status, url, seen_at = page.get("status"), page.get("url"), page.get("fetched_at") or utc_now()
        if not url:
            return
        if status == NOT_MODIFIED:
            self.not_modified.append(NotModified(url, seen_at, page.get("sitemap_lastmod")))
        elif status in GONE_STATUSES:
            self.removed.append((url, seen_at))

    def add_duplicate(self, urls: list[str], original_url: str, seen_at: str | None) -> None:
        """``urls`` reached a copy of the article stored under ``original_url``."""
        seen_at = seen_at or utc_now()
        self.aliases.extend((url, original_url, seen_at) for url in urls)

    def urls(self) -> list[str]:
        """Every URL the batch stores something for."""
        urls = [item["record"].get("url") for item in self.items]
        urls += [alias[0] for alias in self.aliases] + [page.url for page in self.not_modified]
        return [url for url in dict.fromkeys(urls + [url for url, _ in self.removed]) if url]

    def save(self, archive: Archive) -> tuple[SaveResult, int]:
        """Store the batch in one transaction; when that fails, each article in its own, so that one bad
        article costs only itself. Returns what was committed and how many articles could not be stored."""
        try:
            return archive.save_articles(self.items, self.aliases, not_modified=self.not_modified,
                                         removed=self.removed), 0
        except Exception:
            logger.warning("A batch of %d articles failed; storing them one by one", len(self.items), exc_info=True)
        result, failed = SaveResult(), 0
        for item in self.items:
            try:
                result += archive.save_articles([item])
            except Exception as exc:
                failed += 1
                logger.error("Cannot store the article %s: %s", item["record"].get("url"), exc, exc_info=True)
        try:
            result += archive.save_articles([], self.aliases, not_modified=self.not_modified, removed=self.removed)
        except Exception:
            logger.warning("Cannot record %d duplicate URLs, %d unchanged and %d removed articles",
                           len(self.aliases), len(self.not_modified), len(self.removed), exc_info=True)
        return result, failed
