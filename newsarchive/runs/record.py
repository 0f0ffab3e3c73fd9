"""One run of an archive as its ``runs`` table records it: started (the runs left unfinished marked
interrupted first), then finished with its status and stats. A crawl (:mod:`newsarchive.runs.extension`)
and the writer of a distributed crawl (``newsarchive store``) record their runs with it."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from newsarchive.storage.archive import Archive

logger = logging.getLogger(__name__)

RECORDED_SETTINGS = (
    "BOT_NAME", "USER_AGENT", "ROBOTSTXT_OBEY", "AUTOTHROTTLE_ENABLED", "CONCURRENT_REQUESTS_PER_DOMAIN",
    "DOWNLOAD_DELAY", "CLOSESPIDER_TIMEOUT", "CLOSESPIDER_PAGECOUNT", "CLOSESPIDER_ITEMCOUNT",
)


def run_settings(settings) -> dict:
    """The Scrapy settings worth recording with a crawl run."""
    return {
        name: value for name, value in sorted(settings.copy_to_dict().items())
        if name.startswith("NEWSARCHIVE_") or name in RECORDED_SETTINGS
    }


def writes_archive(settings) -> bool:
    """Whether a crawl with these settings writes an archive itself (not with ``NEWSARCHIVE_STORE`` off,
    nor on a Redis worker, whose records ``newsarchive store`` writes)."""
    return settings.getbool("NEWSARCHIVE_STORE") and not settings.get("NEWSARCHIVE_REDIS_URL")


@dataclass
class ArchiveRun:
    """A run recorded in ``archive``; the caller holds the archive's lock."""

    archive: Archive
    id: int

    @classmethod
    def start(cls, archive: Archive, name: str, settings: dict) -> ArchiveRun:
        """Mark interrupted the runs that killed processes left ``running``, then record this one's start."""
        for run in archive.close_unfinished_runs():
            logger.warning("Run %s (started %s by pid %s on %s) did not finish: marked interrupted",
                           run["id"], run["started_at"], run["pid"], run["host"])
        return cls(archive, archive.start_run(name, settings))

    def finish(self, status: str, reason: str | None, stats: dict) -> None:
        self.archive.finish_run(self.id, status=status, finish_reason=reason, stats=stats)
