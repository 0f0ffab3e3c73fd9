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

A page still being extracted after ``HARD_LIMIT_FACTOR`` times ``NEWSARCHIVE_EXTRACTION_TIME_LIMIT`` (plus
``HARD_LIMIT_GRACE`` seconds) stops its worker: the time limit is checked between fields, never inside C code such
as the HTML parser (one tag of 300,000 attributes keeps libxml2 busy for hours). A worker that stops, so or
otherwise (killed by the system), breaks the executor: the pool starts a new one and submits the pages it held
once more; a page that stops a worker twice fails with :class:`WorkerStopped`.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import signal
import threading
import time
import traceback
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import NamedTuple

from newsarchive.extraction import ExtractionLimits, NotAnArticle, extract_article
from newsarchive.extraction.collector import freeze_startup_objects
from newsarchive.sites.registry import page_class_for
from newsarchive.storage.derived import TextDerivatives, derive
from newsarchive.storage.fingerprint import content_fingerprint

logger = logging.getLogger(__name__)

PARENT_CHECK_SECONDS = 1.0
HARD_LIMIT_FACTOR = 3
HARD_LIMIT_GRACE = 2.0
MAX_BREAKAGES = 5  # a page held by that many broken executors fails, whatever was extracted when they broke


class WorkerStopped(Exception):
    """The page stopped its extraction worker twice (past the hard time limit, or killed by the system)."""


class ExtractionCrashed(Exception):
    """Extraction raised an unexpected exception in a worker; the message holds its traceback."""


class Extracted(NamedTuple):
    """A page's article record, its content fingerprint, and the values its storage derives (or None)."""

    record: dict
    fingerprint: str | None
    derived: TextDerivatives | None


class ExtractionPool:
    """``submit(raw_page)`` -> a Future of the page's :class:`Extracted` (or NotAnArticle / ExtractionCrashed /
    WorkerStopped).

    ``derive``: whether the records will be stored (their stems and signature are then computed too); ``freeze``:
    whether each worker leaves the objects of its start-up out of garbage collection (``NEWSARCHIVE_GC_FREEZE``)."""

    def __init__(self, workers: int, setup: tuple[Callable, tuple] | None = None, derive: bool = False,
                 freeze: bool = False):
        if workers < 1:
            raise ValueError("an extraction pool needs at least one worker")
        self.workers = workers
        self.derive = derive
        self.restarts = 0
        self.closed = False
        self._start = (setup, freeze)
        self._lock = threading.Lock()
        self._numbers = itertools.count()
        self._held: dict[int, _Page] = {}  # the pages submitted and not settled, oldest first
        # by broken executor, while its futures tell: the pages it may have been extracting
        self._suspects: weakref.WeakKeyDictionary[ProcessPoolExecutor, set[int]] = weakref.WeakKeyDictionary()
        self.executor = self._new_executor()

    def submit(self, raw: dict, limits: ExtractionLimits | None = None) -> Future:
        page = _Page(Future(), (raw["body"], raw["final_url"], raw["headers"], raw["fetched_at"],
                                raw.get("extractor_site"), limits, self.derive), next(self._numbers))
        with self._lock:
            self._held[page.number] = page
        self._attempt(page)
        return page.result

    def close(self) -> None:
        with self._lock:
            self.closed = True
            executor = self.executor
        executor.shutdown(wait=True, cancel_futures=True)

    def _new_executor(self) -> ProcessPoolExecutor:
        setup, freeze = self._start
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker, initargs=(os.getpid(), setup, freeze, self.derive))

    def _attempt(self, page: _Page) -> None:
        with self._lock:
            executor, closed = self.executor, self.closed
        if closed:
            self._settled(page).cancel()
            return
        try:
            attempt = executor.submit(extract_page_in_time, *page.arguments)
        except BrokenProcessPool:  # broken before its futures told so
            self._replace(executor)
            self._attempt(page)
            return
        attempt.add_done_callback(lambda done: self._settle(page, done, executor))

    def _settle(self, page: _Page, done: Future, executor: ProcessPoolExecutor) -> None:
        if done.cancelled():
            self._settled(page).cancel()
            return
        exception = done.exception()
        if isinstance(exception, BrokenProcessPool):
            self._retry(page, self._replace(executor))
        elif exception is not None:
            self._settled(page).set_exception(exception)
        else:
            self._settled(page).set_result(done.result())

    def _retry(self, page: _Page, suspects: set[int]) -> None:
        """Submit again a page its executor held when a worker stopped, unless it may have stopped one twice (it was
        among the pages being extracted then), or was held by MAX_BREAKAGES executors that broke."""
        page.breakages += 1
        page.stops += page.number in suspects
        if page.stops < 2 and page.breakages < MAX_BREAKAGES:
            self._attempt(page)
        else:
            self._settled(page).set_exception(WorkerStopped(
                "the page stopped its extraction worker twice (past the hard time limit, or killed)"))

    def _settled(self, page: _Page) -> Future:
        with self._lock:
            self._held.pop(page.number, None)
        return page.result

    def _replace(self, broken: ProcessPoolExecutor) -> set[int]:
        """A new executor in place of ``broken`` (once, whichever of its futures tells first); returns the pages
        that may have been extracted when it broke: the ``workers`` oldest held (pages are sent out in order)."""
        with self._lock:
            if broken in self._suspects:
                return self._suspects[broken]
            suspects = self._suspects[broken] = set(list(self._held)[:self.workers])
            if self.executor is not broken or self.closed:
                return suspects
            self.executor = self._new_executor()
            self.restarts += 1
        broken.shutdown(wait=False)
        logger.warning("An extraction worker stopped (a page past %s times the extraction time limit, or killed by "
                       "the system): workers started again, the pages they held submitted once more",
                       HARD_LIMIT_FACTOR)
        return suspects


@dataclass
class _Page:
    """A page submitted to the pool: its result, the arguments of :func:`extract_page`, its number in the order of
    submission, and how many times its executor broke while holding it (``stops``: while it was extracted)."""

    result: Future
    arguments: tuple
    number: int
    stops: int = 0
    breakages: int = 0


# A French article for the workers to read as they start (warm_up): a headline, a labelled date, a relative one, text.
WARM_UP_URL = "https://journal.example/societe/2025/01/06/un-article/"
WARM_UP_FETCHED_AT = "2025-01-06T12:00:00+00:00"
WARM_UP_PAGE = (
    "<html lang='fr'><head><meta charset='utf-8'><meta property='og:type' content='article'>"
    "<meta property='article:published_time' content='2025-01-06T10:00:00+01:00'></head><body><main><article>"
    "<h1>Le conseil municipal vote le budget</h1><p class='date'>Publié le 6 janvier 2025 à 10h00, mis à jour il y a "
    "une heure</p><p class='auteur'>Par Léa Roy</p><div class='article-body'>"
    + "<p>Le conseil municipal a voté mardi soir le budget de la commune, après un long débat sur les travaux de la "
      "place du marché et le prix de la cantine scolaire.</p><p>L'opposition a voté contre, jugeant la hausse des "
      "tarifs trop forte pour les familles.</p><p>Les travaux de la place commenceront au printemps et dureront "
      "six mois.</p>"
    + "</div></article></main></body></html>"
).encode()


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


def extract_page_in_time(body: bytes, url: str, headers: dict, fetched_at: str, site: str | None,
                         limits: ExtractionLimits | None = None, derive_stored: bool = False) -> Extracted:
    """:func:`extract_page` in a worker, which ends (SIGALRM's default action) if the page is still being extracted
    at the hard time limit."""
    hard_limit = _hard_limit(limits or ExtractionLimits.defaults())
    if hard_limit:
        signal.setitimer(signal.ITIMER_REAL, hard_limit)
    try:
        return extract_page(body, url, headers, fetched_at, site, limits, derive_stored)
    finally:
        if hard_limit:
            signal.setitimer(signal.ITIMER_REAL, 0)


def _hard_limit(limits: ExtractionLimits) -> float:
    """Seconds after which a page's extraction ends its worker (0: never, as the time limit is off)."""
    return limits.time_limit * HARD_LIMIT_FACTOR + HARD_LIMIT_GRACE if limits.time_limit > 0 else 0.0


def _derived(record: dict) -> TextDerivatives | None:
    """The record's stems and signature; None when they cannot be computed (the writer then tries, and
    reports what it finds wrong with the record)."""
    try:
        return derive(record)
    except Exception:
        logger.debug("Stems and signature not computed ahead for %s", record.get("url"), exc_info=True)
        return None


def _start_worker(parent_pid: int, setup: tuple[Callable, tuple] | None, freeze: bool = False,
                  derive: bool = False) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(parent_pid,), name="parent-watch", daemon=True).start()
    if setup is not None:
        function, arguments = setup
        function(*arguments)
    warm_up(derive)
    if freeze:
        freeze_startup_objects()


def warm_up(derive: bool = False) -> Extracted | None:
    """Extract :data:`WARM_UP_PAGE` once, as a worker starts: what the readers set up on first use (the date parser's
    languages, the stemmer, compiled expressions: about 0.15 s) is then not counted in the hard time limit of the
    worker's first real page, which a loaded machine could otherwise push past it (and a restarted worker's first
    pages with it). Its record, or None when the page could not be read."""
    try:
        return extract_page(WARM_UP_PAGE, WARM_UP_URL, {}, WARM_UP_FETCHED_AT, None, None, derive)
    except (NotAnArticle, ExtractionCrashed):
        logger.warning("The extraction workers' warm-up page could not be read", exc_info=True)
        return None


def _exit_when_orphaned(parent_pid: int) -> None:
    """End this worker when the crawl process that started it is gone (it is then re-parented)."""
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)
