"""Where an article's text resumes after an insert set in it under a heading that points elsewhere (``<h3>À lire
aussi</h3>`` and its links, between two paragraphs of the story), read by :mod:`.sections`.

A heading of furniture opens a box that runs to the end of its block; but under a pointer's heading the box is often
a few links, and the story goes on after them in the same block. The story resumes at a paragraph of prose (a
sentence, few links) followed by more of the text: another such paragraph or a sub-heading. Teasers' excerpts each
follow their story's link, so a list of them resumes nothing; nor does a box headed by anything but a pointer
(comments, the most read).
"""

from __future__ import annotations

from newsarchive.text import clean_text, ends_as_sentence

from .boilerplate import is_boilerplate
from .furniture_lines import POINTER, is_furniture_heading
from .html import all_text
from .page_text import link_chars

# Blocks an insert holds at most before the text resumes: a few links and their titles, not a page of them.
MAX_INSERT_BLOCKS = 8
_PROSE_CHARS = 80  # a paragraph of the story, not a teaser's title or a label
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def is_insert_heading(text: str) -> bool:
    """Whether a heading titles an insert pointing to other stories (``À lire aussi``, ``Sur le même sujet``)."""
    return is_furniture_heading(text) and POINTER.match(text) is not None


def text_after_insert(heading):
    """The element after ``heading``, among its next ``MAX_INSERT_BLOCKS`` siblings, where the story resumes; None
    when none does."""
    following = [sibling for sibling in heading.itersiblings() if isinstance(sibling.tag, str)]
    for index, sibling in enumerate(following[:MAX_INSERT_BLOCKS]):
        after = following[index + 1] if index + 1 < len(following) else None
        if _is_prose(sibling) and after is not None and (_is_prose(after) or _is_sub_heading(after)):
            return sibling
    return None


def _is_prose(el) -> bool:
    """A paragraph of the story: a sentence of ``_PROSE_CHARS`` or more, few of them in links."""
    if el.tag != "p" or is_boilerplate(el):
        return False
    text = clean_text(all_text(el))
    return len(text) >= _PROSE_CHARS and ends_as_sentence(text) and link_chars(el) < 0.2 * len(text)


def _is_sub_heading(el) -> bool:
    """A sub-heading of the story: no link's title, no box's."""
    if el.tag not in _HEADINGS:
        return False
    text = clean_text(all_text(el))
    return bool(text) and link_chars(el) < 0.6 * len(text) and not is_furniture_heading(text)
