"""Captions written into the flow of the text by classic editors (blogs, older CMS themes): one block holding an image,
a line break, then the caption, set apart by its type (italics, small type) or by a centred block; or an image alone
in its block, and the caption alone in the next one.

``<p><a href="lac.jpg"><img src="lac-s.jpg"></a><br><em>Le lac Pavin au petit matin</em></p>``
``<div style="text-align: center"><img src="puy.jpg"><br>Le puy de Dôme vu du sentier</div>``
``<p><img src="col.jpg"></p><p style="text-align: center"><em>Le col sous la neige</em></p>``
``<p><a href="lac.jpg"><img src="lac.jpg"></a>\n<em>Le lac Pavin au petit matin</em></p>`` (Jekyll's Chirpy)

The captions reader reads them as captions and the body reader leaves them out, as it does figures.
"""

from __future__ import annotations

import re

from newsarchive.text import clean_text, is_blank

from .boilerplate import visible_text
from .credits import names_a_credit
from .html import IMAGE_TAGS

_LINE_BLOCKS = frozenset({"p", "div", "center"})
_IMAGE_HOLDERS = frozenset({"a", "span"})  # a link to the full-size image, a wrapper
_ITALICS = frozenset({"em", "i", "cite"})
_STYLED = frozenset({"span", "div", "p"})  # elements whose style may set their text in italics or small type
_CENTRED_STYLE = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
# A font's size set in a style: a length, or a keyword below the text's size (``small``, ``x-small``, ``smaller``).
_FONT_SIZE = re.compile(r"font-size\s*:\s*(?:(\d*\.?\d+)\s*(px|pt|r?em|%)|(x*-?small(?:er)?)\b)", re.IGNORECASE)
# Below the size of a text (16px, 12pt, 1em in a browser): a size as big as the text's sets nothing apart (Google
# Docs' 11pt spans, Word's 12pt around every paragraph pasted from them). In pixels; a point is 4/3 of a pixel.
_TEXT_PX = 14
_PX_PER_UNIT = {"px": 1.0, "pt": 4 / 3}
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.IGNORECASE)
MIN_CAPTION_CHARS, MAX_CAPTION_CHARS = 15, 300


def image_line_captions(root) -> list[tuple]:
    """``(image block, caption element, caption block)`` of each image under ``root`` (outside figures) that is the
    first thing its block shows and whose caption follows it, in page order: in the same block after a line break (an
    element of its own in italics or small type, or the text of a centred block, which is then the caption element),
    or alone in the next block when the image is alone in its own (a figure of one image and no caption too: Tumblr's
    ``figure.tmblr-full``), in small type, naming a photo's credit or one of the two blocks centred."""
    found: list[tuple] = []
    read: set = set()  # each block is read once, at its first image: a block of 20,000 images costs no more
    for img in root.iter(*IMAGE_TAGS):
        lead, block = img, img.getparent()
        if block is not None and block.tag in _IMAGE_HOLDERS:
            lead, block = block, block.getparent()
        if block is None or block.tag not in _LINE_BLOCKS and block.tag != "figure" or block in read:
            continue
        read.add(block)
        after = _after_image(block, lead)
        if after is None or next(block.iterancestors("figure", "figcaption"), None) is not None \
                or block.tag == "figure" and after:  # (a figure's own caption is read as such)
            continue
        if after:
            caption = _caption_after_break(block, after)
            if caption is not None:
                found.append((block, caption, block))
            continue
        following = block.getnext()
        caption = _caption_block(following) if is_blank(block.tail) and following is not None else None
        if caption is not None and (_centred(block) or _centred(following) or _small_type(caption)
                                    or names_a_credit(visible_text(caption))):
            found.append((block, caption, following))  # set apart as captions are, or credited: an italic line alone
    return found


def _after_image(block, lead) -> list | None:
    """The children of ``block`` after its image ``lead``, but the blank line breaks that end it; None when something
    shows before the image or right after it (a ``<noscript>``, a lazy-loaded image's copy, shows nothing)."""
    children = [child for child in block if child.tag != "noscript" or not is_blank(child.tail)]
    index = next((position for position, child in enumerate(children) if child is lead), None)
    if index is None or not is_blank(block.text) or not is_blank(lead.tail):
        return None
    if any(child.tag != "br" or not is_blank(child.tail) for child in children[:index]):
        return None
    first, last = index + 1, len(children)
    while last > first and children[last - 1].tag == "br" and is_blank(children[last - 1].tail):
        last -= 1
    return children[first:last]


def _caption_after_break(block, after: list):
    """The caption element that ``after`` (what follows the image in ``block``) gives after a line break, or None."""
    first = 0
    while first + 1 < len(after) and after[first].tag == "br" and after[first + 1].tag == "br" \
            and is_blank(after[first].tail):
        first += 1  # blank lines between the image and its caption
    if after[first].tag != "br":  # a block of its own in small type or italics starts a line as a break does, and so
        lone = after[first]  # does italics alone after the image (Jekyll's Chirpy: "![…](…)\n_La légende_")
        alone = len(after) == first + 1 and (lone.tag in _LINE_BLOCKS or lone.tag in _ITALICS) and is_blank(lone.tail)
        return lone if alone and _caption_type(lone) and _holds_caption(lone) else None
    line_break, rest = after[first], after[first + 1:]
    if not is_blank(line_break.tail):  # the caption is the block's own text after the break
        return block if not rest and _centred(block) and _caption_length(line_break.tail) else None
    if len(rest) == 1 and _caption_type(rest[0]) and is_blank(rest[0].tail) and _holds_caption(rest[0]):
        return rest[0]
    return None


def _caption_block(block):
    """The caption element of a block that holds a caption alone (an element of its own in italics or small type, or
    the text of a centred block), or None."""
    if not isinstance(block.tag, str) or block.tag not in _LINE_BLOCKS:
        return None
    children = [child for child in block if child.tag != "br" or not is_blank(child.tail)]
    if not children:
        return block if _centred(block) and _holds_caption(block) else None
    if len(children) == 1 and is_blank(block.text) and _caption_type(children[0]) and is_blank(children[0].tail):
        return children[0] if _holds_caption(children[0]) else None
    return None


def _holds_caption(element) -> bool:
    """Whether an element's text is as long as a caption's, without a link or an image."""
    return next(element.iter("a", *IMAGE_TAGS), None) is None and _caption_length(visible_text(element))


def _caption_length(text: str | None) -> bool:
    return MIN_CAPTION_CHARS <= len(clean_text(text)) <= MAX_CAPTION_CHARS


def _caption_type(el) -> bool:
    """Whether an element sets its text apart as a caption's is: in italics or in small type (a colour, a font's face
    say nothing of it)."""
    italic_span = el.tag in _STYLED and bool(_ITALIC_STYLE.search(el.get("style") or ""))
    return el.tag in _ITALICS or italic_span or _small_type(el)


def _small_type(el) -> bool:
    """``<small>``, ``<font size="1">`` (or smaller than the page's: ``size="-1"``), a ``<span>`` (or a block:
    Weebly's ``<div style="font-size:90%">`` under its image) that sets its font's size below a text's."""
    if el.tag == "font":
        size = (el.get("size") or "").strip()
        return size == "1" or size.startswith("-")
    return el.tag == "small" or (el.tag in _STYLED and _sets_small_size(el.get("style") or ""))


def _sets_small_size(style: str) -> bool:
    """Whether a style sets a font's size below a text's (:data:`_TEXT_PX`): ``0.9em``, ``90%``, ``12px``, ``9pt``,
    ``x-small``; not ``11pt`` nor ``1.2em``."""
    match = _FONT_SIZE.search(style)
    if match is None:
        return False
    number, unit, keyword = match.groups()
    if keyword:
        return True
    unit = unit.lower()
    if unit in _PX_PER_UNIT:
        return float(number) * _PX_PER_UNIT[unit] < _TEXT_PX
    return float(number) < (100 if unit == "%" else 1)


def _centred(block) -> bool:
    return block.tag == "center" or (block.get("align") or "").lower() == "center" \
        or bool(_CENTRED_STYLE.search(block.get("style") or ""))
