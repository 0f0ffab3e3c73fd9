"""The address an image element shows: a lazy-loading attribute's, its ``src``, else the widest of its ``srcset``;
a placeholder (``data:``, ``blank.gif``, ``lazyload.png``) and a counter's pixel show none."""

from __future__ import annotations

import re

# (LinkedIn's articles: data-delayed-url, no src)
_LAZY_ATTRIBUTES = ("data-lazy-src", "data-src", "data-original", "data-lazy", "data-url", "data-delayed-url", "src")
_SRCSET_ATTRIBUTES = ("data-lazy-srcset", "data-srcset", "srcset")
_PLACEHOLDER = re.compile(r"^data:|placeholder|blank\.|spacer|pixel\.|transparent\.|lazy[-_]?load", re.IGNORECASE)
_SRCSET_ITEM = re.compile(r"\s*(\S+)(?:\s+(\d+(?:\.\d+)?)[wx])?\s*(?:,|$)")
_PIXEL_SIZES = ("0", "1", "2")
_ICON_PIXELS = 64  # an image declared this wide and high at most is an icon
_BADGE_PIXELS = 40  # an image declared this high at most is a badge or a button, however wide
# An image's own address: its file ("a.jpg"), or a CMS's view of it (Plone's ".../image_view_fullscreen",
# ".../@@images/…")
_IMAGE_ADDRESS = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)|/image_view|/@@images/", re.IGNORECASE)


# SPIP's name for an article's own picture, its "logo" (``IMG/logo/arton123.jpg``, ``local/cache-vignettes/…/arton123-
# 3c1f2.jpg``): the article's image, whatever its class says (``img.spip_logo``)
_ARTICLE_LOGO = re.compile(r"/arton\d+[.-]", re.IGNORECASE)


def is_article_logo(address: str) -> bool:
    """Whether an image's address is SPIP's article logo (:data:`_ARTICLE_LOGO`)."""
    return _ARTICLE_LOGO.search(address) is not None


def image_source(img) -> str | None:
    """The address ``img`` (an ``<img>``, ``<amp-img>`` or ``<source>``) shows, as written; None for none."""
    if is_pixel(img):
        return None
    for name in _LAZY_ATTRIBUTES:
        value = (img.get(name) or "").strip()
        if value and not _PLACEHOLDER.search(value):
            return value
    for name in _SRCSET_ATTRIBUTES:
        url = largest_in_srcset(img.get(name) or "")
        if url:
            return url
    return None


def largest_in_srcset(srcset: str) -> str | None:
    """URL of the widest candidate of a srcset ("a.jpg 400w, b.jpg 800w" -> "b.jpg")."""
    best, best_size = None, -1.0
    for url, size in _SRCSET_ITEM.findall(srcset):
        if url and not _PLACEHOLDER.search(url) and float(size or 1) > best_size:
            best, best_size = url, float(size or 1)
    return best


def is_pixel(img) -> bool:
    """Whether an image is a counter's pixel: a ``width`` or ``height`` of one or two pixels."""
    return any(size in _PIXEL_SIZES for size in _declared_sizes(img))


def is_icon(img) -> bool:
    """Whether an image declares the size of an icon, a width and a height of ``_ICON_PIXELS`` at most (a share
    button's, a pictogram), or of a badge, a height of ``_BADGE_PIXELS`` at most (the web's 88×31 buttons, Drupal's
    80×15 ``Propulsé par Drupal``)."""
    sizes = _declared_sizes(img)
    if sizes[1].isdigit() and int(sizes[1]) <= _BADGE_PIXELS:
        return True
    return all(size.isdigit() and int(size) <= _ICON_PIXELS for size in sizes)


def _declared_sizes(img) -> tuple[str, str]:
    """The ``width`` and ``height`` an image declares, as written, without ``px``."""
    width, height = ((img.get(name) or "").strip().removesuffix("px") for name in ("width", "height"))
    return width, height


def links_to_a_page(element) -> bool:
    """Whether an element (a heading: a teaser's title) holds a link to a page, not to an image (a lightbox's link
    around a gallery's picture set in a heading)."""
    return any(link.get("href") and not links_to_image(link) for link in element.iter("a"))


def links_to_image(link) -> bool:
    """Whether a link leads to an image (its file, or a view of it: a lightbox's link around a figure), not to a
    page."""
    return bool(_IMAGE_ADDRESS.search(link.get("href") or ""))
