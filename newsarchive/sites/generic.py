"""A news site nobody described: its article and section URLs judged by their shape alone.

In a listing (home or section page), a link is an article when its last path segment is a long slug
(at least three words: ``/la-reforme-des-retraites-adoptee``), carries an id (``titre-123.html``,
``/article/4567890``), follows a folder of single articles (``/post/bonjour``) or when its path holds a date followed
by something else (``/2025/08/06/titre``). A URL a sitemap or a feed lists is an article unless it is excluded. Excluded
everywhere: tag, author, search, login, subscription and newsletter pages, static files, media, and
non-HTML files. A section is a short path of plain words (``/politique/``, ``/actualites/economie/``,
``/category/france/``), possibly paginated. The default addresses of SPIP, Joomla, WordPress and Drupal, which name
their pages by a query or a number (``spip.php?article127``, ``rubrique12.html``,
``index.php?option=com_content&view=article&id=12``, ``/?p=123``, ``/node/12``), are told by their CMS's own words
(:func:`cms_kind`). Pure code: no Scrapy.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit

#: feeds looked for when nothing names them (relative to the site's home)
COMMON_FEED_PATHS = ("feed/", "rss", "rss.xml", "feed.xml", "atom.xml")

_EXCLUDED_SEGMENTS = frozenset({
    "tag", "tags", "etiquette", "etiquettes", "mot-cle", "mots-cles", "author", "authors", "auteur", "auteurs",
    "search", "recherche", "rechercher", "login", "logout", "connexion", "deconnexion", "se-connecter", "signin",
    "inscription", "register", "signup", "compte", "mon-compte", "account", "abonnement", "abonnements",
    "abonnez-vous", "subscribe", "newsletter", "newsletters", "feed", "feeds", "rss", "comments",
    "commentaires", "attachment", "embed", "oembed", "print", "imprimer", "panier", "cart", "checkout",
    "boutique", "shop", "produit", "produits", "product", "products",
    "wp-admin", "wp-content", "wp-includes", "wp-json", "cgi-bin",
})  # fmt: skip
_ASSET_FIRST_SEGMENTS = frozenset({
    "static", "assets", "media", "medias", "files", "fichiers", "uploads", "images", "img", "css", "js", "fonts",
    "cdn", "api",
})  # fmt: skip
# A folder whose every page is one article, whatever its slug's length (Wix's and Webflow's /post/<slug>)
_ARTICLE_FOLDERS = frozenset({"post", "article", "billet"})
_TAXONOMY_SEGMENTS = frozenset({"category", "categories", "categorie", "rubrique", "rubriques", "section", "sections"})
_INFO_PAGES = frozenset({
    "contact", "contacts", "nous-contacter", "mentions-legales", "qui-sommes-nous", "a-propos", "plan-du-site",
    "cgu", "cgv", "faq", "aide", "cookies", "confidentialite", "donnees-personnelles", "gestion-des-cookies",
    "rgpd", "publicite", "annonceurs", "recrutement", "emploi", "boutique", "partenaires", "credits",
    "accessibilite", "index", "accueil", "home",
})  # fmt: skip
_INFO_PREFIXES = ("politique-de-", "conditions-generales", "charte-")
_EXCLUDED_QUERY_KEYS = frozenset({"s", "q", "p", "query", "search", "recherche", "replytocom", "share", "print"})
_PAGINATION_QUERY_KEYS = frozenset({"page", "paged", "pg"})
_PAGE_EXTENSIONS = frozenset({"html", "htm", "shtml", "php", "asp", "aspx", "jsp"})
_EXTENSION = re.compile(r"\.([a-z0-9]{1,5})$")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_ID = re.compile(r"(?:^|[-_.,])(?P<prefix>[a-z]{0,3})(?P<number>\d{3,})$")
_DATE_IN_PATH = re.compile(
    r"/(?:19|20)\d{2}/(?:0?[1-9]|1[0-2])/(?:(?:0?[1-9]|[12]\d|3[01])/)?"  # /2025/08/06/ or /2025/08/
    r"|(?:^|[/_-])(?:19|20)\d{2}-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])(?:[/_-]|$)"  # 2025-08-06, 20250806
)
_SLUG = re.compile(r"[^\W_][\w-]*")
_LETTER = re.compile(r"[^\W\d_]")
_PAGE_NUMBER = re.compile(r"\d{1,4}")
# The default addresses of the CMSs of small sites, told by a query or a page's name rather than a slug: SPIP's articles
# and news items (spip.php?article127, ?page=article&id_article=127, article127.html, breve12.html), sections
# (?rubrique12, ?page=rubrique&id_rubrique=12, rubrique12.html) and other objects (?mot5: a tag; ?auteur3), Joomla's
# (index.php?option=com_content&view=article&id=12, view=category), WordPress's plain permalinks (/?p=123, /?cat=5),
# Drupal's addresses without an alias (_DRUPAL_PATHS).
_CMS_OBJECT = re.compile(r"(?P<object>article|breve|rubrique|mot|auteur|site|document)\d+")
_CMS_KINDS = {"article": "article", "breve": "article", "rubrique": "section"}  # SPIP's objects and ?page= values
_CMS_IDS = {"article": "id_article", "breve": "id_breve", "rubrique": "id_rubrique"}  # the id each ?page= needs
_JOOMLA_VIEWS = {"article": "article", "category": "section"}
# Drupal's addresses without an alias: /node/12 (after a language's folder: /fr/node/12), its edit and revision pages
# (/node/12/edit), a taxonomy term's list (/taxonomy/term/3), a member's page and a comment (/user/3, /comment/12).
_DRUPAL_PATHS = (
    (re.compile(r"node/\d+"), "article"), (re.compile(r"node/(?:\d+/.+|add(?:/.*)?)"), "other"),
    (re.compile(r"taxonomy/term/\d+"), "section"), (re.compile(r"(?:user|comment)/\d+(?:/.*)?"), "other"),
)
# WordPress's plain addresses of static pages, authors, tags, feeds, attachments and months (/?page_id=2, /?m=202403)
_WORDPRESS_PLAIN_OTHERS = frozenset({"page_id", "author", "tag", "feed", "attachment_id", "m"})
_SKIPPED_SITEMAP_TOKENS = frozenset({
    "tag", "tags", "category", "categories", "categorie", "author", "authors", "auteur", "auteurs",
})  # fmt: skip


def url_segments(url: str) -> tuple[list[str], dict[str, str]]:
    """The decoded, lower-cased path segments of ``url`` and its query arguments."""
    parts = urlsplit(url)
    segments = [unquote(segment).lower() for segment in parts.path.split("/") if segment]
    return segments, {name.lower(): value for name, value in parse_qsl(parts.query, keep_blank_values=True)}


def is_excluded(url: str) -> bool:
    """A page that is never an article nor a section: tags, authors, search, accounts, files..."""
    segments, query = url_segments(url)
    if query.keys() & _EXCLUDED_QUERY_KEYS and _wordpress_plain(segments, query) is None:
        return True
    if segments and segments[0] in _ASSET_FIRST_SEGMENTS:
        return True
    if any(segment in _EXCLUDED_SEGMENTS for segment in segments):
        return True
    extension = _extension(segments[-1]) if segments else None
    return extension is not None and extension not in _PAGE_EXTENSIONS


def is_listed_article(url: str) -> bool:
    """An entry of a sitemap or feed: an article unless excluded, the home page, a site information page or a CMS's
    address of something else (:func:`cms_kind`)."""
    segments, query = url_segments(url)
    if is_excluded(url):
        return False
    kind = cms_kind(segments, query)
    return kind == "article" if kind is not None else bool(segments) and not _is_info_page(segments[-1])


def cms_kind(segments: list[str], query: dict[str, str]) -> str | None:
    """``article``, ``section`` or ``other`` for a CMS's default address (:data:`_CMS_OBJECT`), told by its query or
    its page's name (``?page=forum&id_article=12``, the article's comment form, is ``other``); None for an address of
    another shape."""
    plain = _wordpress_plain(segments, query) or _drupal_path(segments)
    if plain is not None:
        return plain
    stem = _stem(segments[-1]) if segments else ""
    if "option" in query and stem == "index":  # Joomla
        return _JOOMLA_VIEWS.get(query.get("view"), "other") if "id" in query else "other"
    for name in (stem, *query):
        found = _CMS_OBJECT.fullmatch(name)
        if found:
            return _CMS_KINDS.get(found["object"], "other")
    if stem != "spip":
        return None
    page = query.get("page") or next((name for name, key in _CMS_IDS.items() if key in query), None)
    return _CMS_KINDS[page] if page in _CMS_IDS and _CMS_IDS[page] in query else "other"


def _wordpress_plain(segments: list[str], query: dict[str, str]) -> str | None:
    """What an address of WordPress's plain permalinks leads to (``/?p=123`` an article, ``/?cat=5`` a section, its
    static pages, authors, tags and feeds other), None for another address."""
    if segments not in ([], ["index.php"]) or not query:
        return None
    if query.get("p", "").isdigit():
        return "article"
    if query.get("cat", "").isdigit():
        return "section"
    return "other" if query.keys() & _WORDPRESS_PLAIN_OTHERS else None


def _drupal_path(segments: list[str]) -> str | None:
    """What a Drupal address without an alias leads to (:data:`_DRUPAL_PATHS`), None for another address."""
    path = "/".join(segments[1:] if segments and len(segments[0]) == 2 else segments)  # /fr/node/12
    return next((kind for pattern, kind in _DRUPAL_PATHS if pattern.fullmatch(path)), None)


def looks_like_article(url: str) -> bool:
    """A link of a listing that leads to an article (see the module docstring)."""
    segments, query = url_segments(url)
    if is_excluded(url):
        return False
    kind = cms_kind(segments, query)
    if kind is not None:
        return kind == "article"
    if not segments or query.keys() & _PAGINATION_QUERY_KEYS:
        return False
    if any(segment in _TAXONOMY_SEGMENTS for segment in segments[:-1]):
        return False
    last = segments[-1]
    stem = _stem(last)
    if _is_info_page(last):
        return False  # (after a date too: a blog's archive of a month, /archives/2024/03/index.html)
    if _has_dated_slug(segments):
        return True
    if len(segments) >= 2 and segments[-2] in _ARTICLE_FOLDERS and _SLUG.fullmatch(stem):
        return True  # /post/bonjour
    return _has_id(stem) or _word_count(stem) >= 3 or (_extension(last) is not None and _word_count(stem) >= 2)


def looks_like_section(url: str) -> bool:
    """A section page (``/politique/``, ``/actualites/economie/``, ``/category/france/page/2/``, ``/page/2/``)."""
    all_segments, query = url_segments(url)
    segments = _without_pagination(all_segments)
    if is_excluded(url):
        return False
    kind = cms_kind(all_segments, query)
    if kind is not None or query.keys() - _PAGINATION_QUERY_KEYS:
        return kind == "section"  # SPIP's ?rubrique12&debut_articles=10 is one of its pages
    if not segments:
        return bool(all_segments)  # the home page's own pagination
    taxonomy = segments[0] in _TAXONOMY_SEGMENTS
    if len(segments) > (3 if taxonomy else 2) or (taxonomy and len(segments) == 1):
        return False
    if _is_info_page(segments[-1]) or _DATE_IN_PATH.search("/" + "/".join(segments) + "/"):
        return False
    stems = [_stem(segment) for segment in segments]
    if not all(_SLUG.fullmatch(stem) for stem in stems):
        return False
    if any(word in _EXCLUDED_SEGMENTS for stem in stems for word in _words(stem)):
        return False  # /newsletter-quotidienne/, /abonnement-numerique/
    return not looks_like_article(url)


def is_taxonomy_sitemap(url: str) -> bool:
    """A sitemap of tags, categories, authors or static pages (``post_tag-sitemap.xml``, ``sitemap-pages.xml``)."""
    segments, _ = url_segments(url)
    tokens = re.split(r"[-_.]+", segments[-1]) if segments else []
    if set(tokens) & _SKIPPED_SITEMAP_TOKENS:
        return True
    return any(token in ("page", "pages") and not (following or "").isdigit()
               for token, following in zip(tokens, [*tokens[1:], None]))


def _extension(segment: str) -> str | None:
    match = _EXTENSION.search(segment)
    return match.group(1) if match else None


def _stem(segment: str) -> str:
    return _EXTENSION.sub("", segment) if _extension(segment) else segment


def _words(stem: str) -> list[str]:
    """The words of a slug (parts holding a letter): ``l-ete-2025-titre`` -> ``[l, ete, titre]``."""
    return [part for part in re.split(r"[-_]+", stem) if _LETTER.search(part)]


def _word_count(stem: str) -> int:
    return len(_words(stem))


def _has_id(stem: str) -> bool:
    match = _ID.search(stem)
    if match is None:
        return False
    number = match["number"]
    if len(number) == 4 and _YEAR.fullmatch(number):
        return False  # a year (/euro-2024/, /2025/) is no id
    return len(number) >= 5 or not match["prefix"]


def _has_dated_slug(segments: list[str]) -> bool:
    """A date in the path, followed by a segment that is not part of a date."""
    path = "/" + "/".join(segments) + "/"
    match = _DATE_IN_PATH.search(path)
    if match is None:
        return False
    rest = [segment for segment in path[match.end():].strip("/-_").split("/") if segment]
    return bool(_without_pagination(rest))


def _is_info_page(segment: str) -> bool:
    stem = _stem(segment)
    return stem in _INFO_PAGES or stem.startswith(_INFO_PREFIXES)


def _without_pagination(segments: list[str]) -> list[str]:
    if len(segments) >= 2 and segments[-2] == "page" and _PAGE_NUMBER.fullmatch(segments[-1]):
        return segments[:-2]
    return segments


class GenericRules:
    """The URL rules of a site of no known platform: the shapes above; see :mod:`newsarchive.sites.rules`."""

    platform = "generic"

    def link_kind(self, url: str) -> str:
        if looks_like_article(url):
            return "article"
        return "section" if looks_like_section(url) else "other"

    def is_listed_article(self, url: str) -> bool:
        return is_listed_article(url)

    def in_section(self, url: str, section: str) -> bool:
        """An article or section page under ``section``: ``politique`` holds ``/politique/2025/08/06/titre-123.html``,
        ``/politique/page/2/``, ``/category/politique/`` and ``/actualites/politique/``; never the home page."""
        segments, _ = url_segments(url)
        if looks_like_article(url):
            segments = segments[:-1]
        elif looks_like_section(url):
            segments = _without_pagination(segments)
        else:
            return False
        return section in segments and section not in _TAXONOMY_SEGMENTS

    def section_paths(self, section: str) -> tuple[str, ...]:
        """The home page (its links lead to the section wherever it lives) and the section's usual place."""
        return ("", f"{section}/")
