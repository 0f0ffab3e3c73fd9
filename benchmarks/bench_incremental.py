"""Incremental crawling at scale: what repeated runs cost, what they store, and what a kill leaves.

Usage: python benchmarks/bench_incremental.py [--articles 5000] [--reference 1000] [--kills 3] [--seed N]
                                              [--skip-faults]

Serves the generated onemedia.fr scaled to ``--articles`` on 127.0.0.1 (a subprocess) and runs
``scrapy crawl onemedia`` against it, each run in its own process, with the politeness delays off
(it is our own loopback server):

1. into an empty archive: time, pages fetched, peak RSS (and RSS sampled along the run: flat?);
2. again, nothing changed on the site: pages and time next to run 1 (targets: at most 2 % and 5 %);
3. after 20 articles were published and 5 edited: articles stored (target: exactly 20 new and
   5 revisions);
4. fault test, into a fresh archive: ``--kills`` runs killed with SIGKILL at random points, the
   invariants checked after each (SQLite and FTS5 integrity, every article the killed run reported
   stored is there, nothing stored twice), then a run to completion;
5. a first run on a ``--reference``-article site (default 1,000; 0: none), whose articles/min is
   printed next to run 1's (target: run 1 at least 75 % of it: the cost of an article does not grow
   with the size of the site; faster, the start-up spread over more articles, is no miss).

Prints the figures; exits 1 when a target or an invariant is missed.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from children import wait_with_usage

from newsarchive.sample_site.process import SampleServerProcess

ROOT = Path(__file__).resolve().parents[1]
FAST = ("-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=1",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16")
STORED = re.compile(r"Stored \((?:new|updated|unchanged|merged)\): (\S+)")


@dataclass
class Run:
    seconds: float
    returncode: int
    peak_rss_mib: float  # ru_maxrss of the crawl process
    rss_samples_mib: list[float] = field(default_factory=list)  # VmRSS every 0.5 s
    log: str = ""


def crawl(base_url: str, db_path: Path, log_path: Path, *extra: str, kill_after: float | None = None) -> Run:
    """One ``scrapy crawl onemedia`` process; SIGKILLed ``kill_after`` seconds after the spider opened."""
    command = [sys.executable, "-m", "scrapy", "crawl", "onemedia", "-a", f"base_url={base_url}",
               "-s", f"NEWSARCHIVE_DB={db_path}", *FAST, *extra]
    started = time.perf_counter()
    with open(log_path, "w") as log:
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log)
    samples: list[float] = []
    sampler = threading.Thread(target=sample_rss, args=(process.pid, samples), daemon=True)
    sampler.start()
    if kill_after is not None:
        kill_later(process, log_path, kill_after)
    usage = wait_with_usage(process)
    sampler.join()
    return Run(time.perf_counter() - started, process.returncode, usage.ru_maxrss / 1024, samples,
               log_path.read_text(errors="replace"))


def sample_rss(pid: int, samples: list[float]) -> None:
    status = Path(f"/proc/{pid}/status")
    while True:
        try:
            line = next(line for line in status.read_text().splitlines() if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            return
        samples.append(int(line.split()[1]) / 1024)
        time.sleep(0.5)


def kill_later(process: subprocess.Popen, log_path: Path, delay: float, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while "Spider opened" not in log_path.read_text(errors="replace"):
        if time.monotonic() > deadline:
            break
        time.sleep(0.05)
    time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)  # not reaped before wait_with_usage: a no-op if the crawl already ended


def last_run(db_path: Path) -> dict:
    with sqlite3.connect(db_path) as connection:
        connection.row_factory = sqlite3.Row
        return dict(connection.execute("SELECT * FROM runs ORDER BY id DESC LIMIT 1").fetchone())


def scalar(db_path: Path, sql: str):
    with sqlite3.connect(db_path) as connection:
        return connection.execute(sql).fetchone()[0]


def describe(name: str, run: Run, row: dict) -> None:
    samples = run.rss_samples_mib
    along = " / ".join(f"{samples[int(len(samples) * share)]:.0f}" for share in (0.1, 0.5, 0.9)) if samples else "-"
    print(f"{name}: {run.seconds:7.1f} s, exit {run.returncode}, {row['pages_fetched']} pages fetched "
          f"({row['pages_not_modified']} not modified, {row['pages_failed']} failed), {row['articles_new']} new, "
          f"{row['articles_updated']} updated; peak RSS {run.peak_rss_mib:.0f} MiB "
          f"(RSS at 10/50/90 % of the run: {along} MiB)")


def check(label: str, ok: bool, failures: list[str]) -> None:
    print(f"  [{'ok' if ok else 'MISSED'}] {label}")
    if not ok:
        failures.append(label)


def articles_per_minute(run: Run, row: dict) -> float:
    return row["articles_new"] / run.seconds * 60


def incremental_runs(server: SampleServerProcess, work: Path, failures: list[str]) -> tuple[float, float]:
    """Runs 1 to 3; returns the time of run 1 and its articles/min."""
    db_path = work / "archive.db"
    first = crawl(server.url, db_path, work / "run1.log")
    row1 = last_run(db_path)
    describe("run 1 (empty archive)", first, row1)
    second = crawl(server.url, db_path, work / "run2.log")
    row2 = last_run(db_path)
    describe("run 2 (nothing changed)", second, row2)
    pages, seconds = row2["pages_fetched"] / row1["pages_fetched"], second.seconds / first.seconds
    check(f"run 1 archived all: {row1['articles_new']} articles", row1["articles_new"] >= server_articles(server),
          failures)
    check(f"run 2 fetched {100 * pages:.2f} % of run 1's pages (<= 2 %)", pages <= 0.02, failures)
    check(f"run 2 took {100 * seconds:.2f} % of run 1's time (<= 5 %)", seconds <= 0.05, failures)
    revisions = scalar(db_path, "SELECT count(*) FROM revisions")
    server.advance(new=20, edit=5)
    third = crawl(server.url, db_path, work / "run3.log")
    row3 = last_run(db_path)
    describe("run 3 (20 new, 5 edited)", third, row3)
    added = scalar(db_path, "SELECT count(*) FROM revisions") - revisions
    check(f"run 3 stored {row3['articles_new']} new articles and {added} revisions (exactly 20 and 5)",
          (row3["articles_new"], added) == (20, 5), failures)
    return first.seconds, articles_per_minute(first, row1)


def reference_run(articles: int, work: Path) -> float:
    """A first run into an empty archive on a site of ``articles`` articles; its articles/min."""
    with SampleServerProcess(articles=articles) as server:
        db_path = work / "reference.db"
        run = crawl(server.url, db_path, work / "reference.log")
        row = last_run(db_path)
    describe(f"reference: run 1 on a {articles}-article site", run, row)
    return articles_per_minute(run, row)


def server_articles(server: SampleServerProcess) -> int:
    return int(server.command[server.command.index("--articles") + 1])


def fault_runs(server: SampleServerProcess, work: Path, kills: int, rng: random.Random, full_run: float,
               failures: list[str]) -> None:
    """Kills at random points, spread over the time a full run takes, then a run to completion."""
    db_path = work / "faults.db"
    for kill in range(kills):
        delay = rng.uniform(0.02, 0.9 / kills) * full_run
        run = crawl(server.url, db_path, work / f"kill{kill}.log", "-s", "LOG_LEVEL=DEBUG", kill_after=delay)
        reported = set(STORED.findall(run.log))
        problems = invariant_problems(db_path, reported)
        articles = scalar(db_path, "SELECT count(*) FROM articles") if db_path.exists() else 0
        print(f"kill {kill + 1}: SIGKILL {delay:.1f} s after the spider opened (exit {run.returncode}); "
              f"{len(reported)} articles reported stored, {articles} in the archive; {problems or 'invariants hold'}")
        check(f"invariants after kill {kill + 1}", not problems, failures)
    final = crawl(server.url, db_path, work / "final.log")
    row = last_run(db_path)
    describe("run to completion", final, row)
    expected = scalar(work / "archive.db", "SELECT count(*) FROM articles")
    stored = scalar(db_path, "SELECT count(*) FROM articles")
    interrupted = scalar(db_path, "SELECT count(*) FROM runs WHERE status = 'interrupted'")
    check(f"complete after the kills: {stored} articles (as the incremental runs: {expected}), "
          f"{interrupted} runs marked interrupted", stored == expected and not invariant_problems(db_path, set()),
          failures)


def invariant_problems(db_path: Path, reported: set[str]) -> str:
    if not db_path.exists():
        return "" if not reported else "archive missing"
    with sqlite3.connect(db_path) as connection:
        if connection.execute("PRAGMA integrity_check").fetchone() != ("ok",):
            return "integrity_check failed"
        try:
            connection.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            return f"FTS integrity check failed: {exc}"
        stored = {url for (url,) in connection.execute("SELECT url FROM article_urls")}
        twice = connection.execute("SELECT count(*) FROM (SELECT 1 FROM articles WHERE fingerprint IS NOT NULL "
                                   "GROUP BY site, fingerprint HAVING count(*) > 1)").fetchone()[0]
    lost = reported - stored
    return "; ".join(problem for problem in (f"{len(lost)} reported stored but lost" if lost else "",
                                             f"{twice} stored twice" if twice else "") if problem)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--reference", type=int, default=1000,
                        help="articles of the site whose first-run rate is printed alongside (0: none)")
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--seed", type=int, default=random.randrange(10**6))
    parser.add_argument("--skip-faults", action="store_true")
    args = parser.parse_args()
    failures: list[str] = []
    print(f"sample site: {args.articles} articles; fault seed {args.seed}")
    with tempfile.TemporaryDirectory() as tmp, SampleServerProcess(articles=args.articles) as server:
        work = Path(tmp)
        full_run, rate = incremental_runs(server, work, failures)
        if not args.skip_faults:
            fault_runs(server, work, args.kills, random.Random(args.seed), full_run, failures)
    if args.reference:
        with tempfile.TemporaryDirectory() as tmp:
            reference = reference_run(args.reference, Path(tmp))
        print(f"first run: {rate:,.0f} articles/min at {args.articles} articles, "
              f"{reference:,.0f} articles/min at {args.reference} articles")
        # a larger site may go faster (its start-up spread over more articles): only a slower one is a miss
        check(f"{100 * rate / reference:.0f} % of the {args.reference}-article rate (at least 75 %)",
              rate >= 0.75 * reference, failures)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS of the crawl processes (RUSAGE_CHILDREN): {children:.0f} MiB")
    print("all targets met" if not failures else f"missed: {', '.join(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
