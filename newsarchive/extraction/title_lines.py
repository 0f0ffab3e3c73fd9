"""The title a page without headings shows at the top of its text: a line in bold or a font of its own alone, or a
block its class names a title (``<p class="titre">``, ``<div class="article-title">``), as old and home-made pages
write it."""

from __future__ import annotations

from itertools import islice

from newsarchive.dates import is_date_line
from newsarchive.extraction.furniture import in_furniture
from newsarchive.extraction.furniture_lines import is_furniture_line
from newsarchive.extraction.html import element_text, fills_alone
from newsarchive.extraction.vocabulary.classes import TITLE_CLASS

_STYLED_TAGS = ("b", "strong", "font")  # what styles an old page's title typed in its text
_STYLED_TITLE_RUNS = 20  # the body's first styled runs looked at for its title
TITLE_WORDS = (2, 16)  # a title's words, fewest and most
_TITLE_BLOCKS = ("p", "div", "span", "center", "td")
_FIRST_BLOCKS = 12  # the body's first blocks looked at for one its class names a title
_BLOCKS_ABOVE = 40  # and the blocks above it


def title_line(body, index):
    """The title the top of ``body`` shows: its first line in bold or a font of its own alone
    (:func:`first_styled_run`), else the block its class names a title (:func:`classed_title`)."""
    run = first_styled_run(body)
    return run if run is not None else classed_title(body, index)


def classed_title(body, index):
    """The first of the first blocks of ``body`` that its class names a title, else the nearest such block above it
    outside furniture (a header's ``div.article-title`` over the text), when it has a title's length and no link,
    and is no date nor furniture line; else None."""
    if body is None:
        return None
    blocks = (block for block in body.iter(*_TITLE_BLOCKS) if block is not body)
    above = (element for element in reversed(index.elements[:index.position(body)]) if element.tag in _TITLE_BLOCKS)
    for block in (*islice(blocks, _FIRST_BLOCKS), *islice(above, _BLOCKS_ABOVE)):
        if TITLE_CLASS.search(block.get("class") or "") and not in_furniture(block):
            text = element_text(block)  # (the nearest decides: one farther is another box's)
            return block if _title_sized(block, text) and not is_date_line(text) and not is_furniture_line(text) \
                else None
    return None


def _title_sized(element, text: str) -> bool:
    """Whether an element's ``text`` has a title's length (:data:`TITLE_WORDS`) and it holds no link."""
    fewest, most = TITLE_WORDS
    return fewest <= len(text.split()) <= most and element.find(".//a") is None


def first_styled_run(body):
    """The body's first line in bold or a font of its own alone (``<font size="4"><b>Assemblée générale du
    comité</b></font><br>``), of a title's length, not a link: the title of an old page typed in a cell of its layout,
    when the page has no heading and its ``<title>`` is its site's name. Among the body's first
    ``_STYLED_TITLE_RUNS`` styled runs."""
    if body is None:
        return None
    for run in islice(body.iter(*_STYLED_TAGS), _STYLED_TITLE_RUNS):
        if _title_sized(run, element_text(run)) and next(run.iterancestors("a"), None) is None \
                and _alone_on_its_line(run):
            return run
    return None


def _alone_on_its_line(run) -> bool:
    """Whether a styled run, with the styles around it that hold nothing else, is a line of its own: nothing but a
    line break or the start of its block before it, a line break after it."""
    while fills_alone(run) and run.getparent().tag in _STYLED_TAGS:
        run = run.getparent()
    after, before = run.getnext(), run.getprevious()
    if (run.tail or "").strip() or after is None or after.tag != "br":
        return False
    if before is None:
        return not (run.getparent().text or "").strip()
    return before.tag == "br" and not (before.tail or "").strip()
