"""Small text helpers shared by the extractors: the visible text of an element, the elements around it."""

from __future__ import annotations

import re
import threading
from copy import deepcopy
from itertools import islice, pairwise

from lxml import etree

from newsarchive.text import clean_text

_NOT_SHOWN = ("script", "style", "noscript", "template", "rt", "rp")  # elements whose text is not shown
NOT_SHOWN_TAGS = frozenset(_NOT_SHOWN)
IMAGE_TAGS = ("img", "amp-img")  # the elements of an image (AMP pages write <amp-img>)
SUBHEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})  # the headings below a page's: a box's, a card's title
# The elements a short line of the page is written in (a byline, a line of details, a post's signed footer): each
# reader looks at those that hold a few elements at most, so that a block's whole text is not read as a line.
LINE_TAGS = ("p", "div", "span", "li", "dd", "small", "em", "strong", "address", "footer", "section")
# The elements a page shows as blocks of their own (a heading, a cell and a figure's caption aside): a paragraph of
# the body ends where one begins, and their texts are apart.
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "ul", "ol", "li", "dl", "dt", "dd", "blockquote",
    "pre", "table", "thead", "tbody", "tfoot", "tr", "caption", "hr", "center", "details",
    "summary", "address", "hgroup",
})
# A block of blocks whose text is read with its blocks apart: a standfirst's, a caption's, a byline's; a longer one (a
# list of 10,000 tags, a whole body) is read at once, in C (the readers of a body read its blocks one by one).
MAX_SPACED_BLOCKS_TEXT = 2000
CLOSING = frozenset(",.;:!?)]}»”’'")  # punctuation that closes: no space is set before it
# A piece ending with a French elision (``d'``, ``l'``, ``qu'``) runs on into the next one: ``d'<em>Enquête</em>``.
_ELIDED_END = re.compile(r"(?<![^\W\d_])(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]$", re.IGNORECASE)
_local = threading.local()


def holds(ancestor, element) -> bool:
    """True when ``element`` is one of ``ancestor``'s descendants (not ``ancestor`` itself)."""
    return ancestor in element.iterancestors()  # the walk up in C (lxml's elements compare by identity)


def is_inside(element, scope) -> bool:
    """True when ``element`` is ``scope`` or one of its descendants (whatever it is, when ``scope`` is the page)."""
    return scope is element or scope.getparent() is None or holds(scope, element)


def drop_drawings_text(drawings) -> None:
    """Leave out the text of ``drawings`` (``<svg>`` elements): a ``<title>`` is an icon's tooltip (a byline's icon
    named its author ``Icône Léa Roy``), a ``<text>`` a chart's label. Done once on a page's tree, it lets the readers
    read an element's text at once (:func:`element_text`'s first way) where leaving drawings out as they read would
    walk every element holding an icon."""
    for drawing in drawings:
        for part in drawing.iterdescendants():
            part.text = part.tail = None


def spaced_text(element) -> str:
    """The visible text of an element with a space between the texts of its elements: for lines made of
    separate pieces (``<span>Par</span><a>Léa Roy</a><time>…</time>``), where ``element_text`` would glue them."""
    if element is None:
        return ""
    pieces = [piece for piece in _visible_pieces(element) if piece]
    joined = pieces[:1]
    for previous, piece in pairwise(pieces):
        if not previous[-1].isspace() and not piece[0].isspace() and piece[0] not in CLOSING \
                and not (previous[-1] in "'’" and _ELIDED_END.search(previous[-8:])):
            joined.append(" ")
        joined.append(piece)
    return clean_text("".join(joined))


def element_text(element) -> str:
    """The visible text of an element, whitespace collapsed (script, style and ruby annotations left out), a line
    break and the edge of a block inside a block a space (``Le budget voté.<br>Les élus…``, ``<div><p>Le budget
    voté.</p><p>Les élus…``: serialised, the text glues the two lines)."""
    if element is None:
        return ""
    if next(element.iter(*_NOT_SHOWN, "br"), None) is None and next(element.iterancestors(*_NOT_SHOWN), None) is None:
        text = all_text(element)  # the text serialised at once, in C: but for a short block of blocks, whole
        if element.tag not in BLOCK_TAGS or len(text) > MAX_SPACED_BLOCKS_TEXT \
                or next(element.iterdescendants(*BLOCK_TAGS), None) is None:
            return clean_text(text)
    return clean_text("".join(_shown_texts(element)))


def all_text(element) -> str:
    """The text of an element and of its descendants, shown or not (scripts included), as it is: what lxml's
    ``text_content()`` gives, serialised at once in C (about 2.5 times faster, and a plain ``str``)."""
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def partly_shown(root) -> set:
    """``root`` and its descendants whose visible text is not their whole text (:func:`all_text`): those that hold a
    script, style, noscript, template or ruby annotation (leaving it out glues the texts around it) and those inside
    one. The others' :func:`element_text` is ``clean_text(all_text(element))`` (but for the space of a line break), and
    a part of ``root``'s."""
    if next(root.iterancestors(*_NOT_SHOWN), None) is not None:
        return set(root.iter())
    partly = set()
    for unshown in root.iter(*_NOT_SHOWN):
        if unshown in partly:
            continue
        partly.update(unshown.iter())
        for ancestor in unshown.iterancestors():
            if ancestor in partly:
                break
            partly.add(ancestor)
            if ancestor is root:
                break
    return partly


def holds_image(element) -> bool:
    """Whether an image (:data:`IMAGE_TAGS`) is among the element's descendants, without a path query."""
    return next(element.iterdescendants(*IMAGE_TAGS), None) is not None


def holds_few_nodes(element, most: int) -> bool:
    """Whether ``element`` is at most ``most`` nodes with its descendants, those of ``<noscript>`` blocks left out (a
    lazy-loaded image's copy, an avatar's beside a byline: no browser running scripts shows them); an element of more
    than four times ``most`` nodes is not read further."""
    if next(islice(element.iter(), most, None), None) is None:
        return True
    if next(element.iter("noscript"), None) is None:
        return False
    nodes = sum(1 for _ in islice(element.iter(), 4 * most + 1))
    unshown = sum(1 for noscript in element.iter("noscript") for _ in noscript.iter()) if nodes <= 4 * most else 0
    return nodes - unshown <= most


def shown_images(element, at_most: int) -> list:
    """The first ``at_most`` images under ``element`` (itself included) that a browser running scripts shows: not the
    ``<noscript>`` copy a lazy-loading script leaves beside its image (``<img data-lazy-src="…"><noscript><img
    src="…"></noscript>``: one image, written twice); those copies when they are the only images there."""
    shown, copies = [], []
    for image in element.iter(*IMAGE_TAGS):
        if next(image.iterancestors("noscript"), None) is None:
            shown.append(image)
            if len(shown) >= at_most:
                break
        elif len(copies) < at_most:
            copies.append(image)
    return shown or copies


# What a figure may show besides its text: a picture, a player, a drawing.
_FIGURE_MEDIA = (*IMAGE_TAGS, "picture", "video", "audio", "iframe", "svg", "object", "embed", "canvas")


def is_text_figure(element) -> bool:
    """Whether an element is a figure of text and nothing shown (no picture, player, frame or drawing): a table of data
    (WordPress's table block, ``<figure class="wp-block-table"><table>…``) or a quotation (``<figure><blockquote>…
    <figcaption>— Léa Roy``, a pull quote too): its caption is no image's."""
    return _figure_of(element, ("table", "blockquote"))


def is_quoted_text(element) -> bool:
    """Whether an element is a quotation or a figure of text: who it names is the one quoted, its caption no image's."""
    return element is not None and (element.tag == "blockquote" or is_text_figure(element))


def is_table_figure(element) -> bool:
    """Whether an element is a figure of a table of data and nothing shown: text of the body (a quotation's figure is
    left out, as most repeat a sentence of the text in large type)."""
    return _figure_of(element, ("table",))


def _figure_of(element, tags: tuple[str, ...]) -> bool:
    if element is None or element.tag != "figure":
        return False
    return next(element.iterdescendants(*tags), None) is not None \
        and next(element.iterdescendants(*_FIGURE_MEDIA), None) is None


def without_descendants(element, leave_out):
    """``element`` itself, or a copy of it without its descendants for which ``leave_out`` is true (their tails stay),
    when it holds some: to read its text without a part of it (what its reader does not see, its buttons)."""
    if not any(leave_out(inner) for inner in element.iterdescendants()):
        return element
    copied = deepcopy(element)
    for inner in [inner for inner in copied.iterdescendants() if leave_out(inner)]:
        inner.drop_tree()  # (one inside another left out goes with it)
    return copied


def opening_text(element, chars: int) -> str:
    """The first ``chars`` characters of an element's text or more, read piece by piece (not its whole text: a block
    compared by its opening may be a whole page's)."""
    pieces, size = [], 0
    for piece in element.itertext():
        pieces.append(piece)
        size += len(piece)
        if size >= chars:
            break
    return "".join(pieces)


def field_label(field):
    """The child of a CMS's field that is its label, by its class (Drupal's ``div.field__label``), or None."""
    return next((child for child in field if "label" in (child.get("class") or "")), None)


def fills_alone(element) -> bool:
    """Whether an element is all its parent holds: its one child, with no text before or after it."""
    parent = element.getparent()
    return parent is not None and len(parent) == 1 and not (parent.text or "").strip() \
        and not (element.tail or "").strip()


def spaced_apart(elements) -> bool:
    """Whether nothing but spaces follows each of ``elements`` (their tails): items each in an element of its own
    (names, tags), which their parent's shown text glues together."""
    return not any(clean_text(element.tail) for element in elements)


def text_before(element, at_most: int) -> str:
    """The last ``at_most`` characters of the text right before an element (its label: ``Mis à jour le <time>``,
    ``Publié dans <a>``): its previous sibling's tail, else its parent's text."""
    previous = element.getprevious()
    text = previous.tail if previous is not None else element.getparent().text
    return (text or "")[-at_most:]


_LABEL_LEVELS = 3  # an element, and the parents it fills alone, before which its label may be
_LABEL_ICONS = 2  # elements of a label's element (its icons: "<strong><i class='fa'></i> Catégories :</strong>")


def label_before(element, at_most: int) -> str:
    """The last ``at_most`` characters of the label right before an element: the text before it
    (:func:`text_before`), or the text of the element before it when only spaces part them and it holds no text in an
    element of its own (a label in an element of its own: ``<span>Publié dans</span> <a>``, ``<dt>Mis à jour
    le</dt><dd>``, ``<strong><i class="icon"></i> Catégories :</strong>``); for an element its parent holds alone, the
    label before the parent (``<strong>Catégories :</strong><span><a>Vie locale</a></span>``), a level or two up."""
    for _ in range(_LABEL_LEVELS):
        before = text_before(element, at_most)
        if before.strip():
            return before
        previous = element.getprevious()
        if previous is not None:
            return before if _holds_text_apart(previous) else clean_text(all_text(previous)[-2 * at_most:])[-at_most:]
        parent = element.getparent()
        if not fills_alone(element) or parent.getparent() is None:
            return before
        element = parent
    return ""


def _holds_text_apart(element) -> bool:
    """Whether an element holds elements with text of their own, or more than a label's icons: no label alone."""
    return len(element) > _LABEL_ICONS or any((child.text or "").strip() for child in element.iterdescendants())


def _visible_pieces(element):
    """The texts of an element and of its descendants (its tail left out) that are shown, in page order."""
    return element.itertext() if _shows_all(element) else _shown_texts(element)


def _shown_texts(element) -> list[str]:
    """The texts of an element and of its descendants (its tail left out) outside script, style, noscript, template
    and ruby annotations, in page order: a walk that passes over those subtrees (several times faster than a query
    testing the ancestors of every text; no recursion: pages nest deep)."""
    if element.tag in NOT_SHOWN_TAGS or next(element.iterancestors(*_NOT_SHOWN), None) is not None:
        return []
    texts = [element.text] if element.text else []
    stack = [(element, iter(element))]
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if stack and node.tag in BLOCK_TAGS:
                texts.append(" ")
            if stack and node.tail:  # a closed element's tail belongs to its parent's text
                texts.append(node.tail)
        elif isinstance(child.tag, str) and child.tag not in NOT_SHOWN_TAGS:
            if child.tag == "br" or child.tag in BLOCK_TAGS:
                texts.append(" ")
            if child.text:
                texts.append(child.text)
            stack.append((child, iter(child)))
        elif child.tail:
            texts.append(child.tail)
    return texts


def _shows_all(element) -> bool:
    """True when no text of the element is left out: it holds no script, style, noscript, template or ruby
    annotation, and sits in none (then its text is read in one C call, where the query of the shown texts tests
    the ancestors of every text)."""
    return next(element.iter(*_NOT_SHOWN), None) is None and next(element.iterancestors(*_NOT_SHOWN), None) is None


# The text nodes outside <script> and <style>, in page order: XSLT's built-in rules copy the text of every node, and
# the one template leaves those two elements out.
_TEXT_OUTSIDE_SCRIPTS = b"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="utf-8"/><xsl:template match="script|style"/></xsl:stylesheet>"""


def text_outside_scripts(element) -> str:
    """The texts of an element and of its descendants outside scripts and styles, joined as they are (what
    ``".//text()[not(ancestor::script or ancestor::style)]"`` reads, serialised at once in C): the cheap first test
    of the text a page shows, whose scripts and styles are most of its whole text (:func:`all_text`)."""
    transform = getattr(_local, "text_outside_scripts", None)
    if transform is None:  # one per thread, as the parser
        transform = _local.text_outside_scripts = etree.XSLT(etree.XML(_TEXT_OUTSIDE_SCRIPTS))
    try:
        return str(transform(element))
    except etree.XSLTApplyError:  # a page too deep for the transform: the whole text holds it
        return all_text(element)
