"""The standfirst (chapô) of an article: the short text between the headline and the body.

Five readings, the first that finds one wins: an element after the headline classed ``chapo``, ``chapeau``,
``standfirst``, ``lead``, ``intro``, ``accroche``... that comes before the body's text and is not a caption, a credit,
an author box or a teaser for another story; then the subtitle the headline's ``<hgroup>`` gives after it (HTML's own
markup of a heading and its subtitle); then the visible block after the headline whose text is the page's description
(``og:description``, ``<meta name="description">``, JSON-LD ``description``), outside the body; then, when no block
gives a description (a page without one, or whose description is the site's), the first sentence (or fifteen words
without a full stop) between the headline and the body, outside the body, a block of its own
(``<p><strong>…</strong></p>``) or a heading (``<h2>`` under the ``<h1>``, a subtitle): read neither as the headline
nor as the body, its text would be lost; last, the body's first paragraph set in bold alone, a sentence, before one
that is not.
"""

from __future__ import annotations

from itertools import islice

from newsarchive.dates import has_date_label
from newsarchive.extraction.boilerplate import is_hidden, is_unseen
from newsarchive.extraction.furniture import in_furniture, in_headed_box
from newsarchive.extraction.furniture_lines import is_furniture_line
from newsarchive.extraction.heuristics import PICTURE_TAGS, following_elements, hints
from newsarchive.extraction.html import (
    BLOCK_TAGS,
    IMAGE_TAGS,
    element_text,
    fills_alone,
    holds,
    is_inside,
    opening_text,
)
from newsarchive.extraction.index import PageIndex
from newsarchive.extraction.lead_body import before_body_text, in_caption, opens_body, precedes
from newsarchive.extraction.sections import BOLD_TAGS, HEADING_LEVELS
from newsarchive.extraction.vocabulary.classes import (
    KICKER_HINTS,
    LEAD_HINTS,
    LEAD_LABEL_HINTS,
    NEGATIVE_HINTS,
    NOT_LEAD_HINTS,
    OTHER_THAN_LEAD_HINTS,
)
from newsarchive.extraction.vocabulary.images import CREDIT_HINTS
from newsarchive.extraction.vocabulary.labels import BYLINE_LEAD, CREDIT_MARK, SIGNED_LEAD
from newsarchive.text import SENTENCE_ENDS, in_lower_case_mostly, reduced_text

LEAD_TAGS = frozenset({"p", "div", "h2", "h3", "span", "section", "strong"})
_SUBTITLE_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6"})
_FOLLOWING = 60  # elements after the headline where its standfirst may be
_MIN_LEAD, _MAX_LEAD = 40, 1200
_DESCRIPTION_KEY = 60
_OPENING_KEY, _OPENING_CHARS = 20, 80
_MAX_PARAGRAPHS = 3
_MAX_HINTED = 3  # elements classed as a standfirst compared with the page's description
_OPENING_BLOCKS = frozenset({"p", "div"})
_OPENING_TAGS = _OPENING_BLOCKS | {"h2", "h3"}  # a subtitle in a heading after the headline
_WRAPPED = BLOCK_TAGS | set(HEADING_LEVELS) | {"figure", "aside", "header", "footer"}  # a block holding these wraps
_SENTENCE_END = (*SENTENCE_ENDS, ")")  # a standfirst may end with a note in parentheses
_UNENDED_LEAD_WORDS = 15
_MIN_BOLD_LEAD = 80  # a standfirst set in bold as the body's first paragraph, not a sub-heading in bold


def lead_text(index: PageIndex, scope, headline, body=None, descriptions=()) -> str | None:
    """The standfirst of the article whose headline element is ``headline`` and body element ``body``;
    ``descriptions`` are the page's descriptions (``og:description``, ``<meta name="description">``...)."""
    descriptions = list(dict.fromkeys(d for d in descriptions if d))
    hinted = hinted_lead(index, scope, headline, body, descriptions) or subtitle_lead(headline)
    if hinted:
        return hinted
    openings: dict = {}  # the blocks' openings, read once for all the descriptions
    for description in descriptions:
        found = described_lead(headline, body, description, openings)
        if found:
            return found
    # no description, or one no block gives (the site's own)
    return opening_lead(headline, body) or bold_opening_lead(body)


def opening_lead(headline, body) -> str | None:
    """The text of the first block between the headline and the body, outside the body, that reads as a standfirst:
    a block of text alone (no block inside it), of 40 to 1,200 characters that reads as prose
    (:func:`_reads_as_prose`), that is no byline, no date line, no caption, credit, link or furniture. What the reader
    does not see (a line for screen readers, a hidden block: :func:`~.boilerplate.is_unseen`) is passed over."""
    if headline is None or body is None:
        return None
    pictured = False  # whether an image came after the headline: a block without a full stop is then its caption
    for element in following_elements(headline, _FOLLOWING, shown=True):
        if element is body:
            return None
        pictured = pictured or element.tag in PICTURE_TAGS
        if element.tag not in _OPENING_TAGS or holds(element, body) or holds(body, element):
            continue
        if any(isinstance(child.tag, str) and child.tag in _WRAPPED for child in element) or is_unseen(element):
            continue  # a wrapper (its blocks come next), or text the reader does not see
        text = element_text(element)
        if len(text) < _MIN_LEAD or BYLINE_LEAD.match(text) or SIGNED_LEAD.match(text) or has_date_label(text) \
                or is_furniture_line(text):
            continue  # a kicker, a byline, a date line, furniture (a newsletter's offer, a cookie notice)
        if len(text) <= _MAX_LEAD and _reads_as_prose(text, pictured) and precedes(element, body) \
                and _may_be_lead(element, text, headline, body) and not _beside_image(element) \
                and not _named_otherwise(element):
            return text
        if element.tag not in _OPENING_BLOCKS:
            continue  # a heading that says no sentence: the headline again, a kicker
        return None  # the first text after the headline is no standfirst: none further down is
    return None


def bold_opening_lead(body) -> str | None:
    """The body's first paragraph when it is set in bold alone, a sentence of ``_MIN_BOLD_LEAD`` characters or more
    ending with a full stop, before a paragraph that is not (``<p><strong>Le collectif a inauguré…</strong></p>``:
    French sites set their standfirst so, as the text's first paragraph; a page's description tells it too when it
    gives one, :func:`described_lead`). A question in bold opens an interview, no standfirst."""
    first = next((p for p in body.iter("p") if element_text(p)), None) if body is not None else None
    if first is None or not _in_bold_alone(first):
        return None
    text = element_text(first)
    following = next((p for p in first.itersiblings("p") if element_text(p)), None)
    if len(text) < _MIN_BOLD_LEAD or not text.endswith((".", "…")) or following is None or _in_bold_alone(following):
        return None
    return text


def _in_bold_alone(paragraph) -> bool:
    """Whether a paragraph's text is all in one bold element (``<p><strong>…</strong></p>``)."""
    return len(paragraph) == 1 and paragraph[0].tag in BOLD_TAGS and fills_alone(paragraph[0])


def _reads_as_prose(text: str, pictured: bool) -> bool:
    """Whether a block's text reads as a standfirst's prose: it ends as a sentence does, or, before any image after the
    headline (a caption ends with its credit: ``… — Picture by Yusof Mat Isa``), it is long enough for one without its
    full stop (``Penalties for those who refuse to self-isolate are to be increased…``, a subtitle):
    ``_UNENDED_LEAD_WORDS`` words or more, most in lower case (not a breadcrumb, a menu or a share bar's labels typed
    as text: ``Accueil > Actualités > Société > …``, ``Partager sur Facebook Partager sur Twitter …``)."""
    return text.endswith(_SENTENCE_END) or not pictured and len(text.split()) >= _UNENDED_LEAD_WORDS \
        and in_lower_case_mostly(text)


def described_lead(headline, body, description: str | None, openings: dict | None = None) -> str | None:
    """The text of the innermost block after the headline that the page's description opens (descriptions
    are often cut, or end with the author's name). None when no block matches, or when the block is the
    body's own first paragraph (the description is then an automatic excerpt of the body). ``openings`` keeps
    the reduced openings of the blocks read (:func:`_reduced_opening`) for the page's other descriptions."""
    openings = {} if openings is None else openings
    key = _description_key(description)
    if headline is None or not key:
        return None
    found = None
    around_body = {body, *body.iterancestors()} if body is not None else ()
    for element in following_elements(headline, _FOLLOWING, shown=True):
        if found is not None and not holds(found, element):
            break
        if element.tag not in LEAD_TAGS or element in around_body:
            continue
        opening = openings.get(element)
        if opening is None:  # "" for a list of paragraphs: not a lead, whatever it opens with
            opening = openings[element] = "" if _has_paragraphs(element) else _reduced_opening(element)
        if not opening.startswith(key[:_OPENING_KEY]):
            continue
        text = element_text(element)
        if len(text) <= _MAX_LEAD and reduced_text(text).startswith(key) \
                and _may_be_lead(element, text, headline, body):
            found = element
    if found is None:
        return None
    return None if opens_body(found, body) else element_text(found)


def _reduced_opening(element) -> str:
    """The reduced text (:func:`reduced_text`) of the element's opening, at least ``_OPENING_KEY`` characters of it when
    the element has them. Reducing works character by character, so that of the opening's first characters is the
    start of the whole one's: when it is already that long, the rest of a long first piece (a whole paragraph) is not
    reduced."""
    opening = opening_text(element, _OPENING_CHARS)
    start = reduced_text(opening[:_OPENING_CHARS])
    return start if len(start) >= _OPENING_KEY else reduced_text(opening)


def _named_otherwise(element) -> bool:
    """Whether a block or its parent is named as something else than a standfirst (a gallery's, an author's box) or
    as furniture (an advertisement's box), or is hidden; or its grandparent as something else than a standfirst
    (Blowfish's ``div.author > div > div`` of the author's biography)."""
    parent = element.getparent()
    if any(_named_otherwise_or_hidden(node) for node in (element, parent) if node is not None):
        return True
    grandparent = parent.getparent() if parent is not None else None
    return grandparent is not None and OTHER_THAN_LEAD_HINTS.search(hints(grandparent)) is not None


def _named_otherwise_or_hidden(node) -> bool:
    words = hints(node)
    return bool(OTHER_THAN_LEAD_HINTS.search(words) or NEGATIVE_HINTS.search(words)) or is_hidden(node)


def _beside_image(element) -> bool:
    """Whether a block is a caption (by its class) or the text of an image block (an image beside it)."""
    parent = element.getparent()
    return in_caption(element) or (
        parent is not None and any(child.tag in IMAGE_TAGS or child.tag == "picture" for child in parent))


def hinted_lead(index: PageIndex, scope, headline, body=None, descriptions=()) -> str | None:
    """The text of the first element after the headline with a standfirst class that comes before the body's text;
    of a later one when the page's ``descriptions`` open it and not the first (SPIP's subtitle, ``soustitre``, then
    its standfirst, ``chapo``, which the description gives)."""
    keys = tuple(key for key in map(_description_key, descriptions) if key)
    found = hinted_texts(index, scope, headline, body)
    first = next(found, None)
    if first is None or not keys or reduced_text(first).startswith(keys):
        return first
    return next((text for text in islice(found, _MAX_HINTED - 1) if reduced_text(text).startswith(keys)), first)


def _description_key(description: str | None) -> str:
    """The first ``_DESCRIPTION_KEY`` reduced characters of a description, which the standfirst it gives opens with;
    "" for a description shorter than a standfirst (it opens none)."""
    key = reduced_text(description or "")[:_DESCRIPTION_KEY]
    return key if len(key) >= _MIN_LEAD else ""


def hinted_texts(index: PageIndex, scope, headline, body=None):
    """The texts of the elements after the headline with a standfirst class that come before the body's text, in
    page order."""
    after = index.positions.get(headline, -1)
    headline_text = None  # read for the first element that may be the lead
    for hinted in index.matching(LEAD_HINTS):  # the position first: most of these elements are above the headline
        element = hinted.element
        if hinted.position < after or (element.tag not in LEAD_TAGS and "-" not in element.tag) \
                or (scope is not None and not is_inside(element, scope)):
            continue
        if NOT_LEAD_HINTS.search(hints(element)) or (body is not None and not before_body_text(element, body)):
            continue
        text = _without_label(element, element_text(element))
        if not _MIN_LEAD <= len(text) <= _MAX_LEAD:
            continue
        headline_text = element_text(headline) if headline_text is None else headline_text
        if not (headline_text and headline_text in text) and _may_be_lead(element, text, headline, body):
            yield text


def _without_label(element, text: str) -> str:
    """A standfirst's text without the label, the kicker or the image's credit in an element of its own opening it,
    after the image (``<p class="…chapo"><span class="…chapo-label">L'essentiel</span> Du 23 au 25 août…``, ``<span
    class="article__kicker">Reportage</span>``, ``<img><span class="app_entry_lead__credit">© …</span>``)."""
    first = _first_after_images(element)
    if first is None or not (LEAD_LABEL_HINTS.search(words := hints(first)) or KICKER_HINTS.search(words)
                             or CREDIT_HINTS.search(words)):
        return text
    label = element_text(first)
    return text[len(label):].strip() if label and text.startswith(label) else text


def _first_after_images(element):
    """The first element of `element` after the images opening it, when no text comes before it."""
    if (element.text or "").strip():
        return None
    for child in element:
        if child.tag not in IMAGE_TAGS:
            return child
        if (child.tail or "").strip():
            return None
    return None


def subtitle_lead(headline) -> str | None:
    """The first heading or paragraph after the headline inside its ``<hgroup>`` that is long enough for a standfirst
    (a short one is a kicker or a tagline)."""
    parent = headline.getparent() if headline is not None else None
    if parent is None or parent.tag != "hgroup":
        return None
    for element in headline.itersiblings():
        text = element_text(element) if element.tag in _SUBTITLE_TAGS else ""
        if _MIN_LEAD <= len(text) <= _MAX_LEAD and _may_be_lead(element, text, headline):
            return text
    return None


def _may_be_lead(element, text: str, headline, body=None) -> bool:
    """Not a caption, a credit, a list of paragraphs, a link or a teaser, nor furniture, or in a box a heading names so
    below the ``body`` and apart from the ``headline`` (``<h3>À lire aussi</h3>``, another story's summary under
    it)."""
    if CREDIT_MARK.search(text) or _has_paragraphs(element):
        return False
    if any(a.tag in ("figure", "figcaption", "picture", "a") for a in element.iterancestors()):
        return False
    links = sum(len(element_text(a)) for a in element.iter("a"))
    return links * 2 < len(text) and not in_furniture(element) and not in_headed_box(element, body, headline, {})


def _has_paragraphs(element) -> bool:
    """More than three ``<p>`` under the element (a list of paragraphs), counted up to the fourth."""
    return next(islice(element.iterdescendants("p"), _MAX_PARAGRAPHS, None), None) is not None
