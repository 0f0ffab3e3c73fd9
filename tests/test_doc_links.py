"""The README and docs/ link only to files that exist: a relative link is read from the folder of its page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s#]+)(?:#[^)]*)?\)")


def relative_links(page: Path) -> list[str]:
    return [target for target in LINK.findall(page.read_text(encoding="utf-8"))
            if not re.match(r"[a-z]+:", target)]  # http:, https:, mailto:


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_relative_links_name_files_of_the_repository(page):
    missing = [target for target in relative_links(page) if not (page.parent / target).resolve().exists()]
    assert not missing
    for target in relative_links(page):
        assert (page.parent / target).resolve().is_relative_to(ROOT), target


def test_the_pages_have_links_to_check():
    assert len(relative_links(ROOT / "README.md")) >= 4
