"""Which element of a page is its headline: the ``<h1>`` that says one of the page's titles, else a heading or a
line of text that says one, never the site's own name (a logo, a banner, a link to the home page)."""

from __future__ import annotations

import re
from itertools import islice
from urllib.parse import urljoin

from newsarchive.dates import is_bare_date
from newsarchive.extraction.boilerplate import is_unseen
from newsarchive.extraction.furniture import in_furniture
from newsarchive.extraction.furniture_lines import is_furniture_heading
from newsarchive.extraction.heuristics import article_container, hints
from newsarchive.extraction.html import all_text, element_text, without_descendants
from newsarchive.extraction.images import links_to_a_page
from newsarchive.extraction.index import PageIndex
from newsarchive.extraction.metadata import is_site_name
from newsarchive.extraction.title_lines import TITLE_WORDS
from newsarchive.extraction.vocabulary.classes import KICKER_HINTS, LOGO_HINTS
from newsarchive.text import clean_text, reduced_text, without_outer_separators
from newsarchive.urls import is_home_address, is_variant_of, leads_to_a_place_of_the_page

_WORD = re.compile(r"\w")
_NOT_SHOWN_TITLES = frozenset({"title", "a", "option", "script", "style", "noscript", "textarea", "button"})
_PART_WORDS = 3  # words of a <title>'s part an <h2> may say as the headline, below an <h1> that says no title
_MAX_HEADINGS = 200  # headings read for one that opens with a title cut short (a page of thousands costs no more)


def headline_element(index: PageIndex, titles=(), site_names=(), parts=(), declared=()):
    """The headline's element: among the ``<h1>`` with text that are not a logo, the site's name nor furniture (a blog's
    name in Blogger's ``h1.title``, its posts' titles in ``<h3>``), the first that says one of the ``titles``
    (``og:title``, JSON-LD headline, ``<title>``) or of the ``<title>``'s ``parts`` (one that says a part only gives way
    to an ``<h2>``/``<h3>`` below that says a longer part: a blog's name over its post's title,
    :func:`_longer_part_below`), else the first inside ``<article>``/``<main>``, else the first; but when none says any,
    an ``<h2>``/``<h3>`` outside furniture that says one of the ``titles`` (or, below the ``<h1>``, a part of the
    ``<title>`` of ``_PART_WORDS`` words or more: ``Trifouilly - Le budget voté``), or when the one that says one says
    none of the headlines the page's data ``declared`` (JSON-LD, OpenGraph, microdata), an ``<h2>``/``<h3>`` that says
    one of those (a section's name in the page's ``<h1>`` and its ``<title>``, the article's title in an ``<h2>``:
    Joomla's page heading). Without such an ``<h1>``, the first ``<h1>``/``<h2>``/``<h3>`` that says one of the
    ``titles``, wherever it is (blog templates title their posts in ``<h3>``, under the blog's name and its day's
    header); else the first heading that opens with a title cut short (:func:`_saying_more`: the site's name in the only
    ``<h1>``, the article's title in an ``<h2>``); else the first ``<h1>`` with text that is not a logo; else, on a page
    without headings (an old site's table layout: ``<p class="titre"><b><font size="4">…</font></b></p>``), the first
    element whose text is a title (:func:`_showing_title`)."""
    candidates, first, every_title = [], None, [*titles, *parts]
    for h1 in index.by_tag["h1"]:
        text = element_text(h1)
        if not text or _is_site_title(h1) or is_site_name(text, site_names):
            continue
        first = first if first is not None else h1
        if not in_furniture(h1):
            candidates.append(h1)
    if candidates:
        # a section's name in an <h1> above the article's own ("Tribunes", then the headline) says no title
        saying = _saying(candidates, every_title)
        if saying is None:
            saying = _heading_saying(index, candidates[0], titles, parts)
        elif _saying([saying], titles) is None:  # the <h1> says a part of the <title> only: maybe the blog's name
            longer = _longer_part_below(index, saying, parts)
            saying = longer if longer is not None else saying
        elif declared and _saying([saying], declared) is None:
            below = _heading_saying(index, candidates[0], declared)
            saying = below if below is not None else saying
        if saying is None:
            saying = next((h1 for h1 in candidates if article_container(h1) is not None), None)
        if saying is None:  # each <h1> a box's title outside any article, none a title (SPIP's Escal: "Rubriques")
            saying = _showing_title(index, [*titles, _longest(parts)], site_names)
        return saying if saying is not None else candidates[0]
    headings = index.by_tag["h1"] + index.by_tag["h2"] + index.by_tag["h3"]
    found = _saying(headings, every_title)
    found = found if found is not None else _saying_more(headings, titles)
    if found is None and first is None:
        return _showing_title(index, [*titles, _longest(parts)], site_names)
    return found if found is not None else first


def _longest(parts):
    """The longest of the ``<title>``'s parts: a shorter one is a section's, a site's name."""
    return max(parts, key=lambda part: len(part or ""), default=None)


def _heading_saying(index: PageIndex, h1, titles, parts=()):
    """The first ``<h2>``/``<h3>`` outside furniture that says one of ``titles``; else the first after ``h1`` that
    says one of the ``<title>``'s ``parts`` of ``_PART_WORDS`` words or more (``Trifouilly - Le budget voté``, the
    site's name not known; a section's or a site's name is shorter: ``Actualités``, ``Vie locale``)."""
    headings = index.by_tag["h2"] + index.by_tag["h3"]
    found = _saying(headings, titles, outside_furniture=True)
    parts = [part for part in parts if part and len(part.split()) >= _PART_WORDS]
    if found is not None or not parts:
        return found
    start = index.positions[h1]
    below = sorted((heading for heading in headings if index.positions[heading] > start),
                   key=index.positions.__getitem__)
    return _saying(below, parts, outside_furniture=True)


def _longer_part_below(index: PageIndex, h1, parts):
    """An ``<h2>``/``<h3>`` after ``h1``, outside furniture, that says another part of the ``<title>`` in more words:
    the post's title under the blog's name that the ``<h1>`` says (``Le blog de Léa : Le budget adopté en conseil``,
    the site's name not known); else None."""
    words = len(element_text(h1).split())
    longer = [part for part in parts if part and len(part.split()) > max(words, _PART_WORDS - 1)]
    return _heading_saying(index, h1, (), longer) if longer else None


def headline_text(headline, page_url: str) -> str:
    """The headline element's text without the kicker that opens it as a link to another page (``<h1><a
    href="/news/politics/">Politics | </a><span>Le titre</span></h1>``): the section's name, not the title's words. A
    kicker classed so (``<span class="surtitre">``, ``topline``) stays, set apart from the title by a space where the
    two were glued (``<span class="kicker">Ahrtal-Flut</span><span>Zwei Rücktritte</span>``). What the reader does
    not see is left out (:func:`_without_unseen`)."""
    headline = _without_unseen(headline)
    if headline is None:
        return ""
    text = without_anchor_marks(headline, element_text(headline))
    first, kicker, rest = _opening(headline, text)
    if not rest:
        return text
    if _links_elsewhere(first, kicker, page_url) or is_bare_date(kicker):  # (a date: Bridge's "03 Sep")
        return without_outer_separators(rest) or text
    if KICKER_HINTS.search(hints(first)) and rest[0].isalnum():
        return f"{kicker} {rest}"
    return text


def without_anchor_marks(heading, text: str) -> str:
    """A heading's text without the mark of its link to itself at its start or end (Hugo's and Jekyll's themes,
    documentation tools: ``<h2>Le budget <a href="#le-budget">#</a></h2>``, ``¶``, ``🔗``): a mark of no letter."""
    for link in heading.iter("a"):
        mark = clean_text(all_text(link))
        if mark and leads_to_a_place_of_the_page(link.get("href")) and not any(map(str.isalnum, mark)):
            text = text.removesuffix(mark).removeprefix(mark).strip()
    return text


def _without_unseen(headline):
    """The headline element, or a copy of it without what its reader does not see: words for screen readers only
    (``<span class="sr-only">Article réservé aux abonnés</span>``) or hidden (an icon's drawing holds no text: the page
    drops it when it is read, :func:`.html.drop_drawings_text`). A hidden separator stays: it parts a kicker from the
    title as the page's title does (``<span class="visually-hidden">: </span>``)."""
    return headline if headline is None else without_descendants(headline, _unseen)


def _unseen(element) -> bool:
    if not isinstance(element.tag, str):
        return False
    return is_unseen(element) and _WORD.search(all_text(element)) is not None


def _links_elsewhere(element, text: str, page_url: str) -> bool:
    """Whether an element is one link to another page than the article, all of its text."""
    links = [element] if element.tag == "a" else element.findall(".//a")
    return len(links) == 1 and element_text(links[0]) == text and _leads_elsewhere(links[0].get("href"), page_url)


def _leads_elsewhere(href: str | None, page_url: str) -> bool:
    href = (href or "").strip()
    return bool(href) and not href.startswith("#") and not is_variant_of(urljoin(page_url, href), page_url)


def _showing_title(index: PageIndex, titles, site_names):
    """The first element of the body whose text, its own and whole, is one of ``titles`` (the site's name aside), and
    not a link nor furniture; widened to the block around it that shows nothing else (``<p class="titre">``, whose
    siblings follow)."""
    shown = [title for title in titles if title and not is_site_name(title, site_names)]
    wanted = _title_keys(shown)
    if not wanted:
        return None
    shortest, longest = min(map(len, shown)) // 2, 2 * max(map(len, shown))  # a text of another length is none
    for element in index.elements:
        own = (element.text or "").strip()
        if not shortest <= len(own) <= longest or element.tag in _NOT_SHOWN_TITLES or reduced_text(own) not in wanted:
            continue
        text = element_text(element)
        if reduced_text(text) in wanted and next(element.iterancestors("a", "head"), None) is None \
                and not in_furniture(element):
            while element.getparent() is not None and element_text(element.getparent()) == text:
                element = element.getparent()
            return element
    return None


def first_heading(index: PageIndex, body):
    """The first ``<h2>`` or ``<h3>`` with text before the body (``body``, the content root) that is not the site's
    name, furniture, a box's title or a link (another story's title): the headline of a page whose every title is
    its site's name and that has no ``<h1>``. None when there is none before the body (a heading of the body is
    none)."""
    if body is None:
        return None
    start = index.position(body)
    before = [heading for heading in index.by_tag["h2"] + index.by_tag["h3"] if index.positions[heading] < start]
    for heading in sorted(before, key=index.positions.__getitem__):
        linked = links_to_a_page(heading) or next(heading.iterancestors("a"), None) is not None  # a teaser's title
        text = element_text(heading)
        if text and not linked and not is_furniture_heading(text) and not _is_site_title(heading) \
                and not in_furniture(heading):  # ("Les plus lus": a box's title)
            return heading
    return None


def _is_site_title(heading) -> bool:
    """Whether a heading is the site's name: a logo, a link to the home page and nothing else (``<h1><a href="/">Le
    Journal</a></h1>``), or a heading in the site's banner (``role="banner"`` outside any ``<article>`` or
    ``<main>``: some themes mark an article's own header so)."""
    if LOGO_HINTS.search(hints(heading)) or _links_home(heading):
        return True
    in_banner = False
    for ancestor in heading.iterancestors():
        if ancestor.tag in ("article", "main"):
            return False
        in_banner = in_banner or ancestor.get("role") == "banner"
    return in_banner


def _links_home(heading) -> bool:
    """Whether a heading's text is one link, to the home page (``/``, ``https://le-journal.example/``)."""
    links = heading.findall(".//a")
    return len(links) == 1 and is_home_address(links[0].get("href")) and element_text(links[0]) == element_text(heading)


def _saying(headings, titles, outside_furniture: bool = False):
    """The first of ``headings`` whose text is one of ``titles`` (compared reduced), and not the site's name (nor in
    furniture, with ``outside_furniture``)."""
    wanted = _title_keys(titles)
    for heading in headings if wanted else ():
        text = element_text(heading)
        key = reduced_text(text)
        if (key in wanted or _ends_with_one(key, wanted) and reduced_text(_without_date(heading, text)) in wanted) \
                and not _is_site_title(heading) and not (outside_furniture and in_furniture(heading)):
            return heading
    return None


def _saying_more(headings, titles):
    """The first of ``headings`` outside furniture, not the site's title, whose text opens with one of ``titles`` of
    ``_PART_WORDS`` words or more and says more: a title cut short for search engines (``Le budget adopté après
    un long…``, ``Le budget adopté`` over ``Le budget adopté après un long débat``). Not a part of the ``<title>``: an
    article's sub-heading may open with its first (``Nordkorea: Kim Jong Un ist wieder da`` under ``Nordkorea: Kim
    Jong Un - Der Diktator ist zurück | Politik``)."""
    wanted = _title_keys(title.rstrip(" .…") for title in titles if title and len(title.split()) >= _PART_WORDS)
    for heading in islice(headings, _MAX_HEADINGS) if wanted else ():
        text = element_text(heading)
        key = reduced_text(text)
        if len(text.split()) <= TITLE_WORDS[1] and any(key.startswith(title) for title in wanted) \
                and not _is_site_title(heading) and not in_furniture(heading):
            return heading
    return None


def _ends_with_one(key: str, wanted: set[str]) -> bool:
    """Whether a heading's reduced text ends with one of the reduced titles (the cheap test before the date that may
    open it is looked for)."""
    return any(key.endswith(title) for title in wanted)


def _without_date(heading, text: str) -> str:
    """A heading's ``text`` without the date its first element writes alone (Bridge's ``<h2><span class="date">03
    Sep</span> Le titre</h2>``), else ""."""
    _, date, rest = _opening(heading, text)
    return rest if rest and is_bare_date(date) else ""


def _opening(heading, text: str) -> tuple[object, str, str]:
    """(the element that opens a heading, no text before it; that element's text; the rest of the heading's
    ``text`` after it), or (None, "", "") when no element opens it (or its text does not open the heading's)."""
    first = next(iter(heading), None) if heading is not None and not (heading.text or "").strip() else None
    if first is None or not isinstance(first.tag, str):
        return None, "", ""
    opening = element_text(first)
    if not opening or not text.startswith(opening):
        return None, "", ""
    return first, opening, text[len(opening):]


def _title_keys(titles) -> set[str]:
    """The titles reduced to letters and digits, as the texts compared with them are."""
    return {reduced_text(title) for title in titles if title} - {""}
