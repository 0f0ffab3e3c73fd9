"""Re-running the current extractors over the raw pages kept in the archive.

Each article's latest page is read from its WARC record, else from the ``raw_pages`` cache.

Each stored page is extracted again and written through the archive's own save path
(:class:`~newsarchive.storage.writer.ArticleWriter`), so a field that changes gives a revision, as
on a re-crawl. What the fetch recorded (last seen, ETag, removal, ...) is left as it is, and the
article keeps its URL. Articles are written in batches, one transaction each; a dry run writes
nothing and reports what would change.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from newsarchive.analysis.filters import Condition
from newsarchive.extraction import NotAnArticle, extract_article
from newsarchive.sites.registry import page_class_for
from newsarchive.storage import Archive
from newsarchive.storage.rows import ArticleRows, build_rows
from newsarchive.storage.writer import ArticleWriter, changed_fields
from newsarchive.warc.versions import ArticleVersions

logger = logging.getLogger(__name__)

REEXTRACT_BATCH = 100
# Articles with a page to read again: the WARC record of a version, or the cached latest page.
HAS_PAGE = ("(EXISTS (SELECT 1 FROM raw_pages r WHERE r.article_id = a.id) OR EXISTS (SELECT 1 FROM "
            "article_versions v WHERE v.article_id = a.id AND v.warc_file IS NOT NULL))")


@dataclass
class StoredPage:
    article_id: int
    url: str  # the article's canonical URL, which it keeps


@dataclass
class Change:
    article_id: int
    url: str
    fields: list[str]


@dataclass
class ReextractReport:
    pages: int = 0
    changed: int = 0
    unchanged: int = 0
    not_article: int = 0
    failed: int = 0
    fields: Counter = field(default_factory=Counter)  # field -> articles where it changed

    def as_dict(self) -> dict:
        return {"pages": self.pages, "changed": self.changed, "unchanged": self.unchanged,
                "not_article": self.not_article, "failed": self.failed, "fields": dict(self.fields.most_common())}


class Reextractor:
    """Re-extracts the stored pages of an open archive (writes nothing when ``dry_run``)."""

    def __init__(self, archive: Archive, *, dry_run: bool = False, batch_size: int = REEXTRACT_BATCH,
                 extractor_site: str | None = None):
        self.archive = archive
        self.db = archive.database
        self.dry_run = dry_run
        self.batch_size = batch_size
        self.extractor_site = extractor_site  # whose page class reads the pages, when not the URL's host
        self.versions = ArticleVersions(archive)

    def count(self, condition: Condition) -> int:
        return self.db.execute(
            f"SELECT count(*) FROM articles a WHERE {HAS_PAGE} AND {condition.sql}",
            condition.params).fetchone()[0]

    def run(self, condition: Condition, *, limit: int | None = None, progress=None,
            on_change: Callable[[Change], None] | None = None) -> ReextractReport:
        report = ReextractReport()
        for batch in self._stored_pages(condition, limit):
            pending = [rows for rows in (self._reextract(page, report, on_change) for page in batch) if rows]
            if pending and not self.dry_run:
                self._save(pending)
            if progress is not None:
                progress.update(len(batch))
        logger.info("Re-extracted %d pages: %d changed, %d unchanged, %d not articles, %d failed",
                    report.pages, report.changed, report.unchanged, report.not_article, report.failed)
        return report

    def _stored_pages(self, condition: Condition, limit: int | None) -> Iterator[list[StoredPage]]:
        sql = (f"SELECT a.id, a.url FROM articles a "
               f"WHERE {HAS_PAGE} AND {condition.sql} AND a.id > ? ORDER BY a.id LIMIT ?")
        last_id, remaining = 0, limit
        while remaining is None or remaining > 0:
            size = self.batch_size if remaining is None else min(self.batch_size, remaining)
            batch = [StoredPage(*row) for row in self.db.execute(sql, [*condition.params, last_id, size])]
            if not batch:
                return
            last_id = batch[-1].article_id
            remaining = None if remaining is None else remaining - len(batch)
            yield batch

    def _reextract(self, page: StoredPage, report: ReextractReport, on_change) -> ArticleRows | None:
        """The rows to store for one page (None when it cannot be re-extracted), counting what changes."""
        report.pages += 1
        rows = self._extracted_rows(page, report)
        if rows is None:
            return None
        changed = changed_fields(ArticleWriter(self.db).load_content(page.article_id), rows.content)
        if changed:
            report.changed += 1
            report.fields.update(changed)
            if on_change is not None:
                on_change(Change(page.article_id, page.url, changed))
        else:
            report.unchanged += 1
        return rows

    def _extracted_rows(self, page: StoredPage, report: ReextractReport) -> ArticleRows | None:
        try:
            raw = self.versions.page(page.article_id)
            url = raw["final_url"] or raw["url"] or page.url
            page_class = page_class_for(url, self.extractor_site or raw.get("extractor_site"))
            record = extract_article(raw["body"], url, headers=raw["headers"], fetched_at=raw["fetched_at"],
                                     page_class=page_class)
            return _rows(page, record, raw)
        except NotAnArticle as exc:
            report.not_article += 1
            logger.warning("Article %s is no longer recognised as an article (%s): %s", page.article_id, exc,
                           page.url)
        except Exception:
            report.failed += 1
            logger.exception("Cannot re-extract article %s (%s)", page.article_id, page.url)
        return None

    def _save(self, pending: list[ArticleRows]) -> None:
        with self.db.atomic():
            writer = ArticleWriter(self.db)
            for rows in pending:
                writer.save(rows)


def _rows(page: StoredPage, record: dict, raw: dict) -> ArticleRows:
    """The archive rows of a re-extracted record: same URL, fetch facts untouched, no new raw page."""
    record = {**record, "canonical_url": page.url}
    rows = build_rows({"record": record, "raw": {"url": page.url, "fetched_at": raw["fetched_at"]},
                       "fingerprint": None})
    rows.fetch_columns = {}
    rows.raw_page = rows.version = None  # nothing was fetched
    return rows
