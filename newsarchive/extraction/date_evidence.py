"""Where a page gives its dates: the evidence of each kind, for :func:`newsarchive.dates.choose_date`.

The kinds and their ranks are those of :mod:`newsarchive.dates.evidence`: the site's selector, JSON-LD,
``article:*``, ``<meta>``/Dublin Core and microdata, hAtom/hCalendar microformats, ``<time>`` elements (in the article
header, elsewhere in the article, elsewhere on the page), visible dates near the headline (labelled or not), and the
dates written in the URL and the title.  Navigation, teaser lists, comments and footers give no evidence.  The
elements both dates are read from, and the reference time they are read against, are the page's
:class:`~newsarchive.extraction.date_context.DateContext`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import NamedTuple

from newsarchive.dates import (
    ChosenDate,
    Evidence,
    choose_date_at,
    find_date_strings,
    modified_in_line,
    split_published_modified,
    title_date,
    url_date,
    without_dates,
    writes_a_published_day,
)
from newsarchive.dates.lastresort import (
    a_month_alone,
    htmldate_evidence,
    written_as_modified_only,
    written_in_other_years,
)
from newsarchive.dates.patterns import TIME_ONLY, YEAR
from newsarchive.dates.reading import read_date_at
from newsarchive.extraction.date_context import DateContext
from newsarchive.extraction.shown_dates import MAX_DATE_TEXT
from newsarchive.extraction.fields import DATE
from newsarchive.extraction.furniture import without_furniture
from newsarchive.extraction.html import all_text, element_text
from newsarchive.extraction.selectors import read_field
from newsarchive.extraction.sourced import HEURISTIC, JSONLD, META, OPENGRAPH, SITE
from newsarchive.extraction.values import first_text
from newsarchive.extraction.vocabulary.classes import MICROFORMAT_MODIFIED, MICROFORMAT_PUBLISHED, PUBLISHED_HINTS
from newsarchive.text import clean_text, ends_as_sentence, without_pieces

PUBLISHED_META = (
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
    "date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
    "sailthru.date", "parsely-pub-date", "article.published", "og:pubdate",
    "dcterms:issued", "dc:date", "dcterms:date",  # RDFa (Drupal)
)
CREATED_META = ("dcterms.created", "dc.date.created", "datecreated", "dc:created", "dcterms:created")
MODIFIED_META = (
    "datemodified", "dc.date.modified", "dcterms.modified", "last-modified", "lastmod", "revised",
    "article.updated", "parsely-updated", "dc:modified", "dcterms:modified",
)
_WORD = re.compile(r"[^\W\d_]{3,}")
# A day written as an instant: Drupal's date-only field at noon UTC, a static site's day at midnight (JavaScript's
# toISOString(), Astro's blog: "2024-11-05T00:00:00.000Z")
_DAY_AS_AN_INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T(?:12|00):00:00(?:\.0+)?(?:Z|\+00:00)$")
_MAX_TIMES = 8
_NUMBERS = re.compile(r"\d+")
_DATE_NUMBERS = 3  # a day, a month, a year
_SENTENCE_WORDS = 5  # words of three letters or more besides its dates that a line of details holds at most


def chosen_date(page, modified: bool) -> ChosenDate | None:
    """The published (or modified) date of ``page`` chosen among its evidence by :func:`~newsarchive.dates.choose_date`
    (against the reference time and with the readings its two dates share); for the published date, htmldate's day
    when nothing else reads as a date (:func:`_last_resort_day`)."""
    last_resort = None if modified else lambda: _last_resort_day(page)
    context = page.date_context
    return choose_date_at(date_evidence(page, modified), context.reference, last_resort=last_resort,
                          readings=context.readings)


def _last_resort_day(page) -> Evidence | None:
    """htmldate's day, unless it is the day of the page's modified date, or one the page writes after a modified date's
    label only (a footer's): the update a page shows (``Mis à jour le 12 mars 2024``, its only date) says nothing of
    the day it was published; a day the page writes with another year only (a year htmldate misread); or the first of
    a month the page never writes (a month alone in an image's folder)."""
    pruned = without_furniture(page.doc, page.article_root)
    found = htmldate_evidence(pruned, page.url, page.fetched_at, HEURISTIC)
    if found is None:
        return None
    text, day, reference = all_text(pruned), str(found.raw), page.date_context.reference  # htmldate's ISO day
    if written_in_other_years(text, day) or written_as_modified_only(text, day, reference) \
            or a_month_alone(text, day, reference):
        return None
    updated = page.date_choice("modified")
    if updated is not None and (updated.value or "")[:10] == day:
        return None
    return found


def date_evidence(page, modified: bool) -> Iterator[Evidence]:
    """The evidence for the published (or modified) date of ``page``, strongest kinds first."""
    field, context = "modified" if modified else "published", page.date_context
    if page.selectors.get(field):
        value = read_field(page.selection, DATE, page.selectors[field])
        yield Evidence("site", _date_written_in(value, modified, context.reference), SITE)
    yield from _metadata(page.data, modified, context.reference)
    updated = _apart_from_updated(context)
    yield from _microformats(context, modified, updated.one_date)
    yield from _times(context, modified)
    yield from _visible_dates(context, context.shown if modified else updated.shown, modified)
    if not modified:
        day = url_date(page.url)
        if day:
            yield Evidence("url", day, HEURISTIC)
        og_title, title = page.data.meta_first("og:title"), page.data.title
        for text in (og_title, title) if title != og_title else (og_title,):  # the same text read once
            found = title_date(text)
            if found:
                yield Evidence("title", found, HEURISTIC)
                break


def visible_date(text: str, modified: bool, reference: datetime) -> str | None:
    """The published (or modified) part of a visible date text; a modified part that gives a time alone or a day
    without its year takes the published part's day or year (:func:`~newsarchive.dates.modified_in_line`)."""
    published, modified_part = split_published_modified(text)
    return modified_in_line(published, modified_part, reference) if modified else published


def _metadata(data, modified: bool, reference: datetime) -> Iterator[Evidence]:
    if modified:
        yield Evidence("jsonld", data.article_value("dateModified"), JSONLD)
        yield Evidence("opengraph", data.meta_first("article:modified_time", "og:updated_time", "article:modified"),
                       OPENGRAPH)
        yield Evidence("meta", data.meta_first(*MODIFIED_META), META)
        shown = first_text(data.microdata_values("dateModified"))
        yield Evidence("meta", _date_written_in(shown, True, reference), META)
        return
    yield Evidence("jsonld", data.article_value("datePublished", "dateCreated", "uploadDate"), JSONLD)
    yield Evidence("opengraph", data.meta_first("article:published_time", "og:published_time", "article:published"),
                   OPENGRAPH)
    yield Evidence("meta", data.meta_first(*PUBLISHED_META), META)
    shown = first_text(data.microdata_values("datePublished"))
    yield Evidence("meta", _date_written_in(shown, False, reference), META)
    created = data.meta_first(*CREATED_META)
    if created:  # (absent, it takes no place among the evidence read)
        yield Evidence("created", created, META)


def _date_written_in(value: str | None, modified: bool, reference: datetime) -> str | None:
    """A date value (a site selector's, a microdata property's) as it is when it reads as one; else, when it is the
    text an element shows, label and all (OceanWP's ``<li itemprop="datePublished"><span class="screen-reader-text">
    Publication publiée :</span>12 mars 2024</li>``, a site's selector on ``12 mars 2024 - 2 min de lecture``), the
    date written in it (the published or the modified one of a line that writes both)."""
    if not value or read_date_at(value, reference) is not None:
        return value
    dates = find_date_strings(value)
    if not dates or dates == [value]:
        return value
    if len(dates) == 1:
        return dates[0]
    published, modified_part = split_published_modified(value)
    return (modified_part if modified else published) or value


def _microformats(context: DateContext, modified: bool, one_date: bool) -> Iterator[Evidence]:
    """hAtom ``published``/``updated`` and hCalendar ``dtstart`` values (``<abbr title>``, ``datetime``, text). An
    element marked ``updated`` alone that writes the page's one shown date (``one_date``: MH Magazine's
    ``span.entry-meta-date updated``, Extra's ``span.updated``), no element dating the publication, dates the
    publication only; one marked both (``entry-date published updated``) beside one marked ``updated`` alone dates the
    publication only."""
    found = [(element, labelled, _microformat_dates(classes, element.get("itemprop"), labelled), distance)
             for element, classes, labelled, distance in context.microformats]
    one_date = one_date and not any(dates[0] for _, _, dates, _ in found)
    # a date marked both that another, marked updated alone, follows is the publication's (Sinatra's byline)
    updated_alone = any(dates == (False, True) for _, _, dates, _ in found)
    for element, labelled, dates, distance in found:
        if one_date and dates == (False, True) and not labelled:
            dates = (True, False)
        elif updated_alone and dates == (True, True):
            dates = (True, False)
        if dates[modified]:
            for value in _element_dates(element, modified, context.reference):
                yield Evidence("microformat", value, HEURISTIC, distance)


def _microformat_dates(classes: list[str], itemprop: str | None, labelled: bool) -> tuple[bool, bool]:
    """(whether a microformat element with these class words dates the publication, whether it dates a
    modification). ``updated`` beside a class that names the entry's date (``entry-date updated``: themes that
    mark their one date so, hAtom requiring ``updated``), or on an element whose microdata names the published date
    (Enfold's ``<time class="updated" itemprop="datePublished">``), and no ``published`` dates the publication only;
    one that a modification's label opens or comes right after (``labelled``: :func:`.date_context.labelled_modified`,
    read once with the element: :attr:`.DateContext.microformats`) dates a modification only, whatever its classes."""
    published, updated = not MICROFORMAT_PUBLISHED.isdisjoint(classes), not MICROFORMAT_MODIFIED.isdisjoint(classes)
    if (published or updated) and labelled:
        return False, True  # a modification's label before it or opening it, whatever its classes
    words = f"{' '.join(classes)} {itemprop or ''}".lower()
    if updated and not published and PUBLISHED_HINTS.search(words):
        return True, False
    return published, updated


class _Updated(NamedTuple):
    """What the elements that date a modification only (hAtom's ``updated``) say of a page's shown dates."""

    shown: list  # the shown texts the published date is read in
    one_date: bool  # whether those elements write the page's one shown date, not after a modified date's label


def _apart_from_updated(context: DateContext) -> _Updated:
    """The shown texts (:attr:`.DateContext.shown`) without the texts of the elements that date a modification only,
    when a date is still shown without them (Avada's hidden ``span.updated`` before the day its line shows); else
    all of them, and whether those elements then write the page's one shown date, not after a modified date's label
    (which says what it is: ``<span>Mis à jour le</span> <span class="updated">``)."""
    updated = _updated_texts(context)
    if not updated:
        return _Updated(context.shown, False)
    rest = [(distance, without_pieces(text, updated), labelled) for distance, text, labelled in context.shown]
    if any(writes_a_published_day(text) for _, text, _ in rest):  # (not "03:25", an audio's length; not "Mis à jour…")
        return _Updated(rest, False)
    modified_parts = [split_published_modified(text)[1] or "" for _, text, _ in context.shown]
    labelled = any(other in part for part in modified_parts for other in updated)
    return _Updated(context.shown, not labelled)


def _updated_texts(context: DateContext) -> list[str]:
    """The texts of the microformat elements that date a modification only and write a day with its year (not a time
    alone: ``<time class="updated">5:55 AM</time>`` after the day, a part of the one date a theme marks so)."""
    texts = [element_text(element) for element, classes, labelled, _ in context.microformats
             if _microformat_dates(classes, element.get("itemprop"), labelled) == (False, True)]
    return [text for text in texts if text and YEAR.search(text)]


def _times(context: DateContext, modified: bool) -> Iterator[Evidence]:
    """``<time>`` elements (microformats aside), nearest the headline first."""
    found: list[Evidence] = []
    for time, dates_modification, kind, distance in context.times:
        if dates_modification == modified:
            found.extend(Evidence(kind, value, HEURISTIC, distance)
                         for value in _element_dates(time, modified, context.reference))
    found.sort(key=lambda item: (item.rank, item.distance))
    return iter(found[: _MAX_TIMES * 2])


def _element_dates(element, modified: bool, reference: datetime) -> list[str]:
    """The dates an element gives: its machine-readable value (``datetime``, ``title``, ``content``) and its visible
    text.  Text written in words (``Publié le 29 juin 2019``) comes first: what the publisher shows outranks an
    attribute that says something else; numeric text (``06/07/2019``, read day-first) comes after the attribute.  The
    element is the kind of date asked (a ``span.updated`` for the modified date): without an attribute, its text
    without a label (``15 mars 2024``) is that date."""
    text = element_text(element)
    attribute = clean_text(element.get("datetime") or element.get("title") or element.get("content") or "")
    shown: str | None = None
    if text and len(text) <= MAX_DATE_TEXT:
        shown = visible_date(text, modified, reference) or (None if attribute else text)
    if shown and _DAY_AS_AN_INSTANT.search(attribute) and not TIME_ONLY.search(shown):
        attribute = attribute[:10]  # a day written as an instant stands for no time (the day shown has none)
    values: list[str | None] = [shown, attribute] if shown and _WORD.search(text) else [attribute, shown]
    return [value for value in values if value]


def _may_be_date(text: str) -> bool:
    return len(_NUMBERS.findall(text)) >= _DATE_NUMBERS or bool(find_date_strings(text))


def _day_in_a_sentence(text: str, part: str) -> bool:
    """Whether a text without a date's label is a sentence of the article that names a day without its year (its
    standfirst: ``Le préfet a placé le département en vigilance à compter du 12 mars.``: read as a date, the fetch
    would give the year), not a line of details: it ends as a sentence and holds more than ``_SENTENCE_WORDS`` words
    besides its dates."""
    if YEAR.search(part) or not ends_as_sentence(text, _SENTENCE_WORDS):
        return False
    return len(_WORD.findall(without_dates(text))) > _SENTENCE_WORDS


def _visible_dates(context: DateContext, shown: list, modified: bool) -> Iterator[Evidence]:
    """Dates shown near the headline (``shown``: :attr:`.DateContext.shown`, for the published date without the texts
    of the elements that date a modification only, :func:`_apart_from_updated`), nearest first. An unlabelled text is
    evidence only when it holds a date or a time, or numbers enough to be one in an unknown form
    (``2024年04月24日23:52``): a kicker such as ``Ligue 1`` near the headline is none; a labelled one is, whatever
    follows its label, so that a date that cannot be read is kept raw."""
    found = []
    for distance, text, labelled in shown:
        part = visible_date(text, modified, context.reference)
        if part and (labelled or _may_be_date(part) and not _day_in_a_sentence(text, part)):
            found.append(Evidence("labelled" if labelled else "visible", part, HEURISTIC, distance))
    found.sort(key=lambda item: (item.rank, item.distance))
    return iter(found)
