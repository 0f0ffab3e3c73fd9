"""Reading and checking one site profile file (TOML); see :mod:`newsarchive.sites.profiles` for what it holds.

Every mistake is a :class:`~newsarchive.sites.profiles.ProfileError` naming the file and what is wrong
(an unknown key comes with the key it probably meant). Pure code: no Scrapy.
"""

from __future__ import annotations

import difflib
import importlib
import re
import tomllib
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlsplit

from cssselect import SelectorError
from lxml.cssselect import CSSSelector

from newsarchive.extraction.page import ArticlePage
from newsarchive.extraction.record import SELECTABLE_FIELDS
from newsarchive.sites.profiles import (
    Check,
    Discovery,
    ProfileError,
    SiteProfile,
    on_domain,
)
from newsarchive.sites.rules import PLATFORMS

PROFILE_KEYS = ("name", "domains", "start_urls", "discovery", "platform", "article_pattern", "exclude_patterns",
                "selectors", "optional_selectors", "page_class", "check")
DISCOVERY_KEYS = ("sitemaps", "feeds", "sections")
CHECK_KEYS = ("url_path", "fields")
_NAME = re.compile(r"[a-z0-9][a-z0-9_.-]*")
_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]*[a-z0-9]|localhost")


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
    selectors = _selectors(data.get("selectors", {}))
    return SiteProfile(
        name=name, domains=domains, start_urls=start_urls, discovery=_discovery(data.get("discovery", {}), domains),
        platform=_platform(data.get("platform", "generic")),
        article_pattern=_regex(data["article_pattern"], "article_pattern") if "article_pattern" in data else None,
        exclude_patterns=tuple(_regex(value, "exclude_patterns") for value in _strings(data, "exclude_patterns")),
        selectors=MappingProxyType(selectors), optional_selectors=_optional_selectors(data, selectors),
        page_class=_page_class_name(data.get("page_class")), check=_check(data.get("check")), source=source,
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
    if not any(on_domain(parts.hostname.lower(), domain) for domain in domains):
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


def _platform(value) -> str:
    if value not in PLATFORMS:
        raise ProfileError(f"platform must be one of {', '.join(sorted(PLATFORMS))}, not {value!r}")
    return value


def _optional_selectors(data: dict, selectors: dict[str, str]) -> frozenset[str]:
    optional = frozenset(_strings(data, "optional_selectors"))
    if optional - selectors.keys():
        raise ProfileError(f"optional_selectors: {', '.join(sorted(optional - selectors.keys()))} "
                           f"has no selector in [selectors]")
    return optional


def _check(table) -> Check | None:
    if table is None:
        return None
    _check_keys(table, CHECK_KEYS, "check.")
    url_path = table.get("url_path")
    if not isinstance(url_path, str) or not url_path.strip() or urlsplit(url_path).scheme:
        raise ProfileError("check.url_path must be the path of an article page, relative to the site's home")
    fields = tuple(_strings(table, "fields", where="check."))
    return Check(url_path.strip().lstrip("/"), fields)


def _page_class_name(value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value.count(":") != 1:
        raise ProfileError(f"page_class must be \"module:Class\", not {value!r}")
    import_page_class(value)
    return value


def import_page_class(reference: str) -> type[ArticlePage]:
    module_name, _, class_name = reference.partition(":")
    try:
        page_class = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as exc:
        raise ProfileError(f"page_class {reference!r} cannot be imported: {exc}") from None
    if not (isinstance(page_class, type) and issubclass(page_class, ArticlePage)):
        raise ProfileError(f"page_class {reference!r} is not a subclass of ArticlePage")
    return page_class
