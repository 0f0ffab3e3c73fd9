"""Time of reading a listing page in the crawl process, with the check for tags of too many attributes.

Usage (from the repository root):

    python benchmarks/bench_listing.py [--data ../shared/eval-dev --data ../shared/eval-fr-dev] [--repeat 5]

Over the pages of the development sets (the median page, best of ``--repeat`` runs each): a plain lxml parse of the
bytes (what reading a listing page cost before the check), the check alone (``crowded_tag`` on the page as the parser
reads it) and ``read_page`` (decoding, check, parse: what the crawl does now). Then ``read_page`` of a page holding
one tag of 200,000 attributes, read up to that tag (a plain parse of it takes hours).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import lxml.html
from bench_eval import DEFAULT_DATA, median_ms, pages

from newsarchive import settings
from newsarchive.crawl.discovery import read_page
from newsarchive.extraction.attributes import crowded_tag
from newsarchive.extraction.parsing import page_bytes
from newsarchive.sample_site import hostile


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, action="append", help="a development set (repeatable)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    samples = [sample for data in args.data or DEFAULT_DATA for sample in pages(data)]
    limit = settings.NEWSARCHIVE_MAX_ATTRIBUTES
    sizes = sorted(len(body) for body, _ in samples)
    print(f"{len(samples)} pages, median {sizes[len(sizes) // 2] / 1000:.0f} KB; NEWSARCHIVE_MAX_ATTRIBUTES={limit}")
    timings = {"plain lxml parse of the bytes (before)": lambda body, url: lxml.html.document_fromstring(body),
               "check alone (crowded_tag)": lambda body, url: crowded_tag(page_bytes(body), limit),
               "read_page: decoding, check, parse (now)": lambda body, url: read_page(body, None, limit)}
    for name, function in timings.items():
        print(f"  {name:42} {median_ms(function, samples, args.repeat):7.2f} ms")
    crowded = ("<html><body><a href='/a/'>a</a>" + hostile.crowded_tag(200_000) + "</body></html>").encode()
    started = time.perf_counter()
    _, cut = read_page(crowded, None, limit)
    print(f"  read_page of a {len(crowded) / 1e6:.1f} MB page, one tag of 200,000 attributes: "
          f"{(time.perf_counter() - started) * 1000:.1f} ms (read up to byte {cut})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
