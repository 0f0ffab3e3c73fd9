"""What a page's published and modified dates share: the elements that may date the page, found once and placed
relative to the headline, one reference time and the readings of the raw date texts.

:class:`HeadlineGeometry` says where an element lies relative to the headline (how far from it, whether in the
article header); :class:`DateContext` holds, for both dates, the short texts that may show a date (read by
:mod:`.shown_dates`), the microformat and ``<time>`` elements, the reference time (the fetch time, else the current
time) and the readings memo. :mod:`newsarchive.extraction.date_evidence` turns them into the evidence of each date.
"""

from __future__ import annotations

import re
from functools import cached_property
from itertools import chain, islice

from newsarchive.dates import dates_an_event, writes_a_published_day
from newsarchive.dates.patterns import DIGIT, MODIFIED_LABEL, POSTED_BEFORE_FILED, POSTED_BY_AT, TIME_ONLY
from newsarchive.dates.reading import reference_time
from newsarchive.extraction.furniture import (
    in_article_aside,
    in_furniture,
    in_headed_box,
    in_news_strip,
    in_other_story,
)
from newsarchive.extraction.heuristics import HEADER_SPAN, HeadlineDistance, around_headline, hints
from newsarchive.extraction.html import all_text, element_text, is_inside, label_before
from newsarchive.extraction.index import labels_matching
from newsarchive.extraction.lead_body import in_caption
from newsarchive.extraction.listings import in_listing_item
from newsarchive.extraction.post_footer import posted_by
from newsarchive.extraction.shown_dates import (
    MAX_DATE_TEXT,
    MAX_LABEL_TEXT,
    dateline_of,
    near_headline,
    shown_text,
    shows_today,
)
from newsarchive.extraction.vocabulary.classes import (
    DATE_HINTS,
    DAY_HEADER_HINTS,
    MICROFORMAT_HINTS,
    MICROFORMAT_MODIFIED,
    MICROFORMAT_PUBLISHED,
    MODIFIED_HINTS,
    PUBLISHED_HINTS,
)
from newsarchive.text import clean_text, ends_as_sentence

# A permalink's title that gives its post's time alone (``10:21``, WordPress's French ``10 h 21 min``).
_PERMALINK_TIME = re.compile(rf"(?:{TIME_ONLY.pattern})(?:\s*min)?", re.IGNORECASE)
_HEADINGS = frozenset({"h2", "h3", "h4"})  # a blog's day header: Blogger's h2.date-header, Hautetfort's h2.date
# (a table's cell: when alone in its row, a line of an old layout, Joomla 1.5's ``td.createdate``; among others, a
# datum of a table)
_DATE_TAGS = frozenset({"span", "div", "p", "li", "small", "dd", "footer", "header", "address", "time", "abbr",
                        "aside", "td", "section"}) | _HEADINGS  # (Hugo Stack's "section.article-lastmod")
# The label just before a <time> element ("Mis à jour le <time …>", "Updated <time …>"), or opening its text.
_MODIFIED_LABEL = re.compile(rf"(?<!\w)(?:{MODIFIED_LABEL})\W*(?:le|on|at|à)?\s*$", re.IGNORECASE)
_OPENING_MODIFIED_LABEL = re.compile(rf"\W*(?:{MODIFIED_LABEL})(?!\w)", re.IGNORECASE)
_MICROFORMAT_DATES = MICROFORMAT_PUBLISHED | MICROFORMAT_MODIFIED
# The dates' microdata, read as metadata (date_evidence), no visible date (Enfold's hidden <span itemprop=…>).
_MICRODATA_DATES = frozenset({"datePublished", "dateModified"})
_MAX_NEAR_TEXT = 90  # an unlabelled line near the headline that may be a date
_MAX_BLOCKS = 12


class HeadlineGeometry(HeadlineDistance):
    """Where an element lies relative to the headline: its distance from it in document order
    (:class:`~.heuristics.HeadlineDistance`), and whether it is in the article around it (``scope``), and there in the
    header (the elements nearest the headline)."""

    def __init__(self, index, headline, doc):
        super().__init__(index, headline)
        self.scope = around_headline(doc, headline)

    def kind_of_time(self, element) -> str:
        """``header``, ``article`` or ``page`` for a ``<time>`` element."""
        inside = self.scope is not None and is_inside(element, self.scope)
        if inside and self.distance(self.index.positions.get(element)) <= HEADER_SPAN:
            return "header"
        return "article" if inside else "page"


class DateContext:
    """What the published and modified dates of a page share, read once for both: the elements that may show a
    date (placed by :attr:`geometry`), one reference time (``reference``) and the readings of the raw date texts."""

    def __init__(self, page):
        self.body = page.content_root  # (not the page itself: it holds this context, a cycle for the collector)
        self.geometry = HeadlineGeometry(page.index, page.title_element, page.doc)
        self.reference = reference_time(page.fetched_at, page.time_zone)  # resolved once, in the site's zone
        self.readings: dict = {}  # each raw date text read, for both dates (see choose_date_at)
        self._cards: dict = {}  # <article> -> whether it is another story's card (in_teaser)
        self._headed: dict = {}  # element -> whether a heading names it furniture (in_headed_box)

    @cached_property
    def shown(self) -> list[tuple[int, str, bool]]:
        """``(distance, text, labelled)`` of the short texts that may show a date: the date elements (``.date``,
        ``.meta``, ``.byline``) of the article, and the lines just before and after the headline (``ul.info > li``,
        ``Mise en ligne le …``)."""
        geometry, seen, found = self.geometry, set(), []
        # a block classed a date or details that holds the headline (Neve's "nv-title-meta-wrap": the headline and the
        # line of details): its text is the headline's, whose days are the story's subject; its dates have their own
        holding_headline = set(geometry.headline.iterancestors()) if geometry.headline is not None else ()
        for hinted in geometry.index.matching(DATE_HINTS, _DATE_TAGS, geometry.scope, limit=_MAX_BLOCKS * 4):
            seen.add(hinted.element)
            if hinted.element.get("itemprop") in _MICRODATA_DATES or hinted.element.tag == "td" \
                    and len(hinted.element.getparent()) > 1 or hinted.element in holding_headline:
                continue
            shown = None if self.in_teaser(hinted.element) else shown_text(hinted.element, MAX_DATE_TEXT,
                                                                            named_dates=True)
            if shown and self._in_headed_box(hinted.element):
                continue  # "<div><h4>Related Post</h4><div class="row">…<span class="mg-blog-date">"
            if shown and shows_today(hinted.element):  # the site's "date-du-jour"
                shown = None
            if shown and DAY_HEADER_HINTS.search(hinted.label):
                shown = self._with_posted_time(shown[0]), shown[1]
            elif shown:
                shown = _with_permalink_time(hinted.element, shown[0]), shown[1]
            if shown:
                found.append((geometry.distance(hinted.position), *shown))
                if len(found) >= _MAX_BLOCKS:
                    break
        header = self._day_header_above()
        if header is not None and header.element not in seen:  # Blogger's, above the post's container
            shown = shown_text(header.element, MAX_DATE_TEXT, named_dates=True)
            if shown:
                found.append((geometry.distance(header.position), self._with_posted_time(shown[0]), shown[1]))
        for distance, element in near_headline(geometry.headline):
            shown = None if element in seen else shown_text(element, _MAX_NEAR_TEXT)
            seen.add(element)
            if shown and (self._in_headed_box(element) or shows_today(element) or in_caption(element)):
                continue  # "<h3>Commentaires</h3><ul><li>Jean, 13 mars 2024 …", the site's "date-du-jour", a photo's
                # caption ("Entraînement du club, le 29 avril 2024 à Lille. (Julien Vasseur)")
            if shown and not shown[1] and (ends_as_sentence(shown[0]) or self._repeats_headline(shown[0])
                                           or dates_an_event(shown[0])):
                continue  # a sentence of a short text, unlabelled: "La prochaine séance aura lieu le 15 octobre 2024."
                # (or an event's: "Événement : du 15 au 20 avril 2024")
            if shown:
                found.append((distance, *shown))
        dateline = dateline_of(self.body)
        if dateline:
            found.append((HEADER_SPAN, dateline, False))
        if any(writes_a_published_day(text) for _, text, _ in found):
            return found
        return found + self._post_footer_line()  # none writes a day (a licence's "CC BY-SA 4.0"): the post's footer

    @cached_property
    def _headline_text(self) -> str:
        return element_text(self.geometry.headline)

    def _repeats_headline(self, text: str) -> bool:
        """Whether a text near the headline holds the headline's (a trail's last crumb): a day it names is the story's
        subject (``Concours de pétanque du 14 juillet``)."""
        return bool(self._headline_text) and self._headline_text in text

    def _in_headed_box(self, element) -> bool:
        geometry = self.geometry
        return in_headed_box(element, geometry.scope, geometry.headline, self._headed)

    def _post_footer_line(self) -> list[tuple[int, str, bool]]:
        """The signed and dated line of a blog post's footer (``Posté par Léa Roy le 12/03/2024 à 18:30``), when no
        text near the headline writes a day it was published on: a labelled date, far from it."""
        line = posted_by(self.geometry.scope)
        return [(HEADER_SPAN, line, True)] if line and DIGIT.search(line) else []

    def _day_header_above(self):
        """The last day header before the headline, wherever it is: an element classed a date header, or a heading
        classed a date (:data:`~.vocabulary.classes.DAY_HEADER_HINTS`; a ``span.date`` away from the headline may be
        another story's)."""
        origin, found = self.geometry.origin, None
        if origin is None:
            return None
        for hinted in labels_matching(DAY_HEADER_HINTS, self.geometry.index.matching(DATE_HINTS)):
            if hinted.position > origin:
                break
            if "header" in hinted.label or hinted.element.tag in _HEADINGS:
                found = hinted
        return found

    def _with_posted_time(self, text: str) -> str:
        """A day header's day with the time its post's footer gives (``03 avril 2016`` and ``Posté par Léa à 18:04``
        make ``03 avril 2016 à 18:04``), when the header gives no time and the post one."""
        clock = self.posted_time
        return f"{text} à {clock}" if clock and not TIME_ONLY.search(text) else text

    @cached_property
    def posted_time(self) -> str | None:
        """The time of the one ``Posté par X à 18:04`` (or ``18:45 Publié dans …``) line in the article around the
        headline, else None (none, or several: a page of posts)."""
        scope = self.geometry.scope
        if scope is None or scope.getparent() is None:  # the whole page: no article around the headline
            return None
        text = clean_text(all_text(scope))  # "Publié par <span>Léa</span>\n à 18:04": one line
        found = list(islice(chain(POSTED_BY_AT.finditer(text), POSTED_BEFORE_FILED.finditer(text)), 2))
        return text[found[0].start("hour"):found[0].end()] if len(found) == 1 else None

    @cached_property
    def microformats(self) -> list[tuple[object, list[str], bool, int]]:
        """``(element, class words, whether a modification's label says it: labelled_modified, distance)`` of the
        hAtom/hCalendar date elements outside the furniture.  Their class words (``published``, ``updated``,
        ``dtstart``) are date words too: they are among the elements with a date class word, and only those are
        searched."""
        geometry, found = self.geometry, []
        for hinted in labels_matching(MICROFORMAT_HINTS, geometry.index.matching(DATE_HINTS)):
            element = hinted.element
            classes = microformat_words(element)
            if not _MICROFORMAT_DATES.isdisjoint(classes) and not self.elsewhere(element):
                found.append((element, classes, labelled_modified(element), geometry.distance(hinted.position)))
        return found

    @cached_property
    def times(self) -> list[tuple[object, bool, str, int]]:
        """``(element, whether it dates a modification, kind, distance)`` of the ``<time>`` elements outside the
        furniture and the microformats."""
        geometry, found = self.geometry, []
        for time in geometry.index.by_tag["time"]:
            if MICROFORMAT_HINTS.search((time.get("class") or "").lower()) or self.elsewhere(time):
                continue
            found.append((time, _is_modified(time), geometry.kind_of_time(time),
                          geometry.distance(geometry.index.positions.get(time))))
        return found

    def elsewhere(self, element) -> bool:
        """Whether ``element`` lies in the page's furniture, in another story's card, in a strip of news flashes
        (:func:`~.furniture.in_news_strip`), in an item of a list of other pages outside the article
        (:func:`~.listings.in_listing_item`) or in a box a heading names as furniture (Twenty Twenty-Five's "Plus
        d’articles" in the <main> around the headline): its dates are not the article's. An ``<aside>`` of the
        article's own details (:func:`~.furniture.in_article_aside`) is no furniture, but for a link or an item in it
        (others')."""
        if in_furniture(element):
            return not in_article_aside(element) or next(element.iterancestors("a", "li"), None) is not None
        return self.in_teaser(element) or in_news_strip(element, self.body, self.geometry.headline) \
            or in_listing_item(element, self.geometry.scope) or self._in_headed_box(element)

    def in_teaser(self, element) -> bool:
        """Whether ``element`` is in another story's card that does not hold the body, as in a list of related
        stories under the article (:func:`~.furniture.in_other_story`)."""
        return in_other_story(element, self.body, self._cards)


def microformat_words(element) -> list[str]:
    """An element's lower-cased class words, and the BEM modifiers among them (``byline__date--updated``:
    ``updated``), where a microformat's word is looked for."""
    words = (element.get("class") or "").lower().split()
    return words + [word.rpartition("--")[2] for word in words if "--" in word]


def _is_modified(time) -> bool:
    label = hints(time) + " " + (time.get("itemprop") or "").lower()
    if MODIFIED_HINTS.search(label) and not PUBLISHED_HINTS.search(label):
        return True
    return labelled_modified(time)


def labelled_modified(element) -> bool:
    """Whether a date's element says a modification by its label, whatever its class: the label right before it
    (Kadence's ``<span>Mis à jour le</span><time class="published updated">``) or opening its own text (Publisher's
    ``<time class="post-published updated">Dernière mise à jour <b>29 mai 2024</b></time>``)."""
    return _OPENING_MODIFIED_LABEL.match(element_text(element)) is not None \
        or _MODIFIED_LABEL.search(label_before(element, MAX_LABEL_TEXT)) is not None


def _with_permalink_time(element, text: str) -> str:
    """A day shown alone in a link whose title is its post's time, with that time: Twenty Ten's ``<a title="10 h 21
    min" rel="bookmark"><span class="entry-date">20 juin 2019</span></a>`` is ``20 juin 2019 à 10 h 21 min``."""
    link = element if element.tag == "a" else element.getparent()
    title = (link.get("title") or "").strip() if link is not None and link.tag == "a" else ""
    if not title or TIME_ONLY.search(text) or not _PERMALINK_TIME.fullmatch(title):
        return text
    return f"{text} à {title}"
