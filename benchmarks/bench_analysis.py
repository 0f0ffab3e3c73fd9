"""The archive for analysts, measured on a large archive: search latency, export throughput and memory,
re-extraction speed.

Usage: python benchmarks/bench_analysis.py [--articles 100000] [--raw-pages 2000] [--cache-dir DIR] [--rebuild]
                                          [--write-articles 5000] [--only-search]

The archive is built once from the generated onemedia.fr (records from the site's ground truth,
stored through ``Archive.save_articles``; the newest ``--raw-pages`` articles keep their rendered
page for re-extraction) and cached in ``--cache-dir``, so reruns start at once. Prints:

- the first open of an archive built before French search: the migration that stems it;
- full-text search: median and p95 latency of ``newsarchive.analysis.search`` over a set of
  queries (words, phrases, prefixes, hyphenated words, OR, exclusions, filters), French matching
  (stems) and, in the same run, exact matching (``--exact``, the index of the words as written:
  the baseline without stemming), and the time of one ``newsarchive search`` command, process
  start included;
- the cost of French search: size of each full-text index and of the stems table (``dbstat``),
  and the write speed of ``Archive.save_articles`` with and without stemming (a fresh archive of
  ``--write-articles`` articles each);
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
from newsarchive.storage import Archive, writer

INDEX_TABLES = {  # what each part of the full-text search costs, as dbstat names its B-trees
    "articles_fts (words as written)": "articles_fts%",
    "articles_stems_fts (stems)": "articles_stems_fts%",
    "article_stems (stemmed text)": "article_stems",
}

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


def bench_first_open(path: Path) -> None:
    """Open the archive once: an archive built before French search is stemmed by a migration, timed here."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    stemmed = connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'article_stems'").fetchone()
    articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    connection.close()
    started = time.perf_counter()
    Archive.open(path, create=False).close()
    elapsed = time.perf_counter() - started
    if stemmed:
        print(f"first open: {elapsed:.2f} s (already stemmed)")
    else:
        print(f"first open: migration stemmed {articles} articles in {elapsed:.0f} s ({articles / elapsed:.0f} articles/s)")


def bench_search(path: Path, repeat: int) -> None:
    with Archive.open(path, create=False) as archive:
        for label, exact in (("french (stems)", False), ("exact (baseline, no stemming)", True)):
            timings, matches = _time_queries(archive.database, repeat, exact)
            p95 = statistics.quantiles(timings, n=20)[-1]
            print(f"search {label}: {len(QUERIES)} queries x {repeat}: median {statistics.median(timings):.1f} ms, "
                  f"p95 {p95:.1f} ms, max {max(timings):.1f} ms (matches per query: median "
                  f"{statistics.median(matches):.0f}, max {max(matches)})")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsarchive", "search", "canicule", "--db", str(path)], check=True,
                   stdout=subprocess.DEVNULL)
    print(f"search: one `newsarchive search` command, process start included: "
          f"{(time.perf_counter() - started) * 1000:.0f} ms")


def _time_queries(db, repeat: int, exact: bool) -> tuple[list[float], list[int]]:
    timings, matches = [], []
    for query, filters in QUERIES:
        condition = build_condition(db, ArticleFilter(**filters)) if filters else Condition()
        options = SearchOptions(limit=20, exact=exact)
        search(db, query, condition, options)  # warm the page cache
        for _ in range(repeat):
            started = time.perf_counter()
            results = search(db, query, condition, options)
            timings.append((time.perf_counter() - started) * 1000)
        matches.append(results.total)
    return timings, matches


def bench_index_size(path: Path) -> None:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        total = connection.execute("SELECT sum(pgsize) FROM dbstat").fetchone()[0]
        for label, pattern in INDEX_TABLES.items():
            size = connection.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE ?", [pattern]).fetchone()[0]
            print(f"size {label:<34}: {size / 2**20:6.0f} MiB ({100 * size / total:4.1f} % of the archive)")
        print(f"size {'archive':<34}: {total / 2**20:6.0f} MiB")
    finally:
        connection.close()


def bench_write_cost(work_dir: Path, articles: int) -> None:
    """articles/s of save_articles into a fresh archive, with stemming and with it left out."""
    rates, stemming = {}, writer.store_stems
    for label, store_stems in (("with stems", stemming), ("without stems", lambda *args: None)):
        target = work_dir / f"write-{label.replace(' ', '-')}.db"
        writer.store_stems = store_stems
        try:
            started = time.perf_counter()
            build_archive(target, articles, batch_size=500)
            rates[label] = articles / (time.perf_counter() - started)
        finally:
            writer.store_stems = stemming
            target.unlink()
    cost = 100 * (rates["without stems"] / rates["with stems"] - 1)
    print(f"write: {articles} articles with stems {rates['with stems']:.0f} articles/s, without "
          f"{rates['without stems']:.0f} articles/s (stemming takes {cost:.0f} % more time)")


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
    parser.add_argument("--write-articles", type=int, default=5000, help="articles written to measure write cost")
    parser.add_argument("--only-search", action="store_true", help="skip the export and re-extraction benchmarks")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    path = cached_archive(args.cache_dir, args.articles, args.raw_pages, args.rebuild)
    bench_first_open(path)
    bench_search(path, args.repeat)
    bench_index_size(path)
    with tempfile.TemporaryDirectory(dir=args.cache_dir) as work_dir:
        bench_write_cost(Path(work_dir), args.write_articles)
        if not args.only_search:
            bench_export(path, args.articles, Path(work_dir))
            bench_reextract(path, Path(work_dir))


if __name__ == "__main__":
    main()
