"""Extraction workers that stop (a page past the hard time limit, a worker killed) are replaced, their pages retried."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest

from newsarchive.extraction import ExtractionLimits
from newsarchive.parallel.extraction import ExtractionPool, WorkerStopped, warm_up

GOLDEN = Path(__file__).parent / "golden" / "onemedia" / "classic-editor-images" / "page.html"
HEADERS = {"content-type": "text/html; charset=utf-8"}


def raw_page(body: bytes, url: str = "https://onemedia.fr/france/marche-couvert-vernon-rouvre/") -> dict:
    return {"body": body, "final_url": url, "headers": HEADERS, "fetched_at": "2025-03-16T09:00:00+00:00"}


def slow_to_parse(attributes: int) -> bytes:
    """A page whose parse takes seconds in libxml2 (time quadratic in one element's distinct attributes)."""
    tag = b"<div " + b" ".join(b'a%d="v"' % number for number in range(attributes)) + b">"
    text = ("<p>Le conseil municipal a voté mardi soir le budget de la commune, après un long débat sur les "
            "travaux de la place du marché et le prix de la cantine scolaire.</p>" * 3).encode()
    return b"<html><body><article><h1>Un titre</h1>" + tag + text + b"</div></article></body></html>"


@pytest.fixture
def pool():
    started = ExtractionPool(1)
    yield started
    started.close()


def test_a_page_past_the_hard_time_limit_stops_its_worker_and_fails_alone(pool):
    limits = ExtractionLimits(jsonld_max_depth=32, time_limit=0.1)  # hard limit: 0.1 x 3 + 2 s
    stuck = pool.submit(raw_page(slow_to_parse(60_000), "https://onemedia.fr/france/mille-attributs/"), limits)
    after = pool.submit(raw_page(GOLDEN.read_bytes()), limits)
    started = time.monotonic()
    with pytest.raises(WorkerStopped, match="the page stopped its extraction worker twice"):
        stuck.result(timeout=120)
    assert time.monotonic() - started < 30  # parsed whole, the page takes far longer
    assert after.result(timeout=120).record["headline"]  # the page queued behind it, extracted again
    assert pool.restarts == 2
    assert pool.submit(raw_page(GOLDEN.read_bytes()), limits).result(timeout=120).record["headline"]


def test_a_killed_worker_is_replaced_and_the_pages_it_held_are_extracted(pool):
    slow = pool.submit(raw_page(slow_to_parse(30_000)), ExtractionLimits(jsonld_max_depth=32, time_limit=0))
    queued = pool.submit(raw_page(GOLDEN.read_bytes()))
    time.sleep(1.0)  # the worker has started and is parsing
    workers = multiprocessing.active_children()
    assert len(workers) == 1
    os.kill(workers[0].pid, signal.SIGKILL)
    assert slow.result(timeout=120).record["headline"] == "Un titre"
    assert queued.result(timeout=120).record["headline"]
    assert pool.restarts == 1


def test_the_warm_up_page_of_a_starting_worker_sets_every_reader_to_work():
    """A worker reads this page as it starts, so that what the readers set up on first use (the date parser, the
    stemmer) is not counted in its first real page's hard time limit: every one of them must have read it."""
    extracted = warm_up(derive=True)
    record = extracted.record
    assert (record["published"], record["modified"]) == ("2025-01-06T10:00:00+01:00", "2025-01-06T12:00:00+01:00")
    assert record["authors"] == ["Léa Roy"] and record["word_count"] > 50
    assert extracted.derived is not None and extracted.fingerprint
