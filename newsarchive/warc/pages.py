"""The WARC records that the writer of a distributed crawl writes of the pages it stores, from the raw pages workers push.

A Redis worker holds no archive and writes no WARC file unless given ``NEWSARCHIVE_WARC_DIR``; the
archive never points into a worker's files (they are on another machine): the WARC location a
worker's record carries is dropped. ``newsarchive store`` appends a response record of each page it
is sent to the WARC files of its archive (a :class:`WarcFiles` run: same names, rolling, warcinfo and
``.open`` handling as a crawl's), dated by the fetch, and the stored version points to it; a 304 answer
becomes a ``server-not-modified`` revisit, as in a crawl. Workers send neither the request as sent nor
the body of a 404/410 answer, so these have no record. The records are on disk before the batch that
points to them is committed: a writer killed mid-batch leaves at worst records that nothing points
to, and the next writer, storing the batch again, writes them again (as a crawl that fetches an
unchanged page again does) and adds no version.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from newsarchive.http_status import NOT_MODIFIED
from newsarchive.warc.files import (TRUNCATED_TAIL_STAT, WRITE_FAILED_STAT, WarcFiles, report_leftovers,
                                   warc_directory, written_stats)
from newsarchive.warc.records import page_exchange, page_warc_date, response_record, software_info

logger = logging.getLogger(__name__)


def archive_warc_files(db: str, settings, run_label: str) -> WarcFiles:
    """The WARC files the writer of the archive ``db`` appends to: ``warc/`` beside it (``settings``: the
    project's settings module, for ``NEWSARCHIVE_WARC_DIR`` and ``NEWSARCHIVE_WARC_MAX_SIZE``)."""
    directory = warc_directory({"NEWSARCHIVE_DB": db, "NEWSARCHIVE_WARC_DIR": settings.NEWSARCHIVE_WARC_DIR})
    files = WarcFiles(directory, Path(db).parent, max_size=settings.NEWSARCHIVE_WARC_MAX_SIZE, info=software_info())
    files.info["isPartOf"] = f"newsarchive store {run_label} {files.run_name}"
    files.info["description"] = "the pages stored from the records of Redis workers, as they fetched them"
    return files


class PageRecords:
    """Writes the records of raw pages into ``files`` (None: WARC writing off), counting with ``count(name, value)``."""

    def __init__(self, files: WarcFiles | None, count: Callable[[str, int], None]):
        self.files = files
        self.count = count

    def open(self) -> None:
        """Finish the files that a killed writer left open."""
        truncated = report_leftovers(self.files.directory) if self.files else 0
        if truncated:
            self.count(TRUNCATED_TAIL_STAT, truncated)

    def record(self, raw: dict) -> None:
        """Write the record of ``raw`` (a raw page) and put where it lies in ``raw["warc"]``."""
        if not isinstance(raw, dict):
            return  # not a raw page: the batch leaves the record out
        raw.pop("warc", None)  # a worker's own file, if any: not on this machine
        if self.files is None or (raw.get("body") is None and raw.get("status") != NOT_MODIFIED):
            return
        records = [response_record(page_exchange(raw), warc_date=page_warc_date(raw.get("fetched_at")))]
        try:
            locations = self.files.append(records, date=raw.get("fetched_at"))
        except OSError as exc:
            self.count(WRITE_FAILED_STAT, 1)
            logger.error("Cannot write the WARC record of %s: %s", raw.get("final_url") or raw.get("url"), exc)
            return
        raw["warc"] = locations[0].as_dict()
        for name, value in written_stats(locations).items():
            self.count(name, value)

    def sync(self) -> None:
        """Have the records written so far on disk: call before committing pointers to them."""
        if self.files is not None:
            self.files.sync()

    def close(self) -> None:
        if self.files is None:
            return
        self.files.close()
        for path in self.files.finished:
            logger.info("WARC file written: %s", path)
