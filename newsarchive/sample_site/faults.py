"""Bad-input pages: wrong encodings, broken HTML, error statuses, loops, oversized and invalid pages.

They answer by URL whatever the site's options; ``--with-faults`` also links them from
``/category/tests/`` (and lists that archive in the footer and the category sitemap). No sitemap
or feed ever lists the pages themselves.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from itertools import cycle, islice

from newsarchive.sample_site import frenchdates as fd
from newsarchive.sample_site.corpus import ArticleWriter
from newsarchive.sample_site.model import Article, Section
from newsarchive.sample_site.render.article import article_page
from newsarchive.sample_site.render.listing import error_page
from newsarchive.sample_site.responses import HTML, Response

#: name -> path of each bad-input page
FAULT_PATHS = {
    "windows-1252": "/tests/article-windows-1252/",
    "wrong-charset": "/tests/article-mauvais-charset/",
    "truncated": "/tests/article-tronque/",
    "empty": "/tests/article-vide/",
    "no-headline": "/tests/article-sans-titre/",
    "not-found": "/tests/article-introuvable/",
    "gone": "/tests/article-supprime/",
    "server-error": "/tests/erreur-serveur/",
    "redirect-loop": "/tests/boucle-a/",
    "redirect-loop-b": "/tests/boucle-b/",
    "oversized": "/tests/article-geant/",
    "bad-date": "/tests/date-impossible/",
}

#: name -> what the page does
FAULT_DESCRIPTIONS = {
    "windows-1252": "200, article encoded in windows-1252, Content-Type text/html without charset, no <meta charset>",
    "wrong-charset": "200, article encoded in windows-1252 while the header and <meta> both say UTF-8",
    "truncated": "200, article HTML cut in the middle of a tag inside the body",
    "empty": "200, text/html, empty body",
    "no-headline": "200, article page without <title> text, h1, og:title or JSON-LD headline",
    "not-found": "404 with the theme's error page",
    "gone": "410 with the theme's error page",
    "server-error": "500 on every request",
    "redirect-loop": "302 to redirect-loop-b, which redirects back here",
    "redirect-loop-b": "302 to redirect-loop",
    "oversized": "200, a valid article page larger than the site's oversized_bytes (6 MiB by default)",
    "bad-date": "200, article whose dates (meta, JSON-LD, <time>, visible text) say 30 February at 25:61",
}

WINDOWS_1252_HEADLINE = "Crédit d’impôt : l’État prévoit « une réforme » pour les ménages modestes"
BAD_ISO_UTC = "2025-02-30T25:61:00+00:00"
BAD_ISO_LOCAL = "2025-02-30T26:61:00+01:00"
BAD_LONG_DATE = "lundi 30 février 2025 à 25h61"
CONTENT_FAULTS = ("windows-1252", "wrong-charset", "truncated", "no-headline", "oversized", "bad-date")


class FaultPages:
    """The answers of the :data:`FAULT_PATHS` for one site."""

    def __init__(self, site):
        self.site = site
        self._by_path = {path: name for name, path in FAULT_PATHS.items()}
        self._articles: dict[str, Article] = {}
        self._oversized_body: bytes | None = None

    def respond(self, path: str) -> Response | None:
        name = self._by_path.get(path)
        if name is None:
            return None
        return getattr(self, "_" + name.replace("-", "_"))()

    def entries(self) -> list[tuple[Article, str]]:
        """(article, URL) of every fault page, for the ``/category/tests/`` listing."""
        return [(self.article(name), self.site.url(path)) for name, path in FAULT_PATHS.items()
                if name != "redirect-loop-b"]

    def article(self, name: str) -> Article:
        """The article a fault page is made from (for content faults: what it should show)."""
        if name not in self._articles:
            self._articles[name] = self._make_article(name)
        return self._articles[name]

    def _make_article(self, name: str) -> Article:
        number = -1 - list(FAULT_PATHS).index(name)
        moment = self.site.now - timedelta(hours=30 - number)
        article = ArticleWriter(self.site.seed, number).write(moment, moment)
        path = FAULT_PATHS[name]
        changes = {"category": "Tests", "slug": path.strip("/").split("/")[1], "url": self.site.url(path),
                   "post_id": 90 + len(self._articles), "alias_paths": [], "alias_urls": []}
        if name in ("windows-1252", "wrong-charset"):
            changes["headline"] = WINDOWS_1252_HEADLINE
        if name == "no-headline":
            changes["headline"] = ""
        if name == "bad-date":
            changes["date_style"] = "long"
        return dataclasses.replace(article, **changes)

    def _page(self, name: str) -> str:
        return article_page(self.site, self.article(name))

    def _windows_1252(self) -> Response:
        page = self._page("windows-1252").replace('<meta charset="UTF-8">\n', "")
        return Response(200, page.encode("cp1252", "xmlcharrefreplace"), "text/html")

    def _wrong_charset(self) -> Response:
        return Response(200, self._page("wrong-charset").encode("cp1252", "xmlcharrefreplace"), HTML)

    def _truncated(self) -> Response:
        page = self._page("truncated")
        start = page.index('id="penci-post-entry-inline"')
        end = page.index('<div class="penci-single-link-pages">')
        cut = page.index(' class="', (start + end) // 2)
        return Response.text(200, page[: cut + 5])

    def _empty(self) -> Response:
        return Response(200, b"", HTML)

    def _no_headline(self) -> Response:
        return Response.text(200, self._page("no-headline"))

    def _bad_date(self) -> Response:
        article = self.article("bad-date")
        page = (self._page("bad-date")
                .replace(fd.iso_utc(article.published), BAD_ISO_UTC)
                .replace(fd.iso_local(article.published), BAD_ISO_LOCAL)
                .replace(fd.long_date(article.published), BAD_LONG_DATE))
        return Response.text(200, page)

    def _oversized(self) -> Response:
        if self._oversized_body is None:
            self._oversized_body = self._oversized_page().encode("utf-8")
        return Response(200, self._oversized_body, HTML)

    def _oversized_page(self) -> str:
        article = self.article("oversized")
        writer = ArticleWriter(self.site.seed, -100)
        distinct = [writer.paragraph() for _ in range(64)]
        missing = self.site.oversized_bytes - len(self._page("oversized").encode("utf-8"))
        average = sum(len(paragraph.encode("utf-8")) + 8 for paragraph in distinct) / len(distinct)
        count = int(missing / average) + len(distinct)
        padding = Section("Archives complètes", 2, list(islice(cycle(distinct), count)))
        self._articles["oversized"] = dataclasses.replace(article, sections=[*article.sections, padding])
        return self._page("oversized")

    def _not_found(self) -> Response:
        return Response.text(404, error_page(self.site, 404))

    def _gone(self) -> Response:
        return Response.text(410, error_page(self.site, 410))

    def _server_error(self) -> Response:
        return Response.text(500, error_page(self.site, 500))

    def _redirect_loop(self) -> Response:
        return Response.redirect(self.site.url(FAULT_PATHS["redirect-loop-b"]), 302)

    def _redirect_loop_b(self) -> Response:
        return Response.redirect(self.site.url(FAULT_PATHS["redirect-loop"]), 302)
