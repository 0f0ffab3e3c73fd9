"""What the generic readers of the visible page share: an element's hint words, the part of the page around the
headline, the article's first image and the count of teasers a page lists (a listing, not an article).

The byline's readers are :mod:`.bylines`; all look at the elements of a :class:`~newsarchive.extraction.index.PageIndex`
(built in one pass) rather than querying the whole tree once per reader.
"""

from __future__ import annotations

from itertools import chain, islice

from newsarchive.extraction.furniture import in_furniture
from newsarchive.extraction.html import IMAGE_TAGS, LINKED_HEADING
from newsarchive.extraction.images import image_source, is_icon
from newsarchive.extraction.index import PageIndex
from newsarchive.extraction.vocabulary.classes import NOT_ARTICLE_IMAGE_BLOCK, NOT_ARTICLE_IMAGE_HINTS

HEADER_SPAN = 40  # elements from the headline that still count as the article header (its byline, its dates)


def hints(element) -> str:
    """Lower-cased ``class`` and ``id`` of an element."""
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()


def article_container(headline):
    """The ``<article>`` or ``<main>`` element around the headline, if any."""
    if headline is None:
        return None
    return next((a for a in headline.iterancestors() if a.tag in ("article", "main")), None)


def around_headline(doc, headline):
    """The part of the page around the headline: its ``<article>``/``<main>`` ancestor, else the grandparent of the
    blocks that wrap it alone (a page builder's widget around the ``<h1>``: Elementor's title widget, beside its
    post info widget)."""
    if headline is None:
        return doc
    container = article_container(headline)
    if container is not None:
        return container
    parent = _wrapped(headline).getparent()
    grandparent = parent.getparent() if parent is not None else None
    return grandparent if grandparent is not None and grandparent.tag != "html" else doc


def _wrapped(element):
    """The outermost block that holds ``element`` alone (no other element, no text of its own), else ``element``."""
    node, parent = element, element.getparent()
    while parent is not None and parent.tag not in ("body", "html") and len(parent) == 1 \
            and not (parent.text or "").strip() and not (node.tail or "").strip():
        node, parent = parent, parent.getparent()
    return node


def first_image(root) -> str | None:
    """The address the first image inside ``root`` shows (:func:`~.images.image_source`) when it is no author's
    picture, logo or icon (:data:`~.vocabulary.classes.NOT_ARTICLE_IMAGE_HINTS`)."""
    if root is None:
        return None
    for image in root.iter(*IMAGE_TAGS):
        source = image_source(image)
        if source and not _other_than_article_s(image, source):
            return source
    return None


def _other_than_article_s(image, source: str) -> bool:
    """Whether an image is an author's picture, a logo or an icon: said by its address, the class, id or test id of
    it and its two parents, or the address of the link around it (a profile page, ``/@claire``, ``/author/claire``;
    a share or print button's), or by the size it declares (an icon's: ``width="33" height="33"``); or an ad's or a
    button's, in a parent whose class says so (``div.pub``, ``div.share``: :data:`.NOT_ARTICLE_IMAGE_BLOCK`)."""
    if is_icon(image):
        return True
    labels = [source.lower()]
    for node in islice(chain([image], image.iterancestors()), 3):
        labels.append(f"{hints(node)} {node.get('data-testid') or ''}".lower())
        if node is not image and NOT_ARTICLE_IMAGE_BLOCK.search(labels[-1]):
            return True
        if node.tag == "a":
            labels.append((node.get("href") or "").lower())
    return any(NOT_ARTICLE_IMAGE_HINTS.search(label) for label in labels)


def teaser_count(index: PageIndex) -> int:
    """How many article teasers the page lists (``<article>`` elements or linked headings outside furniture: readers'
    comments, each an ``<article>`` in the comments' area, are none)."""
    headings = index.by_tag["h2"] + index.by_tag["h3"]
    linked = sum(1 for heading in headings if LINKED_HEADING(heading) and not in_furniture(heading))
    return max(sum(1 for article in index.by_tag["article"] if not in_furniture(article)), linked)
