"""Run the test suite many times in a row to catch flaky tests, optionally next to a CPU-heavy process.

Usage: python tests/repeat_suite.py [--runs 20] [--loaded 10] [--stop-on-failure] [--keep DIR] [-- PYTEST ARGS...]

Each run is ``python -m pytest -q -p no:cacheprovider`` (plus the given arguments) in a fresh
process; during the last ``--loaded`` runs one busy-looping process per core competes for the CPU,
as on a crowded CI machine.
One line per run (exit status, time, failed tests), then a summary; exit status 1 if any run failed.
The whole output of a failed run (assertions, tracebacks, logs) is kept in ``--keep`` as ``run-NN.log``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAILED = re.compile(r"^(?:FAILED|ERROR) (\S+)", re.MULTILINE)
SUMMARY = re.compile(r"^=* ?(.*(?:passed|failed|error).*?) ?=*$", re.MULTILINE)


def burn() -> None:
    while True:
        pass


def run_once(pytest_args: list[str]) -> tuple[int, float, list[str], str, str]:
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *pytest_args],
                            cwd=ROOT, capture_output=True, text=True)
    summaries = SUMMARY.findall(result.stdout)
    return (result.returncode, time.monotonic() - started, FAILED.findall(result.stdout),
            summaries[-1] if summaries else "", result.stdout + result.stderr)


def keep_output(directory: Path, number: int, output: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"run-{number:02d}.log"
    path.write_text(output)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--loaded", type=int, default=10, help="how many of the last runs compete with CPU burners")
    parser.add_argument("--stop-on-failure", action="store_true")
    parser.add_argument("--keep", type=Path, default=Path("repeat-suite-failures"),
                        help="where the whole output of each failed run is written (default: %(default)s)")
    parser.add_argument("pytest_args", nargs="*")
    args = parser.parse_args(argv)
    failures = 0
    for number in range(1, args.runs + 1):
        loaded = number > args.runs - args.loaded
        burners = [multiprocessing.Process(target=burn, daemon=True) for _ in range(os.cpu_count() or 1)] if loaded else []
        for burner in burners:
            burner.start()
        try:
            status, seconds, failed, summary, output = run_once(args.pytest_args)
        finally:
            for burner in burners:
                burner.terminate()
        failures += status != 0
        kept = f" (output: {keep_output(args.keep, number, output)})" if status != 0 else ""
        print(f"run {number:2d}/{args.runs} {'loaded' if loaded else 'idle  '} exit {status} in {seconds:6.1f} s: "
              f"{summary}{' ' + ', '.join(failed) if failed else ''}{kept}", flush=True)
        if status != 0 and args.stop_on_failure:
            break
    print(f"{number - failures} of {number} runs passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
