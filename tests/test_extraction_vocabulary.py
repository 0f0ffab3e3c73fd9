"""The vocabulary module: the page index's hint pattern covers every class-word pattern the readers query it with."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from lxml import etree

from newsarchive.extraction import extract_article
from newsarchive.extraction.html import parse_html
from newsarchive.extraction.index import PageIndex
from newsarchive.extraction.vocabulary import classes
from newsarchive.extraction.vocabulary.classes import INDEX_HINT, INDEXED_HINTS

ROOT = Path(__file__).resolve().parents[1]
EXTRACTION = ROOT / "newsarchive" / "extraction"
GOLDEN = Path(__file__).parent / "golden"
VOCABULARY_MODULE = "newsarchive.extraction.vocabulary.classes"
HINT_ATTRIBUTES = ("class", "id", "itemprop", "itemtype", "aria-label", "role", "data-testid")


def golden_cases() -> list[tuple[bytes, dict]]:
    return [((path.parent / "page.html").read_bytes(), json.loads(path.read_text(encoding="utf-8"))["input"])
            for path in sorted(GOLDEN.glob("*/*/expected.json"))]


def golden_labels() -> set[str]:
    """Every lower-cased hint attribute value of the golden pages, one by one and joined as the index joins them."""
    labels = set()
    for body, _ in golden_cases():
        for element in parse_html(body).iter(etree.Element):
            values = [value for name, value in element.items() if name in HINT_ATTRIBUTES]
            labels.update(value.lower() for value in values)
            labels.add(" ".join(values).lower())
    return labels


def matching_calls() -> list[tuple[str, str]]:
    """``(module, name)`` of the first argument of every ``….matching(NAME, …)`` call in the extraction package."""
    calls = []
    for path in EXTRACTION.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "matching":
                first = node.args[0] if node.args else None
                calls.append((path.name, first.id if isinstance(first, ast.Name) else ast.dump(first)))
    return calls


def vocabulary_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {alias.asname or alias.name for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == VOCABULARY_MODULE for alias in node.names}


def test_every_pattern_the_readers_query_the_index_with_comes_from_the_indexed_vocabulary():
    calls = matching_calls()
    assert len(calls) >= len(INDEXED_HINTS)  # every reader that queries the index is seen
    indexed_names = {name for name, value in vars(classes).items() if any(value is p for p in INDEXED_HINTS)}
    for module, name in calls:
        assert name in vocabulary_imports(EXTRACTION / module), f"{module} queries the index with {name}, not imported from {VOCABULARY_MODULE}"
        assert name in indexed_names, f"{module} queries the index with {name}, which INDEXED_HINTS leaves out"


def test_the_index_hint_matches_every_label_that_an_indexed_pattern_matches():
    labels = golden_labels() | {
        "entry-meta", "byline", "post-author", "c-article__chapo", "standfirst", "tags-list", "mots-cles",
        "site-footer", "breadcrumb", "fil d'ariane", "arbo", "published", "dt-published dtstart", "fecha-publicacion",
    }
    checked = 0
    for pattern in INDEXED_HINTS:
        for label in labels:
            if pattern.search(label):
                checked += 1
                assert INDEX_HINT.search(label), f"{label!r} matches {pattern.pattern!r} but not the index hint"
    assert checked > 100
    assert not INDEX_HINT.search("article-body paragraph")  # the index keeps only the elements readers look at


def test_every_indexed_pattern_is_queried_on_the_golden_pages(monkeypatch):
    queried = set()
    original = PageIndex.matching

    def recording(self, pattern, *args, **kwargs):
        queried.add(pattern)
        return original(self, pattern, *args, **kwargs)

    monkeypatch.setattr(PageIndex, "matching", recording)
    for body, given in golden_cases():
        extract_article(body, given["url"], fetched_at=given.get("fetched_at"), site=given.get("site"))
    assert queried == set(INDEXED_HINTS)


def test_a_pattern_outside_the_indexed_vocabulary_is_refused():
    index = PageIndex(parse_html(b"<html><body><p class='caption'>Une photo</p><h1>Titre</h1></body></html>"))
    with pytest.raises(ValueError, match="INDEXED_HINTS"):
        index.matching(re.compile("caption"))
    assert index.matching(classes.BYLINE_HINTS) == []
