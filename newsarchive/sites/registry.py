"""Which page class reads which site: rules built from the site profiles, in the spirit of web-poet's ``ApplyRule``.

Each profile gives one :class:`ApplyRule` per domain: that domain's pages (and its subdomains') are read by
the profile's page class (:func:`page_class_of`). A process reads pages with the registry of the profiles
of its run, set by :func:`use_profiles` (a crawl, and each extraction worker, calls it first; otherwise the
bundled profiles and ``NEWSARCHIVE_PROFILES_DIR`` are read when a class is first asked for): no module
registers anything by being imported. Pure code: no Scrapy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from newsarchive.extraction.page import ArticlePage
from newsarchive.sites.catalog import load_profiles
from newsarchive.sites.profile_file import import_page_class
from newsarchive.sites.profiles import SiteProfile


@dataclass(frozen=True)
class ApplyRule:
    """Pages of ``domain`` and of its subdomains are read by ``use``."""

    domain: str
    use: type[ArticlePage]


class PageRegistry:
    """The page class of each domain; any other page is read by the generic :class:`ArticlePage`."""

    def __init__(self, rules: Iterable[ApplyRule] = ()):
        self.rules = tuple(rules)
        self._classes = {rule.domain.lower().strip("."): rule.use for rule in self.rules}

    @classmethod
    def from_profiles(cls, profiles: Iterable[SiteProfile]) -> PageRegistry:
        return cls(ApplyRule(domain, page_class_of(profile)) for profile in profiles for domain in profile.domains)

    def page_class_for(self, url: str, site: str | None = None) -> type[ArticlePage]:
        """The class for ``site`` (a domain such as ``onemedia.fr``) or, without it, for the URL's host.
        ``site`` serves copies of a site under another host, such as the offline sample of onemedia.fr
        on 127.0.0.1."""
        host = (site or urlsplit(url).hostname or "").lower().rstrip(".")
        while host:
            if host in self._classes:
                return self._classes[host]
            _, _, host = host.partition(".")
        return ArticlePage


def page_class_of(profile: SiteProfile) -> type[ArticlePage]:
    """The class that reads the profile's pages: its ``page_class`` (default: the generic
    :class:`ArticlePage`), subclassed with its ``selectors`` when it has some."""
    base = import_page_class(profile.page_class) if profile.page_class else ArticlePage
    if not profile.selectors:
        return base
    class_name = "".join(part.capitalize() for part in re.split(r"[^a-z0-9]+", profile.name) if part) + "ProfilePage"
    return type(class_name, (base,), {
        "selectors": {**base.selectors, **profile.selectors},
        "optional": base.optional | profile.optional_selectors,
        "__module__": __name__,
        "__doc__": f"Pages of {', '.join(profile.domains)}, read with the selectors of {profile.source}.",
    })  # fmt: skip


_registry: PageRegistry | None = None


def use_profiles(user_dir: str | Path | None = None) -> PageRegistry:
    """From now on, this process reads pages with the profiles found with ``user_dir`` (see
    :func:`~newsarchive.sites.catalog.load_profiles`); the registry they make."""
    global _registry
    _registry = PageRegistry.from_profiles(load_profiles(user_dir).profiles.values())
    return _registry


def page_registry() -> PageRegistry:
    """The registry of this process (:func:`use_profiles`, by default with ``NEWSARCHIVE_PROFILES_DIR``)."""
    return _registry or use_profiles()


def page_class_for(url: str, site: str | None = None) -> type[ArticlePage]:
    """:meth:`PageRegistry.page_class_for` of this process's registry."""
    return page_registry().page_class_for(url, site)
