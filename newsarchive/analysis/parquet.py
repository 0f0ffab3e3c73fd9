"""Parquet export: nested columns for sections, captions and lists, one row group per batch of records."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

ROW_GROUP_SIZE = 2000

_TEXT = pa.string()
_TEXTS = pa.list_(pa.string())
SCHEMA = pa.schema([
    ("id", pa.int64()), ("url", _TEXT), ("canonical_url", _TEXT), ("urls", _TEXTS), ("site", _TEXT),
    ("headline", _TEXT), ("title", _TEXT), ("authors", _TEXTS), ("byline", _TEXT),
    ("published", _TEXT), ("published_raw", _TEXT), ("modified", _TEXT), ("modified_raw", _TEXT),
    ("category", _TEXT), ("breadcrumb", _TEXTS), ("lead", _TEXT),
    ("sections", pa.list_(pa.struct([("heading", _TEXT), ("level", pa.int8()), ("paragraphs", _TEXTS)]))),
    ("captions", pa.list_(pa.struct([("text", _TEXT), ("image_url", _TEXT), ("credit", _TEXT),
                                     ("position", pa.int32())]))),
    ("tags", _TEXTS), ("copyright", _TEXT), ("language", _TEXT), ("image_url", _TEXT),
    ("word_count", pa.int32()), ("access", _TEXT), ("truncated", pa.bool_()), ("access_signals", _TEXTS),
    ("agencies", _TEXTS), ("cluster_id", pa.int64()), ("cluster_similarity", pa.float64()), ("text", _TEXT), ("sources", pa.map_(_TEXT, _TEXT)), ("warnings", _TEXTS),
    ("fingerprint", _TEXT), ("first_seen", _TEXT), ("last_seen", _TEXT), ("fetched_at", _TEXT),
    ("http_status", pa.int32()), ("removed_at", _TEXT), ("extractor_version", _TEXT),
])


class ParquetWriter:
    """Writes records to a Parquet file, buffering at most ROW_GROUP_SIZE of them."""

    binary = True

    def __init__(self, path: str | Path, row_group_size: int = ROW_GROUP_SIZE):
        self.writer = pq.ParquetWriter(str(path), SCHEMA, compression="zstd")
        self.row_group_size = row_group_size
        self.pending: list[dict] = []

    def write(self, records: list[dict]) -> None:
        self.pending.extend(_arrow_row(record) for record in records)
        if len(self.pending) >= self.row_group_size:
            self._flush()

    def close(self) -> None:
        self._flush()
        self.writer.close()

    def _flush(self) -> None:
        if self.pending:
            self.writer.write_table(pa.Table.from_pylist(self.pending, schema=SCHEMA))
            self.pending = []


def _arrow_row(record: dict) -> dict:
    row = {name: record.get(name) for name in SCHEMA.names}
    row["sources"] = [(field, str(layer)) for field, layer in (record.get("sources") or {}).items()]
    return row

