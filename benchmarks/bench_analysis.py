"""The archive for analysts, measured on a large archive: search latency, export throughput and memory,
re-extraction speed.

Usage: python benchmarks/bench_analysis.py [--articles 100000] [--raw-pages 2000] [--cache-dir DIR] [--rebuild]

The archive is built once from the generated onemedia.fr (records from the site's ground truth,
stored through ``Archive.save_articles``; the newest ``--raw-pages`` articles keep their rendered
page for re-extraction) and cached in ``--cache-dir``, so reruns start at once. Prints:

- full-text search: median and p95 latency of ``newsarchive.analysis.search`` over a set of
  queries (words, phrases, prefixes, hyphenated words, OR, exclusions, filters), and the time of
  one ``newsarchive search`` command, process start included;
- export: articles/s and peak RSS of ``newsarchive export`` per format, each in its own process
  (peak RSS from ``getrusage(RUSAGE_CHILDREN)`` of a wrapper process), for a tenth of the archive
  and for all of it — equal peaks show that memory does not grow with the archive;
- re-extraction: pages/s of ``reextract`` (dry run, then writing, on a copy of the archive).
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsarchive.analysis.filters import ArticleFilter, Condition, build_condition
from newsarchive.analysis.reextract import Reextractor
from newsarchive.analysis.search import SearchOptions, search
from newsarchive.analysis.synthetic import build_archive
from newsarchive.storage import Archive

QUERIES = [
    ("canicule", {}),
    ("inflation", {}),
    ("tramway", {}),
    ("Bercy", {}),
    ("ecoles", {}),
    ("clermont-ferrand", {}),
    ("cessez-le-feu", {}),
    ('"réforme des retraites"', {}),
    ('"plan d’urgence contre la canicule"', {}),
    ("gouvern*", {}),
    ("pénur*", {}),
    ("prévision croissance 2025", {}),
    ("sommet climat", {}),
    ("inflation OR chômage", {}),
    ("match -rugby", {}),
    ("sanctions commerciales", {"categories": ["international"]}),
    ("médecins", {"since": "2025-01-01"}),
    ("budget", {"tags": ["Budget"], "authors": ["sara"]}),
    ("la", {}),
    ("les députés", {"since": "2024-06-01", "until": "2024-12-31"}),
]
EXPORT_WRAPPER = """
import resource, subprocess, sys, time
started = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
elapsed = time.perf_counter() - started
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def cached_archive(cache_dir: Path, articles: int, raw_pages: int, rebuild: bool) -> Path:
    path = cache_dir / f"archive-{articles}-{raw_pages}.db"
    if path.exists() and not rebuild and _complete(path, articles):
        print(f"archive: {path} (cached, {path.stat().st_size / 2**20:.0f} MiB)")
        return path
    cache_dir.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    result = build_archive(path, articles, raw_pages=raw_pages, batch_size=1000)
    elapsed = time.perf_counter() - started
    print(f"archive: built {path} in {elapsed:.0f} s ({result.total / elapsed:.0f} articles/s, "
          f"{path.stat().st_size / 2**20:.0f} MiB)")
    return path


def _complete(path: Path, articles: int) -> bool:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT count(*) FROM articles").fetchone()[0] >= articles - 1
    except sqlite3.Error:
        return False
    finally:
        connection.close()


def bench_search(path: Path, repeat: int) -> None:
    timings, matches = [], []
    with Archive.open(path, create=False) as archive:
        db = archive.database
        for query, filters in QUERIES:
            condition = build_condition(db, ArticleFilter(**filters)) if filters else Condition()
            search(db, query, condition)  # warm the page cache
            for _ in range(repeat):
                started = time.perf_counter()
                results = search(db, query, condition, SearchOptions(limit=20))
                timings.append((time.perf_counter() - started) * 1000)
            matches.append(results.total)
    p95 = statistics.quantiles(timings, n=20)[-1]
    print(f"search: {len(QUERIES)} queries x {repeat}: median {statistics.median(timings):.1f} ms, "
          f"p95 {p95:.1f} ms, max {max(timings):.1f} ms (matches per query: median {statistics.median(matches):.0f}, "
          f"max {max(matches)})")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsarchive", "search", "canicule", "--db", str(path)], check=True,
                   stdout=subprocess.DEVNULL)
    print(f"search: one `newsarchive search` command, process start included: "
          f"{(time.perf_counter() - started) * 1000:.0f} ms")


def bench_export(path: Path, articles: int, out_dir: Path) -> None:
    for export_format in ("jsonl", "csv", "parquet"):
        for count in (articles // 10, articles):
            target = out_dir / f"export.{export_format}"
            command = [sys.executable, "-m", "newsarchive", "export", "--db", str(path), "--format", export_format,
                       "-o", str(target), "--limit", str(count)]
            output = subprocess.run([sys.executable, "-c", EXPORT_WRAPPER, *command], check=True,
                                    capture_output=True, text=True).stdout.split()
            elapsed, peak_kib = float(output[0]), int(output[1])
            print(f"export {export_format:<8} {count:>7} articles: {count / elapsed:7.0f} articles/s, "
                  f"peak RSS {peak_kib / 1024:5.0f} MiB, {target.stat().st_size / 2**20:6.0f} MiB file")
            target.unlink()


def bench_reextract(path: Path, work_dir: Path) -> None:
    copy = work_dir / "reextract.db"
    shutil.copyfile(path, copy)
    with Archive.open(copy, create=False) as archive:
        for dry_run in (True, False):
            reextractor = Reextractor(archive, dry_run=dry_run)
            started = time.perf_counter()
            report = reextractor.run(Condition())
            elapsed = time.perf_counter() - started
            print(f"reextract ({'dry run' if dry_run else 'writing'}): {report.pages} pages in {elapsed:.1f} s = "
                  f"{report.pages / elapsed:.0f} pages/s; changed {report.changed} "
                  f"{json.dumps(dict(report.fields), ensure_ascii=False)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--raw-pages", type=int, default=2000, help="articles that keep their page")
    parser.add_argument("--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / "newsarchive-bench")
    parser.add_argument("--rebuild", action="store_true", help="build the archive even if cached")
    parser.add_argument("--repeat", type=int, default=5, help="timings per search query")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    path = cached_archive(args.cache_dir, args.articles, args.raw_pages, args.rebuild)
    bench_search(path, args.repeat)
    with tempfile.TemporaryDirectory(dir=args.cache_dir) as work_dir:
        bench_export(path, args.articles, Path(work_dir))
        bench_reextract(path, Path(work_dir))


if __name__ == "__main__":
    main()
