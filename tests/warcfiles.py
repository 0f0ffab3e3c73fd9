"""WARC files of a test crawl, read with warcio's own command line (as a user would check them)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

WARCIO = [sys.executable, "-m", "warcio.cli"]


def warc_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.warc.gz"))


def warcio_check(paths: list[Path]) -> None:
    """``warcio check`` and ``warcio index`` read the files without error."""
    for command in ("check", "index"):
        result = subprocess.run([*WARCIO, command, *map(str, paths)], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, f"warcio {command}: {result.stdout[-2000:]} {result.stderr[-2000:]}"


def warcio_index(paths: list[Path]) -> list[dict]:
    result = subprocess.run([*WARCIO, "index", "-f", "warc-type,warc-target-uri,http:status,offset",
                             *map(str, paths)], capture_output=True, text=True, timeout=120, check=True)
    return [json.loads(line) for line in result.stdout.splitlines()]
