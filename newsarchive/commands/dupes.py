"""Near-duplicate clusters: the same dispatch (often an agency's) published by several outlets, each with
its edits. Clusters are kept as articles are stored: an article joins the cluster of the archived article
whose text it most resembles (MinHash estimate of the Jaccard similarity of five-word shingles, 0.25 or
more). Each cluster is listed with its articles, oldest first: site, date, agencies named by the page,
access, and the similarity to the member it matched. --diff shows what one article changed in the other,
paragraph by paragraph. --json prints one JSON object per cluster and line (``urls``: its articles' URLs).
"""

from __future__ import annotations

import json
import sys

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
from newsarchive.analysis.filters import build_condition
from newsarchive.clusters.diff import diff_text, paragraph_diff
from newsarchive.clusters.listing import clusters, paragraphs, unclustered_count
from newsarchive.clusters.rebuild import rebuild
from newsarchive.clusters.signatures import MIN_WORDS

NAME = "dupes"
HELP = "near-duplicate clusters (wire copies across sites), --diff between two of their articles"
EXAMPLES = """examples:
  newsarchive dupes
  newsarchive dupes --site lequotidien.example --since 2025-08-01
  newsarchive dupes --agency AFP --json | jq -c .urls
  newsarchive dupes --diff 12 57
  newsarchive dupes --rebuild          # cluster an archive made before clusters were kept
"""


def add_arguments(parser) -> None:
    add_db_argument(parser)
    parser.add_argument("--limit", type=positive_int, help="list at most this many clusters (newest first)")
    parser.add_argument("--json", action="store_true", help="one JSON object per cluster and line")
    parser.add_argument("--diff", nargs=2, type=int, metavar=("ID", "OTHER_ID"),
                        help="the paragraphs OTHER_ID kept, rewrote, added and removed from ID")
    parser.add_argument("--rebuild", action="store_true", help="recompute every signature and cluster")
    add_filter_arguments(parser)


def run(args) -> int:
    try:
        article_filter = filter_from_args(args)
        with open_archive(args.db) as archive:
            db = archive.database
            if args.rebuild:
                with archive.write_transaction():
                    counts = rebuild(db)
                print(f"Clustered {counts['articles']} articles: {counts['clusters']} clusters of "
                      f"{counts['clustered']} articles.")
                if counts["too_short"]:
                    print(f"Articles left out, too short to compare (under {MIN_WORDS} words): "
                          f"{counts['too_short']}.")
                return 0
            if args.diff:
                return _print_diff(db, *args.diff)
            condition = build_condition(db, article_filter)
            warn_unmatched(NAME, condition)
            missing = unclustered_count(db)
            if missing:
                print(f"newsarchive {NAME}: note: {missing} articles are not clustered yet "
                      f"(stored before clusters were kept): run newsarchive dupes --rebuild", file=sys.stderr)
            found = 0
            for cluster in clusters(db, condition, limit=args.limit):
                print(json.dumps(cluster, ensure_ascii=False) if args.json else _as_text(cluster))
                found += 1
            if not found and not args.json:
                print("No cluster of near-duplicate articles.")
    except AnalysisError as exc:
        return report_error(NAME, exc)
    except BrokenPipeError:
        return output_closed()
    return 0


def _print_diff(db, first: int, second: int) -> int:
    texts = [paragraphs(db, article_id) for article_id in (first, second)]
    for article_id, text in zip((first, second), texts):
        if text is None:
            raise AnalysisError(f"no article with id {article_id}")
    urls = dict(db.execute("SELECT id, url FROM articles WHERE id IN (?, ?)", [first, second]).fetchall())
    print(f"--- {first} {urls[first]}\n+++ {second} {urls[second]}")
    print(diff_text(paragraph_diff(*texts)))
    return 0


def _as_text(cluster: dict) -> str:
    agencies = f" · {', '.join(cluster['agencies'])}" if cluster["agencies"] else ""
    lines = [f"Cluster {cluster['cluster_id']}: {cluster['size']} articles on {len(cluster['sites'])} sites{agencies}"]
    for member in cluster["articles"]:
        similarity = "origin" if member["similarity"] is None else f"{member['similarity']:.2f} to {member['matched_id']}"
        access = "" if member["access"] in (None, "unknown") else f" · {member['access']}"
        lines.append(f"  {member['id']:>6}  {(member['published'] or 'undated')[:16]}  {member['site']}  "
                     f"({similarity}{access})  {member['headline'] or ''}")
        lines.append(f"          {member['url']}")
    return "\n".join(lines) + "\n"
