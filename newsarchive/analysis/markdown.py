"""An archived article as Markdown: headline and sub-headings as headings, the facts, the body, the
captions as images with their credit, the links kept (the article's URLs, the images)."""

from __future__ import annotations

import re

from newsarchive.analysis.render import article_facts

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_LINE_MARK = re.compile(r"^(\s*)([#>+-])", re.MULTILINE)  # a heading, quote or list item
_LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)  # an ordered list item


def escape(text: str) -> str:
    """``text`` with the characters Markdown would read as markup escaped."""
    text = _SPECIAL.sub(r"\\\1", text)
    return _LIST_NUMBER.sub(r"\1\\\2", _LINE_MARK.sub(r"\1\\\2", text))


def link(text: str, url: str) -> str:
    return f"[{escape(text)}](<{url}>)"


def format_markdown(record: dict) -> str:
    """The article as Markdown, in the reading order of :func:`~newsarchive.analysis.render.format_article`."""
    blocks = [f"# {escape(record['headline'] or '(no headline)')}"]
    facts = [f"- **{label}:** {_fact(label, value, record)}" for label, value in article_facts(record)]
    blocks.append("\n".join(facts))
    if record["lead"]:
        blocks.append(f"**{escape(record['lead'])}**")
    for section in record["sections"]:
        if section["heading"]:
            level = min(max(section["level"] or 2, 2), 6)
            blocks.append(f"{'#' * level} {escape(section['heading'])}")
        blocks += [escape(paragraph) for paragraph in section["paragraphs"]]
    for caption in record["captions"]:
        blocks.append(caption_markdown(caption))
    if record["copyright"]:
        blocks += ["---", f"*{escape(record['copyright'])}*"]
    return "\n\n".join(blocks)


def caption_markdown(caption: dict) -> str:
    """``![text](image)`` followed by the caption and its credit in italics."""
    text = caption.get("text") or ""
    credit = f" — {caption['credit']}" if caption.get("credit") else ""
    legend = f"*{escape(text + credit)}*" if text or credit else ""
    if not caption.get("image_url"):
        return legend or "*(image)*"
    image = f"![{escape(text)}](<{caption['image_url']}>)"
    return f"{image}\n{legend}" if legend else image


def _fact(label: str, value: str, record: dict) -> str:
    if label == "URL":
        return link(value, value)
    if label == "Also at":
        return ", ".join(link(url, url) for url in record["urls"] if url != record["url"])
    return escape(value)
