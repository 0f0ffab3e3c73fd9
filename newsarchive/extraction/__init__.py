"""Pure extraction of article records from HTML pages (no Scrapy import).

:func:`extract_article` decodes and parses a page once, reads it with the page class it is given (the
generic :class:`~newsarchive.extraction.page.ArticlePage` by default; a site's own comes from
:func:`newsarchive.sites.registry.page_class_for`) and returns the article record described in
docs/architecture.md.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime

from newsarchive.extraction.collector import collection_paused
from newsarchive.extraction.errors import NotAnArticle
from newsarchive.extraction.limits import ExtractionLimits
from newsarchive.extraction.page import ArticlePage
from newsarchive.extraction.parsing import EmptyDocument, page_bytes, parse_html, parse_page
from newsarchive.extraction.record import FIELDS, body_text, build_record, record_text

__all__ = [
    "FIELDS",
    "ArticlePage",
    "ExtractionLimits",
    "NotAnArticle",
    "body_text",
    "extract_article",
    "page_bytes",
    "parse_fetch_time",
    "parse_html",
    "parse_page",
    "record_text",
]

logger = logging.getLogger(__name__)


def extract_article(
    body: bytes | str,
    url: str,
    *,
    headers: dict | None = None,
    fetched_at: datetime | str | None = None,
    page_class: type[ArticlePage] = ArticlePage,
    limits: ExtractionLimits | None = None,
) -> dict:
    """The article record of one page; raises :class:`NotAnArticle` for pages that are not articles.

    ``headers`` are the HTTP response headers (for the charset and ``Content-Language``);
    ``fetched_at`` (ISO 8601 text or datetime; naive means UTC) resolves relative dates
    such as ``il y a 3 heures`` (without it, they are read against the current time, and the record's ``warnings``
    say so: ``date_read_against_now:published``). Raises ValueError for a ``fetched_at`` text that is not a date.
    ``page_class`` reads the page: a site's own (see :func:`newsarchive.sites.registry.page_class_for`)
    or the generic :class:`ArticlePage`. ``limits`` bound the work on a hostile page (default: the
    settings' defaults, see :mod:`newsarchive.extraction.limits`): the time limit counts from here. The cyclic
    garbage collector is held off while the page is read (:mod:`newsarchive.extraction.collector`).
    """
    limits = limits or ExtractionLimits.defaults()
    deadline = time.monotonic() + limits.time_limit if limits.time_limit > 0 else None
    fetch_time = parse_fetch_time(fetched_at)
    try:
        doc = parse_page(body, headers)
    except EmptyDocument as exc:
        raise NotAnArticle(str(exc)) from exc
    logger.debug("extracting %s with %s", url, page_class.__name__)
    with collection_paused():  # the page's objects make no cycle, and are freed inside the block (no name holds them)
        return build_record(page_class(doc, url, headers=headers, fetched_at=fetch_time, limits=limits,
                                       deadline=deadline))


def parse_fetch_time(value: datetime | str | None) -> datetime | None:
    """An aware datetime from an ISO 8601 string or datetime (naive values are UTC)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"fetched_at is not an ISO 8601 date: {value!r}") from None
    if not isinstance(value, datetime):
        raise TypeError(f"fetched_at must be a datetime or ISO 8601 text, not {type(value).__name__}")
    return value if value.tzinfo else value.replace(tzinfo=UTC)
