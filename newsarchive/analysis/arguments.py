"""Command-line options shared by the analysis subcommands, and how their errors are reported."""

from __future__ import annotations

import argparse
import os
import sys

from newsarchive.analysis.access import default_db
from newsarchive.analysis.filters import ArticleFilter, Condition
from newsarchive.storage.rows import ACCESS_VALUES

USAGE_ERROR = 2
LOCKED = 3  # as `scrapy crawl` when another run holds the archive lock
SQLITE_MAX_INTEGER = 2**63 - 1  # larger numbers cannot be compared with a column
MAX_SECONDS = 365 * 24 * 3600


def positive_int(value: str) -> int:
    return _whole_number(value, 1)


def non_negative_int(value: str) -> int:
    return _whole_number(value, 0)


def _whole_number(value: str, lowest: int) -> int:
    """``value`` as a whole number from ``lowest`` to the largest SQLite integer, else a usage error."""
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or number < lowest:
        raise argparse.ArgumentTypeError(f"expected a whole number >= {lowest}, got {value!r}")
    if number > SQLITE_MAX_INTEGER:
        raise argparse.ArgumentTypeError(f"expected a whole number <= {SQLITE_MAX_INTEGER}, got {value!r}")
    return number


def seconds(value: str) -> float:
    """A duration in seconds, from 0 to a year."""
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number <= MAX_SECONDS:
        raise argparse.ArgumentTypeError(f"expected seconds from 0 to {MAX_SECONDS}, got {value!r}")
    return number


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", default=default_db(),
        help="the archive (default: $NEWSARCHIVE_DB, else data/archive.db of the project; now %(default)s)",
    )


def add_lock_wait_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lock-wait", type=seconds, default=0.0, metavar="SECONDS",
                        help="wait up to SECONDS for a crawl holding the archive to end (default: exit at once)")


def report_locked(command: str, error: Exception) -> int:
    """Print why the archive is busy on stderr; returns the exit status of a crawl refused for the same reason."""
    print(f"newsarchive {command}: {error}; try again when it ends, or wait with --lock-wait SECONDS",
          file=sys.stderr)
    return LOCKED


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "filters", "repeat an option for alternatives; names ignore case and accents")
    group.add_argument("--since", metavar="DATE", help="published on or after DATE (YYYY-MM-DD or ISO 8601 time)")
    group.add_argument("--until", metavar="DATE", help="published on or before DATE (the whole day when a day)")
    group.add_argument("--category", action="append", default=[], metavar="NAME", help="in this category")
    group.add_argument("--tag", action="append", default=[], metavar="NAME", help="with this tag")
    group.add_argument("--author", action="append", default=[], metavar="NAME",
                       help="by this author (full name or one of its words)")
    group.add_argument("--site", action="append", default=[], metavar="HOST", help="from this site, e.g. onemedia.fr")
    group.add_argument("--access", action="append", default=[], choices=ACCESS_VALUES,
                       help="who may read it: free, subscribers or unknown")
    group.add_argument("--agency", action="append", default=[], metavar="NAME",
                       help="whose text comes from this news agency, e.g. AFP")


def filter_from_args(args: argparse.Namespace) -> ArticleFilter:
    """The ArticleFilter of the parsed filter options (raises AnalysisError for a bad date)."""
    return ArticleFilter(since=args.since, until=args.until, categories=args.category, tags=args.tag,
                         authors=args.author, sites=args.site, access=args.access, agencies=args.agency)


def report_error(command: str, error: Exception) -> int:
    """Print ``newsarchive COMMAND: error`` on stderr; returns the usage-error exit status."""
    print(f"newsarchive {command}: {error}", file=sys.stderr)
    return USAGE_ERROR


def warn_unmatched(command: str, condition: Condition) -> None:
    """Tell on stderr which filter values match nothing in the archive (a likely typo)."""
    for name in condition.unmatched:
        print(f"newsarchive {command}: note: no {name} in the archive", file=sys.stderr)


def output_closed() -> int:
    """The reader of standard output went away (as with ``| head``): stop quietly, exit status 0."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python exits
    except (OSError, ValueError, AttributeError):
        pass
    return 0
