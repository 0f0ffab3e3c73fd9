"""Generic readers of an article's category in the visible page: links, classed elements, its section's folder (lines
that write it after a label: :mod:`.category_lines`; breadcrumbs: :mod:`.breadcrumbs`; tags: :mod:`.tags`)."""

from __future__ import annotations

import re
from itertools import islice
from urllib.parse import urljoin, urlsplit

from lxml import etree

from newsarchive.extraction.furniture import in_furniture, in_other_story
from newsarchive.extraction.html import element_text, is_inside
from newsarchive.extraction.index import MAX_LINK_CANDIDATES, PageIndex
from newsarchive.extraction.metadata import without_hashtag
from newsarchive.extraction.vocabulary.classes import (
    CATEGORY_CLASS_WORDS,
    CATEGORY_HINTS,
    CATEGORY_PATH,
    CATEGORY_PATH_WORDS,
    CATEGORY_QUERY,
    TAG_PATH,
)
from newsarchive.extraction.vocabulary.furniture_wording import BACK_LINK
from newsarchive.extraction.vocabulary.labels import CATEGORY_LABEL, WRITTEN_CATEGORY
from newsarchive.text import ends_as_sentence, folded_reduced_text, holds_any
from newsarchive.urls import same_site

MAX_SECTION_CHARS = 40  # a section's name, not a sentence
_MAX_CLASSED = 8  # elements classed as the article's category read, and links read in each
_MEMBER_MARKS = frozenset("@~")  # the first mark of a member's folder (Medium's /@claire/…, /~claire/)
MIN_NAMED = 4  # letters a link's text and a folder's name share at least when one opens the other
_ABSOLUTE = ("/", "http:", "https:")  # an address whose path is written whole (not "./" or "../")
_LEADING_ARTICLE = re.compile(r"^(?:(?:les|le|la|the|our|nos?)\s+|l['’]\s*)")  # "Le blog", "Nos articles": kinds
_CONTENT_KINDS = frozenset({  # no section
    "post", "posts", "blog", "article", "articles", "page", "pages", "single", "episode", "episodes", "épisodes",
})
_ARCHIVE_FOLDERS = frozenset({"archive", "archives"})  # a list of all the posts (a newsletter's), no section
SECTION_META = ("section", "category", "article-section", "parsely-section")  # <meta> names of a page's section

# Elements whose class holds a word of CATEGORY_HINTS (a query in C: most pages have none)
_CATEGORY_CLASSED = etree.XPath(
    "descendant-or-self::*[" + " or ".join(f"contains(@class, '{word}')" for word in CATEGORY_CLASS_WORDS) + "]"
)


def category_link_text(index: PageIndex) -> str | None:
    """The first ``rel="category"`` link of the article (WordPress themes mark category links so)."""
    for link in index.rel_links_with("category"):
        text = element_text(link)
        if text and not in_furniture(link):
            return text
    return None


def classed_category_text(scope, headline, page_url: str) -> str | None:
    """The text of the link to the site's pages in the elements of the article (``scope``) classed as its category
    (``span.category-name``, ``div.post-category``, ``span.cat-links``), outside furniture and other stories' cards,
    when they hold one such link: a list of several (a parent category, then its subcategories and others: tagDiv's
    ``li.entry-category``) names none of them as the article's. A link marked ``rel="tag"`` is one in such an element
    (WordPress's term lists: Kadence's ``span.category-links``), not when classed so itself (Plone's subjects,
    ``a.link-category``). Without such a link, the one name such elements write without a link
    (:func:`_written_name`)."""
    if scope is None:
        return None
    cards: dict = {}  # <article> -> whether it is another story's card, read once for all the elements in it
    texts: set[str] = set()
    unlinked: set[str] = set()  # the texts of those that link nowhere, read without a linked one
    classed = (element for element in _CATEGORY_CLASSED(scope)  # its class as written: "category-name" is no modifier
               if CATEGORY_HINTS.search((element.get("class") or "").lower()))
    for element in islice(classed, _MAX_CLASSED):
        if in_furniture(element) or in_other_story(element, headline, cards):
            continue
        links = list(islice(element.iter("a"), _MAX_CLASSED))
        texts.update(without_hashtag(element_text(link)) for link in links
                     if same_site(urljoin(page_url, link.get("href") or ""), page_url)
                     and (link is not element or not says_tag(link)))
        if not links:
            unlinked.add(_written_name(element))
    texts = texts - {""} or unlinked - {""}
    text = texts.pop() if len(texts) == 1 else None
    return text if text and len(text) <= MAX_SECTION_CHARS else None


def _written_name(element) -> str:
    """The name an element classed as a category writes without a link (a town hall's ``p.heading__category``,
    ``Culture``; TYPO3's ``Catégorie : Environnement``, after its label), else "" (a label alone, a sentence)."""
    text = element_text(element)
    written = WRITTEN_CATEGORY.match(text)
    if written:
        return written.group("name")
    return "" if CATEGORY_LABEL.search(text) or text.endswith(":") or ends_as_sentence(text, 1) else text


def says_tag(link) -> bool:
    """Whether a link says it leads to a tag and not to a category: ``rel="tag"`` (Plone's subjects after ``Classé
    sous :``), where WordPress writes ``rel="category tag"`` for a category (after a label that names a category,
    ``Catégories :``, Jekyll's Minimal Mistakes marks its categories ``rel="tag"`` too)."""
    rel = (link.get("rel") or "").lower().split()
    return "tag" in rel and "category" not in rel


def article_section_link_text(container, headline, root, body, page_url: str) -> str | None:
    """A link to the page's section in ``container``, the ``<article>``/``<main>`` around the ``headline``; without
    one, in the article ``root``'s header, outside the ``body`` (a page builder's post: Elementor's
    ``div[data-elementor-type=single-post]``; Dotclear's ``div.post``)."""
    if container is not None:
        return section_link_text(container, page_url)
    if root is None or headline is None or root is body or not is_inside(headline, root):
        return None
    return section_link_text(root, page_url, body=body)


def named_section(value: str | None) -> str | None:
    """A section's name the metadata give, but the name of a kind of page (Hugo's ``article:section`` ``post``, the
    content's folder)."""
    return None if value is None or _LEADING_ARTICLE.sub("", value.strip().casefold()) in _CONTENT_KINDS else value


def section_link_text(container, page_url: str, body=None) -> str | None:
    """The text of the first link in the article's ``container`` (outside its ``body``, not to a tag's page) to the
    section the page is filed under: a folder of the page's own address (``/tribunes/`` for
    ``/tribunes/les-jardins-partages/``), not a date archive (``/2024/03/``) nor the home page, or a category page of
    the site (``/category/societe/``). Kickers above headlines and a post's line of details link so: among the
    container's first ``MAX_LINK_CANDIDATES`` links (a page of 10,000 links costs no more). A folder named as a kind of
    page (Hugo's ``/posts/``, ``Articles``) names none: a link after it may (``/categories/culture/``)."""
    if container is None:
        return None
    folders = _folders(urlsplit(page_url).path)
    names = {folder.rsplit("/", 1)[-1] for folder in folders}
    for link in islice(container.iterdescendants("a"), MAX_LINK_CANDIDATES):
        href = (link.get("href") or "").strip()
        if not href or href.startswith(_ABSOLUTE) and not holds_any(href, names) \
                and not holds_any(href.lower(), CATEGORY_PATH_WORDS):
            continue  # most links: an address that names none of the folders nor a category, told without parsing it
        if body is not None and is_inside(link, body) or TAG_PATH.search(href):
            continue  # a link in the text (``tous nos articles <a href="/category/sport/">sport</a>``), or to a tag's
            # page (Drupal's terms of its tags: ``<a href="/category/tags/musique" rel="tag">``)
        target = urljoin(page_url, href)
        if leads_to_its_section(href, page_url, folders) or is_category_address(target) and same_site(target, page_url):
            text = element_text(link)
            if text and len(text) <= MAX_SECTION_CHARS and not BACK_LINK.fullmatch(text) and named_section(text):
                return text  # (not "Retour au blog", nor a kind of page's folder: "Articles")
    return None


def leads_to_its_section(href: str, page_url: str, folders: set[str] | None = None) -> bool:
    """Whether a link leads to a folder of the page's own address that may be its section (``/territoire/`` for
    ``/territoire/la-passerelle/``; not a date archive, nor a list filtered by a query: ``/actualites?author=5f1``, the
    author's stories); ``folders``, the page's (:func:`_folders`), when the caller has them at hand."""
    target = urljoin(page_url, href)
    address = urlsplit(target)
    folders = _folders(urlsplit(page_url).path) if folders is None else folders
    return not address.query and _is_folder_of(address.path.strip("/"), folders) and same_site(target, page_url)


def menu_section_text(links, page_url: str) -> str | None:
    """The text of a link anywhere on the page (the site's menu) to a folder of the page's own address, or to the
    category page of that name (``/category/politique/``), that the text names (``Politique`` for ``/politique/…``,
    ``Économie`` for ``/economie/les-prix/…``), the highest such folder: the main section the page is filed under
    (``Football`` rather than ``2014-Brésil`` for ``/football/coupe-du-monde/2014-bresil/…``). A link whose text
    names another thing (``Startseite`` for ``/aktuell/``, ``Latest`` for ``/news/``) is none. Among the page's first
    ``MAX_LINK_CANDIDATES`` links."""
    folders = {folder: folded_reduced_text(folder.rsplit("/", 1)[-1]) for folder in _folders(urlsplit(page_url).path)
               if _is_section_folder(folder)}
    if not folders:
        return None
    by_name = {folder.rsplit("/", 1)[-1].lower(): folder for folder in folders}
    best, best_depth = None, None
    for link in islice(links, MAX_LINK_CANDIDATES):
        href = (link.get("href") or "").strip()
        if not href or not holds_any(href.lower(), by_name):
            continue  # most links: an address that names none of the folders, told without parsing it
        folder = _folder_of_link(href, page_url, folders, by_name)
        depth = folder.count("/") + 1 if folder else 0
        if not folder or best_depth is not None and depth >= best_depth:
            continue
        text = element_text(link)
        if text and len(text) <= MAX_SECTION_CHARS and _names(folded_reduced_text(text), folders[folder]):
            best, best_depth = text, depth
    return best


def _folder_of_link(href: str, page_url: str, folders: dict, by_name: dict) -> str | None:
    """The page's folder a link leads to (its own address, or the category page of its name), or None."""
    if href.startswith("/") and not href.startswith("//"):  # most menus: a path of the site, read without parsing
        target, path = None, href.partition("#")[0].partition("?")[0]
    else:
        target = urljoin(page_url, href)
        path = urlsplit(target).path
    folder = path.strip("/")
    if folder not in folders and is_category_address(path):  # /category/vie-locale/ for /vie-locale/…
        folder = by_name.get(folder.rsplit("/", 1)[-1].lower(), "")
    if folder not in folders or target is not None and not same_site(target, page_url):
        return None
    return folder


def _names(text: str, folder: str) -> bool:
    """Whether a link's text names a folder: the same letters, or one opening the other (``Techno`` and
    ``technologies``, ``Vie locale`` and ``vie-locale-et-region``)."""
    if not text or not folder:
        return False
    return text == folder or min(len(text), len(folder)) >= MIN_NAMED and (
        text.startswith(folder) or folder.startswith(text))


def is_category_address(href: str) -> bool:
    """Whether an address leads to a category page of a site (``/category/culture/``: :data:`CATEGORY_PATH`), or to a
    list filtered on a category (``/actualites?category=Vie+locale``: :data:`CATEGORY_QUERY`)."""
    if not holds_any(href.lower(), CATEGORY_PATH_WORDS):
        return False
    address = urlsplit(href)
    return CATEGORY_PATH.match(address.path) is not None or CATEGORY_QUERY.search(address.query) is not None


def _is_folder_of(path: str, folders: set[str]) -> bool:
    """Whether ``path`` is one of the page's ``folders`` and a section's (:func:`_is_section_folder`)."""
    return path in folders and _is_section_folder(path)


def _is_section_folder(path: str) -> bool:
    """Whether a folder may be a section: no date archive (``2024/03``), list of all the posts (Buttondown's
    ``/archive/``) nor a member's pages (Medium's ``@claire``, ``~claire``: a person, not a section)."""
    return not any(part.isdigit() or part[:1] in _MEMBER_MARKS for part in path.split("/")) \
        and path.rsplit("/", 1)[-1].casefold() not in _ARCHIVE_FOLDERS


def _folders(path: str) -> set[str]:
    """The folders above a page's path, without slashes around: ``a/b/slug`` -> ``{"a", "a/b"}``; not a member's folder
    above its blog (Mediapart's ``/martine-royer/blog/…``: a person, not a section)."""
    parts = path.strip("/").split("/")
    return {"/".join(parts[:end]) for end in range(1, len(parts)) if parts[end] != "blog"}
