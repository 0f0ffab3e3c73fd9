"""Score the article extractor on the development sets, in-process and through ``newsarchive extract``, and time it.

Usage (from the repository root):

    python benchmarks/bench_eval.py [--data ../shared/eval-dev --data ../shared/eval-fr-dev] [--repeat 3] [--skip-cli]
                                    [--without-metadata]

Each development folder (../shared/eval-dev and ../shared/eval-fr-dev by default) holds news pages with ground
truth; the scorer is eval-dev's score.py (a folder without one is scored with it, ``--data``). For each set, the
scorer is run twice: in-process through ``benchmarks.eval_adapter:extract``, and as a command, ``newsarchive
extract FILE --url URL``, the way other extractors are scored. One table per set follows: every field of the scorer
for the in-process run (all pages, Fundus pages, trafilatura pages), for the command (all pages), and trafilatura
2.3.1's reference row from the set's README when it has one. Then, in the same run, the median time per page of plain
lxml parsing and of the in-process extraction (best of ``--repeat`` runs per page, the two timed in turn on each
page), of the command (process start-up included), and trafilatura's reference median.

With ``--without-metadata``, each set is also scored in-process with its pages stripped of their structured data
(JSON-LD, ``<meta>``, microdata attributes), UTF-8 copies made in a temporary folder: what a small site
without structured data gives, where only the visible page speaks (its dates, bylines, headings and body).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import lxml.html
from lxml import etree

from newsarchive.extraction import NotAnArticle, extract_article, parse_page

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = [ROOT.parent / "shared" / "eval-dev", ROOT.parent / "shared" / "eval-fr-dev"]
SOURCES = ("all", "fundus", "trafilatura")
_REFERENCE_ROW = re.compile(r"^\|\s*([\w/]+)\s*\|\s*([^|]+)\|\s*([^|]+)\|\s*([^|]+)\|\s*$")
_REFERENCE_MS = re.compile(r"median ([\d.]+) ms/page")


def run_scorer(scorer: Path, data: Path, extractor: list[str], timeout: float) -> dict:
    """The scorer's summary for one extractor (``["--py", "module:function"]`` or ``["--cmd", "..."]``)."""
    with tempfile.TemporaryDirectory() as folder:
        summary = Path(folder) / "summary.json"
        command = [sys.executable, str(scorer), *extractor, "--data", str(data / "pages"),
                   "--timeout", str(timeout), "--json", str(summary)]
        paths = [str(ROOT), os.environ.get("PYTHONPATH")]
        environment = {**os.environ, "PYTHONPATH": os.pathsep.join(path for path in paths if path)}
        subprocess.run(command, check=True, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL)
        return json.loads(summary.read_text(encoding="utf-8"))["summary"]


def cli_command() -> str:
    """``newsarchive extract FILE --url URL`` as the scorer calls it (``CMD PAGE_PATH URL``)."""
    program = shutil.which("newsarchive")
    extract = shlex.join([program, "extract"]) if program else f"{shlex.quote(sys.executable)} -m newsarchive extract"
    return shlex.join(["sh", "-c", f'exec {extract} "$0" --url "$1"'])


def reference(data: Path) -> tuple[dict[str, str], float | None]:
    """trafilatura's reference row of the eval-dev README: ``{field: "0.677 (130)"}`` (all pages, or its own
    pages for the snippet micro scores), and its median ms."""
    readme = (data / "README.md").read_text(encoding="utf-8") if (data / "README.md").is_file() else ""
    if "## Reference" not in readme:
        return {}, None
    section = readme.split("## Reference", 1)[-1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        match = _REFERENCE_ROW.match(line)
        if match and match.group(1) != "field":
            whole, traf = match.group(2).strip(), match.group(4).strip()
            rows[match.group(1)] = traf if whole == "-" else whole  # micro scores exist for its own pages only
    median = _REFERENCE_MS.search(section)
    return rows, float(median.group(1)) if median else None


_STRUCTURED = etree.XPath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')] | //meta")
_MICRODATA = ("itemprop", "itemscope", "itemtype", "itemid", "itemref")


def without_metadata(page: bytes) -> bytes:
    """The page without its JSON-LD, its ``<meta>`` and its microdata attributes, decoded as the extractor decodes it
    and written in UTF-8 (the encoding a page that declares none is read in)."""
    doc = parse_page(page)
    for element in _STRUCTURED(doc):
        element.drop_tree()
    for element in doc.iter(etree.Element):
        for name in _MICRODATA:
            element.attrib.pop(name, None)
    return lxml.html.tostring(doc, encoding="utf-8", doctype="<!DOCTYPE html>")


def stripped_copy(data: Path, folder: Path) -> Path:
    """A copy of ``data``'s pages (their truth as it is) under ``folder``, each page :func:`without_metadata`."""
    for page in sorted((data / "pages").iterdir()):
        copy = folder / "pages" / page.name
        copy.mkdir(parents=True)
        shutil.copyfile(page / "truth.json", copy / "truth.json")
        (copy / "page.html").write_bytes(without_metadata((page / "page.html").read_bytes()))
    return folder


def pages(data: Path) -> list[tuple[bytes, str]]:
    found = []
    for folder in sorted((data / "pages").iterdir()):
        truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
        found.append(((folder / "page.html").read_bytes(), truth["url"]))
    return found


def median_ms(function, samples: list[tuple[bytes, str]], repeat: int) -> float:
    """The median over pages of the best of ``repeat`` timings of ``function(body, url)``, in ms."""
    return paired_medians_ms([function], samples, repeat)[0]


def paired_medians_ms(functions, samples: list[tuple[bytes, str]], repeat: int) -> list[float]:
    """For each of ``functions``, the median over pages of the best of ``repeat`` timings of ``function(body, url)``, in
    ms. The functions are timed in turn on each page: a machine that slows down or speeds up during the run moves them
    alike, and their ratio holds (timed one after the other, the ratio moved from 3.3x to 5.0x between runs here)."""
    best: list[list[float]] = [[] for _ in functions]
    for body, url in samples:
        timings: list[list[float]] = [[] for _ in functions]
        for _ in range(repeat):
            for function, taken in zip(functions, timings):
                started = time.perf_counter()
                function(body, url)
                taken.append(time.perf_counter() - started)
        for column, taken in zip(best, timings):
            column.append(min(taken) * 1000)
    return [statistics.median(column) for column in best]


def extract_or_skip(body: bytes, url: str) -> None:
    try:
        extract_article(body, url)
    except NotAnArticle:
        pass


def cell(summary: dict | None, field: str, source: str) -> str:
    if summary is None:
        return "-"
    if field == "snip_micro_p/r/f1":
        micro = summary.get("snippets_micro") or {}
        return "/".join(f"{micro[key]:.3f}" for key in ("p", "r", "f1")) if micro and source != "fundus" else "-"
    score = summary["fields"].get(field, {}).get(source, {})
    return f"{score['mean']:.3f} ({score['n']})" if score.get("mean") is not None else "-"


def print_table(inprocess: dict, command: dict | None, rows: dict[str, str]) -> None:
    headers = ["field", *(f"in-process {source}" for source in SOURCES), "command all", "trafilatura all"]
    print("| " + " | ".join(headers) + " |")
    print("|" + "---|" * len(headers))
    for field in [*inprocess["fields"], "snip_micro_p/r/f1"]:
        cells = [cell(inprocess, field, source) for source in SOURCES]
        cells += [cell(command, field, "all"), rows.get(field, "-")]
        print(f"| {field} | " + " | ".join(cells) + " |")


def print_timings(samples, repeat: int, command: dict | None, reference_ms: float | None) -> None:
    extract_or_skip(*samples[0])  # warm caches (date parser, compiled expressions)
    parse, extract = paired_medians_ms((lambda body, url: lxml.html.document_fromstring(body), extract_or_skip),
                                       samples, repeat)
    print(f"\nmedian ms/page over the {len(samples)} pages of all sets (best of {repeat} runs per page, parse and "
          "extraction in turn on each page):")
    print(f"  lxml parse only        {parse:7.2f}")
    print(f"  extract_article        {extract:7.2f}   ({extract / parse:.1f}x lxml parsing)")
    if command is not None:
        print(f"  newsarchive extract    {command['ms']['median']:7.2f}   (one process per page, start-up included)")
    if reference_ms:
        print(f"  trafilatura (README)   {reference_ms:7.2f}   (reference machine; extract_article is "
              f"{extract / reference_ms:.0%} of it)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, action="append", help="a development folder (repeatable)")
    parser.add_argument("--repeat", type=int, default=3, help="timings per page; the best is kept")
    parser.add_argument("--skip-cli", action="store_true", help="do not score the newsarchive extract command")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per page for the command")
    parser.add_argument("--without-metadata", action="store_true",
                        help="also score each set with its pages stripped of their structured data")
    args = parser.parse_args()
    folders = args.data or [folder for folder in DEFAULT_DATA if (folder / "pages").is_dir()]
    scorer = next((folder / "score.py" for folder in [*folders, *DEFAULT_DATA] if (folder / "score.py").is_file()), None)
    if scorer is None or not folders:
        parser.error("no development pages with a scorer (pass --data)")
    samples, command_ms = [], []
    for data in folders:
        inprocess = run_scorer(scorer, data, ["--py", "benchmarks.eval_adapter:extract"], args.timeout)
        command = None if args.skip_cli else run_scorer(scorer, data, ["--cmd", cli_command()], args.timeout)
        rows, reference_ms = reference(data)
        print(f"\n## {data.name}: {inprocess['pages']} pages scored, {inprocess['errors']} errors in-process"
              + ("" if command is None else f", {command['errors']} through the command"))
        print_table(inprocess, command, rows)
        if args.without_metadata:
            with tempfile.TemporaryDirectory() as folder:
                stripped = run_scorer(scorer, stripped_copy(data, Path(folder)),
                                      ["--py", "benchmarks.eval_adapter:extract"], args.timeout)
            print(f"\n## {data.name} without metadata: {stripped['pages']} pages scored, {stripped['errors']} errors")
            print_table(stripped, None, {})
        samples += pages(data)
        command_ms += [command["ms"]["median"]] if command else []
    print_timings(samples, args.repeat, {"ms": {"median": statistics.median(command_ms)}} if command_ms else None,
                  reference(folders[0])[1])


if __name__ == "__main__":
    main()
