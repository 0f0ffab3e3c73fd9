"""Run the current extractors again over the raw pages kept in the archive, without re-crawling.

Each article whose stored page now gives different values is updated, and a revision records the
values it had (as on a re-crawl); fetch facts such as last seen or removal are kept. --dry-run
changes nothing and reports, per field, how many articles would change (--list names them).
It takes the archive lock, as a crawl does: while a crawl runs, it exits with status 3 (or waits for
the crawl to end with --lock-wait SECONDS).
"""

from __future__ import annotations

import json
import sys

from newsarchive.analysis.access import AnalysisError, open_archive, writing_lock
from newsarchive.analysis.arguments import (
    add_db_argument,
    add_lock_wait_argument,
    add_filter_arguments,
    filter_from_args,
    positive_int,
    report_error,
    report_locked,
    warn_unmatched,
)
from newsarchive.analysis.filters import build_condition
from newsarchive.analysis.output import emit
from newsarchive.analysis.progress import progress_bar
from newsarchive.analysis.reextract import Change, Reextractor, ReextractReport
from newsarchive.runs.lock import ArchiveLocked

NAME = "reextract"
HELP = "re-extract the stored raw pages and update the articles"
EXAMPLES = """examples:
  newsarchive reextract --dry-run              # what would change, per field
  newsarchive reextract --dry-run --list --category sport
  newsarchive reextract --limit 1000
  newsarchive reextract --since 2025-08-01
  newsarchive reextract --extractor-site onemedia.fr   # an archive of the local sample site
"""


def add_arguments(parser) -> None:
    add_db_argument(parser)
    parser.add_argument("--dry-run", action="store_true", help="change nothing; report what would change")
    parser.add_argument("--limit", type=positive_int, help="re-extract at most N pages")
    parser.add_argument("--list", action="store_true", help="name each article that changes, with its fields")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    add_lock_wait_argument(parser)
    parser.add_argument("--extractor-site", metavar="DOMAIN",
                        help="read the pages with this site's extractor, e.g. onemedia.fr for an archive of a "
                             "local copy of the site (default: the site of each page's URL)")
    add_filter_arguments(parser)


def run(args) -> int:
    changes: list[Change] = []
    try:
        article_filter = filter_from_args(args)
        with writing_lock(args.db, args.lock_wait, skip=args.dry_run), open_archive(args.db, writable=not args.dry_run) as archive:
            reextractor = Reextractor(archive, dry_run=args.dry_run, extractor_site=args.extractor_site)
            condition = build_condition(archive.database, article_filter)
            warn_unmatched(NAME, condition)
            total = min(reextractor.count(condition), args.limit or float("inf"))
            with progress_bar(total, "page", "reextract") as progress:
                report = reextractor.run(condition, limit=args.limit, progress=progress,
                                         on_change=changes.append if args.list else None)
    except ArchiveLocked as exc:
        return report_locked(NAME, exc)
    except AnalysisError as exc:
        return report_error(NAME, exc)
    status = emit(NAME, _as_json(report, changes, args) if args.json else _as_text(report, changes, args.dry_run))
    if report.failed:
        print(f"newsarchive {NAME}: {report.failed} pages could not be re-extracted (see the log)", file=sys.stderr)
        return 1
    return status


def _as_json(report: ReextractReport, changes: list[Change], args) -> str:
    output = {"dry_run": args.dry_run, **report.as_dict()}
    if args.list:
        output["changes"] = [{"id": c.article_id, "url": c.url, "fields": c.fields} for c in changes]
    return json.dumps(output, ensure_ascii=False, indent=2)


def _as_text(report: ReextractReport, changes: list[Change], dry_run: bool) -> str:
    verb = "would change" if dry_run else "changed"
    lines = [f"Re-extracted {report.pages} stored pages: {report.changed} articles {verb}, "
             f"{report.unchanged} unchanged, {report.not_article} no longer articles, {report.failed} failed."]
    if report.fields:
        lines.append(f"Fields that {verb} (articles):")
        lines += [f"  {name}: {count}" for name, count in report.fields.most_common()]
    if changes:
        lines.append("Articles:")
        lines += [f"  {c.article_id} {c.url}: {', '.join(c.fields)}" for c in changes]
    return "\n".join(lines)
