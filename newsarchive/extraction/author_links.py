"""The author names a page gives by its links: ``rel="author"`` links, and the links to authors' pages
(``/auteur/lea-roy``) between the headline and the body."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsarchive.extraction.authors import cased_as_a_name, clean_authors, names_from_byline
from newsarchive.extraction.furniture import in_furniture
from newsarchive.extraction.html import element_text, label_before, spaced_text
from newsarchive.extraction.index import MAX_LINK_CANDIDATES, PageIndex
from newsarchive.extraction.vocabulary.classes import AUTHOR_PAGE, AUTHOR_QUERY
from newsarchive.extraction.vocabulary.labels import PHOTO_LABELS
from newsarchive.urls import is_home_address

MAX_NAME_LINK = 60  # a link's text that is a name
_MAX_LINKED_AUTHORS = 6  # links to authors' pages in an article: a few (a longer list is a page of bylines)


# A photo's label before a contributor's link: "Photos", "Photo :", "Illustrations"
_PHOTOGRAPHER_LABEL = re.compile(rf"(?:{PHOTO_LABELS})\s*:?\s*$", re.IGNORECASE)
_LABEL_CHARS = 30


def rel_author_names(index: PageIndex) -> list[str]:
    """The names the ``rel="author"`` links outside furniture say, cased as names: an author box's link to the
    author's archives (Twenty Twenty's ``Voir les archives →``) says none, a photographer's after a photo's label
    (Les Jours' credits, ``<li>Photos <a rel="author">…</a></li>``) is no author's."""
    texts = [spaced_text(a) for a in rel_author_links(index)  # "<h2>Léa Roy</h2><p>Staff"
             if not in_furniture(a) and not _PHOTOGRAPHER_LABEL.search(label_before(a, _LABEL_CHARS))]
    return [name for name in clean_authors(texts) if cased_as_a_name(name)]


def author_page_names(index: PageIndex, headline, body) -> list[str]:
    """The names of the links to authors' pages (``/auteur/lea-roy``, ``/authors/…``) between the headline and the
    body (``body``, the content root), each link a name: a byline of several links without a word between them
    (``<a>Léa Roy</a><a>Paul Martin</a>``, styled apart) reads as one name in its text. Links after the body's start
    are other stories' (a box of more stories by the site's writers)."""
    if headline is None or body is None:
        return []
    start, end = index.position(headline), index.position(body)
    links = [link for link in index.by_tag["a"] if start < index.positions[link] < end][:MAX_LINK_CANDIDATES]
    names = [element_text(link) for link in links if is_author_page_link(link)]
    return [name for name in names if cased_as_a_name(name)][:_MAX_LINKED_AUTHORS]  # not "View author archive"


def rel_author_links(index: PageIndex) -> list:
    """The ``rel="author"`` links but those to the home page (Jekyll's site title: the site, not an author)."""
    return [link for link in index.rel_links_with("author") if not is_home_address(link.get("href"))]


def is_author_page_link(link) -> bool:
    """Whether a link leads to an author's page (:data:`~.vocabulary.classes.AUTHOR_PAGE`) and says a name: a given
    name and a surname (not the initials of an avatar)."""
    if not leads_to_author_page(link):
        return False
    text = element_text(link)
    return bool(text) and len(text) <= MAX_NAME_LINK and len(text.split()) >= 2 and not in_furniture(link) \
        and bool(names_from_byline(text))


def leads_to_author_page(link) -> bool:
    """Whether a link leads to an author's page (:data:`~.vocabulary.classes.AUTHOR_PAGE`): ``/auteur/lea-roy/``, or
    an address that asks for an author's posts (WordPress's plain ``/?author=3``, Squarespace's ``?author=5f1a…``,
    SPIP's ``spip.php?auteur4``)."""
    address = urlsplit(link.get("href") or "")
    return AUTHOR_PAGE.search(address.path) is not None or AUTHOR_QUERY.search(address.query) is not None
