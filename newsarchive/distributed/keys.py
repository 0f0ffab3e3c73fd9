"""The Redis keys shared by workers and the writer: one home for their names."""

from __future__ import annotations

from dataclasses import dataclass

PREFIX = "newsarchive"
RECORDS = f"{PREFIX}:records"  # list: messages from the workers, oldest at the right
WRITING = f"{PREFIX}:records:writing"  # list: the batch the writer is storing (back to RECORDS if it dies)
CRAWLS = f"{PREFIX}:crawls"  # set: the names ("spider:site") of the crawls that have a queue
WORKERS = f"{PREFIX}:workers"  # sorted set: "crawl|worker id" -> time of its last heartbeat
STATE_READY = f"{PREFIX}:state:ready"  # string: when the writer last published the archive's state
WRITER_RUN = f"{PREFIX}:writer:run"  # string: the run of the writer storing now (absent when none is)


def state_key(site: str) -> str:
    """Hash: every URL of the site's stored articles -> the JSON of its state (see :mod:`.state`)."""
    return f"{PREFIX}:state:{site}"


@dataclass(frozen=True)
class CrawlKeys:
    """The keys of one crawl: a spider on one site (``onemedia:onemedia.fr``)."""

    name: str

    @classmethod
    def of(cls, spider_name: str, site: str) -> CrawlKeys:
        return cls(f"{spider_name}:{site}")

    @property
    def requests(self) -> str:  # sorted set: the scrapy-redis priority queue
        return f"{PREFIX}:{self.name}:requests"

    @property
    def dupefilter(self) -> str:  # set: fingerprints of the requests seen in this crawl
        return f"{PREFIX}:{self.name}:dupefilter"

    @property
    def finished(self) -> str:  # hash: "at" (time) and "writer_run" of the end of the crawl's last run
        return f"{PREFIX}:{self.name}:finished"

    @property
    def inflight(self) -> str:  # hash: "worker id|encoded request" -> its priority score, until done
        return f"{PREFIX}:{self.name}:inflight"
