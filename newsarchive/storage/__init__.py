"""The SQLite archive: schema (migrations), writes, crawl runs, fingerprints and raw pages."""

from newsarchive.storage.archive import (
    Archive,
    ArchiveDamaged,
    ArchiveError,
    ArchiveUnavailable,
    ForeignDatabase,
    SaveResult,
)
from newsarchive.storage.fingerprint import content_fingerprint
from newsarchive.storage.incremental import ArticleState, NotModified
from newsarchive.storage.location import archive_path, default_archive
from newsarchive.storage.rows import MalformedRecord

__all__ = [
    "Archive",
    "ArchiveDamaged",
    "ArchiveError",
    "ArchiveUnavailable",
    "ArticleState",
    "ForeignDatabase",
    "MalformedRecord",
    "NotModified",
    "SaveResult",
    "archive_path",
    "content_fingerprint",
    "default_archive",
]
