"""Extraction time per page: the full record (newsarchive.extraction) against plain lxml parsing.

Usage: python benchmarks/bench_extraction.py [--articles 200] [--repeat 5]

Pages are the article pages of the generated onemedia.fr (rendered in memory, no server). Prints
the median and p95 milliseconds per page for plain ``lxml.html.document_fromstring`` and for
``extract_article`` (decode + parse + every field), and the ratio between them.
"""

from __future__ import annotations

import argparse
import statistics
import time

from lxml import html

from newsarchive.extraction import extract_article
from newsarchive.sample_site import SampleSite
from newsarchive.sites.registry import page_class_for


def article_pages(count: int) -> list[tuple[str, bytes]]:
    site = SampleSite(articles=count)
    return [(article.url, site.respond("GET", article.path).body) for article in site.articles]


def time_per_page(function, pages, repeat: int) -> list[float]:
    timings = []
    for url, body in pages:
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            function(body, url)
            best = min(best, time.perf_counter() - started)
        timings.append(best * 1000)
    return timings


def report(name: str, timings: list[float]) -> None:
    p95 = statistics.quantiles(timings, n=20)[-1]
    print(f"{name:<24} median {statistics.median(timings):7.2f} ms   p95 {p95:7.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5, help="timings per page; the best is kept")
    args = parser.parse_args()
    pages = article_pages(args.articles)
    page_class = page_class_for(pages[0][0])  # onemedia.fr's: the pages are its
    extract_article(pages[0][1], pages[0][0], page_class=page_class)  # warm caches (date parser, compiled XPath)
    sizes = sorted(len(body) for _, body in pages)
    print(f"{len(pages)} sample article pages, median size {statistics.median(sizes) / 1024:.1f} KiB")
    parse = time_per_page(lambda body, url: html.document_fromstring(body), pages, args.repeat)
    extract = time_per_page(lambda body, url: extract_article(body, url, page_class=page_class), pages, args.repeat)
    report("lxml parse only", parse)
    report("extract_article", extract)
    print(f"extraction / parse ratio (medians): {statistics.median(extract) / statistics.median(parse):.1f}x")


if __name__ == "__main__":
    main()
