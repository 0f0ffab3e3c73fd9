"""Site profiles: a small TOML file per news site, enough to crawl and read it without Python.

A profile names the site's ``domains``, where its articles are listed (``start_urls`` and a
``[discovery]`` table of ``sitemaps``, ``feeds`` and ``sections``), what an article URL looks like
(``article_pattern`` and ``exclude_patterns``: regular expressions searched in the URL's path and
query) and, optionally, how to read its pages: a Python ``page_class = "module:Class"`` and/or CSS
``[selectors]`` that come before the generic extraction, field by field. See docs/adding-a-site.md.

Profiles are read from the bundled folder (``newsarchive/site_profiles``), then from the user's
folder (the ``NEWSARCHIVE_PROFILES_DIR`` setting or environment variable); a user profile with the
name of a bundled one replaces it. Pure code: no Scrapy.
"""

from __future__ import annotations

import difflib
import importlib
import logging
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urljoin, urlsplit

from cssselect import SelectorError
from lxml.cssselect import CSSSelector

from newsarchive.extraction.page import ArticlePage
from newsarchive.extraction.record import SELECTABLE_FIELDS
from newsarchive.extraction.registry import register, registered_domains

logger = logging.getLogger(__name__)

BUNDLED_PROFILES_DIR = Path(__file__).resolve().parent / "site_profiles"
PROFILES_DIR_ENV = "NEWSARCHIVE_PROFILES_DIR"
PROFILE_KEYS = ("name", "domains", "start_urls", "discovery", "article_pattern", "exclude_patterns", "selectors",
                "page_class")
DISCOVERY_KEYS = ("sitemaps", "feeds", "sections")
_NAME = re.compile(r"[a-z0-9][a-z0-9_.-]*")
_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]*[a-z0-9]|localhost")


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
class SiteProfile:
    """One site's profile, checked (see :func:`parse_profile`); ``source`` is its file."""

    name: str
    domains: tuple[str, ...]
    start_urls: tuple[str, ...]
    discovery: Discovery = Discovery()
    article_pattern: re.Pattern | None = None
    exclude_patterns: tuple[re.Pattern, ...] = ()
    selectors: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    page_class: str | None = None
    source: Path | None = None

    @property
    def base_url(self) -> str:
        """The site's home: the first start URL."""
        return self.start_urls[0]

    def claims(self, host: str) -> bool:
        """Whether ``host`` is one of the profile's domains or a subdomain of one."""
        host = host.lower().rstrip(".")
        return any(_on_domain(host, domain) for domain in self.domains)

    def is_excluded(self, url: str) -> bool:
        target = _path_and_query(url)
        return any(pattern.search(target) for pattern in self.exclude_patterns)

    def is_article_url(self, url: str) -> bool:
        """``article_pattern`` matches and no exclude pattern does (False without ``article_pattern``)."""
        if self.article_pattern is None or self.is_excluded(url):
            return False
        return self.article_pattern.search(_path_and_query(url)) is not None

    def resolve(self, url: str, base_url: str | None = None) -> str:
        """A discovery URL or path, made absolute against ``base_url`` (default: the profile's own);
        a URL of the site is moved to ``base_url`` when that is another address (a copy of the site)."""
        base_url = base_url or self.base_url
        parts = urlsplit(url)
        if parts.scheme and not self.claims(urlsplit(base_url).hostname or "") and self.claims(parts.hostname or ""):
            url = _path_and_query(url)
        return urljoin(base_url, url)

    def summary(self) -> dict:
        """The profile as plain data (``newsarchive sites --json``)."""
        return {
            "name": self.name, "domains": list(self.domains), "start_urls": list(self.start_urls),
            "sitemaps": list(self.discovery.sitemaps), "feeds": list(self.discovery.feeds),
            "sections": list(self.discovery.sections),
            "article_pattern": self.article_pattern.pattern if self.article_pattern else None,
            "exclude_patterns": [pattern.pattern for pattern in self.exclude_patterns],
            "page_class": self.page_class, "selectors": dict(self.selectors),
            "source": str(self.source) if self.source else None,
        }  # fmt: skip


def _on_domain(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def _path_and_query(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


# --- reading and checking a profile ---------------------------------------------------------------


def load_profile(path: str | Path) -> SiteProfile:
    """The profile in the TOML file ``path``; raises :class:`ProfileError` saying what is wrong."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProfileError(f"cannot read the profile: {exc.strerror or exc}", path) from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ProfileError(f"not a valid TOML file: {exc}", path) from None
    try:
        return parse_profile(data, default_name=path.stem, source=path)
    except ProfileError as exc:
        raise ProfileError(str(exc), path) from None


def parse_profile(data: dict, *, default_name: str | None = None, source: Path | None = None) -> SiteProfile:
    """A profile from the table of a TOML file; raises :class:`ProfileError` on the first mistake."""
    _check_keys(data, PROFILE_KEYS, "")
    name = str(data.get("name", default_name or "")).strip()
    if not _NAME.fullmatch(name):
        raise ProfileError(f"name must be lower-case letters, digits, '.', '_' or '-', not {name!r}")
    domains = tuple(_domain(value) for value in _strings(data, "domains", required=True))
    start_urls = tuple(_strings(data, "start_urls")) or (f"https://{domains[0]}/",)
    for url in start_urls:
        _check_site_url(url, domains, "start_urls", absolute=True)
    return SiteProfile(
        name=name, domains=domains, start_urls=start_urls, discovery=_discovery(data.get("discovery", {}), domains),
        article_pattern=_regex(data["article_pattern"], "article_pattern") if "article_pattern" in data else None,
        exclude_patterns=tuple(_regex(value, "exclude_patterns") for value in _strings(data, "exclude_patterns")),
        selectors=MappingProxyType(_selectors(data.get("selectors", {}))),
        page_class=_page_class_name(data.get("page_class")), source=source,
    )  # fmt: skip


def _check_keys(table: dict, known: tuple[str, ...], where: str) -> None:
    """Every key of ``table`` is in ``known``; ``where`` is the table's prefix (``discovery.``)."""
    if not isinstance(table, dict):
        raise ProfileError(f"{where.rstrip('.') or 'the profile'} must be a table")
    for key in table:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean {where + close[0]!r}?)" if close else ""
            raise ProfileError(f"unknown key {where + key!r}{hint}; known keys: {', '.join(known)}")


def _strings(table: dict, key: str, *, required: bool = False, where: str = "") -> list[str]:
    values = table.get(key, [])
    if not isinstance(values, list) or not all(isinstance(value, str) and value.strip() for value in values):
        raise ProfileError(f"{where}{key} must be a list of non-empty strings")
    if required and not values:
        raise ProfileError(f"{where}{key} is required: a list such as [\"example.fr\"]")
    return [value.strip() for value in values]


def _domain(value: str) -> str:
    domain = value.lower().strip(".")
    if not _DOMAIN.fullmatch(domain):
        raise ProfileError(f"domains: {value!r} is not a domain name such as example.fr (no scheme, no path)")
    return domain


def _check_site_url(url: str, domains: tuple[str, ...], key: str, *, absolute: bool = False) -> None:
    parts = urlsplit(url)
    if not parts.scheme and not absolute and url.startswith("/"):
        return
    if parts.scheme not in ("http", "https") or not parts.hostname:
        expected = "an absolute http(s) URL" if absolute else "an absolute http(s) URL or a path starting with /"
        raise ProfileError(f"{key}: {url!r} is not {expected}")
    if not any(_on_domain(parts.hostname.lower(), domain) for domain in domains):
        raise ProfileError(f"{key}: {url!r} is not on the profile's domains ({', '.join(domains)})")


def _discovery(table, domains: tuple[str, ...]) -> Discovery:
    _check_keys(table, DISCOVERY_KEYS, "discovery.")
    lists = {key: tuple(_strings(table, key, where="discovery.")) for key in DISCOVERY_KEYS}
    for key, urls in lists.items():
        for url in urls:
            _check_site_url(url, domains, f"discovery.{key}")
    return Discovery(**lists)


def _regex(value, key: str) -> re.Pattern:
    if not isinstance(value, str) or not value:
        raise ProfileError(f"{key} must be a non-empty regular expression string")
    try:
        return re.compile(value)
    except re.error as exc:
        raise ProfileError(f"{key}: bad regular expression {value!r}: {exc}") from None


def _selectors(table) -> dict[str, str]:
    _check_keys(table, tuple(sorted(SELECTABLE_FIELDS)), "selectors.")
    selectors = {}
    for name, css in table.items():
        if not isinstance(css, str) or not css.strip():
            raise ProfileError(f"selectors.{name} must be a non-empty CSS selector string")
        try:
            CSSSelector(css)
        except SelectorError as exc:
            raise ProfileError(f"selectors.{name}: bad CSS selector {css!r}: {exc}") from None
        selectors[name] = css.strip()
    return selectors


def _page_class_name(value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value.count(":") != 1:
        raise ProfileError(f"page_class must be \"module:Class\", not {value!r}")
    _import_page_class(value)
    return value


def _import_page_class(reference: str) -> type[ArticlePage]:
    module_name, _, class_name = reference.partition(":")
    try:
        page_class = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as exc:
        raise ProfileError(f"page_class {reference!r} cannot be imported: {exc}") from None
    if not (isinstance(page_class, type) and issubclass(page_class, ArticlePage)):
        raise ProfileError(f"page_class {reference!r} is not a subclass of ArticlePage")
    return page_class


# --- the profiles of a run -------------------------------------------------------------------------


@dataclass
class ProfileCatalog:
    """The usable profiles by name, and the errors of the files that could not be used."""

    profiles: dict[str, SiteProfile] = field(default_factory=dict)
    errors: list[ProfileError] = field(default_factory=list)

    def get(self, name: str) -> SiteProfile:
        """The profile named ``name``; raises :class:`ProfileError` naming the known ones."""
        if name in self.profiles:
            return self.profiles[name]
        failed = [str(error) for error in self.errors if error.path and error.path.stem == name]
        known = ", ".join(sorted(self.profiles)) or "none"
        raise ProfileError("; ".join(failed) or f"no site profile named {name!r} (known: {known})")

    def for_host(self, host: str) -> SiteProfile | None:
        """The profile whose domain is the longest match of ``host`` (``www.example.fr`` -> ``example.fr``)."""
        host = host.lower().rstrip(".")
        matches = [(len(domain), profile) for profile in self.profiles.values() for domain in profile.domains
                   if _on_domain(host, domain)]
        return max(matches, key=lambda match: match[0])[1] if matches else None

    def add(self, profile: SiteProfile) -> None:
        """Adds ``profile``, replacing one of the same name; a domain another profile claims is an error."""
        for other in self.profiles.values():
            shared = set(profile.domains) & set(other.domains)
            if other.name != profile.name and shared:
                self.errors.append(ProfileError(
                    f"domain {min(shared)} is already the profile {other.name!r}'s ({other.source})",
                    profile.source))
                return
        if profile.name in self.profiles:
            logger.info("Profile %s of %s replaces the one of %s", profile.name, profile.source,
                        self.profiles[profile.name].source)
        self.profiles[profile.name] = profile


def profile_dirs(user_dir: str | Path | None = None) -> list[Path]:
    """The bundled folder, then ``user_dir`` or else the folders of ``NEWSARCHIVE_PROFILES_DIR``
    (several are separated like PATH entries)."""
    user = str(user_dir) if user_dir else os.environ.get(PROFILES_DIR_ENV, "")
    return [BUNDLED_PROFILES_DIR, *(Path(entry).expanduser() for entry in user.split(os.pathsep) if entry)]


def load_profiles(user_dir: str | Path | None = None) -> ProfileCatalog:
    """Every ``*.toml`` profile of :func:`profile_dirs`; files with mistakes are left out, their
    errors kept in the catalog's ``errors``."""
    catalog = ProfileCatalog()
    for folder in profile_dirs(user_dir):
        if not folder.is_dir():
            catalog.errors.append(ProfileError(f"profiles folder {folder} does not exist"))
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                catalog.add(load_profile(path))
            except ProfileError as exc:
                catalog.errors.append(exc)
    return catalog


# --- page classes -----------------------------------------------------------------------------------


def page_class_of(profile: SiteProfile) -> type[ArticlePage]:
    """The class that reads the profile's pages: its ``page_class`` (default: the generic
    :class:`ArticlePage`), subclassed with its ``selectors`` when it has some."""
    base = _import_page_class(profile.page_class) if profile.page_class else ArticlePage
    if not profile.selectors:
        return base
    class_name = "".join(part.capitalize() for part in re.split(r"[^a-z0-9]+", profile.name) if part) + "ProfilePage"
    return type(class_name, (base,), {
        "selectors": {**base.selectors, **profile.selectors},
        "__module__": __name__,
        "__doc__": f"Pages of {', '.join(profile.domains)}, read with the selectors of {profile.source}.",
    })  # fmt: skip


def register_profiles_from(user_dir: str | Path | None) -> None:
    """Registers the page classes of the profiles found with ``user_dir`` (see :func:`load_profiles`);
    what an extraction worker process runs first, as the ``news`` spider did in the crawl process."""
    register_profile_pages(load_profiles(user_dir).profiles.values())


def register_profile_pages(profiles) -> None:
    """Registers the page class of each profile (an iterable of :class:`SiteProfile`) for its domains,
    after the Python site modules: a profile wins over a site module for the same domain."""
    registered_domains()  # loads the site modules first
    for profile in profiles:
        register(*profile.domains)(page_class_of(profile))
