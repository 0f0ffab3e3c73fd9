"""How a crawl run ends for whoever scheduled it: its status, exit status, one-line summary and log file.

Run status (the ``runs.status`` column) -> exit status of ``scrapy crawl``:

=====================  ====  ==========================================================================
success                0     the crawl finished, or stopped at its bound (``max_pages``, ``max_minutes``)
finished_with_errors   1     it finished, but errors were logged (an article could not be extracted or
                             stored, ...) or more than ``NEWSARCHIVE_FAILED_PAGES_TOLERANCE`` percent of
                             the pages requested could not be fetched; or Scrapy stopped it for too
                             many errors (``CLOSESPIDER_ERRORCOUNT``) or too much memory
failed                 2     it could not run: bad arguments or settings, unusable archive
(no run)               3     another run holds the archive lock
interrupted            4     stopped by SIGTERM/SIGINT (or killed: the next run marks it interrupted)
=====================  ====  ==========================================================================
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

logger = logging.getLogger(__name__)

ARCHIVE_LOCKED = "archive_locked"  # finish reasons of runs that could not use the archive
ARCHIVE_UNAVAILABLE = "archive_unavailable"

SUCCESS, FINISHED_WITH_ERRORS, FAILED, INTERRUPTED = "success", "finished_with_errors", "failed", "interrupted"
EXIT_SUCCESS, EXIT_ERRORS, EXIT_CANNOT_RUN, EXIT_LOCKED, EXIT_INTERRUPTED = 0, 1, 2, 3, 4
EXIT_STATUSES = {SUCCESS: EXIT_SUCCESS, FINISHED_WITH_ERRORS: EXIT_ERRORS, FAILED: EXIT_CANNOT_RUN,
                 INTERRUPTED: EXIT_INTERRUPTED}

COMPLETE_REASONS = (
    "finished", "closespider_timeout", "closespider_timeout_no_item", "closespider_itemcount",
    "closespider_pagecount",
)
INTERRUPTED_REASONS = ("shutdown", "cancelled")
ERROR_REASONS = ("closespider_errorcount", "memusage_exceeded")  # stopped early by errors or memory
ERROR_STATS = ("log_count/ERROR", "newsarchive/store_failed")
DEFAULT_FAILED_PAGES_TOLERANCE = 0.0  # percent of the requests: any failed page counts

# (label, stats key) of the figures in the summary line
PAGE_FIGURES = (("fetched", "response_received_count"), ("not modified", "downloader/response_status_count/304"),
                ("failed", "newsarchive/fetch_failed"))
ARTICLE_FIGURES = (("new", "newsarchive/articles_new"), ("updated", "newsarchive/articles_updated"),
                   ("unchanged", "newsarchive/articles_unchanged"), ("removed", "newsarchive/articles_removed"))


def failed_pages_percent(stats: dict) -> float:
    failed = stats.get("newsarchive/fetch_failed", 0)
    requested = stats.get("response_received_count", 0) + failed
    return 100.0 * failed / requested if requested else 0.0


def run_status(reason: str | None, stats: dict, failed_pages_tolerance: float | None = None) -> str:
    """success, finished_with_errors, interrupted or failed (see the module's table).

    With ``failed_pages_tolerance`` None, failed pages alone never make a run finished_with_errors.
    """
    if reason in INTERRUPTED_REASONS:
        return INTERRUPTED
    if reason in ERROR_REASONS:
        return FINISHED_WITH_ERRORS
    if reason not in COMPLETE_REASONS:
        return FAILED
    if any(stats.get(key) for key in ERROR_STATS):
        return FINISHED_WITH_ERRORS
    if failed_pages_tolerance is not None and failed_pages_percent(stats) > failed_pages_tolerance:
        return FINISHED_WITH_ERRORS
    return SUCCESS


def exit_status(stats: dict, failed_pages_tolerance: float | None = None) -> int:
    """The exit status of a crawl from its final stats (``{}`` when it never started)."""
    reason = stats.get("finish_reason")
    if reason == ARCHIVE_LOCKED:
        return EXIT_LOCKED
    if not stats:
        return EXIT_CANNOT_RUN
    if reason is None:  # stopped without closing the spider: killed
        return EXIT_INTERRUPTED
    status = stats.get("newsarchive/run_status") or run_status(reason, stats, failed_pages_tolerance)
    return EXIT_STATUSES.get(status, EXIT_CANNOT_RUN)


def summary_line(run_id: int | None, status: str, reason: str | None, stats: dict, archive=None) -> str:
    """``Run 12: success (finished) in 3.2 s; pages: 64 fetched, ...; articles: 2 new, ...; archive: PATH``"""
    pages = ", ".join(f"{stats.get(key, 0)} {label}" for label, key in PAGE_FIGURES)
    articles = ", ".join(f"{stats.get(key, 0)} {label}" for label, key in ARTICLE_FIGURES)
    elapsed = stats.get("elapsed_time_seconds")
    duration = f" in {elapsed:.1f} s" if isinstance(elapsed, (int, float)) else ""
    where = f"; archive: {archive}" if archive else ""
    return f"Run {run_id}: {status} ({reason}){duration}; pages: {pages}; articles: {articles}{where}"


def summary_level(settings) -> int:
    """INFO, or the configured log level when it is higher, so that ``-L WARNING`` still shows it; INFO in
    quiet mode (``NEWSARCHIVE_QUIET``), whose console shows a failed run's summary only."""
    if settings.getbool("NEWSARCHIVE_QUIET"):
        return logging.INFO
    return max(logging.INFO, log_level(settings.get("LOG_LEVEL") or "INFO"))


class LastProblem(logging.Handler):
    """Remembers the first line of the last warning or error logged: what a quiet run that could not
    crawl says in its one line."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.message: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        self.message = record.getMessage().partition("\n")[0]


def log_level(name) -> int:
    """A log level given by name (``WARNING``) or number; raises ValueError."""
    if isinstance(name, int):
        return name
    levels = logging.getLevelNamesMapping()
    text = str(name).strip().upper()
    if text.isdigit():
        return int(text)
    if text not in levels:
        raise ValueError(f"unknown log level {name!r}")
    return levels[text]


def install_log_file(settings) -> RotatingFileHandler | None:
    """A rotating log file on the root logger when ``NEWSARCHIVE_LOG_FILE`` is set (None otherwise).

    ``NEWSARCHIVE_LOG_MAX_BYTES`` per file, ``NEWSARCHIVE_LOG_BACKUP_COUNT`` old files kept, records
    from ``NEWSARCHIVE_LOG_FILE_LEVEL`` (INFO) up, whatever the console shows. Raises ValueError
    for a bad setting and OSError when the file cannot be opened.
    """
    path = settings.get("NEWSARCHIVE_LOG_FILE")
    if not path:
        return None
    max_bytes = settings.getint("NEWSARCHIVE_LOG_MAX_BYTES", 10 * 1024 * 1024)
    backups = settings.getint("NEWSARCHIVE_LOG_BACKUP_COUNT", 5)
    if max_bytes < 0 or backups < 0:
        raise ValueError("NEWSARCHIVE_LOG_MAX_BYTES and NEWSARCHIVE_LOG_BACKUP_COUNT must be >= 0")
    level = log_level(settings.get("NEWSARCHIVE_LOG_FILE_LEVEL") or "INFO")
    Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(Path(path).expanduser(), maxBytes=max_bytes, backupCount=backups,
                                  encoding="utf-8")
    handler.setFormatter(logging.Formatter(settings.get("LOG_FORMAT"), settings.get("LOG_DATEFORMAT")))
    handler.setLevel(level)
    logging.getLogger().addHandler(handler)
    return handler
