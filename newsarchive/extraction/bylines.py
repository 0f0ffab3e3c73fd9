"""The article's visible byline: an element classed as a byline, a ``rel="author"`` link, an ``<address>``, a ``Par X``
line after the headline or in the article's header, a blog post's footer (the names the authors' links give:
:mod:`.author_links`)."""

from __future__ import annotations

from itertools import islice

from newsarchive.dates import says_only_dates, writes_a_day
from newsarchive.extraction.authors import cased_as_a_name, names_from_byline, strip_name_prefixes
from newsarchive.extraction.author_links import (
    MAX_NAME_LINK,
    is_author_page_link,
    leads_to_author_page,
    rel_author_links,
)
from newsarchive.extraction.byline_lines import opens_byline
from newsarchive.extraction.furniture import (
    headed_as_furniture,
    in_article_aside,
    in_furniture,
    in_headed_box,
    in_other_story,
)
from newsarchive.extraction.heuristics import (
    HEADER_SPAN,
    HeadlineDistance,
    around_headline,
    article_container,
    following_elements,
    hints,
)
from newsarchive.extraction.html import (
    LINE_TAGS,
    element_text,
    holds_few_nodes,
    is_inside,
    is_quoted_text,
    spaced_text,
)
from newsarchive.extraction.index import PageIndex
from newsarchive.extraction.listings import under_other_title
from newsarchive.extraction.post_footer import posted_by
from newsarchive.extraction.signed_lines import (
    MAX_LINE_DESCENDANTS,
    NOT_BYLINE_TAGS,
    line_of_co_signers,
    only_byline_word,
    signed_text,
)
from newsarchive.extraction.taxonomy import is_category_address
from newsarchive.extraction.vocabulary.classes import (
    AUTHOR_ICON_HINTS,
    BYLINE_HINTS,
    NOT_BYLINE_HINTS,
    TAG_PATH,
)
from newsarchive.extraction.vocabulary.labels import BYLINE_WORD, SIGNED_LEAD, TAG_LABEL
from newsarchive.text import spaced_pieces, without_outer_separators

_MAX_BYLINE_TEXT = 160
_FOLLOWING_HEADLINE = 40  # elements after the headline where its byline may be (the header, before the text)
_HEADLINE_SIBLINGS = 6  # the headline's next siblings where its "Par X" line may be
_LINE_ELEMENTS = 12  # elements of a byline's line at most (its names, links, a date)
_MAX_CANDIDATES = 50  # byline elements read, best first
_MAX_ICONS = 10  # authors' icons read: a page lists its teasers' authors after its own


def byline_text(index: PageIndex, headline=None, body=None) -> str | None:
    """The raw text of the byline element (``by Sara``, ``Par Jean Dupont``), without the separators at its ends
    (``Par Jean Dupont -``, before a date the line shows apart); ``body`` is the article's body element."""
    text = (_hinted_byline(index, headline) or _rel_author_byline(index) or _address_byline(index)
            or _byline_after_headline(headline) or _byline_in_article_header(index)
            or _byline_following_headline(headline, body) or _byline_by_icon(index, headline)
            or posted_by(around_headline(index.doc, headline)))
    return without_outer_separators(text) or None if text else None


def _hinted_byline(index: PageIndex, headline=None) -> str | None:
    """The text of the best element classed as a byline, not in another story's card
    (:func:`~.furniture.in_other_story`)."""
    origin = index.positions.get(headline) if headline is not None else None
    ranked = sorted(  # the best first, then those in the headline's header, then the first in the page
        (_byline_rank(hinted.label), origin is not None and abs(hinted.position - origin) > HEADER_SPAN,
         hinted.position, hinted.element)
        for hinted in index.matching(BYLINE_HINTS) if hinted.element.tag not in NOT_BYLINE_TAGS
    )
    cards: dict = {}  # <article> -> whether it is another story's card, read once for all the elements in it
    candidates = {element for *_, element in ranked}
    for *_, element in islice(ranked, _MAX_CANDIDATES):
        if NOT_BYLINE_HINTS.search(hints(element)) or in_furniture(element) and not in_article_aside(element) \
                or in_other_story(element, headline, cards) or _links_to_tags(element) or _in_quotation(element):
            continue
        # a date's label alone is no byline (Twenty Ten's "meta-prep-author": "Publié le"), nor a byline's label alone
        # ("<span class='author-label'>Auteur :</span>"): the name is in the next element classed so
        text = signed_text(line_of_co_signers(element))
        if text and len(text) <= _MAX_BYLINE_TEXT and not says_only_dates(text, labelled=True) \
                and not only_byline_word(text) and strip_name_prefixes(text).strip(" :") and not TAG_LABEL.match(text) \
                and not (_holds_a_candidate(element, candidates) and not opens_byline(text)  # "1 day ago Share"
                         and not names_from_byline(text)):  # gives way to the byline element in it
            return text
    return None


def _in_quotation(element) -> bool:
    """Whether an element is a quotation's (the DSFR's ``figure.fr-quote > figcaption > p.fr-quote__author``): the one
    quoted, no byline."""
    return any(map(is_quoted_text, element.iterancestors()))


def _links_to_tags(element) -> bool:
    """Whether an element's links all lead to tags (``rel="tag"``, a tag page): Blogger's labels line, classed
    ``byline post-labels`` as its author's line is."""
    links = list(islice(element.iter("a"), _LINE_ELEMENTS))
    return bool(links) and all("tag" in (link.get("rel") or "").split() or TAG_PATH.search(link.get("href") or "")
                               for link in links)


def _holds_a_candidate(element, candidates: set) -> bool:
    """Whether another element classed as a byline lies in ``element`` (among its first descendants)."""
    return any(inner in candidates for inner in islice(element.iterdescendants(), MAX_LINE_DESCENDANTS))


def _byline_rank(label: str) -> int:
    """Which byline element to prefer: an explicit byline, a signature, an author element, microdata."""
    ranked = (("byline",), ("signature",), ("author", "auteur", "createdby"))  # (Joomla's dd.createdby)
    return next((rank for rank, words in enumerate(ranked) if any(word in label for word in words)), 3)


def _rel_author_byline(index: PageIndex) -> str | None:
    for link in rel_author_links(index):
        if not in_furniture(link):
            parent_text = spaced_text(link.getparent())
            return parent_text if len(parent_text) <= _MAX_BYLINE_TEXT else element_text(link)
    return None


def _address_byline(index: PageIndex) -> str | None:
    for address in index.by_tag["address"]:
        text = spaced_text(address)
        if text and len(text) <= _MAX_BYLINE_TEXT and not in_furniture(address):
            return text
    return None


def _byline_after_headline(headline) -> str | None:
    """The first of the headline's next siblings that signs (``Par X``, a ``Par X`` item of ``ul.info``, ``Texte :
    X``), not a box a heading names furniture (another story's under ``<h3>À lire aussi</h3>``)."""
    for element in islice(headline.itersiblings(), _HEADLINE_SIBLINGS) if headline is not None else ():
        shown = element_text(element)
        if (BYLINE_WORD.search(shown) or SIGNED_LEAD.match(shown)) and not headed_as_furniture(element):
            text = signed_text(element)
            if len(text) <= _MAX_BYLINE_TEXT and opens_byline(text):
                return text
    return None


def _byline_following_headline(headline, body=None) -> str | None:
    """Among the elements that follow the headline in the page, up to the end of ``body``: the first short line that
    opens as a byline (``<p>Von <a>Johannes Knuth</a></p>``, ``Written by Ana Sandoiu`` in a block of its own), else the
    text of the first link to an author's page (``/auteur/lea-roy``, ``/author/…``, Substack's and Medium's ``/@lea``)
    that is a name (a page that writes the name alone: ``<a href="https://substack.com/@juliencaze">Julien
    Cazé</a>``); outside furniture. The elements are walked once for both; those after the body are other stories'
    (``<h3>À lire aussi</h3>…<p>Par Marc Dupuis</p>`` under a short text)."""
    if headline is None:
        return None
    linked, in_body, headed = None, False, {}  # (headed: whether each ancestor is a box a heading names furniture)
    for element in following_elements(headline, _FOLLOWING_HEADLINE, shown=True):  # (not an ad's empty slots)
        if body is not None:
            if is_inside(element, body):
                in_body = True
            elif in_body:
                break  # past the body's end
        if element.tag == "a" and linked is None and is_author_page_link(element):
            linked = element_text(element)
        if element.tag not in LINE_TAGS or not holds_few_nodes(element, _LINE_ELEMENTS):
            continue  # a block of many elements (the body) is no line: its text is not read
        text = element_text(element)
        if not text or len(text) > _MAX_BYLINE_TEXT or in_furniture(element) \
                or in_headed_box(element, None, headline, headed) or under_other_title(element, headline):
            continue
        if opens_byline(text) and not _opens_with_a_category_link(element, text):
            return signed_text(element)
        piece = _signed_piece(text)
        if piece:
            return piece
    return linked


def _opens_with_a_category_link(line, text: str) -> bool:
    """Whether a line opens with a link to a category's or a tag's page (``<a href="/category/faits-divers/">Faits
    Divers</a> • 3 septembre 2024``): the article's category before its date, no author's names."""
    link = next(line.iter("a"), None)
    if link is None or not text.startswith(element_text(link) or "\0"):
        return False
    href = link.get("href") or ""
    return is_category_address(href) or TAG_PATH.search(href) is not None


def _byline_by_icon(index: PageIndex, headline) -> str | None:
    """The text of the line that an author's icon opens near the headline, when it is a name (``<span><i class="fa
    fa-user"></i> Léa Roy</span>`` in a theme's line of details: :data:`~.vocabulary.classes.AUTHOR_ICON_HINTS`), not
    a link to another page than an author's."""
    if headline is None:
        return None
    placed = HeadlineDistance(index, headline, found=True)
    for hinted in index.matching(AUTHOR_ICON_HINTS, limit=_MAX_ICONS):
        line = hinted.element.getparent()
        if line is None or hinted.position <= placed.origin or placed.distance(hinted.position) > _FOLLOWING_HEADLINE \
                or in_furniture(line) or _links_elsewhere(line):
            continue
        text = element_text(line)
        if text and len(text) <= MAX_NAME_LINK and names_from_byline(text) == [strip_name_prefixes(text)] \
                and cased_as_a_name(text):
            return text
    return None


def _links_elsewhere(line) -> bool:
    """Whether a line is a link, or in one, to another page than an author's (``<a href="/connexion"><i class="fa
    fa-user"></i> Mon Compte</a>``: the reader's account)."""
    link = line if line.tag == "a" else next(line.iterancestors("a"), None)
    return link is not None and not leads_to_author_page(link)


def _signed_piece(line: str) -> str | None:
    """The one piece of a line of details that opens as a byline, after another piece, else None: pieces parted by bars
    (``Créé le 12 mars 2024 | Écrit par Léa Roy | Affichages : 123``), or by dashes or bullets in a line that writes a
    day, the piece's names cased as names (``Vie locale – Par Léa Roy – 12 mars 2024``; an incise of a sentence, ``Le
    maire – par ailleurs président – a…``, is none)."""
    signed = [piece for piece in map(str.strip, line.split(" | ")[1:]) if opens_byline(piece)]
    if not signed and writes_a_day(line):
        signed = [piece for piece in spaced_pieces(line)[1:] if opens_byline(piece) and _names_cased(piece)]
    return signed[0] if len(signed) == 1 else None


def _names_cased(byline: str) -> bool:
    """Whether a byline gives names, each cased as a name."""
    names = names_from_byline(byline)
    return bool(names) and all(map(cased_as_a_name, names))


def _byline_in_article_header(index: PageIndex) -> str | None:
    """The ``Par X`` line of an article's ``<header>`` (Drupal's ``node__meta``, a theme's entry header)."""
    for header in index.by_tag["header"]:
        if article_container(header) is None or in_furniture(header) or not BYLINE_WORD.search(spaced_text(header)):
            continue
        text = signed_text(header)
        if len(text) <= _MAX_BYLINE_TEXT and opens_byline(text):
            return text
    return None
