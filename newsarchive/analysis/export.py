"""Exporting articles as JSON Lines, CSV or Parquet, streamed batch by batch in constant memory.

A file is written under a temporary name and renamed when complete, so an interrupted export
never leaves a truncated file that looks finished; a device or a named pipe is written in place,
and a symbolic link is written through (never replaced by a file).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsarchive.analysis.access import AnalysisError
from newsarchive.analysis.filters import Condition
from newsarchive.analysis.records import ArticleReader
from newsarchive.analysis.writers import CsvWriter, JsonLinesWriter

logger = logging.getLogger(__name__)

FORMATS = ("jsonl", "csv", "parquet", "warc")  # warc: see newsarchive.warc.export
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet",
            ".warc": "warc", ".warc.gz": "warc"}
EXPORT_BATCH = 500


def guess_format(destination: str | None) -> str:
    """The format named by the destination's suffix (JSON Lines on standard output or for a name without
    suffix, such as a FIFO); raises AnalysisError for a suffix that names no format (``.xlsx``)."""
    suffix = Path(destination).suffix.lower() if destination else ""
    if not suffix:
        return "jsonl"
    double = "".join(Path(destination).suffixes[-2:]).lower()  # .warc.gz
    if double in SUFFIXES:
        return SUFFIXES[double]
    if suffix not in SUFFIXES:
        raise AnalysisError(f"cannot tell the format of {Path(destination).name!r}: give a file ending in "
                            f"{', '.join(SUFFIXES)}, or --format")
    return SUFFIXES[suffix]


@contextmanager
def open_writer(export_format: str, destination: str | None) -> Iterator:
    """A writer of ``export_format`` to the file ``destination``, or to stdout when None."""
    if export_format not in FORMATS:
        raise AnalysisError(f"unknown format {export_format!r} (choose from {', '.join(FORMATS)})")
    if export_format == "warc":
        raise AnalysisError("articles are exported as WARC by newsarchive.warc.export, not as records")
    if destination is None:
        if export_format == "parquet":
            raise AnalysisError("Parquet is a binary format: give a file with -o FILE.parquet")
        writer = _text_writer(export_format, sys.stdout)
        yield writer
        writer.close()
        return
    with replaced_on_success(Path(destination)) as partial:
        if export_format == "parquet":
            writer = _parquet_writer(partial)
            yield writer
            writer.close()
        else:
            with partial.open("w", encoding="utf-8", newline="") as stream:
                writer = _text_writer(export_format, stream)
                yield writer
                writer.close()


def export_articles(reader: ArticleReader, condition: Condition, writer, *, limit: int | None = None,
                    progress=None) -> int:
    """Write the matching articles with ``writer``; returns how many were written."""
    written = 0
    for records in reader.iter_batches(condition, EXPORT_BATCH, limit=limit):
        writer.write(records)
        written += len(records)
        if progress is not None:
            progress.update(len(records))
    logger.info("Exported %d articles", written)
    return written


def _parquet_writer(path: Path):
    try:
        from newsarchive.analysis.parquet import ParquetWriter  # pyarrow is only needed here
    except ImportError as exc:
        raise AnalysisError(f"Parquet export needs pyarrow ({exc}): pip install 'newsarchive[analysis]'") from exc
    return ParquetWriter(path)


def _text_writer(export_format: str, stream):
    return CsvWriter(stream) if export_format == "csv" else JsonLinesWriter(stream)


@contextmanager
def replaced_on_success(path: Path) -> Iterator[Path]:
    """The path to write: a temporary file renamed over ``path`` when complete; through a symbolic link,
    its target (the link stays); a device, FIFO or socket is written directly, never replaced."""
    path = path.resolve() if path.is_symlink() else path
    if path.is_dir():
        raise AnalysisError(f"{path} is a directory")
    if path.exists() and not path.is_file():
        yield path  # /dev/stdout, a named pipe...: written in place
        return
    if not path.parent.is_dir():
        raise AnalysisError(f"no directory {path.parent} to write {path.name} in")
    partial = path.with_name(f".{path.name}.part")
    try:
        yield partial
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)
