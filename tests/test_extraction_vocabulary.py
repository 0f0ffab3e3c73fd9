"""The vocabulary module: the page index's hint pattern covers every class-word pattern the readers query it with."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from lxml import etree

try:  # the regular expression parser, to read what every match of a pattern holds
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants
    import sre_parse

from newsarchive.dates import patterns as date_patterns
from newsarchive.extraction import credits, extract_article
from newsarchive.extraction.index import PageIndex
from newsarchive.extraction.parsing import parse_html
from newsarchive.extraction.vocabulary import classes, furniture_wording, labels
from newsarchive.extraction.vocabulary.indexed import INDEX_HINT, INDEXED_HINTS
from newsarchive.sites.registry import page_class_for
from newsarchive.text import CASE_BLIND_ODD_LETTERS

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


def literal_texts(items) -> list[str] | None:
    """Every text the parsed pattern ``items`` can match, when it is made of characters, small character sets,
    optional characters and groups of such alternatives only (else None)."""
    texts = [""]
    for op, value in items:
        if op is sre_constants.LITERAL:
            choices = [chr(value)]
        elif op is sre_constants.IN and all(kind is sre_constants.LITERAL for kind, _ in value) and len(value) <= 3:
            choices = [chr(char) for _, char in value]
        elif op is sre_constants.MAX_REPEAT and value[:2] == (0, 1):  # an optional part: "mots-?cl"
            choices = literal_texts(value[2])
            choices = None if choices is None else ["", *choices]
        elif op is sre_constants.SUBPATTERN:
            choices = literal_texts(value[-1])
        elif op is sre_constants.BRANCH:
            branches = [literal_texts(branch) for branch in value[1]]
            choices = None if None in branches else [text for branch in branches for text in branch]
        else:
            return None
        if choices is None:
            return None
        texts = [text + choice for text in texts for choice in choices]
    return texts


def holds_a_word(items, words) -> bool:
    """Whether every match of the parsed pattern ``items`` holds one of ``words``: a run of its parts that are
    literal texts does, a group or a repeated part (at least once) does, or every branch of an alternation does."""
    run = [""]
    for op, value in [*items, (None, None)]:
        texts = literal_texts([(op, value)]) if op is not None else None
        if texts is not None:
            run = [text + more for text in run for more in texts]
            continue
        if run != [""] and all(any(word in text for word in words) for text in run):
            return True
        run = [""]
        if op is sre_constants.SUBPATTERN and holds_a_word(value[-1], words):
            return True
        if op is sre_constants.BRANCH and all(holds_a_word(branch, words) for branch in value[1]):
            return True
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and value[0] >= 1 \
                and holds_a_word(value[2], words):
            return True
    return False


@pytest.mark.parametrize("pattern", list(INDEXED_HINTS), ids=lambda pattern: pattern.pattern[:40])
def test_every_match_of_an_indexed_pattern_holds_one_of_its_index_words(pattern):
    assert pattern.flags & re.IGNORECASE == 0  # the index matches lower-cased words
    words = INDEXED_HINTS[pattern]
    assert holds_a_word(sre_parse.parse(pattern.pattern), words)
    assert all(INDEX_HINT.search(word) for word in words)
    assert not holds_a_word(sre_parse.parse(pattern.pattern), ("zzz",))  # the reading can fail


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
        extract_article(body, given["url"], fetched_at=given.get("fetched_at"),
                        page_class=page_class_for(given["url"], given.get("site")))
    assert queried == set(INDEXED_HINTS)


def test_a_pattern_outside_the_indexed_vocabulary_is_refused():
    index = PageIndex(parse_html(b"<html><body><p class='caption'>Une photo</p><h1>Titre</h1></body></html>"))
    with pytest.raises(ValueError, match="INDEXED_HINTS"):
        index.matching(re.compile("caption"))
    assert index.matching(classes.BYLINE_HINTS) == []


WORDED_PATTERNS = [
    (labels.SUBSCRIBER_WORDING, labels.PAYWALL_WORDING_WORDS),
    (labels.CUT_WORDING, labels.PAYWALL_WORDING_WORDS),
    (furniture_wording.FURNITURE_PHRASE, furniture_wording.FURNITURE_PHRASE_WORDS),
    (re.compile(labels.PHOTO_LABELS, re.IGNORECASE), labels.PHOTO_LABEL_WORDS),
    (credits._COPYRIGHT, credits.COPYRIGHT_WORDS),
    (labels.BYLINE_WORD, labels.BYLINE_WORDS),
    (labels.BYLINE_LEAD, labels.BYLINE_WORDS),
]


@pytest.mark.parametrize(("pattern", "words"), WORDED_PATTERNS,
                         ids=["subscriber", "cut", "furniture-phrase", "photo-label", "copyright", "byline-word",
                              "byline-lead"])
def test_every_form_of_a_worded_pattern_holds_one_of_its_words(pattern, words):
    """access.py reads the text nodes one by one only on pages whose text holds one of PAYWALL_WORDING_WORDS, and
    boilerplate.py searches a line for FURNITURE_PHRASE only when it holds one of FURNITURE_PHRASE_WORDS,
    and bylines.py reads the shown text of a byline block's line only when its text holds one of BYLINE_WORDS."""
    assert holds_a_word(sre_parse.parse(pattern.pattern.lower()), words)
    assert all(word == word.lower() for word in words)
    assert not holds_a_word(sre_parse.parse(pattern.pattern.lower()), ("zzz",))  # the reading can fail


@pytest.mark.parametrize("words", [labels.PAYWALL_WORDING_WORDS, furniture_wording.FURNITURE_PHRASE_WORDS,
                                   labels.PHOTO_LABEL_WORDS, credits.COPYRIGHT_WORDS, labels.BYLINE_WORDS,
                                   date_patterns.MONTH_WORDS, date_patterns.AGO_WORDS, date_patterns.DAY_WORD_WORDS,
                                   date_patterns.LABEL_WORDS])
def test_the_letters_that_case_blind_patterns_read_otherwise_than_lower_are_known(words):
    letters = set("".join(words)) - {" "}
    odd = {character for character in map(chr, range(0x3000)) for letter in letters
           if character.lower() != letter and re.fullmatch(re.escape(letter), character, re.IGNORECASE)}
    assert odd <= set(CASE_BLIND_ODD_LETTERS)
