"""The generic article page: one small method per field, each trying its layers in order.

Layers, first match wins: the site's CSS selectors (``selectors`` of a site class), then the page's
structured data (JSON-LD, OpenGraph / ``article:*``, ``<meta>`` / Dublin Core, microdata), then generic
heuristics on the visible page. Every field method returns a :class:`Sourced` value naming the layer
that supplied it (microdata counts as ``meta``), or None. Site classes set ``selectors`` and override
only the methods whose generic reading does not fit the site.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime
from functools import cached_property
from typing import ClassVar
from urllib.parse import urljoin, urlsplit

from newsarchive.extraction import content, heuristics, taxonomy
from newsarchive.extraction.authors import (
    clean_authors,
    names_from_byline,
    signature_names,
)
from newsarchive.extraction.copyright import copyright_line
from newsarchive.dates import ChosenDate, choose_date
from newsarchive.dates.lastresort import htmldate_evidence
from newsarchive.extraction.date_evidence import Surroundings, date_evidence
from newsarchive.extraction.fields import (
    HEURISTIC,
    JSONLD,
    META,
    OPENGRAPH,
    SITE,
    Sourced,
    first_found,
    most_agreed,
)
from newsarchive.extraction.html import element_text, header_value
from newsarchive.extraction.index import PageIndex
from newsarchive.extraction.limits import ExtractionLimits
from newsarchive.extraction.lead import lead_text
from newsarchive.extraction.metadata import (
    clean_tags,
    is_site_name,
    language_code,
    split_keywords,
    strip_site_name,
    title_parts,
)
from newsarchive.extraction.selectors import read_field
from newsarchive.extraction.structured import StructuredData
from newsarchive.extraction.tags import page_tags
from newsarchive.extraction.values import (
    breadcrumb_names,
    breadcrumb_parent,
    descriptions_of,
    first_text,
    image_url_of,
    jsonld_author_names,
    prefer_visible_headline,
    publisher_names,
    site_names,
)
from newsarchive.urls import canonicalize_url, is_variant_of, same_site

logger = logging.getLogger(__name__)


class ArticlePage:
    """An article page of any site; subclasses describe one site."""

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
        self.data = StructuredData(doc, url, jsonld_max_depth=self.limits.jsonld_max_depth)
        self.notes: dict[str, None] = {}  # warnings about the page's own claims, in order, without repeats
        self.failed: list[str] = []  # fields whose reading failed on this page
        self.left_out: list[str] = []  # fields not read before the deadline
        self._found: dict[str, Sourced | None] = {}

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
        css = self.selectors.get(field)
        if not css or field in _DATE_FIELDS:
            return None  # a site's date is the first evidence of the date fields (see date_evidence)
        value = read_field(self.doc, field, css)
        if field == "authors":
            value = clean_authors(value)
        elif field == "tags":
            value = clean_tags(value)
        return Sourced(value, SITE) if value else None

    # shared readings ---------------------------------------------------------------------------
    @cached_property
    def index(self) -> PageIndex:
        return PageIndex(self.doc)

    @cached_property
    def headline_element(self):
        data = self.data
        titles = [first_text(data.article_value("headline", "name"), numbers=False),
                  *data.meta_all("og:title", "twitter:title"),
                  first_text(data.microdata_values("headline")), *title_parts(data.title)]
        return heuristics.headline_element(self.index, [self._title_text(title) for title in titles])

    @cached_property
    def date_surroundings(self) -> Surroundings:
        """Where the page's dates lie relative to the headline, read once for the published and modified dates."""
        return Surroundings(self)

    @cached_property
    def _content(self) -> Sourced:
        if self.selectors.get("content"):
            root = read_field(self.doc, "content", self.selectors["content"])
            if root is not None:
                return Sourced(root, SITE)
            logger.debug("content selector %r matched nothing on %s", self.selectors["content"], self.url)
        return Sourced(content.find_content_root(self.doc), HEURISTIC)

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
        and an ``<h1>`` (so that the lead image's caption above the text counts), when that is not the
        whole page; else the root's ``<article>``, else the root."""
        return content.article_scope(self.doc, self.content_root)

    @cached_property
    def tag_scope(self):
        """Where tag links are looked for: the ``<article>``/``<main>`` around the headline, else the page."""
        container = heuristics.article_container(self.headline_element)
        return self.doc if container is None else container

    @cached_property
    def own_site_names(self) -> list[str]:
        """The names the site surely gives itself: ``og:site_name``, its JSON-LD WebSite and publisher, its host."""
        return site_names(self.data, self.url)

    @cached_property
    def site_names(self) -> list[str]:
        """The site's own names and those of the other organisations its JSON-LD names."""
        return self.own_site_names + publisher_names(self.data)

    # fields ------------------------------------------------------------------------------------
    def headline(self) -> Sourced | None:
        """The headline most of JSON-LD, ``og:title`` and the ``<h1>`` agree on; else other ``<meta>``, ``<title>``.
        The site's own name (a ``<title>`` with nothing else) is no headline."""
        data = self.data
        visible = self._title_text(element_text(self.headline_element))
        found = most_agreed([
            (JSONLD, self._title_text(first_text(data.article_value("headline", "name"), numbers=False))),
            (OPENGRAPH, self._title_text(data.meta_first("og:title"))),
            (HEURISTIC, visible),
        ])
        if found and found.source != HEURISTIC and prefer_visible_headline(found.value, visible) != found.value:
            return Sourced(visible, HEURISTIC)
        return found or first_found(
            (META, lambda: self._title_text(data.meta_first("twitter:title", "dc.title", "dcterms.title", "title"))),
            (META, lambda: self._title_text(first_text(data.microdata_values("headline")))),
            (META, lambda: self._title_text(data.title)),
        )

    def _title_text(self, text: str | None) -> str | None:
        """A title without the site's name around it; None when it is only the site's name."""
        title = strip_site_name(text, self.site_names)
        return None if not title or is_site_name(title, self.site_names) else title

    def authors(self) -> Sourced | None:
        """The first layer naming someone other than the site itself; the site's name as a last resort."""
        data = self.data
        layers = (
            (JSONLD, lambda: clean_authors(jsonld_author_names(data), structured=True)),
            (OPENGRAPH, lambda: clean_authors(data.meta_all("article:author"))),
            (META, lambda: clean_authors(data.meta_all(
                *_AUTHOR_META), structured=True)),
            (META, lambda: clean_authors(data.microdata_values("author"))),
            (HEURISTIC, lambda: clean_authors(heuristics.rel_author_names(self.index))),
            (HEURISTIC, lambda: names_from_byline(self.value("byline"))),
            (HEURISTIC, lambda: signature_names(self.value("sections", []))),
        )
        site_only = None
        for layer, read in layers:
            names = read()
            people = [name for name in names if not is_site_name(name, self.site_names)]
            if people:
                return Sourced(people, layer)
            site_only = site_only or (Sourced(names, layer) if names else None)
        return site_only

    def byline(self) -> Sourced | None:
        text = heuristics.byline_text(self.index, self.headline_element)
        return Sourced(text, HEURISTIC) if text else None

    def published(self) -> Sourced | None:
        return _raw_date(self.date_choice("published"))

    def modified(self) -> Sourced | None:
        return _raw_date(self.date_choice("modified"))

    def date_choice(self, field: str) -> ChosenDate | None:
        """The published or modified date chosen among the page's evidence (see :mod:`newsarchive.dates.choice`)."""
        key = f"date:{field}"
        if key not in self._found:
            modified = field == "modified"
            last_resort = None if modified else lambda: htmldate_evidence(self.doc, self.url, self.fetched_at, HEURISTIC)
            self._found[key] = choose_date(date_evidence(self, modified), now=self.fetched_at, last_resort=last_resort)
        return self._found[key]

    def category(self) -> Sourced | None:
        data = self.data
        return first_found(
            (JSONLD, lambda: first_text(split_keywords(data.article_value("articleSection")))),
            (OPENGRAPH, lambda: data.meta_first("article:section")),
            (META, lambda: data.meta_first("section", "category", "article-section", "parsely-section")),
            (HEURISTIC, lambda: taxonomy.category_link_text(self.index)),
            (HEURISTIC, self._category_from_breadcrumb),
        )

    def _category_from_breadcrumb(self) -> str | None:
        return breadcrumb_parent(self.data, self.url) or taxonomy.breadcrumb_parent(
            taxonomy.breadcrumb_element(self.index), self.url
        )

    def breadcrumb(self) -> Sourced | None:
        return first_found(
            (JSONLD, lambda: breadcrumb_names(self.data)),
            (HEURISTIC, lambda: taxonomy.breadcrumb_from(taxonomy.breadcrumb_element(self.index))),
        )

    def lead(self) -> Sourced | None:
        descriptions = descriptions_of(self.data)
        text = lead_text(self.index, self.article_root, self.headline_element, self.content_root, descriptions)
        return Sourced(text, HEURISTIC) if text else None

    def sections(self) -> Sourced | None:
        if self.content_root is None:
            return None
        skip = {text for text in (self.value("headline"), self.value("lead"), self.value("byline")) if text}
        found = content.sections_from(self.content_root, base_url=self.url, skip_texts=skip)
        return Sourced(found, self.content_source) if found else None

    def captions(self) -> Sourced | None:
        if self.content_root is None:
            return None
        found = content.captions_from(self.article_root, base_url=self.url, candidates=self.index.media)
        return Sourced(found, self.content_source) if found else None

    def tags(self) -> Sourced | None:
        """The visible tag list, the structured keywords or the links to tag pages (see :mod:`.tags`)."""
        chosen = page_tags(self.index, self.tag_scope, self.data, self.own_site_names)
        return Sourced(chosen[1], chosen[0]) if chosen else None

    def copyright(self) -> Sourced | None:
        data = self.data
        return first_found(
            (JSONLD, lambda: first_text(data.article_value("copyrightNotice"))),
            (META, lambda: data.meta_first("copyright", "dc.rights", "dcterms.rights", "rights")),
            (HEURISTIC, lambda: copyright_line(self.index)),
        )

    def language(self) -> Sourced | None:
        data = self.data
        website = next(iter(data.nodes_of_type("website")), {})
        return first_found(
            (JSONLD, lambda: language_code(data.article_value("inLanguage") or website.get("inLanguage"))),
            (OPENGRAPH, lambda: language_code(data.meta_first("og:locale"))),
            (META, lambda: language_code(self.doc.get("lang") or self.doc.get("xml:lang"))),
            (META, lambda: language_code(data.meta_first("content-language", "dc.language", "language"))),
            (META, lambda: language_code(header_value(self.headers, "content-language"))),
        )

    def canonical_url(self) -> Sourced | None:
        """The page's canonical URL when it names the page itself or a variant of its URL (the URL it was
        read at, redirects followed); a claim to another page is refused with a warning, and the page
        keeps its own URL: a page never takes the place of another article."""
        data = self.data
        return first_found(
            (META, lambda: self._claimable_url(data.links.get("canonical", [None])[0])),
            (OPENGRAPH, lambda: self._claimable_url(data.meta_first("og:url"))),
        ) or Sourced(_canonical_or_given(self.url), HEURISTIC)

    def _claimable_url(self, href: str | None) -> str | None:
        url = self._same_site_url(href)
        if url is None or is_variant_of(url, self.url):
            return url
        self.notes[f"canonical_refused:{url} is another page than {self.url}"] = None
        return None

    def _same_site_url(self, href: str | None) -> str | None:
        if not href:
            return None
        absolute = urljoin(self.url, href.strip())
        if not same_site(absolute, self.url):
            return None
        if urlsplit(absolute).path in ("", "/") and urlsplit(self.url).path not in ("", "/"):
            return None  # a canonical pointing at the home page is a template mistake
        return _canonical_or_given(absolute)

    def image_url(self) -> Sourced | None:
        data = self.data
        found = first_found(
            (JSONLD, lambda: image_url_of(data, data.article_value("image", "thumbnailUrl"))),
            (OPENGRAPH, lambda: data.meta_first("og:image:secure_url", "og:image", "og:image:url")),
            (META, lambda: data.meta_first("twitter:image", "twitter:image:src", "thumbnail")),
            (META, lambda: data.links.get("image_src", [None])[0]),
            (HEURISTIC, lambda: heuristics.first_image(self.article_root)),
        )
        return Sourced(urljoin(self.url, found.value), found.source) if found else None

_AUTHOR_META = ("author", "dc.creator", "dcterms.creator", "byl", "parsely-author", "sailthru.author")
_DATE_FIELDS = frozenset({"published", "modified"})


def _raw_date(choice: ChosenDate | None) -> Sourced | None:
    return Sourced(choice.evidence.raw, choice.evidence.layer) if choice else None


def _canonical_or_given(url: str) -> str:
    try:
        return canonicalize_url(url)
    except ValueError:
        return url
