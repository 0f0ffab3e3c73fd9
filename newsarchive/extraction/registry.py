"""Which page class reads which site: a map from domain names to :class:`ArticlePage` subclasses.

Site modules in :mod:`newsarchive.extraction.sites` register their classes with :func:`register`;
they are imported the first time a class is looked up. A host matches a registered domain when it
is that domain or one of its subdomains (``www.onemedia.fr`` -> ``onemedia.fr``).
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from urllib.parse import urlsplit

from newsarchive.extraction import sites
from newsarchive.extraction.page import ArticlePage

logger = logging.getLogger(__name__)

_CLASSES: dict[str, type[ArticlePage]] = {}
_loaded = False


def register(*domains: str):
    """Class decorator: read pages of ``domains`` (and their subdomains) with the decorated class."""

    def decorate(page_class: type[ArticlePage]) -> type[ArticlePage]:
        for domain in domains:
            _CLASSES[domain.lower().strip(".")] = page_class
        return page_class

    return decorate


def page_class_for(url: str, site: str | None = None) -> type[ArticlePage]:
    """The page class registered for ``site`` (a domain such as ``onemedia.fr``) or, without it, for the
    URL's host; else the generic :class:`ArticlePage`. ``site`` serves copies of a site under another
    host, such as the offline sample of onemedia.fr on 127.0.0.1."""
    _load_site_modules()
    host = site if site else urlsplit(url).hostname or ""
    host = host.lower().rstrip(".")
    while host:
        if host in _CLASSES:
            return _CLASSES[host]
        _, _, host = host.partition(".")
    return ArticlePage


def registered_domains() -> dict[str, type[ArticlePage]]:
    """Every registered domain and its page class."""
    _load_site_modules()
    return dict(_CLASSES)


def _load_site_modules() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for info in pkgutil.iter_modules(sites.__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{sites.__name__}.{info.name}")
            logger.debug("loaded site module %s", info.name)
