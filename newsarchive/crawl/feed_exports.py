"""Scrapy feed exports of article records: a CSV exporter with one flat column per record key.

JSON, JSON Lines and XML write the record as it is (sections, captions and tags nested). CSV cannot
nest: lists of words are joined with `` | `` (as ``newsarchive export --format csv`` does), the
sections become the body text (headings and paragraphs, one a line), the captions their texts, and
the other mappings (``sources``) ``key=value`` pairs. Registered for ``csv`` in ``FEED_EXPORTERS``.
"""

from __future__ import annotations

from scrapy.exporters import CsvItemExporter

from newsarchive.analysis.writers import joined
from newsarchive.extraction import body_text


def flat_value(name: str, value):
    """The CSV cell of one record value."""
    if name == "sections" and isinstance(value, list):
        return body_text(value)
    if name == "captions" and isinstance(value, list):
        return joined(caption.get("text") or "" for caption in value if isinstance(caption, dict))
    if isinstance(value, dict):
        return joined(f"{key}={item}" for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return joined(str(item) for item in value)
    return value


class ArticleCsvItemExporter(CsvItemExporter):
    def serialize_field(self, field, name, value):
        return super().serialize_field(field, name, flat_value(name, value))
