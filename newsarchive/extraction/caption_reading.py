"""What one caption element says: its text, its credit (an element of its own or the end of its text) and its image's
URL; and the definition-list form of a figure (SPIP's image lists)."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain
from urllib.parse import urljoin

from newsarchive.text import clean_text, non_space_length

from .boilerplate import SPACED_TAGS, hint_text, visible_text
from .credits import credit_alone, element_credit, split_credit
from .heuristics import other_than_article_s
from .html import BLOCK_TAGS, IMAGE_TAGS, all_text, holds_image, shown_images
from .images import image_source
from .vocabulary.images import CAPTION_HINTS, CREDIT_HINTS, CREDIT_ITEMPROPS

_SEPARATOR_LEFT = re.compile(r"\s+[|/–—-]+$")  # the separator a caption's text kept before its credit element
# Characters of a credit element beside a caption at most: a longer block classed so is another thing (an author's box,
# classed "author"), nothing in it a credit.
_MAX_CREDIT_CHARS = 160
# Characters of a caption's container besides the caption's, past which it is no image's block but the text's (Zox
# News sets its featured image and caption as blocks of the post's content, with the author's box and the comments'
# <cite>): its credit is looked for beside the caption only.
_MAX_BESIDE_CHARS = 200


def caption_record(container, caption_el, base_url: str) -> dict:
    """``{text, image_url, credit, position}`` of a caption element and the container of its image."""
    credit_el = _credit_element(caption_el)
    if credit_el is None:
        credit_el = _credit_block(caption_el)
    if credit_el is None:
        credit_el = _credit_beside(container, caption_el)
    text = _visible_text(caption_el, skip=credit_el)
    if caption_el.tag in IMAGE_TAGS:  # Joomla's <img class="caption" title="…">: a script shows the title under it
        text = clean_text(caption_el.get("title"))
    text, credit = split_credit(text)
    if credit_el is not None:
        credit = " / ".join(part for part in (element_credit(_visible_text(credit_el)), credit) if part) or None
        text = _SEPARATOR_LEFT.sub("", text)  # "Le coach, mardi. — <span class=credit>…": the dash went with it
    return {"text": text, "image_url": image_url(container, base_url), "credit": credit, "position": 0}


def _credit_element(el, exclude=None, longest: int | None = None):
    """The first element in ``el`` (outside ``exclude``) that is a credit by its tag, its microdata or its class; with
    ``longest``, one whose text is longer, and all in it, are none."""
    left_out = set(exclude.iter()) if exclude is not None else set()
    for node in el.iterdescendants():
        if not isinstance(node.tag, str) or node in left_out:
            continue
        if node.getparent() in left_out:
            left_out.add(node)
            continue
        if node.tag in ("small", "cite") or node.get("itemprop") in CREDIT_ITEMPROPS or _names_credit(hint_text(node)):
            if longest is None or len(all_text(node)) <= longest:
                return node
            left_out.add(node)
    return None


def _credit_block(caption_el):
    """The block of a caption of several that holds a credit alone, without a credit's class (``© Léa Roy`` in a
    ``<div>`` before or after the caption's own): SPIP's image list's item (its first holds the image), another
    caption's block."""
    if caption_el.tag == "dl":
        blocks = _items(caption_el)[1:]
    else:
        blocks = [child for child in caption_el if isinstance(child.tag, str) and child.tag in BLOCK_TAGS]
        blocks = blocks if len(blocks) > 1 else []
    return next((block for block in blocks if credit_alone(_visible_text(block))), None)


def _credit_beside(container, caption_el):
    """The credit element beside a caption: in its image's block (a ``<figure>``, or a container holding little more
    than the caption), else in the caption's parent; or, for a figure, the credit line right after it (Publisher's
    ``<figure>…</figure><span class="image-credit">Photo : X</span>``)."""
    beside = non_space_length(all_text(container)) - non_space_length(all_text(caption_el))
    if container.tag == "figure" or beside <= _MAX_BESIDE_CHARS:
        found = _credit_element(container, exclude=caption_el, longest=_MAX_CREDIT_CHARS)
    else:
        parent = caption_el.getparent()
        found = None if parent is container else _credit_element(parent, exclude=caption_el, longest=_MAX_CREDIT_CHARS)
    after = container.getnext() if found is None and container.tag == "figure" else None
    if after is None or not _names_credit(hint_text(after)):
        return found
    text = all_text(after)
    return after if len(text) <= _MAX_CREDIT_CHARS and credit_alone(clean_text(text)) else None


@lru_cache(maxsize=4096)
def _names_credit(hints: str) -> bool:
    """Whether class and id words name a credit (asked of every element of a caption; pages repeat their words)."""
    return bool(CREDIT_HINTS.search(hints))


def _visible_text(el, skip=None) -> str:
    """Visible text of `el`, without the subtree of `skip` (a credit inside a caption); an image list's items
    (:func:`is_image_list`) each on its own, spaced."""
    if el.tag == "dl":
        return " ".join(filter(None, (_visible_text(item, skip) for item in _items(el) if item is not skip)))
    if skip is None or el not in skip.iterancestors():
        return clean_text(visible_text(el))
    return clean_text(_text_without(el, skip))


def _text_without(el, skip) -> str:
    parts = [el.text or ""]
    for child in el:
        if child is skip:
            parts.append(" ")
        elif isinstance(child.tag, str):
            spaced = " " if child.tag in SPACED_TAGS else ""  # (a block's text apart, as visible_text sets it)
            inner = _text_without(child, skip) if child in skip.iterancestors() else visible_text(child)
            parts.append(f"{spaced}{inner}{spaced}")
        parts.append(child.tail or "")
    return "".join(parts)


def image_url(container, base_url: str) -> str | None:
    """Absolute URL of the image in `container` (lazy-loading attributes understood): its first that is no author's
    picture, logo or icon (NewsUp's post box, the author's avatar above the featured image), else its first."""
    pictures = (el for el in container.iter("source") if el.getparent().tag == "picture")
    shown = [(el, source) for el in chain(container.iter(*IMAGE_TAGS), pictures)  # the images, then <picture>'s sources
             for source in (image_source(el),) if source]
    url = next((source for el, source in shown if not other_than_article_s(el, source)), shown[0][1] if shown else None)
    return urljoin(base_url, url) if url else None


def is_image_list(dl) -> bool:
    """Whether a ``<dl>`` is an image with its caption, the definition-list form of a figure (SPIP 3's documents:
    ``dl.spip_documents > dt > img`` then ``dt.spip_doc_titre``, ``dd.spip_doc_descriptif``): one image (its
    ``<noscript>`` copy aside), in a ``<dt>`` of its own, and text in another item; not when an item is classed as a
    caption (read as such: a gallery's)."""
    images = shown_images(dl, 2)
    holder = next(images[0].iterancestors("dt"), None) if len(images) == 1 else None
    if holder is None or holder.getparent() is not dl:
        return False
    items = _items(dl)
    return not any(CAPTION_HINTS.search(hint_text(item)) for item in items) and any(
        not holds_image(item) and clean_text(all_text(item)) for item in items)


def _items(dl) -> list:
    return [item for item in dl if isinstance(item.tag, str) and item.tag in ("dt", "dd")]
