"""Where the archive of a crawl is: the ``NEWSARCHIVE_DB`` setting, else the environment, else the default."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_ARCHIVE = "data/archive.db"


def archive_path(settings) -> Path:
    """The archive a crawl writes to: the setting, else the environment variable, else the default.

    ``settings`` is anything with a ``get(name)`` method (Scrapy settings, a dict).
    """
    configured = settings.get("NEWSARCHIVE_DB") or os.environ.get("NEWSARCHIVE_DB") or DEFAULT_ARCHIVE
    return Path(configured).expanduser()
