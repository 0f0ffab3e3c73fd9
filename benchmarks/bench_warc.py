"""The cost of WARC writing: crawl throughput against the local sample site with and without it.

Usage: python benchmarks/bench_warc.py [--articles 1000] [--rounds 2] [--skip-scrapy-bench]

Serves the generated onemedia.fr on 127.0.0.1 (a subprocess), runs ``scrapy crawl onemedia`` into a
fresh archive with the politeness delays off (it is our own loopback server), and prints pages/min
(every response: robots, sitemaps, feed, listings and articles) and articles/min, measured over the
crawl itself (Scrapy's elapsed time, process start excluded). Crawls with WARC writing on and off
alternate ``--rounds`` times each, so that a load change on the machine hits both; the best round
of each is compared (the cost of WARC writing, in percent of throughput). Then runs ``scrapy
bench`` on the same machine, which crawls Scrapy's own local server with no item processing, and
prints the rate it reports.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
from pathlib import Path

from bench_crawl import crawl, run_stats, scrapy_bench_rate

from newsarchive.sample_site.process import SampleServerProcess


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2, help="crawls with and without WARC writing, each")
    parser.add_argument("--skip-scrapy-bench", action="store_true")
    args = parser.parse_args()
    results = {True: [], False: []}  # WARC on / off -> [(pages/min, articles/min, stats, warc bytes)]
    with tempfile.TemporaryDirectory() as tmp, SampleServerProcess(articles=args.articles) as server:
        for round_number in range(args.rounds):
            for warc in (True, False):
                db_path = Path(tmp) / f"archive-{round_number}-{int(warc)}.db"
                crawl(server.url, db_path, f"NEWSARCHIVE_WARC={int(warc)}")
                stats = run_stats(db_path)
                elapsed = stats["elapsed_time_seconds"]
                results[warc].append((stats.get("downloader/response_count", 0) / elapsed * 60,
                                      stats["articles_in_archive"] / elapsed * 60, stats,
                                      stats.get("newsarchive/warc/bytes", 0)))
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"sample site: {args.articles} articles; {args.rounds} crawls with WARC writing and {args.rounds} without, "
          f"alternating")
    for warc in (True, False):
        pages_rate, articles_rate, stats, warc_bytes = max(results[warc], key=lambda result: result[0])
        rounds = ", ".join(f"{result[0]:,.0f}" for result in results[warc])
        extra = f"; {warc_bytes / 2**20:.1f} MiB of WARC" if warc else ""
        print(f"newsarchive crawl, WARC {'on ' if warc else 'off'}: {pages_rate:,.0f} pages/min "
              f"({stats.get('downloader/response_count', 0)} responses), {articles_rate:,.0f} articles/min "
              f"({stats['articles_in_archive']} archived){extra}  [pages/min per round: {rounds}]")
    best_on, best_off = (max(result[0] for result in results[warc]) for warc in (True, False))
    print(f"WARC writing costs {(1 - best_on / best_off) * 100:.1f} % of crawl throughput (best rounds); "
          f"peak RSS {peak_mib:.0f} MiB")
    if not args.skip_scrapy_bench:
        rate = scrapy_bench_rate()
        print(f"scrapy bench (same machine): {f'{rate} pages/min (best minute rate logged)' if rate else 'no rate found in its log'}")


if __name__ == "__main__":
    main()
