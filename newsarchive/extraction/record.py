"""The article record: the fields of a page class assembled into the dict of docs/architecture.md."""

from __future__ import annotations

import logging
import re

from newsarchive.dates import normalise_date
from newsarchive.extraction.access import page_access
from newsarchive.extraction.agency import wire_agencies
from newsarchive.extraction.errors import NotAnArticle
from newsarchive.extraction.fields import SITE
from newsarchive.extraction.kind import has_article_signals, listing_reason
from newsarchive.extraction.page import ArticlePage
from newsarchive.urls import site_key

logger = logging.getLogger(__name__)

FIELDS = (
    "headline", "authors", "byline", "published", "modified", "category", "breadcrumb", "lead",
    "sections", "captions", "tags", "copyright", "language", "canonical_url", "image_url",
)
_LIST_FIELDS = frozenset({"authors", "breadcrumb", "sections", "captions", "tags"})
_WORD = re.compile(r"\w+")


def build_record(page: ArticlePage) -> dict:
    """Every field of the page, normalised; raises NotAnArticle for pages that are not articles."""
    if not page.value("headline"):
        raise NotAnArticle("no headline")
    found = {field: page.get(field) for field in FIELDS}
    values = {field: _value(field, found[field]) for field in FIELDS}
    body = body_text(values["sections"])
    word_count = len(_WORD.findall(body))
    if not page.left_out:  # a page cut short by the time limit is kept with what could be read
        _check_body(page, values["sections"], word_count)
    warnings: list[str] = []
    access = page_access(page, word_count)
    return {
        "url": page.url,
        "canonical_url": values["canonical_url"],
        "site": _site(page.url),
        "headline": values["headline"],
        "title": values["headline"],
        "authors": values["authors"],
        "byline": values["byline"],
        "published": _normalised_date("published", values["published"], page, warnings),
        "published_raw": values["published"],
        "modified": _normalised_date("modified", values["modified"], page, warnings),
        "modified_raw": values["modified"],
        "category": values["category"],
        "breadcrumb": values["breadcrumb"],
        "lead": values["lead"],
        "sections": values["sections"],
        "captions": values["captions"],
        "tags": values["tags"],
        "copyright": values["copyright"],
        "language": values["language"],
        "image_url": values["image_url"],
        "word_count": word_count,
        "access": access.access,
        "truncated": access.truncated,
        "access_signals": access.signals,
        "agencies": wire_agencies(page, values),
        "text": record_text(values["lead"], body),
        "sources": {field: sourced.source for field, sourced in found.items() if sourced},
        "fallbacks": fallbacks(page, found),
        "warnings": warnings + page.problems,
    }


def _check_body(page: ArticlePage, sections: list[dict], word_count: int) -> None:
    reason = listing_reason(page, word_count)
    if reason:
        raise NotAnArticle(reason)
    if not sections and not has_article_signals(page):
        raise NotAnArticle("no body text and no article metadata")


def fallbacks(page: ArticlePage, found: dict) -> list[str]:
    """The fields that the site class has a (non-optional) selector for but that another layer
    supplied: the sign of a theme change."""
    missed = [
        field for field in FIELDS
        if field in page.selectors and field not in page.optional
        and not (found[field] and found[field].source == SITE)
    ]
    if "content" in page.selectors and page.content_source != SITE:
        missed.append("sections")
    return missed


def _value(field: str, sourced):
    if sourced:
        return sourced.value
    return [] if field in _LIST_FIELDS else None


def _normalised_date(field: str, raw: str | None, page: ArticlePage, warnings: list[str]) -> str | None:
    """The ISO 8601 value of the page's ``field`` date; a warning when its raw text is no date (a time of day alone,
    an unknown form) or when the page's evidence disagrees (see :mod:`newsarchive.dates.choice`)."""
    if not raw:
        return None
    choice = page.date_choice(field)
    if choice is None or choice.evidence.raw != raw:  # a page class that reads its own date
        return normalise_date(raw, now=page.fetched_at, keep_offset=True) or _unparsed(field, raw, page, warnings)
    if choice.warning(field):
        warnings.append(choice.warning(field))
    return choice.value or _unparsed(field, raw, page, warnings)


def _unparsed(field: str, raw: str, page: ArticlePage, warnings: list[str]) -> None:
    logger.info("unparsable %s date %r on %s", field, raw, page.url)
    warnings.append(f"date_unparsed:{field}")


def body_text(sections: list[dict]) -> str:
    """The body as plain text: each section's heading, then its paragraphs, one per line."""
    lines = []
    for section in sections:
        if section.get("heading"):
            lines.append(section["heading"])
        lines.extend(section.get("paragraphs") or ())
    return "\n".join(lines)


def record_text(lead: str | None, body: str) -> str:
    """The record's plain text: the lead (standfirst), then the body; ``sections`` hold the body only."""
    return f"{lead}\n{body}" if lead and body else lead or body


def _site(url: str) -> str | None:
    try:
        return site_key(url)
    except ValueError:
        return None
