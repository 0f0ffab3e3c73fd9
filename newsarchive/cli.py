"""The ``newsarchive`` command: one subcommand per module of newsarchive.commands."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sqlite3
import sys

from newsarchive import __version__, commands


def _command_names() -> list[str]:
    """Module names of the subcommands (``sample_site`` for ``newsarchive sample-site``)."""
    return sorted(info.name for info in pkgutil.iter_modules(commands.__path__) if not info.name.startswith("_"))


def _command_modules(argv: list[str]):
    """The module of the subcommand named in ``argv`` alone (fast start-up), else all of them (for help)."""
    names = _command_names()
    wanted = next((arg.replace("-", "_") for arg in argv if not arg.startswith("-")), None)
    for name in [wanted] if wanted in names else names:
        yield importlib.import_module(f"{commands.__name__}.{name}")


def build_parser(argv: list[str] = ()) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsarchive",
        description="Archive French news sites into SQLite, and explore the archive.",
    )
    parser.add_argument("--version", action="version", version=f"newsarchive {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules(list(argv)):
        sub = subparsers.add_parser(
            module.NAME,
            help=module.HELP,
            description=module.__doc__,
            epilog=getattr(module, "EXAMPLES", None),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return args.run(args) or 0
    except BrokenPipeError:  # output piped into a reader that stopped early (head, less)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except sqlite3.DatabaseError as exc:  # found while reading: the archive was damaged after it was opened
        print(f"newsarchive {args.command}: the archive {getattr(args, 'db', '')} cannot be read: {exc}",
              file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
