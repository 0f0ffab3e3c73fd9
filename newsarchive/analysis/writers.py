"""Export writers for JSON Lines and CSV: one article record per line or row, written batch by batch."""

from __future__ import annotations

import csv
import json
from typing import TextIO

from newsarchive.extraction import body_text

LIST_SEPARATOR = " | "
CSV_COLUMNS = (
    "id", "url", "site", "headline", "byline", "authors", "category", "breadcrumb", "published", "modified",
    "lead", "tags", "headings", "body", "captions", "copyright", "language", "image_url", "word_count",
    "access", "truncated", "agencies", "cluster_id", "cluster_similarity", "first_seen", "last_seen", "removed_at", "urls",
)


class JsonLinesWriter:
    """The full record, sections, captions and tags nested, one JSON object per line."""

    binary = False

    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, records: list[dict]) -> None:
        self.stream.write("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records))

    def close(self) -> None:
        self.stream.flush()


class CsvWriter:
    """Flat rows: lists joined with `` | ``, the body as plain text (headings and paragraphs, one a
    line; the lead has its own column), captions as their texts."""

    binary = False

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        self.writer.writeheader()

    def write(self, records: list[dict]) -> None:
        self.writer.writerows(flat_row(record) for record in records)

    def close(self) -> None:
        self.stream.flush()


def flat_row(record: dict) -> dict:
    """The CSV row of a record."""
    return {
        **{column: record.get(column) for column in CSV_COLUMNS},
        "authors": joined(record["authors"]),
        "breadcrumb": joined(record["breadcrumb"]),
        "tags": joined(record["tags"]),
        "headings": joined(section["heading"] for section in record["sections"] if section["heading"]),
        "body": body_text(record["sections"]),
        "captions": joined(caption["text"] for caption in record["captions"] if caption["text"]),
        "urls": joined(record["urls"]),
        "agencies": joined(record.get("agencies")),
    }


def joined(values) -> str:
    """Values of a list in one cell, separated by `` | ``."""
    return LIST_SEPARATOR.join(values or ())
