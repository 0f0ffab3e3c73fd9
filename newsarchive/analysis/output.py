"""A command's output: terminal-safe text, and write errors turned into a message and an exit status.

Archived text comes from the web: a headline may hold escape sequences that move the cursor, change
the window title or hide text. On a terminal they are stripped (with every other control character
but the line feed and the tab); in a pipe or a file the text is written as it is. A reader that goes
away (``| head``) ends the output quietly; any other write error (a full disk, ``> /dev/full``) is one
message on stderr and exit status 1.
"""

from __future__ import annotations

import re
import sys

from newsarchive.analysis.arguments import output_closed
from newsarchive.analysis.progress import is_terminal

WRITE_FAILED = 1
# ANSI CSI and OSC sequences, other two-character escapes, then C0 (but tab and line feed), DEL and C1.
_CONTROLS = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?|[\x00-\x08\x0b-\x1f\x7f-\x9f]",
                       re.DOTALL)


def printable(text: str, keep: tuple[str, ...] = ()) -> str:
    """``text`` without control characters and escape sequences, but the exact sequences of ``keep``
    (the output's own highlighting)."""
    if not keep:
        return _CONTROLS.sub("", text)
    pattern = re.compile("(" + "|".join(re.escape(sequence) for sequence in keep) + ")")
    return "".join(piece if index % 2 else _CONTROLS.sub("", piece)
                   for index, piece in enumerate(pattern.split(text)))


def emit(command: str, text: str, *, keep: tuple[str, ...] = ()) -> int:
    """Print ``text`` and a line feed on standard output (terminal-safe on a terminal); returns the exit
    status: 0, or 1 with a message when it cannot be written."""
    if is_terminal(sys.stdout):
        text = printable(text, keep)
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        return output_closed()
    except OSError as exc:
        return write_failed(command, "the output", exc)
    return 0


def write_failed(command: str, target: str, error: OSError) -> int:
    print(f"newsarchive {command}: cannot write {target}: {error.strerror or error}", file=sys.stderr)
    return WRITE_FAILED
