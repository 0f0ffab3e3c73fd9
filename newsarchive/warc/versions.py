"""The fetched versions of an archived article and the page each one was extracted from.

A version's page is read from its WARC record; the latest version without one (archived before WARC
writing, or with ``NEWSARCHIVE_WARC=0``), or whose record cannot be read (WARC files moved away), falls back
to the ``raw_pages`` cache of the latest page.
"""

from __future__ import annotations

import logging
from pathlib import Path

from newsarchive.warc.files import resolve_name
from newsarchive.warc.reader import WarcReadError, read_page

logger = logging.getLogger(__name__)

VERSION_COLUMNS = ("version", "seen_at", "url", "http_status", "warc_file", "warc_offset", "warc_length",
                   "warc_record_id", "warc_payload_digest", "extractor_site")


class VersionNotFound(LookupError):
    """The article has no such version, or its page was not kept."""


class ArticleVersions:
    """The versions of the articles of an open :class:`~newsarchive.storage.Archive`."""

    def __init__(self, archive):
        self.archive = archive
        self.db = archive.database
        self.archive_dir = Path(archive.path).parent
        self.unreadable_files: set[str] = set()

    def list(self, article_id: int) -> list[dict]:
        """The versions of an article, oldest first."""
        rows = self.db.execute(f"SELECT {', '.join(VERSION_COLUMNS)} FROM article_versions WHERE article_id = ? "
                               "ORDER BY version", [article_id])
        return [dict(zip(VERSION_COLUMNS, row, strict=True)) for row in rows]

    def page(self, article_id: int, version: int | None = None) -> dict:
        """The page of a version (default: the latest), as served: a raw page dict with ``body``."""
        versions = self.list(article_id)
        latest = versions[-1]["version"] if versions else None
        number = latest if version is None else version
        chosen = next((v for v in versions if v["version"] == number), None)
        if chosen is not None and chosen["warc_file"]:
            try:
                return self.read(chosen)
            except WarcReadError as exc:  # moved away or damaged: the latest page is also in raw_pages
                page = self.archive.raw_page(article_id) if number == latest else None
                if page is None:
                    raise
                if chosen["warc_file"] not in self.unreadable_files:  # once per file, not per article
                    self.unreadable_files.add(chosen["warc_file"])
                    logger.warning("%s; the latest pages of its articles are read from raw_pages", exc)
                return page
        if number == latest or not versions:
            page = self.archive.raw_page(article_id)
            if page is not None:
                return page
        if chosen is None:
            raise VersionNotFound(f"article {article_id} has no version {number} "
                                  f"(versions: {', '.join(str(v['version']) for v in versions) or 'none'})")
        raise VersionNotFound(f"the page of version {number} of article {article_id} was not kept "
                              "(archived without a WARC record)")

    def read(self, version: dict) -> dict:
        """The page of a version that has a WARC record."""
        path = resolve_name(version["warc_file"], self.archive_dir)
        page = read_page(path, version["warc_offset"], version["warc_file"])
        if version["warc_record_id"] and page["warc"]["record_id"] != version["warc_record_id"]:
            raise WarcReadError(f"{path} at offset {version['warc_offset']} holds record "
                                f"{page['warc']['record_id']}, not {version['warc_record_id']}")
        page["extractor_site"] = version["extractor_site"]
        return page
