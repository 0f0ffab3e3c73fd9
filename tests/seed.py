"""The seed article (../shared/seeds/), read back from its rendered text into a sample-site Article.

The seed file is the rendered text of a real onemedia.fr page, top to bottom: breadcrumb, headline,
``by <author>``, the featured image's alt text, the category, the body (sub-headings are the lines
without final punctuation), the two image captions, the tag line (``a | b | c``), "You may also like",
"Leave a Comment" and the copyright line. The publisher's text is read at run time, never copied.
"""

from __future__ import annotations

import re
from pathlib import Path

from newsarchive.sample_site import Article, Caption, Section
from newsarchive.sample_site.site import DEFAULT_NOW

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_193be2da69fb9b6e.txt"
FINAL_PUNCTUATION = re.compile(r"[.!?»…:\"”)]$")


def seed_lines() -> list[str]:
    return [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def seed_parts() -> dict:
    """The seed page's parts: crumbs, headline, byline, author, category, sections (dicts), captions, tags,
    copyright."""
    lines = seed_lines()
    tag_index = next(index for index, line in enumerate(lines) if " | " in line)
    sections = [{"heading": None, "level": None, "paragraphs": []}]
    for line in lines[5 : tag_index - 2]:
        if FINAL_PUNCTUATION.search(line):
            sections[-1]["paragraphs"].append(line)
        else:
            sections.append({"heading": line, "level": 2, "paragraphs": []})
    return {
        "crumbs": lines[0],
        "headline": lines[1],
        "byline": lines[2],
        "author": lines[2].removeprefix("by "),
        "category": lines[4],
        "sections": sections,
        "captions": lines[tag_index - 2 : tag_index],
        "tags": lines[tag_index].split(" | "),
        "copyright": lines[-1],
    }


def seed_article() -> Article:
    """The seed page as an Article: one block-editor and one classic-editor caption, h2 sub-headings."""
    parts = seed_parts()
    sections = [Section(s["heading"], s["level"], s["paragraphs"]) for s in parts["sections"]]
    captions = [Caption(text, f"/wp-content/uploads/2025/08/seed-{n}.jpg", style=style)
                for n, (text, style) in enumerate(zip(parts["captions"], ("block", "classic"), strict=True))]
    return Article(headline=parts["headline"], author=parts["author"], category=parts["category"],
                   published=DEFAULT_NOW, modified=DEFAULT_NOW, sections=sections, captions=captions,
                   tags=parts["tags"], image_url="/wp-content/uploads/2025/08/seed.jpg")


def seed_copyright() -> str:
    return seed_parts()["copyright"]
