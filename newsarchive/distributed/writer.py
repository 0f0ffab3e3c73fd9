"""The single writer of a distributed crawl: drains the workers' records from Redis into the archive.

Records are moved in batches from the shared list to a "being written" list in one Lua call, saved
in one transaction (:class:`~newsarchive.storage.batches.Batch`, as a single-process crawl saves
them: dedup by URL and content fingerprint, revisions), and only then dropped from Redis; a writer
killed mid-batch leaves the batch for the next one, which stores it again harmlessly (an article
seen twice is "unchanged"). The pages the records carry are written into the archive's WARC files
first (:mod:`newsarchive.warc.pages`), so that stored versions point to records on disk. The state of
each stored article is published for the workers. The whole drain is one run of the archive, whose
stats add up the workers' stats.
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import contextmanager

from newsarchive.distributed.keys import CRAWLS, RECORDS, WORKERS, WRITER_RUN, WRITING, CrawlKeys
from newsarchive.distributed.messages import read_message
from newsarchive.distributed.scheduler import MISSED_BEATS
from newsarchive.distributed.state import publish_articles
from newsarchive.storage.archive import Archive
from newsarchive.storage.batches import Batch
from newsarchive.storage.save_result import SaveResult
from newsarchive.warc.files import WarcFiles
from newsarchive.warc.pages import PageRecords

logger = logging.getLogger(__name__)

# KEYS: records, writing; ARGV: how many. Moves the oldest records (at the right) to "writing".
TAKE = """
local taken = {}
for i = 1, tonumber(ARGV[1]) do
  local record = redis.call('RPOPLPUSH', KEYS[1], KEYS[2])
  if not record then break end
  taken[#taken + 1] = record
end
return taken
"""

# KEYS: finished; ARGV: writer run. A crawl that finished while no writer was storing is counted in
# this writer run, in one step: a crawl that a worker starts again meanwhile (its "finished" record
# deleted) gets no record holding only a writer run, one finished in another writer run keeps it.
CLAIM = """
if redis.call('HGET', KEYS[1], 'writer_run') == '' then redis.call('HSET', KEYS[1], 'writer_run', ARGV[1]) end
"""
# Stats that the writer counts itself, not added from the workers' stats.
WRITER_STATS = ("newsarchive/articles_", "newsarchive/run_", "newsarchive/warc/")


@contextmanager
def announced_run(server, run: str):
    """Name in Redis the writer run storing now: a crawl that finished in this run is not started
    again by a late worker, one that finished in an earlier run is (see the workers' scheduler).
    A crawl that finished while no writer was storing has its records stored by this run: it is
    counted as finished in it, so that workers started after this run start the next crawl."""
    server.set(WRITER_RUN, run)
    for name in server.smembers(CRAWLS):
        server.eval(CLAIM, 1, CrawlKeys(name.decode()).finished, run)
    try:
        yield
    finally:
        if server.get(WRITER_RUN) == run.encode():
            server.delete(WRITER_RUN)


class RecordWriter:
    """Stores the records into ``archive``, and the pages they carry into the WARC files ``warc`` (None: none)."""

    def __init__(self, server, archive: Archive, *, batch_size: int, keep_raw: bool, heartbeat: float,
                 warc: WarcFiles | None = None):
        self.server = server
        self.archive = archive
        self.batch_size = batch_size
        self.keep_raw = keep_raw
        self.heartbeat = heartbeat
        self.stats: dict = {}
        self.pages = PageRecords(warc, self.count)

    def drain(self, until_idle: float | None, stop: threading.Event) -> str:
        """Store records until ``stop`` is set, or (``until_idle``) until, after a crawl was seen (a
        record, a worker), nothing happened for that many seconds: no record, no live worker, no queued
        or in-flight request. Returns the finish reason."""
        self.pages.open()
        leftover = self.server.lrange(WRITING, 0, -1)
        if leftover:
            logger.info("Storing %d records that a stopped writer had not finished", len(leftover))
            self.store(leftover[::-1])
        last_activity = None  # the idle time counts once a crawl was seen
        while not stop.is_set():
            records = self.server.eval(TAKE, 2, RECORDS, WRITING, self.batch_size)
            if records:
                self.store(records)
                last_activity = time.monotonic()
                continue
            if self.crawl_active():
                last_activity = time.monotonic()
            elif until_idle is not None and last_activity is not None and time.monotonic() - last_activity >= until_idle:
                return "finished"
            stop.wait(0.2)
        return "shutdown"

    def store(self, records: list[bytes]) -> None:
        batch = Batch()
        for data in records:
            try:
                self.add(batch, read_message(data))
            except (ValueError, KeyError, TypeError) as exc:
                self.count("newsarchive/redis/bad_record")
                logger.error("Left out a record that is not a newsarchive message: %s", exc)
        self.pages.sync()  # the records on disk before the pointers to them are committed
        result, failed = batch.save(self.archive)
        if failed:
            self.count("newsarchive/store_failed", failed)
        self.server.delete(WRITING)
        self.count_result(result)
        publish_articles(self.server, self.archive.database, batch.urls())

    def add(self, batch: Batch, message: dict) -> None:
        kind = message["kind"]
        if kind in ("article", "page"):
            self.pages.record(message["raw"])
        if kind == "article":
            batch.add_article(message["record"], message["raw"], message.get("fingerprint"), self.keep_raw)
        elif kind == "page":
            batch.add_answer(message["raw"])
        elif kind == "duplicate":
            batch.add_duplicate(message["urls"], message["original_url"], message.get("seen_at"))
        else:
            for name, value in message["stats"].items():
                if name.startswith(WRITER_STATS) or name == "elapsed_time_seconds":
                    continue  # the writer's own (a worker's WARC files, if any, are not the archive's)
                if name.endswith("_max"):
                    self.keep_max(name, value)
                else:
                    self.count(name, value)

    def close(self) -> None:
        """Close the WARC file being written (it gets its final name)."""
        self.pages.close()

    def crawl_active(self) -> bool:
        """A live worker, or a request queued or in flight in some crawl."""
        if self.server.zcount(WORKERS, time.time() - MISSED_BEATS * self.heartbeat, "+inf"):
            return True
        for name in self.server.smembers(CRAWLS):
            keys = CrawlKeys(name.decode())
            if self.server.zcard(keys.requests) or self.server.hlen(keys.inflight):
                return True
        return False

    def count(self, name: str, value: float = 1) -> None:
        self.stats[name] = self.stats.get(name, 0) + value

    def keep_max(self, name: str, value: float) -> None:
        self.stats[name] = max(self.stats.get(name, value), value)

    def count_result(self, result: SaveResult) -> None:
        for name, count in result.stats().items():
            self.count(name, count)
