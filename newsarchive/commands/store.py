"""The single writer of a crawl on several machines: drains the records that Redis workers push into the archive.

Workers are crawls started with ``-s NEWSARCHIVE_REDIS_URL=redis://HOST:PORT/N``; they need no
archive. This command, on the machine that holds the archive, takes the archive's lock (a second
writer is refused, exit status 3), publishes what the archive holds so that workers skip unchanged
articles, stores the records as a single-process crawl would (dedup, revisions), writes the pages
they carry into the WARC files beside the archive (:mod:`newsarchive.warc.pages`) and records one run
with the workers' stats added up. It stops on SIGTERM or SIGINT (the batch in hand is stored), or
with ``--until-idle SECONDS`` once the crawl is over: after records or workers were seen, no record,
no live worker and no queued or in-flight request for that long.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
import time

import redis

from newsarchive import settings as defaults
from newsarchive.analysis.arguments import add_db_argument, positive_int
from newsarchive.distributed.connection import connect
from newsarchive.distributed.state import publish_state
from newsarchive.distributed.writer import RecordWriter, announced_run
from newsarchive.runs.lock import ArchiveLock, ArchiveLocked
from newsarchive.runs.record import ArchiveRun
from newsarchive.runs.status import EXIT_CANNOT_RUN, EXIT_LOCKED, EXIT_STATUSES, run_status, summary_line
from newsarchive.storage import Archive, ArchiveUnavailable
from newsarchive.warc.pages import archive_warc_files

NAME = "store"
HELP = "archive the records that Redis workers push (the writer of a distributed crawl)"
EXAMPLES = """examples:
  newsarchive store --redis redis://10.0.0.5:6379/0 --db /srv/news.db                  # as a service
  newsarchive store --redis redis://10.0.0.5:6379/0 --db /srv/news.db --until-idle 60  # one crawl, then exit
"""

logger = logging.getLogger(__name__)


def add_arguments(parser) -> None:
    parser.add_argument("--redis", required=True, metavar="URL", help="the workers' Redis: redis://HOST:PORT/N")
    add_db_argument(parser)
    parser.add_argument("--until-idle", type=float, metavar="SECONDS",
                        help="exit once a crawl was seen and nothing happened for SECONDS since (no record, "
                             "worker or request left)")
    parser.add_argument("--batch-size", type=positive_int, default=defaults.NEWSARCHIVE_BATCH_SIZE,
                        help="records stored per transaction (default %(default)s)")


def run(args) -> int:
    try:
        server = connect(args.redis)
        server.ping()
    except (ValueError, redis.RedisError) as exc:
        print(f"newsarchive store: cannot reach Redis at {args.redis}: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    try:
        lock = ArchiveLock.for_archive(args.db).acquire()
    except ArchiveLocked as exc:
        print(f"newsarchive store: not storing: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except OSError as exc:
        print(f"newsarchive store: cannot use the archive {args.db}: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    try:
        return _store(server, args)
    except ArchiveUnavailable as exc:
        print(f"newsarchive store: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    finally:
        lock.release()


def _store(server, args) -> int:
    stop = _stop_on_signals()
    with Archive.open(args.db) as archive:
        run = ArchiveRun.start(archive, NAME, {"NEWSARCHIVE_REDIS_URL": args.redis, "until_idle": args.until_idle,
                                               "NEWSARCHIVE_BATCH_SIZE": args.batch_size})
        published = publish_state(server, archive.database)
        print(f"Run {run.id}: storing the records of {args.redis} into {args.db} "
              f"(published the state of {published} URLs)", flush=True)
        warc = archive_warc_files(args.db, defaults, f"run {run.id}") if defaults.NEWSARCHIVE_WARC else None
        writer = RecordWriter(server, archive, batch_size=args.batch_size, keep_raw=defaults.NEWSARCHIVE_KEEP_RAW,
                              heartbeat=defaults.NEWSARCHIVE_REDIS_HEARTBEAT, warc=warc)
        started = time.monotonic()
        try:
            with announced_run(server, f"{args.db}#{run.id}@{time.time()}"):
                reason = writer.drain(args.until_idle, stop)
        finally:
            writer.close()
        stats = {**writer.stats, "elapsed_time_seconds": time.monotonic() - started}
        status = run_status(reason, stats, defaults.NEWSARCHIVE_FAILED_PAGES_TOLERANCE)
        run.finish(status, reason, stats)
        print(summary_line(run.id, status, reason, stats), flush=True)
    return EXIT_STATUSES.get(status, EXIT_CANNOT_RUN)


def _stop_on_signals() -> threading.Event:
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    return stop
