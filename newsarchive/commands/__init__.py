"""Subcommands of the ``newsarchive`` command.

Each module defines ``NAME``, ``HELP``, optionally ``EXAMPLES``, ``add_arguments(parser)`` and
``run(args) -> int`` (the exit status). The CLI discovers them; nothing else needs registering.
"""
