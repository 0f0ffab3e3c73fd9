"""The differences between two articles of a cluster, paragraph by paragraph: what a rewrite kept, changed,
added and removed."""

from __future__ import annotations

from difflib import SequenceMatcher

from newsarchive.text import normalise_text

KEPT, CHANGED, ADDED, REMOVED = "=", "~", "+", "-"


def paragraph_diff(first: list[str], second: list[str]) -> list[tuple[str, str | None, str | None]]:
    """``(mark, paragraph of first, paragraph of second)`` in reading order: ``=`` kept (case, accents and
    punctuation aside), ``~`` rewritten (one paragraph replaced by another at the same place), ``-`` only
    in the first, ``+`` only in the second."""
    matcher = SequenceMatcher(None, [normalise_text(p) for p in first], [normalise_text(p) for p in second],
                              autojunk=False)
    lines: list[tuple[str, str | None, str | None]] = []
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            lines.extend((KEPT, first[i], second[j]) for i, j in zip(range(i1, i2), range(j1, j2)))
            continue
        old, new = first[i1:i2], second[j1:j2]
        if operation == "replace":
            paired = min(len(old), len(new))
            lines.extend((CHANGED, a, b) for a, b in zip(old[:paired], new[:paired]))
            old, new = old[paired:], new[paired:]
        lines.extend((REMOVED, a, None) for a in old)
        lines.extend((ADDED, None, b) for b in new)
    return lines


def diff_text(lines: list[tuple[str, str | None, str | None]]) -> str:
    """The diff as text: kept paragraphs once, rewritten ones as ``-`` then ``+``."""
    out = []
    for mark, old, new in lines:
        if mark == KEPT:
            out.append(f"  {old}")
        elif mark == CHANGED:
            out.extend((f"- {old}", f"+ {new}"))
        elif mark == REMOVED:
            out.append(f"- {old}")
        else:
            out.append(f"+ {new}")
    return "\n".join(out)
