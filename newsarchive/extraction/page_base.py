"""What every article page holds besides its fields: the parsed page, its limits, the values read so far, the
site's selectors (read first, field by field) and the readings that several fields share (index, headline element,
content root, site names).  :class:`~newsarchive.extraction.page.ArticlePage` declares the fields on top of it.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime
from functools import cached_property
from typing import ClassVar
from zoneinfo import ZoneInfo

from newsarchive.dates import ChosenDate, site_zone
from newsarchive.extraction import breadcrumbs, content, headlines, heuristics, title_lines
from newsarchive.extraction.date_context import DateContext
from newsarchive.extraction.date_evidence import chosen_date
from newsarchive.extraction.fields import CONTENT, DATE, declared_fields
from newsarchive.extraction.html import drop_drawings_text
from newsarchive.extraction.index import PageIndex
from newsarchive.extraction.limits import ExtractionLimits
from newsarchive.extraction.metadata import is_site_name, language_tag, strip_site_name, title_parts
from newsarchive.extraction.parsing import header_value
from newsarchive.extraction.selectors import Selection, read_field
from newsarchive.extraction.sourced import HEURISTIC, JSONLD, META, OPENGRAPH, SITE, Sourced
from newsarchive.extraction.structured import StructuredData
from newsarchive.extraction.values import first_text, publisher_names, site_names
from newsarchive.extraction.vocabulary.classes import ICON_FONT_HINTS
from newsarchive.text import reduced_text
from newsarchive.urls import document_base

logger = logging.getLogger(__name__)
# Characters of a headline at most: a title says the story in a line or two (the longest of the reference pages: 168);
# a page's wall of text in its <h1> or its <title> is none.
MAX_HEADLINE_CHARS = 500


class PageBase:
    """A parsed page and what its field methods share; subclasses declare the fields (:mod:`.fields`)."""

    #: ``{field: css selector}`` read before any other layer; ``content`` names the body element.
    selectors: ClassVar[dict[str, str]] = {}
    #: fields whose selector matches only some pages of the site: no fallback is reported for them.
    optional: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, doc, url: str, *, headers: dict | None = None, fetched_at: datetime | None = None,
                 limits: ExtractionLimits | None = None, deadline: float | None = None):
        self.doc = doc
        self.url = url
        self.headers = headers or {}
        self.fetched_at = fetched_at
        self.limits = limits or ExtractionLimits.defaults()
        if deadline is None and self.limits.time_limit > 0:
            deadline = time.monotonic() + self.limits.time_limit
        self.deadline = deadline  # time.monotonic() after which fields are no longer read
        self.index = PageIndex(doc)  # every reader needs it
        for icon in self.index.matching(ICON_FONT_HINTS):
            icon.element.text = None  # an icon font's ligature ("event", "person"): drawn as a picture, never read
        drop_drawings_text(self.index.by_tag["svg"])
        self.data = StructuredData(doc, url, jsonld_max_depth=self.limits.jsonld_max_depth, index=self.index)
        self.notes: dict[str, None] = {}  # warnings about the page's own claims, in order, without repeats
        self.failed: list[str] = []  # fields whose reading failed on this page
        self.left_out: list[str] = []  # fields not read before the deadline
        self._found: dict[str, Sourced | None] = {}
        self._dates: dict[str, ChosenDate | None] = {}
        self._title_texts: dict[str | None, str | None] = {}

    def get(self, field: str) -> Sourced | None:
        """The field's value and its layer, computed once. A field that cannot be read on a hostile page
        (too deep, out of range) or that the deadline leaves out is None: the other fields are kept. The
        headline, which makes the page an article, is read whatever the time."""
        if field not in self._found:
            self._found[field] = self._read(field)
        return self._found[field]

    def _read(self, field: str) -> Sourced | None:
        if field != "headline" and self.deadline is not None and time.monotonic() > self.deadline:
            self.left_out.append(field)
            return None
        try:
            return self._from_site(field) or getattr(self, field)()
        except (RecursionError, OverflowError, ValueError, TypeError, MemoryError) as exc:
            logger.debug("Cannot read the %s of %s: %s: %s", field, self.url, type(exc).__name__, exc, exc_info=True)
            self.failed.append(field)
            return None

    @property
    def problems(self) -> list[str]:
        """Warnings about what this page's extraction left out."""
        problems = [*self.data.problems, *self.notes]
        if self.failed:
            problems.append(f"field_unreadable:{','.join(self.failed)}")
        if self.left_out:
            problems.append(f"extraction_timeout:{','.join(self.left_out)} left out after "
                            f"{self.limits.time_limit:g} s")
        return problems

    def value(self, field: str, default=None):
        found = self.get(field)
        return found.value if found else default

    def _from_site(self, field: str) -> Sourced | None:
        """The field read with the site's selector, cleaned as the field declares; dates are read with the
        rest of the page's date evidence, where the site's date wins too (:meth:`date_choice`)."""
        css = self.selectors.get(field)
        declared = declared_fields(type(self))[field]
        if not css or declared.kind == DATE:
            return None
        value = read_field(self.selection, declared.kind, css)
        if declared.clean:
            value = declared.clean(value)
        return Sourced(value, SITE) if value else None

    def date_choice(self, field: str) -> ChosenDate | None:
        """The ``published`` or ``modified`` date chosen among the page's evidence, the site's selector first."""
        if field not in self._dates:
            self._dates[field] = chosen_date(self, modified=field == "modified")
        return self._dates[field]

    # shared readings ---------------------------------------------------------------------------
    @cached_property
    def selection(self) -> Selection:
        """The elements the site's selectors match on this page, found at once when one is first read."""
        return Selection(self.doc, self.selectors.values())

    @cached_property
    def microdata_headline(self) -> str | None:
        """The page's microdata headline; of several, the longest its ``<title>`` (or a part of it) says (OceanWP's
        page header ``<h1 itemprop="headline">Blog</h1>`` above its post's ``<h2 itemprop="headline">``), else the
        first."""
        values, title = self.data.microdata_values("headline"), self.data.title
        said = {reduced_text(text) for text in (self._title_text(title), *title_parts(title)) if text} - {""}
        saying = [value for value in values if reduced_text(value) in said]
        return max(saying, key=len) if saying else first_text(values)  # (the longest: a part may be a section's name)

    @cached_property
    def headline_element(self):
        data = self.data
        declared = [self._title_text(title) for title in (
            first_text(data.article_value("headline", "name"), numbers=False),
            *data.meta_all("og:title", "twitter:title"), self.microdata_headline)]
        return headlines.headline_element(self.index, [*declared, self._title_text(data.title)], self.site_names,
                                          [self._title_text(part) for part in title_parts(data.title)], declared)

    @cached_property
    def title_element(self):
        """The headline's element; on a page without one, the title typed in bold alone on the first line of its body
        (an old page's layout cell), or the block of its first lines its class names a title (``<p class="titre">``:
        :func:`~.title_lines.title_line`), where the lines after it show its date."""
        found = self.headline_element
        return found if found is not None else title_lines.title_line(self.content_root, self.index)

    def _title_text(self, text: str | None) -> str | None:
        """A title without the site's name around it; None when it is only the site's name, or longer than
        ``MAX_HEADLINE_CHARS`` (a paragraph, not a title; each text read once: the headline element and the headline
        field compare the same titles)."""
        if text not in self._title_texts:
            # (a text twice as long is not cut to a headline's length by its site's name: it is not even read)
            title = strip_site_name(text, self.site_names) if text and len(text) <= 2 * MAX_HEADLINE_CHARS else None
            self._title_texts[text] = None if not title or len(title) > MAX_HEADLINE_CHARS \
                or is_site_name(title, self.site_names) else title
        return self._title_texts[text]

    @cached_property
    def time_zone(self) -> ZoneInfo:
        """The zone the site writes its local times in (:func:`~newsarchive.dates.site_zone`): Paris, unless its
        address's country or the region of a language it declares (``<html lang="fr-CA">``, ``og:locale``, JSON-LD's
        ``inLanguage``, ``Content-Language``) says another."""
        return site_zone(self.url, [tag for _, tag in self.declared_languages])

    @cached_property
    def declared_languages(self) -> list[tuple[str, str]]:
        """``(layer, tag)`` of the languages the page declares, strongest first: JSON-LD's ``inLanguage`` (the
        article's, else the website's), ``og:locale``, ``<html lang>``, a ``<meta>`` (``content-language``,
        ``dc.language``), the HTTP ``Content-Language``: the language field reads their code, the time zone a region."""
        data = self.data
        website = next(iter(data.nodes_of_type("website")), {})
        declared = ((JSONLD, data.article_value("inLanguage") or website.get("inLanguage")),
                    (OPENGRAPH, data.meta_first("og:locale")),
                    (META, self.doc.get("lang") or self.doc.get("xml:lang")),
                    (META, data.meta_first("content-language", "dc.language", "language")),
                    (META, header_value(self.headers, "content-language")))
        return [(layer, tag) for layer, tag in ((layer, language_tag(value)) for layer, value in declared) if tag]

    @cached_property
    def date_context(self) -> DateContext:
        """What the page's published and modified dates share: the elements that may date the page, placed relative
        to the headline, one reference time and the readings of the raw date texts."""
        return DateContext(self)

    @cached_property
    def _content(self) -> Sourced:
        css = self.selectors.get(CONTENT)
        if css:
            root = self.selection.first(css)
            if root is not None:
                return Sourced(root, SITE)
            logger.debug("content selector %r matched nothing on %s", css, self.url)
        return Sourced(content.find_content_root(self.doc, self.headline_element), HEURISTIC)

    @property
    def content_root(self):
        """The element holding the body: the site's ``content`` selector, else the generic detector."""
        return self._content.value

    @property
    def content_source(self) -> str:
        """``site`` when the body was found with the site's ``content`` selector, else ``heuristic``."""
        return self._content.source

    @cached_property
    def article_root(self):
        """The content root widened to the article around it: the smallest element holding both the root
        and an ``<h1>`` (the headline element on a page without one), so that the lead image's caption above the
        text counts, when that is not the whole page; else the root's ``<article>``, else the root."""
        return content.headline_and_body(self.doc, self.content_root, self.headline_element)

    @cached_property
    def tag_scope(self):
        """Where tag links are looked for: the ``<article>``/``<main>`` around the headline, else the page."""
        container = heuristics.article_container(self.headline_element)
        return self.doc if container is None else container

    @cached_property
    def breadcrumb_element(self):
        """The page's breadcrumb element (:func:`.breadcrumbs.breadcrumb_element`), for its labels and the category."""
        return breadcrumbs.breadcrumb_element(self.index, self.headline_element)

    @cached_property
    def own_site_names(self) -> list[str]:
        """The names the site surely gives itself: ``og:site_name``, its JSON-LD WebSite and publisher, its host."""
        return site_names(self.data, self.url)

    @cached_property
    def base_url(self) -> str:
        """The address the page's relative images and links are read against: its ``<base href>``, else its own."""
        base = self.doc.find("head/base[@href]")
        return document_base(self.url, base.get("href") if base is not None else None)

    @cached_property
    def site_names(self) -> list[str]:
        """The site's own names and those of the other organisations its JSON-LD names."""
        return self.own_site_names + publisher_names(self.data)
