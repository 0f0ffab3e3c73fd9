"""The Datasette plugin: gives every attached newsarchive archive the project's metadata and its article search."""

from __future__ import annotations

from datasette import hookimpl

from newsarchive.datasette.metadata import archive_names, metadata_for
from newsarchive.datasette.search import ROUTE, search_path, search_view


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
