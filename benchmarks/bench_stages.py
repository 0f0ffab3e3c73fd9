"""Where the extraction's time goes: each stage of ``extract_article``, timed on the development pages.

Usage (from the repository root):

    python benchmarks/bench_stages.py [--data ../shared/eval-dev --data ../shared/eval-fr-dev] [--repeat 3]

Each page is read stage by stage, as ``extract_article`` reads it: parsing; the page (its index of elements and its
structured data); the readings several fields share, asked first here so that each is timed once (the headline's
element, the content root, the region of the headline and the body, the dates' shown texts); then every field in the
record's order (a field's time is its own work and that of the readings it alone asks for); then the record built
from them (body text, access, agencies, warnings). For each stage, the median and the mean over the pages of the best
of ``--repeat`` runs per page, and its share of the mean total, next to plain lxml parsing of the same pages: the
figures ``benchmarks/bench_eval.py`` compares, taken apart.
"""

from __future__ import annotations

import argparse
import statistics
import time
from operator import attrgetter
from pathlib import Path

import lxml.html

from bench_eval import DEFAULT_DATA, pages  # (its folder: run as a script)
from newsarchive.extraction import NotAnArticle, parse_page
from newsarchive.extraction.collector import collection_paused
from newsarchive.extraction.page import ArticlePage
from newsarchive.extraction.record import FIELDS, build_record

# The readings several fields share, in the order the fields first ask for them.
SHARED = ("headline_element", "content_root", "article_root", "date_context.shown")


def stage_times(body: bytes, url: str) -> dict[str, float]:
    """Seconds each stage takes on one page (the stages' order is the record's)."""
    taken: dict[str, float] = {}

    def timed(stage: str, read):
        started = time.perf_counter()
        value = read()
        taken[stage] = time.perf_counter() - started
        return value

    timed("lxml parse (reference)", lambda: lxml.html.document_fromstring(body))
    doc = timed("parse", lambda: parse_page(body))
    with collection_paused():  # as extract_article reads a page
        page = timed("page: index, structured data", lambda: ArticlePage(doc, url))
        for reading in SHARED:
            timed(reading, lambda: attrgetter(reading)(page))
        for field in FIELDS:
            timed(field, lambda: page.get(field))
        try:
            timed("record", lambda: build_record(page))
        except NotAnArticle:
            taken["record"] = 0.0
    return taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, action="append", help="a development folder (repeatable)")
    parser.add_argument("--repeat", type=int, default=3, help="timings per page; the best is kept")
    args = parser.parse_args()
    samples = [sample for data in args.data or DEFAULT_DATA if (data / "pages").is_dir() for sample in pages(data)]
    if not samples:
        parser.error("no development pages (pass --data)")
    stage_times(*samples[0])  # warm caches (date parser, compiled expressions)
    best: dict[str, list[float]] = {}
    for body, url in samples:
        runs = [stage_times(body, url) for _ in range(args.repeat)]
        for stage in runs[0]:
            best.setdefault(stage, []).append(min(run[stage] for run in runs) * 1000)
    reference = best.pop("lxml parse (reference)")
    total = sum(statistics.mean(column) for column in best.values())
    print(f"{len(samples)} pages, best of {args.repeat} runs each; ms per page\n")
    print(f"{'stage':<32}{'median':>8}{'mean':>8}{'share':>8}")
    for stage, column in best.items():
        mean = statistics.mean(column)
        print(f"{stage:<32}{statistics.median(column):8.3f}{mean:8.3f}{mean / total:8.1%}")
    print(f"{'all stages (sum of means)':<32}{'':>8}{total:8.3f}")
    print(f"{'lxml parse only':<32}{statistics.median(reference):8.3f}{statistics.mean(reference):8.3f}"
          f"   (all stages: {total / statistics.mean(reference):.1f}x its mean)")


if __name__ == "__main__":
    main()
