"""Exporting articles with all their versions as one gzip WARC file, for any web-archive tool.

A version whose page has a WARC record is copied as it is (the same record, id and digests, as a
gzip member); the latest version of an article archived without one is written from the
``raw_pages`` cache as a response record dated by its fetch. Versions whose page was not kept
are counted, not invented. ``newsarchive import-warc`` reads the file back into an archive.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

from newsarchive import __version__
from newsarchive.analysis.filters import Condition
from newsarchive.warc.files import resolve_name
from newsarchive.warc.reader import GZIP_MAGIC, WarcReadError
from newsarchive.warc.records import GZIP_LEVEL, page_exchange, page_warc_date, response_record, warcinfo_record
from newsarchive.warc.versions import ArticleVersions, VersionNotFound


@dataclass
class ExportReport:
    articles: int = 0
    records: int = 0  # versions written
    copied: int = 0  # of which copied from a WARC record
    without_page: int = 0  # versions whose page was not kept


class WarcExporter:
    """Writes the versions of the articles matching a condition into ``stream`` (a binary file)."""

    def __init__(self, archive, stream):
        self.archive = archive
        self.db = archive.database
        self.versions = ArticleVersions(archive)
        self.stream = stream
        self.report = ExportReport()

    def export(self, condition: Condition, *, limit: int | None = None, progress=None) -> ExportReport:
        self.stream.write(warcinfo_record(Path(getattr(self.stream, "name", "export.warc.gz")).name, {
            "software": f"newsarchive/{__version__}", "format": "WARC File Format 1.1",
            "description": "articles exported from a newsarchive archive, every version"}).data)
        sql = f"SELECT a.id FROM articles a WHERE {condition.sql} ORDER BY a.id" + (" LIMIT ?" if limit else "")
        params = [*condition.params, *([limit] if limit else [])]
        for (article_id,) in self.db.execute(sql, params).fetchall():
            self._article(article_id)
            if progress is not None:
                progress.update(1)
        return self.report

    def _article(self, article_id: int) -> None:
        self.report.articles += 1
        versions = self.versions.list(article_id)
        for version in versions:
            if version["warc_file"]:
                self.stream.write(self._copied(version))
                self.report.copied += 1
            elif version is versions[-1] and (page := self._cached_page(article_id)) is not None:
                self.stream.write(page)
            else:
                self.report.without_page += 1
                continue
            self.report.records += 1

    def _copied(self, version: dict) -> bytes:
        """The version's record, as a gzip member."""
        path = resolve_name(version["warc_file"], self.archive_dir)
        try:
            with open(path, "rb") as source:
                source.seek(version["warc_offset"])
                data = source.read(version["warc_length"])
        except OSError as exc:
            raise WarcReadError(f"cannot read {path}: {exc}") from exc
        if len(data) != version["warc_length"]:
            raise WarcReadError(f"{path} ends before the record at offset {version['warc_offset']}")
        if data[:2] == GZIP_MAGIC:
            return data
        compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, zlib.MAX_WBITS + 16)
        return compressor.compress(data) + compressor.flush()

    @property
    def archive_dir(self) -> Path:
        return self.versions.archive_dir

    def _cached_page(self, article_id: int) -> bytes | None:
        """A response record of the cached latest page, dated by its fetch."""
        try:
            page = self.versions.page(article_id)
        except VersionNotFound:
            return None
        return response_record(page_exchange(page), warc_date=page_warc_date(page.get("fetched_at"))).data
