"""Print the article record of a saved page as JSON, exactly as the pipelines would store it.

A page that is not an article prints {"_unsupported": true, "reason": ...} (exit status 0, so that
tools reading the output always get JSON); a missing or unreadable file exits with status 2.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from newsarchive.extraction import NotAnArticle, extract_article, parse_fetch_time
from newsarchive.sites.registry import page_class_for

NAME = "extract"
HELP = "print the article record of a saved HTML page as JSON"
EXAMPLES = """examples:
  newsarchive extract page.html --url https://onemedia.fr/france/un-article/
  newsarchive extract page.html --url https://onemedia.fr/france/un-article/ --fetched-at 2025-08-07T10:00:00Z
  newsarchive extract page.html --url http://127.0.0.1:8000/france/un-article/ --site onemedia.fr
"""

logger = logging.getLogger(__name__)


def add_arguments(parser) -> None:
    parser.add_argument("file", type=Path, help="saved HTML page (raw bytes as served)")
    parser.add_argument("--url", required=True, help="the URL the page was fetched from")
    parser.add_argument(
        "--fetched-at", help="ISO 8601 fetch time, for relative dates such as 'il y a 3 heures' (default: now; a date "
        "so read gets the warning date_read_against_now)"
    )
    parser.add_argument(
        "--site", help="read the page as a page of this site (e.g. onemedia.fr) whatever the URL's host"
    )


def run(args) -> int:
    try:
        fetched_at = parse_fetch_time(args.fetched_at)
    except ValueError as exc:
        print(f"newsarchive extract: {exc}", file=sys.stderr)
        return 2
    try:
        body = args.file.read_bytes()
    except OSError as exc:
        print(f"newsarchive extract: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        record = extract_article(body, args.url, fetched_at=fetched_at, page_class=page_class_for(args.url, args.site))
    except NotAnArticle as exc:
        logger.info("%s is not an article: %s", args.file, exc.reason)
        record = {"_unsupported": True, "reason": exc.reason, "url": args.url}
    json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
