"""Start-up cost of the project's processes: what each imports, timed in fresh interpreters, side by side.

Usage (from the repository root):

    python benchmarks/bench_startup.py [--repeat 7]

For each kind of process, the median over ``--repeat`` fresh interpreters of the time its imports take and the
number of modules they load: the settings alone (every ``scrapy`` command reads them), an extraction worker (each
crawl starts one per spare core, and a new one after a worker is stopped), a crawl's own components (Scrapy's
HTTP handler, the spiders, the pipelines, the Redis add-on), and what signing a first article adds (a worker signs
each article it extracts, the writer each one it stores). A last column says which of the archive's database
library, the Redis client and a MinHash library with its scientific stack were among the modules loaded.
Then a whole ``scrapy crawl news`` process that ends at once (its site, a closed loopback port, gives no robots.txt):
its CPU time (user + system) and the modules it loaded, with every component built, median of as many runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from children import wait_with_usage

from newsarchive.sample_site.loopback import free_port

ROOT = Path(__file__).resolve().parents[1]
PROCESSES = {
    "settings (every scrapy command)": ["newsarchive.settings"],
    "extraction worker": ["newsarchive.parallel.extraction"],
    "crawl components": ["scrapy.core.downloader.handlers.http11", "newsarchive.settings", "spiders.base",
                         "spiders.news", "pipelines.extract", "pipelines.store", "newsarchive.distributed.addon",
                         "newsarchive.distributed.pipeline", "newsarchive.runs.extension"],
    "signing a first article": ["newsarchive.clusters.index"],
}
# code run after the imports, timed with them
FIRST_CALLS = {"signing a first article": "sys.modules['newsarchive.clusters.index'].signer()"}
HEAVY = ("sqlite_utils", "redis", "datasketch", "scipy")
PROBE = """import sys, time, json
start = time.perf_counter()
for name in {names!r}:
    __import__(name)
{first_call}
print(json.dumps([time.perf_counter() - start, len(sys.modules), [m for m in {heavy!r} if m in sys.modules]]))
"""


def measure(names: list[str], first_call: str = "") -> tuple[float, int, list[str]]:
    code = PROBE.format(names=names, heavy=HEAVY, first_call=first_call)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return tuple(json.loads(result.stdout))


CRAWL = """import sys; from scrapy.cmdline import execute; sys.argv = {argv!r}
try:
    execute()
except SystemExit:
    pass
print(len(sys.modules))
"""


def crawl_start() -> tuple[float, int]:
    """CPU seconds and modules loaded of a ``scrapy crawl news`` of a loopback port nothing listens on."""
    with tempfile.TemporaryDirectory() as folder:
        argv = ["scrapy", "crawl", "news", "-a", f"base_url=http://127.0.0.1:{free_port()}/", "-s",
                f"NEWSARCHIVE_DB={Path(folder) / 'archive.db'}", "-s", "LOG_LEVEL=ERROR"]
        with subprocess.Popen([sys.executable, "-c", CRAWL.format(argv=argv)], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True) as crawl:
            output = crawl.stdout.read()
            usage = wait_with_usage(crawl)
    return usage.ru_utime + usage.ru_stime, int(output.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    print(f"{'process':34} {'imports (ms)':>12} {'modules':>8}  heavy modules loaded")
    for label, names in PROCESSES.items():
        runs = [measure(names, FIRST_CALLS.get(label, "")) for _ in range(args.repeat)]
        seconds = statistics.median(run[0] for run in runs)
        print(f"{label:34} {seconds * 1000:12.0f} {runs[-1][1]:8d}  {', '.join(runs[-1][2]) or '-'}")
    crawls = [crawl_start() for _ in range(args.repeat)]
    print(f"\n{'a crawl that ends at once':34} {'CPU (ms)':>12} {'modules':>8}")
    print(f"{'scrapy crawl news, closed port':34} {statistics.median(run[0] for run in crawls) * 1000:12.0f} "
          f"{crawls[-1][1]:8d}")


if __name__ == "__main__":
    main()
