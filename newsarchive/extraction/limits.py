"""The bounds of one page's extraction, against hostile pages: JSON-LD nesting depth and time.

The values come from the ``NEWSARCHIVE_JSONLD_MAX_DEPTH`` and ``NEWSARCHIVE_EXTRACTION_TIME_LIMIT``
settings (defaults in :mod:`newsarchive.settings`), read by the crawl's extraction pipeline; the
commands that extract outside a crawl use the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractionLimits:
    jsonld_max_depth: int  # deeper JSON-LD scripts are left out (with a warning)
    time_limit: float  # seconds; fields not read by then are left out (with a warning); 0: no limit

    @classmethod
    def from_settings(cls, settings) -> ExtractionLimits:
        """The limits of Scrapy-like ``settings`` (``getint``/``getfloat``)."""
        return cls(settings.getint("NEWSARCHIVE_JSONLD_MAX_DEPTH"),
                   settings.getfloat("NEWSARCHIVE_EXTRACTION_TIME_LIMIT"))

    @classmethod
    def defaults(cls) -> ExtractionLimits:
        from newsarchive import settings

        return cls(settings.NEWSARCHIVE_JSONLD_MAX_DEPTH, settings.NEWSARCHIVE_EXTRACTION_TIME_LIMIT)
