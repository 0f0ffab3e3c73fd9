"""Structured data of a page: JSON-LD, OpenGraph / ``article:*``, Dublin Core and other ``<meta>``, microdata.

JSON-LD is parsed here with :mod:`json` plus a tolerant cleanup (HTML comments, CDATA wrappers, trailing
commas, raw control characters, several objects in one script) instead of with ``extruct``: extruct's
parsers are several times slower on large pages (its microdata and RDFa passes walk the whole tree in
Python) and the extractor needs only a handful of properties of the main article. The ``<meta>`` tags
are read in one pass, and microdata only for the article's ``itemscope``.
"""

from __future__ import annotations

import html
import json
import logging
import re
from functools import cached_property

from lxml import etree

from newsarchive.extraction.html import element_text
from newsarchive.text import clean_text

logger = logging.getLogger(__name__)

ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle", "satiricalarticle",
    "advertisercontentarticle", "blogposting", "liveblogposting", "socialmediaposting", "report",
    "techarticle", "scholarlyarticle", "posting",
})
PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "medicalwebpage"})
LISTING_TYPES = frozenset({"collectionpage", "itemlist", "searchresultspage", "profilepage"})

_JSONLD_SCRIPTS = etree.XPath(
    "//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"
)
_META = etree.XPath("//meta[@content]")
_LINKS = etree.XPath("//link[@rel][@href]")
_ARTICLE_SCOPES = etree.XPath(
    "//*[@itemscope][contains(@itemtype, 'Article') or contains(@itemtype, 'BlogPosting')"
    " or contains(@itemtype, 'Report')]"
)
_ITEMPROPS = etree.XPath(".//*[@itemprop]")
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")
_WRAPPERS = re.compile(r"^\s*(?:<!--|/\*\s*<!\[CDATA\[\s*\*/|//\s*<!\[CDATA\[|<!\[CDATA\[)|"
                       r"(?:-->|/\*\s*\]\]>\s*\*/|//\s*\]\]>|\]\]>)\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def type_names(node: dict) -> set[str]:
    """The lower-cased local names of a JSON-LD node's ``@type`` (``schema:NewsArticle`` -> ``newsarticle``)."""
    types = node.get("@type")
    if isinstance(types, str):
        types = [types]
    if not isinstance(types, list):
        return set()
    return {t.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for t in types if isinstance(t, str)}


class TooDeep(ValueError):
    """A JSON-LD script nested deeper than the limit (left out: a hostile page, never an article's data)."""


def parse_jsonld(text: str, max_depth: int | None = None) -> list:
    """Decode one JSON-LD script, tolerating the usual mistakes; [] when it cannot be read.

    String values are HTML-unescaped: many sites write ``&quot;`` or ``&#8217;`` inside JSON-LD.
    Raises :class:`TooDeep` for a script whose arrays and objects nest deeper than ``max_depth``.
    """
    text = _unwrapped(text.strip())
    if not text:
        return []
    if max_depth is not None and _opening_brackets(text) > max_depth and nesting_depth(text, max_depth) > max_depth:
        raise TooDeep(f"JSON-LD nested deeper than {max_depth} levels")
    values = _decode(text)
    return [_unescaped(value) for value in values] if "&" in text else values


def _unwrapped(text: str) -> str:
    """A stripped script without its comment or CDATA wrappers. The closing wrappers end the text: a script that
    ends otherwise is searched for an opening one only, at its start (a whole search costs a test at every
    character of large scripts)."""
    if text.endswith(("-->", "*/", "]]>")):
        return _WRAPPERS.sub("", text).strip()
    opening = _WRAPPERS.match(text)
    return text[opening.end():].strip() if opening else text


def _opening_brackets(text: str) -> int:
    """How many ``[`` and ``{`` a JSON text holds: no nesting is deeper (most scripts hold a few dozen)."""
    return text.count("[") + text.count("{")


def nesting_depth(text: str, stop_above: int | None = None) -> int:
    """How deep the arrays and objects of a JSON text nest (brackets inside strings ignored), in linear
    time; the count stops once past ``stop_above``."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(_JSON_STRING.sub("", text)):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if stop_above is not None and deepest > stop_above:
                break
        else:
            depth = max(depth - 1, 0)
    return deepest


def _decode(text: str) -> list:
    for candidate in (text, _TRAILING_COMMA.sub(r"\1", _CONTROL.sub(" ", text))):
        try:
            return [json.loads(candidate, strict=False)]
        except ValueError:
            continue
    return _decode_concatenated(_TRAILING_COMMA.sub(r"\1", _CONTROL.sub(" ", text)))


def _unescaped(value):
    if isinstance(value, str):
        return html.unescape(value) if "&" in value else value
    if isinstance(value, list):
        return [_unescaped(item) for item in value]
    if isinstance(value, dict):
        return {key: _unescaped(item) for key, item in value.items()}
    return value


def _decode_concatenated(text: str) -> list:
    decoder = json.JSONDecoder(strict=False)
    values, position = [], 0
    while position < len(text):
        start = min((i for i in (text.find("{", position), text.find("[", position)) if i >= 0), default=-1)
        if start < 0:
            break
        try:
            value, position = decoder.raw_decode(text, start)
        except ValueError:
            logger.debug("unreadable JSON-LD script skipped")
            break
        values.append(value)
    return values


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
    """All structured signals of one parsed page, read lazily and once."""

    def __init__(self, doc, url: str = "", *, jsonld_max_depth: int | None = None):
        self.doc = doc
        self.url = url
        self.jsonld_max_depth = jsonld_max_depth
        self.problems: list[str] = []  # warnings about what was left out of the page

    # JSON-LD -------------------------------------------------------------------------------------
    @cached_property
    def jsonld_nodes(self) -> list[dict]:
        """Every JSON-LD object of the page, at any nesting (``@graph``, arrays, nested values)."""
        nodes: list[dict] = []
        for script in _JSONLD_SCRIPTS(self.doc):
            try:
                values = parse_jsonld(script.text or "", self.jsonld_max_depth)
            except TooDeep as exc:
                self.problems.append(f"jsonld_too_deep:{exc}")
                continue
            for value in values:
                _walk(value, nodes)
        return nodes

    @cached_property
    def _by_id(self) -> dict[str, dict]:
        ids = {}
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
        """The JSON-LD node of the main article (NewsArticle, BlogPosting, LiveBlogPosting...): the one
        naming this page's URL, with a headline and a date, the first one among equals."""
        candidates = [(-rank, n) for rank, n in enumerate(self.jsonld_nodes) if type_names(n) & ARTICLE_TYPES]
        if not candidates:
            return None
        return max(candidates, key=lambda candidate: (*self._article_score(candidate[1]), candidate[0]))[1]

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
        return next((n for n in self.jsonld_nodes if type_names(n) & PAGE_TYPES), None)

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
        return any(type_names(n) & names for n in self.jsonld_nodes)

    def nodes_of_type(self, name: str) -> list[dict]:
        return [n for n in self.jsonld_nodes if name in type_names(n)]

    # <meta>, <link>, <title> -----------------------------------------------------------------------
    @cached_property
    def meta(self) -> dict[str, list[str]]:
        """``<meta>`` contents by lower-cased ``property`` / ``name`` / ``itemprop`` / ``http-equiv``."""
        values: dict[str, list[str]] = {}
        for element in _META(self.doc):
            content = clean_text(element.get("content"))
            if not content:
                continue
            for attribute in ("property", "name", "itemprop", "http-equiv"):
                key = element.get(attribute)
                if key:
                    for name in key.lower().split():
                        values.setdefault(name, []).append(content)
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
        for element in _LINKS(self.doc):
            for rel in element.get("rel").lower().split():
                found.setdefault(rel, []).append(element.get("href").strip())
        return found

    @cached_property
    def title(self) -> str:
        """The text of ``<title>``."""
        first = next(self.doc.iter("title"), None)  # stops at the first, where a query would read the whole page
        return element_text(first) if first is not None else ""

    # microdata -----------------------------------------------------------------------------------
    @cached_property
    def microdata(self) -> dict[str, list]:
        """``itemprop`` elements of the first Article ``itemscope``, by property name."""
        scopes = _ARTICLE_SCOPES(self.doc)
        if not scopes:
            return {}
        scope, props = scopes[0], {}
        for element in _ITEMPROPS(scope):
            if _owner_scope(element) is not scope:
                continue
            for name in element.get("itemprop").split():
                props.setdefault(name, []).append(element)
        return props

    def microdata_values(self, name: str) -> list[str]:
        """Values of one microdata property (``content``/``datetime``/URL attribute, else the text)."""
        return [v for v in (microdata_value(e) for e in self.microdata.get(name, ())) if v]


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
