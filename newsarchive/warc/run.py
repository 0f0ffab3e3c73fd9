"""Running a WARC import as a Scrapy crawl of the project's settings, and saying how it went."""

from __future__ import annotations

import logging

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from newsarchive.analysis.progress import progress_bar
from newsarchive.runs.status import exit_status
from newsarchive.warc.importer import WarcImportSpider

IMPORT_FIGURES = (
    ("HTML responses read", "newsarchive/warc/responses_read"),
    ("new", "newsarchive/articles_new"),
    ("updated", "newsarchive/articles_updated"),
    ("unchanged", "newsarchive/articles_unchanged"),
    ("merged", "newsarchive/articles_merged"),
    ("not articles", "newsarchive/not_article"),
    ("not HTML pages", "newsarchive/warc/skipped/not_html"),
    ("too large", "newsarchive/warc/skipped/too_large"),
)


def import_settings(db: str, verbose: bool) -> Settings:
    settings = Settings()
    settings.setmodule("newsarchive.settings", priority="project")
    settings.set("NEWSARCHIVE_DB", str(db), priority="cmdline")
    settings.set("LOG_LEVEL", "DEBUG" if verbose else "WARNING", priority="cmdline")
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")  # the command's own logging (-v)
    return settings


def import_warc_files(files: list[str], *, db: str, site: str | None, total_bytes: int,
                      verbose: bool = False) -> tuple[int, str]:
    """Import the files into the archive ``db``; returns the exit status and a one-line summary."""
    settings = import_settings(db, verbose)
    for handler in logging.getLogger().handlers:  # the command's handlers show Scrapy's records at its level too
        handler.setLevel(settings.get("LOG_LEVEL"))
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(WarcImportSpider)
    with progress_bar(total_bytes, "B", "import-warc") as progress:
        process.crawl(crawler, files=files, site=site, progress=progress)
        process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    figures = ", ".join(f"{stats.get(key, 0)} {label}" for label, key in IMPORT_FIGURES)
    status = exit_status(stats, settings.getfloat("NEWSARCHIVE_FAILED_PAGES_TOLERANCE"))
    outcome = stats.get("newsarchive/run_status") or stats.get("finish_reason") or "not run"
    return status, f"Imported {len(files)} WARC files into {db} ({outcome}): {figures}"
