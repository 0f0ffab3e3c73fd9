"""Crawl the bundled offline copy of onemedia.fr into a demo archive and print what it holds.

Starts the sample site on a free loopback port, runs the real ``onemedia`` spider against it
(``scrapy crawl onemedia -a base_url=...``) into ``data/demo.db`` of the project (replaced on each
run; the real archive, ``data/archive.db``, is never touched), then prints a short summary and three
commands to try next. Its WARC files go to ``data/demo-warc/`` (``<archive>-warc/`` beside another
``--db``), emptied on each run, apart from the real archive's ``data/warc/``. Scrapy's log goes to
``data/demo.log``, or to the terminal with ``-v``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from newsarchive.sample_site.process import SampleServerProcess
from newsarchive.storage.location import data_dir
from newsarchive.runs.demo_report import archive_summary, format_summary, next_commands

NAME = "demo"
HELP = "crawl the bundled offline sample site into data/demo.db and print a summary"
EXAMPLES = """examples:
  newsarchive demo                          # 40 articles into data/demo.db
  newsarchive demo -v                       # with Scrapy's log on the terminal
  newsarchive demo --articles 500 --db /tmp/big.db
"""


def add_arguments(parser) -> None:
    parser.add_argument("--db", type=Path, default=data_dir() / "demo.db",
                        help="archive to write, replaced if it exists (default: %(default)s)")
    parser.add_argument("--articles", type=int, default=40, help="articles in the sample site")
    parser.add_argument("--log-level", default="INFO", help="Scrapy log level (default: %(default)s)")
    parser.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="show Scrapy's log on the terminal instead of writing it next to the archive")


def crawl_command(base_url: str, db_path: Path, log_level: str, log_file: Path | None) -> list[str]:
    # A loopback server of our own needs no politeness delays.
    command = [
        sys.executable, "-m", "scrapy", "crawl", "onemedia",
        "-a", f"base_url={base_url}",
        "-s", f"NEWSARCHIVE_DB={db_path}",
        "-s", f"NEWSARCHIVE_WARC_DIR={warc_dir(db_path)}",
        "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "DOWNLOAD_DELAY=0",
        "-s", f"LOG_LEVEL={log_level}",
    ]
    if log_file is not None:
        command += ["-s", f"LOG_FILE={log_file}", "-s", "LOG_FILE_APPEND=False"]
    return command


def warc_dir(db_path: Path) -> Path:
    """The demo's own WARC folder (``data/demo-warc/``), so that its files never mix with the real archive's."""
    return db_path.with_name(f"{db_path.stem}-warc")


def remove_archive(db_path: Path) -> None:
    """The demo archive of an earlier run, with its journal files and WARC files: each demo starts afresh."""
    for path in (db_path, *(db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm"))):
        path.unlink(missing_ok=True)
    for path in warc_dir(db_path).glob("newsarchive-*.warc.gz*"):
        path.unlink()


def run(args) -> int:
    db_path = args.db.expanduser().resolve()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    log_file = None if getattr(args, "verbose", False) else db_path.with_suffix(".log")
    remove_archive(db_path)
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="newsarchive.settings")
    with SampleServerProcess(articles=args.articles) as server:
        print(f"Crawling the offline sample site ({args.articles} articles) served at {server.url} ...", flush=True)
        status = subprocess.run(crawl_command(server.url, db_path, args.log_level, log_file), env=env).returncode
    print(f"Archive: {db_path}")
    print(format_summary(archive_summary(db_path)))
    if log_file is not None:
        print(f"Crawl log: {log_file} (newsarchive demo -v shows it on the terminal)")
    if status == 0:
        print("\nNext, try:\n" + "\n".join(f"  {command}" for command in next_commands(db_path)))
    return status
