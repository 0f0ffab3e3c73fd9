"""Page URLs a page gives for itself (``rel=canonical``, ``og:url``): absolute, on the page's site, canonicalised."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from newsarchive.urls import canonicalize_url, same_site


def same_site_url(href: str | None, page_url: str) -> str | None:
    """``href`` made absolute against ``page_url`` and canonicalised, when it is on the page's site; None for
    another site, and for the home page named by an article (a template mistake)."""
    if not href:
        return None
    absolute = urljoin(page_url, href.strip())
    if not same_site(absolute, page_url):
        return None
    if urlsplit(absolute).path in ("", "/") and urlsplit(page_url).path not in ("", "/"):
        return None
    return canonical_or_given(absolute)


def canonical_or_given(url: str) -> str:
    """The canonical form of ``url``, or ``url`` itself when it cannot be canonicalised."""
    try:
        return canonicalize_url(url)
    except ValueError:
        return url
