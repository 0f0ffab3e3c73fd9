"""From an article item (extracted record + raw page) to the rows the archive stores."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone

from newsarchive import __version__
from newsarchive.extraction import body_text
from newsarchive.extraction.record import FIELDS, LIST_FIELDS
from newsarchive.storage.fingerprint import content_fingerprint
from newsarchive.storage.raw import DEFAULT_COMPRESSION, compress, declared_encoding
from newsarchive.text import fold_text
from newsarchive.urls import canonicalize_url, site_key

#: fields whose change makes a stored article "updated" (and gives a revision): every field of the record but the
#: canonical URL, which is the article's key
CONTENT_FIELDS = tuple(name for name in FIELDS if name != "canonical_url")
#: content fields stored in a column of ``articles`` as they are (lists have tables or a JSON column)
SCALAR_FIELDS = tuple(name for name in CONTENT_FIELDS if name not in LIST_FIELDS)
ACCESS_VALUES = ("free", "subscribers", "unknown")
_NON_SLUG = re.compile(r"[^0-9a-z]+")


class MalformedRecord(ValueError):
    """An article record that cannot be stored as it is."""


@dataclass
class ArticleRows:
    url: str  # canonical URL
    urls: list[str]  # every URL the page was reached under, canonical first
    site: str
    seen_at: str  # fetch time
    content_columns: dict  # articles columns that come from the page content
    fetch_columns: dict  # articles columns that come from the fetch
    sections: list[dict]
    captions: list[dict]
    authors: list[str]
    tags: list[tuple[str, str]]  # (name, slug)
    raw_page: dict | None  # raw_pages columns, None when the body is not kept
    content: dict  # CONTENT_FIELDS values, for change detection
    version: dict | None = None  # article_versions columns of this fetch, None when nothing was fetched
    derived: object | None = None  # its TextDerivatives: stems and signature computed ahead (storage.derived)

    @property
    def fingerprint(self) -> str | None:
        return self.content_columns["fingerprint"]


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def to_json(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def tag_slug(name: str) -> str:
    """``"États-Unis"`` -> ``"etats-unis"``."""
    return _NON_SLUG.sub("-", fold_text(name)).strip("-")


def build_rows(item: dict) -> ArticleRows:
    """The rows of one article item: ``{"record": dict, "raw": dict or None, "fingerprint": str or None}``,
    and optionally ``"derived"``: its TextDerivatives."""
    record, raw = item.get("record"), item.get("raw") or {}
    if not isinstance(record, dict):
        raise MalformedRecord(f"article record must be a dict, not {type(record).__name__}")
    url = _canonical_url(record, raw)
    seen_at = _text(raw.get("fetched_at")) or _text(record.get("fetched_at")) or utc_now()
    content = _content(record)
    return ArticleRows(
        url=url,
        urls=_all_urls(url, record, raw),
        site=_text(record.get("site")) or _text(raw.get("site")) or site_key(url),
        seen_at=seen_at,
        content_columns=_content_columns(record, content, item.get("fingerprint")),
        fetch_columns=_fetch_columns(raw, seen_at),
        sections=_section_rows(content["sections"]),
        captions=content["captions"],
        authors=content["authors"],
        tags=[(name, tag_slug(name)) for name in content["tags"]],
        raw_page=_raw_page(raw),
        content=content,
        version=_version(raw, seen_at),
        derived=item.get("derived"),
    )


def article_url(record: dict, raw: dict) -> str | None:
    """The canonical URL an article is stored under: its canonical URL, else the URL it was fetched at."""
    for candidate in (record.get("canonical_url"), record.get("url"), raw.get("final_url"), raw.get("url")):
        if isinstance(candidate, str) and (url := canonical_or_none(candidate)):
            return url
    return None


def _canonical_url(record: dict, raw: dict) -> str:
    url = article_url(record, raw)
    if url is None:
        raise MalformedRecord("article record has no absolute http(s) URL")
    return url


def _all_urls(url: str, record: dict, raw: dict) -> list[str]:
    seen = [url]
    for candidate in (record.get("url"), raw.get("url"), raw.get("final_url")):
        if not isinstance(candidate, str) or not candidate.strip():
            continue
        for variant in (candidate.strip(), canonical_or_none(candidate.strip())):
            if variant and variant not in seen:
                seen.append(variant)
    return seen


def canonical_or_none(url: str) -> str | None:
    try:
        return canonicalize_url(url)
    except ValueError:
        return None


def _content(record: dict) -> dict:
    """The CONTENT_FIELDS values of a record, cleaned as they will be stored."""
    content = {field: _text(record.get(field)) for field in SCALAR_FIELDS}
    content["authors"] = _unique(_string_list(record.get("authors"), "authors"), key=str)
    content["tags"] = _unique(_string_list(record.get("tags"), "tags"), key=tag_slug)
    content["breadcrumb"] = _string_list(record.get("breadcrumb"), "breadcrumb") or None
    content["sections"] = _sections(record.get("sections"))
    content["captions"] = _captions(record.get("captions"))
    return content


def stored_texts(record: dict) -> dict:
    """The headline, lead and body the archive stores for ``record`` (column -> text or None)."""
    content = _content(record)
    return {"headline": content["headline"], "lead": content["lead"], "body": body_text(content["sections"])}


def _content_columns(record: dict, content: dict, fingerprint: str | None) -> dict:
    body = body_text(content["sections"])
    word_count = record.get("word_count")
    if not isinstance(word_count, int) or isinstance(word_count, bool):
        word_count = len(body.split())
    columns = {field: content[field] for field in SCALAR_FIELDS}
    columns.update(
        breadcrumb=to_json(content["breadcrumb"]),
        body=body,
        published_raw=_text(record.get("published_raw")),
        modified_raw=_text(record.get("modified_raw")),
        word_count=word_count,
        fingerprint=fingerprint or content_fingerprint(record),
        sources=to_json(record.get("sources") or {}),
        warnings=to_json(_string_list(record.get("warnings"), "warnings")),
        extractor_version=_text(record.get("extractor_version")) or __version__,
        **_provenance_columns(record),
    )
    return columns


def _provenance_columns(record: dict) -> dict:
    """``access`` (``unknown`` when the record has none), ``truncated`` (0/1), ``access_signals``, ``agencies``."""
    access = record.get("access")
    if access is not None and access not in ACCESS_VALUES:
        raise MalformedRecord(f"record field 'access' must be one of {', '.join(ACCESS_VALUES)}, not {access!r}")
    return {
        "access": access or "unknown",
        "truncated": int(bool(record.get("truncated"))),
        "access_signals": to_json(_string_list(record.get("access_signals"), "access_signals")),
        "agencies": to_json(_string_list(record.get("agencies"), "agencies")),
    }


def _fetch_columns(raw: dict, seen_at: str) -> dict:
    headers = raw.get("headers") or {}
    status = raw.get("status")
    return {
        "last_seen": seen_at,
        "fetched_at": seen_at,
        "http_status": status if isinstance(status, int) else None,
        "etag": _text(headers.get("etag")),
        "last_modified": _text(headers.get("last-modified")),
        "sitemap_lastmod": _text(raw.get("sitemap_lastmod")),
        "removed_at": None,
    }


def _sections(value) -> list[dict]:
    sections = []
    for section in _dict_list(value, "sections"):
        heading = _text(section.get("heading"))
        paragraphs = _string_list(section.get("paragraphs"), "paragraphs")
        if heading is None and not paragraphs:
            continue
        level = section.get("level")
        level = level if isinstance(level, int) and not isinstance(level, bool) and heading is not None else None
        sections.append({"heading": heading, "level": level, "paragraphs": paragraphs})
    return sections


def _section_rows(sections: list[dict]) -> list[dict]:
    return [
        {"position": position, "heading": section["heading"], "level": section["level"],
         "paragraphs": to_json(section["paragraphs"]), "text": "\n".join(section["paragraphs"])}
        for position, section in enumerate(sections)
    ]


def _captions(value) -> list[dict]:
    captions = _dict_list(value, "captions")
    ordered = sorted(captions, key=lambda c: c.get("position") if isinstance(c.get("position"), int) else 0)
    rows = []
    for caption in ordered:
        text, image_url = _text(caption.get("text")), _text(caption.get("image_url"))
        if text is None and image_url is None:
            continue
        rows.append({"text": text, "image_url": image_url, "credit": _text(caption.get("credit"))})
    return rows


def _raw_page(raw: dict) -> dict | None:
    body = raw.get("body")
    if body is None:
        return None
    if isinstance(body, str):
        body = body.encode("utf-8")
    if not isinstance(body, (bytes, bytearray, memoryview)):
        raise MalformedRecord(f"raw page body must be bytes, not {type(body).__name__}")
    headers = {str(k).lower(): str(v) for k, v in (raw.get("headers") or {}).items()}
    return {
        "url": _text(raw.get("url")),
        "final_url": _text(raw.get("final_url")),
        "status": raw.get("status") if isinstance(raw.get("status"), int) else None,
        "headers": to_json(headers),
        "fetched_at": _text(raw.get("fetched_at")),
        "encoding": declared_encoding(headers),
        "extractor_site": _text(raw.get("extractor_site")),
        "body": compress(bytes(body), DEFAULT_COMPRESSION),
        "compression": DEFAULT_COMPRESSION,
    }


def _version(raw: dict, seen_at: str) -> dict:
    """The fetch as an article version: when, where, and its WARC record (see newsarchive.warc)."""
    warc = raw.get("warc") if isinstance(raw.get("warc"), dict) else {}
    status = raw.get("status")
    return {
        "seen_at": seen_at,
        "url": _text(raw.get("final_url")) or _text(raw.get("url")),
        "http_status": status if isinstance(status, int) else None,
        "warc_file": _text(warc.get("file")),
        "warc_offset": warc.get("offset"),
        "warc_length": warc.get("length"),
        "warc_record_id": _text(warc.get("record_id")),
        "warc_payload_digest": _text(warc.get("payload_digest")),
        "extractor_site": _text(raw.get("extractor_site")),
    }


def _text(value) -> str | None:
    if value is None or isinstance(value, (list, dict, tuple, set)):
        return None
    text = str(value).strip()
    return text or None


def _string_list(value, field: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise MalformedRecord(f"record field {field!r} must be a list, not {type(value).__name__}")
    return [text for text in (_text(v) for v in value) if text]


def _dict_list(value, field: str) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, dict) for v in value):
        raise MalformedRecord(f"record field {field!r} must be a list of objects")
    return list(value)


def _unique(values: list[str], key) -> list[str]:
    seen, kept = set(), []
    for value in values:
        if key(value) and key(value) not in seen:
            seen.add(key(value))
            kept.append(value)
    return kept
