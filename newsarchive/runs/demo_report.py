"""A short account of what an archive holds, and commands to try next, for the end of a demo crawl."""

from __future__ import annotations

import json
import shlex
import shutil
import sqlite3
import sys
from pathlib import Path

from newsarchive.analysis.access import AnalysisError, open_archive
from newsarchive.analysis.filters import Condition
from newsarchive.analysis.fts import InvalidQuery
from newsarchive.analysis.search import SearchOptions, search

COUNTED_TABLES = ("articles", "sections", "captions", "tags", "authors", "article_urls")
TAGS_BY_USE = ("SELECT t.name FROM tags t JOIN article_tags x ON x.tag_id = t.id GROUP BY t.id "
               "ORDER BY count(*) DESC, t.name LIMIT 50")


def archive_summary(db_path: str | Path) -> dict:
    """Row counts of the main tables and the error counts of the latest crawl run."""
    if not Path(db_path).exists():
        return {"error": f"no archive at {db_path}"}
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as connection:
        counts = {table: _count(connection, table) for table in COUNTED_TABLES}
        counts["errors"] = _latest_run_errors(connection)
    return counts


def _count(connection: sqlite3.Connection, table: str) -> int | None:
    try:
        return connection.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
    except sqlite3.OperationalError:
        return None


def _latest_run_errors(connection: sqlite3.Connection) -> dict:
    try:
        row = connection.execute("SELECT stats FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.OperationalError:
        return {}
    stats = json.loads(row[0]) if row and row[0] else {}
    error_prefixes = ("newsarchive/fetch_failed", "newsarchive/extract_failed", "newsarchive/store_failed",
                      "newsarchive/not_article", "newsarchive/warning/", "newsarchive/empty_body", "log_count/ERROR")
    return {key: value for key, value in sorted(stats.items()) if key.startswith(error_prefixes)}


def format_summary(summary: dict) -> str:
    if "error" in summary:
        return summary["error"]
    lines = [f"Archive summary: {summary['articles']} articles, {summary['sections']} sections, "
             f"{summary['captions']} captions, {summary['tags']} tags, {summary['authors']} authors, "
             f"{summary['article_urls']} URLs"]
    errors = summary["errors"]
    lines.append("Errors and skips: " + (", ".join(f"{k}={v}" for k, v in errors.items()) if errors else "none"))
    return "\n".join(lines)


def next_commands(db_path: str | Path) -> list[str]:
    """Three commands to try on a fresh archive: a search, a show and Datasette, with its own values."""
    archive = shlex.quote(_shown_path(Path(db_path)))
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as connection:
        newest = connection.execute("SELECT id FROM articles ORDER BY published DESC, id LIMIT 1").fetchone()
    newsarchive = program("newsarchive")
    commands = [
        f"{newsarchive} search {shlex.quote(searched_tag(db_path))} --db {archive}",
        f"{newsarchive} show {newest[0] if newest else 1} --db {archive}",
    ]
    datasette = program("datasette")
    if shutil.which(datasette) or Path(datasette).exists():
        commands.append(f"{datasette} {archive}")
    else:
        commands.append(f"{program('pip')} install -e '.[analysis]' && {program('datasette')} {archive}")
    return commands


def searched_tag(db_path: str | Path) -> str:
    """The most used tag that a search of the articles' text finds: tags are not searched themselves, so the
    most used one may appear in no headline, lead or body. ``France`` when no tag is found in the text."""
    try:
        with open_archive(db_path) as archive:
            for (name,) in archive.database.execute(TAGS_BY_USE).fetchall():
                try:
                    if search(archive.database, name, Condition(), SearchOptions(limit=1)).total:
                        return name
                except InvalidQuery:
                    continue
    except AnalysisError:
        pass
    return "France"


def program(name: str) -> str:
    """How to type the command ``name`` of this Python environment: its bare name when the shell finds
    it, else its path (``.venv/bin/newsarchive`` in a virtual environment that is not activated)."""
    installed = Path(sys.executable).parent / name
    if shutil.which(name) == str(installed) or not installed.parent.is_dir():
        return name
    return _shown_path(installed)


def _shown_path(path: Path) -> str:
    """``path`` relative to the working directory when it is under it, else absolute."""
    absolute = path.absolute()
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)
