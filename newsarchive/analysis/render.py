"""Plain-text rendering of records, revisions and tables for the terminal."""

from __future__ import annotations

import difflib
import shutil
import textwrap

MAX_WIDTH = 100


def text_width() -> int:
    return min(shutil.get_terminal_size((MAX_WIDTH, 24)).columns, MAX_WIDTH)


def format_article(record: dict) -> str:
    """An article as a person reads it: headline, byline, dates, category, tags, body, captions."""
    width = text_width()
    headline = record["headline"] or "(no headline)"
    lines = [headline, "=" * min(len(headline), width)]
    lines += [f"{label + ':':<12}{value}" for label, value in article_facts(record)]
    if record["lead"]:
        lines += ["", *textwrap.wrap(record["lead"], width)]
    for section in record["sections"]:
        if section["heading"]:
            lines += ["", "#" * (section["level"] or 2) + " " + section["heading"]]
        for paragraph in section["paragraphs"]:
            lines += ["", *textwrap.wrap(paragraph, width)]
    if record["captions"]:
        lines += ["", "Captions:"]
        lines += [f"  [{number}] {caption_text(caption)}" for number, caption in enumerate(record["captions"], 1)]
    if record["copyright"]:
        lines += ["", record["copyright"]]
    return "\n".join(lines)


def article_facts(record: dict) -> list[tuple[str, str]]:
    """(label, value) of the article's facts that have a value: byline, dates, category... archive ids."""
    facts = [
        ("By", _byline(record["authors"], record["byline"])),
        ("Published", record["published"] or record["published_raw"]),
        ("Modified", record["modified"] if record["modified"] != record["published"] else None),
        ("Category", record["category"]),
        ("Breadcrumb", " › ".join(record["breadcrumb"]) if record["breadcrumb"] else None),
        ("Tags", ", ".join(record["tags"]) or None),
        ("Access", _access(record.get("access"), record.get("truncated"))),
        ("URL", record["url"]),
        ("Also at", ", ".join(url for url in record["urls"] if url != record["url"]) or None),
        ("Archived", f"id {record['id']}, first seen {record['first_seen']}, last seen {record['last_seen']}"),
        ("Removed", record["removed_at"]),
    ]
    return [(label, value) for label, value in facts if value]


def _access(access: str | None, truncated: bool | None) -> str | None:
    """Said only when the page is not free for all, or its stored text is only the start of the article."""
    said = "subscribers only" if access == "subscribers" else None
    if truncated:
        said = f"{said}; " if said else ""
        said += "teaser (the stored text is the start of the article)"
    return said


def _byline(authors: list[str], byline: str | None) -> str | None:
    names = ", ".join(authors)
    if not byline:
        return names or None
    bare = byline.strip()
    for prefix in ("by ", "par ", "By ", "Par "):
        bare = bare.removeprefix(prefix)
    return names if bare == names else f"{names} ({byline})" if names else byline


def caption_text(caption: dict) -> str:
    text = caption.get("text") or "(no caption text)"
    if caption.get("credit"):
        text += f" — {caption['credit']}"
    if caption.get("image_url"):
        text += f" <{caption['image_url']}>"
    return text


def format_revisions(revisions: list[dict]) -> str:
    """Each revision with, per field, what it was and what it became (a diff for long texts)."""
    if not revisions:
        return "No revision: the article has not changed since it was first archived."
    blocks = []
    for number, revision in enumerate(revisions, 1):
        lines = [f"Revision {number} — seen {revision['seen_at']}: {', '.join(revision['changes'])}"]
        for name, change in revision["changes"].items():
            lines.append(f"  {name}:")
            lines += [f"    {line}" for line in value_diff(name, change["before"], change["after"])]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def value_diff(name: str, before, after) -> list[str]:
    old, new = value_lines(name, before), value_lines(name, after)
    if len(old) <= 1 and len(new) <= 1:
        return [f"- {old[0] if old else '(none)'}", f"+ {new[0] if new else '(none)'}"]
    diff = difflib.unified_diff(old, new, lineterm="", n=1)
    return [line for line in diff if not line.startswith(("---", "+++"))]


def value_lines(name: str, value) -> list[str]:
    """A stored field value as lines of text."""
    if value is None or value == []:
        return []
    if name == "sections":
        lines = []
        for section in value:
            if section.get("heading"):
                lines.append("## " + section["heading"])
            lines += section.get("paragraphs") or []
        return lines
    if name == "captions":
        return [caption_text(caption) for caption in value]
    if isinstance(value, list):
        return [" | ".join(str(item) for item in value)]
    return str(value).splitlines() or [""]


def format_table(headers: list[str], rows: list[list]) -> str:
    """Columns aligned on the widest cell; numbers right-aligned."""
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [max([len(header)] + [len(row[i]) for row in cells]) for i, header in enumerate(headers)]
    numeric = [all(isinstance(row[i], (int, float)) or row[i] is None for row in rows) and rows
               for i in range(len(headers))]
    lines = ["  ".join(_aligned(h, w, n) for h, w, n in zip(headers, widths, numeric)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_aligned(c, w, n) for c, w, n in zip(row, widths, numeric)).rstrip() for row in cells]
    return "\n".join(lines)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _aligned(text: str, width: int, numeric: bool) -> str:
    return text.rjust(width) if numeric else text.ljust(width)
