"""The SQLite archive: schema (migrations), writes, crawl runs, fingerprints and raw pages."""

from newsarchive.storage.archive import (
    Archive,
    ArchiveError,
    ArchiveUnavailable,
    ForeignDatabase,
    KnownArticle,
    SaveResult,
)
from newsarchive.storage.fingerprint import content_fingerprint
from newsarchive.storage.rows import MalformedRecord

__all__ = [
    "Archive",
    "ArchiveError",
    "ArchiveUnavailable",
    "ForeignDatabase",
    "KnownArticle",
    "MalformedRecord",
    "SaveResult",
    "content_fingerprint",
]
