"""The archive's Datasette metadata, applied to every attached database that is a newsarchive archive."""

from __future__ import annotations

import copy
import json
import sqlite3
from functools import lru_cache
from importlib import resources
from pathlib import Path

from newsarchive.storage.migrations import MIGRATION_SET

METADATA_FILE = "metadata.json"
TEMPLATE_DATABASE = "archive"  # the database name the metadata file describes


@lru_cache(maxsize=1)
def _metadata_text() -> str:
    return resources.files(__package__).joinpath(METADATA_FILE).read_text(encoding="utf-8")


def archive_metadata() -> dict:
    """A fresh copy of the metadata file (callers may modify it)."""
    return json.loads(_metadata_text())


def metadata_for(database_names: list[str]) -> dict:
    """Datasette metadata describing each of ``database_names`` as an archive; {} for none."""
    if not database_names:
        return {}
    metadata = archive_metadata()
    template = metadata.pop("databases")[TEMPLATE_DATABASE]
    metadata["databases"] = {name: copy.deepcopy(template) for name in database_names}
    return metadata


@lru_cache(maxsize=64)
def is_archive(path: str) -> bool:
    """Whether the SQLite file at ``path`` holds newsarchive migrations (read only, never created)."""
    if not Path(path).is_file():
        return False
    try:
        connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        found = connection.execute("SELECT 1 FROM _sqlite_migrations WHERE migration_set = ? LIMIT 1",
                                   [MIGRATION_SET]).fetchone()
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    return found is not None


def archive_names(datasette) -> list[str]:
    """Names of the databases attached to ``datasette`` that are newsarchive archives."""
    return [name for name, db in datasette.databases.items()
            if not db.is_memory and db.path and is_archive(str(db.path))]
