"""How a crawl run ends for whoever scheduled it: its status, exit status and one-line summary.

Run status (the ``runs.status`` column) -> exit status of ``scrapy crawl``:

=====================  ====  ==========================================================================
success                0     the crawl finished, or stopped at its bound (``max_pages``, ``max_minutes``)
finished_with_errors   1     it finished, but errors were logged (an article could not be extracted or
                             stored, ...) or more than ``NEWSARCHIVE_FAILED_PAGES_TOLERANCE`` percent of
                             the pages requested could not be fetched; or Scrapy stopped it for too
                             many errors (``CLOSESPIDER_ERRORCOUNT``) or too much memory; or the site
                             stopped answering (``site_unreachable``, see :mod:`newsarchive.crawl.unreachable`)
failed                 2     it could not run: bad arguments or settings, unusable archive
(no run)               3     another run holds the archive lock
interrupted            4     stopped by SIGTERM/SIGINT (or killed: the next run marks it interrupted)
=====================  ====  ==========================================================================
"""

from __future__ import annotations

ARCHIVE_LOCKED = "archive_locked"  # finish reasons of runs that could not use the archive
ARCHIVE_UNAVAILABLE = "archive_unavailable"
SITE_UNREACHABLE = "site_unreachable"  # finish reason of a crawl stopped because its site stopped answering

SUCCESS, FINISHED_WITH_ERRORS, FAILED, INTERRUPTED = "success", "finished_with_errors", "failed", "interrupted"
EXIT_SUCCESS, EXIT_ERRORS, EXIT_CANNOT_RUN, EXIT_LOCKED, EXIT_INTERRUPTED = 0, 1, 2, 3, 4
EXIT_STATUSES = {SUCCESS: EXIT_SUCCESS, FINISHED_WITH_ERRORS: EXIT_ERRORS, FAILED: EXIT_CANNOT_RUN,
                 INTERRUPTED: EXIT_INTERRUPTED}

COMPLETE_REASONS = (
    "finished", "closespider_timeout", "closespider_timeout_no_item", "closespider_itemcount",
    "closespider_pagecount",
)
INTERRUPTED_REASONS = ("shutdown", "cancelled")
# stopped early: too many errors, too much memory, the site down
ERROR_REASONS = ("closespider_errorcount", "memusage_exceeded", SITE_UNREACHABLE)
# finish reasons the summary line spells out (the others speak for themselves)
REASON_MEANINGS = {SITE_UNREACHABLE: "the site stopped answering"}
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


def left_in_the_queue(stats: dict) -> int:
    """Requests queued in Scrapy's scheduler and never taken out: a run stopped early (its site down, its time up, a
    signal) leaves them, retries of failed pages among them. A Redis worker's shared queue is counted apart
    (``scheduler/enqueued/redis``): it outlives the worker."""
    return max(0, stats.get("scheduler/enqueued", 0) - stats.get("scheduler/dequeued", 0))


def summary_line(run_id: int | None, status: str, reason: str | None, stats: dict, archive=None) -> str:
    """``Run 12: success (finished) in 3.2 s; pages: 64 fetched, ...; articles: 2 new, ...; archive: PATH``; the pages
    left in the queue are counted when there are any."""
    left = left_in_the_queue(stats)
    pages = ", ".join([*(f"{stats.get(key, 0)} {label}" for label, key in PAGE_FIGURES),
                       *([f"{left} left in the queue"] if left else [])])
    articles = ", ".join(f"{stats.get(key, 0)} {label}" for label, key in ARTICLE_FIGURES)
    elapsed = stats.get("elapsed_time_seconds")
    duration = f" in {elapsed:.1f} s" if isinstance(elapsed, (int, float)) else ""
    where = f"; archive: {archive}" if archive else ""
    meaning = f": {REASON_MEANINGS[reason]}" if reason in REASON_MEANINGS else ""
    why = f" ({reason}{meaning})" if reason else ""  # a forced stop leaves no finish reason
    return f"Run {run_id}: {status}{why}{duration}; pages: {pages}; articles: {articles}{where}"
