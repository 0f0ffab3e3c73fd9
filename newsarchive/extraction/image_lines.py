"""Captions written into the flow of the text by classic editors (blogs, older CMS themes): one block holding an image,
a line break, then the caption, set apart by its type (italics, small type) or by a centred block.

``<p><a href="lac.jpg"><img src="lac-s.jpg"></a><br><em>Le lac Pavin au petit matin</em></p>``
``<div style="text-align: center"><img src="puy.jpg"><br>Le puy de Dôme vu du sentier</div>``

The captions reader reads them as captions and the body reader leaves them out, as it does figures.
"""

from __future__ import annotations

import re

from newsarchive.text import clean_text

from .boilerplate import visible_text

_LINE_BLOCKS = frozenset({"p", "div", "center"})
_IMAGE_HOLDERS = frozenset({"a", "span"})  # a link to the full-size image, a wrapper
_CAPTION_TAGS = frozenset({"em", "i", "small", "font", "cite"})  # and a <span> with a style of its own
_CENTRED_STYLE = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
MIN_CAPTION_CHARS, MAX_CAPTION_CHARS = 15, 300


def image_line_captions(root) -> list[tuple]:
    """``(block, caption element)`` of each block under ``root`` (outside figures) that holds one image, then after
    a line break its caption: an element of its own in italics or small type, or the text of a centred block (then
    the block is the caption element); in page order."""
    found: list[tuple] = []
    read: set = set()  # each block is read once, at its first image: a block of 20,000 images costs no more
    for img in root.iter("img"):
        lead, block = img, img.getparent()
        if block is not None and block.tag in _IMAGE_HOLDERS:
            lead, block = block, block.getparent()
        if block is None or block.tag not in _LINE_BLOCKS or block in read:
            continue
        read.add(block)
        caption = _caption_after(block, lead)
        if caption is not None and next(block.iterancestors("figure", "figcaption"), None) is None:
            found.append((block, caption))
    return found


def _caption_after(block, lead):
    """The caption element of ``block`` when nothing shows before its image ``lead`` (a child of it) and a line break
    then a caption follow it, else None."""
    children = list(block)
    index = next((position for position, child in enumerate(children) if child is lead), None)
    if index is None or not _blank(block.text) or not _blank(lead.tail):
        return None
    if any(child.tag != "br" or not _blank(child.tail) for child in children[:index]):
        return None
    first, last = index + 1, len(children)  # the line break before the caption, the end of what follows it
    while first + 1 < last and children[first].tag == "br" and children[first + 1].tag == "br" \
            and _blank(children[first].tail):
        first += 1  # blank lines between the image and its caption
    if first >= last or children[first].tag != "br":
        return None
    while last > first + 1 and children[last - 1].tag == "br" and _blank(children[last - 1].tail):
        last -= 1  # blank lines after the caption
    line_break, rest = children[first], children[first + 1:last]
    if not _blank(line_break.tail):  # the caption is the block's own text after the break
        caption, text = (block, line_break.tail) if not rest and _centred(block) else (None, "")
    elif len(rest) == 1 and _caption_type(rest[0]) and _blank(rest[0].tail):
        caption, text = rest[0], visible_text(rest[0])
    else:
        return None
    if caption is None or (caption is not block and next(caption.iter("a", "img"), None) is not None):
        return None
    return caption if MIN_CAPTION_CHARS <= len(clean_text(text)) <= MAX_CAPTION_CHARS else None


def _caption_type(el) -> bool:
    """Whether an element sets its text apart as a caption is: italics, small type, a styled span."""
    return el.tag in _CAPTION_TAGS or (el.tag == "span" and bool(el.get("style")))


def _centred(block) -> bool:
    return block.tag == "center" or (block.get("align") or "").lower() == "center" \
        or bool(_CENTRED_STYLE.search(block.get("style") or ""))


def _blank(text: str | None) -> bool:
    return not text or text.isspace()
