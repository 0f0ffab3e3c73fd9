"""A site's URL rules: its platform's rule set (WordPress or generic), refined by its declaration's patterns.

A platform rule set (:class:`~newsarchive.sites.wordpress.WordPressRules`,
:class:`~newsarchive.sites.generic.GenericRules`) answers four questions: what a link of a listing leads to
(``link_kind``: ``article``, ``section`` or ``other``), whether a URL a sitemap or feed lists is an article
(``is_listed_article``), whether a page is in a section (``in_section``, what ``-a category=`` keeps) and
where a section's listing starts (``section_paths``). A declaration's ``article_pattern`` then decides what
an article is, and its ``exclude_patterns`` are never articles. Pure code: no Scrapy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsarchive.sites.generic import GenericRules
from newsarchive.sites.wordpress import WordPressRules

#: the ``platform`` a declaration may name, and its rule set
PLATFORMS = {"generic": GenericRules, "wordpress": WordPressRules}


@dataclass(frozen=True)
class SiteRules:
    """The URL rules of one site."""

    platform: GenericRules | WordPressRules
    article_pattern: re.Pattern | None = None
    exclude_patterns: tuple[re.Pattern, ...] = ()

    @classmethod
    def of(cls, platform: str = "generic", article_pattern: re.Pattern | None = None,
           exclude_patterns: tuple[re.Pattern, ...] = ()) -> SiteRules:
        """The rules of a ``platform`` named in :data:`PLATFORMS` (KeyError for another name)."""
        return cls(PLATFORMS[platform](), article_pattern, exclude_patterns)

    def is_excluded(self, url: str) -> bool:
        target = path_and_query(url)
        return any(pattern.search(target) for pattern in self.exclude_patterns)

    def is_article_link(self, url: str) -> bool:
        """A link of a listing that leads to an article."""
        if self.is_excluded(url):
            return False
        if self.article_pattern is not None:
            return self.article_pattern.search(path_and_query(url)) is not None
        return self.platform.link_kind(url) == "article"

    def link_kind(self, url: str) -> str:
        """``article``, ``section`` (a listing worth walking) or ``other``."""
        if self.is_article_link(url):
            return "article"
        return "section" if self.platform.link_kind(url) == "section" else "other"

    def is_listed_article(self, url: str) -> bool:
        """A URL a sitemap or a feed lists, judged an article."""
        if self.is_excluded(url):
            return False
        if self.article_pattern is not None:
            return self.article_pattern.search(path_and_query(url)) is not None
        return self.platform.is_listed_article(url)

    def in_section(self, url: str, section: str) -> bool:
        return self.platform.in_section(url, section)

    def section_paths(self, section: str) -> tuple[str, ...]:
        """Where the listing of ``section`` starts, relative to the site's home."""
        return self.platform.section_paths(section)


def path_and_query(url: str) -> str:
    """What a declaration's patterns are searched in: ``/path?query``."""
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
