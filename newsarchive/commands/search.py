"""Full-text search of the archive (headline, lead and body), best matches first.

Words are all required and matched in French: by their stem, so that retraite finds retraites
and l'économie finds économies, case and accents aside. "Double quotes" search a phrase as
written; a trailing * a prefix as written (gouvern*); --exact matches every word as written. OR
between two terms accepts either; -word excludes a word; a hyphenated word is a phrase of its parts:
etats-unis finds États-Unis. Matches are ranked with BM25 (headline 10, lead 4, body 1) and shown
with a snippet of the original text, the matched words marked.
"""

from __future__ import annotations

import json
import sys

from newsarchive.analysis.access import AnalysisError, open_archive
from newsarchive.analysis.arguments import (
    add_db_argument,
    add_filter_arguments,
    filter_from_args,
    non_negative_int,
    positive_int,
    report_error,
    warn_unmatched,
)
from newsarchive.analysis.filters import build_condition
from newsarchive.analysis.fts import FTS_COLUMNS, InvalidQuery
from newsarchive.analysis.output import emit
from newsarchive.analysis.progress import is_terminal
from newsarchive.analysis.search import FUNCTION_WORDS_ORDER, ORDERS, SearchOptions, SearchResults, search

NAME = "search"
HELP = "full-text search of the archived articles"
EXAMPLES = """examples:
  newsarchive search canicule
  newsarchive search retraite                           # also retraites, retraité…
  newsarchive search retraites --exact                  # only the word as written
  newsarchive search etats-unis --since 2025-08-01 --category international
  newsarchive search '"loi de finances"' --tag budget --limit 5
  newsarchive search 'gouvern* -sénat' --author sara --json
  newsarchive search 'canicule OR sécheresse' --in headline --sort newest
  newsarchive search --raw 'NEAR(climat sommet, 5)'      # FTS5 syntax, unchanged
"""

TERMINAL_HIGHLIGHT = ("\x1b[1;33m", "\x1b[0m")
PLAIN_HIGHLIGHT = ("**", "**")


def add_arguments(parser) -> None:
    parser.add_argument("query", metavar="QUERY", help="what to search for (see above)")
    add_db_argument(parser)
    add_filter_arguments(parser)
    parser.add_argument("--limit", type=positive_int, default=20, help="results to show (default: %(default)s)")
    parser.add_argument("--offset", type=non_negative_int, default=0, help="results to skip, to page through them")
    parser.add_argument("--sort", choices=tuple(ORDERS), default="rank",
                        help="order (default: best match first; date: newest first)")
    parser.add_argument("--in", dest="columns", action="append", choices=FTS_COLUMNS, default=[],
                        help="search only this part of the articles (repeatable)")
    parser.add_argument("--exact", action="store_true",
                        help="match the words as written, not by their French stem (case and accents still ignored)")
    parser.add_argument("--raw", action="store_true",
                        help="QUERY is SQLite FTS5 syntax, passed unchanged to the index of the words as written")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")


def run(args) -> int:
    highlight = PLAIN_HIGHLIGHT if args.json or not is_terminal(sys.stdout) else TERMINAL_HIGHLIGHT
    options = SearchOptions(limit=args.limit, offset=args.offset, order=args.sort,
                            highlight=highlight, columns=args.columns, raw=args.raw, exact=args.exact)
    try:
        article_filter = filter_from_args(args)
        with open_archive(args.db) as archive:
            condition = build_condition(archive.database, article_filter)
            warn_unmatched(NAME, condition)
            results = search(archive.database, args.query, condition, options)
    except (AnalysisError, InvalidQuery) as exc:
        return report_error(NAME, exc)
    if args.json:
        return emit(NAME, json.dumps(_as_json(results), ensure_ascii=False, indent=2))
    return emit(NAME, _as_text(results, options), keep=TERMINAL_HIGHLIGHT)


def _as_json(results: SearchResults) -> dict:
    return {"query": results.query, "matching": results.matching, "order": results.order,
            "fts_query": results.fts_query, "total": results.total,
            "results": [hit.as_dict() for hit in results.hits]}


def _as_text(results: SearchResults, options: SearchOptions) -> str:
    if not results.hits:
        return f"No article matches {results.query!r}." if not results.total else \
            f"{results.total} articles match, none after the first {options.offset}."
    first = options.offset + 1
    lines = [f"{results.total} articles match {results.query!r}; "
             f"{first}–{options.offset + len(results.hits)} shown"
             + (f", {FUNCTION_WORDS_ORDER}." if results.order != options.order else ".")]
    for number, hit in enumerate(results.hits, first):
        day = (hit.published or "")[:10] or "undated"
        lines += ["", f"{number:>3}. {hit.headline or '(no headline)'}",
                  f"     {day} · {hit.category or 'no category'} · id {hit.id} · {hit.url}",
                  f"     {' '.join(hit.snippet.split())}"]
    return "\n".join(lines)
