"""Turn a main-content element into ordered sections of paragraphs.

The element is walked once in document order as a flow of text: block elements
(paragraphs, list items, quotes, divs...) end the paragraph being collected,
inline elements add to it, headings start a new section.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain, islice

from lxml import etree

from newsarchive.text import clean_text, text_key
from newsarchive.urls import leads_to_a_place_of_the_page

from .boilerplate import NON_CONTENT_TAGS, hint_text, is_boilerplate, visible_text
from .caption_reading import is_image_list
from .captions import is_captioned_image_block
from .furniture_lines import is_furniture_heading
from .headlines import without_anchor_marks
from .html import BLOCK_TAGS, all_text, field_label, is_table_figure, spaced_text
from .image_lines import image_line_captions
from .inserts import is_insert_heading, sign_up_boxes, text_after_insert
from .page_text import TEXT_BLOCKS
from .section_flow import SectionFlow, finished_sections
from .vocabulary.classes import BYLINE_HINTS, INLINE_FIELD_CLASS, SUBHEADING_CLASS
from .vocabulary.images import BODY_CAPTION_HINTS, PARAGRAPH_NUMBER_HINTS

HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
CELL_TAGS = frozenset({"td", "th"})
BOLD_TAGS = frozenset({"strong", "b"})
# A run's weight set by its style, as an editor pasting from a word processor writes it (small sites' pages): in bold,
# or not (Google Docs wraps what it pastes in <b style="font-weight:normal">, its runs in spans of weight 400 or 700).
_WEIGHT_STYLE = re.compile(r"font-weight\s*:\s*(?:(bold|bolder|[6-9]00)|normal|lighter|[1-5]00)\b", re.IGNORECASE)
_STYLED_WEIGHT_TAGS = BOLD_TAGS | {"span", "p", "div"}
# Tags that a sub-heading class makes a heading.
_CLASS_HEADING_TAGS = frozenset({"p", "div", "span"})
# Subtrees that are not body text even inside the main content.
SKIPPED_TAGS = (NON_CONTENT_TAGS - {"aside"}) | {  # (an <aside> is asked whether it is the article's box: _skipped)
    "figure", "figcaption", "picture", "img", "video", "audio", "source", "track", "map", "area", "rt", "rp",
    "header", "hgroup",  # the headline block, or the title bar of a box
}
# Skipped elements that sit inside a line of text rather than between paragraphs.
INLINE_TAGS = frozenset({
    "a", "span", "em", "i", "b", "strong", "small", "sup", "sub", "abbr", "time", "img", "svg",
    "button", "input", "label", "select", "script", "style", "noscript", "template", "font", "u",
    "mark", "q", "cite", "code", "kbd", "var", "s", "del", "ins", "wbr", "picture", "source", "rt", "rp",
})
_TEASER_CHARS = 600
_TEASER_LINKS = etree.XPath(
    ".//a[.//h2 or .//h3 or .//h4 or not(normalize-space())] | .//h2//a | .//h3//a | .//h4//a"
)

# Blocks whose text may be typed in lines between <br>s: a line in bold alone there is a paragraph of its own (a
# paragraph's "<strong>Un budget en hausse</strong><br>Les élus…", the classic editor's sub-heading)
_LINED_BLOCKS = frozenset({*TEXT_BLOCKS, "p", "div"})
# A table cell holding one of these or as many characters is a block of the page's layout, not data.
_LAYOUT_BLOCKS = ("p", "div", "table", "ul", "ol", "h1", "h2", "h3", "blockquote")
_LAYOUT_CELL_CHARS = 300
# What the walk does with an element it reaches.
_DESCEND, _PASS, _END_BLOCK = "descend", "pass", "end-block"


def _skipped(el, tag: str, names: list[str], hints: str) -> bool:
    """Whether `el` (not of SKIPPED_TAGS), whose attribute names are `names`, is left out with its subtree."""
    if is_boilerplate(el, hints=hints, names=names):
        return not (BYLINE_HINTS.search(hints) and _in_a_quotation_s_footer(el))  # the name of the one quoted
    if tag == "article" and _is_short_linked_article(el) or tag == "dl" and is_image_list(el) \
            or hints and is_captioned_image_block(el, hints):  # an image's caption
        return True
    if not names:
        return False
    cls = el.get("class") if "class" in names else None
    return bool(cls and _left_out_by_class(cls)) or ("itemprop" in names and el.get("itemprop") == "caption")


@lru_cache(maxsize=4096)
def _left_out_by_class(classes: str) -> bool:
    """Whether a class attribute names a caption or credit block, or a paragraph's number (the paragraphs of a page
    repeat their classes)."""
    lowered = classes.lower()
    return bool(BODY_CAPTION_HINTS.search(lowered) or PARAGRAPH_NUMBER_HINTS.search(lowered))


def _is_short_linked_article(article) -> bool:
    """A short <article> inside the body that links to another story."""
    return len(all_text(article)) < _TEASER_CHARS and bool(_TEASER_LINKS(article))


def _walk(root, flow: SectionFlow) -> None:
    """Feed the text of `root`'s subtree to `flow` in document order (no recursion: pages nest deep). Each element of
    the walk says whether the text in it is typed in lines between ``<br>``, which the flow measures: a layout cell's
    (:func:`_is_layout_cell`), a paragraph's, a ``<div>``'s or a text block's (the ``<body>``, an ``<article>``, a
    ``<section>`` holding text of its own: :data:`.page_text.TEXT_BLOCKS`), and their inline elements'."""
    typed = root.tag in _LINED_BLOCKS
    flow.add(root.text, False, False, typed)
    stack = [(root, iter(root), False, False, typed)]
    while stack:
        node, children, in_link, in_bold, typed = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if stack:  # close `node`: end its block, then its tail belongs to the parent's flow
                if node.tag in BLOCK_TAGS or node in flow.layout_cells:
                    flow.flush()
                if node.tail:
                    flow.add(node.tail, *stack[-1][2:])
            continue
        step = _enter(child, flow, in_link, in_bold, len(stack) > 1, typed)
        if step is _DESCEND:
            tag, text = child.tag, child.text
            child_link = in_link or tag == "a"
            weight = _styled_weight(child) if tag in _STYLED_WEIGHT_TAGS else None
            child_bold = (in_bold or tag in BOLD_TAGS) if weight is None else weight
            child_typed = (typed and tag in INLINE_TAGS) or tag in _LINED_BLOCKS or child in flow.layout_cells
            if text:
                flow.add(text, child_link, child_bold, child_typed)
            if len(child):
                stack.append((child, iter(child), child_link, child_bold, child_typed))
            else:  # a leaf is closed at once, as below
                if tag in BLOCK_TAGS:
                    flow.flush()
                if child.tail:
                    flow.add(child.tail, in_link, in_bold, typed)
        elif step is _END_BLOCK:
            flow.flush()
            stack[-1] = (node, iter(()), in_link, in_bold, typed)  # the rest of this block is furniture
        elif step is not _PASS:  # an insert's heading: its box is left out, the text resumes at `step`
            flow.flush()
            stack[-1] = (node, chain((step,), step.itersiblings()), in_link, in_bold, typed)
        elif child.tail:
            flow.add(child.tail, in_link, in_bold, typed)


def _styled_weight(element) -> bool | None:
    """Whether an element's style sets its text in bold (``<span style="font-weight: bold">``) or not (``<b
    style="font-weight:normal">``); None when it sets no weight."""
    style = element.get("style")
    found = _WEIGHT_STYLE.search(style) if style else None
    return None if found is None else found.group(1) is not None


def _wraps(br) -> bool:
    """Whether a ``<br>`` inside a run in bold wraps the run's line (``<strong>Un budget en hausse<br>pour les
    écoles</strong>``), rather than being the last thing of the run (``<b>Un nouveau bureau<br></b>Le bureau…``)."""
    return br.getnext() is not None or bool(br.tail and not br.tail.isspace())


def _enter(el, flow: SectionFlow, in_link: bool, in_bold: bool, nested: bool, typed: bool) -> str:
    """Handle `el` when the walk reaches it: walk its subtree, pass over it, or end its block."""
    tag = el.tag
    if not isinstance(tag, str):
        return _PASS
    if tag == "br":
        flow.line_break(typed and not (in_bold and _wraps(el)))  # (a line in bold wrapped: one line)
        return _PASS
    if tag == "footer" and _of_a_quotation(el):
        flow.flush(tag)
        return _DESCEND
    if (tag not in SKIPPED_TAGS or _of_a_table_figure(el, tag)) and el not in flow.left_out:
        names = el.keys()  # most elements of a body have no attribute: their hints are not asked for
        hints = hint_text(el, names) if names else ""
        if not _skipped(el, tag, names, hints):
            if tag in HEADING_LEVELS or (hints and tag in _CLASS_HEADING_TAGS and _names_subheading(hints)):
                return _add_heading(el, flow, nested=nested, in_link=in_link)
            if tag in BLOCK_TAGS and INLINE_FIELD_CLASS.search(el.get("class") or ""):
                return _add_line(el, flow, _labelled_line(el))  # Drupal's field, its label inline: "Par: Léa Roy"
            if tag in BLOCK_TAGS:
                flow.flush(tag)
            elif tag in CELL_TAGS and _is_layout_cell(el):
                flow.flush("td")
                flow.layout_cells.add(el)
            elif tag in CELL_TAGS:
                flow.add(" ", False, False)  # a cell of a table of data: its row is a line
            return _DESCEND
    if tag not in INLINE_TAGS:
        flow.flush()
    return _PASS


def _add_line(el, flow: SectionFlow, text: str) -> str:
    """Add `text`, that of `el`, as one line of its own; the walk passes over `el`."""
    flow.flush(el.tag)
    flow.add(text, False, False)
    flow.flush()
    return _PASS


def _labelled_line(field) -> str:
    """The line of a field whose label is set inline, its colon written (Drupal 8 adds it by its style sheet)."""
    text = spaced_text(field)
    label = field_label(field)
    name = spaced_text(label).rstrip(" :\xa0") if label is not None else ""
    return f"{name}: {text[len(name):].lstrip(' :')}" if name and text.startswith(name) else text


def _of_a_table_figure(el, tag: str) -> bool:
    """Whether a figure is a table's (:func:`~.html.is_table_figure`), or a caption is one's: the body's text."""
    return tag == "figure" and is_table_figure(el) or tag == "figcaption" and is_table_figure(el.getparent())


def _of_a_quotation(footer) -> bool:
    """Whether a ``<footer>`` is a quotation's, the name of the one quoted (``<blockquote><p>…</p><footer>Agnès
    Perrier, botaniste</footer></blockquote>``, Bootstrap's ``footer.blockquote-footer``): the body's text."""
    return footer.getparent() is not None and footer.getparent().tag == "blockquote"


def _in_a_quotation_s_footer(el) -> bool:
    """Whether an element lies in a quotation's footer (Odoo's ``span.s_blockquote_author``, classed as an author)."""
    return any(ancestor.tag == "footer" and _of_a_quotation(ancestor) for ancestor in islice(el.iterancestors(), 3))


def _is_layout_cell(cell) -> bool:
    """Whether a table cell is a block of an old page's layout (``<td>`` beside a column of links, holding the text)
    rather than a cell of a table of data: it holds blocks or a long text."""
    return next(cell.iter(*_LAYOUT_BLOCKS), None) is not None or len(all_text(cell)) >= _LAYOUT_CELL_CHARS


def _add_heading(el, flow: SectionFlow, nested: bool, in_link: bool):
    """Add a sub-heading; ``_END_BLOCK`` when it opens a block of furniture inside a nested element, the element where
    the text resumes when it heads an insert set in the text (:mod:`.inserts`), else ``_PASS``."""
    text = without_anchor_marks(el, clean_text(visible_text(el)))
    if not text:
        return _PASS
    if len(text) > 200:
        flow.flush(el.tag)
        flow.add(text, False, False)
        flow.flush()
        return _PASS
    links = len(text) if in_link else sum(  # (a link to a place of the page: a table of contents' entry, no teaser's)
        len(all_text(a).strip()) for a in el.iter("a") if not leads_to_a_place_of_the_page(a.get("href")))
    if links >= 0.6 * len(text):  # the title of a teaser for another page
        flow.flush()
        return _PASS
    resumes = text_after_insert(el) if is_insert_heading(text) else None
    if resumes is not None:
        return resumes
    if nested and is_furniture_heading(text):
        return _END_BLOCK
    flow.heading(text, HEADING_LEVELS.get(el.tag, 2))
    return _PASS


@lru_cache(maxsize=4096)
def _names_subheading(hints: str) -> bool:
    """Whether an element's hints name a sub-heading (<p>, <div> or <span> used as one)."""
    return bool(SUBHEADING_CLASS.search(hints))


def sections_from(root, *, base_url: str, skip_texts: frozenset[str] | set[str] = frozenset()) -> list[dict]:
    """Body of `root` as `[{heading, level, paragraphs}]`, in document order.

    The first section (heading None) holds the text before the first
    sub-heading and is left out when empty. `base_url` is accepted for
    symmetry with the other extractors; section text holds no URL.
    """
    if root is None:
        return []
    left_out = {caption_block for _, _, caption_block in image_line_captions(root)} | sign_up_boxes(root)
    flow = SectionFlow({text_key(t) for t in skip_texts if t}, left_out)
    _walk(root, flow)
    flow.flush()
    return finished_sections(flow.sections)
