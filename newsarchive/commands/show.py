"""Show one archived article, by its id or by any URL it was reached under.

Prints the headline, byline, dates, category, tags, the body section by section under its
sub-headings, the captions and the copyright line. --format markdown prints the same as Markdown
(headings, the article's links, the captions as images with their credit); --json (--format json)
prints the full record (the keys of `newsarchive extract`, plus the archive's id, URLs and dates);
--revisions prints the article's history: each change with the values before and after.
"""

from __future__ import annotations

import json

from newsarchive.analysis.access import AnalysisError, open_archive
from newsarchive.analysis.arguments import SQLITE_MAX_INTEGER, add_db_argument, report_error
from newsarchive.analysis.history import article_revisions
from newsarchive.analysis.markdown import format_markdown
from newsarchive.analysis.output import emit
from newsarchive.analysis.records import ArticleReader
from newsarchive.analysis.render import format_article, format_revisions

NAME = "show"
HELP = "show one archived article (text, JSON or its revisions)"
EXAMPLES = """examples:
  newsarchive show 42
  newsarchive show https://onemedia.fr/france/un-article/
  newsarchive show 42 --json
  newsarchive show 42 --format markdown > article.md
  newsarchive show 42 --revisions
"""


def add_arguments(parser) -> None:
    parser.add_argument("article", metavar="ID|URL", help="the article's id, or a URL it was archived under")
    add_db_argument(parser)
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text (default), markdown, or json: the full record (or the revisions)")
    parser.add_argument("--json", action="store_const", const="json", dest="format", help="same as --format json")
    parser.add_argument("--revisions", action="store_true", help="print the article's revision history")


FORMATS = ("text", "markdown", "json")
RENDERERS = {"text": format_article, "markdown": format_markdown,
             "json": lambda record: json.dumps(record, ensure_ascii=False, indent=2)}


def run(args) -> int:
    try:
        with open_archive(args.db) as archive:
            article_id = _article_id(archive, args.article)
            if args.revisions:
                if args.format == "markdown":
                    raise AnalysisError("--revisions prints text or JSON, not Markdown")
                output = _revisions(archive.database, article_id, args.format == "json")
            else:
                output = RENDERERS[args.format](ArticleReader(archive.database).record(article_id))
    except AnalysisError as exc:
        return report_error(NAME, exc)
    return emit(NAME, output)


def _article_id(archive, reference: str) -> int:
    reference = reference.strip()
    if reference.isdigit() and int(reference) <= SQLITE_MAX_INTEGER:
        found = archive.database.execute("SELECT id FROM articles WHERE id = ?", [int(reference)]).fetchone()
        article_id = found[0] if found else None
    elif reference.isdigit():
        article_id = None  # no row has such an id
    elif "://" in reference:
        article_id = archive.article_id(reference)
    else:
        raise AnalysisError(f"{reference!r} is neither an article id nor a URL")
    if article_id is None:
        raise AnalysisError(f"no article {reference} in {archive.path}")
    return article_id


def _revisions(db, article_id: int, as_json: bool) -> str:
    revisions = article_revisions(db, article_id)
    if as_json:
        return json.dumps({"id": article_id, "revisions": revisions}, ensure_ascii=False, indent=2)
    return format_revisions(revisions)
