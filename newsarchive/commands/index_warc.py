"""Write the CDXJ index of the archive's WARC files, so that pywb (or any CDXJ reader) can replay them.

By default every finished WARC file in warc/ beside the archive is indexed into warc/index.cdxj;
give files (or -o) to index others. File names in the index are relative to the index's folder.
See "Your archive as a web archive" in the README for replaying with pywb.
"""

from __future__ import annotations

from pathlib import Path

from newsarchive.analysis.arguments import add_db_argument, report_error

NAME = "index-warc"
HELP = "write a CDXJ index of WARC files (for replay with pywb)"
EXAMPLES = """examples:
  newsarchive index-warc                       # data/warc/*.warc.gz -> data/warc/index.cdxj
  newsarchive index-warc -o collection/indexes/index.cdxj collection/archive/*.warc.gz
"""
INDEX_NAME = "index.cdxj"


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE", help="WARC files (default: those beside the archive)")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help=f"the index to write (default: {INDEX_NAME} in the folder of the WARC files)")
    add_db_argument(parser)


def run(args) -> int:
    from newsarchive.warc.files import warc_directory
    from newsarchive.warc.index import warc_files_in, write_cdxj

    warc_dir = warc_directory({"NEWSARCHIVE_DB": args.db})
    files = [Path(name) for name in args.files] or warc_files_in(warc_dir)
    missing = [str(path) for path in files if not path.is_file()]
    if missing:
        return report_error(NAME, f"no such file: {', '.join(missing)}")
    if not files:
        return report_error(NAME, f"no WARC files in {warc_dir} (crawl first, or name the files)")
    output = Path(args.output) if args.output else files[0].parent / INDEX_NAME
    if not output.parent.is_dir():
        return report_error(NAME, f"no directory {output.parent} to write {output.name} in")
    try:
        lines = write_cdxj(files, output)
    except (OSError, ValueError) as exc:
        return report_error(NAME, f"cannot index: {exc}")
    print(f"Indexed {len(files)} WARC files into {output}: {lines} records.")
    return 0
