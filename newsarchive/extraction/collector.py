"""The cyclic garbage collector held off while a page is read (:func:`collection_paused`).

Reading a page makes thousands of objects that live until the page is done (an lxml proxy for every element, the
index, the readers' lists and memos) and no reference cycle: each is freed by its last reference when the record is
built. The collector, which runs whenever 700 more objects have been made than freed, would walk those live objects
two or three times a page and move them into its older generations, whose collections then walk them again; held
off, it runs between pages, when the page's objects are gone.
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
