"""Golden pages: hand-written article pages with the record each must give, checked field by field.

tests/golden/<site>/<case>/page.html is the page as served (raw bytes); expected.json holds the input
(``url``, ``fetched_at``) and the expected record (every key but ``text``: the lead, then the sections).
One test per field and case, so that a failure names the field.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from newsarchive.extraction import body_text, extract_article, record_text
from newsarchive.extraction.record import RECORD_KEYS
from newsarchive.sites.registry import page_class_for

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(str(path.parent.relative_to(GOLDEN)) for path in GOLDEN.glob("*/*/expected.json"))
FIELDS = [key for key in RECORD_KEYS if key != "text"]  # ``text`` is checked against the lead and sections


@cache
def expected(case: str) -> dict:
    return json.loads((GOLDEN / case / "expected.json").read_text(encoding="utf-8"))


@cache
def extracted(case: str) -> dict:
    given = expected(case)["input"]
    body = (GOLDEN / case / "page.html").read_bytes()
    return extract_article(body, given["url"], fetched_at=given["fetched_at"], page_class=page_class_for(given["url"]))


def test_golden_cases_cover_both_kinds_of_site():
    assert sum(case.startswith("onemedia/") for case in CASES) >= 4
    assert sum(case.startswith("generic/") for case in CASES) >= 3


def test_golden_cases_cover_seventeen_cms_families():
    """Pages rendered in the default article templates of CMSs, blog platforms and site builders:
    generic/<cms>-<variant>."""
    families = {case.split("/")[1].split("-")[0] for case in CASES if case.split("/")[1].split("-")[0] in CMS_FAMILIES}
    assert families == CMS_FAMILIES


CMS_FAMILIES = {
    "spip", "drupal", "joomla", "wordpress", "ghost", "blogger", "hugo", "overblog", "canalblog", "dotclear",
    "jekyll", "typo3", "hautetfort", "pluxml", "squarespace", "emonsite", "wix",
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("field", FIELDS)
def test_golden_field(field, case):
    assert extracted(case)[field] == expected(case)["record"][field]


@pytest.mark.parametrize("case", CASES)
def test_golden_record_has_every_key_and_text_is_lead_then_sections(case):
    record = extracted(case)
    assert list(record) == list(RECORD_KEYS)
    assert record["text"] == record_text(record["lead"], body_text(record["sections"]))
    if record["lead"]:
        assert record["text"].startswith(record["lead"] + "\n")
