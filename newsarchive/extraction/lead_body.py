"""Where a block stands against an article's body, for its standfirst (:mod:`.lead`): before the body, opening it, or
one of the body's own paragraphs, whose text a description opens as an automatic excerpt of the body."""

from __future__ import annotations

from itertools import islice

from newsarchive.extraction.furniture import headed_as_furniture
from newsarchive.extraction.furniture_lines import is_furniture_line
from newsarchive.extraction.heuristics import hints
from newsarchive.extraction.html import all_text, element_text, fills_alone, holds
from newsarchive.extraction.vocabulary.images import LEAD_CAPTION_HINTS
from newsarchive.text import clean_text

_LONG_PARAGRAPH = 80
_TYPED_SIBLINGS = 8  # elements after a block where the text typed after it is measured (line breaks, inline runs)
_WRAPPER_LEVELS, _WRAPPER_TAGS = 3, frozenset({"div", "section"})  # a body's wrappers of its text's blocks
_CAPTION_DESCENDANTS = 30  # the elements of a block read for a caption showing its text alone


def opens_body(element, body) -> bool:
    """True for the body's own text: a block inside the body with paragraphs of the text before it or beside
    it, or that holds all of the body's text."""
    if body is None or not holds(body, element):
        return False
    element = _filled(element, body)
    block = _wrapped_alone(element, body)
    if element.tag == "p" and block.getparent() in (body, _text_block(body)) \
            and _plain(element, _next_paragraph(block)):
        return True  # a plain paragraph of the body: the description is an excerpt of it (WordPress, Wix do that)
    if not before_body_text(element, body):
        return True
    if any(_is_long(sibling) for sibling in element.itersiblings() if _same_kind(sibling, element)) \
            or _typed_text_follows(element):
        return True
    return not any(
        _is_long(p) and not in_caption(p) and p is not element and not holds(element, p) for p in body.iter("p")
    )


def _typed_text_follows(element) -> bool:
    """Whether text typed between line breaks follows ``element`` in its block, a paragraph's length of it
    (``<strong>…</strong><br><br>Après les lancements…``: the body's text, typed in lines)."""
    size = len((element.tail or "").strip())
    for sibling in islice(element.itersiblings(), _TYPED_SIBLINGS):
        if size > _LONG_PARAGRAPH:
            break
        size += len((sibling.tail or "").strip())
    return size > _LONG_PARAGRAPH


def _same_kind(sibling, element) -> bool:
    """Whether a sibling is a paragraph of the text that ``element`` opens: a ``<p>``, or a block of its own tag and
    class (Over-blog's text in ``<div>``s, one a paragraph)."""
    return sibling.tag == "p" or sibling.tag == element.tag and sibling.get("class") == element.get("class")


def in_caption(element) -> bool:
    """Whether an element is in a figure or an element classed as a caption, or shows a caption's text alone (Total's
    ``div#post-media``: the image, then ``div.post-media-caption``)."""
    return any(node.tag in ("figure", "figcaption") or LEAD_CAPTION_HINTS.search(hints(node))
               for node in (element, *element.iterancestors())) or _shows_a_caption_alone(element)


def _shows_a_caption_alone(element) -> bool:
    text = clean_text(all_text(element))
    return bool(text) and any(LEAD_CAPTION_HINTS.search(hints(inner)) and clean_text(all_text(inner)) == text
                              for inner in islice(element.iterdescendants(), _CAPTION_DESCENDANTS))


def _filled(element, body):
    """The paragraph under ``body`` that ``element``, a plain ``<span>`` or one styled as the next paragraph's, fills
    alone (a site builder's ``<p><span>``); else ``element`` (a paragraph all in bold, ``<p><strong>``, or in a span of
    its own style, is set apart as a standfirst)."""
    if element.tag == "span" and element.getparent() is not body and fills_alone(element) \
            and element.get("style") in (None, _first_span_style(element.getparent().getnext())):
        return element.getparent()
    return element


def _first_span_style(paragraph) -> str | None:
    first = paragraph[0] if paragraph is not None and len(paragraph) else None
    return first.get("style") if first is not None and first.tag == "span" else None


def _wrapped_alone(element, body):
    """The outermost block under ``body`` that holds ``element`` alone (a page builder's ``<div>`` around each
    paragraph of the text), else ``element``."""
    while element.getparent() is not body and fills_alone(element):
        element = element.getparent()
    return element


def _text_block(body):
    """The block of the text's blocks: ``body``, or the wrappers it holds alone (Strikingly's ``div.s-repeatable``
    around the sections of a post, each a paragraph's), a few levels down."""
    for _ in range(_WRAPPER_LEVELS):
        children = [child for child in body if isinstance(child.tag, str)]
        if len(children) != 1 or children[0].tag not in _WRAPPER_TAGS:
            break
        body = children[0]
    return body


def _next_paragraph(block):
    """The paragraph after ``block``: its next sibling, or the paragraph that sibling wraps alone."""
    following = block.getnext()
    while following is not None and following.tag != "p" and len(following) == 1:
        following = following[0]
    return following


def _plain(paragraph, following) -> bool:
    """Whether a paragraph is classed as none or as the ``following`` one is (a site builder's class for every
    paragraph of the text, Wix's ``<p class="mm8Nw">``): no class that sets it apart as a standfirst."""
    classes = paragraph.get("class")
    return not classes or following is not None and following.tag == "p" and following.get("class") == classes


def _is_long(paragraph) -> bool:
    """Whether a paragraph is one of the text's: long, and no line of furniture (a cookie notice, a newsletter's offer
    before the standfirst opens no text)."""
    text = element_text(paragraph)
    return len(text) > _LONG_PARAGRAPH and not is_furniture_line(text)


def before_body_text(element, body) -> bool:
    """True when ``element`` comes before the body, or opens it (no long paragraph of the body before it); the body
    itself or a block around it does neither (``itemprop="description articleBody"``: Blogger's post body)."""
    if element is body or holds(element, body):
        return False
    if not holds(body, element):
        return precedes(element, body)
    node = element
    while node is not body:
        for sibling in node.itersiblings(preceding=True):
            if isinstance(sibling.tag, str) and _has_long_paragraph(sibling) and not headed_as_furniture(sibling):
                return False  # (a box of other stories a heading names, "<h3>À lire aussi</h3>…", is no body text)
        node = node.getparent()
    return True


def _has_long_paragraph(element) -> bool:
    paragraphs = [element] if element.tag == "p" else element.iter("p")
    return any(_is_long(p) for p in paragraphs)


def precedes(first, second) -> bool:
    """True when ``first`` comes before ``second`` in the document (neither holding the other)."""
    first_chain = [first, *first.iterancestors()][::-1]
    second_chain = [second, *second.iterancestors()][::-1]
    for depth, (a, b) in enumerate(zip(first_chain, second_chain)):
        if a is not b:
            parent = first_chain[depth - 1]
            return parent.index(a) < parent.index(b)
    return False
