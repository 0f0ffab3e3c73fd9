"""WordPress's URL layout: what a URL of a WordPress news site leads to, and where its categories are.

Permalinks are ``/<category>/<slug>/``; category archives are ``/category/<slug>/`` (with their
``page/N/`` pagination), date archives ``/<year>/<month>/``; tags, authors, feeds, attachments and the
``wp-*`` internals have their own prefixes. :class:`WordPressRules` is the ``platform = "wordpress"``
rule set of a site declaration. Pure code: no Scrapy.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsarchive.urls import canonicalize_url, query_keys, split_http_url

_FILE_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")

_RESERVED_FIRST_SEGMENTS = (
    "category", "tag", "author", "page", "feed", "wp-admin", "wp-content", "wp-includes", "wp-json", "search",
    "comments", "attachment",
)  # fmt: skip
_RESERVED_LAST_SEGMENTS = ("feed", "amp", "page")
WORDPRESS_ARTICLE_PATH = (
    rf"/(?!(?:{'|'.join(_RESERVED_FIRST_SEGMENTS)})/)(?!\d+/)[^/]+"
    rf"/(?!(?:{'|'.join(_RESERVED_LAST_SEGMENTS)})/?$)[^/.]+/?"
)
_ADMIN_FIRST_SEGMENTS = frozenset({"wp-admin", "wp-content", "wp-includes", "wp-json"})
_ADMIN_FILES = frozenset({"wp-login.php", "xmlrpc.php", "wp-comments-post.php", "wp-cron.php", "wp-signup.php"})
_LISTING_PATH = re.compile(r"/(?:page/\d+/)?|/\d{4}/(?:\d{2}/(?:\d{2}/)?)?(?:page/\d+/)?")


class ArticleUrlPattern:
    """Recognises article URLs by their path.

    ``path_regex`` must match the whole path; the default is WordPress's ``/<category>/<slug>/``: two non-empty
    segments, the first not a reserved WordPress prefix (``category``, ``tag``, ``wp-content``…) nor a year, the
    second not ``feed``, ``amp`` or ``page``.  URLs whose query holds one of ``excluded_query_keys`` (search,
    shortlinks, comment replies) never match.
    """

    def __init__(
        self,
        path_regex: str = WORDPRESS_ARTICLE_PATH,
        *,
        excluded_query_keys: tuple[str, ...] = ("s", "p", "replytocom"),
    ) -> None:
        self.path_regex = re.compile(path_regex)
        self.excluded_query_keys = frozenset(excluded_query_keys)

    def matches(self, url: str) -> bool:
        try:
            parts = split_http_url(url)
        except ValueError:
            return False
        if query_keys(parts.query) & self.excluded_query_keys:
            return False
        return self.path_regex.fullmatch(parts.path or "/") is not None

    def __repr__(self) -> str:
        return f"ArticleUrlPattern({self.path_regex.pattern!r})"


_WORDPRESS_ARTICLE = ArticleUrlPattern()


def classify_url(url: str) -> str:
    """The kind of page a WordPress URL leads to, judged on its canonical form.

    One of ``article``, ``category`` (post listings: category archives, the home page, their pagination and date
    archives), ``tag``, ``author``, ``feed``, ``sitemap``, ``page`` (a static page such as ``/contact/``),
    ``attachment``, ``admin`` (WordPress internals: ``wp-admin``, ``wp-content``, ``wp-json``, ``wp-login.php``…),
    ``search`` or ``other`` (anything else, including non-http(s) URLs).  A child page ``/parent/child/`` has the shape
    of an article and is classified as one.
    """
    try:
        canonical = urlsplit(canonicalize_url(url))
    except ValueError:
        return "other"
    segments = [segment for segment in canonical.path.split("/") if segment]
    keys = query_keys(canonical.query)
    for kind, is_kind in _URL_KINDS:
        if is_kind(canonical.path, segments, keys):
            return kind
    return "other"


def _is_search(path: str, segments: list[str], keys: set[str]) -> bool:
    return "s" in keys or (bool(segments) and segments[0] == "search")


def _is_sitemap(path: str, segments: list[str], keys: set[str]) -> bool:
    return bool(segments) and "sitemap" in segments[-1].lower() and segments[-1].lower().endswith(".xml")


def _is_admin(path: str, segments: list[str], keys: set[str]) -> bool:
    if "rest_route" in keys:
        return True
    return bool(segments) and (segments[0] in _ADMIN_FIRST_SEGMENTS or segments[-1] in _ADMIN_FILES)


def _is_feed(path: str, segments: list[str], keys: set[str]) -> bool:
    return "feed" in segments or "feed" in keys


def _is_attachment(path: str, segments: list[str], keys: set[str]) -> bool:
    return "attachment" in segments or "attachment_id" in keys


def _first_segment_is(name: str):
    return lambda path, segments, keys: bool(segments) and segments[0] == name


def _is_listing(path: str, segments: list[str], keys: set[str]) -> bool:
    return not keys & {"p", "page_id"} and _LISTING_PATH.fullmatch(path) is not None


def _is_article(path: str, segments: list[str], keys: set[str]) -> bool:
    excluded = keys & _WORDPRESS_ARTICLE.excluded_query_keys
    return not excluded and _WORDPRESS_ARTICLE.path_regex.fullmatch(path) is not None


def _is_static_page(path: str, segments: list[str], keys: set[str]) -> bool:
    excluded = keys & _WORDPRESS_ARTICLE.excluded_query_keys
    return not excluded and len(segments) == 1 and not _FILE_EXTENSION.search(segments[0])


_URL_KINDS = (
    ("search", _is_search),
    ("sitemap", _is_sitemap),
    ("admin", _is_admin),
    ("feed", _is_feed),
    ("attachment", _is_attachment),
    ("category", _first_segment_is("category")),
    ("tag", _first_segment_is("tag")),
    ("author", _first_segment_is("author")),
    ("category", _is_listing),
    ("article", _is_article),
    ("page", _is_static_page),
)


class WordPressRules:
    """The URL rules of a WordPress site (``platform = "wordpress"``); see :mod:`newsarchive.sites.rules`."""

    platform = "wordpress"

    def link_kind(self, url: str) -> str:
        kind = classify_url(url)
        return "section" if kind == "category" else kind if kind == "article" else "other"

    def is_listed_article(self, url: str) -> bool:
        return classify_url(url) == "article"

    def in_section(self, url: str, section: str) -> bool:
        """``france`` holds ``/france/un-titre/`` and ``/category/france/page/2/``."""
        return _section_of(url) == section

    def section_paths(self, section: str) -> tuple[str, ...]:
        return (f"category/{section}/",)


def _section_of(url: str) -> str | None:
    """``france`` for ``/france/un-titre/`` and for ``/category/france/page/2/``; None for other pages."""
    try:
        canonical = urlsplit(canonicalize_url(url))
    except ValueError:
        return None
    segments = [segment.lower() for segment in canonical.path.split("/") if segment]
    if len(segments) >= 2 and segments[0] == "category":
        return segments[1]
    return segments[0] if classify_url(url) == "article" else None
