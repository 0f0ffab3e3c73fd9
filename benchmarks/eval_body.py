"""Score adapter for the body and caption fields of the generic content detector.

Usage (from the repository root):

    PYTHONPATH=. python ../shared/eval-dev/score.py --py benchmarks.eval_body:extract
    PYTHONPATH=. python ../shared/eval-dev/score.py --py benchmarks.eval_body:extract_with_lead

`extract(page_path, url)` decodes the page, finds the main content and returns
the keys the scorer reads: title (the first <h1>), sections and captions.
`extract_with_lead` adds a "text" with the page description before the body,
for the snippet scores that count the lead as main text.
"""
from __future__ import annotations

from pathlib import Path

import lxml.html
from w3lib.encoding import html_to_unicode

from newsarchive.extraction.content import (
    article_scope,
    captions_from,
    find_content_root,
    sections_from,
)
from newsarchive.extraction.sections import clean_text


def decode(raw: bytes) -> str:
    """Page text; valid multi-byte UTF-8 wins over a stale <meta charset>."""
    header = None
    if not raw.isascii():
        try:
            raw.decode("utf-8")
            header = "text/html; charset=utf-8"
        except UnicodeDecodeError:
            pass
    return html_to_unicode(header, raw)[1]


def parse(page_path: str, url: str):
    text = decode(Path(page_path).read_bytes())
    parser = lxml.html.HTMLParser(encoding="utf-8")
    return lxml.html.document_fromstring(text.encode("utf-8"), parser=parser, base_url=url)


def first_heading(doc) -> str | None:
    for h1 in doc.iter("h1"):
        text = clean_text(h1.text_content())
        if text:
            return text
    return None


def extract(page_path: str, url: str) -> dict:
    return extract_from(parse(page_path, url), url)


def extract_from(doc, url: str) -> dict:
    title = first_heading(doc)
    root = find_content_root(doc)
    sections = sections_from(root, base_url=url, skip_texts={title} if title else set())
    captions = captions_from(article_scope(doc, root), base_url=url)
    return {"title": title, "sections": sections, "captions": [c["text"] for c in captions]}


def meta_description(doc) -> str | None:
    for name in ("og:description", "description", "twitter:description"):
        for meta in doc.iter("meta"):
            if name in ((meta.get("property") or "").lower(), (meta.get("name") or "").lower()):
                text = clean_text(meta.get("content") or "")
                if text:
                    return text
    return None


def extract_with_lead(page_path: str, url: str) -> dict:
    """As `extract`, with the page's description as a stand-in lead before the body text.

    The article record keeps the lead apart from the body; snippet-based scores
    count it as main text, so this variant shows what body + lead would score.
    """
    doc = parse(page_path, url)
    out = extract_from(doc, url)
    lines = [line for section in out["sections"] for line in [section["heading"], *section["paragraphs"]] if line]
    lead = meta_description(doc)
    if lead and not any(lead[:60] in line for line in lines):
        lines.insert(0, lead)
    out["text"] = "\n".join(lines)
    return out
