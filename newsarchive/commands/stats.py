"""Counts over the archive: articles per day, week or month, per category, tag and author, the share
of subscriber-only articles per site and month, and the crawl-run history. --plot draws articles per
--by period, in total and per category, as PNG, SVG or PDF.

Days are the publisher's calendar days (the date part of the published date as the site gave it).
"""

from __future__ import annotations

import json

from newsarchive.analysis import stats
from newsarchive.analysis.access import AnalysisError, open_archive
from newsarchive.analysis.arguments import (
    add_db_argument,
    add_filter_arguments,
    filter_from_args,
    positive_int,
    report_error,
    warn_unmatched,
)
from newsarchive.analysis.filters import build_condition
from newsarchive.analysis.output import emit
from newsarchive.analysis.render import format_table
from newsarchive.analysis.runs import list_runs

NAME = "stats"
HELP = "counts per day/week/month, category, tag and author; crawl runs; --plot"
EXAMPLES = """examples:
  newsarchive stats
  newsarchive stats --by week --since 2025-06-01
  newsarchive stats --by day --category économie --top 5
  newsarchive stats --plot articles.png
  newsarchive stats --json | jq .per_category
"""

RECENT_RUNS = 10


def add_arguments(parser) -> None:
    add_db_argument(parser)
    parser.add_argument("--by", choices=stats.PERIODS, default="month", help="period of the counts (default: month)")
    parser.add_argument("--top", type=positive_int, default=15,
                        help="categories, tags and authors to list (default: %(default)s)")
    parser.add_argument("--plot", metavar="FILE",
                        help="also draw articles per --by period, in total and per category; the format "
                             "follows the extension: .png, .svg or .pdf")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    add_filter_arguments(parser)


def run(args) -> int:
    try:
        article_filter = filter_from_args(args)
        with open_archive(args.db) as archive:
            db = archive.database
            condition = build_condition(db, article_filter)
            warn_unmatched(NAME, condition)
            counts = _counts(db, condition, args.by, args.top)
            if args.plot:
                _plot(db, condition, args.plot, args.by)
    except AnalysisError as exc:
        return report_error(NAME, exc)
    status = emit(NAME, json.dumps(counts, ensure_ascii=False, indent=2) if args.json else _as_text(counts, args.by))
    if args.plot and not args.json and not status:
        status = emit(NAME, f"\nPlot written to {args.plot}")
    return status


def _plot(db, condition, path: str, by: str) -> None:
    try:
        from newsarchive.analysis.plot import plot_articles  # matplotlib is slow to import
    except ImportError as exc:
        raise AnalysisError(f"--plot needs matplotlib ({exc}): pip install 'newsarchive[analysis]'") from exc
    plot_articles(db, condition, path, by)


def _counts(db, condition, by: str, top: int) -> dict:
    return {
        "totals": stats.totals(db, condition),
        f"per_{by}": dict(stats.period_counts(db, condition, by)),
        **{f"per_{name}": dict(stats.dimension_counts(db, condition, name, top))
           for name in ("category", "tag", "author", "site")},
        "access_per_site_month": stats.access_shares(db, condition),
        "runs": list_runs(db, RECENT_RUNS),
    }


def _as_text(counts: dict, by: str) -> str:
    totals = counts["totals"]
    blocks = [
        f"{totals['articles']} articles ({totals['undated']} undated), published "
        f"{totals['first_published'] or '?'} to {totals['last_published'] or '?'}; {totals['words']} words; "
        f"{totals['revisions']} revisions of {totals['revised_articles']} articles.",
        _section(f"Articles per {by}", by, counts[f"per_{by}"]),
    ]
    for name, title in (("category", "Categories"), ("tag", "Top tags"), ("author", "Top authors"),
                        ("site", "Sites")):
        blocks.append(_section(title, name, counts[f"per_{name}"]))
    blocks.append(_access_section(counts["access_per_site_month"]))
    blocks.append(_runs_section(counts["runs"]))
    return "\n\n".join(blocks)


def _section(title: str, label: str, values: dict) -> str:
    if not values:
        return f"{title}: none"
    return f"{title}:\n" + format_table([label, "articles"], [[name, count] for name, count in values.items()])


def _access_section(shares: list[dict]) -> str:
    if not shares:
        return "Subscriber-only articles: none"
    rows = [[share["site"], share["month"], share["articles"], share["subscribers"],
             f"{share['subscribers_percent']:.1f} %", share["truncated"]] for share in shares]
    return "Subscriber-only articles per site and month:\n" + format_table(
        ["site", "month", "articles", "subscribers", "share", "teasers"], rows)


def _runs_section(runs: list[dict]) -> str:
    if not runs:
        return "Crawl runs: none recorded"
    rows = [[run["id"], run["started_at"], run["status"], run["pages_fetched"], run["articles_new"],
             run["articles_updated"], run["errors"]] for run in runs]
    return f"Crawl runs (latest {len(runs)}):\n" + format_table(
        ["run", "started", "status", "pages", "new", "updated", "errors"], rows)
