"""Crawl throughput of the whole pipeline against the local sample site, next to ``scrapy bench``.

Usage: python benchmarks/bench_crawl.py [--articles 1000] [--workers 0 default ...] [--skip-scrapy-bench]

Serves the generated onemedia.fr on 127.0.0.1 (a subprocess), runs ``scrapy crawl onemedia`` into a
fresh archive with the politeness delays off (it is our own loopback server), once per
``NEWSARCHIVE_EXTRACT_WORKERS`` value of ``--workers`` (``default``: the setting's default, one
worker per core but one), and prints pages/min (every response: robots, sitemaps, feed, listings
and articles) and articles/min. Then runs ``scrapy bench`` on the same machine, which crawls
Scrapy's own local server with no item processing, and prints the rate it reports next to them.

``scrapy bench`` reports the best one-second rate that Scrapy's LogStats logs (``LOGSTATS_INTERVAL=1``,
times 60); each crawl here logs the same way, so the two are also compared like with like: the median
one-second rate of each, next to the whole-run average (which counts the process start and the last
pages, when the queue runs dry). The best second is printed but not compared: a crawl's first seconds
fetch robots.txt, sitemaps and listings, which cost far less than articles.

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
import statistics
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


def crawl(base_url: str, db_path: Path, *settings: str) -> tuple[float, list[int]]:
    """Seconds of one ``scrapy crawl onemedia`` with the politeness delays off, plus ``NAME=VALUE`` settings,
    and the rates its LogStats logged each second (pages/min); its warnings and errors are printed."""
    command = [sys.executable, "-m", "scrapy", "crawl", "onemedia", "-a", f"base_url={base_url}",
               "-s", f"NEWSARCHIVE_DB={db_path}", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0",
               "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "LOG_LEVEL=INFO", "-s", "LOGSTATS_INTERVAL=1"]
    for setting in settings:
        command += ["-s", setting]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    for line in result.stderr.splitlines():
        if "] WARNING:" in line or "] ERROR:" in line or "] CRITICAL:" in line:
            print(line)
    return elapsed, logged_rates(result.stderr)


def logged_rates(log: str) -> list[int]:
    """The pages/min rates of Scrapy's LogStats lines, in order."""
    return [int(rate) for rate in re.findall(r"at (\d+) pages/min", log)]


def median_rate(rates: list[int]) -> float:
    """The median of the one-second rates while pages were crawled (the seconds with none left out)."""
    return statistics.median([rate for rate in rates if rate] or [0])


def interval_rates(rates: list[int]) -> str:
    """The best and the median of the one-second rates while pages were crawled."""
    crawled = sum(1 for rate in rates if rate)
    return f"best {max(rates, default=0):,} pages/min, median {median_rate(rates):,.0f} over {crawled} s"


def run_stats(db_path: Path) -> dict:
    with sqlite3.connect(db_path) as connection:
        stats = json.loads(connection.execute("SELECT stats FROM runs ORDER BY id DESC LIMIT 1").fetchone()[0])
        stats["articles_in_archive"] = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    return stats


def scrapy_bench_rate() -> tuple[int, float] | None:
    """The best minute rate ``scrapy bench`` logs and its median one-second rate (None when it logs none);
    prints its CPU time per page and its one-second rates."""
    cpu_before = children_cpu_seconds()
    result = subprocess.run([sys.executable, "-m", "scrapy", "bench", "-s", "CLOSESPIDER_TIMEOUT=10"],
                            capture_output=True, text=True, cwd=tempfile.gettempdir())
    rates = logged_rates(result.stderr)
    pages = [int(count) for count in re.findall(r"Crawled (\d+) pages", result.stderr)]
    if pages and max(pages):
        cpu_ms = (children_cpu_seconds() - cpu_before) * 1000 / max(pages)
        print(f"  scrapy bench CPU: {cpu_ms:.2f} ms per page (crawler and its server, start-up included; "
              f"{max(pages)} pages): all cores allow {ceiling(cpu_ms):,.0f} pages/min")
    if rates:
        print(f"  scrapy bench one-second rates: {interval_rates(rates)}")
    return (max(rates), median_rate(rates)) if rates else None


def measure(server: SampleServerProcess, workers: str) -> tuple[float, float]:
    """One crawl into a fresh archive; prints its rates and returns its whole-run pages/min and its median
    one-second rate."""
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "archive.db"
        cpu_before, server_before = children_cpu_seconds(), process_cpu_seconds(server.process.pid)
        elapsed, second_rates = crawl(server.url, db_path,
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
    print(f"  one-second rates (LogStats, as scrapy bench reports): {interval_rates(second_rates)}", flush=True)
    if pages:
        crawl_ms, server_ms = crawl_cpu * 1000 / pages, server_cpu * 1000 / pages
        print(f"  CPU per page: crawl {crawl_ms:.2f} ms (extraction workers and start-up included), sample server "
              f"{server_ms:.2f} ms: all cores allow {ceiling(crawl_ms + server_ms):,.0f} pages/min", flush=True)
    return rate, median_rate(second_rates)


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
        print(f"scrapy bench (same machine): {bench[0] if bench else 'no rate found in its log'} pages/min "
              "(best minute rate logged)")
        if bench:
            best, median = bench
            print("  " + "; ".join(f"workers = {workers}: {100 * average / best:.0f} % of scrapy bench (whole-run "
                                   f"average / its best), {100 * steady / median:.0f} % (median one-second rates)"
                                   for workers, (average, steady) in rates.items()))
    print(f"load average at the end: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    main()
