"""Is the page an article? Metadata or a signed and dated headline that say so, and the signs of a list of articles."""

from __future__ import annotations

from collections import Counter
from itertools import islice, takewhile
from urllib.parse import urljoin

from newsarchive.dates.evidence import VISIBLE_KINDS
from newsarchive.extraction import heuristics
from newsarchive.extraction.html import all_text, element_text, is_inside
from newsarchive.extraction.images import links_to_a_page
from newsarchive.extraction.structured import LISTING_TYPES
from newsarchive.extraction.vocabulary.labels import ERROR_PAGE_TITLE
from newsarchive.sites.generic import looks_like_article
from newsarchive.text import word_count
from newsarchive.urls import same_site

_LISTING_PAGE_TYPES = LISTING_TYPES - {"itemlist"}  # (an ItemList says so when it lists pages: _lists_pages)
_LISTING_TEASERS = 5
_ROWS_SHARE = 0.8  # the teasers' share of the body's rows, and the rows' of its elements
_TITLE_WORDS = 3  # words of a teaser's title at least (a time's or a "Lire la suite" link is none)
_MAX_HEADINGS = 200  # headings read for the teasers' words (a page of thousands costs no more)
_TEASER_DEPTH = 6  # ancestors of a teaser's title up to its block
_MIN_BODY_WORDS = 150
_MIN_BRIEF_WORDS = 25  # a brief's few sentences
_SHOWN_DATE_KINDS = frozenset({"labelled", "header", "microformat"})  # a date the page shows as its own


def has_article_signals(page) -> bool:
    """True when the page's metadata says it is an article (JSON-LD, ``og:type``, ``article:*``, microdata of an
    article; not of ``_LISTING_TEASERS`` articles or more: Joomla's category blog marks each teaser a
    ``BlogPosting``)."""
    data = page.data
    og_type = (data.meta_first("og:type") or "").lower()
    return bool(
        data.article is not None or og_type == "article" or data.meta_first("article:published_time")
        or data.microdata and len(data.article_items) < _LISTING_TEASERS
    )


def has_signed_and_dated_headline(page) -> bool:
    """True when the headline has a byline and its publication date shown as an article's (``Par La rédaction –
    Publié le 18/06/2014 à 17h02``, a ``<time>`` of the article header, an hAtom ``published``) among the elements
    around it: a list of articles shows neither under its title."""
    return bool(page.value("byline")) and _shows_its_date(page, _SHOWN_DATE_KINDS)


def is_dated_at_an_article_address(page) -> bool:
    """True when the page shows its date near its headline at an article's address
    (:func:`~newsarchive.sites.generic.looks_like_article`): a post of no text (a photo's, a video's) is an article."""
    return looks_like_article(page.url) and _shows_its_date(page, VISIBLE_KINDS)


def _shows_its_date(page, kinds: frozenset[str]) -> bool:
    """Whether the page's publication date is one of ``kinds`` of evidence, among the elements around its headline."""
    chosen = page.date_choice("published")
    evidence = chosen.evidence if chosen and chosen.value else None
    return evidence is not None and evidence.kind in kinds and evidence.distance <= heuristics.HEADER_SPAN


def listing_reason(page, body_words: int) -> str | None:
    """Why the page looks like a list of articles (home, section, tag page), or None.

    Without article metadata (``og:type`` website is not enough to tell: many articles say so) nor a signed and dated
    headline (:func:`has_signed_and_dated_headline`), a page is a listing when its JSON-LD says so, or when it shows
    many article teasers and little body text (its standfirst counted) besides their excerpts, unless it is a brief
    (:func:`_is_a_brief`: a short news item among the site's teasers is an article all the same), or when its body is
    a list of teasers (:func:`_teaser_rows`).
    """
    if has_article_signals(page) or has_signed_and_dated_headline(page):
        return None
    body_words += word_count(page.value("lead") or "")  # (the standfirst is the story's text too)
    teasers = heuristics.teaser_count(page.index)
    teasers_words = _teasers_words(page.index, page.content_root) if teasers >= _LISTING_TEASERS else 0
    body_words = max(body_words - teasers_words, 0)  # (their titles, dates and links are no body words)
    if _says_listing(page.data) or (teasers >= _LISTING_TEASERS and body_words < _MIN_BODY_WORDS
                                              and not (teasers_words == 0 and _is_a_brief(page, body_words))):
        return f"listing page ({teasers} teasers, {body_words} body words)"
    rows = _teaser_rows(page.content_root, page.url)
    if rows:
        return f"listing page ({rows} teasers in the body)"
    return None


def _says_listing(data) -> bool:
    """Whether the page's JSON-LD says it lists pages: a collection, search results or a profile page, or a list
    of items but of one (Tumblr gives a post's page an ``ItemList`` of that post alone)."""
    return data.has_type(_LISTING_PAGE_TYPES) or any(_lists_pages(node) for node in data.nodes_of_type("itemlist"))


def _lists_pages(item_list: dict) -> bool:
    """Whether a JSON-LD ``ItemList`` lists other than one item (two or more, or none given)."""
    items = item_list.get("itemListElement")
    return not isinstance(items, (list, dict)) or isinstance(items, list) and len(items) != 1


def _is_a_brief(page, body_words: int) -> bool:
    """Whether a page of few words over teasers none of which lies in its body is a brief (a short news item of a
    small site among its latest stories): a few sentences (``_MIN_BRIEF_WORDS``), a date shown near its headline, and
    an article's address (:func:`~newsarchive.sites.generic.looks_like_article`) or teasers in boxes that a heading
    names as furniture, apart from it (``<h2>Derniers articles</h2>``: a section's page, its introduction over its
    latest stories, shows no date of its own)."""
    if body_words < _MIN_BRIEF_WORDS:
        return False
    return is_dated_at_an_article_address(page) or _shows_its_date(page, VISIBLE_KINDS) and heuristics.teaser_count(
        page.index, page.content_root, page.headline_element) < _LISTING_TEASERS


def error_reason(page, body_words: int) -> str | None:
    """Why the page is an error's or a notice's page served as a page (a "soft 404"), or None: its headline says so
    (:data:`~.vocabulary.labels.ERROR_PAGE_TITLE`: ``Page introuvable``, ``Erreur 404``, ``Site en maintenance``) and
    its text is short (``Page introuvable : le site de la mairie piraté``, told at length, is an article)."""
    headline = page.value("headline") or ""
    if body_words < _MIN_BODY_WORDS and ERROR_PAGE_TITLE.search(headline):
        return f"error page ({headline})"
    return None


def _teasers_words(index, root) -> int:
    """The words of the body's teasers: the block of each linked heading in the body (``root``) that holds no other
    (Joomla's category blog: ``div.items-row`` with its title, date and excerpt); a heading among others in one block
    (an article's sub-headings that are links) is its own block."""
    if root is None:
        return 0
    headings = [heading for heading in islice(index.by_tag["h2"] + index.by_tag["h3"], _MAX_HEADINGS)
                if links_to_a_page(heading) and is_inside(heading, root)]
    chains = {heading: _below(heading, root) for heading in headings}
    holding = Counter(ancestor for chain in chains.values() for ancestor in chain)
    blocks = set()
    for heading, chain in chains.items():
        block = heading
        for ancestor in chain:
            if holding[ancestor] > 1:
                break
            block = ancestor
        blocks.add(block)
    return sum(word_count(all_text(block)) for block in blocks)


def _below(element, root) -> list:
    """The element's first ancestors below ``root``, nearest first."""
    return list(takewhile(lambda ancestor: ancestor is not root, islice(element.iterancestors(), _TEASER_DEPTH)))


def _teaser_rows(root, page_url: str) -> int:
    """How many teasers the body is a list of (a section's page with its articles' excerpts: SPIP's
    ``ul.liste-items > li.item``, a Drupal view's ``div.views-row``), else 0: ``_LISTING_TEASERS`` rows or more of one
    kind, nearly all its elements, each opening with a link to another of the site's pages that says a title."""
    rows = [child for child in root if isinstance(child.tag, str)] if root is not None else []
    if len(rows) < _LISTING_TEASERS:
        return 0
    kind, count = Counter((row.tag, row.get("class")) for row in rows).most_common(1)[0]
    if count < _ROWS_SHARE * len(rows):
        return 0
    teasers = sum(1 for row in rows if (row.tag, row.get("class")) == kind and _opens_with_title_link(row, page_url))
    return teasers if teasers >= _LISTING_TEASERS and teasers >= _ROWS_SHARE * count else 0


def _opens_with_title_link(row, page_url: str) -> bool:
    """Whether a row's first link, before any paragraph, leads to another of the site's pages and says a title."""
    for element in row.iter("a", "p"):
        if element.tag == "p":
            return False
        href = urljoin(page_url, element.get("href") or "")
        return same_site(href, page_url) and href != page_url and word_count(element_text(element)) >= _TITLE_WORDS
    return False
