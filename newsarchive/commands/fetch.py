"""Archive one article by its URL: ``scrapy crawl news -a url=URL`` into the archive, then say what was stored.

The page is fetched politely (robots.txt obeyed, the project's User-Agent), read with the profile of
its site if there is one (else the generic extractor) and stored as a crawl would store it: an
article archived before is updated, with a revision when it changed. Scrapy's log shows warnings
only, or everything with -v. Exit status: 0 archived, 1 not archived (not an article, or it could
not be fetched), 2 bad URL or unusable archive, 3 another run holds the archive.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

from newsarchive.analysis.access import AnalysisError, open_archive
from newsarchive.analysis.arguments import add_db_argument, report_error

NAME = "fetch"
HELP = "archive one article by its URL (scrapy crawl news -a url=URL)"
EXAMPLES = """examples:
  newsarchive fetch https://onemedia.fr/france/un-article/
  newsarchive fetch https://www.example.fr/politique/2025/08/06/un-article.html --db /srv/news.db
"""
NOT_ARCHIVED = 1
WHY_NOT = ("newsarchive/gone/", "newsarchive/not_article", "newsarchive/fetch_failed/", "newsarchive/extract_failed",
           "newsarchive/store_failed", "newsarchive/robots/", "robotstxt/forbidden", "newsarchive/skipped/",
           "newsarchive/redirect_offsite")


def add_arguments(parser) -> None:
    parser.add_argument("url", help="the article's URL")
    add_db_argument(parser)
    parser.add_argument("--profile", help="read the page with this site profile (newsarchive sites lists them)")
    parser.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="show Scrapy's whole log")


def crawl_command(args) -> list[str]:
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={args.url}",
               "-s", f"NEWSARCHIVE_DB={args.db}",
               "-s", f"LOG_LEVEL={'DEBUG' if getattr(args, 'verbose', False) else 'WARNING'}"]
    return command + (["-a", f"profile={args.profile}"] if args.profile else [])


def run(args) -> int:
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="newsarchive.settings")
    status = subprocess.run(crawl_command(args), env=env).returncode
    if status not in (0, 1):
        return status
    try:
        with open_archive(args.db) as archive:
            article_id = archive.article_id(args.url)
            found = archive.database.execute(
                "SELECT headline, published FROM articles WHERE id = ?", [article_id]).fetchone() if article_id else None
            why = _why_not(archive.database) if found is None else ""
    except AnalysisError as exc:
        return report_error(NAME, exc)
    if found is None:
        print(f"Not archived: {args.url} ({why or 'see the log with -v'})", file=sys.stderr)
        return NOT_ARCHIVED
    print(f"Archived article {article_id}: {found[0]} ({found[1] or 'no date'}) in {args.db}")
    return status


def _why_not(db) -> str:
    """What the run's stats say kept the page out: ``newsarchive/gone/404=1``, ``newsarchive/not_article=1``..."""
    row = db.execute("SELECT stats FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    stats = json.loads(row[0]) if row and row[0] else {}
    return ", ".join(f"{key}={value}" for key, value in sorted(stats.items()) if key.startswith(WHY_NOT))
