"""The archive's pages in Datasette: tables that open on their rows, an article page that reads like the article.

On an archive's table pages the column descriptions are folded under a ``<details>``; the page of a
row of ``articles`` starts with the article as a reader sees it (headline, facts, lead, body under its
sub-headings, captions with credits and image links; the images are not loaded from the site), the
row's columns folded below. Templates in ``templates/`` extend Datasette's own; a ``--template-dir``
of the user's still comes first.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils
from datasette import hookimpl

from newsarchive.analysis.records import ArticleReader
from newsarchive.analysis.render import article_facts
from newsarchive.datasette.metadata import archive_names

TEMPLATES = Path(__file__).with_name("templates")


@hookimpl
def prepare_jinja2_environment(env, datasette):
    searchpath = env.loader.loaders[0].searchpath  # the user's --template-dir, plugins', Datasette's own
    searchpath.insert(len(searchpath) - 1, str(TEMPLATES))


@hookimpl
def extra_template_vars(database, table, view_name, request, datasette):
    async def template_vars():
        if database not in archive_names(datasette):
            return {}
        found = {"newsarchive_archive": True}
        if view_name == "row" and table == "articles" and request is not None:
            record = await article_record(datasette.get_database(database), request.url_vars.get("pks"))
            if record is not None:
                found.update(newsarchive_article=record, newsarchive_facts=article_facts(record))
        return found

    return template_vars


async def article_record(database, pks: str | None) -> dict | None:
    """The full record of the article of a row page (``pks`` is its id), or None."""
    if not (pks or "").isdigit():
        return None
    return await database.execute_fn(lambda connection: ArticleReader(sqlite_utils.Database(connection))
                                     .record(int(pks)))
