"""Where a news site lists its articles: robots.txt, sitemaps, feeds and listing pages.

Pure parsing functions (bytes in, URLs out), shared by the spiders and usable without Scrapy.
Sitemaps and feeds are parsed with lxml in recover mode, with entity resolution and network access
off, so that a malformed or hostile document yields what can be read instead of an exception.
"""

from __future__ import annotations

import gzip
import logging
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree, html

logger = logging.getLogger(__name__)

_XML_PARSER = etree.XMLParser(
    recover=True, resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True
)
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    lastmod: str | None = None
    published: str | None = None  # Google News sitemaps: <news:publication_date>


@dataclass(frozen=True)
class Sitemap:
    kind: str  # "index", "urlset" or "unknown"
    entries: list[SitemapEntry]


@dataclass(frozen=True)
class FeedEntry:
    link: str
    published: str | None = None


def sitemaps_from_robots(robots_txt: str, base_url: str) -> list[str]:
    """The ``Sitemap:`` URLs a robots.txt names, made absolute."""
    urls = []
    for line in robots_txt.splitlines():
        name, _, value = line.partition(":")
        if name.strip().lower() == "sitemap" and value.strip():
            urls.append(urljoin(base_url, value.strip()))
    return urls


def _parse_xml(body: bytes) -> etree._Element | None:
    if body[:2] == _GZIP_MAGIC:
        try:
            body = gzip.decompress(body)
        except (OSError, EOFError):
            logger.warning("Unreadable gzip document (%d bytes)", len(body))
            return None
    try:
        return etree.fromstring(body.lstrip(), parser=_XML_PARSER)
    except etree.XMLSyntaxError:
        return None


def _local(tag: object) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _child_text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def parse_sitemap(body: bytes) -> Sitemap:
    """Entries of a sitemap index or url set (namespaces ignored, gzip accepted)."""
    root = _parse_xml(body)
    if root is None:
        return Sitemap("unknown", [])
    kind = {"sitemapindex": "index", "urlset": "urlset"}.get(_local(root.tag), "unknown")
    entries = []
    for element in root:
        loc = _child_text(element, "loc")
        if loc:
            entries.append(SitemapEntry(loc, _child_text(element, "lastmod"), _news_publication_date(element)))
    return Sitemap(kind, entries)


def _news_publication_date(url_element: etree._Element) -> str | None:
    for child in url_element:
        if _local(child.tag) == "news":
            return _child_text(child, "publication_date")
    return None


def parse_feed(body: bytes) -> list[FeedEntry]:
    """Article links of an RSS 2.0 or Atom feed, with their publication dates as written."""
    root = _parse_xml(body)
    if root is None:
        return []
    entries = []
    for element in root.iter():
        name = _local(element.tag)
        if name == "item":
            link = _child_text(element, "link") or _child_text(element, "guid")
            date = _child_text(element, "pubdate") or _child_text(element, "date")
        elif name == "entry":
            link = _atom_link(element)
            date = _child_text(element, "updated") or _child_text(element, "published")
        else:
            continue
        if link:
            entries.append(FeedEntry(link, date))
    return entries


def _atom_link(entry: etree._Element) -> str | None:
    for child in entry:
        if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate":
            return child.get("href")
    return None


def parse_page(page: bytes | str | html.HtmlElement) -> html.HtmlElement | None:
    """An HTML page as a document (one already parsed is returned as it is); None when there is none."""
    if isinstance(page, html.HtmlElement):
        return page
    try:
        return html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return None


def document_base(document: html.HtmlElement, base_url: str) -> str:
    """The URL relative links of the page resolve against (its ``<base href>``, else ``base_url``)."""
    return document.xpath("string(//base/@href)") or base_url


def page_links(page: bytes | str | html.HtmlElement, base_url: str) -> list[str]:
    """Absolute ``http(s)`` link targets of an HTML page, in document order, without repeats."""
    document = parse_page(page)
    if document is None:
        return []
    base = document_base(document, base_url)
    seen: dict[str, None] = {}
    for href in document.xpath("//a/@href"):
        url = urljoin(base, href.strip()).partition("#")[0]
        if url.startswith(("http://", "https://")):
            seen.setdefault(url, None)
    return list(seen)
