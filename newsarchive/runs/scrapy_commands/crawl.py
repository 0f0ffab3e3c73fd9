"""``scrapy crawl`` for schedulers: the archive lock first, a rotating log file, a quiet mode, exit statuses.

Before the crawl starts, the command takes the lock of the archive (``<archive>.lock``), waiting up
to ``NEWSARCHIVE_LOCK_WAIT`` seconds if another run holds it, and hands it to the crawl. Arguments
and settings are checked first, so that a mistake (an unknown ``-a`` name too) is one clear line.
``NEWSARCHIVE_QUIET`` (for cron) shows nothing on the console when the run succeeds, and one line when
it does not (the run's summary, else the problem that stopped it); ``NEWSARCHIVE_LOG_FILE`` adds a
rotating log file, which gets the full log whatever the console shows. The exit
status says how the run ended (:mod:`newsarchive.runs.status`): 0 success, 1 finished with errors,
2 could not run, 3 another run holds the lock, 4 interrupted (also by a SIGTERM or SIGINT that comes while
the command waits for the lock, or after it took the lock and before Scrapy handles these signals, once its reactor
runs: :class:`HeldSignals`).
"""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError

from newsarchive.crawl.scope import CrawlScope, settings_from_arguments
from newsarchive.runs.lock import ArchiveLock, ArchiveLocked, reserve
from newsarchive.runs.logs import LastProblem, install_log_file, log_level
from newsarchive.runs.record import writes_archive
from newsarchive.runs.status import (EXIT_CANNOT_RUN, EXIT_INTERRUPTED, EXIT_LOCKED, FINISHED_WITH_ERRORS, exit_status,
                                     summary_line)
from newsarchive.storage import archive_path

logger = logging.getLogger(__name__)


class Command(ScrapyCrawlCommand):
    def long_desc(self) -> str:
        return (
            "Run a spider of the current project, by name. Exit status: 0 success, 1 finished with "
            "errors, 2 could not run (bad arguments or settings, unusable archive), 3 another run holds "
            "the archive lock, 4 interrupted. Scheduling arguments: -a full=1, -a since=YYYY-MM-DD, "
            "-a category=SLUG, -a max_pages=N, -a max_minutes=M."
        )

    quiet = False
    last_problem: LastProblem | None = None

    def process_options(self, args, opts) -> None:
        super().process_options(args, opts)
        settings = self.settings
        self.quiet = settings.getbool("NEWSARCHIVE_QUIET") and not opts.loglevel
        if self.quiet:  # the console shows nothing (errors are still counted); run() says in one line why a run failed
            settings.set("LOG_ENABLED", False, priority="cmdline")
            self.last_problem = LastProblem()
            logging.getLogger().addHandler(self.last_problem)
        try:
            log_level(settings.get("LOG_LEVEL"))
            install_log_file(settings)
        except (ValueError, OSError) as exc:
            raise UsageError(f"cannot log as asked: {exc}", print_help=False) from None

    def run(self, args, opts) -> None:
        if len(args) != 1:
            super().run(args, opts)  # raises the usage error
        crawler = self._checked_crawler(args[0], opts.spargs)
        try:
            self._crawl(crawler, opts.spargs)
        finally:
            if self.quiet and self.exitcode:
                print(self._failure_line(crawler), file=sys.stderr)

    def _crawl(self, crawler, arguments: dict) -> None:
        held = HeldSignals()  # the lock wait makes them interrupt it (_interruptible), then they are held again
        stored = writes_archive(crawler.settings)  # on a Redis worker, the writer holds the archive
        lock = self._take_lock(crawler.settings) if stored else None
        if stored and lock is None:
            return
        try:
            self.crawler_process.crawl(crawler, **arguments)  # the reactor is installed by now
            held.hand_over()
            self.crawler_process.start()
        finally:
            if lock is not None:
                lock.release()
        self.exitcode = self._exit_status(crawler)

    def _failure_line(self, crawler) -> str:
        """The one line of a quiet run that failed: its summary (with the last problem logged when it finished
        with errors), else the last problem logged."""
        stats = _final_stats(crawler) or {}
        if stats.get("newsarchive/run_id"):
            status = stats.get("newsarchive/run_status")
            line = summary_line(stats["newsarchive/run_id"], status, stats.get("finish_reason"), stats,
                                archive_path(crawler.settings))
            if status == FINISHED_WITH_ERRORS and self.last_problem.cause:
                line = f"{line}; last problem: {self.last_problem.cause}"
        else:
            line = (self.last_problem and self.last_problem.message) or f"the crawl failed (exit status {self.exitcode})"
        log_file = crawler.settings.get("NEWSARCHIVE_LOG_FILE")
        return f"{line} (log: {log_file})" if log_file else line

    def _checked_crawler(self, spider_name: str, arguments: dict):
        try:
            crawler = self._create_crawler(spider_name)
        except KeyError:
            raise UsageError(f"no spider named {spider_name!r} (see: scrapy list)", print_help=False) from None
        settings = crawler.settings.copy()
        try:
            check_names = getattr(crawler.spidercls, "check_argument_names", None)
            if check_names:
                check_names(arguments)
            settings.setdict(settings_from_arguments(arguments), priority="cmdline")
            CrawlScope.from_settings(settings)
            _check_numbers(settings)
            check_arguments = getattr(crawler.spidercls, "check_arguments", None)
            if check_arguments:  # the spider's own checks (base_url, site, profile)
                check_arguments(settings, **arguments)
        except ValueError as exc:
            raise UsageError(str(exc), print_help=False) from None
        return crawler

    def _take_lock(self, settings) -> ArchiveLock | None:
        path = archive_path(settings)
        try:
            with _interruptible():
                lock = ArchiveLock.for_archive(path).acquire(wait=settings.getfloat("NEWSARCHIVE_LOCK_WAIT"))
        except ArchiveLocked as exc:
            logger.warning("Not crawling: %s", exc)
            self.exitcode = EXIT_LOCKED
            return None
        except Interrupted as exc:
            logger.warning("Not crawling: %s while waiting for the archive lock of %s", exc, path)
            self.exitcode = EXIT_INTERRUPTED
            return None
        except OSError as exc:
            logger.error("Cannot use the archive %s: %s", path, exc)
            self.exitcode = EXIT_CANNOT_RUN
            return None
        reserve(lock)
        return lock

    def _exit_status(self, crawler) -> int:
        if self.crawler_process.bootstrap_failed:
            return EXIT_CANNOT_RUN
        stats = _final_stats(crawler)
        if stats is None:
            return EXIT_CANNOT_RUN
        return exit_status(stats, crawler.settings.getfloat("NEWSARCHIVE_FAILED_PAGES_TOLERANCE"))


class Interrupted(Exception):
    """A SIGTERM or SIGINT before the crawl started."""


class HeldSignals:
    """SIGTERM and SIGINT noted until Scrapy handles them (it installs its handlers once its reactor runs), then
    raised again for Scrapy's handlers: a crawl stopped in between ends interrupted (exit status 4), with its run
    recorded, instead of being killed by the signal (exit status 143)."""

    def __init__(self):
        self.noted: list[int] = []
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._note)

    def _note(self, signum, _frame) -> None:
        self.noted.append(signum)

    def hand_over(self) -> None:
        """Raise the first signal noted, if any, once the reactor runs and Scrapy's handlers are in place (they are
        installed as the reactor starts: the signal is raised at its first turn)."""
        from twisted.internet import reactor

        reactor.callWhenRunning(reactor.callLater, 0, self._raise_noted)

    def _raise_noted(self) -> None:
        if self.noted:
            signal.raise_signal(self.noted[0])


@contextmanager
def _interruptible() -> Iterator[None]:
    """SIGTERM and SIGINT raise :class:`Interrupted` in the block (Scrapy handles them once the crawl runs)."""
    def interrupt(signum, _frame):
        raise Interrupted(f"interrupted by {signal.Signals(signum).name}")

    previous = {signum: signal.signal(signum, interrupt) for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _final_stats(crawler) -> dict | None:
    """The crawler's stats; None when it never got as far as having stats."""
    try:
        return crawler.stats.get_stats()
    except (AttributeError, RuntimeError):
        return None


NUMERIC_SETTINGS = {"NEWSARCHIVE_LOCK_WAIT": "getfloat", "NEWSARCHIVE_FAILED_PAGES_TOLERANCE": "getfloat",
                    "NEWSARCHIVE_BATCH_SIZE": "getint", "CLOSESPIDER_PAGECOUNT": "getint",
                    "CLOSESPIDER_TIMEOUT": "getfloat",
                    # the safety limits (README "Safety and limits"): numbers, never negative
                    **dict.fromkeys(("NEWSARCHIVE_MAX_INFLATED_SIZE", "NEWSARCHIVE_SITEMAP_MAX_URLS",
                                     "NEWSARCHIVE_SITEMAP_MAX_DEPTH", "NEWSARCHIVE_SITEMAP_MAX_COUNT",
                                     "NEWSARCHIVE_MAX_PAGES_PER_SITE", "NEWSARCHIVE_ROBOTS_MAX_SIZE",
                                     "NEWSARCHIVE_JSONLD_MAX_DEPTH", "NEWSARCHIVE_UNREACHABLE_AFTER",
                                     "NEWSARCHIVE_MAX_ATTRIBUTES"), "getint"),
                    **dict.fromkeys(("NEWSARCHIVE_RETRY_AFTER_MAX", "NEWSARCHIVE_EXTRACTION_TIME_LIMIT"), "getfloat")}
NON_NEGATIVE = frozenset(name for name in NUMERIC_SETTINGS if name.startswith("NEWSARCHIVE_"))


def _check_numbers(settings) -> None:
    for name, getter in NUMERIC_SETTINGS.items():
        try:
            value = getattr(settings, getter)(name)
        except (TypeError, ValueError, OverflowError):
            raise ValueError(f"{name} must be a number, not {settings.get(name)!r}") from None
        if name in NON_NEGATIVE and not 0 <= value < float("inf"):
            raise ValueError(f"{name} must be a number from 0, not {settings.get(name)!r}")
