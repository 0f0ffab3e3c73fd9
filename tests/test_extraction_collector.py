"""The cyclic garbage collector is held off while a page is read, and left as it was found."""

from __future__ import annotations

import gc
import sys

import pytest
from article_pages import article_page

from newsarchive.extraction import extract_article
from newsarchive.extraction.collector import collection_paused
from newsarchive.extraction.record import build_record

URL = "https://www.journal-test.example/societe/un-article.html"


@pytest.fixture
def collections():
    """``(generation, whether a page was being read)`` of the collections that start while the test runs."""
    started = []

    def record(phase, info):
        if phase == "start":
            frame, reading = sys._getframe(1), False
            while frame is not None and not reading:
                reading, frame = frame.f_code is build_record.__code__, frame.f_back
            started.append((info["generation"], reading))

    gc.callbacks.append(record)
    yield started
    gc.callbacks.remove(record)


def test_no_collection_runs_inside_the_block_and_the_collector_is_on_again_after(collections):
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
        kept = [[index] for index in range(5_000)]  # many more objects made than freed: a collection would run
        assert collections == []
    assert gc.isenabled()
    made = [[index] for index in range(5_000)]
    assert collections and len(made) == len(kept) == 5_000


def test_the_collector_is_on_again_after_an_error():
    with pytest.raises(ValueError), collection_paused():
        raise ValueError("a reader failed")
    assert gc.isenabled()


def test_a_collector_turned_off_stays_off():
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_no_collection_runs_while_a_page_is_read_and_the_page_leaves_no_cycle(collections):
    paragraphs = "".join(f"<p class='texte'>Paragraphe {index} de l’article, avec assez de mots.</p>"
                         for index in range(400))
    body = article_page(body=paragraphs).encode()
    extract_article(body, URL)  # the first reading imports what the readers import lazily
    gc.collect()
    collections.clear()
    record = extract_article(body, URL)
    assert gc.isenabled() and not any(reading for _, reading in collections)
    assert record["headline"] and len(record["sections"][0]["paragraphs"]) > 100
    # A cycle made by the reading would be found after every reading; garbage that a thread left running by another
    # test of the same process makes meanwhile (a loopback server's) is not there every time.
    assert min(_garbage_left_by(lambda: extract_article(body, URL)) for _ in range(3)) == 0


def _garbage_left_by(function) -> int:
    """The number of unreachable objects that the collector finds after ``function()``, from a clean start (kept in
    ``gc.garbage`` while it runs: a collection that starts as soon as the reading is over finds them too)."""
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        function()
        gc.collect()
        return len(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
