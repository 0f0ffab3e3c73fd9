"""Where the archive is, whatever the working directory: the setting, the environment, else the project's ``data/``.

The default archive is ``data/archive.db`` of the project checkout that holds the installed
``newsarchive`` package (the folder of its ``scrapy.cfg``), so that a crawl or a query started from
any directory finds the same file. Installed without a checkout (``pip install newsarchive``), it is
``archive.db`` in the per-user data directory: ``$XDG_DATA_HOME/newsarchive``, by default
``~/.local/share/newsarchive``. A path given by the setting or the environment variable
``NEWSARCHIVE_DB`` is taken as it is (relative to the working directory).
"""

from __future__ import annotations

import os
from pathlib import Path

ARCHIVE_NAME = "archive.db"


def project_root() -> Path | None:
    """The checkout holding the ``newsarchive`` package (a folder with ``scrapy.cfg``), else None."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "scrapy.cfg").is_file() else None


def data_dir() -> Path:
    """The project's ``data/``, else the per-user data directory of newsarchive."""
    root = project_root()
    if root is not None:
        return root / "data"
    user_data = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(user_data) / "newsarchive"


def default_archive() -> Path:
    """The archive used when neither the setting nor the environment names one."""
    return data_dir() / ARCHIVE_NAME


def archive_path(settings) -> Path:
    """The archive a crawl writes to: the setting, else the environment variable, else the default.

    ``settings`` is anything with a ``get(name)`` method (Scrapy settings, a dict).
    """
    configured = settings.get("NEWSARCHIVE_DB") or os.environ.get("NEWSARCHIVE_DB")
    return Path(configured).expanduser() if configured else default_archive()
