"""Show one archived article, by its id or by any URL it was reached under.

Prints the headline, byline, dates, category, tags, access (when for subscribers only or a teaser), the body
section by section under its sub-headings, the captions and the copyright line. --format markdown prints the same as Markdown
(headings, the article's links, the captions as images with their credit); --json (--format json)
prints the full record (the keys of `newsarchive extract`, plus the archive's id, URLs and dates);
--revisions prints the article's history: each change with the values before and after. --raw prints the page as it was served
(its body, read from the version's WARC record), of the latest version or of --version N.
"""

from __future__ import annotations

import json
import sys

from newsarchive.analysis.access import AnalysisError, open_archive
from newsarchive.analysis.arguments import SQLITE_MAX_INTEGER, add_db_argument, positive_int, report_error
from newsarchive.analysis.history import article_revisions
from newsarchive.analysis.markdown import format_markdown
from newsarchive.analysis.output import emit
from newsarchive.analysis.records import ArticleReader
from newsarchive.analysis.render import format_article, format_revisions
from newsarchive.warc.reader import WarcReadError
from newsarchive.warc.versions import ArticleVersions, VersionNotFound

NAME = "show"
HELP = "show one archived article (text, JSON or its revisions)"
EXAMPLES = """examples:
  newsarchive show 42
  newsarchive show https://onemedia.fr/france/un-article/
  newsarchive show 42 --json
  newsarchive show 42 --format markdown > article.md
  newsarchive show 42 --revisions
  newsarchive show 42 --raw                # the page as served (latest version)
  newsarchive show 42 --raw --version 1    # the page of the first fetch
"""


def add_arguments(parser) -> None:
    parser.add_argument("article", metavar="ID|URL", help="the article's id, or a URL it was archived under")
    add_db_argument(parser)
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text (default), markdown, or json: the full record (or the revisions)")
    parser.add_argument("--json", action="store_const", const="json", dest="format", help="same as --format json")
    parser.add_argument("--revisions", action="store_true", help="print the article's revision history")
    parser.add_argument("--raw", action="store_true", help="print the page as served (from its WARC record)")
    parser.add_argument("--version", type=positive_int, metavar="N",
                        help="with --raw: the page of version N (1: the first fetch; default: the latest)")


FORMATS = ("text", "markdown", "json")
RENDERERS = {"text": format_article, "markdown": format_markdown,
             "json": lambda record: json.dumps(record, ensure_ascii=False, indent=2)}


def run(args) -> int:
    if args.version is not None and not args.raw:
        return report_error(NAME, AnalysisError("--version goes with --raw"))
    try:
        with open_archive(args.db) as archive:
            article_id = _article_id(archive, args.article)
            if args.raw:
                body = _raw_page(archive, article_id, args.version)
                sys.stdout.buffer.write(body)
                sys.stdout.buffer.flush()
                return 0
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


def _raw_page(archive, article_id: int, version: int | None) -> bytes:
    try:
        return ArticleVersions(archive).page(article_id, version)["body"]
    except (VersionNotFound, WarcReadError) as exc:
        raise AnalysisError(str(exc)) from exc


def _revisions(db, article_id: int, as_json: bool) -> str:
    revisions = article_revisions(db, article_id)
    if as_json:
        return json.dumps({"id": article_id, "revisions": revisions}, ensure_ascii=False, indent=2)
    return format_revisions(revisions)
