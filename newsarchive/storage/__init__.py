"""The SQLite archive: schema (migrations), writes, crawl runs, fingerprints and raw pages.

The names below are imported from their modules when first asked for (PEP 562), not with the package: every
process that reads one light module of it (the settings read ``location``, an extraction worker ``derived``)
would otherwise import the archive, sqlite-utils and the whole extractor at start-up.
"""

from __future__ import annotations

import importlib

_HOMES = {  # name -> the module of this package that defines it
    "Archive": "archive",
    "ArchiveDamaged": "archive",
    "ArchiveError": "archive",
    "ArchiveUnavailable": "archive",
    "ForeignDatabase": "archive",
    "SaveResult": "save_result",
    "content_fingerprint": "fingerprint",
    "ArticleState": "incremental",
    "NotModified": "incremental",
    "archive_path": "location",
    "default_archive": "location",
    "MalformedRecord": "rows",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
