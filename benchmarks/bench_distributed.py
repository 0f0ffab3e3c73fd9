"""Crawl throughput of Redis workers and one writer, for 1, 2 and 3 workers, against 3 copies of the sample site.

Usage: python benchmarks/bench_distributed.py [--articles 1000] [--workers 1 2 3] [--skip-rerun] [--kill-after S]

Serves 3 copies of the generated onemedia.fr on distinct loopback ports (so that per-site politeness
is not the limit; the delays are off, it is our own server), starts a throw-away ``redis-server`` and,
for each worker count, a fresh archive: ``newsarchive store --until-idle`` and that many worker
processes (``scrapy crawl onemedia -a base_url=... -s NEWSARCHIVE_REDIS_URL=...``). Worker k crawls
the sites in turn starting from site k, joining the crawl of each site that other workers have
started. Prints pages/min (every response of every worker, from the writer's run) and articles/min
over the wall time from start to the writer's last record (its exit less ``--until-idle``), checks that each site's archive holds exactly
its articles, once each, and (last worker count) that a re-run with nothing changed fetches at most
2 % of the first run's pages. With ``--kill-after S``, the first worker is killed (SIGKILL, with the
crawl it is in) S seconds into each run and started again at once: the archive must still be exact.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from newsarchive.distributed.local import FAST_LOCAL, ROOT, LocalRedis, start_writer
from newsarchive.sample_site import SampleSite
from newsarchive.sample_site.process import SampleServerProcess

SITES = 3
UNTIL_IDLE = 30.0  # seconds the writer waits after the crawl: longer than a worker takes to start its next site
FAST = (*FAST_LOCAL, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "LOG_LEVEL=WARNING")


def worker_process(sites: list[str], redis_url: str, first: int, log_path: Path) -> subprocess.Popen:
    """One worker crawling every site in turn, starting from ``first``."""
    order = sites[first:] + sites[:first]
    crawls = " && ".join(
        f"{sys.executable} -m scrapy crawl onemedia -a base_url={url} -s NEWSARCHIVE_REDIS_URL={redis_url} "
        + " ".join(FAST) for url in order)
    with open(log_path, "w") as log:
        return subprocess.Popen(["bash", "-c", crawls], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log,
                                start_new_session=True)


def run(sites: list[str], redis_url: str, db_path: Path, workers: int, folder: Path,
        kill_after: float | None = None) -> tuple[float, dict]:
    started = time.perf_counter()
    writer = start_writer(redis_url, db_path, UNTIL_IDLE, folder / f"writer-{workers}.log")
    processes = [worker_process(sites, redis_url, number % len(sites), folder / f"worker-{workers}-{number}.log")
                 for number in range(workers)]
    if kill_after is not None:
        time.sleep(kill_after)
        if processes[0].poll() is None:
            os.killpg(processes[0].pid, signal.SIGKILL)  # the worker's shell and the crawl it is in
            processes[0].wait()
            print(f"  killed worker 0 after {kill_after:g} s; started again", flush=True)
        processes.append(worker_process(sites, redis_url, 0, folder / f"worker-{workers}-0-again.log"))
    for process in processes:
        process.wait()
    writer.wait()
    elapsed = time.perf_counter() - started - UNTIL_IDLE  # it exits that long after its last record

    with sqlite3.connect(db_path) as connection:
        stats = json.loads(connection.execute("SELECT stats FROM runs ORDER BY id DESC LIMIT 1").fetchone()[0])
    return elapsed, stats


def exactness(db_path: Path, sites: list[str], articles: int) -> str:
    with sqlite3.connect(db_path) as connection:
        archived = {url for (url,) in connection.execute("SELECT url FROM articles")}
        twice = connection.execute("SELECT count(*) FROM (SELECT 1 FROM articles GROUP BY site, fingerprint "
                                   "HAVING count(*) > 1)").fetchone()[0]
    expected = {article.url for url in sites for article in SampleSite(articles=articles, base_url=url).articles}
    missing, extra = len(expected - archived), len(archived - expected)
    ok = not (missing or extra or twice)
    return f"{'exact' if ok else 'NOT EXACT'}: {len(archived)} articles ({missing} missing, {extra} extra, {twice} twice)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--skip-rerun", action="store_true")
    parser.add_argument("--kill-after", type=float, help="SIGKILL worker 0 this many seconds into each run, restart it")
    args = parser.parse_args()
    print(f"{SITES} sample sites of {args.articles} articles; {os.cpu_count()} cores; load average "
          f"{' '.join(f'{load:.2f}' for load in os.getloadavg())}", flush=True)
    failures = 0
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sites = [stack.enter_context(SampleServerProcess(articles=args.articles)).url for _ in range(SITES)]
        for workers in args.workers:
            with LocalRedis() as redis_server:
                db_path = folder / f"archive-{workers}.db"
                elapsed, stats = run(sites, redis_server.url, db_path, workers, folder, args.kill_after)
                pages, stored = stats.get("downloader/response_count", 0), stats.get("newsarchive/articles_new", 0)
                check = exactness(db_path, sites, args.articles)
                failures += not check.startswith("exact")
                print(f"{workers} worker(s): {pages / elapsed * 60:,.0f} pages/min, {stored / elapsed * 60:,.0f} "
                      f"articles/min ({pages} responses, {stored} new articles in {elapsed:.1f} s, writer included); "
                      f"{check}; load average {os.getloadavg()[0]:.2f}", flush=True)
                if workers == args.workers[-1] and not args.skip_rerun:
                    _, again = run(sites, redis_server.url, db_path, workers, folder)
                    share = again.get("downloader/response_count", 0) / max(pages, 1)
                    failures += share > 0.02
                    print(f"  re-run, nothing changed: {again.get('downloader/response_count', 0)} pages, "
                          f"{100 * share:.2f} % of the first run's ({'ok' if share <= 0.02 else 'MISSED'}: <= 2 %), "
                          f"{again.get('newsarchive/articles_new', 0)} new articles", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
