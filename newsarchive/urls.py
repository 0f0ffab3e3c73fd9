"""URL canonicalisation and recognition of WordPress article URLs.

One article must have one URL, whatever link led to it.  :func:`canonicalize_url` removes what varies between links to
the same page (scheme, host case, default port, fragment, tracking parameters, AMP variants)
and leaves the percent-encoding and the order of the query to :func:`w3lib.url.canonicalize_url`.  w3lib is the
library Scrapy itself uses for request fingerprints: it encodes paths and queries to UTF-8 percent-escapes in one
spelling (``café`` and ``caf%c3%a9`` become ``caf%C3%A9``), decodes escapes of unreserved characters and sorts query
arguments, which is easy to get subtly wrong by hand.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, unquote_plus, urlsplit, urlunsplit

from w3lib.url import canonicalize_url as w3lib_canonicalize_url

_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
        "xtor", "xts", "ref", "ref_src", "amp", "_ga", "_gl", "ocid", "cmpid", "ncid", "sr_share", "spm",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "_hs")
_SLUG = re.compile(r"(?=.{8,})[^\W_]+(?:-[^\W_]+)+")  # words joined by hyphens: a post's own name
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


def canonicalize_url(url: str) -> str:
    """The one URL of a page: see the module docstring for what is removed.

    http becomes https unless the URL names a non-default port (a local server answers only on its own scheme).
    The path keeps its trailing slash as given (``/a/b`` and ``/a/b/`` may be two pages on sites that are not
    WordPress); empty segments are collapsed, and an AMP ``/amp/`` suffix is dropped.
    Raises ValueError for anything that is not an absolute http(s) URL.
    """
    parts = _split_http_url(url)
    scheme = parts.scheme.lower()
    netloc = _host_and_port(parts, scheme)
    if parts.port is None or parts.port == _DEFAULT_PORTS[scheme]:
        scheme = "https"
    path = _canonical_path(parts.path)
    query = _kept_query(parts.query)
    return w3lib_canonicalize_url(urlunsplit((scheme, netloc, path, query, "")), keep_blank_values=True)


def site_key(url: str) -> str:
    """The host of ``url`` without ``www.``, lower-cased, with its port when not the default one.

    Raises ValueError when ``url`` is not an absolute http(s) URL.
    """
    parts = _split_http_url(url)
    key = _host_and_port(parts, parts.scheme.lower())
    return key[4:] if key.startswith("www.") else key


def is_variant_of(url: str, other: str) -> bool:
    """True when ``url`` names the same page as ``other``: equal once canonical (tracking parameters, the
    fragment, an AMP suffix and http/https aside), but for ``www.``, a trailing slash, and the sections before
    the slug (a post reached under another category, ``/tech/un-titre/`` and ``/france/un-titre/``)."""
    try:
        first, second = urlsplit(canonicalize_url(url)), urlsplit(canonicalize_url(other))
    except ValueError:
        return False
    if first.netloc.removeprefix("www.") != second.netloc.removeprefix("www.") or first.query != second.query:
        return False
    path, other_path = first.path.rstrip("/"), second.path.rstrip("/")
    slug = path.rpartition("/")[2]
    return path == other_path or (slug == other_path.rpartition("/")[2] and bool(_SLUG.fullmatch(slug)))


def same_site(url_a: str, url_b: str) -> bool:
    """True when both URLs are on the same host, ignoring ``www.`` and case; False for non-http(s) URLs."""
    try:
        return site_key(url_a) == site_key(url_b)
    except ValueError:
        return False


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
            parts = _split_http_url(url)
        except ValueError:
            return False
        if _query_keys(parts.query) & self.excluded_query_keys:
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
    keys = _query_keys(canonical.query)
    for kind, is_kind in _URL_KINDS:
        if is_kind(canonical.path, segments, keys):
            return kind
    return "other"


def _split_http_url(url: str) -> SplitResult:
    if not isinstance(url, str):
        raise ValueError(f"URL must be a string, not {type(url).__name__}")
    url = url.strip()
    parts = urlsplit(f"https:{url}" if url.startswith("//") else url)
    if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"not an absolute http(s) URL: {url!r}")
    try:
        parts.port
    except ValueError as error:
        raise ValueError(f"bad port in URL {url!r}") from error
    return parts


def _host_and_port(parts: SplitResult, scheme: str) -> str:
    host = parts.hostname.rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    if parts.port is None or parts.port == _DEFAULT_PORTS[scheme]:
        return host
    return f"{host}:{parts.port}"


def _canonical_path(path: str) -> str:
    segments = [segment for segment in path.split("/") if segment]
    dropped_amp = bool(segments) and segments[-1].lower() == "amp"
    if dropped_amp:
        segments.pop()
    if not segments:
        return "/"
    canonical = "/" + "/".join(segments)
    return canonical + "/" if path.endswith("/") or dropped_amp else canonical


def _query_pairs(query: str) -> list[tuple[str, str]]:
    """(decoded name, raw ``name=value`` text) of each query argument; the raw text is left to w3lib to normalise."""
    pairs = []
    for pair in query.split("&"):
        if pair:
            pairs.append((unquote_plus(pair.partition("=")[0]), pair))
    return pairs


def _kept_query(query: str) -> str:
    return "&".join(pair for name, pair in _query_pairs(query) if not _is_tracking(name, pair))


def _is_tracking(name: str, pair: str) -> bool:
    name = name.lower()
    if name == "outputtype":
        return unquote_plus(pair.partition("=")[2]).lower() == "amp"
    return name in _TRACKING_PARAMS or name.startswith(_TRACKING_PREFIXES)


def _query_keys(query: str) -> set[str]:
    return {name for name, _ in _query_pairs(query)}


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
