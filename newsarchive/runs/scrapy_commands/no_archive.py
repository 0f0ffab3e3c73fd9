"""What ``scrapy parse`` and ``scrapy check`` share: the archive switched off for the command's run."""

from __future__ import annotations

from scrapy.settings import SETTINGS_PRIORITIES

# above the project's settings and the spider's, below the command line's -s (as Scrapy's check sets its pipelines)
ABOVE_PROJECT = (SETTINGS_PRIORITIES["spider"] + SETTINGS_PRIORITIES["cmdline"]) // 2


def leave_archive_untouched(settings) -> None:
    """``NEWSARCHIVE_STORE`` off: no archive read or written, no run recorded, no lock, no WARC file (unless the
    command line sets ``NEWSARCHIVE_STORE`` or ``NEWSARCHIVE_WARC_DIR``)."""
    settings.set("NEWSARCHIVE_STORE", False, priority=ABOVE_PROJECT)
