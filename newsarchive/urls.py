"""URL canonicalisation: the one URL of a page, and the site it belongs to.

One article must have one URL, whatever link led to it.  :func:`canonicalize_url` removes what varies between links to
the same page (scheme, host case, default port, fragment, tracking parameters, AMP variants)
and leaves the percent-encoding and the order of the query to :func:`w3lib.url.canonicalize_url`.  w3lib is the
library Scrapy itself uses for request fingerprints: it encodes paths and queries to UTF-8 percent-escapes in one
spelling (``café`` and ``caf%c3%a9`` become ``caf%C3%A9``), decodes escapes of unreserved characters and sorts query
arguments, which is easy to get subtly wrong by hand.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import SplitResult, unquote_plus, urljoin, urlsplit, urlunsplit

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
@lru_cache(maxsize=8192)  # a crawl meets the same links (menus, sidebars) on every page
def canonicalize_url(url: str) -> str:
    """The one URL of a page: see the module docstring for what is removed.

    http becomes https unless the URL names a non-default port (a local server answers only on its own scheme).
    The path keeps its trailing slash as given (``/a/b`` and ``/a/b/`` may be two pages on sites that are not
    WordPress); empty segments are collapsed, and an AMP ``/amp/`` suffix is dropped.
    Raises ValueError for anything that is not an absolute http(s) URL.
    """
    parts = split_http_url(url)
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
    parts = split_http_url(url)
    key = _host_and_port(parts, parts.scheme.lower())
    return key[4:] if key.startswith("www.") else key


def request_site(url: str) -> str:
    """The site a request goes to: :func:`site_key` of its URL, else its host as written (a URL that is no
    absolute http(s) URL, which the downloader refuses)."""
    try:
        return site_key(url)
    except ValueError:
        return urlsplit(url).netloc


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


# An address that names its page by a number alone: SPIP's (spip.php?article123, ?page=article&id_article=123),
# WordPress's plain one (/?p=123), Joomla's (index.php?option=com_content&view=article&id=12), in its query's any
# order; Drupal's path (/node/123).
_NUMBERED_QUERY = re.compile(r"(?:^|&)(?:(?:article|breve)\d+=?|id_(?:article|breve)=\d+|p=\d+|page_id=\d+)(?:&|$)")
_JOOMLA_ARTICLE, _JOOMLA_ID = re.compile(r"(?:^|&)option=com_content(?:&|$)"), re.compile(r"(?:^|&)id=\d")
_NUMBERED_PATH = re.compile(r"(?:^|/)node/\d+/?$")


def may_be_canonical_of(url: str, page_url: str) -> bool:
    """Whether a page's canonical address ``url`` may be taken as the page's own: a variant of its address
    (:func:`is_variant_of`), or, for a page reached at an address that names it by a number alone (SPIP's
    ``spip.php?article123``), an address in words on its site that is not the home page (``/Le-conseil-vote``)."""
    return is_variant_of(url, page_url) or _names_by_number(page_url) and not _names_by_number(url) \
        and not is_home_address(url) and same_site(url, page_url)


def _names_by_number(url: str) -> bool:
    """Whether an address names its page by a number alone (:data:`_NUMBERED_QUERY`), not by words."""
    parts = urlsplit(url)
    return _NUMBERED_QUERY.search(parts.query) is not None or _NUMBERED_PATH.search(parts.path) is not None \
        or _JOOMLA_ARTICLE.search(parts.query) is not None and _JOOMLA_ID.search(parts.query) is not None


def same_site(url_a: str, url_b: str) -> bool:
    """True when both URLs are on the same host, ignoring ``www.`` and case; False for non-http(s) URLs."""
    try:
        return site_key(url_a) == site_key(url_b)
    except ValueError:
        return False


def document_base(page_url: str, base_href: str | None) -> str:
    """The address a page's relative links and images are read against: its ``<base href>`` made absolute against the
    page's own address (a site's ``<base href="https://www.ville.example/">``, its images written ``images/…``), else
    that address; a base that is no web address (``javascript:``) is none."""
    base = urljoin(page_url, base_href.strip()) if base_href and base_href.strip() else ""
    return base if urlsplit(base).scheme in ("http", "https") else page_url


def is_home_address(href: str | None) -> bool:
    """Whether a link's address leads to a site's home page (``/``, ``https://le-journal.example/``), not to a part of
    the page (``#top``) nor to a query of the home page (``/?s=mot``)."""
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return False
    address = urlsplit(href)
    return address.path in ("", "/") and not address.query


def leads_to_a_place_of_the_page(href: str | None) -> bool:
    """Whether a link's address leads to a place of its page (``#tocfrom1n1``), not ``#`` alone (a script's link)."""
    href = (href or "").strip()
    return len(href) > 1 and href.startswith("#")


def split_http_url(url: str) -> SplitResult:
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


def query_keys(query: str) -> set[str]:
    return {name for name, _ in _query_pairs(query)}


