"""Where a news site lists its articles: robots.txt, sitemaps, feeds and listing pages.

Pure parsing functions (bytes in, URLs out), shared by the spiders and usable without Scrapy.
Sitemaps and feeds are parsed with lxml in recover mode, with entity resolution and network access
off, so that a malformed or hostile document yields what can be read instead of an exception.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree, html

from newsarchive.crawl.inflate import BadGzip, TooLarge, inflated_chunks
from newsarchive.extraction.attributes import crowded_tag, default_limit
from newsarchive.extraction.parsing import EmptyDocument, page_bytes, parse_html

logger = logging.getLogger(__name__)


def _pull_parser(**events) -> etree.XMLPullParser:
    """A streaming XML parser in recover mode, entities and network off, that reports ``events``."""
    return etree.XMLPullParser(**events, recover=True, resolve_entities=False, no_network=True, huge_tree=True,
                               remove_comments=True)


def _forget(element) -> None:
    """Free an entry once read, and the entries read before it: memory stays bounded, whatever the document's size."""
    element.clear()
    while element.getprevious() is not None:
        del element.getparent()[0]


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    lastmod: str | None = None
    published: str | None = None  # Google News sitemaps: <news:publication_date>


@dataclass(frozen=True)
class Sitemap:
    kind: str  # "index", "urlset" or "unknown"
    entries: list[SitemapEntry]
    truncated: str | None = None  # the limit that stopped the reading: "url_count" or "inflated_size"
    malformed: bool = False  # not well-formed XML: the entries are those that could be read


@dataclass(frozen=True)
class FeedEntry:
    link: str
    published: str | None = None


@dataclass(frozen=True)
class Feed:
    entries: list[FeedEntry]
    truncated: bool = False  # more entries than the reading's limit: the first ones are kept


def sitemaps_from_robots(robots_txt: str, base_url: str) -> list[str]:
    """The ``Sitemap:`` URLs a robots.txt names, made absolute."""
    urls = []
    for line in robots_txt.splitlines():
        name, _, value = line.partition(":")
        if name.strip().lower() == "sitemap" and value.strip():
            urls.append(urljoin(base_url, value.strip()))
    return urls


def _byte_limit(max_bytes: int | None) -> int:
    """``max_bytes``, else the default of ``NEWSARCHIVE_MAX_INFLATED_SIZE``."""
    if max_bytes is not None:
        return max_bytes
    from newsarchive import settings

    return settings.NEWSARCHIVE_MAX_INFLATED_SIZE


def _local(tag: object) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _child_text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def parse_sitemap(body: bytes, *, max_bytes: int | None = None, max_urls: int | None = None) -> Sitemap:
    """Entries of a sitemap index or url set (namespaces ignored, gzip accepted), read as a stream.

    At most ``max_urls`` entries and ``max_bytes`` inflated bytes are read: past either, the entries
    read so far come with ``truncated`` saying which limit stopped the reading.
    """
    parser = _pull_parser(events=("start", "end"))
    reading = _SitemapReading(max_urls)
    try:
        for chunk in inflated_chunks(body, _byte_limit(max_bytes)):
            parser.feed(chunk)
            if reading.take(parser.read_events()):
                return reading.sitemap("url_count")
        unclosed = reading.depth != 0  # the document ends inside an element: cut short
        parser.close()
    except TooLarge:
        return reading.sitemap("inflated_size")
    except BadGzip:
        logger.warning("Unreadable gzip sitemap (%d bytes)", len(body))
        return Sitemap("unknown", [])
    except etree.XMLSyntaxError:
        unclosed = True  # recover mode: what could be read is kept
    if reading.take(parser.read_events()):
        return reading.sitemap("url_count")
    return reading.sitemap(None, malformed=unclosed)


class _SitemapReading:
    """The entries of a sitemap read so far from the parser's events (each entry freed once read)."""

    def __init__(self, max_urls: int | None):
        self.max_urls = max_urls
        self.kind: str | None = None
        self.entries: list[SitemapEntry] = []
        self.depth = 0

    def take(self, events) -> bool:
        """Read ``events``; True once ``max_urls`` entries are read."""
        for event, element in events:
            if event == "start":
                self.depth += 1
                if self.kind is None:
                    self.kind = {"sitemapindex": "index", "urlset": "urlset"}.get(_local(element.tag), "unknown")
                continue
            self.depth -= 1
            if self.depth != 1:
                continue
            loc = _child_text(element, "loc")
            if loc:
                self.entries.append(SitemapEntry(loc, _child_text(element, "lastmod"),
                                                 _news_publication_date(element)))
            _forget(element)
            if self.max_urls is not None and len(self.entries) >= self.max_urls:
                return True
        return False

    def sitemap(self, truncated: str | None, *, malformed: bool = False) -> Sitemap:
        return Sitemap(self.kind or "unknown", self.entries, truncated, malformed)


def _news_publication_date(url_element: etree._Element) -> str | None:
    for child in url_element:
        if _local(child.tag) == "news":
            return _child_text(child, "publication_date")
    return None


def parse_feed(body: bytes, *, max_bytes: int | None = None, max_entries: int | None = None) -> Feed:
    """Article links of an RSS 2.0 or Atom feed, with their publication dates as written, read as a stream (each
    entry freed once read): the reading stops at ``max_entries`` of them, ``truncated`` then says so.
    Raises :class:`~newsarchive.crawl.inflate.TooLarge` for a feed inflating to more than ``max_bytes``."""
    parser = _pull_parser(events=("end",), tag=("{*}item", "{*}entry"))  # events of entries only
    entries: list[FeedEntry] = []
    try:
        for chunk in inflated_chunks(body, _byte_limit(max_bytes)):
            parser.feed(chunk)
            if _take_entries(parser.read_events(), entries, max_entries):
                return Feed(entries, truncated=True)
        parser.close()
    except BadGzip:
        logger.warning("Unreadable gzip feed (%d bytes)", len(body))
        return Feed([])
    except etree.XMLSyntaxError:
        pass  # recover mode: what could be read is kept
    return Feed(entries, truncated=_take_entries(parser.read_events(), entries, max_entries))


def _take_entries(events, entries: list[FeedEntry], max_entries: int | None) -> bool:
    """Add the items and entries of the parser's ``events`` to ``entries``; True once ``max_entries`` are read."""
    for _, element in events:
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
        _forget(element)
        if max_entries is not None and len(entries) >= max_entries:
            return True
    return False


def _atom_link(entry: etree._Element) -> str | None:
    for child in entry:
        if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate":
            return child.get("href")
    return None


def parse_page(page: bytes | str | html.HtmlElement) -> html.HtmlElement | None:
    """An HTML page as a document (one already parsed is returned as it is), read as :func:`read_page` reads it;
    None when there is none."""
    if isinstance(page, html.HtmlElement):
        return page
    return read_page(page)[0]


def read_page(page: bytes | str, headers: dict | None = None,
              max_attributes: int | None = None) -> tuple[html.HtmlElement | None, int | None]:
    """The page parsed (None: no HTML in it) and where it was cut (None: it was read whole).

    It is decoded as the extraction decodes it (BOM, HTTP charset, ``<meta charset>``: the parser gets UTF-8, the
    bytes scanned) and read up to its first tag of more than ``max_attributes`` attributes (default:
    ``NEWSARCHIVE_MAX_ATTRIBUTES``): libxml2's time is quadratic in them (:mod:`newsarchive.extraction.attributes`).
    """
    text = page_bytes(page, headers)
    cut = crowded_tag(text, default_limit() if max_attributes is None else max_attributes)
    try:
        return parse_html(text if cut is None else text[:cut]), cut
    except EmptyDocument:
        return None, cut


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
