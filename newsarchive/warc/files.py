"""The WARC files of a crawl run: named after the run, rolled at a size, written so a kill breaks none.

A file being written is named ``*.warc.gz.open``; it gets its final name when the run closes it (or
rolls to the next one). Each exchange is appended with a single ``write`` of whole gzip members, so
a killed crawl leaves a file that readers accept up to its last complete record. The next run in the
same directory finishes such leftovers: a truncated tail is detected, reported and cut off, and the
file is renamed. Paths are stored relative to the archive's directory when they lie under it.
"""

from __future__ import annotations

import logging
import os
import re
import zlib
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from newsarchive.storage.location import archive_path
from newsarchive.warc.records import SerialisedRecord, warcinfo_record

logger = logging.getLogger(__name__)

OPEN_SUFFIX = ".open"
WARC_SUFFIX = ".warc.gz"
_PID_IN_NAME = re.compile(r"-(\d+)-\d{5}\.warc\.gz\.open$")
_SCAN_CHUNK = 256 * 1024
# Stats of the records written, as a crawl's WARC middleware and the distributed writer count them.
RECORDS_STAT, BYTES_STAT = "newsarchive/warc/records", "newsarchive/warc/bytes"
WRITE_FAILED_STAT, TRUNCATED_TAIL_STAT = "newsarchive/warc/write_failed", "newsarchive/warc/truncated_tail"


@dataclass
class RecordLocation:
    """Where a record lies: its file (as stored in the archive), offset and length, id and digest."""

    file: str
    offset: int
    length: int
    record_id: str
    payload_digest: str | None
    date: str | None = None  # the WARC-Date, as ISO 8601 with offset

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Recovery:
    """A file a killed run left open, as the next run found it."""

    path: Path
    size: int  # bytes before repair
    complete: int  # bytes of whole gzip members

    @property
    def truncated(self) -> int:
        return self.size - self.complete


def warc_directory(settings) -> Path:
    """Where a crawl writes its WARC files: ``NEWSARCHIVE_WARC_DIR``, else ``warc/`` beside the archive.

    ``settings`` is anything with a ``get(name)`` method (Scrapy settings, a dict).
    """
    configured = settings.get("NEWSARCHIVE_WARC_DIR")
    return Path(configured).expanduser() if configured else archive_path(settings).parent / "warc"


def stored_name(path: Path, archive_dir: Path) -> str:
    """``path`` as the archive records it: relative to the archive's directory when under it."""
    path = path.resolve()
    try:
        return path.relative_to(archive_dir.resolve()).as_posix()
    except ValueError:
        return str(path)


def resolve_name(name: str, archive_dir: Path) -> Path:
    """The file a stored name points to (its ``.open`` form while its run still writes it)."""
    path = Path(name) if Path(name).is_absolute() else archive_dir / name
    if not path.exists() and Path(f"{path}{OPEN_SUFFIX}").exists():
        return Path(f"{path}{OPEN_SUFFIX}")
    return path


class WarcFiles:
    """Appends records to the WARC files of one run in ``directory``, rolling at ``max_size`` bytes."""

    def __init__(self, directory: Path, archive_dir: Path, *, max_size: int, info: dict[str, str],
                 prefix: str = "newsarchive"):
        self.directory = directory
        self.archive_dir = archive_dir
        self.max_size = max_size
        self.info = info
        self.run_name = f"{prefix}-{datetime.now(timezone.utc):%Y%m%d%H%M%S}-{os.getpid()}"
        self.serial = -1
        self.fd: int | None = None
        self.path: Path | None = None
        self.stored_name = ""  # the current file's name as the archive records it
        self.size = 0
        self.header_size = 0  # the warcinfo record of the current file
        self.finished: list[Path] = []

    def append(self, records: list[SerialisedRecord], date: str | None = None) -> list[RecordLocation]:
        """Write the records together (one write); returns where each one lies (``date``: their WARC-Date)."""
        data = b"".join(record.data for record in records)
        if self.fd is None or (self.size + len(data) > self.max_size and self.size > self.header_size):
            self._roll()
        offset, locations = self.size, []
        for record in records:
            locations.append(RecordLocation(self.stored_name, offset, len(record.data), record.record_id,
                                            record.payload_digest, date))
            offset += len(record.data)
        self._write(data)
        return locations

    def sync(self) -> None:
        """Have what was appended so far on disk (before an archive commits pointers to it)."""
        if self.fd is not None:
            os.fsync(self.fd)

    def close(self) -> None:
        """Close the current file and give it its final name."""
        if self.fd is None:
            return
        os.fsync(self.fd)
        os.close(self.fd)
        final = _final(self.path)
        os.replace(self.path, final)
        self.finished.append(final)
        self.fd, self.path = None, None

    def _roll(self) -> None:
        self.close()
        self.serial += 1
        self.directory.mkdir(parents=True, exist_ok=True)
        final_name = f"{self.run_name}-{self.serial:05d}{WARC_SUFFIX}"
        self.path = self.directory / f"{final_name}{OPEN_SUFFIX}"
        self.stored_name = stored_name(_final(self.path), self.archive_dir)
        self.fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
        self.size = 0
        header = warcinfo_record(final_name, self.info)
        self._write(header.data)
        self.header_size = len(header.data)

    def _write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.write(self.fd, view)
            view = view[written:]
        self.size += len(data)


def finish_leftovers(directory: Path) -> list[Recovery]:
    """Close the files that killed runs left open in ``directory``: cut any truncated tail, rename."""
    recoveries = []
    for path in sorted(directory.glob(f"*{WARC_SUFFIX}{OPEN_SUFFIX}")):
        if _writer_alive(path):
            continue
        recovery = Recovery(path, path.stat().st_size, complete_length(path))
        if recovery.truncated:
            os.truncate(path, recovery.complete)
        final = _final(path)
        if recovery.complete:
            os.replace(path, final)
        else:
            path.unlink()
        recoveries.append(recovery)
    return recoveries


def written_stats(locations: list[RecordLocation]) -> dict[str, int]:
    """The stats to add for records just appended."""
    return {RECORDS_STAT: len(locations), BYTES_STAT: sum(location.length for location in locations)}


def report_leftovers(directory: Path) -> int:
    """Finish the files that killed runs left open in ``directory`` (if it exists), saying so in the log;
    returns how many ended in a truncated record."""
    if not directory.is_dir():
        return 0
    truncated = 0
    for recovery in finish_leftovers(directory):
        if recovery.truncated:
            truncated += 1
            logger.warning("WARC file %s left by a killed run ended in a truncated record: %d bytes cut, "
                           "%d kept", recovery.path, recovery.truncated, recovery.complete)
        else:
            logger.info("WARC file %s left open by a killed run is complete: closed", recovery.path)
    return truncated


def complete_length(path: Path) -> int:
    """How many leading bytes of the file are whole gzip members (where a truncated tail starts)."""
    complete = position = 0
    member = zlib.decompressobj(zlib.MAX_WBITS + 16)
    with open(path, "rb") as stream:
        while chunk := stream.read(_SCAN_CHUNK):
            while chunk:
                try:
                    member.decompress(chunk)
                except zlib.error:
                    return complete
                if not member.eof:
                    position += len(chunk)
                    break
                position += len(chunk) - len(member.unused_data)
                complete, chunk = position, member.unused_data
                member = zlib.decompressobj(zlib.MAX_WBITS + 16)
    return complete


def _final(path: Path) -> Path:
    """The name a file gets once closed."""
    return Path(str(path).removesuffix(OPEN_SUFFIX))


def _writer_alive(path: Path) -> bool:
    """Whether the process named in the file's name (its writer) still runs on this host."""
    match = _PID_IN_NAME.search(path.name)
    if not match or int(match.group(1)) == os.getpid():
        return False
    try:
        os.kill(int(match.group(1)), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
