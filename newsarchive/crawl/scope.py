"""What a crawl is restricted to, and the spider arguments that schedulers and backfills use.

``-a full=1`` ignores the incremental state, ``-a since=2025-08-01`` keeps only articles published
since that date (midnight, Paris time, when no time is given), ``-a category=france`` keeps only one
category (a section of the site, as its URL rules place pages in sections: :mod:`newsarchive.sites.rules`),
``-a max_pages=N`` / ``-a max_minutes=M`` bound the run. Each argument is a shortcut for a
setting (:data:`SPIDER_ARGUMENTS`), so ``-s`` works as well. Pure code: no Scrapy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time

from newsarchive.crawl.incremental import parse_when
from newsarchive.dates import PARIS as SITE_TIMEZONE
from newsarchive.sites.rules import SiteRules
from newsarchive.storage.rows import tag_slug

_CATEGORY = re.compile(r"[a-z0-9][a-z0-9_-]*")
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}


def parse_since(value) -> datetime | None:
    """``2025-08-01`` (midnight in Paris) or an ISO 8601 date and time (Paris time when no offset)."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=SITE_TIMEZONE)
    text = str(value or "").strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time(), SITE_TIMEZONE)
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"since must be a date such as 2025-08-01 or an ISO 8601 date and time, "
                         f"not {text!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=SITE_TIMEZONE)


def parse_category(value) -> str | None:
    """A category slug as in the site's URLs (``france``, ``economie``)."""
    text = str(value or "").strip().strip("/").lower()
    if not text:
        return None
    if not _CATEGORY.fullmatch(text):
        raise ValueError(f"category must be a category slug such as france, not {value!r}")
    return text


def parse_flag(value) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text not in _TRUE | _FALSE:
        raise ValueError(f"expected 1/0, true/false, yes/no or on/off, not {value!r}")
    return text in _TRUE


def _positive_int(value) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        number = 0
    if number < 1:
        raise ValueError(f"max_pages must be a whole number of pages >= 1, not {value!r}")
    return number


def _minutes_as_seconds(value) -> float:
    try:
        minutes = float(str(value).strip())
    except ValueError:
        minutes = 0.0
    if not minutes > 0:
        raise ValueError(f"max_minutes must be a number of minutes > 0, not {value!r}")
    return minutes * 60


def _since_text(value) -> str:
    parse_since(value)
    return str(value).strip()


# spider argument -> (setting, conversion of the argument's text)
SPIDER_ARGUMENTS = {
    "full": ("NEWSARCHIVE_FULL_CRAWL", parse_flag),
    "since": ("NEWSARCHIVE_SINCE", _since_text),
    "category": ("NEWSARCHIVE_CATEGORY", parse_category),
    "max_pages": ("CLOSESPIDER_PAGECOUNT", _positive_int),
    "max_minutes": ("CLOSESPIDER_TIMEOUT", _minutes_as_seconds),
}


def settings_from_arguments(arguments) -> dict:
    """The settings that the scheduling spider arguments among ``arguments`` stand for.

    Raises ValueError, naming the argument, when one of them is invalid.
    """
    settings = {}
    for name, (setting, convert) in SPIDER_ARGUMENTS.items():
        if name in arguments:
            try:
                settings[setting] = convert(arguments[name])
            except ValueError as exc:
                raise ValueError(f"-a {name}: {exc}") from None
    return settings


@dataclass(frozen=True)
class CrawlScope:
    """Articles published since ``since`` (aware datetime) and in ``category`` (slug); None: all.
    ``rules`` are the site's URL rules, which say what section a URL is in."""

    since: datetime | None = None
    category: str | None = None
    rules: SiteRules = field(default_factory=SiteRules.of)

    @classmethod
    def from_settings(cls, settings, rules: SiteRules | None = None) -> CrawlScope:
        """From ``NEWSARCHIVE_SINCE`` and ``NEWSARCHIVE_CATEGORY``, for a site of ``rules`` (default: the
        generic ones); raises ValueError naming the bad setting."""
        try:
            since = parse_since(settings.get("NEWSARCHIVE_SINCE"))
        except ValueError as exc:
            raise ValueError(f"NEWSARCHIVE_SINCE: {exc}") from None
        try:
            category = parse_category(settings.get("NEWSARCHIVE_CATEGORY"))
        except ValueError as exc:
            raise ValueError(f"NEWSARCHIVE_CATEGORY: {exc}") from None
        return cls(since, category, rules or SiteRules.of())

    @property
    def restricted(self) -> bool:
        return self.since is not None or self.category is not None

    def admits_url(self, url: str) -> bool:
        """An article, or a listing page worth walking: any without a category, else the category's."""
        return self.category is None or self.rules.in_section(url, self.category)

    def admits_date(self, published: str | None) -> bool:
        """False only when ``published`` (or a date the publication cannot be later than, such as a
        sitemap lastmod) is known and earlier than ``since``."""
        when = parse_when(published) if self.since else None
        return when is None or when >= self.since

    def refusal(self, record: dict) -> str | None:
        """Why an extracted article is out of scope (``before_since``, ``other_category``), or None."""
        if not self.admits_date(record.get("published")):
            return "before_since"
        if self.category and tag_slug(str(record.get("category") or "")) != self.category:
            urls = (record.get("canonical_url"), record.get("url"))
            if not any(isinstance(url, str) and self.admits_url(url) for url in urls):
                return "other_category"
        return None

