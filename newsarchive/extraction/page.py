"""The generic article page: the record's fields, one small method each, each trying its layers in order.

Layers, first match wins: the site's CSS selectors (``selectors`` of a site class), then the page's
structured data (JSON-LD, OpenGraph / ``article:*``, ``<meta>`` / Dublin Core, microdata), then generic
heuristics on the visible page. Every field method returns a :class:`Sourced` value naming the layer
that supplied it (microdata counts as ``meta``), or None. ``@field`` declares each field once, with its kind and
meaning (:mod:`.fields`). Site classes set ``selectors`` and override only the methods whose generic reading does
not fit the site; what the fields share is read by :class:`~newsarchive.extraction.page_base.PageBase`.
"""

from __future__ import annotations

from functools import cached_property
from urllib.parse import urljoin

from newsarchive.dates import ChosenDate
from newsarchive.extraction import author_links, breadcrumbs, bylines, content, headlines, heuristics, taxonomy
from newsarchive.extraction.agency import agency_name
from newsarchive.extraction.authors import clean_authors, fuller_names, names_from_byline
from newsarchive.extraction.canonical import canonical_or_given, same_site_url
from newsarchive.extraction.category_evidence import CategoryEvidence
from newsarchive.extraction.copyright import copyright_line, says_more
from newsarchive.extraction.fields import BLOCKS, DATE, NAMES, TEXT, TRAIL, URL, field
from newsarchive.extraction.html import element_text, is_inside
from newsarchive.extraction.lead import lead_text
from newsarchive.extraction.metadata import (
    clean_tags,
    headline_part,
    is_headline_with_trail,
    is_site_edition,
    is_site_name,
    language_code,
    without_site_name,
)
from newsarchive.extraction.page_base import PageBase
from newsarchive.extraction.signatures import as_set_in_bold, signature_names, without_author_box, without_signature
from newsarchive.extraction.sourced import HEURISTIC, JSONLD, META, OPENGRAPH, Sourced, first_found, most_agreed
from newsarchive.extraction.tags import page_tags
from newsarchive.extraction.text_language import text_language, written_in_french
from newsarchive.extraction.title_lines import classed_title
from newsarchive.extraction.values import (
    breadcrumb_names,
    descriptions_of,
    first_text,
    image_url_of,
    jsonld_author_names,
    meta_author_values,
    own_image,
    prefer_visible_headline,
)
from newsarchive.text import clean_text
from newsarchive.urls import may_be_canonical_of


class ArticlePage(CategoryEvidence, PageBase):
    """An article page of any site; subclasses describe one site. The fields in the record's order."""

    # fields ------------------------------------------------------------------------------------
    @field(URL, "canonical URL (rel=canonical / og:url when it names this page, else the canonicalised URL)")
    def canonical_url(self) -> Sourced | None:
        """The page's canonical URL when it names the page itself or a variant of its URL (the URL it was
        read at, redirects followed); a claim to another page is refused with a warning, and the page
        keeps its own URL: a page never takes the place of another article."""
        data = self.data
        return first_found(
            (META, lambda: self._claimable_url(data.links.get("canonical", [None])[0])),
            (OPENGRAPH, lambda: self._claimable_url(data.meta_first("og:url"))),
        ) or Sourced(canonical_or_given(self.url), HEURISTIC)

    def _claimable_url(self, href: str | None) -> str | None:
        url = same_site_url(href, self.url)
        if url is None or may_be_canonical_of(url, self.url):
            return url
        self.notes[f"canonical_refused:{url} is another page than {self.url}"] = None
        return None

    @field(TEXT, "headline")
    def headline(self) -> Sourced | None:
        """The headline most of JSON-LD, ``og:title`` and the ``<h1>`` agree on; else other ``<meta>``; else, without
        a headline element, the block its class names a title atop the body (:func:`~.title_lines.classed_title`:
        the ``<title>`` is often only the site's or section's name there); else the ``<title>`` (the site's own name
        is none); else, without a headline element, the first ``<h2>``/``<h3>`` before the body; at last, the first
        line in bold alone of the body of a page without headings (:attr:`title_element`)."""
        data = self.data
        visible = self._title_text(headlines.headline_text(self.headline_element, self.url))
        found = most_agreed([
            (JSONLD, self._title_text(first_text(data.article_value("headline", "name"), numbers=False))),
            (OPENGRAPH, self._title_text(data.meta_first("og:title"))),
            (HEURISTIC, visible),
        ])
        if _visible_wins(found, visible):
            return Sourced(visible, HEURISTIC)
        return found or first_found(
            (META, lambda: self._title_text(data.meta_first("twitter:title", "dc.title", "dcterms.title", "title"))),
            (META, lambda: self._title_text(self.microdata_headline)),
            (HEURISTIC, lambda: self._title_text(element_text(classed_title(self.content_root, self.index)))
             if self.headline_element is None else None),
            (META, lambda: self._title_text(headline_part(self._title_text(data.title)))),
            (HEURISTIC, lambda: self._title_text(element_text(headlines.first_heading(self.index, self.content_root)))
             if self.headline_element is None and clean_text(data.title) else None),
            (HEURISTIC, lambda: self._title_text(element_text(self.title_element))
             if self.headline_element is None else None),
        )

    @field(NAMES, "list of names", clean=clean_authors)
    def authors(self) -> Sourced | None:
        """The first layer naming someone other than the site itself, unless the visible byline names them all and
        more, or names people where the layer names a newsroom (:func:`~.authors.fuller_names`); the site's name as
        a last resort. A news agency is an author, not the site, unless the site is the agency's own."""
        data = self.data
        layers = (
            (JSONLD, lambda: clean_authors(jsonld_author_names(data), structured=True)),
            (OPENGRAPH, lambda: clean_authors(data.meta_all("article:author"))),
            (META, lambda: clean_authors(meta_author_values(data), structured=True)),
            (META, lambda: clean_authors(data.microdata_values("author"))),
            (HEURISTIC, lambda: clean_authors(author_links.rel_author_names(self.index))),
            (HEURISTIC, lambda: clean_authors(author_links.author_page_names(self.index, self.headline_element,
                                                                           self.content_root))),
            (HEURISTIC, lambda: self._byline_names),
            (HEURISTIC, lambda: signature_names(self._sections_without(self.value("lead")), self.content_root)),
        )
        site_only = None
        for layer, read in layers:
            names = read()
            people = [name for name in names if not self._names_the_site(name)]
            if people:
                shown = [name for name in self._byline_names if not self._names_the_site(name)]
                return Sourced(shown, HEURISTIC) if fuller_names(shown, people) else Sourced(people, layer)
            site_only = site_only or (Sourced(names, layer) if names else None)
        return site_only

    @cached_property
    def _byline_names(self) -> list[str]:
        """The visible byline's names (as the page sets them in bold), read once: an authors' layer, and a check."""
        names = as_set_in_bold(names_from_byline(self.value("byline")), self.article_root)
        return [without_site_name(name, self.site_names) for name in names]

    def _names_the_site(self, name: str) -> bool:
        """Whether a name is the site's or one of its editions' (``France Bleu Isère``), or another organisation's its
        JSON-LD names; a news agency named there is an author (``Par Léa Roy avec AFP``), unless it is the site's."""
        if is_site_name(name, self.own_site_names) or is_site_edition(name, self.own_site_names):
            return True
        return agency_name(name) is None and is_site_name(name, self.site_names)

    @field(TEXT, "raw byline text (`by Sara`) or None")
    def byline(self) -> Sourced | None:
        text = bylines.byline_text(self.index, self.headline_element, self.content_root)
        return Sourced(text, HEURISTIC) if text else None

    @field(DATE, "publication date: ISO 8601 with offset, or None")
    def published(self) -> Sourced | None:
        return _raw_date(self.date_choice("published"))

    @field(DATE, "last modification date: ISO 8601 with offset, or None")
    def modified(self) -> Sourced | None:
        return _raw_date(self.date_choice("modified"))

    @field(TEXT, "main category label")
    def category(self) -> Sourced | None:
        data = self.data
        return first_found(
            (JSONLD, self._declared_section),
            (OPENGRAPH, lambda: taxonomy.named_section(data.meta_first("article:section"))),
            (META, lambda: taxonomy.named_section(data.meta_first(*taxonomy.SECTION_META))),
            (META, lambda: taxonomy.named_section(first_text(data.microdata_values("articleSection")))),
            (HEURISTIC, lambda: taxonomy.category_link_text(self.index)),
            (HEURISTIC, self._article_category),
            (HEURISTIC, self._category_from_breadcrumb),
            (HEURISTIC, self._section_link_text),
            (HEURISTIC, lambda: taxonomy.named_section(taxonomy.menu_section_text(self.index.by_tag["a"],
                                                                                  self.url))),
        )

    @field(TRAIL, 'list of labels, e.g. `["Home", "Actualité", "<title>"]`')
    def breadcrumb(self) -> Sourced | None:
        return first_found(
            (JSONLD, lambda: breadcrumb_names(self.data)),
            (HEURISTIC, lambda: breadcrumbs.breadcrumb_from(self.breadcrumb_element)),
        )

    @field(TEXT, "standfirst or None")
    def lead(self) -> Sourced | None:
        descriptions = descriptions_of(self.data)
        text = lead_text(self.index, self.article_root, self.headline_element, self.content_root, descriptions)
        if text and self.content_root is not None and not self._sections_without(text):
            return None  # the page's whole text (a podcast's or a video's description): its body, no standfirst
        return Sourced(text, HEURISTIC) if text else None

    @field(BLOCKS, '`[{"heading": str or None, "level": int or None, "paragraphs": [str]}]`')
    def sections(self) -> Sourced | None:
        if self.content_root is None:
            return None
        found = without_signature(self._sections_without(self.value("lead")))  # (the authors' read it first)
        found = without_author_box(found, self.value("authors") or [])
        return Sourced(found, self.content_source) if found else None

    @cached_property
    def _sections_read(self) -> dict[str | None, list[dict]]:
        return {}

    def _sections_without(self, lead: str | None) -> list[dict]:
        """The body's sections without the headline, the byline and ``lead``, read once for each ``lead``."""
        if lead not in self._sections_read:
            skip = {text for text in (self.value("headline"), lead, self.value("byline")) if text}
            self._sections_read[lead] = content.sections_from(self.content_root, base_url=self.base_url,
                                                              skip_texts=skip)
        return self._sections_read[lead]

    @field(BLOCKS, '`[{"text": str, "image_url": str or None, "credit": str or None, "position": int}]`')
    def captions(self) -> Sourced | None:
        """The captions of the region the article's image is looked for in (:meth:`_article_scope`: the featured
        image's caption above the headline, Sahifa's, is the article's)."""
        region = self._article_scope()
        if region is None:
            return None
        found = content.captions_from(region, base_url=self.base_url, candidates=self.index.media)
        return Sourced(found, self.content_source) if found else None  # (heuristic without a content root)

    @field(NAMES, "list of str", clean=clean_tags)
    def tags(self) -> Sourced | None:
        """The visible tag list, the structured keywords or the links to tag pages (see :mod:`.tags`)."""
        chosen = page_tags(self.index, self.tag_scope, self.data, self.own_site_names, self.url)
        return Sourced(chosen[1], chosen[0]) if chosen else None

    @field(TEXT, "copyright line of the page (or its licence's: `Licence CC BY-SA 4.0`), without the footer's menu and "
                 "the credit of the agency that made the site (`Site réalisé par WebAgence © 2024` is the agency's), "
                 "or None")
    def copyright(self) -> Sourced | None:
        data = self.data
        declared = first_found(
            (JSONLD, lambda: first_text(data.article_value("copyrightNotice"))),
            (META, lambda: data.meta_first("copyright", "dc.rights", "dcterms.rights", "rights")),
        )
        line = copyright_line(self.index)
        return Sourced(line, HEURISTIC) if line and says_more(line, declared and declared.value) else declared

    @field(TEXT, "language code, e.g. `fr`: the page's own, else its text's (or French where the page says another "
                 "and its text is French), told by a classifier (`heuristic`)")
    def language(self) -> Sourced | None:
        codes = ((layer, language_code(tag)) for layer, tag in self.declared_languages)
        declared = next((Sourced(code, layer) for layer, code in codes if code), None)
        if declared is None:
            found = text_language(self._paragraphs())
            return Sourced(found, HEURISTIC) if found else None
        if declared.value != "fr" and written_in_french(self._paragraphs()):
            self.notes[f"language_conflict: declared {declared.value} ({declared.source}), the text is French"] = None
            return Sourced("fr", HEURISTIC)
        return declared

    def _paragraphs(self) -> list[str]:
        """The article's text: its lead and its sections' paragraphs."""
        sections = self.value("sections") or []
        return [self.value("lead") or "", *(p for section in sections for p in section["paragraphs"])]

    @field(URL, "lead image URL")
    def image_url(self) -> Sourced | None:
        data = self.data
        found = first_found(
            (JSONLD, lambda: own_image(image_url_of(data, data.article_value("image", "thumbnailUrl")))),
            (OPENGRAPH, lambda: own_image(data.meta_first("og:image:secure_url", "og:image", "og:image:url"))),
            (META, lambda: own_image(data.meta_first("twitter:image", "twitter:image:src", "thumbnail"))),
            (META, lambda: own_image(data.links.get("image_src", [None])[0])),
            (HEURISTIC, lambda: heuristics.featured_image_above(self.index, self.headline_element)
             or heuristics.first_image(self._article_scope())),
        )
        return Sourced(urljoin(self.base_url, found.value), found.source) if found else None

    def _article_scope(self):
        """Where the article's image is looked for: the ``<article>`` around the headline and the body (its featured
        image may stand above both, ColorMag's ``cm-featured-image``; the post of no text's, a photo's), else the
        article around the body."""
        container, root = heuristics.article_container(self.headline_element), self.article_root
        if container is not None and container.tag == "article" and (root is None or is_inside(root, container)):
            return container
        return root


def _raw_date(choice: ChosenDate | None) -> Sourced | None:
    return Sourced(choice.evidence.raw, choice.evidence.layer) if choice else None


def _visible_wins(found: Sourced | None, visible: str) -> bool:
    """Whether the visible ``<h1>`` is the headline rather than the structured one found: that one is cut short, or
    it is an ``og:title`` holding the ``<h1>`` and a trail (often the ``<title>``: the headline, its section, the
    site)."""
    if not found or found.source == HEURISTIC:
        return False
    return prefer_visible_headline(found.value, visible) != found.value or (
        found.source == OPENGRAPH and is_headline_with_trail(found.value, visible))
