"""Crawl the bundled offline copy of onemedia.fr into the archive and print a summary.

Starts the sample site on a free loopback port, runs the real ``onemedia`` spider against it
(``scrapy crawl onemedia -a base_url=...``), then summarises what the archive holds.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from newsarchive.sample_site.process import SampleServerProcess
from newsarchive.summary import archive_summary, format_summary

NAME = "demo"
HELP = "crawl the bundled offline sample site into the archive and print a summary"
EXAMPLES = """examples:
  newsarchive demo                          # 40 articles into data/archive.db
  newsarchive demo --articles 500 --db /tmp/big.db
"""


def add_arguments(parser) -> None:
    parser.add_argument("--db", default=os.environ.get("NEWSARCHIVE_DB", "data/archive.db"),
                        help="archive to write (default: %(default)s)")
    parser.add_argument("--articles", type=int, default=40, help="articles in the sample site")
    parser.add_argument("--log-level", default="INFO", help="Scrapy log level (default: %(default)s)")


def crawl_command(base_url: str, db_path: str, log_level: str) -> list[str]:
    # A loopback server of our own needs no politeness delays.
    return [
        sys.executable, "-m", "scrapy", "crawl", "onemedia",
        "-a", f"base_url={base_url}",
        "-s", f"NEWSARCHIVE_DB={db_path}",
        "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "DOWNLOAD_DELAY=0",
        "-s", f"LOG_LEVEL={log_level}",
    ]


def run(args) -> int:
    db_path = str(Path(args.db).resolve())
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="newsarchive.settings")
    with SampleServerProcess(articles=args.articles) as server:
        print(f"Sample site served at {server.url}", flush=True)
        status = subprocess.run(crawl_command(server.url, db_path, args.log_level), env=env).returncode
    print(format_summary(archive_summary(db_path)))
    return status
