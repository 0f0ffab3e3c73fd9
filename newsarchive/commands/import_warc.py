"""Import the HTML pages of WARC files into the archive, as a crawl would have stored them.

Any WARC files will do (ours, a Common Crawl news WARC, a library's collection): each HTML response
(status 200) goes through the crawl's pipelines, so pages that are not articles are skipped and
counted, duplicates merged, and a page that changed since an earlier one gives a revision; dates
such as "il y a 2 heures" are resolved against the record's WARC-Date. Files are read as streams,
in the order given, with a progress bar on a terminal. The import is recorded as a run. --site
reads every page with that site's page class (e.g. onemedia.fr for a WARC of a copy of the site).
Exit status: 0 success, 1 some records or files could not be imported, 2 bad arguments, 3 the
archive is locked by a crawl.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsarchive.analysis.arguments import add_db_argument, report_error

NAME = "import-warc"
HELP = "import the HTML pages of WARC files into the archive (backfill)"
EXAMPLES = """examples:
  newsarchive import-warc CC-NEWS-20250801000000-00001.warc.gz
  newsarchive import-warc data/warc/*.warc.gz --db other.db
  newsarchive import-warc copy-of-onemedia.warc.gz --site onemedia.fr
"""


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="WARC files (.warc or .warc.gz)")
    parser.add_argument("--site", metavar="NAME",
                        help="read every page with this site's page class, e.g. onemedia.fr "
                             "(default: the site of each page's URL)")
    add_db_argument(parser)


def run(args) -> int:
    missing = [name for name in args.files if not Path(name).is_file()]
    if missing:
        return report_error(NAME, FileNotFoundError(f"no such file: {', '.join(missing)}"))
    from newsarchive.warc.run import import_warc_files  # Scrapy is imported only when it is needed

    total = sum(Path(name).stat().st_size for name in args.files)
    exit_status, summary = import_warc_files(args.files, db=args.db, site=args.site, total_bytes=total,
                                             verbose=args.verbose)
    print(summary, file=sys.stderr if exit_status else sys.stdout)
    return exit_status
