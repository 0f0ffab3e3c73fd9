"""Lines and headings inside an article's text that are furniture: pointers to other stories, prompts, ad labels,
tag, category and date lines, bylines alone, counters and a blog's buttons (:func:`is_furniture_line`), and the
headings of boxes (:func:`is_furniture_heading`); a sentence of the text opening with the same words stays."""

from __future__ import annotations

from newsarchive.dates import find_date_strings, says_only_dates, writes_a_day
from newsarchive.dates.patterns import DATELINE
from newsarchive.extraction.vocabulary.furniture_wording import (
    AD_LABELS,
    AD_PREFIX,
    ADDRESSED_POINTER,
    ARTICLE_FEEDBACK_PROMPT,
    FURNITURE_HEADING,
    FURNITURE_PHRASE,
    FURNITURE_PHRASE_WORDS,
    LINKED_POINTER,
    MAX_TOOL_LINE,
    NEWSLETTER_PROMPT,
    OUTSIDE_ARTICLE_HEADING,
    POINTER,
    PROMPT,
    SITE_ADDRESS,
    TOOL_LINE,
)
from newsarchive.extraction.vocabulary.labels import (
    BYLINE_LINE,
    CATEGORY_LABEL,
    CATEGORY_LINE,
    HASHTAG_LINE,
    TAG_LABEL,
    TAG_LINE,
)
from newsarchive.text import ends_as_sentence, may_hold_word, non_space_length, spaced_pieces

_AD_LABEL_EDGES = " .:!-–—|•[]()"
_LONGEST_AD_LABEL = max(map(len, AD_LABELS))
# A newsletter's offer opening with its prompt (NEWSLETTER_PROMPT, or a question on the article:
# ARTICLE_FEEDBACK_PROMPT): the longest line read for its words; a longer one is furniture by its links, or by what
# opens it alone (a tags' label, an ad's prefix, hashtags).
MAX_PROMPT_LINE = 240
_MAX_POINTER_LINE = 160  # a line sending the reader to more stories (ADDRESSED_POINTER)
_MIN_CLAUSE_WORDS = 4  # words after a dateline's comma that make it a sentence
_MAX_HEADING_LINE = 80  # a box's title typed as a line of the text
_MAX_DETAILS_LINE, _DETAIL_WORDS = 100, 3  # a line of details: its length, the words of a piece that is no date


def is_furniture_line(text: str, link_chars: int = 0, *, size: int | None = None) -> bool:
    """True for a line of furniture inside the text: a link list entry, "Lire aussi",
    an ad label, a share or subscription prompt, a tag or category line.

    `link_chars` is how many of its non-space characters are link text; `size` is the number of its
    non-space characters when the caller knows it.
    """
    if size is None:
        size = non_space_length(text)
    if not size or _is_ad_label(text):
        return True
    if link_chars >= 0.9 * size or (link_chars >= 0.6 * size and size - link_chars < 15):
        return True
    if (link_chars or len(text) < 160) and POINTER.match(text) and not _goes_on_telling(text, link_chars):
        return True  # (the cheap condition first: fewer searches)
    if link_chars >= 0.4 * size and LINKED_POINTER.match(text):
        return True
    if len(text) < _MAX_POINTER_LINE and ADDRESSED_POINTER.match(text):
        return True
    if (len(text) < 100 and PROMPT.match(text) and not _tells_the_reader(text)) \
            or (len(text) < 200 and _has_furniture_phrase(text)):
        return True
    if len(text) < MAX_PROMPT_LINE and (NEWSLETTER_PROMPT.match(text) or ARTICLE_FEEDBACK_PROMPT.match(text)):
        return True
    if (TAG_LINE.match(text) and not ends_as_sentence(text)) or AD_PREFIX.match(text) or HASHTAG_LINE.fullmatch(text) \
            or (len(text) <= MAX_TOOL_LINE and TOOL_LINE.fullmatch(text)):
        return True  # ("Thèmes : l'eau, le climat et la biodiversité seront au cœur des débats de jeudi." is text)
    if len(text) < 80 and CATEGORY_LINE.match(text):  # "Publié dans Politique locale"
        return True
    if len(text) < 40 and text.rstrip().endswith(":") and (TAG_LABEL.match(text) or CATEGORY_LABEL.match(text)):
        return True  # a tag's or a category's label alone, its links apart: Drupal's field label "Thématique :"
    if len(text) <= _MAX_HEADING_LINE and is_furniture_heading(text) and not ends_as_sentence(text, _MIN_CLAUSE_WORDS):
        return True  # a box's title typed as a paragraph: "<p>Les plus lus</p>", "<p><b>Articles similaires</b></p>"
    if len(text) < 120 and DATELINE.match(text) and not goes_on_as_a_sentence(text):
        return True
    if len(text) < _MAX_DETAILS_LINE and _details_with_a_date(text):
        return True
    return len(text) < 80 and len(text.split()) <= 8 and bool(BYLINE_LINE.match(text))


def _details_with_a_date(text: str) -> bool:
    """Whether a line's pieces, parted by separators, are dates and short words (``Actualités | Mis à jour le 14 mars
    2024``, ``Vie locale · 12 mars 2024 · 3 min``): a line of details, a day among them."""
    pieces = spaced_pieces(text)
    if len(pieces) < 2:  # (most lines: no date is looked for)
        return False
    dated = [says_only_dates(piece, labelled=True) for piece in pieces]
    if not any(is_date and writes_a_day(piece) for piece, is_date in zip(pieces, dated)):
        return False  # a time alone: a podcast's chapter ("02:15 – L'interview"), a live story's entry
    return all(
        is_date or len(piece.split()) <= _DETAIL_WORDS and not ends_as_sentence(piece)
        for piece, is_date in zip(pieces, dated)
    )


def _tells_the_reader(text: str) -> bool:
    """Whether a line opening with a prompt's verb is a sentence of the text: one of ``SENTENCE_WORDS`` words that
    ends as a sentence and speaks of no part of the site (:data:`~.vocabulary.furniture_wording.SITE_ADDRESS`)."""
    return ends_as_sentence(text) and SITE_ADDRESS.search(text) is None


def _goes_on_telling(text: str, link_chars: int) -> bool:
    """Whether a line opening with a pointer's words goes on as a sentence that speaks of no part of the site: after
    a comma (``Sur le même sujet, le conseil départemental a voté une motion mardi.``), or without a link (``Voir
    aussi la vidéo tournée par les élèves du collège lors de leur voyage.``); ``À lire aussi, notre dossier…`` and a
    linked line point."""
    told = goes_on_as_a_sentence(text) or not link_chars and ends_as_sentence(text)
    return told and SITE_ADDRESS.search(text) is None


def goes_on_as_a_sentence(text: str) -> bool:
    """Whether a line opening with a date's label or a signature goes on, after a comma, as a sentence without a date:
    ``Publié le 12 mars par le ministère, le rapport pointe les retards du chantier.`` (``…, mis à jour le 13 mars.``
    is a dateline)."""
    _, comma, rest = text.partition(",")
    return bool(comma) and ends_as_sentence(rest, _MIN_CLAUSE_WORDS) and not find_date_strings(rest)


def _is_ad_label(text: str) -> bool:
    """Whether the line, case folded and without the punctuation around it, is one of AD_LABELS. The punctuation is
    stripped first: folding maps none of it and makes no text shorter, so a longer line is folded no more."""
    label = text.strip(_AD_LABEL_EDGES)
    return len(label) <= _LONGEST_AD_LABEL and label.casefold() in AD_LABELS


def _has_furniture_phrase(text: str) -> bool:
    return may_hold_word(text, FURNITURE_PHRASE_WORDS) and bool(FURNITURE_PHRASE.search(text))


def is_furniture_heading(text: str) -> bool:
    """True for the title of a box of furniture: "Sur le même sujet", "Commentaires"..."""
    return bool(FURNITURE_HEADING.match(text))


def is_outside_article_heading(text: str) -> bool:
    """True for the title of a site's strip of news flashes or of its agenda ("Flash info", "Agenda"): furniture
    outside the article only."""
    return bool(OUTSIDE_ARTICLE_HEADING.match(text))
