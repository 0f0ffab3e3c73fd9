"""Crawl throughput of the whole pipeline against the local sample site, next to ``scrapy bench``.

Usage: python benchmarks/bench_crawl.py [--articles 1000] [--skip-scrapy-bench]

Serves the generated onemedia.fr on 127.0.0.1 (a subprocess), runs ``scrapy crawl onemedia`` into a
fresh archive with the politeness delays off (it is our own loopback server), and prints pages/min
(every response: robots, sitemaps, feed, listings and articles) and articles/min. Then runs
``scrapy bench`` on the same machine, which crawls Scrapy's own local server with no item
processing, and prints the rate it reports.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsarchive.sample_site.process import SampleServerProcess

ROOT = Path(__file__).resolve().parents[1]


def crawl(base_url: str, db_path: Path) -> float:
    command = [sys.executable, "-m", "scrapy", "crawl", "onemedia", "-a", f"base_url={base_url}",
               "-s", f"NEWSARCHIVE_DB={db_path}", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0",
               "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "LOG_LEVEL=WARNING"]
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True)
    return time.perf_counter() - started


def run_stats(db_path: Path) -> dict:
    with sqlite3.connect(db_path) as connection:
        stats = json.loads(connection.execute("SELECT stats FROM runs ORDER BY id DESC LIMIT 1").fetchone()[0])
        stats["articles_in_archive"] = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    return stats


def scrapy_bench_rate() -> str:
    result = subprocess.run([sys.executable, "-m", "scrapy", "bench", "-s", "CLOSESPIDER_TIMEOUT=10"],
                            capture_output=True, text=True, cwd=tempfile.gettempdir())
    rates = [int(rate) for rate in re.findall(r"at (\d+) pages/min", result.stderr)]
    return f"{max(rates)} pages/min (best minute rate logged)" if rates else "no rate found in its log"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--skip-scrapy-bench", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, SampleServerProcess(articles=args.articles) as server:
        db_path = Path(tmp) / "archive.db"
        elapsed = crawl(server.url, db_path)
        stats = run_stats(db_path)
    pages = stats.get("downloader/response_count", 0)
    articles = stats["articles_in_archive"]
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"sample site: {args.articles} articles; crawl took {elapsed:.1f} s (process start included)")
    print(f"newsarchive crawl: {pages / elapsed * 60:,.0f} pages/min ({pages} responses), "
          f"{articles / elapsed * 60:,.0f} articles/min ({articles} archived); peak RSS {peak_mib:.0f} MiB")
    if not args.skip_scrapy_bench:
        print(f"scrapy bench (same machine): {scrapy_bench_rate()}")


if __name__ == "__main__":
    main()
