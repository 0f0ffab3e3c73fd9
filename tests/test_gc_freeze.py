"""``NEWSARCHIVE_GC_FREEZE``: the crawl process and the extraction workers leave the objects of their start-up out of
the cyclic garbage collector's work once started."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest
from scrapy import Spider, signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from crawling import project_settings
from newsarchive.crawl.gc_freeze import FreezeStartupObjects
from newsarchive.extraction.collector import freeze_startup_objects
from newsarchive.parallel.extraction import ExtractionPool


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


class NoSpider(Spider):
    name = "no-spider"


def test_freezing_moves_the_objects_alive_out_of_the_collectors_generations(unfrozen):
    """The frozen count is only compared as an upper bound: another thread of the process (pytest-xdist's channel,
    a pool's queue) may free an object it held at the freeze, which leaves the permanent generation then."""
    kept = [[index] for index in range(1000)]  # tracked objects alive at start-up
    frozen = freeze_startup_objects()
    assert frozen >= len(kept) and gc.get_freeze_count() <= frozen
    walked = {id(tracked) for tracked in gc.get_objects()}  # what the collector's generations hold
    assert id(kept) not in walked and not any(id(item) in walked for item in kept)
    made_later = [[index] for index in range(10)]
    walked = {id(tracked) for tracked in gc.get_objects()}
    assert id(made_later) in walked and all(id(item) in walked for item in made_later)
    assert len(kept) <= gc.get_freeze_count() <= frozen  # nothing made after the freeze joined the frozen


def test_the_extension_freezes_when_the_engine_starts(unfrozen):
    crawler = get_crawler(NoSpider, project_settings(EXTENSIONS_BASE={}))  # the project's extensions alone
    assert any(isinstance(extension, FreezeStartupObjects) for extension in crawler.extensions.middlewares)
    assert gc.get_freeze_count() == 0
    crawler.signals.send_catch_log(signals.engine_started)
    frozen = crawler.stats.get_value("newsarchive/gc_frozen_objects")
    assert frozen >= gc.get_freeze_count() > 10_000  # a frozen object is still freed when its last reference goes


def test_the_extension_is_off_when_the_setting_is(unfrozen):
    crawler = get_crawler(NoSpider, project_settings(NEWSARCHIVE_GC_FREEZE=False))
    with pytest.raises(NotConfigured):
        build_from_crawler(FreezeStartupObjects, crawler)


@pytest.mark.parametrize("freeze", [True, False])
def test_each_extraction_worker_freezes_once_started_when_asked(freeze):
    pool = ExtractionPool(1, freeze=freeze)
    try:
        frozen = pool.executor.submit(gc.get_freeze_count).result(timeout=120)
    finally:
        pool.close()
    assert (frozen > 10_000) if freeze else frozen == 0  # the worker has imported the extraction code


def test_the_workers_freeze_without_importing_scrapy():
    """What a worker imports (the extraction, and the freeze with it) holds no Scrapy or Twisted: each worker would
    start slower and hold more memory for nothing."""
    imported = subprocess.run(
        [sys.executable, "-c", "import sys, newsarchive.parallel.extraction; "
         "print(sorted({name.split('.')[0] for name in sys.modules} & {'scrapy', 'twisted'}))"],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout.strip()
    assert imported == "[]"
