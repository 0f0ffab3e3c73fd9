"""Backfill from WARC files: their HTML responses go through the crawl's own item pipelines.

:class:`WarcImportSpider` fetches nothing: its ``start()`` streams the HTML responses (status 200)
of the given WARC files, ours or another tool's, as raw pages dated by their WARC-Date, so that
extraction, deduplication, revisions and storage (with the run recorded) are the crawl's. Each
stored version points to the record it came from, in the file it was imported from.
"""

from __future__ import annotations

import logging
from pathlib import Path

import scrapy

from newsarchive.items import RawPage
from newsarchive.storage.location import archive_path
from newsarchive.urls import site_key
from newsarchive.warc.files import stored_name
from newsarchive.warc.reader import ReadPosition, WarcReadError, iter_responses

logger = logging.getLogger(__name__)

IMPORTED_STATUS = 200


class WarcImportSpider(scrapy.Spider):
    name = "import-warc"

    def __init__(self, *args, files: list[str] = (), site: str | None = None, progress=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.files = [Path(name) for name in files]
        self.extractor_site = site  # whose page class reads the pages (default: each URL's own site)
        self.progress = progress  # a tqdm bar counting bytes of the files, or None

    async def start(self):
        archive_dir = archive_path(self.settings).parent
        max_size = self.settings.getint("DOWNLOAD_MAXSIZE")
        for path in self.files:
            position, done = ReadPosition(), 0
            try:
                for page in iter_responses(path, stored_name(path, archive_dir), position, max_size=max_size):
                    done = self._advance(position.offset, done)
                    if self._importable(page):
                        yield self.raw_page(page)
            except (WarcReadError, OSError) as exc:
                self.crawler.stats.inc_value("newsarchive/warc/import_failed")
                logger.error("Cannot import from %s: %s", path, exc)
            self._advance(path.stat().st_size if path.exists() else done, done)

    def _advance(self, offset: int, done: int) -> int:
        if self.progress is not None and offset > done:
            self.progress.update(offset - done)
        return max(offset, done)

    def _importable(self, page: dict) -> bool:
        stats = self.crawler.stats
        stats.inc_value("newsarchive/warc/responses_read")
        if page["body"] is None:
            stats.inc_value("newsarchive/warc/skipped/too_large")
            logger.warning("Skipped (larger than DOWNLOAD_MAXSIZE): %s", page["url"])
            return False
        if page["status"] != IMPORTED_STATUS or "html" not in page["headers"].get("content-type", "html"):
            stats.inc_value("newsarchive/warc/skipped/not_html")
            return False
        return True

    def raw_page(self, page: dict) -> RawPage:
        site = site_key(page["url"])
        return RawPage(url=page["url"], final_url=page["final_url"], status=page["status"],
                       headers=page["headers"], body=page["body"], fetched_at=page["fetched_at"], site=site,
                       extractor_site=self.extractor_site or site, sitemap_lastmod=None, warc=page["warc"])
