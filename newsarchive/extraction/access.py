"""Who may read an article (``free``, ``subscribers`` or ``unknown``) and whether the kept body is a teaser.

Signals, strongest first: the JSON-LD ``isAccessibleForFree`` of the article and of its ``hasPart``
elements (whose ``cssSelector`` names the paid part: when that part is missing from the page, the body
is cut), the ``article:content_tier`` meta (``locked``; ``free`` and ``metered`` are free) and
``isAccessibleForFree`` microdata, then what the page shows inside the article: the French paywall
wording (« Article réservé aux abonnés », « La suite est réservée aux abonnés », « Il vous reste 75 % de
cet article à lire ») and the containers of paywall services (Piano, Poool, ``paywall`` boxes). A
declared ``wordCount`` well above the words kept also says the body is cut, whoever may read it; one
close to them says it is whole. Markers inside links, navigation and related-article lists (the
« Abonnés » badges of other articles) do not count.
"""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree

from newsarchive.extraction.boilerplate import hint_text
from newsarchive.extraction.furniture import in_furniture
from newsarchive.extraction.html import all_text, is_inside, text_outside_scripts
from newsarchive.extraction.selectors import select
from newsarchive.extraction.vocabulary.classes import (
    NOT_PAYWALL_HINTS,
    PAYWALL_BOX_HINTS,
    PAYWALL_BOX_WORDS,
)
from newsarchive.extraction.vocabulary.labels import (
    CUT_WORDING,
    PAYWALL_WORDING_WORDS,
    SUBSCRIBER_WORDING,
)
from newsarchive.text import may_hold_word, word_count

FREE, SUBSCRIBERS, UNKNOWN = "free", "subscribers", "unknown"
ACCESS_VALUES = (FREE, SUBSCRIBERS, UNKNOWN)

_CONTENT_TIERS = {"locked": SUBSCRIBERS, "premium": SUBSCRIBERS, "free": FREE, "metered": FREE}
_FALSE, _TRUE = frozenset({"false", "0", "no"}), frozenset({"true", "1", "yes"})
_TEXTS = etree.XPath(".//text()[normalize-space()][not(ancestor::script or ancestor::style)]")
_LINKS = etree.XPath(".//a[@href]")
_BADGE_LEVELS, _HEADLINE_WORDS = 3, 5
_MAX_MARKER_TEXT = 300
_CUT_RATIO, _WHOLE_RATIO, _CUT_MARGIN = 1.5, 0.8, 30
_MIN_HIDDEN_PART_WORDS = 40
# Letters that the wording's case-blind patterns read as "i" or "s" but that str.lower() keeps apart.


class Access(NamedTuple):
    """``access`` (free, subscribers, unknown), ``truncated`` and the signals that decided them."""

    access: str
    truncated: bool
    signals: list[str]


def page_access(page, words_kept: int) -> Access:
    """The access of an :class:`~newsarchive.extraction.page.ArticlePage` whose body kept ``words_kept`` words."""
    signals: list[str] = []
    declared = _declared_access(page.data, signals)
    hidden_part = _hidden_part_state(page, signals)
    shown = _shown_markers(page, signals)
    access = declared or (SUBSCRIBERS if shown or hidden_part else UNKNOWN)
    length = _declared_length_state(page.data, words_kept, signals)
    if length is not None:
        truncated = length
    elif "cut_wording" in signals:
        truncated = True
    elif hidden_part is not None:
        truncated = hidden_part
    else:
        truncated = access == SUBSCRIBERS and "paywall_box" in signals
    return Access(access, truncated, signals)


def _declared_access(data, signals: list[str]) -> str | None:
    free = _flag(data.article_value("isAccessibleForFree"))
    if free is not None:
        signals.append(f"jsonld:isAccessibleForFree={str(free).lower()}")
        return FREE if free else SUBSCRIBERS
    if any(_flag(part.get("isAccessibleForFree")) is False for part in _parts(data)):
        signals.append("jsonld:hasPart")
        return SUBSCRIBERS
    tier = (data.meta_first("article:content_tier", "content_tier", "og:article:content_tier") or "").lower()
    if tier in _CONTENT_TIERS:
        signals.append(f"meta:content_tier={tier}")
        return _CONTENT_TIERS[tier]
    free = _flag(data.meta_first("isaccessibleforfree"))
    if free is not None:
        signals.append(f"meta:isAccessibleForFree={str(free).lower()}")
        return FREE if free else SUBSCRIBERS
    return None


def _flag(value) -> bool | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _FALSE | _TRUE:
        return value.strip().lower() in _TRUE
    return None


def _parts(data) -> list[dict]:
    parts = data.article_value("hasPart")
    parts = parts if isinstance(parts, list) else [parts]
    return [resolved for resolved in (data.resolve(part) for part in parts) if isinstance(resolved, dict)]


def _hidden_part_state(page, signals: list[str]) -> bool | None:
    """True when a paid part's ``cssSelector`` matches nothing with text (the part was left out of the
    page), False when it matches the paid text, None when no paid part names a selector."""
    selectors = [selector for part in _parts(page.data) if _flag(part.get("isAccessibleForFree")) is False
                 and isinstance(selector := part.get("cssSelector"), str)]
    if not selectors:
        return None
    words = 0
    for css in selectors:
        try:
            found = select(page.doc, css.strip())
        except (etree.XPathError, ValueError, SyntaxError):
            signals.append("jsonld:hasPart_bad_selector")
            continue
        for element in found:
            if words >= _MIN_HIDDEN_PART_WORDS:  # words are counted up to the least that tells
                break
            words += word_count(" ".join(_TEXTS(element)), at_most=_MIN_HIDDEN_PART_WORDS - words)
    present = words >= _MIN_HIDDEN_PART_WORDS
    signals.append("jsonld:hasPart_present" if present else "jsonld:hasPart_missing")
    return not present


def _shown_markers(page, signals: list[str]) -> bool:
    """True when the article shows subscriber wording (each kind noted in ``signals``, with ``paywall_box`` for
    a Piano, Poool or paywall box: alone it says nothing, since these services also meter free articles)."""
    scope = page.article_root if page.article_root is not None else page.doc
    scopes = [scope, *([page.tag_scope] if page.tag_scope is not scope else [])]
    shown = scopes if _may_show_wording(scopes[-1] if is_inside(scope, scopes[-1]) else page.doc, page.doc) else []
    for text_node in (node for root in shown for node in _TEXTS(root)):
        text = str(text_node).strip()
        if len(text) > _MAX_MARKER_TEXT or not may_hold_word(text, PAYWALL_WORDING_WORDS):
            continue  # most texts: the wording is searched only in one that holds one of its words
        cut = "cut_wording" not in signals and CUT_WORDING.search(text)
        subscriber = "subscriber_wording" not in signals and SUBSCRIBER_WORDING.search(text)
        if not (cut or subscriber) or NOT_PAYWALL_HINTS.search(text.lower()) or not _counts(text_node.getparent()):
            continue  # wording first: linear on any page
        if cut:
            signals.append("cut_wording")
        if subscriber and not _badge_of_other_article(text_node.getparent()):
            signals.append("subscriber_wording")
    outer = scopes[-1]
    for hinted in page.index.matching(PAYWALL_BOX_WORDS, scope=outer):
        if hinted.element is not outer and _is_paywall_box(hinted.element):
            signals.append("paywall_box")
            break
    return any(kind in signals for kind in ("subscriber_wording", "cut_wording"))


def _may_show_wording(root, doc) -> bool:
    """False when no text under ``root`` can hold subscriber or cut wording: a test of its whole text at once (every
    form of the wording holds one of PAYWALL_WORDING_WORDS), before the text nodes are read one by one. Each text node
    is whole in the text of ``root`` with its scripts (:func:`all_text`, serialised in C), which an article's element
    holds few of; a whole page's scripts are most of its text, so the page is read outside them."""
    text = text_outside_scripts(root) if root is doc else all_text(root)
    return may_hold_word(text, PAYWALL_WORDING_WORDS)


def _is_paywall_box(element) -> bool:
    hints = hint_text(element)
    return bool(PAYWALL_BOX_HINTS.search(hints)) and not NOT_PAYWALL_HINTS.search(hints)


def _badge_of_other_article(element) -> bool:
    """True for wording next to a link to another article (a teaser's « Article réservé aux abonnés » badge)."""
    chain = [element, *element.iterancestors()]
    if any(_is_paywall_box(node) for node in chain):
        return False
    for node in chain[:_BADGE_LEVELS]:
        for link in _LINKS(node):
            text = " ".join(_TEXTS(link))
            if len(text.split()) >= _HEADLINE_WORDS and "abonn" not in text.lower():
                return True
    return False


def _counts(element) -> bool:
    """Whether wording in ``element`` speaks of this article (not a link to, or a list of, others)."""
    if element is None:
        return False
    chain = [element, *element.iterancestors()]
    if any(node.tag in ("a", "nav", "button") for node in chain):
        return False
    return any(_is_paywall_box(node) for node in chain) or not in_furniture(element)


def _declared_length_state(data, words_kept: int, signals: list[str]) -> bool | None:
    """True when the declared ``wordCount`` is well above the words kept, False when close to them."""
    declared = data.article_value("wordCount")
    try:
        declared = int(str(declared).strip()) if declared is not None else None
    except ValueError:
        return None
    if not declared or declared <= 0:
        return None
    if declared >= words_kept * _CUT_RATIO + _CUT_MARGIN:
        signals.append(f"jsonld:wordCount={declared}>kept={words_kept}")
        return True
    if words_kept >= declared * _WHOLE_RATIO:
        signals.append(f"jsonld:wordCount={declared}~kept={words_kept}")
        return False
    return None
