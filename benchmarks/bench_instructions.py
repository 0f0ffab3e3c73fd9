"""Count the instructions of the extraction and of plain lxml parsing on the development pages: figures that do not move
with the machine's load.

Usage (from the repository root; needs valgrind):

    python benchmarks/bench_instructions.py [--data ../shared/eval-dev --data ../shared/eval-fr-dev] [--limit N]

``bench_eval.py``'s times move by 5 to 15 % from one run to the next on a shared machine, more than most changes to the
extractor cost or save. Counted by valgrind's callgrind, the instructions a page takes stay within half a per cent from
run to run (the same interpreter, pages and code; the child's hash seed is fixed; sets of elements still hash by
address): a change of one per cent shows. The script runs itself under callgrind, which counts only inside
``functools.reduce`` (the extractor never calls it) and writes the count at the end of each call; each page is read
once uncounted first (its labels' kinds and its dates' readings are then known, as in
``bench_eval.py``'s best of three), then parsed by lxml and extracted, each in a call of its own. Printed: the median
and the mean over the pages of the millions of instructions of each, and the median of their ratio page by page. Under
callgrind a page takes some fifty times as long as it does alone: the 162 pages take about six and a half minutes.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import lxml.html

from bench_eval import DEFAULT_DATA, extract_or_skip, pages  # (its folder: run as a script)

# The C function of the interpreter inside which callgrind counts (functools.reduce's).
COUNTED = "functools_reduce"


def counted(function, body: bytes, url: str) -> None:
    """``function(body, url)`` inside the counted C function."""
    functools.reduce(lambda _, page: function(*page), [(body, url)], None)


def parse_with_lxml(body: bytes, url: str) -> None:
    lxml.html.document_fromstring(body)


def read_pages(samples: list[tuple[bytes, str]]) -> None:
    """The child's work under callgrind: for each page, one uncounted reading, then the counted parse and extraction
    (two counts a page, in that order)."""
    for body, url in samples:
        extract_or_skip(body, url)
        counted(parse_with_lxml, body, url)
        counted(extract_or_skip, body, url)


def run_counted(data: list[Path], limit: int | None, folder: Path) -> list[int]:
    """The instructions of each counted call, in order, from the dumps callgrind writes after each."""
    command = [
        "valgrind", "--tool=callgrind", "--collect-atstart=no", f"--toggle-collect={COUNTED}",
        f"--dump-after={COUNTED}", f"--callgrind-out-file={folder / 'counts'}",
        sys.executable, __file__, "--child", *(arg for path in data for arg in ("--data", str(path))),
        *(("--limit", str(limit)) if limit else ()),
    ]
    # the same hash seed each run: the strings' hashes, and so the sets' and dicts' probing, are then the same
    environment = {**os.environ, "PYTHONHASHSEED": "0"}
    subprocess.run(command, check=True, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    dumps = sorted(folder.glob("counts.*"), key=lambda path: int(path.name.rsplit(".", 1)[-1]))
    return [_total(path) for path in dumps]


def _total(dump: Path) -> int:
    for line in dump.read_text(encoding="utf-8").splitlines():
        if line.startswith(("totals:", "summary:")):
            return int(line.split()[1])
    raise ValueError(f"no total in {dump}")


def samples_of(data: list[Path], limit: int | None) -> list[tuple[bytes, str]]:
    found = [sample for path in data for sample in pages(path)]
    return found[:limit] if limit else found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, action="append", help="a development folder (default: both)")
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    data = args.data or DEFAULT_DATA
    if args.child:
        read_pages(samples_of(data, args.limit))
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is needed (Debian's package valgrind)")
    with tempfile.TemporaryDirectory() as folder:
        counts = run_counted(data, args.limit, Path(folder))
    expected = 2 * len(samples_of(data, args.limit))
    if len(counts) != expected:
        sys.exit(f"callgrind wrote {len(counts)} counts where {expected} were expected (two a page)")
    parse, extract = counts[0::2], counts[1::2]
    print(f"millions of instructions per page over the {len(parse)} pages of {', '.join(path.name for path in data)}"
          " (callgrind, each page read once before):")
    print(f"  lxml parse only      median {statistics.median(parse) / 1e6:7.2f}   mean "
          f"{statistics.mean(parse) / 1e6:7.2f}")
    print(f"  extract_article      median {statistics.median(extract) / 1e6:7.2f}   mean "
          f"{statistics.mean(extract) / 1e6:7.2f}   ({statistics.median(e / p for p, e in zip(parse, extract)):.1f}x "
          "lxml parsing, median of the pages' ratios)")


if __name__ == "__main__":
    main()
