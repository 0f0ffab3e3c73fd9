"""The cyclic garbage collector kept off the objects of extraction: held off while a page is read
(:func:`collection_paused`), and off the objects a process starts with (:func:`freeze_startup_objects`).

Reading a page makes thousands of objects that live until the page is done (an lxml proxy for every element, the
index, the readers' lists and memos) and no reference cycle: each is freed by its last reference when the record is
built. The collector, which runs whenever 700 more objects have been made than freed, would walk those live objects
two or three times a page and move them into its older generations, whose collections then walk them again; held
off, it runs between pages, when the page's objects are gone.

The objects a process holds once started (modules, vocabularies, settings: some 45 000 in a crawl process) would be
walked again by every full collection (15-40 ms each, every ~50 pages); frozen, they are left out of its work
(:mod:`newsarchive.crawl.gc_freeze` does it in a crawl, :mod:`newsarchive.parallel.extraction` in each worker).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block; the collector is on again after it if it was on before (a
    program that turned it off keeps it off)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def freeze_startup_objects() -> int:
    """Collect the garbage, then move every object alive into the collector's permanent generation; the number of
    objects now frozen. A frozen object is still freed when its last reference goes; only a reference cycle among
    frozen objects that becomes garbage would be kept."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
