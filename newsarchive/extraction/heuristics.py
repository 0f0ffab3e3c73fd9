"""What the generic readers of the visible page share: an element's hint words, the part of the page around the
headline and the elements that follow it, the article's first image and the count of teasers a page lists (a
listing, not an article).

The byline's readers are :mod:`.bylines`; all look at the elements of a :class:`~newsarchive.extraction.index.PageIndex`
(built in one pass) rather than querying the whole tree once per reader.
"""

from __future__ import annotations

from itertools import chain, islice
from urllib.parse import urlsplit, urlunsplit

from newsarchive.extraction.furniture import headed_box, in_furniture
from newsarchive.extraction.html import IMAGE_TAGS, NOT_SHOWN_TAGS, fills_alone, is_inside
from newsarchive.extraction.images import image_source, is_article_logo, is_icon, links_to_a_page
from newsarchive.extraction.index import PageIndex
from newsarchive.extraction.vocabulary.images import (
    FEATURED_IMAGE_CLASS,
    NOT_ARTICLE_IMAGE_BLOCK,
    NOT_ARTICLE_IMAGE_HINTS,
)
from newsarchive.urls import is_home_address

HEADER_SPAN = 40  # elements from the headline that still count as the article header (its byline, its dates)
# Elements read for each one counted when the empty ones are passed over (following_elements): a page of thousands of
# empty blocks costs no more.
EMPTY_BLOCKS_READ = 10
SHOWN_LOOKED_FOR = 20  # nodes of an element read for its text or its picture
PICTURE_TAGS = frozenset({*IMAGE_TAGS, "picture", "figure", "video"})  # what shows a picture


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
    parent = outermost_wrapper(headline).getparent()
    grandparent = parent.getparent() if parent is not None else None
    return grandparent if grandparent is not None and grandparent.tag != "html" else doc


def outermost_wrapper(element):
    """The outermost block below ``<body>`` that holds ``element`` alone (no other element, no text of its own:
    :func:`~.html.fills_alone`), else ``element``."""
    node = element
    while fills_alone(node) and node.getparent().tag not in ("body", "html"):
        node = node.getparent()
    return node


def first_image(root) -> str | None:
    """The address the first image inside ``root`` shows (:func:`~.images.image_source`) when it is no author's
    picture, logo or icon (:data:`~.vocabulary.classes.NOT_ARTICLE_IMAGE_HINTS`); else a video player's poster (a
    video's page, Brut's, shows no other picture)."""
    if root is None:
        return None
    for image in root.iter(*IMAGE_TAGS):
        source = image_source(image)
        if source and not other_than_article_s(image, source):
            return source
    return next(filter(None, map(poster, root.iter("video"))), None)


def poster(video) -> str | None:
    """The address of a video player's poster, the picture it shows before it plays."""
    return (video.get("poster") or "").strip() or None


def featured_image_above(index: PageIndex, headline) -> str | None:
    """The address of WordPress's featured image (``img.wp-post-image``) printed above the headline, outside the
    ``<article>`` (Kadence's and Twenty Seventeen's header image; Twenty Eleven's banner, in its link to the home
    page), or of a video player's poster there, not a teaser's (in a link to another page) nor the furniture's."""
    origin = index.positions.get(headline) if headline is not None else None
    for element in islice(index.elements, origin) if origin is not None else ():
        if element.tag == "img" and FEATURED_IMAGE_CLASS in (element.get("class") or "") \
                and _in_no_link_but_home(element) and not in_furniture(element):
            source = image_source(element)
            if source and not other_than_article_s(element, source):
                return source
        elif element.tag == "video" and (shown := poster(element)) and _in_no_link_but_home(element) \
                and not in_furniture(element):
            return shown  # a video's page: its player above the headline (Brut's)
    return None


def _in_no_link_but_home(image) -> bool:
    """Whether an image is in no link, or in a link to the home page (a banner's)."""
    link = next(image.iterancestors("a"), None)
    return link is None or is_home_address(link.get("href"))


def other_than_article_s(image, source: str) -> bool:
    """Whether an image is an author's picture, a logo or an icon: said by its address, the class, id or test id of
    it and its two parents, or the address of the link around it (a profile page, ``/@claire``, ``/author/claire``;
    a share or print button's), or by the size it declares (an icon's: ``width="33" height="33"``); or an ad's or a
    button's, in a parent whose class says so (``div.pub``, ``div.share``: :data:`.NOT_ARTICLE_IMAGE_BLOCK`)."""
    if is_icon(image):
        return True
    if is_article_logo(source):  # (SPIP's img.spip_logo of an article, in div.logo-article)
        return False
    labels = [_without_host(source).lower()]  # (a host says nothing of the image: "assets.buttondown.email")
    for node in islice(chain([image], image.iterancestors()), 3):
        labels.append(f"{hints(node)} {node.get('data-testid') or ''}".lower())
        if node is not image and NOT_ARTICLE_IMAGE_BLOCK.search(labels[-1]):
            return True
        if node.tag == "a":
            labels.append((node.get("href") or "").lower())
    return any(NOT_ARTICLE_IMAGE_HINTS.search(label) for label in labels)


def _without_host(address: str) -> str:
    """An image's address without its scheme and host: its path, query and fragment."""
    parts = urlsplit(address)
    return urlunsplit(("", "", parts.path, parts.query, parts.fragment)) if parts.netloc else address


def teaser_count(index: PageIndex, body=None, headline=None) -> int:
    """How many article teasers the page lists (``<article>`` elements or linked headings outside furniture: readers'
    comments, each an ``<article>`` in the comments' area, are none; nor are the teasers of a box a heading names as
    furniture apart from the ``body`` and the ``headline``: the latest stories under a short one's text, ``<h2>Derniers
    articles</h2>``)."""
    told: dict = {}

    def counted(element) -> bool:
        if in_furniture(element):
            return False
        box = headed_box(element, None, headline, told) if body is not None else None
        return box is None or is_inside(body, box)

    headings = index.by_tag["h2"] + index.by_tag["h3"]
    linked = sum(1 for heading in headings if links_to_a_page(heading) and counted(heading))
    return max(sum(1 for article in index.by_tag["article"] if counted(article)), linked)


def following_elements(element, limit: int, *, shown: bool = False) -> list:
    """The first ``limit`` elements after ``element`` in page order, its own descendants left out (XPath's
    ``following::*[position() <= limit]``, without the query's reading of every following node of the page). With
    ``shown``, those that show nothing (no text, no picture) are passed over and not counted (the empty blocks of a
    page's ad slots and layout between a headline and its text), among the first ``EMPTY_BLOCKS_READ`` times ``limit``
    elements."""
    found = []
    walked = 0
    node = element
    while node is not None:
        for sibling in node.itersiblings():
            for following in sibling.iter():
                if isinstance(following.tag, str):
                    walked += 1
                    if not shown or shows_something(following):
                        found.append(following)
                    if len(found) >= limit or walked >= EMPTY_BLOCKS_READ * limit:
                        return found
        node = node.getparent()
    return found


def shows_something(element) -> bool:
    """Whether an element holds text besides spaces (a script's, a style's aside) or a picture, looked for among its
    first ``SHOWN_LOOKED_FOR`` nodes: an empty block is a few of them (an ad's slot and its wrappers); a longer run
    without either is taken to show something (a page nesting thousands of empty blocks costs no more)."""
    nodes = element.iter()
    for node in islice(nodes, SHOWN_LOOKED_FOR):
        if isinstance(node.tag, str) and (node.tag in PICTURE_TAGS or node.text and not node.text.isspace()
                                          and node.tag not in NOT_SHOWN_TAGS):  # (an ad's script shows nothing)
            return True
        if node is not element and node.tail and not node.tail.isspace():
            return True
    return next(nodes, None) is not None  # (more nodes than were read)


class HeadlineDistance:
    """How far an element lies from the headline in page order (``origin``, the headline's position in the index):
    after the headline, the elements that show nothing (an ad's empty slots, :func:`shows_something`) are not counted,
    up to ``EMPTY_BLOCKS_READ`` times ``HEADER_SPAN`` elements, counted once a page and only as far as asked. With
    ``found``, a headline the index does not list by tag (a ``<div>`` or a ``<p>`` showing the title) is looked for
    among all the elements; else it has no origin, and every element lies far from it."""

    def __init__(self, index, headline, *, found: bool = False):
        self.index = index
        self.headline = headline
        if headline is None:
            self.origin = None
        else:
            self.origin = index.position(headline) if found else index.positions.get(headline)
        self._empty_before = [0]  # at n, the elements that show nothing among the first n after the headline

    def distance(self, position: int | None) -> int:
        if self.origin is None or position is None:
            return HEADER_SPAN * 4
        distance = abs(position - self.origin)
        if position < self.origin:
            return distance
        return distance - self._empties_up_to(min(distance, HEADER_SPAN * EMPTY_BLOCKS_READ))

    def _empties_up_to(self, distance: int) -> int:
        counts, elements, origin = self._empty_before, self.index.elements, self.origin
        while len(counts) <= distance and origin + len(counts) < len(elements):
            counts.append(counts[-1] + (not shows_something(elements[origin + len(counts)])))
        return counts[min(distance, len(counts) - 1)]
