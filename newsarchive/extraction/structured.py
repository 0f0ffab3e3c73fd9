"""Structured data of a page: JSON-LD, OpenGraph / ``article:*``, Dublin Core and other ``<meta>``, microdata.

JSON-LD is decoded with :mod:`json` plus a tolerant cleanup (:mod:`.jsonld`) instead of with ``extruct``: extruct's
parsers are several times slower on large pages (its microdata and RDFa passes walk the whole tree in
Python) and the extractor needs only a handful of properties of the main article. The ``<meta>`` tags
are read in one pass, and microdata only for the article's ``itemscope``.
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from itertools import chain
from urllib.parse import urljoin

from lxml import etree

from newsarchive.extraction.html import element_text
from newsarchive.extraction.index import PageIndex
from newsarchive.extraction.jsonld import TooDeep, parse_jsonld
from newsarchive.text import clean_text
from newsarchive.urls import is_variant_of

ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle", "satiricalarticle",
    "advertisercontentarticle", "blogposting", "liveblogposting", "socialmediaposting", "report",
    "techarticle", "scholarlyarticle", "posting",
})
# A radio's or a podcast's episode page (Radio France's RadioEpisode): an article when it names the page (not one of a
# show's episodes listed on its page) and no article node is as good
EPISODE_TYPES = frozenset({"podcastepisode", "radioepisode", "episode"})
_OG_ARTICLE = "og:article:"  # OpenGraph's article properties written with its prefix (Mediapart's)
PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "medicalwebpage"})
LISTING_TYPES = frozenset({"collectionpage", "itemlist", "searchresultspage", "profilepage"})

_LDJSON_LOWER = str.maketrans("LDJSON", "ldjson")  # a script of type "application/LD+JSON" is JSON-LD too
_ARTICLE_ITEMTYPES = ("Article", "BlogPosting", "Report")
_ITEMPROPS = etree.XPath(".//*[@itemprop]")
_PAGE_PROPS = frozenset({"url", "mainEntityOfPage"})  # the page an item is about


def type_names(node: dict) -> set[str]:
    """The lower-cased local names of a JSON-LD node's ``@type`` (``schema:NewsArticle`` -> ``newsarticle``)."""
    types = node.get("@type")
    if isinstance(types, str):
        return {_local_name(types)}
    if not isinstance(types, list):
        return set()
    return {_local_name(t) for t in types if isinstance(t, str)}


@lru_cache(maxsize=1024)
def _local_name(type_name: str) -> str:
    """``https://schema.org/NewsArticle`` -> ``newsarticle`` (the types of a site's pages repeat)."""
    return type_name.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower()


def _walk(value, nodes: list) -> None:
    if isinstance(value, list):
        for item in value:
            _walk(item, nodes)
    elif isinstance(value, dict):
        nodes.append(value)
        for key, item in value.items():
            if isinstance(item, (dict, list)) and key != "@context":
                _walk(item, nodes)


class StructuredData:
    """All structured signals of one parsed page, read lazily and once; the ``<script>``, ``<meta>``, ``<link>`` and
    ``itemscope`` elements come from the page's index (one built here when none is given)."""

    def __init__(self, doc, url: str = "", *, jsonld_max_depth: int | None = None, index: PageIndex | None = None):
        self.doc = doc
        self.index = index if index is not None else PageIndex(doc)
        self.url = url
        self.jsonld_max_depth = jsonld_max_depth
        self.problems: list[str] = []  # warnings about what was left out of the page

    # JSON-LD -------------------------------------------------------------------------------------
    @cached_property
    def jsonld_nodes(self) -> list[dict]:
        """Every JSON-LD object of the page, at any nesting (``@graph``, arrays, nested values)."""
        nodes: list[dict] = []
        for script in self.index.by_tag["script"]:
            if "ld+json" not in (script.get("type") or "").translate(_LDJSON_LOWER):
                continue
            try:
                values = parse_jsonld(script.text or "", self.jsonld_max_depth)
            except TooDeep as exc:
                self.problems.append(f"jsonld_too_deep:{exc}")
                continue
            for value in values:
                _walk(value, nodes)
        return nodes

    @cached_property
    def _typed_nodes(self) -> list[tuple[dict, set[str]]]:
        """Every JSON-LD object with its :func:`type_names`, read once for the questions on types."""
        return [(node, type_names(node)) for node in self.jsonld_nodes]

    @cached_property
    def _by_id(self) -> dict[str, dict]:
        ids: dict[str, dict] = {}
        for node in self.jsonld_nodes:
            node_id = node.get("@id")
            if isinstance(node_id, str) and len(node) > 1:
                ids.setdefault(node_id, node)
        return ids

    def resolve(self, value):
        """A JSON-LD value with ``{"@id": ...}`` references replaced by the node they name."""
        if isinstance(value, dict) and set(value) == {"@id"}:
            return self._by_id.get(value["@id"], value)
        return value

    @cached_property
    def article(self) -> dict | None:
        """The JSON-LD node of the main article (NewsArticle, BlogPosting, LiveBlogPosting..., a podcast's or a radio's
        episode naming this page): the one naming this page's URL, with a headline and a date, an article's rather than
        an episode's, the first one among equals; else the page's own video (:meth:`_own_video`)."""
        candidates = [(-rank, bool(types & ARTICLE_TYPES), n) for rank, (n, types) in enumerate(self._typed_nodes)
                      if types & ARTICLE_TYPES or types & EPISODE_TYPES and self._article_score(n)[0]]
        if not candidates:
            return self._own_video()
        return max(candidates, key=lambda item: (*self._article_score(item[2]), item[1], item[0]))[2]

    def _own_video(self) -> dict | None:
        """The video a page declares as itself, no article declared (a video site's page, Brut's): a VideoObject
        naming this page's address, or named as the page's title or ``og:title`` says (in three words or more: a
        video named "Vidéo" is named so by many titles)."""
        titles = f"{self.meta_first('og:title') or ''} {self.title}".casefold()
        for node in self.nodes_of_type("videoobject"):
            name = node.get("name")
            if name is not None and (self._article_score(node)[0] or isinstance(name, str)
                                     and len(name.split()) >= 3 and name.strip().casefold() in titles):
                return node
        return None

    def _article_score(self, node: dict) -> tuple[bool, bool, bool]:
        urls = {self._url_of(node.get(key)) for key in ("url", "mainEntityOfPage", "@id")}
        page = self.url.split("#")[0].rstrip("/")
        matches = any(u and u.split("#")[0].rstrip("/") == page for u in urls)
        return matches, bool(node.get("headline") or node.get("name")), bool(node.get("datePublished"))

    def _url_of(self, value) -> str | None:
        value = self.resolve(value)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        return value if isinstance(value, str) else None

    @cached_property
    def webpage(self) -> dict | None:
        """The JSON-LD WebPage node, which some sites use instead of an article node."""
        return next((n for n, types in self._typed_nodes if types & PAGE_TYPES), None)

    def article_value(self, *keys: str):
        """The first non-empty value among ``keys`` in the article node, then in the WebPage node."""
        for node in (self.article, self.webpage):
            if not node:
                continue
            for key in keys:
                value = node.get(key)
                if value not in (None, "", [], {}):
                    return self.resolve(value)
        return None

    def has_type(self, names: frozenset) -> bool:
        return any(types & names for _, types in self._typed_nodes)

    def nodes_of_type(self, name: str) -> list[dict]:
        return [n for n, types in self._typed_nodes if name in types]

    # <meta>, <link>, <title> -----------------------------------------------------------------------
    @cached_property
    def meta(self) -> dict[str, list[str]]:
        """``<meta>`` contents by lower-cased ``property`` / ``name`` / ``itemprop`` / ``http-equiv``, then those of the
        other elements with RDFa's ``property`` and ``content`` (:attr:`.PageIndex.rdfa`), but a comment's; not the
        microdata of an article item of another page (a related post's card: :attr:`article_items`). OpenGraph's
        article properties written with its prefix (Mediapart's ``og:article:published_time``) are read as
        ``article:…``."""
        values: dict[str, list[str]] = {}
        others = self._other_pages_items
        for element in chain(self.index.by_tag["meta"], self.index.rdfa):
            content = clean_text(element.get("content"))
            if not content or others and element.get("itemprop") and _owner_scope(element) in others \
                    or (element.tag != "meta" or element.get("itemprop")) and _in_a_comment(element):
                continue
            for attribute in ("property", "name", "itemprop", "http-equiv"):
                key = element.get(attribute)
                if key:
                    for name in key.lower().split():
                        values.setdefault(name.removeprefix("og:") if name.startswith(_OG_ARTICLE) else name,
                                          []).append(content)
        return values

    def meta_first(self, *names: str) -> str | None:
        """The first content of the first ``<meta>`` name present."""
        for name in names:
            found = self.meta.get(name)
            if found:
                return found[0]
        return None

    def meta_all(self, *names: str) -> list[str]:
        return [value for name in names for value in self.meta.get(name, ())]

    @cached_property
    def links(self) -> dict[str, list[str]]:
        """``<link>`` hrefs by lower-cased ``rel`` token."""
        found: dict[str, list[str]] = {}
        for element in self.index.by_tag["link"]:
            rel, href = element.get("rel"), element.get("href")
            if rel is None or href is None:
                continue
            for token in rel.lower().split():
                found.setdefault(token, []).append(href.strip())
        return found

    @cached_property
    def title(self) -> str:
        """The text of ``<title>`` (not a drawing's: an ``<svg>``'s ``<title>`` is an icon's tooltip)."""
        # lxml's iterator looks for the next match before handing out one: with <body> among the tags looked
        # for, finding the <title> of <head> does not read the whole page for a second <title>.
        first = next((element for element in self.doc.iter("title", "body")
                      if element.tag == "title" and next(element.iterancestors("svg"), None) is None), None)
        return element_text(first) if first is not None else ""

    # microdata -----------------------------------------------------------------------------------
    @cached_property
    def article_items(self) -> list:
        """The ``itemscope`` elements typed as an article (``Article``, ``BlogPosting``...), in page order, but those
        whose own ``url`` or ``mainEntityOfPage`` is another page's (Beaver Builder's cards of related posts, each a
        ``BlogPosting`` of its post)."""
        others = self._other_pages_items
        return [element for element in self.index.itemscopes if _is_article_item(element) and element not in others]

    @cached_property
    def _other_pages_items(self) -> set:
        """The article items whose own ``url`` or ``mainEntityOfPage`` is another page (read once for the
        :attr:`meta` and the :attr:`article_items`)."""
        if not self.url:
            return set()
        return {item for item in self.index.itemscopes if _is_article_item(item) and self._of_another_page(item)}

    def _of_another_page(self, item) -> bool:
        for element in _ITEMPROPS(item):
            if _owner_scope(element) is item and _PAGE_PROPS.intersection(element.get("itemprop").split()):
                address = element.get("itemid") or element.get("href") or element.get("content")
                if address and not is_variant_of(urljoin(self.url, address), self.url):
                    return True
        return False

    @cached_property
    def microdata(self) -> dict[str, list]:
        """``itemprop`` elements of the first Article ``itemscope``, by property name."""
        scopes = self.article_items
        if not scopes:
            return {}
        scope = scopes[0]
        props: dict[str, list] = {}
        for element in _ITEMPROPS(scope):
            if _owner_scope(element) is not scope:
                continue
            for name in element.get("itemprop").split():
                props.setdefault(name, []).append(element)
        return props

    def microdata_values(self, name: str) -> list[str]:
        """Values of one microdata property (``content``/``datetime``/URL attribute, else the text)."""
        return [v for v in (microdata_value(e) for e in self.microdata.get(name, ())) if v]


def _is_article_item(item) -> bool:
    return any(word in (item.get("itemtype") or "") for word in _ARTICLE_ITEMTYPES)


def _in_a_comment(element) -> bool:
    """Whether an RDFa or microdata element is a comment's (Drupal 7's ``<div class="comment" typeof="sioc:Post
    sioct:Comment">``: its ``dc:date`` was the page's published date; La Tribune's ``<div itemprop="comment" itemscope
    itemtype="http://schema.org/Comment">``, its ``<meta itemprop="datePublished">``)."""
    return any("comment" in f"{owner.get('typeof') or ''} {owner.get('itemtype') or ''}".lower()
               for owner in (element, *element.iterancestors()))


def _owner_scope(element):
    parent = element.getparent()
    while parent is not None and parent.get("itemscope") is None:
        parent = parent.getparent()
    return parent


def microdata_value(element) -> str:
    """The value of one ``itemprop`` element; for a nested item, its ``name``."""
    if element.get("itemscope") is not None:
        names = [e for e in _ITEMPROPS(element) if "name" in e.get("itemprop").split()]
        return microdata_value(names[0]) if names else element_text(element)
    for attribute in ("content", "datetime"):
        if element.get(attribute):
            return clean_text(element.get(attribute))
    if element.tag == "link" and element.get("href"):
        return element.get("href").strip()
    if element.tag in ("img", "source") and element.get("src"):
        return element.get("src").strip()
    return element_text(element) or (element.get("href") or "").strip()
