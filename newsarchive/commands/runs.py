"""The crawl-run history of the archive: when each crawl ran, how it ended, what it stored.

With a run id, prints that run's settings and its full crawler stats.
"""

from __future__ import annotations

import json

from newsarchive.analysis.access import AnalysisError, open_archive
from newsarchive.analysis.arguments import add_db_argument, positive_int, report_error
from newsarchive.analysis.output import emit
from newsarchive.analysis.render import format_table
from newsarchive.analysis.runs import list_runs, run_details

NAME = "runs"
HELP = "the crawl-run history with status and stats"
EXAMPLES = """examples:
  newsarchive runs
  newsarchive runs --limit 5 --json
  newsarchive runs 3            # one run with its settings and full stats
"""

# (title, runs column); columns an older archive lacks are left out
COLUMNS = (("run", "id"), ("spider", "spider"), ("started", "started_at"), ("duration s", "duration_s"),
           ("status", "status"), ("pages", "pages_fetched"), ("304", "pages_not_modified"),
           ("failed", "pages_failed"), ("new", "articles_new"), ("updated", "articles_updated"),
           ("unchanged", "articles_unchanged"), ("merged", "articles_merged"), ("removed", "articles_removed"),
           ("errors", "errors"))


def add_arguments(parser) -> None:
    parser.add_argument("run_id", metavar="RUN", type=positive_int, nargs="?", help="show this run in full")
    add_db_argument(parser)
    parser.add_argument("--limit", type=positive_int, help="show only the latest N runs")
    parser.add_argument("--json", action="store_true", help="print the runs as JSON")


def run(args) -> int:
    try:
        with open_archive(args.db) as archive:
            if args.run_id:
                details = run_details(archive.database, args.run_id)
                if details is None:
                    raise AnalysisError(f"no run {args.run_id} in {archive.path}")
                output = json.dumps(details, ensure_ascii=False, indent=2) if args.json else _run_text(details)
            else:
                runs = list_runs(archive.database, args.limit)
                output = json.dumps(runs, ensure_ascii=False, indent=2) if args.json else _runs_text(runs)
    except AnalysisError as exc:
        return report_error(NAME, exc)
    return emit(NAME, output)


def _runs_text(runs: list[dict]) -> str:
    if not runs:
        return "No crawl run recorded in this archive."
    columns = [(title, key) for title, key in COLUMNS if key in runs[0]]
    return format_table([title for title, _ in columns], [[run[key] for _, key in columns] for run in runs])


def _run_text(run: dict) -> str:
    lines = [f"Run {run['id']} of {run['spider']}: {run['status']}"
             + (f" ({run['finish_reason']})" if run["finish_reason"] else "")]
    lines += [f"  {title}: {run[key]}" for title, key in COLUMNS[2:] if key in run and key != "status"]
    lines.append(f"  finished: {run['finished_at'] or '-'}")
    if run.get("host"):
        lines.append(f"  process: {run.get('pid')} on {run['host']}")
    lines += ["", "Settings:"] + [f"  {name} = {value}" for name, value in sorted(run["settings"].items())]
    lines += ["", "Stats:"] + [f"  {name}: {value}" for name, value in sorted(run["stats"].items())]
    return "\n".join(lines)
