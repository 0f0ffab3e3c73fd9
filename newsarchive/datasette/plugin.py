"""The Datasette plugin: gives every attached newsarchive archive the project's metadata, its article search and
its pages (folded column descriptions, the article page), and keeps the raw pages out of what Datasette serves.

The bodies and the response headers (cookies included) of ``raw_pages`` are private fetch data: every
Datasette connection reads them as NULL — in table pages, row pages, CSV and JSON exports and custom SQL
alike. ``NEWSARCHIVE_DATASETTE_RAW_PAGES=1 datasette archive.db`` serves them, for local use.
"""

from __future__ import annotations

import os
import sqlite3

from datasette import hookimpl

from newsarchive.datasette.metadata import archive_names, metadata_for
from newsarchive.datasette.pages import extra_template_vars, prepare_jinja2_environment
from newsarchive.datasette.search import ROUTE, search_path, search_view

__all__ = ["database_actions", "extra_template_vars", "get_metadata", "prepare_connection", "prepare_jinja2_environment",
           "register_routes"]


@hookimpl
def get_metadata(datasette, key, database, table):
    return metadata_for(archive_names(datasette))


@hookimpl
def register_routes(datasette):
    return [(ROUTE, search_view)]


@hookimpl
def database_actions(datasette, actor, database, request):
    if database in archive_names(datasette):
        return [{"href": datasette.urls.path(search_path(database)), "label": "Search articles (French-aware)"}]
    return []


EXPOSE_RAW_PAGES = "NEWSARCHIVE_DATASETTE_RAW_PAGES"
PRIVATE_COLUMNS = {"raw_pages": frozenset({"body", "headers"})}


@hookimpl
def prepare_connection(conn, database, datasette):
    if os.environ.get(EXPOSE_RAW_PAGES, "").strip().lower() not in ("1", "true", "yes", "on"):
        conn.set_authorizer(hide_private_columns)


def hide_private_columns(action, table, column, database, trigger) -> int:
    """SQLite authorizer: the private columns read as NULL, everything else as usual."""
    if action == sqlite3.SQLITE_READ and column in PRIVATE_COLUMNS.get(table, ()):
        return sqlite3.SQLITE_IGNORE
    return sqlite3.SQLITE_OK
