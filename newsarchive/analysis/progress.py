"""Progress bars for long commands: on a terminal only, never in pipes or log files."""

from __future__ import annotations

import sys


def progress_bar(total: int | None, unit: str, description: str, stream=None):
    """A tqdm bar on ``stream`` (default stderr), silent unless ``stream`` is a terminal."""
    from tqdm import tqdm  # imported when needed: every command module is loaded by the CLI

    stream = stream or sys.stderr
    return tqdm(total=total, unit=unit, desc=description, file=stream, disable=not is_terminal(stream),
                dynamic_ncols=True, leave=True)


def is_terminal(stream) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # closed stream
        return False
