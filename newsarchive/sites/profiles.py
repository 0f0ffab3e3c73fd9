"""Site profiles: each site the crawler knows, declared once in a small TOML file.

A profile names the site's ``domains``, where its articles are listed (``start_urls`` and a
``[discovery]`` table of ``sitemaps``, ``feeds`` and ``sections``), its URL rules (a ``platform``:
``wordpress`` or the default ``generic``, refined by ``article_pattern`` and ``exclude_patterns``: regular
expressions searched in the URL's path and query), how to read its pages (CSS ``[selectors]`` that come
before the generic extraction, field by field, and/or a Python ``page_class = "module:Class"`` for a site
that needs code) and the ``[check]`` of ``scrapy check NAME``. Every profile is a spider
(``scrapy crawl NAME``, see :mod:`spiders.sites`), the same as ``scrapy crawl news -a profile=NAME``; see
docs/adding-a-site.md. Files are read and checked by :mod:`newsarchive.sites.profile_file`.

Profiles are read from the bundled folder (``newsarchive/sites/declarations``), then from the user's
folder (the ``NEWSARCHIVE_PROFILES_DIR`` setting or environment variable); a user profile with the
name of a bundled one replaces it. Pure code: no Scrapy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urljoin, urlsplit

from newsarchive.sites.rules import SiteRules, path_and_query

BUNDLED_PROFILES_DIR = Path(__file__).resolve().parent / "declarations"
PROFILES_DIR_ENV = "NEWSARCHIVE_PROFILES_DIR"


class ProfileError(ValueError):
    """A profile that cannot be used; the message names its file and what is wrong."""

    def __init__(self, message: str, path: Path | None = None):
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path


@dataclass(frozen=True)
class Discovery:
    """Where the site lists its articles: absolute URLs or paths from the site's root."""

    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()


@dataclass(frozen=True)
class Check:
    """What ``scrapy check NAME`` reads: the page at ``url_path`` under the crawled site, whose record
    must hold ``fields``."""

    url_path: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class SiteProfile:
    """One site's profile, checked (see :func:`~newsarchive.sites.profile_file.parse_profile`); ``source``: its file."""

    name: str
    domains: tuple[str, ...]
    start_urls: tuple[str, ...]
    discovery: Discovery = Discovery()
    platform: str = "generic"
    article_pattern: re.Pattern | None = None
    exclude_patterns: tuple[re.Pattern, ...] = ()
    selectors: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    optional_selectors: frozenset[str] = frozenset()
    page_class: str | None = None
    check: Check | None = None
    source: Path | None = None

    @property
    def base_url(self) -> str:
        """The site's home: the first start URL."""
        return self.start_urls[0]

    @property
    def rules(self) -> SiteRules:
        """The site's URL rules: its platform's, refined by its patterns."""
        return SiteRules.of(self.platform, self.article_pattern, self.exclude_patterns)

    def claims(self, host: str) -> bool:
        """Whether ``host`` is one of the profile's domains or a subdomain of one."""
        host = host.lower().rstrip(".")
        return any(on_domain(host, domain) for domain in self.domains)

    def resolve(self, url: str, base_url: str | None = None) -> str:
        """A discovery URL or path, made absolute against ``base_url`` (default: the profile's own);
        a URL of the site is moved to ``base_url`` when that is another address (a copy of the site)."""
        base_url = base_url or self.base_url
        parts = urlsplit(url)
        if parts.scheme and not self.claims(urlsplit(base_url).hostname or "") and self.claims(parts.hostname or ""):
            url = path_and_query(url)
        return urljoin(base_url, url)

    def summary(self) -> dict:
        """The profile as plain data (``newsarchive sites --json``)."""
        return {
            "name": self.name, "domains": list(self.domains), "start_urls": list(self.start_urls),
            "sitemaps": list(self.discovery.sitemaps), "feeds": list(self.discovery.feeds),
            "sections": list(self.discovery.sections), "platform": self.platform,
            "article_pattern": self.article_pattern.pattern if self.article_pattern else None,
            "exclude_patterns": [pattern.pattern for pattern in self.exclude_patterns],
            "page_class": self.page_class, "selectors": dict(self.selectors),
            "optional_selectors": sorted(self.optional_selectors),
            "source": str(self.source) if self.source else None,
        }  # fmt: skip


def on_domain(host: str, domain: str) -> bool:
    """``host`` is ``domain`` or one of its subdomains."""
    return host == domain or host.endswith("." + domain)


