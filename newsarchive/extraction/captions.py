"""Image captions with their credits and image URLs: which elements of a page are captions (figures, elements classed
so, SPIP's image lists, lines written under an image); what each says is read by :mod:`.caption_reading`."""
from __future__ import annotations

from itertools import takewhile

from lxml import etree

from newsarchive.dates import is_bare_date
from newsarchive.text import clean_text

from .boilerplate import hint_text, is_boilerplate, visible_text
from .caption_reading import caption_record, is_image_list
from .credits import split_credit
from .html import (
    IMAGE_TAGS,
    NOT_SHOWN_TAGS,
    all_text,
    holds_image,
    is_inside,
    is_quoted_text,
    is_text_figure,
    shown_images,
)
from .image_lines import image_line_captions
from .images import links_to_image
from .vocabulary.images import CAPTION_HINTS, IMAGE_BLOCK_HINTS, MEDIA_WORDS

__all__ = ["captions_from", "split_credit"]


# --------------------------------------------------------------------------
# captions in the markup
# --------------------------------------------------------------------------
_CAPTION_CANDIDATES = etree.XPath(
    ".//*[self::figure or self::figcaption or self::dl or @itemprop='caption' or "
    + " or ".join(f"contains(@class, '{word}')" for word in MEDIA_WORDS) + "]"
)
_MIN_BESIDE, _MAX_BESIDE = 15, 400
_WRAPPER_LEVELS = 3  # wrappers of one child around an image block's image and text, looked through
_MAX_DATE_CAPTION = 40  # characters of a date alone at most ("mardi 12 mars 2024 à 10h05")
_WHOLE_PAGE_PARTS = frozenset({"article", "main", "body"})  # where a caption's container is looked for no higher
_MAX_NAME_WORDS = 3  # words of a name or a date shown under a typographic class "caption" (Shopify's Dawn)


def captions_from(root, *, base_url: str, candidates=None) -> list[dict]:
    """Captions of the images under `root`: `[{text, image_url, credit, position}]`.

    `candidates` are the page's figures, figcaptions and elements classed as captions or images, in page
    order, when the caller has them at hand (PageIndex.media); else they are looked for under `root`.

    Captions are in page order (a gallery's own caption after those of its
    images, or their credit where it is a credit alone: ``Photos : Marc Dumas``); identical captions are kept once; a
    date alone is none (Shopify's ``span.caption-with-letter-spacing``, a typographic class, around the post's date).
    """
    if root is None:
        return []
    captions: list[dict] = []
    seen_texts: set[tuple[str, str | None]] = set()
    containers: list = []  # the container of each caption kept
    for container, caption_el in _caption_elements(root, candidates):
        caption = caption_record(container, caption_el, base_url)
        key = (caption["text"].casefold(), caption["credit"])
        if not caption["text"] and (_credits_the_last(container, caption["credit"], containers, captions)
                                    or _credits_gallery(container, caption["credit"], containers, captions)):
            continue
        if (caption["text"] or caption["credit"]) and key not in seen_texts and not _a_date_alone(caption["text"]):
            seen_texts.add(key)
            caption["position"] = len(captions)
            captions.append(caption)
            containers.append(container)
    return captions


def _credits_the_last(container, credit: str | None, containers: list, captions: list[dict]) -> bool:
    """Whether ``credit``, a caption's without a text, is the credit of the caption before it, in the same image's
    block (docutils' ``div.figure > p.caption + div.legend``, the legend a credit): set as its own where it has none."""
    if credit is None or not containers or containers[-1] is not container or captions[-1]["credit"]:
        return False
    captions[-1]["credit"] = credit
    return True


def _credits_gallery(container, credit: str | None, containers: list, captions: list[dict]) -> bool:
    """Whether ``credit``, a caption's without a text, is a gallery's (a figure of figures) for the captions inside
    ``container``: set as theirs where they name none."""
    if credit is None or container.tag != "figure":
        return False
    inner = 0
    for held, caption in zip(reversed(containers), reversed(captions)):  # the gallery's own come right before it
        if held is container:
            continue
        if not is_inside(held, container):
            break
        caption["credit"] = caption["credit"] or credit
        inner += 1
    return inner > 0


def _a_date_alone(text: str) -> bool:
    """Whether a caption's text is a date and nothing else (a short text first: most captions are longer)."""
    return len(text) <= _MAX_DATE_CAPTION and is_bare_date(text)


def _caption_elements(root, candidates=None) -> list[tuple]:
    """(container, caption element) pairs outside furniture, in the caption elements' page order."""
    if candidates is None:
        candidates = _CAPTION_CANDIDATES(root)
    else:
        candidates = [candidate for candidate in candidates if candidate is not root and is_inside(candidate, root)]
    order = {el: index for index, el in enumerate(candidates)}
    found: dict = {}
    told: dict = {}
    for candidate in candidates:
        parts = _caption_parts(candidate)
        if parts is None or parts[1] in found or _part_of_found(parts[1], found):
            continue
        container, caption_el = parts
        if container.tag in _WHOLE_PAGE_PARTS and len(visible_text(caption_el).split()) <= _MAX_NAME_WORDS:
            continue  # an image reached only through the article, a name or a date: Shopify's author and date lines
        # the blocks around the caption, up from its parent (a caption classed so inside a newsletter's box is the
        # box's, whatever container above holds an image)
        around = container if caption_el is container else caption_el.getparent()
        if not _in_boilerplate(around, root, told) and not _links_to_another_page(container, caption_el, root):
            found[caption_el] = container
    in_line = _in_line(root, found, told)
    if in_line:  # captions of both kinds, in page order
        order = {el: index for index, el in enumerate(root.iter())}
        found.update(in_line)
    ranked = sorted(found.items(), key=lambda item: order.get(item[0], order.get(item[1], 0)))
    return [(container, caption_el) for caption_el, container in ranked]


def _part_of_found(caption_el, found: dict) -> bool:
    """Whether ``caption_el`` is inside a caption element already found: a part of it (a town hall's
    ``span.caption__legend`` and ``span.caption__copyright`` in its figcaption), no caption of its own."""
    return any(ancestor in found for ancestor in caption_el.iterancestors())


def _in_line(root, found: dict, told: dict) -> dict:
    """``{caption element: image block}`` of the captions written in the text's flow (:mod:`.image_lines`) outside
    furniture, teasers and the containers of the captions ``found``."""
    # (a caption classed so whose image is reached only through the article, the whole article: no image's block)
    containers = {container for container in found.values() if container.tag not in _WHOLE_PAGE_PARTS}
    return {
        caption_el: block for block, caption_el, _ in image_line_captions(root)
        if block not in containers and not any(ancestor in containers for ancestor in block.iterancestors())
        and not _in_boilerplate(block, root, told) and not _links_to_another_page(block, caption_el, root)
    }


def _caption_parts(el):
    """(container, caption element) for a caption candidate, or None (a table's or a quotation's is no image's)."""
    # (a quotation's figcaption: Beehiiv's ``<blockquote><p>…<figcaption class="blockquote__byline">``)
    if is_text_figure(el) or el.tag == "figcaption" and is_quoted_text(el.getparent()):
        return None
    if el.tag == "dl":
        return (el, el) if is_image_list(el) else None
    hints = hint_text(el)
    if el.tag == "figure" and (holds_image(el) or not CAPTION_HINTS.search(hints)):
        # its caption element, else the text under its one image (a <div> classed by a hash); a figure classed as a
        # caption without an image is read as any such element (Herald's figure.wp-caption-text beside the image)
        caption_el = _own_caption(el)
        if caption_el is None and _one_image(el):
            caption_el = _text_beside_image(el)
        return None if caption_el is None else (el, caption_el)
    if el.tag != "figcaption" and el.get("itemprop") != "caption" and not CAPTION_HINTS.search(hints):
        beside = _text_beside_image(el) if IMAGE_BLOCK_HINTS.search(hints) and _one_image(el) else None
        return None if beside is None else (el, beside)
    if "wp-caption" in hints.split():
        caption_el = _own_caption(el)
        return None if caption_el is None else (el, caption_el)
    if holds_image(el):  # a caption's block around its image (Froala's span.fr-img-caption > span.fr-img-wrap > img,
        # span.fr-inner): the text beside its one image
        caption_el = _text_beside_image(el) if _one_image(el) else None
        return None if caption_el is None else (el, caption_el)
    return _container_of(el), el


def is_captioned_image_block(block, hints: str) -> bool:
    """Whether a block classed as an image's (``hints``: its class and id words) is its one image and the caption
    beside it (:func:`_text_beside_image`), nothing else: the body leaves it out, as it does a figure."""
    return IMAGE_BLOCK_HINTS.search(hints) is not None and _one_image(block) \
        and len(all_text(block).strip()) <= _MAX_BESIDE and _text_beside_image(block) is not None


def _one_image(block) -> bool:
    return len(shown_images(block, 2)) == 1


def _text_beside_image(block):
    """The element after the image of an image block that holds a short text and no image or link; in the block's
    one child that holds it all, a wrapper (Webnode's ``div.b-img > div.b-img-w > div.b-img-c, div.b-img-t``), a few
    levels down."""
    children = [child for child in block if isinstance(child.tag, str)]
    for _ in range(_WRAPPER_LEVELS):
        if len(children) != 1 or children[0].tag in IMAGE_TAGS or children[0].tag == "picture":
            break
        children = [child for child in children[0] if isinstance(child.tag, str)]
    for index, child in enumerate(children):
        if child.tag in IMAGE_TAGS or child.tag == "picture" or holds_image(child):
            for after in children[index + 1:]:
                text = clean_text(visible_text(after))
                if after.tag not in NOT_SHOWN_TAGS and not holds_image(after) and after.tag != "a" \
                        and next(after.iterdescendants("a"), None) is None and _MIN_BESIDE <= len(text) <= _MAX_BESIDE:
                    return after
            return None
    return None


def _own_caption(container):
    """The caption element of a figure, leaving out those of figures nested in it."""
    for el in container.iterdescendants():
        if not isinstance(el.tag, str):
            continue
        is_caption = el.tag == "figcaption" or el.get("itemprop") == "caption" \
            or (CAPTION_HINTS.search(hint_text(el)) and not holds_image(el))
        if is_caption and next(el.iterancestors("figure"), container) is _figure_of(container):
            return el
    return None


def _figure_of(container):
    return container if container.tag == "figure" else next(container.iterancestors("figure"), container)


def _container_of(caption_el):
    """The nearest ancestor of a caption that holds an image."""
    for ancestor in caption_el.iterancestors():
        if ancestor.tag == "figure" or holds_image(ancestor):
            return ancestor
        if ancestor.tag in _WHOLE_PAGE_PARTS:
            break
    return caption_el.getparent() if caption_el.getparent() is not None else caption_el


def _in_boilerplate(el, root, told: dict) -> bool:
    """Whether ``el`` or an ancestor below ``root`` is furniture; ``told`` keeps what was found of each element (the
    captions of a page share most of their ancestors)."""
    node = el
    while node is not None and node is not root:
        furniture = told.get(node)
        if furniture is None:
            furniture = told[node] = is_boilerplate(node, thin_wrappers=False)
        if furniture:
            return True
        node = node.getparent()
    return False


def _links_to_another_page(container, caption_el, root) -> bool:
    """A figure that links to another page (teaser cards) rather than illustrating this one, or a caption inside a
    link to another page (``<a class="prev-post"><span class="caption">Article précédent</span>…``); a link to the
    image itself (a lightbox's, Plone's ``image_view_fullscreen`` around its figure's image and caption) is none."""
    node = container
    while node is not None and node is not root:
        if node.tag == "a" and not links_to_image(node):
            return True
        node = node.getparent()
    if any(node.tag == "a" and not links_to_image(node)
           for node in takewhile(lambda node: node is not container, caption_el.iterancestors())):
        return True
    text = clean_text(all_text(caption_el))
    links = sum(len(all_text(a).strip()) for a in caption_el.iter("a"))
    return bool(text) and links >= 0.8 * len(text)
