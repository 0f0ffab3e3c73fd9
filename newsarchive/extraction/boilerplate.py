"""Recognise page furniture: navigation, related links, share bars, comments, ads...

Everything here is generic: hints are words that templates of many sites use in
their class names, ids and ARIA roles, never the name of one site.
"""
from __future__ import annotations

import re
import weakref
from functools import lru_cache

from lxml import etree

from newsarchive.extraction.html import BLOCK_TAGS, CLOSING, all_text
from newsarchive.extraction.vocabulary.classes import (
    ARTICLE_BOX_HINTS,
    BODY_CLASS,
    MODIFIER_TOKEN,
    NEGATIVE_HINTS,
    PAYWALL_HINTS,
    POSITIVE_HINTS,
    SCREEN_READER_CLASSES,
    SOFT_NEGATIVE_HINTS,
    TRAILING_HINTS,
)
from newsarchive.text import holds_any

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

_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_MEDIA_TAGS = frozenset({"figure", "picture"})
SPACED_TAGS = BLOCK_TAGS | _HEADING_TAGS | {"td", "th", "figure", "figcaption"}  # (visible_text)
# Where a block's text ends or begins (visible_text): a space, unless punctuation that closes follows (a kicker's block
# then ``<span>:</span>``: ``Amanal Petros: Er läuft…``). A page's text holds no NUL.
_APART = "\x00"
# (from a run's first mark, taken whole: a run of thousands, where nested blocks close, is read once)
_APART_BEFORE_CLOSING = re.compile(rf"(?<!\x00)\x00++(?=\s*[{re.escape(''.join(sorted(CLOSING)))}])")
_HAS_ACTION = etree.XPath("boolean(.//a[@href] | .//button | .//form | .//input)")
# One paragraph of a body's length outside figures (a video page's description under its player, written in one
# block; a gallery's captions are no body).
_LONG_PARAGRAPH = etree.XPath(  # (the length first: a figure is looked for above the few long lines only)
    "boolean(.//p[string-length(normalize-space()) > 200][not(ancestor::figure)]"
    " | .//div/text()[string-length(normalize-space()) > 200][not(ancestor::figure)])"
)
# The elements that hold an <h1>, found once for each page (its root): wraps_the_article.
_H1_HOLDERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
# The elements in a block that may name or declare the article's body (wraps_the_article): those with a class or an
# ``itemprop``, each class attribute asked once (_classes_name_body).
_CLASSED = etree.XPath("descendant::*[@itemprop or @class]")
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
    -> "grid"), but for Drupal's field names ("field--name-field-legende" ->
    "field-legende").
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


def class_hint_text(el) -> str:
    """:func:`hint_text` of `el`'s class alone (its id and ``data-testid`` left out)."""
    return _joined_hints(el.get("class"), None, None)


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
        if ":" in token or "[" in token or MODIFIER_TOKEN.search(token):
            continue
        block, _, modifier = token.partition("--")
        # a BEM modifier is cut, but Drupal's field name (field--name-field-legende: "field-legende", what Drupal 7
        # classed field-name-field-legende)
        tokens.append(modifier[5:] if modifier.startswith("name-") and len(modifier) > 5 else block)
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
    return _classes_name_body(el.get("class") or "")


@lru_cache(maxsize=8192)
def _classes_name_body(classes: str) -> bool:
    """names_article_body() of a class attribute (a page repeats its few; a site, its pages')."""
    return any(BODY_CLASS.fullmatch(name) for name in classes.split())


def wraps_the_article(el) -> bool:
    """Whether a block holds an ``<h1>`` or the article's body, declared (microdata ``articleBody``) or named by a class
    of its own (``entry-content``): named like furniture, it is a wrapper of the page's layout (``cs-site-content
    cs-sidebar-enabled`` around the headline; Porto's ``<div id="main" class="column2 column2-right-sidebar">`` around
    the post, its headline an ``<h2>``)."""
    return holds_an_h1(el) or any(
        declares_article_body(inner) or names_article_body(inner) for inner in _CLASSED(el))


def holds_an_h1(el) -> bool:
    """Whether an element holds an ``<h1>`` (the page's elements that do, found once for each page)."""
    root = el.getroottree().getroot()
    holders = _H1_HOLDERS.get(root)
    if holders is None:
        holders = _H1_HOLDERS[root] = set()
        for h1 in root.iter("h1"):
            for ancestor in h1.iterancestors():
                if ancestor in holders:
                    break
                holders.add(ancestor)
    return el in holders


def is_hidden(el) -> bool:
    """True when `el` is hidden: a ``hidden`` attribute, ``aria-hidden="true"`` or a style that hides it."""
    return _hidden_among(el, el.keys())


def is_unseen(el) -> bool:
    """True when `el` is not shown to a sighted reader: hidden (:func:`is_hidden`) or for screen readers only
    (``<span class="sr-only">``, ``visually-hidden``: :data:`~.vocabulary.classes.SCREEN_READER_CLASSES`)."""
    classes = el.get("class")
    return bool(classes and holds_any(classes, SCREEN_READER_CLASSES)) or is_hidden(el)


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
        return tag != "aside" or not _is_article_box(el)
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
        return not declares_article_body(el) and not names_article_body(el) and not wraps_the_article(el) \
            and not _is_entry_with_text(el)
    if tag in _TEXT_TAGS:
        return False
    if soft:  # a figure holds no paragraphs: its media words describe it, not furniture; nor is a body named so
        return thin_wrappers and tag not in _MEDIA_TAGS and not names_article_body(el) and not holds_text(el)
    return paywall and _THIN_PARAGRAPHS(el) < 2 and _HAS_ACTION(el)


def _is_article_box(aside) -> bool:
    """Whether an ``<aside>`` is a box of the article's own text (:data:`~.vocabulary.classes.ARTICLE_BOX_HINTS`:
    ``<aside class="encadre">``), named by no furniture word besides."""
    hints = hint_text(aside)
    return ARTICLE_BOX_HINTS.search(hints) is not None and not _hint_kinds(hints)[0]


def _is_entry_with_text(el) -> bool:
    """Whether a block classed ``entry`` holds the text (Hueman's ``div.entry themeform share``: the post's text, its
    share bar's state in its class)."""
    return "entry" in (el.get("class") or "").split() and holds_text(el)


def holds_text(el) -> bool:
    """Whether a block holds text of its own: two paragraphs, or one of a body's length (a wrapper named like
    furniture that holds an article's text is no furniture)."""
    return _THIN_PARAGRAPHS(el) >= 2 or _LONG_PARAGRAPH(el)


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
    """Text of `el` without scripts, styles, form controls or hidden parts (not collapsed); the text of a block inside
    it set apart by spaces (``<div>La piscine</div><div>Les bassins…</div>`` in a caption are two lines)."""
    parts = [el.text or ""]
    stack = [(el, iter(el))]
    while stack:  # depth-first without recursion: pages can nest thousands of levels
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if stack:
                parts.append(_APART if node.tag in SPACED_TAGS else "")
                parts.append(node.tail or "")
        elif _shows_text(child):
            parts.append(_APART if child.tag in SPACED_TAGS else "")
            parts.append(child.text or "")
            stack.append((child, iter(child)))
        else:
            parts.append(" " if child.tag == "br" else "")
            parts.append(child.tail or "")
    text = "".join(parts)
    return _APART_BEFORE_CLOSING.sub("", text).replace(_APART, " ") if _APART in text else text


def _shows_text(el) -> bool:
    tag = el.tag
    return isinstance(tag, str) and tag not in NON_CONTENT_TAGS and tag not in ("br", "rt", "rp") \
        and not is_hidden(el)
