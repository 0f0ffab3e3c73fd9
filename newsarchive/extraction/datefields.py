"""The candidate dates of a page, in layer order, for :func:`~newsarchive.extraction.fields.pick_date`.

Candidates are compared in Paris time. The record then writes the chosen date with
``normalise_date(raw, keep_offset=True)`` (see :mod:`newsarchive.dates`): a time the page gives with an explicit
non-zero offset keeps it, and the calendar day the page states; UTC values (``Z``, ``+00:00``, as WordPress and
many CMSs store them), named zones and times without an offset are written in Paris time, the time of a French
newsroom — unless another candidate gives the same moment with the page's own offset (see ``pick_date``).
"""

from __future__ import annotations

import re

from newsarchive.dates import split_published_modified
from newsarchive.extraction import heuristics
from newsarchive.extraction.fields import HEURISTIC, JSONLD, META, OPENGRAPH, SITE
from newsarchive.extraction.selectors import read_field
from newsarchive.extraction.values import first_text

PUBLISHED_META = (
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
    "date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "article.published", "datecreated", "og:pubdate",
)
MODIFIED_META = (
    "datemodified", "dc.date.modified", "dcterms.modified", "last-modified", "lastmod", "revised",
    "article.updated", "parsely-updated",
)
_MAX_TIME_ELEMENTS = 3
_BARE_TIME = re.compile(r"(?:[01]?\d|2[0-3])\s*(?:[:h]\s*[0-5]\d)(?::[0-5]\d)?(?:\s*[ap]\.?m\.?)?", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?:19[9]\d|20\d\d)(?!\d)")


def date_candidates(page, modified: bool):
    """``(layer, raw date)`` pairs for the published (or modified) date of ``page``, lazily, in layer order:
    the site's selector, JSON-LD, ``article:*``, ``<meta>``/Dublin Core, microdata, ``<time>`` elements,
    then the visible dates near the headline (``Publié le … Mis à jour le …``)."""
    field = "modified" if modified else "published"
    if page.selectors.get(field):
        yield SITE, read_field(page.doc, field, page.selectors[field])
    yield from (_modified_metadata if modified else _published_metadata)(page.data)
    for raw in heuristics.time_values(page.index, modified)[:_MAX_TIME_ELEMENTS]:
        yield HEURISTIC, raw
    scope = heuristics.article_scope(page.doc, page.headline_element)
    for text in heuristics.date_block_texts(page.index, scope):
        yield HEURISTIC, visible_date(text, modified)


def visible_date(text: str, modified: bool) -> str | None:
    """The published (or modified) part of a visible date text; None for a bare time next to a year
    (``15 августа 2016, 13:43``): the day is written in a form that is not read, and the time alone
    would be dated today."""
    part = split_published_modified(text)[1 if modified else 0]
    if part and _BARE_TIME.fullmatch(part) and _YEAR.search(text):
        return None
    return part


def _published_metadata(data):
    yield JSONLD, data.article_value("datePublished", "dateCreated", "uploadDate")
    yield OPENGRAPH, data.meta_first("article:published_time", "og:published_time", "article:published")
    yield META, data.meta_first(*PUBLISHED_META)
    yield META, first_text(data.microdata_values("datePublished"))


def _modified_metadata(data):
    yield JSONLD, data.article_value("dateModified")
    yield OPENGRAPH, data.meta_first("article:modified_time", "og:updated_time", "article:modified")
    yield META, data.meta_first(*MODIFIED_META)
    yield META, first_text(data.microdata_values("dateModified"))
