"""The archive for analysts, measured on a large archive: search latency, export throughput and memory,
re-extraction speed, near-duplicate clusters.

Usage: python benchmarks/bench_analysis.py [--articles 100000] [--raw-pages 2000] [--cache-dir DIR] [--rebuild]
       [--clusters-only] [--additions 300] [--write-articles 5000] [--only-search]

The archive is built once from the generated onemedia.fr (records from the site's ground truth,
stored through ``Archive.save_articles``; the newest ``--raw-pages`` articles keep their rendered
page for re-extraction) and cached in ``--cache-dir``, so reruns start at once. Prints:

- the first open of an archive built before French search: the migration that stems it;
- full-text search: median and p95 latency of ``newsarchive.analysis.search`` over a set of
  queries (words, phrases, prefixes, hyphenated words, OR, exclusions, filters), French matching
  (stems) and, in the same run, exact matching (``--exact``, the index of the words as written:
  the baseline without stemming), the CPU time of this process per query (on a shared machine
  the wall time also counts the time others hold the cores; the load average is printed before
  and after), the query that takes the most CPU time, and the time of one ``newsarchive search``
  command, process start included;
- the cost of French search: size of each full-text index and of the stems table (``dbstat``),
  and the write speed of ``Archive.save_articles`` with and without stemming (a fresh archive of
  ``--write-articles`` articles each);
- export: articles/s and peak RSS of ``newsarchive export`` per format, each in its own process
  (peak RSS from ``getrusage(RUSAGE_CHILDREN)`` of a wrapper process), for a tenth of the archive
  and for all of it — equal peaks show that memory does not grow with the archive;
- re-extraction: pages/s of ``reextract`` (dry run, then writing, on a copy of the archive);
- near-duplicate clusters, on an archive of ``--articles`` articles of the generated wire corpus
  (newsarchive.clusters.corpus: dispatches, rewrites with 0-40 % of words changed, other stories on the
  same topics): clustering all of it from scratch (time and peak RSS of a process doing only that),
  precision and recall against the corpus truth, and the time of adding one article (``--additions`` of
  them, half copies of archived dispatches) as the store does.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
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
from newsarchive.clusters.corpus import generate, score
from newsarchive.clusters.index import NearDuplicates
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
    print(f"search: load average {_load_average()} at the start")
    with Archive.open(path, create=False) as archive:
        for label, exact in (("french (stems)", False), ("exact (baseline, no stemming)", True)):
            timings, cpu_timings, matches = _time_queries(archive.database, repeat, exact)
            walls = [timing for query_timings in timings.values() for timing in query_timings]
            cpus = [timing for query_timings in cpu_timings.values() for timing in query_timings]
            slowest = max(cpu_timings, key=lambda query: statistics.median(cpu_timings[query]))
            print(f"search {label}: {len(QUERIES)} queries x {repeat}: median {statistics.median(walls):.1f} ms, "
                  f"p95 {_p95(walls):.1f} ms, max {max(walls):.1f} ms (matches per query: median "
                  f"{statistics.median(matches.values()):.0f}, max {max(matches.values())}); CPU time median "
                  f"{statistics.median(cpus):.1f} ms, p95 {_p95(cpus):.1f} ms, max {max(cpus):.1f} ms; slowest "
                  f"{slowest!r}: CPU time median {statistics.median(cpu_timings[slowest]):.1f} ms, "
                  f"{matches[slowest]} matches")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsarchive", "search", "canicule", "--db", str(path)], check=True,
                   stdout=subprocess.DEVNULL)
    print(f"search: one `newsarchive search` command, process start included: "
          f"{(time.perf_counter() - started) * 1000:.0f} ms")
    print(f"search: load average {_load_average()} at the end")


def _time_queries(db, repeat: int, exact: bool) -> tuple[dict[str, list[float]], dict[str, list[float]], dict[str, int]]:
    """Per query: wall times (ms), CPU times of this process (ms), number of matches."""
    timings, cpu_timings, matches = {}, {}, {}
    for query, filters in QUERIES:
        condition = build_condition(db, ArticleFilter(**filters)) if filters else Condition()
        options = SearchOptions(limit=20, exact=exact)
        search(db, query, condition, options)  # warm the page cache
        timings[query], cpu_timings[query] = [], []
        for _ in range(repeat):
            started, cpu_started = time.perf_counter(), time.process_time()
            results = search(db, query, condition, options)
            timings[query].append((time.perf_counter() - started) * 1000)
            cpu_timings[query].append((time.process_time() - cpu_started) * 1000)
        matches[query] = results.total
    return timings, cpu_timings, matches


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def _load_average() -> str:
    """The machine's load average over 1, 5 and 15 minutes (figures on a shared machine need it)."""
    return ", ".join(f"{load:.2f}" for load in os.getloadavg())


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


CLUSTER_CHILD = """
import json, resource, sys, time
from newsarchive.clusters.rebuild import rebuild
from newsarchive.storage import Archive
with Archive.open(sys.argv[1], create=False) as archive:
    started = time.perf_counter()
    with archive.write_transaction() as db:
        counts = rebuild(db)
    counts["seconds"] = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_SELF)
counts["peak_rss_kib"], counts["cpu_seconds"] = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
print(json.dumps(counts))
"""


def wire_archive(cache_dir: Path, articles: int) -> tuple[Path, list]:
    """An archive of ``articles`` articles of the generated wire corpus (dispatches, rewrites, other stories),
    written straight into ``articles`` (not clustered), and the corpus."""
    stories = max(articles // 3, 1)
    started = time.perf_counter()
    documents = generate(stories, seed=16)[:articles]
    print(f"clusters: generated {len(documents)} corpus articles ({stories} stories) in "
          f"{time.perf_counter() - started:.0f} s")
    path = cache_dir / f"wire-{len(documents)}.db"
    if not (path.exists() and _complete(path, len(documents))):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        with Archive.open(path) as archive, archive.write_transaction() as db:
            db["articles"].insert_all(
                ({"id": number, "url": f"https://site{number % 40}.example/a/{document.key}/", "site": f"site{number % 40}.example",
                  "headline": document.headline, "body": document.text, "word_count": len(document.text.split()),
                  "published": f"2025-{1 + number % 12:02d}-01T08:00:00+01:00", "first_seen": "2025-12-01T00:00:00+00:00",
                  "last_seen": "2025-12-01T00:00:00+00:00"} for number, document in enumerate(documents, 1)),
                batch_size=2000)
    return path, documents


def bench_clusters(cache_dir: Path, articles: int, additions: int) -> None:
    path, documents = wire_archive(cache_dir, articles)
    before = path.stat().st_size
    output = subprocess.run([sys.executable, "-c", CLUSTER_CHILD, str(path)], check=True, capture_output=True,
                            text=True).stdout
    counts = json.loads(output)
    print(f"clusters: {counts['articles']} articles clustered from scratch in {counts['seconds']:.1f} s "
          f"({counts['articles'] / counts['seconds']:.0f} articles/s; the process used {counts['cpu_seconds']:.0f} s of CPU "
          f"in all, start-up included), peak RSS {counts['peak_rss_kib'] / 1024:.0f} MiB; "
          f"{counts['clusters']} clusters of {counts['clustered']} articles; archive +{(path.stat().st_size - before) / 2**20:.0f} MiB")
    with Archive.open(path, create=False) as archive:
        stored = dict(archive.database.execute("SELECT article_id, cluster_id FROM cluster_members").fetchall())
        cluster_of = {document.key: stored.get(number) for number, document in enumerate(documents, 1)}
        for min_shared in (0.6, 0.0):
            found = score(documents, cluster_of, min_shared=min_shared)
            print(f"clusters: precision {found.precision:.4f}, recall {found.recall:.4f} over {found.copies_checked} "
                  f"copies sharing >= {min_shared:.0%} of their text; pairs of different stories clustered: "
                  f"{found.wrong_pairs} ({found.wrong_same_topic} on one topic) of {found.clustered_pairs}")
        bench_one_addition(archive, documents, additions)


def bench_one_addition(archive: Archive, documents: list, additions: int) -> None:
    rng = random.Random(3)
    dispatches = [document for document in documents if not document.is_copy]
    extra = generate(additions // 2, (1, 1), seed=99)
    texts = [document.text for document in extra] + [rng.choice(dispatches).text for _ in range(additions // 2)]
    timings, cpu_timings = [], []
    db = archive.database
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        near = NearDuplicates(db)
        near.signer  # numpy is imported and the permutations drawn before the clock starts
        first_id = db.execute("SELECT max(id) FROM articles").fetchone()[0] + 1
        for offset, text in enumerate(texts):
            article_id = first_id + offset
            db.execute("INSERT INTO articles (id, url, site, body, first_seen, last_seen) VALUES (?, ?, 'bench', ?, '', '')",
                       [article_id, f"https://bench.example/{article_id}/", text])
            started, cpu_started = time.perf_counter(), time.process_time()
            near.place(article_id, text)
            timings.append((time.perf_counter() - started) * 1000)
            cpu_timings.append((time.process_time() - cpu_started) * 1000)
    finally:
        db.conn.rollback()
    print(f"clusters: adding one article to the {len(documents)}-article archive: median {statistics.median(timings):.2f} ms, "
          f"p95 {_p95(timings):.2f} ms, max {max(timings):.1f} ms; CPU time median {statistics.median(cpu_timings):.2f} ms, "
          f"p95 {_p95(cpu_timings):.2f} ms ({len(texts)} articles, half of them copies)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--raw-pages", type=int, default=2000, help="articles that keep their page")
    parser.add_argument("--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / "newsarchive-bench")
    parser.add_argument("--rebuild", action="store_true", help="build the archive even if cached")
    parser.add_argument("--repeat", type=int, default=5, help="timings per search query")
    parser.add_argument("--clusters-only", action="store_true", help="measure the near-duplicate clusters only")
    parser.add_argument("--additions", type=int, default=300, help="articles added one by one to the clusters")
    parser.add_argument("--write-articles", type=int, default=5000, help="articles written to measure write cost")
    parser.add_argument("--only-search", action="store_true", help="measure the full-text search only")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    args.cache_dir.mkdir(parents=True, exist_ok=True)
    if not args.clusters_only:
        path = cached_archive(args.cache_dir, args.articles, args.raw_pages, args.rebuild)
        bench_first_open(path)
        bench_search(path, args.repeat)
        bench_index_size(path)
        with tempfile.TemporaryDirectory(dir=args.cache_dir) as work_dir:
            bench_write_cost(Path(work_dir), args.write_articles)
            if not args.only_search:
                bench_export(path, args.articles, Path(work_dir))
                bench_reextract(path, Path(work_dir))
    if not args.only_search:
        bench_clusters(args.cache_dir, args.articles, args.additions)


if __name__ == "__main__":
    main()
