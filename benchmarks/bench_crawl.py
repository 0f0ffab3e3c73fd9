"""Crawl throughput of the whole pipeline against the local sample site, next to ``scrapy bench``.

Usage: python benchmarks/bench_crawl.py [--articles 1000] [--workers 0 default ...] [--skip-scrapy-bench]

Serves the generated onemedia.fr on 127.0.0.1 (a subprocess), runs ``scrapy crawl onemedia`` into a
fresh archive with the politeness delays off (it is our own loopback server), once per
``NEWSARCHIVE_EXTRACT_WORKERS`` value of ``--workers`` (``default``: the setting's default, one
worker per core but one), and prints pages/min (every response: robots, sitemaps, feed, listings
and articles) and articles/min. Then runs ``scrapy bench`` on the same machine, which crawls
Scrapy's own local server with no item processing, and prints the rate it reports next to them.

With each rate, the CPU time per page of the crawl (its extraction workers included) and of the
server, and the rate that this CPU time allows on all the cores when nothing else runs: the
ceiling of a crawl on this machine, whatever the overlap.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsarchive import settings as default_settings
from newsarchive.sample_site.process import SampleServerProcess

ROOT = Path(__file__).resolve().parents[1]


def children_cpu_seconds() -> float:
    """CPU time (user + system) of the finished subprocesses so far, and of the ones they waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def process_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a running process so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def ceiling(cpu_ms_per_page: float) -> float:
    """Pages/min that all the cores allow at that CPU time per page."""
    return (os.cpu_count() or 1) * 60_000 / cpu_ms_per_page


def crawl(base_url: str, db_path: Path, *settings: str) -> float:
    """Seconds of one ``scrapy crawl onemedia`` with the politeness delays off, plus ``NAME=VALUE`` settings."""
    command = [sys.executable, "-m", "scrapy", "crawl", "onemedia", "-a", f"base_url={base_url}",
               "-s", f"NEWSARCHIVE_DB={db_path}", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0",
               "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "LOG_LEVEL=WARNING"]
    for setting in settings:
        command += ["-s", setting]
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True)
    return time.perf_counter() - started


def run_stats(db_path: Path) -> dict:
    with sqlite3.connect(db_path) as connection:
        stats = json.loads(connection.execute("SELECT stats FROM runs ORDER BY id DESC LIMIT 1").fetchone()[0])
        stats["articles_in_archive"] = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    return stats


def scrapy_bench_rate() -> int | None:
    """The best minute rate ``scrapy bench`` logs (None when it logs none); prints its CPU time per page."""
    cpu_before = children_cpu_seconds()
    result = subprocess.run([sys.executable, "-m", "scrapy", "bench", "-s", "CLOSESPIDER_TIMEOUT=10"],
                            capture_output=True, text=True, cwd=tempfile.gettempdir())
    rates = [int(rate) for rate in re.findall(r"at (\d+) pages/min", result.stderr)]
    pages = [int(count) for count in re.findall(r"Crawled (\d+) pages", result.stderr)]
    if pages and max(pages):
        cpu_ms = (children_cpu_seconds() - cpu_before) * 1000 / max(pages)
        print(f"  scrapy bench CPU: {cpu_ms:.2f} ms per page (crawler and its server, start-up included; "
              f"{max(pages)} pages): all cores allow {ceiling(cpu_ms):,.0f} pages/min")
    return max(rates) if rates else None


def measure(server: SampleServerProcess, workers: str) -> float:
    """One crawl into a fresh archive; prints its rates and returns its pages/min."""
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "archive.db"
        cpu_before, server_before = children_cpu_seconds(), process_cpu_seconds(server.process.pid)
        elapsed = crawl(server.url, db_path,
                        *([] if workers == "default" else [f"NEWSARCHIVE_EXTRACT_WORKERS={workers}"]))
        crawl_cpu = children_cpu_seconds() - cpu_before
        server_cpu = process_cpu_seconds(server.process.pid) - server_before
        stats = run_stats(db_path)
    pages = stats.get("downloader/response_count", 0)
    articles = stats["articles_in_archive"]
    rate = pages / elapsed * 60
    print(f"newsarchive crawl, extract workers = {workers}: {rate:,.0f} pages/min ({pages} responses in "
          f"{elapsed:.1f} s, process start included), {articles / elapsed * 60:,.0f} articles/min "
          f"({articles} archived)", flush=True)
    if pages:
        crawl_ms, server_ms = crawl_cpu * 1000 / pages, server_cpu * 1000 / pages
        print(f"  CPU per page: crawl {crawl_ms:.2f} ms (extraction workers and start-up included), sample server "
              f"{server_ms:.2f} ms: all cores allow {ceiling(crawl_ms + server_ms):,.0f} pages/min", flush=True)
    return rate


def default_workers() -> int:
    return default_settings.NEWSARCHIVE_EXTRACT_WORKERS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", nargs="+", default=["0", "default"],
                        help="NEWSARCHIVE_EXTRACT_WORKERS values to measure ('default': the setting's default, "
                             f"{default_workers()} here)")
    parser.add_argument("--skip-scrapy-bench", action="store_true")
    args = parser.parse_args()
    print(f"sample site: {args.articles} articles; {os.cpu_count()} cores; load average "
          f"{' '.join(f'{load:.2f}' for load in os.getloadavg())}", flush=True)
    with SampleServerProcess(articles=args.articles) as server:
        rates = {workers: measure(server, workers) for workers in args.workers}
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS of a crawl process: {peak_mib:.0f} MiB")
    if not args.skip_scrapy_bench:
        bench = scrapy_bench_rate()
        print(f"scrapy bench (same machine): {bench or 'no rate found in its log'} pages/min (best minute rate logged)")
        if bench:
            print("  " + "; ".join(f"workers = {workers}: {100 * rate / bench:.0f} % of scrapy bench"
                                   for workers, rate in rates.items()))
    print(f"load average at the end: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    main()
