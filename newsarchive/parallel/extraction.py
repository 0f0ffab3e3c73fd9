"""A pool of worker processes that run :func:`~newsarchive.extraction.extract_article` in parallel.

Extraction is CPU-bound pure Python (~8 ms a page): in one process it competes with the crawl's
reactor for one core. The pool runs it in ``workers`` processes, children of the crawl process
started with ``spawn`` (never forked from a process with threads); each worker imports the
extraction code once and runs an optional ``setup`` first (e.g. registering the page classes of
site profiles, as the spider did in the crawl process), then, with ``freeze``, leaves the objects it holds then
out of garbage collection (:func:`~newsarchive.extraction.collector.freeze_startup_objects`). With each record, a worker computes what the
crawl process would compute from it next: its content fingerprint (the dedup pipeline) and, for a crawl
that stores it, the stems and signature of its texts (:mod:`newsarchive.storage.derived`). Workers ignore SIGINT and SIGTERM: the
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
from typing import NamedTuple

from newsarchive.extraction import ExtractionLimits, NotAnArticle, extract_article
from newsarchive.extraction.collector import freeze_startup_objects
from newsarchive.sites.registry import page_class_for
from newsarchive.storage.derived import TextDerivatives, derive
from newsarchive.storage.fingerprint import content_fingerprint

logger = logging.getLogger(__name__)

PARENT_CHECK_SECONDS = 1.0


class ExtractionCrashed(Exception):
    """Extraction raised an unexpected exception in a worker; the message holds its traceback."""


class Extracted(NamedTuple):
    """A page's article record, its content fingerprint, and the values its storage derives (or None)."""

    record: dict
    fingerprint: str | None
    derived: TextDerivatives | None


class ExtractionPool:
    """``submit(raw_page)`` -> a Future of the page's :class:`Extracted` (or NotAnArticle / ExtractionCrashed).

    ``derive``: whether the records will be stored (their stems and signature are then computed too); ``freeze``:
    whether each worker leaves the objects of its start-up out of garbage collection (``NEWSARCHIVE_GC_FREEZE``)."""

    def __init__(self, workers: int, setup: tuple[Callable, tuple] | None = None, derive: bool = False,
                 freeze: bool = False):
        if workers < 1:
            raise ValueError("an extraction pool needs at least one worker")
        self.workers = workers
        self.derive = derive
        self.executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_start_worker, initargs=(os.getpid(), setup, freeze))

    def submit(self, raw: dict, limits: ExtractionLimits | None = None) -> Future:
        return self.executor.submit(extract_page, raw["body"], raw["final_url"], raw["headers"],
                                    raw["fetched_at"], raw.get("extractor_site"), limits, self.derive)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def extract_page(body: bytes, url: str, headers: dict, fetched_at: str, site: str | None,
                 limits: ExtractionLimits | None = None, derive_stored: bool = False) -> Extracted:
    """:func:`extract_article` in a worker; any exception but NotAnArticle comes back as ExtractionCrashed
    (it crosses the process boundary whatever its class)."""
    try:
        record = extract_article(body, url, headers=headers, fetched_at=fetched_at,
                                 page_class=page_class_for(url, site), limits=limits)
    except NotAnArticle:
        raise
    except Exception as exc:
        raise ExtractionCrashed(f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}") from None
    return Extracted(record, content_fingerprint(record), _derived(record) if derive_stored else None)


def _derived(record: dict) -> TextDerivatives | None:
    """The record's stems and signature; None when they cannot be computed (the writer then tries, and
    reports what it finds wrong with the record)."""
    try:
        return derive(record)
    except Exception:
        logger.debug("Stems and signature not computed ahead for %s", record.get("url"), exc_info=True)
        return None


def _start_worker(parent_pid: int, setup: tuple[Callable, tuple] | None, freeze: bool = False) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(parent_pid,), name="parent-watch", daemon=True).start()
    if setup is not None:
        function, arguments = setup
        function(*arguments)
    if freeze:
        freeze_startup_objects()


def _exit_when_orphaned(parent_pid: int) -> None:
    """End this worker when the crawl process that started it is gone (it is then re-parented)."""
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)
