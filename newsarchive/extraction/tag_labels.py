"""The tags a label introduces: the links of the block after ``Mots-clés :`` or ``Sujets``, the items written after
it without links (``Mots-clés : budget, ville``), and a label in a line of details (``Rubrique : Vie locale |
Mots-clés : eau``, ``Catégorie : <a>Politique</a> · Mots-clés : <a>budget</a>``)."""

from __future__ import annotations

from newsarchive.extraction.html import element_text, spaced_apart
from newsarchive.extraction.index import PageIndex
from newsarchive.extraction.tag_blocks import MAX_TAG_TEXT, MAX_TAGS, furniture_around, link_texts, written_items
from newsarchive.extraction.vocabulary.labels import HASHTAG_LINE, TAG_LABEL, TAG_LINE, TAG_PIECE
from newsarchive.text import clean_text

_LABEL_LEVELS = 3
# Elements whose own text may be a short label such as "Mots-clés :" or "Sujets".
_LABEL_TAGS = ("span", "strong", "b", "p", "h2", "h3", "h4", "h5", "dt", "div", "li", "em", "label")
_LABEL_INITIALS = frozenset("MmTtSsÉéEeKk")
_MAX_LABEL = 60
_MAX_WRITTEN_LIST = 400  # a line of tags written after their label, without links (its label's own: _MAX_LABEL)


def labelled_tag_texts(index: PageIndex, scope) -> list[str]:
    """Link texts of the block that a label such as ``Mots-clés :`` or ``Sujets`` introduces; else the tags the
    block writes after its label without links (``Mots-clés : budget, ville``)."""
    tried = set()  # the blocks read with no tags found: a block holding many labels is read once, not once for each
    for block, labelled in _tag_labels(scope):
        for _ in range(_LABEL_LEVELS if labelled is None else 1):  # (a label in a tail: the links after it)
            if block is None or furniture_around(block):
                break
            if labelled is None and block in tried:
                block = block.getparent()
                continue
            texts = (_links_after(*labelled) if labelled is not None else link_texts(block)) or _written_tags(block)
            if texts:
                return texts
            if labelled is None:
                tried.add(block)
            block = block.getparent()
    return []


def _tag_labels(scope):
    """``(element, None)`` for the elements under ``scope`` whose own text is a tag label (``Mots-clés :``, ``Sujets``),
    opens with one before a colon (``Tags : budget, ville``) or holds one so after a bar or a dot (``Rubrique : Vie
    locale | Mots-clés : eau``), in page order, but in a link (a menu's link to the tag index); then ``(element, (child,
    separator))`` for a label after a bar or a dot in the tail of one of its elements (``Catégorie : <a>Politique</a> ·
    Mots-clés : <a>…``)."""
    for element in scope.iter(*_LABEL_TAGS):
        text = element.text
        if not text or len(text) > _MAX_WRITTEN_LIST:
            continue
        opening = text.lstrip()
        if opening[:1] in _LABEL_INITIALS and (
                (len(text) < _MAX_LABEL and TAG_LABEL.match(clean_text(text))) or TAG_LINE.match(opening)):
            labelled = True  # (a longer text is only asked whether it opens with a label: most texts are none)
        elif opening[:1] == "#":
            labelled = HASHTAG_LINE.fullmatch(clean_text(text)) is not None  # "#budget #écoles"
        else:
            labelled = _may_hold_piece(text) and TAG_PIECE.search(text) is not None  # "Rubrique : … | Mots-clés : …"
        if labelled and next(element.iterancestors("a"), None) is None:  # a link's text is none: a menu's "Étiquettes"
            yield element, None
    for child in scope.iterdescendants("a", "span", "strong", "b", "em", "time"):  # the ends of a line's pieces
        tail = child.tail
        label = TAG_PIECE.search(tail) if tail and _may_hold_piece(tail) else None
        if label is not None:
            block = child.getparent()
            if block.tag in _LABEL_TAGS and len(block) <= MAX_TAGS:
                yield block, (child, label.group("separator"))


def _links_after(child, separator: str) -> list[str]:
    """The texts of the links after the label in ``child``'s tail, up to the ``separator`` before the label or words
    (``| Tags : <a>budget</a> · <a>impôts</a> | <a>3 avis</a>``)."""
    texts = []
    for sibling in child.itersiblings():
        text = element_text(sibling) if sibling.tag == "a" else None
        if text:
            texts.append(text)
        if sibling.tail and (separator in sibling.tail or any(map(str.isalnum, sibling.tail))):
            break
    return texts if len(texts) <= MAX_TAGS and all(len(text) <= MAX_TAG_TEXT for text in texts) else []


def _may_hold_piece(text: str) -> bool:
    """Whether a text holds one of the separators TAG_PIECE looks for after (most texts hold none)."""
    return "|" in text or "·" in text or "•" in text


def _written_tags(block) -> list[str]:
    """The tags a line writes after its label, separated by commas, semicolons or bars (``Mots-clés : budget ;
    ville``) or each in an element of its own (``<span>Mots-clés :</span> <span>budget</span> <span>ville</span>``),
    or a piece of a line after a bar or a dot does, up to the next one (``Rubrique : Vie locale | Mots-clés : eau,
    climat | 3 commentaires``): short items only, so that a sentence after a label gives none."""
    text = element_text(block)
    if len(text) > _MAX_WRITTEN_LIST:
        return []
    items = _items_after_label(block)
    if items:
        return items
    if HASHTAG_LINE.fullmatch(text):
        return text.split()[:MAX_TAGS]  # (the tags' cleaner drops their sign: metadata.without_hashtag)
    # a labelled piece first: the line's opening label may be a theme's (``Thématique : Société • Étiquettes : budget``)
    if _may_hold_piece(text) and (label := TAG_PIECE.search(text)):
        written = text[label.end():].split(label.group("separator"), 1)[0]  # the piece, up to the next separator
    else:
        label = TAG_LINE.match(text)
        written = text[label.end():] if label is not None else None
    return written_items(written) if written is not None else []


def _items_after_label(block) -> list[str]:
    """The texts of the elements of one kind after the tag label, the block's own text or its first element's, nothing
    but spaces between them (``<span>Mots-clés :</span> <span class="tag">budget</span> <span>ville</span>``, ``Tags :
    <span>budget</span> <span>ville</span>``): its shown text glues them into one; two at least, each a tag's
    (:func:`~.tag_blocks.written_items`)."""
    children = [child for child in block if isinstance(child.tag, str)]
    label_elements = 0 if TAG_LABEL.match(clean_text(block.text)) else 1  # the label typed in the block, or its first
    if not 2 + label_elements <= len(children) <= MAX_TAGS + label_elements \
            or label_elements and not TAG_LABEL.match(clean_text(children[0].text)):
        return []
    items = children[label_elements:]
    if len({item.tag for item in items}) > 1 or not spaced_apart(items[:-1]):
        return []
    texts = [element_text(item) for item in items]
    return texts if all(written_items(text) == [text] for text in texts) else []
