"""The article record: the fields of a page class assembled into the dict of docs/architecture.md.

The record's keys are the fields declared on :class:`ArticlePage` (:mod:`.fields`), in their order, each date with
its raw text after it, and the keys the record adds around them (:data:`ADDED_KEYS`); :data:`RECORD_KEYS` lists
them all with their meanings, the table of docs/architecture.md.
"""

from __future__ import annotations

import logging

from newsarchive.dates import in_published_offset, normalise_date, on_published_day, read_date
from newsarchive.extraction.access import page_access
from newsarchive.extraction.agency import wire_agencies
from newsarchive.extraction.errors import NotAnArticle
from newsarchive.extraction.fields import CONTENT, DATE, LIST_KINDS, declared_fields, selectable_names
from newsarchive.extraction.kind import (
    error_reason,
    has_article_signals,
    has_signed_and_dated_headline,
    is_dated_at_an_article_address,
    listing_reason,
)
from newsarchive.extraction.page import ArticlePage
from newsarchive.extraction.sourced import SITE
from newsarchive.text import word_count
from newsarchive.urls import site_key

logger = logging.getLogger(__name__)

#: the fields of every page class, by name, in the record's order
PAGE_FIELDS = declared_fields(ArticlePage)
FIELDS = tuple(PAGE_FIELDS)
LIST_FIELDS = frozenset(name for name, declared in PAGE_FIELDS.items() if declared.kind in LIST_KINDS)
DATE_FIELDS = tuple(name for name, declared in PAGE_FIELDS.items() if declared.kind == DATE)
#: what a site's selectors may name: the selectable fields and ``content``, the element holding the body
SELECTABLE_FIELDS = selectable_names(PAGE_FIELDS)
#: the keys the record adds to the page's fields: ``(key, the key it follows or None for the first, meaning)``
ADDED_KEYS = (
    ("url", None, "URL given"),
    ("site", "canonical_url", "registrable host, e.g. `onemedia.fr`"),
    ("title", "headline", "the headline again, kept for tools that expect it"),
    *((f"{name}_raw", name, "raw text/attribute the date came from") for name in DATE_FIELDS),
    ("word_count", "image_url", "words in the body (sections)"),
    ("access", "word_count", "`free`, `subscribers` or `unknown`: JSON-LD `isAccessibleForFree` (article, "
     "`hasPart`), `article:content_tier`, French paywall wording in the article (newsarchive/extraction/access.py)"),
    ("truncated", "access", "true when the body kept is a teaser: the paid part (`hasPart` `cssSelector`) is "
     "missing from the page, the page says the rest is for subscribers (« Il vous reste 68 % de cet article à "
     "lire »), or the declared `wordCount` is well above the words kept"),
    ("access_signals", "truncated", "list of what decided `access` and `truncated`, e.g. "
     "`jsonld:isAccessibleForFree=false`, `meta:content_tier=locked`, `cut_wording`, `paywall_box`, "
     "`jsonld:wordCount=840>kept=73`"),
    ("agencies", "access_signals", "news agencies the text comes from, as the page states it (`PARIS (AFP) -`, "
     "`avec AFP`, an author or credit `AFP`, `© AFP`), one name each (`Agence France-Presse` is `AFP`); photo "
     "credits do not count"),
    ("text", "agencies", "plain text: the lead, then the body (headings and paragraphs), joined by newlines"),
    ("sources", "text", "`{field: layer}` with layer one of `site`, `jsonld`, `opengraph`, `meta`, `heuristic`"),
    ("fallbacks", "sources", "fields the page class has a site selector for (not marked optional) that the "
     "selector did not find: another layer supplied them, or none did (a theme change shows here)"),
    ("warnings", "fallbacks", "list of short codes, e.g. `date_unparsed:published`; `date_conflict:published: …` "
     "also names both conflicting raw dates"),
)


def _record_keys() -> dict[str, str]:
    """Every key of the record and its meaning, in the record's order."""
    keys = list(PAGE_FIELDS)
    meanings = {name: declared.meaning for name, declared in PAGE_FIELDS.items()}
    for key, after, meaning in ADDED_KEYS:
        keys.insert(keys.index(after) + 1 if after else 0, key)
        meanings[key] = meaning
    return {key: meanings[key] for key in keys}


#: ``{key: meaning}`` of every key of the record, in order (the record table of docs/architecture.md)
RECORD_KEYS = _record_keys()


def build_record(page: ArticlePage) -> dict:
    """Every field of the page, normalised; raises NotAnArticle for pages that are not articles."""
    if not page.value("headline"):
        raise NotAnArticle("no headline")
    found = {name: page.get(name) for name in FIELDS}
    values = {name: sourced.value if sourced else PAGE_FIELDS[name].empty for name, sourced in found.items()}
    body = body_text(values["sections"])
    words = word_count(body)
    if not page.left_out:  # a page cut short by the time limit is kept with what could be read
        _check_body(page, values["sections"], words)
    warnings: list[str] = []
    access = page_access(page, words)
    record = {**values, "url": page.url, "site": _site(page.url), "title": values["headline"]}
    for name in DATE_FIELDS:
        record[name], record[f"{name}_raw"] = _normalised_date(name, values[name], page, warnings), values[name]
    record.update(
        word_count=words, access=access.access, truncated=access.truncated, access_signals=access.signals,
        agencies=wire_agencies(page, values), text=record_text(values["lead"], body),
        sources={name: sourced.source for name, sourced in found.items() if sourced},
        fallbacks=fallbacks(page, found), warnings=warnings + page.problems,
    )
    return {key: record[key] for key in RECORD_KEYS}


def _check_body(page: ArticlePage, sections: list[dict], word_count: int) -> None:
    reason = error_reason(page, word_count) or listing_reason(page, word_count)
    if reason:
        raise NotAnArticle(reason)
    if not sections and not (has_article_signals(page) or has_signed_and_dated_headline(page)
                             or is_dated_at_an_article_address(page)):
        raise NotAnArticle("no body text and no article metadata")


def fallbacks(page: ArticlePage, found: dict) -> list[str]:
    """The fields that the site class has a (non-optional) selector for that the selector did not find (another
    layer supplied them, or none did): the sign of a theme change. The ``content`` selector stands for ``sections``."""
    missed = [
        field for field in FIELDS
        if field in page.selectors and field not in page.optional
        and not (found[field] and found[field].source == SITE)
    ]
    if CONTENT in page.selectors and page.content_source != SITE:
        missed.append("sections")
    return missed


def _normalised_date(field: str, raw: str | None, page: ArticlePage, warnings: list[str]) -> str | None:
    """The ISO 8601 value of the page's ``field`` date; a warning when its raw text is no date (a time of day alone,
    an unknown form) or when the page's evidence disagrees (see :mod:`newsarchive.dates.choice`)."""
    if not raw:
        return None
    if page.fetched_at is None and _hangs_on_now(raw, page):
        warnings.append(f"date_read_against_now:{field}")
    choice = page.date_choice(field)
    if field == "modified" and choice is not None:  # on the published date's day (a page read after the day it shows)
        published = page.date_choice("published")
        choice = in_published_offset(on_published_day(choice, published, page.date_context.readings), published,
                                     page.time_zone)
    if choice is None or choice.evidence.raw != raw:  # a page class that reads its own date
        return normalise_date(raw, now=page.fetched_at, keep_offset=True, tz=page.time_zone) \
            or _unparsed(field, raw, page, warnings)
    if choice.warning(field):
        warnings.append(choice.warning(field))
    return choice.value or _unparsed(field, raw, page, warnings)


def _hangs_on_now(raw: str, page: ArticlePage) -> bool:
    """Whether a date text is read against the reference time (``il y a 3 heures``, ``hier``, a day without its year):
    without a fetch time, the time of the extraction, which may be long after the page was fetched (a saved page)."""
    readings = page.date_context.readings  # (the chosen evidence's text was read there, a text read as no date too)
    reading = readings[raw] if raw in readings else read_date(raw, tz=page.time_zone)
    return reading is not None and reading.relative


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
