"""Where an article's text resumes after an insert set in it under a heading that points elsewhere (``<h3>À lire
aussi</h3>`` and its links, between two paragraphs of the story), read by :mod:`.sections`.

A heading of furniture opens a box that runs to the end of its block; but under a pointer's heading the box is often
a few links, and the story goes on after them in the same block. It resumes at a paragraph of prose (a sentence's
words, few links) longer than a teaser's excerpt, or at such a paragraph or a sub-heading that another follows before
any line of links (blocks without text, an embed, a short line between them). Teasers' excerpts are short, each
before the next story's link: a list of them resumes nothing; nor does a box headed by anything but a pointer
(comments, the most read).
"""

from __future__ import annotations

from itertools import islice

from newsarchive.text import SENTENCE_WORDS, clean_text, word_count

from .boilerplate import is_boilerplate
from .furniture_lines import POINTER, is_furniture_heading
from .html import SUBHEADING_TAGS, all_text, element_text
from .page_text import link_chars

# Blocks an insert holds at most before the text resumes: a few links and their titles, not a page of them; and the
# blocks after it read for more of the story.
MAX_INSERT_BLOCKS = 8
_MAX_READ_BLOCKS = 2 * MAX_INSERT_BLOCKS
_PROSE_CHARS = 80  # a paragraph of the story, not a teaser's title or a label
_LONG_PROSE_CHARS = 300  # a paragraph longer than a teaser's excerpt: the story's
_SIGN_UP_CHARS = 400  # a newsletter's sign-up box: a heading, a line that offers it, its field and its button


def is_insert_heading(text: str) -> bool:
    """Whether a heading titles an insert pointing to other stories (``À lire aussi``, ``Sur le même sujet``)."""
    return is_furniture_heading(text) and POINTER.match(text) is not None


def text_after_insert(heading):
    """The element after ``heading``, among its next ``MAX_INSERT_BLOCKS`` siblings with text, where the story
    resumes; None when none does."""
    following = [sibling for sibling in islice(heading.itersiblings(), _MAX_READ_BLOCKS) if _has_text(sibling)]
    for index, sibling in enumerate(following[:MAX_INSERT_BLOCKS]):
        if (_is_prose(sibling) or _is_sub_heading(sibling)) and _story_goes_on(sibling, following[index + 1:]):
            return sibling
    return None


def _story_goes_on(paragraph, after: list) -> bool:
    """Whether the story goes on from ``paragraph`` (or a sub-heading): it is longer than a teaser's excerpt, or another
    paragraph of prose or a sub-heading follows it before any line of links."""
    if len(clean_text(all_text(paragraph))) >= _LONG_PROSE_CHARS:
        return True
    for block in after:
        if _is_linked(block):
            return False
        if _is_prose(block) or _is_sub_heading(block):
            return True
    return False


def _has_text(el) -> bool:
    return isinstance(el.tag, str) and bool(element_text(el))  # (a script, an empty paragraph, an ad's slot: none)


def _is_prose(el) -> bool:
    """A paragraph of the story: ``_PROSE_CHARS`` or more in words, few of them in links."""
    if el.tag != "p" or is_boilerplate(el):
        return False
    text = clean_text(all_text(el))
    return len(text) >= _PROSE_CHARS and word_count(text) >= SENTENCE_WORDS and link_chars(el) < 0.2 * len(text)


def _is_linked(el) -> bool:
    """A line of links: another story's title, a "Lire la suite"."""
    text = clean_text(all_text(el))
    return link_chars(el) >= 0.6 * len(text)


def _is_sub_heading(el) -> bool:
    """A sub-heading of the story: no link's title, no box's."""
    if el.tag not in SUBHEADING_TAGS:
        return False
    text = clean_text(all_text(el))
    return bool(text) and link_chars(el) < 0.6 * len(text) and not is_furniture_heading(text)


def sign_up_boxes(root) -> set:
    """The newsletter's sign-up boxes set in ``root``'s text: around each e-mail field, the outermost block of at most
    ``_SIGN_UP_CHARS`` characters that holds one paragraph at most, the offer's (Radio-Canada's ``<section>
    <h2>Infolettre Info nationale</h2><p>Nouvelles, analyses…</p><form><input type="email">…``, its classes
    generated: the heading and the offer were the body's)."""
    boxes = set()
    for field in root.iter("input"):
        if (field.get("type") or "").lower() != "email":
            continue
        box = None
        for block in field.iterancestors():
            if block is root or len(all_text(block)) > _SIGN_UP_CHARS \
                    or next(islice(block.iter("p"), 1, None), None) is not None:
                break
            box = block
        if box is not None:
            boxes.add(box)
    return boxes
