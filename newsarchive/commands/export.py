"""Export archived articles as JSON Lines, CSV, Parquet or WARC, streamed in constant memory.

JSON Lines and Parquet keep the full record, with sections, captions, tags and authors nested;
CSV has one flat row per article (lists joined with " | ", the body as plain text). WARC holds
every version of each article as served (its WARC record), for web-archive tools and
`newsarchive import-warc`. Without -o, JSON Lines and CSV go to standard output. A progress bar
shows on a terminal only.
"""

from __future__ import annotations

from pathlib import Path

from newsarchive.analysis.access import AnalysisError, open_archive
from newsarchive.analysis.arguments import (
    add_db_argument,
    add_filter_arguments,
    filter_from_args,
    output_closed,
    positive_int,
    report_error,
    warn_unmatched,
)
from newsarchive.analysis.export import FORMATS, export_articles, guess_format, open_writer, replaced_on_success
from newsarchive.analysis.filters import build_condition
from newsarchive.analysis.output import emit, write_failed
from newsarchive.analysis.progress import progress_bar
from newsarchive.analysis.records import ArticleReader

NAME = "export"
HELP = "export articles as JSON Lines, CSV, Parquet or WARC"
EXAMPLES = """examples:
  newsarchive export -o articles.jsonl
  newsarchive export --format csv --category économie --since 2025-08-01 -o economie.csv
  newsarchive export --format parquet -o archive.parquet
  newsarchive export --tag canicule | jq .headline
  newsarchive export --format warc --since 2025-08-01 -o aout.warc.gz   # every version, as served
"""


def add_arguments(parser) -> None:
    add_db_argument(parser)
    parser.add_argument("--format", choices=FORMATS,
                        help="output format (default: from the suffix of -o, else jsonl)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    parser.add_argument("--limit", type=positive_int, help="export at most this many articles")
    add_filter_arguments(parser)


def run(args) -> int:
    try:
        export_format = args.format or guess_format(args.output)
        article_filter = filter_from_args(args)
        with open_archive(args.db) as archive:
            reader = ArticleReader(archive.database)
            condition = build_condition(archive.database, article_filter)
            warn_unmatched(NAME, condition)
            total = min(reader.count(condition), args.limit or float("inf"))
            if export_format == "warc":
                return _export_warc(archive, condition, args, total)
            with open_writer(export_format, args.output) as writer, \
                    progress_bar(total, "article", f"export {export_format}") as progress:
                written = export_articles(reader, condition, writer, limit=args.limit, progress=progress)
    except AnalysisError as exc:
        return report_error(NAME, exc)
    except BrokenPipeError:
        return output_closed()
    except OSError as exc:
        return write_failed(NAME, args.output or "the output", exc)
    if args.output:
        return emit(NAME, f"Exported {written} articles to {args.output} ({export_format}).")
    return 0


def _export_warc(archive, condition, args, total: int) -> int:
    from newsarchive.warc.export import WarcExporter
    from newsarchive.warc.reader import WarcReadError

    if not args.output:
        return report_error(NAME, "WARC is a binary format: give a file with -o FILE.warc.gz")
    try:
        with replaced_on_success(Path(args.output)) as partial, partial.open("wb") as stream, \
                progress_bar(total, "article", "export warc") as progress:
            report = WarcExporter(archive, stream).export(condition, limit=args.limit, progress=progress)
    except (WarcReadError, OSError) as exc:
        return report_error(NAME, f"cannot write {args.output}: {exc}")
    note = f"; {report.without_page} earlier versions had no kept page" if report.without_page else ""
    print(f"Exported {report.articles} articles, {report.records} versions, to {args.output} (warc){note}.")
    return 0
