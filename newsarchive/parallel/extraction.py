"""A pool of worker processes that run :func:`~newsarchive.extraction.extract_article` in parallel.

Extraction is CPU-bound pure Python (~8 ms a page): in one process it competes with the crawl's
reactor for one core. The pool runs it in ``workers`` processes, children of the crawl process
started with ``spawn`` (never forked from a process with threads); each worker imports the
extraction code once and runs an optional ``setup`` first (e.g. registering the page classes of
site profiles, as the spider did in the crawl process). Workers ignore SIGINT and SIGTERM: the
crawl process shuts them down when it closes, and they exit by themselves within a second when it
dies, however it dies (SIGKILL included).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor

from newsarchive.extraction import ExtractionLimits, NotAnArticle, extract_article
from newsarchive.sites.registry import page_class_for

logger = logging.getLogger(__name__)

PARENT_CHECK_SECONDS = 1.0


class ExtractionCrashed(Exception):
    """Extraction raised an unexpected exception in a worker; the message holds its traceback."""


class ExtractionPool:
    """``submit(raw_page)`` -> a Future of the page's record (or NotAnArticle / ExtractionCrashed)."""

    def __init__(self, workers: int, setup: tuple[Callable, tuple] | None = None):
        if workers < 1:
            raise ValueError("an extraction pool needs at least one worker")
        self.workers = workers
        self.executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_start_worker, initargs=(os.getpid(), setup))

    def submit(self, raw: dict, limits: ExtractionLimits | None = None) -> Future:
        return self.executor.submit(extract_page, raw["body"], raw["final_url"], raw["headers"],
                                    raw["fetched_at"], raw.get("extractor_site"), limits)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def extract_page(body: bytes, url: str, headers: dict, fetched_at: str, site: str | None,
                 limits: ExtractionLimits | None = None) -> dict:
    """:func:`extract_article` in a worker; any exception but NotAnArticle comes back as ExtractionCrashed
    (it crosses the process boundary whatever its class)."""
    try:
        return extract_article(body, url, headers=headers, fetched_at=fetched_at, page_class=page_class_for(url, site),
                               limits=limits)
    except NotAnArticle:
        raise
    except Exception as exc:
        raise ExtractionCrashed(f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}") from None


def _start_worker(parent_pid: int, setup: tuple[Callable, tuple] | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(parent_pid,), name="parent-watch", daemon=True).start()
    if setup is not None:
        function, arguments = setup
        function(*arguments)


def _exit_when_orphaned(parent_pid: int) -> None:
    """End this worker when the crawl process that started it is gone (it is then re-parented)."""
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)
