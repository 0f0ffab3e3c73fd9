"""Bounds against a hostile web: peak memory of a crawl over a gzip-bomb sitemap and of a crawl of headers that
never end, extraction time of a 10,000-tag page.

Usage: python benchmarks/bench_hostile.py [--bomb-gb 3] [--runs 20]

1. Serves, on 127.0.0.1, a site whose robots.txt names a gzip sitemap of about 3 MB that inflates to
   3 GB (one article listed before the padding), runs ``scrapy crawl news`` against it into a fresh
   archive, and reports the crawl process's peak resident memory (target: at most 300 MiB) and what
   the run counted.
2. Serves a site whose one article answers with headers that never end (lines of 100 bytes, as fast as the
   crawler reads them) and reports the same figures: the answer is refused at ``NEWSARCHIVE_MAX_HEADER_SIZE``.
3. Reads, with the crawl's feed reader, a feed of as many items as fit under ``NEWSARCHIVE_MAX_INFLATED_SIZE``,
   whole and up to ``NEWSARCHIVE_SITEMAP_MAX_URLS`` entries: the peak memory above the process's, the time.
4. Extracts a page with 10,000 tag links (each in its own block) ``--runs`` times and reports the
   median wall time and the median CPU time of the process (target: at most 100 ms); and the median wall time of a
   page whose headline is followed by 5,000 nested empty blocks (the same target).

Figures from a shared machine vary with its load: the script prints the load average beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from children import wait_with_usage

from newsarchive import settings
from newsarchive.extraction import extract_article
from newsarchive.sample_site import hostile
from newsarchive.sample_site.loopback import serving

ROOT = Path(__file__).resolve().parents[1]
MEMORY_TARGET_MIB = 300
TIME_TARGET_MS = 100


def bomb_crawl(inflated_bytes: int) -> dict:
    """A crawl of a site whose robots.txt names a gzip sitemap inflating to ``inflated_bytes``."""
    sizes = []

    def site(url: str) -> dict:
        bomb = hostile.gzip_bomb_sitemap([f"{url}actualite/avant-la-bombe/"], inflated_bytes)
        sizes.append(len(bomb))
        return {"/robots.txt": (200, {"Content-Type": "text/plain"}, f"Sitemap: {url}bombe.xml.gz\n".encode()),
                "/bombe.xml.gz": (200, {"Content-Type": "application/gzip"}, bomb),
                "/actualite/avant-la-bombe/": (200, {}, hostile.article_page("Un article listé avant la bombe"))}
    return {**hostile_crawl(site), "bomb_bytes": sizes[0]}


def header_flood_crawl() -> dict:
    """A crawl of a site whose one article answers with headers that never end."""
    def site(url: str) -> dict:
        return {"/robots.txt": (200, {"Content-Type": "text/plain"}, f"Sitemap: {url}sitemap.xml\n".encode()),
                "/sitemap.xml": (200, {"Content-Type": "application/xml"},
                                 hostile.sitemap([f"{url}actualite/en-tetes-sans-fin/"])),
                "/actualite/en-tetes-sans-fin/": hostile.header_flood(hostile.article_page("Sans fin"), None)}
    return hostile_crawl(site)


def hostile_crawl(site) -> dict:
    """``scrapy crawl news`` into a fresh archive against a loopback site answering ``site(base_url)``: its exit
    status, seconds, the peak resident memory of the crawl process, its articles and its stats."""
    routes = {"/": (200, {}, b"<html><body><p>Accueil</p></body></html>")}
    with serving(routes=routes) as (_, url), tempfile.TemporaryDirectory() as tmp:
        routes.update(site(url))
        db = Path(tmp) / "archive.db"
        command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"base_url={url}",
                   "-s", f"NEWSARCHIVE_DB={db}", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0",
                   "-s", "LOG_LEVEL=WARNING"]
        started = time.perf_counter()
        with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as crawl:
            usage = wait_with_usage(crawl)
        elapsed = time.perf_counter() - started
        with sqlite3.connect(db) as connection:
            stats = json.loads(connection.execute("SELECT stats FROM runs ORDER BY id DESC LIMIT 1").fetchone()[0])
            articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    return {"exit": crawl.returncode, "peak_mib": usage.ru_maxrss / 1024, "seconds": elapsed,  # Linux: KiB
            "articles": articles, "stats": stats}


FEED_PROBE = """import resource, sys, time
from newsarchive.crawl.discovery import parse_feed
body = sys.stdin.buffer.read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
feed = parse_feed(body, max_bytes={max_bytes}, max_entries={max_entries})
print(time.perf_counter() - started, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024,
      len(feed.entries))
"""


def feed_reading(max_entries: int | None) -> tuple[float, float, int, int]:
    """Seconds, MiB of peak memory above the process's and entries read of ``parse_feed`` on an RSS feed of as many
    items as fit under ``NEWSARCHIVE_MAX_INFLATED_SIZE`` (in a fresh process, handed the feed first), and the feed's
    size in bytes."""
    item = (b"<item><link>https://www.example.fr/actualite/%07d/</link><pubDate>Wed, 06 Aug 2025 12:32:00 +0000"
            b"</pubDate></item>")
    head, tail = b'<?xml version="1.0"?><rss><channel><title>Fil</title>', b"</channel></rss>"
    items = (settings.NEWSARCHIVE_MAX_INFLATED_SIZE - len(head) - len(tail)) // len(item % 0)
    feed = head + b"".join(item % number for number in range(items)) + tail
    code = FEED_PROBE.format(max_bytes=settings.NEWSARCHIVE_MAX_INFLATED_SIZE, max_entries=max_entries)
    result = subprocess.run([sys.executable, "-c", code], input=feed, cwd=ROOT, capture_output=True, check=True)
    seconds, mib, entries = result.stdout.split()
    return float(seconds), float(mib), int(entries), len(feed)


def tag_page_times(runs: int) -> tuple[float, float, int]:
    page = hostile.tag_cloud_page("Dix mille liens vers des mots-clés", tags=10_000)
    wall, cpu, record = extraction_times(page, "https://www.example.fr/actualite/dix-mille-mots-cles/", runs)
    return wall, cpu, len(record["tags"])


def extraction_times(page: bytes, url: str, runs: int) -> tuple[float, float, dict]:
    """The median wall and CPU times (ms) of ``runs`` extractions of ``page``, and its record."""
    extract_article(hostile.article_page("Échauffement"), url)  # imports and caches out of the timing
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        record = extract_article(page, url)
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus), record


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bomb-gb", type=float, default=3.0, help="inflated size of the bomb, in GB (10^9 bytes)")
    parser.add_argument("--runs", type=int, default=20, help="extractions of the 10,000-tag page")
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    crawl = bomb_crawl(int(args.bomb_gb * 1e9))
    flood = header_flood_crawl()
    wall_ms, cpu_ms, tags = tag_page_times(args.runs)
    empty_ms, _, _ = extraction_times(hostile.empty_blocks_page("Cinq mille blocs vides"),
                                      "https://www.example.fr/actualite/blocs-vides/", args.runs)
    whole = feed_reading(None)
    capped = feed_reading(settings.NEWSARCHIVE_SITEMAP_MAX_URLS)
    print(f"{'measure':48} {'value':>12} {'target':>10}")
    print(f"{'crawl over a %.0f GB gzip-bomb sitemap (%.1f MB): peak RSS' % (args.bomb_gb, crawl['bomb_bytes'] / 1e6):48}"
          f" {crawl['peak_mib']:>8.0f} MiB {'<= %d MiB' % MEMORY_TARGET_MIB:>10}")
    print(f"{'  exit status / seconds / articles stored':48} {crawl['exit']:>4} / {crawl['seconds']:.1f} / "
          f"{crawl['articles']}   (sitemaps/truncated/inflated_size = "
          f"{crawl['stats'].get('newsarchive/sitemaps/truncated/inflated_size', 0)})")
    print(f"{'crawl of a page whose headers never end: peak RSS':48} {flood['peak_mib']:>8.0f} MiB "
          f"{'<= %d MiB' % MEMORY_TARGET_MIB:>10}")
    print(f"{'  exit status / seconds / articles stored':48} {flood['exit']:>4} / {flood['seconds']:.1f} / "
          f"{flood['articles']}   (headers_too_large = {flood['stats'].get('newsarchive/headers_too_large', 0)})")
    print(f"{'reading a feed of %.1f MB, whole: peak memory' % (whole[3] / 1e6):48} {whole[1]:>8.0f} MiB"
          f"   ({whole[0]:.1f} s, {whole[2]:,} entries)")
    print(f"{'  up to NEWSARCHIVE_SITEMAP_MAX_URLS entries':48} {capped[1]:>8.0f} MiB"
          f"   ({capped[0]:.1f} s, {capped[2]:,} entries)")
    print(f"{'extraction of a 10,000-tag page: median wall':48} {wall_ms:>9.0f} ms {'<= %d ms' % TIME_TARGET_MS:>10}")
    print(f"{'  median CPU time (%d runs, %d tags kept)' % (args.runs, tags):48} {cpu_ms:>9.0f} ms")
    print(f"{'extraction of a page of 5,000 nested empty blocks':48} {empty_ms:>9.0f} ms "
          f"{'<= %d ms' % TIME_TARGET_MS:>10}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    ok = max(crawl["peak_mib"], flood["peak_mib"]) <= MEMORY_TARGET_MIB and max(wall_ms, empty_ms) <= TIME_TARGET_MS
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
