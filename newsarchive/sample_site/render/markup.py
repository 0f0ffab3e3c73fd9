"""Small helpers for writing HTML by hand."""

from __future__ import annotations

import html


def text(value: str) -> str:
    """Escape a text node. As on the real site, non-breaking spaces are written ``&nbsp;`` and the
    spaces inside « » are non-breaking (the text itself keeps plain spaces there)."""
    value = value.replace("« ", "«\u00a0").replace(" »", "\u00a0»")
    return html.escape(value, quote=False).replace("\u00a0", "&nbsp;")


def attr(value: str) -> str:
    """Escape an attribute value (without the quotes)."""
    return html.escape(value, quote=True).replace("\u00a0", "&nbsp;")


def link(href: str, label: str, **attributes: str) -> str:
    extra = "".join(f' {name.rstrip("_").replace("_", "-")}="{attr(value)}"' for name, value in attributes.items())
    return f'<a href="{attr(href)}"{extra}>{text(label)}</a>'


def excerpt(paragraphs: list[str], limit: int = 155) -> str:
    """The first words of the body, cut on a word boundary, as WordPress and Yoast do."""
    body = " ".join(paragraphs)
    if len(body) <= limit:
        return body
    return body[:limit].rsplit(" ", 1)[0] + " […]"
