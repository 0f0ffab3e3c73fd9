"""Readers of JSON-LD and ``<meta>`` values (authors, images, breadcrumbs) and choices between readings."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsarchive.extraction.images import is_article_logo
from newsarchive.extraction.metadata import MAX_CRUMBS
from newsarchive.extraction.structured import StructuredData, type_names
from newsarchive.extraction.vocabulary.images import SITE_IMAGE_PATH
from newsarchive.text import clean_text, reduced_text

_TRUNCATED = re.compile(r"\s*(?:…|\.\.\.)$")
_ORGANISATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "organisation"})
# Second-level labels of public suffixes (``bbc.co.uk``, ``abc.net.au``, ``ville.gouv.fr``): no site's name.
_SECOND_LEVEL_SUFFIXES = frozenset({"co", "com", "net", "org", "gov", "gouv", "ac", "edu", "asso", "or", "ne", "go"})
# <meta> names of an article's authors, in order; Dublin Core and Highwire (citation_author) write the surname first.
_AUTHOR_META = (
    "author", "dc.creator", "dcterms.creator", "byl", "parsely-author", "sailthru.author", "citation_author",
)
_SURNAME_FIRST = frozenset({"dc.creator", "dcterms.creator", "citation_author"})


def first_text(value, *, numbers: bool = True) -> str | None:
    """The first non-empty string of a value that may be a string or a list (a number written out,
    unless ``numbers`` is false: a number is no headline)."""
    if isinstance(value, str):
        return clean_text(value) or None
    if isinstance(value, (list, tuple)):
        return next((text for text in (first_text(v, numbers=numbers) for v in value) if text), None)
    if numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def jsonld_author_names(data: StructuredData) -> list[str]:
    """Names of the article's JSON-LD authors: people first; organisations only when no person is named."""
    people: list[str] = []
    organisations: list[str] = []
    for item in _as_list(data.article_value("author", "creator")):
        item = data.resolve(item)
        if isinstance(item, str):
            people.append(item)
        elif isinstance(item, dict):
            name = _person_name(item)
            if name:
                (organisations if type_names(item) & _ORGANISATION_TYPES else people).append(name)
    return people or organisations


def meta_author_values(data: StructuredData) -> list[str]:
    """The ``<meta>`` authors' values, in :data:`_AUTHOR_META`'s order; Dublin Core's and Highwire's written surname
    first (``<meta name="dc.creator" content="Roy, Léa">``) as ``Léa Roy``."""
    return [_given_name_first(value) if name in _SURNAME_FIRST else value
            for name in _AUTHOR_META for value in data.meta_all(name)]


def _given_name_first(value: str) -> str:
    """``Roy, Léa`` as ``Léa Roy``, ``de La Tour, Marie-Ève`` as ``Marie-Ève de La Tour``: a value of one comma, one
    word after it (``Léa Roy, Paul Martin`` names two people)."""
    surname, comma, given = value.partition(",")
    if not comma or "," in given or len(given.split()) != 1 or not surname.strip():
        return value
    return f"{given.strip()} {surname.strip()}"


def _person_name(node: dict) -> str | None:
    name = node.get("name")
    if isinstance(name, list):
        name = first_text(name)
    if isinstance(name, str) and name.strip():
        return name
    parts = [node.get(key) for key in ("givenName", "familyName")]
    joined = " ".join(part for part in parts if isinstance(part, str))
    return joined or None


def publisher_names(data: StructuredData) -> list[str]:
    """Names of the JSON-LD WebSite, the article's publisher and the organisations of the page."""
    organisations = [n for n in data.jsonld_nodes if type_names(n) & _ORGANISATION_TYPES]
    return own_names(data) + _names(organisations)


def descriptions_of(data: StructuredData) -> list[str]:
    """The page's descriptions: ``og:description``, ``<meta name="description">``, ``twitter:description``,
    then the JSON-LD ``description`` of the article."""
    found = data.meta_all("og:description", "description", "twitter:description")
    described = first_text(data.article_value("description"))
    return found + [described] if described else found


def site_names(data: StructuredData, url: str) -> list[str]:
    """The names a site gives itself: ``og:site_name`` (and the like), its JSON-LD publisher and WebSite,
    its host name with and without the suffix (``journal.fr``, ``journal``), and for a subdomain the domain's name
    (``radio-canada`` for ``ici.radio-canada.ca``, ``journal`` for ``sport.journal.fr``, ``bbc`` for
    ``news.bbc.co.uk``)."""
    names = data.meta_all("og:site_name", "application-name", "twitter:site") + own_names(data)
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    labels = host.split(".")
    suffix = 2 if len(labels) > 2 and labels[-2] in _SECOND_LEVEL_SUFFIXES else 1  # "co.uk", "gouv.fr": two labels
    domain = labels[-suffix - 1:-suffix] if len(labels) > suffix + 1 else []
    return names + [host, labels[0], *domain]


def own_names(data: StructuredData) -> list[str]:
    """Names of the article's JSON-LD publisher and of the WebSite: the names the site gives itself."""
    return _names([data.resolve(data.article_value("publisher"))] + data.nodes_of_type("website"))


def _names(nodes: list) -> list[str]:
    names = []
    for node in nodes:
        name = node.get("name") if isinstance(node, dict) else None
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return names


def image_url_of(data: StructuredData, value) -> str | None:
    """The URL of a JSON-LD image value: a string, an ImageObject, a reference or a list of these."""
    for item in _as_list(value):
        item = data.resolve(item)
        if isinstance(item, str) and item.strip():
            return item.strip()
        if isinstance(item, dict):
            url = item.get("url") or item.get("contentUrl")
            if isinstance(url, list):
                url = first_text(url)
            if isinstance(url, str) and url.strip():
                return url.strip()
    return None


def own_image(url: str | None) -> str | None:
    """``url`` unless it is the site's image rather than the article's: its logo, or the default image it shares for
    every page (``…/images/logo.png``, ``/img/og-default.png``, ``default-share.jpg``, a placeholder); SPIP's logo of
    the article is its own (``IMG/logo/arton4127.jpg``)."""
    return None if url and SITE_IMAGE_PATH.search(urlsplit(url).path) and not is_article_logo(url) else url


def breadcrumb_names(data: StructuredData) -> list[str]:
    """The labels of the first JSON-LD BreadcrumbList of ``MAX_CRUMBS`` items at most, in position order."""
    for node in data.nodes_of_type("breadcrumblist"):
        items = _crumbs(data, node)
        names = [name for name in (_item_name(data, item) for item in items) if name]
        if names:
            return names
    return []


def jsonld_breadcrumb_parent(data: StructuredData, page_url: str) -> str | None:
    """The last JSON-LD breadcrumb item that links somewhere other than the page, the first (home) excluded."""
    page = page_url.split("#")[0].rstrip("/")
    for node in data.nodes_of_type("breadcrumblist"):
        items = _crumbs(data, node)
        inner = [item for item in items[1:] if _item_url(data, item) not in (None, page)]
        if inner:
            return _item_name(data, inner[-1])
    return None


def _crumbs(data: StructuredData, node: dict) -> list[dict]:
    """The items of a BreadcrumbList, in position order; none for a list of more than ``MAX_CRUMBS``."""
    listed = _as_list(node.get("itemListElement"))
    if len(listed) > MAX_CRUMBS:
        return []
    return sorted((data.resolve(item) for item in listed if isinstance(item, dict)), key=_position)


def _item_url(data: StructuredData, item: dict) -> str | None:
    target = data.resolve(item.get("item"))
    if isinstance(target, dict):
        target = target.get("@id") or target.get("url")
    return target.split("#")[0].rstrip("/") if isinstance(target, str) and target else None


def _position(item: dict) -> float:
    try:
        return float(item.get("position"))  # type: ignore[arg-type]  # None: the TypeError below
    except (TypeError, ValueError):
        return 0.0


def _item_name(data: StructuredData, item: dict) -> str | None:
    name = item.get("name")
    if not isinstance(name, str):
        target = data.resolve(item.get("item"))
        name = target.get("name") if isinstance(target, dict) else None
    return clean_text(name) if isinstance(name, str) else None


_DATELINE_WORDS = 4  # a town or a kicker before a headline in its structured form


def prefer_visible_headline(structured: str, visible: str) -> str:
    """The visible ``<h1>`` instead of a structured headline that is a cut form of it."""
    if not visible or not structured:
        return structured
    short, full = reduced_text(structured), reduced_text(visible)
    if not full or short == full:  # the same words; the typography shown (WordPress's "d’un" for "d'un") is the page's
        return visible if _straight(clean_text(visible)) == _straight(clean_text(structured)) else structured
    truncated = _TRUNCATED.search(structured)
    if truncated and full.startswith(reduced_text(structured[: truncated.start()])):
        return visible
    if full.startswith(short) and len(short) * 2 >= len(full):
        return visible  # the structured headline was cut
    return visible if _after_a_dateline(clean_text(structured), clean_text(visible)) else structured


def _straight(text: str) -> str:
    """A text with its typographic apostrophes written straight."""
    return text.replace("’", "'").replace("‘", "'")


def _after_a_dateline(structured: str, visible: str) -> bool:
    """Whether a structured headline is the visible one after a town the page shows apart, above it
    (``Villefranche-sur-Saône. Après deux ans…``: EBRA's papers): a few words closed by a full stop (a colon's
    opening, ``Nach Gaetz-Rückzug: …``, is a part of the headline)."""
    before = structured[: len(structured) - len(visible)]
    return structured.endswith(visible) and 0 < len(before.split()) <= _DATELINE_WORDS and before.rstrip().endswith(".")
