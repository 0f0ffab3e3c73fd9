"""Recognise page furniture: navigation, related links, share bars, comments, ads...

Everything here is generic: hints are words that templates of many sites use in
their class names, ids and ARIA roles, never the name of one site.
"""
from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from newsarchive.dates import find_date_strings
from newsarchive.dates.patterns import DATELINE
from newsarchive.extraction.html import all_text
from newsarchive.extraction.vocabulary.classes import (
    BODY_CLASS,
    MODIFIER_TOKEN,
    NEGATIVE_HINTS,
    PAYWALL_HINTS,
    POSITIVE_HINTS,
    SOFT_NEGATIVE_HINTS,
    TRAILING_HINTS,
)
from newsarchive.extraction.vocabulary.labels import (
    AD_LABELS,
    ADDRESSED_POINTER,
    AD_PREFIX,
    BYLINE_LINE,
    CATEGORY_LINE,
    FURNITURE_HEADING,
    FURNITURE_PHRASE,
    FURNITURE_PHRASE_WORDS,
    LINKED_POINTER,
    MAX_TOOL_LINE,
    NEWSLETTER_PROMPT,
    POINTER,
    PROMPT,
    SITE_ADDRESS,
    TAG_LINE,
    TOOL_LINE,
)
from newsarchive.text import ends_as_sentence, may_hold_word, non_space_length

# Elements that never hold article text.
NON_CONTENT_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "button", "input", "select", "option", "textarea", "label", "dialog", "menu",
    "nav", "aside", "footer", "head", "title", "meta", "link",
})
PAGE_TAGS = frozenset({"html", "body", "main"})
BOILERPLATE_ROLES = frozenset({
    "navigation", "complementary", "banner", "contentinfo", "search", "menu", "menubar",
    "toolbar", "dialog", "alertdialog", "tablist",
})
_TEXT_TAGS = frozenset({"p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"})
# Tags that are furniture unless they wrap real paragraphs (some sites wrap the whole page in a form).
SOFT_TAGS = frozenset({"form"})

_AD_LABEL_EDGES = " .:!-–—|•[]()"
_LONGEST_AD_LABEL = max(map(len, AD_LABELS))
_MAX_PROMPT_LINE = 240  # a newsletter's offer opening with its prompt (NEWSLETTER_PROMPT)
_MAX_POINTER_LINE = 160  # a line sending the reader to more stories (ADDRESSED_POINTER)
_MIN_CLAUSE_WORDS = 4  # words after a dateline's comma that make it a sentence
_MIN_TOLD_WORDS = 8  # words of a sentence opening with a prompt's verb (_tells_the_reader)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_MEDIA_TAGS = frozenset({"figure", "picture"})
_HAS_ACTION = etree.XPath("boolean(.//a[@href] | .//button | .//form | .//input)")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
# Paragraphs of a wrapper: <p>s, and text written straight into <div>s (between <br>s, a blog's post body).
_THIN_PARAGRAPHS = etree.XPath(
    "count(.//p[string-length(normalize-space()) > 80]) + count(.//div/text()[string-length(normalize-space()) > 80])"
)


def hint_text(el, names: list[str] | None = None) -> str:
    """Lower-cased class tokens, id and ``data-testid`` of `el` that describe it ("" when none). `names` are the
    element's attribute names when the caller has read them (an absent attribute is then not asked for).

    Component-based templates often name their blocks only in ``data-testid``
    (``newsletter-box``, ``article-body``) and give them hashed class names.
    Utility-class variants ("print:hidden", "[.amp_&]:block") and state or
    taxonomy tokens are left out; BEM modifiers are cut ("grid--with-sidebar"
    -> "grid").
    """
    if names is None:
        return _joined_hints(el.get("class"), el.get("id"), el.get("data-testid"))
    if not names:
        return ""
    return _joined_hints(
        el.get("class") if "class" in names else None,
        el.get("id") if "id" in names else None,
        el.get("data-testid") if "data-testid" in names else None,
    )


def _joined_hints(cls: str | None, ident: str | None, test_id: str | None) -> str:
    if test_id is not None:
        ident = f"{ident} {test_id}" if ident is not None else test_id
    if cls is None and ident is None:
        return ""
    return _hints_of(cls, ident)


@lru_cache(maxsize=8192)
def _hints_of(cls: str | None, ident: str | None) -> str:
    """hint_text() of a class and id pair (pages repeat the same few pairs on many elements)."""
    tokens = []
    for token in f"{cls or ''} {ident or ''}".lower().split():
        if ":" in token or "[" in token or MODIFIER_TOKEN.match(token):
            continue
        tokens.append(token.split("--", 1)[0])
    return " ".join(tokens)


@lru_cache(maxsize=8192)
def _hint_kinds(hints: str) -> tuple[bool, bool, bool, bool, bool]:
    """Which furniture words ``hints`` holds: (negative, trailing, soft, paywall, positive)."""
    return (
        bool(NEGATIVE_HINTS.search(hints)), bool(TRAILING_HINTS.search(hints)),
        bool(SOFT_NEGATIVE_HINTS.search(hints)), bool(PAYWALL_HINTS.search(hints)),
        bool(POSITIVE_HINTS.search(hints)),
    )


def declares_article_body(el) -> bool:
    """Whether an element says it is the article's body (microdata ``itemprop="articleBody"``)."""
    return (el.get("itemprop") or "").lower() == "articlebody"


def names_article_body(el) -> bool:
    """Whether one of an element's classes, whole, names an article body (``entry-content``, ``content-body``)."""
    return any(BODY_CLASS.fullmatch(name) for name in (el.get("class") or "").split())


def is_hidden(el) -> bool:
    """True when `el` is hidden: a ``hidden`` attribute, ``aria-hidden="true"`` or a style that hides it."""
    return _hidden_among(el, el.keys())


def _hidden_among(el, names: list[str]) -> bool:
    """is_hidden() of `el`, whose attribute names are `names`."""
    if not names:
        return False
    if "hidden" in names or ("aria-hidden" in names and el.get("aria-hidden") == "true"):
        return True
    style = el.get("style") if "style" in names else None
    return bool(style and _HIDDEN_STYLE.search(style))


def is_boilerplate(el, *, thin_wrappers: bool = True, hints: str | None = None, names: list[str] | None = None) -> bool:
    """True when `el` (with its subtree) is page furniture, not article text. With `thin_wrappers` False, a
    thin wrapper named like an embed, widget or player is not (page builders wrap an article's images so).
    `hints` is the element's :func:`hint_text` and `names` its attribute names when the caller has them at hand."""
    tag = el.tag
    if not isinstance(tag, str):
        return True  # comments, processing instructions
    if tag in PAGE_TAGS:
        return False  # state classes on <body> ("comments-open") say nothing of its content
    if tag in NON_CONTENT_TAGS:
        return True
    if names is None:
        names = el.keys()  # most elements have one or two attributes: those absent are not asked for
    if not names and not hints:
        return tag in SOFT_TAGS and _soft_furniture(el)
    role = el.get("role") if "role" in names else None
    if role and role.lower() in BOILERPLATE_ROLES:
        return True
    if _hidden_among(el, names):
        return True
    if tag in SOFT_TAGS:
        return _soft_furniture(el)
    if tag in _HEADING_TAGS:  # a heading's id is its anchor, made of its words ("comment-s-inscrire"), not a name
        hints = _joined_hints(el.get("class"), None, el.get("data-testid"))
    elif hints is None:
        hints = hint_text(el, names)
    if not hints:
        return False
    negative, trailing, soft, paywall, _ = _hint_kinds(hints)
    if negative or (tag not in _HEADING_TAGS and trailing):
        # A subtree holding the headline is a layout wrapper, and the article's declared body is the body, whatever
        # their class says ("content-body inline-promos": a body that holds promotions), declared by microdata or by
        # a class of its own ("entry-content-ads" is no body's class).
        return el.find(".//h1") is None and not declares_article_body(el) and not names_article_body(el)
    if tag in _TEXT_TAGS:
        return False
    if soft:  # a figure holds no paragraphs: its media words describe it, not furniture
        return thin_wrappers and tag not in _MEDIA_TAGS and _THIN_PARAGRAPHS(el) < 2
    return paywall and _THIN_PARAGRAPHS(el) < 2 and _HAS_ACTION(el)


def _soft_furniture(el) -> bool:
    """Whether an element of SOFT_TAGS is furniture: it holds no headline and little text."""
    return el.find(".//h1") is None and len(all_text(el)) < 1000


def class_weight(el) -> int:
    """Readability-style weight of an element's class/id: +25, 0 or -25."""
    hints = hint_text(el)
    if not hints:
        return 0
    negative, trailing, _, _, positive = _hint_kinds(hints)
    return (-25 if negative or trailing else 0) + (25 if positive else 0)


def visible_text(el) -> str:
    """Text of `el` without scripts, styles, form controls or hidden parts (not collapsed)."""
    parts = [el.text or ""]
    stack = [(el, iter(el))]
    while stack:  # depth-first without recursion: pages can nest thousands of levels
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if stack:
                parts.append(node.tail or "")
        elif _shows_text(child):
            parts.append(child.text or "")
            stack.append((child, iter(child)))
        else:
            parts.append(" " if child.tag == "br" else "")
            parts.append(child.tail or "")
    return "".join(parts)


def _shows_text(el) -> bool:
    tag = el.tag
    return isinstance(tag, str) and tag not in NON_CONTENT_TAGS and tag not in ("br", "rt", "rp") \
        and not is_hidden(el)


# --------------------------------------------------------------------------
# furniture inside the text flow: lines and headings
# --------------------------------------------------------------------------

def is_furniture_line(text: str, link_chars: int = 0, *, size: int | None = None) -> bool:
    """True for a line of furniture inside the text: a link list entry, "Lire aussi",
    an ad label, a share or subscription prompt, a tag or category line.

    `link_chars` is how many of its non-space characters are link text; `size` is the number of its
    non-space characters when the caller knows it.
    """
    if size is None:
        size = non_space_length(text)
    if not size or _is_ad_label(text):
        return True
    if link_chars >= 0.9 * size or (link_chars >= 0.6 * size and size - link_chars < 15):
        return True
    if (link_chars or len(text) < 160) and POINTER.match(text) and not _goes_on_telling(text):
        return True  # (the cheap condition first: fewer searches)
    if link_chars >= 0.4 * size and LINKED_POINTER.match(text):
        return True
    if link_chars and len(text) < _MAX_POINTER_LINE and ADDRESSED_POINTER.match(text):
        return True
    if (len(text) < 100 and PROMPT.match(text) and not _tells_the_reader(text)) \
            or (len(text) < 200 and _has_furniture_phrase(text)):
        return True
    if len(text) < _MAX_PROMPT_LINE and NEWSLETTER_PROMPT.match(text):
        return True
    if (TAG_LINE.match(text) and not ends_as_sentence(text, _MIN_TOLD_WORDS)) or AD_PREFIX.match(text) \
            or (len(text) <= MAX_TOOL_LINE and TOOL_LINE.fullmatch(text)):
        return True  # ("Thèmes : l'eau, le climat et la biodiversité seront au cœur des débats de jeudi." is text)
    if len(text) < 80 and CATEGORY_LINE.match(text):  # "Publié dans Politique locale"
        return True
    if len(text) < 120 and DATELINE.match(text) and not goes_on_as_a_sentence(text):
        return True
    return len(text) < 80 and len(text.split()) <= 8 and bool(BYLINE_LINE.match(text))


def _tells_the_reader(text: str) -> bool:
    """Whether a line opening with a prompt's verb is a sentence of the text: one of ``_MIN_TOLD_WORDS`` words that
    ends as a sentence and speaks of no part of the site (:data:`~.vocabulary.labels.SITE_ADDRESS`)."""
    return ends_as_sentence(text, _MIN_TOLD_WORDS) and SITE_ADDRESS.search(text) is None


def _goes_on_telling(text: str) -> bool:
    """Whether a line opening with a pointer's words goes on as a sentence that speaks of no part of the site (``Sur
    le même sujet, le conseil départemental a voté une motion mardi.``; ``À lire aussi, notre dossier…`` points)."""
    return goes_on_as_a_sentence(text) and SITE_ADDRESS.search(text) is None


def goes_on_as_a_sentence(text: str) -> bool:
    """Whether a line opening with a date's label or a signature goes on, after a comma, as a sentence without a date:
    ``Publié le 12 mars par le ministère, le rapport pointe les retards du chantier.`` (``…, mis à jour le 13 mars.``
    is a dateline)."""
    _, comma, rest = text.partition(",")
    return bool(comma) and ends_as_sentence(rest, _MIN_CLAUSE_WORDS) and not find_date_strings(rest)


def _is_ad_label(text: str) -> bool:
    """Whether the line, case folded and without the punctuation around it, is one of AD_LABELS. The punctuation is
    stripped first: folding maps none of it and makes no text shorter, so a longer line is folded no more."""
    label = text.strip(_AD_LABEL_EDGES)
    return len(label) <= _LONGEST_AD_LABEL and label.casefold() in AD_LABELS


def _has_furniture_phrase(text: str) -> bool:
    return may_hold_word(text, FURNITURE_PHRASE_WORDS) and bool(FURNITURE_PHRASE.search(text))


def is_furniture_heading(text: str) -> bool:
    """True for the title of a box of furniture: "Sur le même sujet", "Commentaires"..."""
    return bool(FURNITURE_HEADING.match(text))
