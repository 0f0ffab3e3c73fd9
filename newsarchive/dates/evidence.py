"""The kinds of evidence a page gives for its dates, their ranks, and the dates written in its URL and title.

A page's date is chosen by kind of evidence and closeness to the headline, never by document order alone
(:mod:`.choice`).  The ranks, strongest first (the README shows the same table):

====  ==============  ==========================================================================================
rank  kind            where
====  ==============  ==========================================================================================
0     ``site``        the site's own selector (a site profile or page class)
1     ``jsonld``      JSON-LD ``datePublished`` / ``dateCreated`` / ``uploadDate`` (``dateModified``)
1     ``opengraph``   ``article:published_time`` (``article:modified_time``)
2     ``meta``        ``<meta>`` and Dublin Core dates (``pubdate``, ``dc.date.issued``…), microdata ``datePublished``
3     ``microformat`` hAtom ``published`` / ``updated``, hCalendar ``dtstart`` (``<abbr title>``, ``datetime``)
3     ``header``      a ``<time>`` in the article header, around the headline
4     ``labelled``    a visible date with its label near the headline (``Publié le``, ``Mise en ligne``, ``Diffusé le``)
5     ``visible``     a visible date without a label in a date element near the headline (``p.date``, ``li``)
5     ``article``     a ``<time>`` elsewhere in the article
6     ``page``        a ``<time>`` elsewhere on the page, outside navigation, teasers, comments and footers
7     ``url``         a date in the URL path (``/2019/06/27/``, ``-20190627-``): the day only
8     ``title``       a date in ``og:title`` / ``<title>`` (``| 23.05.2011``): the day only
9     ``htmldate``    htmldate's day, asked only when nothing above reads as a date (:mod:`.lastresort`)
====  ==============  ==========================================================================================

Within a rank, the evidence closer to the headline wins.  A reading that hangs on the fetch time (``il y a 3
heures``, ``hier``, a day without a year) comes after every absolute one.
"""

from __future__ import annotations

from typing import NamedTuple

from newsarchive.dates.patterns import NUMERIC, URL_DATE, YEAR
from newsarchive.dates.scan import find_date_strings

RANKS = {
    "site": 0, "jsonld": 1, "opengraph": 1, "meta": 2, "microformat": 3, "header": 3, "labelled": 4,
    "created": 5, "visible": 5, "article": 5, "page": 6, "url": 7, "title": 8, "htmldate": 9,
}  # fmt: skip
# ("created": a <meta> creation date, Dublin Core's "DC.date.created": a draft's first save, which a labelled date the
# publisher shows outranks, Plone's "publié 12/03/2024 10:05" the day after; at distance 0 it comes first in its rank)
#: kinds the publisher shows to readers, as opposed to metadata and addresses
VISIBLE_KINDS = frozenset({"microformat", "header", "labelled", "visible", "article"})
METADATA_KINDS = frozenset({"site", "jsonld", "opengraph", "meta", "created"})
WEAK_KINDS = frozenset({"url", "title", "htmldate"})


class Evidence(NamedTuple):
    """One raw date a page gives: its kind (a key of :data:`RANKS`), the raw text, the record layer it counts
    as (``site``, ``jsonld``, ``opengraph``, ``meta`` or ``heuristic``) and its distance to the headline
    (elements between them; 0 for metadata)."""

    kind: str
    raw: object
    layer: str
    distance: int = 0

    @property
    def rank(self) -> int:
        return RANKS[self.kind]


def url_date(url: str | None) -> str | None:
    """The day written in a URL's path (``/2019/06/27/``, ``-20190627-``) as ``YYYY-MM-DD``; None when there is
    none, or several different ones."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0].split("://", 1)[-1].partition("/")[2]
    days = {f"{match['year']}-{match['month']}-{match['day']}" for match in URL_DATE.finditer(path)}
    return days.pop() if len(days) == 1 else None


def title_date(title: str | None) -> str | None:
    """The one date expression written in a title (``… | 23.05.2011``), or None. A day without its year is the
    article's subject (``Concours de pétanque du 14 juillet``, ``Fête du 1er mai``): read against the fetch time, it
    would give a date the page never wrote."""
    found = find_date_strings(title)
    if len(found) != 1 or not (YEAR.search(found[0]) or NUMERIC.search(found[0])):
        return None
    return found[0]
