"""The Datasette plugin: gives every attached newsarchive archive the project's metadata and pages."""

from __future__ import annotations

from datasette import hookimpl

from newsarchive.datasette.metadata import is_archive, metadata_for
from newsarchive.datasette.pages import extra_template_vars, prepare_jinja2_environment

__all__ = ["archive_names", "extra_template_vars", "get_metadata", "prepare_jinja2_environment"]


@hookimpl
def get_metadata(datasette, key, database, table):
    return metadata_for(archive_names(datasette))


def archive_names(datasette) -> list[str]:
    """Names of the attached databases that are newsarchive archives."""
    return [name for name, db in datasette.databases.items()
            if not db.is_memory and db.path and is_archive(str(db.path))]
