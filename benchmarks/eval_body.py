"""Score adapter for the body and caption fields of the generic content detector.

Usage (from the repository root):

    PYTHONPATH=. python ../shared/eval-dev/score.py --py benchmarks.eval_body:extract

`extract(page_path, url)` decodes and parses the page as the extractor does, finds the main content
and returns the keys the scorer reads: title (the first <h1>), sections and captions. The whole
record (lead included) is scored by benchmarks/eval_adapter.py and benchmarks/bench_eval.py.
"""
from __future__ import annotations

from pathlib import Path

from newsarchive.extraction.content import (
    captions_from,
    find_content_root,
    headline_and_body,
    sections_from,
)
from newsarchive.extraction.parsing import decode_html, parse_html
from newsarchive.text import clean_text


def parse(page_path: str):
    return parse_html(decode_html(Path(page_path).read_bytes()))


def first_heading(doc) -> str | None:
    for h1 in doc.iter("h1"):
        text = clean_text(h1.text_content())
        if text:
            return text
    return None


def extract(page_path: str, url: str) -> dict:
    return extract_from(parse(page_path), url)


def extract_from(doc, url: str) -> dict:
    title = first_heading(doc)
    root = find_content_root(doc)
    sections = sections_from(root, base_url=url, skip_texts={title} if title else set())
    captions = captions_from(headline_and_body(doc, root), base_url=url)
    return {"title": title, "sections": sections, "captions": [c["text"] for c in captions]}
