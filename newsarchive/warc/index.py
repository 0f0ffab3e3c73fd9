"""A CDXJ index of WARC files (the index pywb replays from), written by pywb's own indexer.

Each line is ``<SURT URL> <14-digit timestamp> {json}`` with the URL, MIME type, status, payload
digest, and where the record lies (``filename`` relative to the index's directory, ``offset``,
``length``), sorted, for response, revisit, resource and metadata records.
"""

from __future__ import annotations

import os
from pathlib import Path

from cdxj_indexer.main import CDXJIndexer

from newsarchive.warc.files import WARC_SUFFIX


def warc_files_in(directory: Path) -> list[Path]:
    """The finished WARC files of a directory, in name order (files still being written are left out)."""
    return sorted(directory.glob(f"*{WARC_SUFFIX}"))


def write_cdxj(files: list[Path], output: Path) -> int:
    """Index ``files`` into ``output`` (written whole, then renamed); returns the number of lines."""
    partial = output.with_name(f".{output.name}.part")
    try:
        CDXJIndexer(str(partial), [str(path) for path in files], sort=True, dir_root=str(output.parent)).process_all()
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    with open(output, "rb") as stream:
        return sum(1 for _ in stream)
