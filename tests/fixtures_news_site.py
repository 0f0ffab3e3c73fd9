"""A tiny French local news site that is not WordPress, served on 127.0.0.1 (port 0) in a thread.

"Le Courrier du Vallon" (invented) publishes its articles at ``/actualites/YYYY/MM/DD/<slug>-<id>.html``
and lists them in a sitemap index (a Google News sitemap, a monthly sitemap, a sitemap of sections),
two feeds (``/rss.xml`` and ``/flux/une.xml``, the latter named only by the home page's
``<link rel="alternate">``), its home page and its section pages. Each article is reachable in one
way only, so that a crawl that archives them all used every kind of discovery. The home page and the
articles also link to pages that are no articles (authors, tags, subscription, newsletter, search,
site information, static files): none of them may be archived. Every request is recorded.
"""

from __future__ import annotations

import html
import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self

SITE_NAME = "Le Courrier du Vallon"


@dataclass(frozen=True)
class FixtureArticle:
    path: str
    headline: str
    lead: str
    section: str
    published: str  # ISO 8601 with offset
    found_in: str  # where the site lists it: news-sitemap, sitemap, rss, linked-feed, section, home


ARTICLES = (
    FixtureArticle("/actualites/2025/08/06/le-conseil-municipal-vote-le-budget-1201.html",
                   "Le conseil municipal vote le budget de l'année", "Les élus ont adopté le budget après trois heures de débat.",
                   "politique", "2025-08-06T18:30:00+02:00", "news-sitemap"),
    FixtureArticle("/actualites/2025/08/05/la-foire-aux-vins-attire-les-visiteurs-1202.html",
                   "La foire aux vins attire les visiteurs", "Les exposants se disent satisfaits de la fréquentation.",
                   "economie", "2025-08-05T09:15:00+02:00", "news-sitemap"),
    FixtureArticle("/actualites/2025/07/28/un-nouveau-pont-pour-la-riviere-1187.html",
                   "Un nouveau pont pour la rivière", "Le chantier doit durer dix-huit mois.",
                   "economie", "2025-07-28T11:00:00+02:00", "sitemap"),
    FixtureArticle("/actualites/2025/08/06/le-festival-de-jazz-ouvre-ses-portes-1203.html",
                   "Le festival de jazz ouvre ses portes", "Quarante concerts sont prévus en quatre jours.",
                   "culture", "2025-08-06T20:00:00+02:00", "rss"),
    FixtureArticle("/actualites/2025/08/04/les-apiculteurs-inquiets-pour-la-recolte-1199.html",
                   "Les apiculteurs inquiets pour la récolte", "La sécheresse a réduit la floraison des tilleuls.",
                   "economie", "2025-08-04T07:45:00+02:00", "linked-feed"),
    FixtureArticle("/actualites/2025/08/03/la-bibliotheque-etend-ses-horaires-1195.html",
                   "La bibliothèque étend ses horaires", "Elle ouvrira désormais le dimanche matin.",
                   "culture", "2025-08-03T10:00:00+02:00", "section"),
    FixtureArticle("/actualites/2025/08/02/le-club-de-rugby-recrute-un-entraineur-1190.html",
                   "Le club de rugby recrute un entraîneur", "L'ancien demi de mêlée arrive de Bayonne.",
                   "sport", "2025-08-02T16:20:00+02:00", "home"),
)

SECTIONS = ("politique", "economie", "culture", "sport")
#: links of the home page and of every article that lead to no article
NOT_ARTICLES = (
    "/auteurs/claire-dumont/", "/tag/vendanges/", "/abonnement/", "/newsletter/", "/connexion",
    "/recherche?q=budget", "/qui-sommes-nous.html", "/mentions-legales.html", "/static/css/site.css",
    "/media/photos/le-pont-de-la-riviere.jpg",
)
PARAGRAPHS = (
    ("La séance s'est ouverte en présence d'une centaine d'habitants venus écouter les échanges entre la "
     "majorité et l'opposition, dans une salle comble où chacun a pu prendre la parole."),
    ("Les services techniques ont présenté un calendrier détaillé, avec des étapes vérifiées chaque mois par "
     "une commission réunissant des élus, des associations et des représentants des commerçants du centre."),
    ("Plusieurs questions sont restées sans réponse, mais le maire a promis une réunion publique à la rentrée "
     "pour présenter les résultats et recueillir les remarques des habitants du vallon."),
)


class NewsFixtureSite:
    """The site's pages by path; :meth:`serve` runs it on 127.0.0.1."""

    def __init__(self):
        self.base_url = "http://127.0.0.1/"
        self.requested: list[str] = []
        self._server: ThreadingHTTPServer | None = None

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + path

    @property
    def article_urls(self) -> set[str]:
        return {self.url(article.path) for article in ARTICLES}

    def __enter__(self) -> Self:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self.base_url = f"http://127.0.0.1:{self._server.server_port}/"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.shutdown()
        self._server.server_close()

    def respond(self, target: str) -> tuple[int, str, bytes]:
        """(status, content type, body) of a request target."""
        self.requested.append(target)
        page = _page_of(self, target)
        if page is None:
            return 404, "text/html; charset=utf-8", _layout("Page introuvable", "<h1>Page introuvable</h1>").encode()
        content_type, text = page
        return 200, content_type, text.encode("utf-8")


def _handler_for(site: NewsFixtureSite):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status, content_type, body = site.respond(self.path)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler


def _page_of(site: NewsFixtureSite, target: str) -> tuple[str, str] | None:
    xml, page = "application/xml; charset=utf-8", "text/html; charset=utf-8"
    fixed = {
        "/robots.txt": ("text/plain; charset=utf-8",
                        f"User-agent: *\nDisallow: /recherche\n\nSitemap: {site.url('/sitemaps/index.xml')}\n"),
        "/sitemaps/index.xml": (xml, _sitemap_index(site)),
        "/sitemaps/news.xml": (xml, _news_sitemap(site)),
        "/sitemaps/sitemap-2025-07.xml": (xml, _urlset(site, [a.path for a in _found_in("sitemap")] + ["/tag/vendanges/"])),
        "/sitemaps/sitemap-categories.xml": (xml, _urlset(site, [f"/{name}/" for name in SECTIONS])),
        "/rss.xml": ("application/rss+xml; charset=utf-8", _rss(site, _found_in("rss"))),
        "/flux/une.xml": ("application/rss+xml; charset=utf-8", _rss(site, _found_in("linked-feed"))),
        "/": (page, _home(site)),
        "/qui-sommes-nous.html": (page, _info_page("Qui sommes-nous ?")),
        "/mentions-legales.html": (page, _info_page("Mentions légales")),
    }
    if target in fixed:
        return fixed[target]
    if target.strip("/") in SECTIONS:
        return page, _section(site, target.strip("/"))
    article = next((article for article in ARTICLES if article.path == target), None)
    return (page, _article(site, article)) if article else None


def _found_in(where: str) -> list[FixtureArticle]:
    return [article for article in ARTICLES if article.found_in == where]


def _sitemap_index(site) -> str:
    names = ("news.xml", "sitemap-2025-07.xml", "sitemap-categories.xml")
    entries = "".join(f"<sitemap><loc>{site.url('/sitemaps/' + name)}</loc></sitemap>" for name in names)
    return f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'


def _news_sitemap(site) -> str:
    entries = "".join(
        f"<url><loc>{site.url(a.path)}</loc><news:news><news:publication><news:name>{SITE_NAME}</news:name>"
        f"<news:language>fr</news:language></news:publication><news:publication_date>{a.published}"
        f"</news:publication_date><news:title>{html.escape(a.headline)}</news:title></news:news></url>"
        for a in _found_in("news-sitemap"))
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{entries}</urlset>')


def _urlset(site, paths: list[str]) -> str:
    entries = "".join(f"<url><loc>{site.url(path)}</loc><lastmod>2025-08-01</lastmod></url>" for path in paths)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'


def _rss(site, articles: list[FixtureArticle]) -> str:
    items = "".join(f"<item><title>{html.escape(a.headline)}</title><link>{site.url(a.path)}</link>"
                    f"<pubDate>{a.published}</pubDate></item>" for a in articles)
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{SITE_NAME}</title>{items}</channel></rss>'


def _layout(title: str, main: str, head: str = "") -> str:
    menu = "".join(f'<li><a href="/{name}/">{name.capitalize()}</a></li>' for name in SECTIONS)
    others = "".join(f'<li><a href="{path}">{html.escape(path)}</a></li>' for path in NOT_ARTICLES)
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{html.escape(title)} - {SITE_NAME}</title>'
            f'{head}</head><body><header><a href="/">{SITE_NAME}</a><nav><ul>{menu}</ul></nav></header>'
            f'<main>{main}</main><footer><ul>{others}</ul><p>© 2025 {SITE_NAME}</p></footer></body></html>')


def _teasers(articles) -> str:
    return "".join(f'<article class="teaser"><h2><a href="{a.path}">{html.escape(a.headline)}</a></h2>'
                   f'<time datetime="{a.published}"></time></article>' for a in articles)


def _home(site) -> str:
    feed = '<link rel="alternate" type="application/rss+xml" title="À la une" href="/flux/une.xml">'
    return _layout("Accueil", f"<h1>{SITE_NAME}</h1>{_teasers(_found_in('home'))}", head=feed)


def _section(site, name: str) -> str:
    listed = [a for a in _found_in("section") if a.section == name]
    return _layout(name.capitalize(), f"<h1>{name.capitalize()}</h1>{_teasers(listed)}")


def _info_page(title: str) -> str:
    return _layout(title, f"<h1>{html.escape(title)}</h1>" + "".join(f"<p>{text}</p>" for text in PARAGRAPHS))


def _article(site, article: FixtureArticle) -> str:
    metadata = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.headline,
                "datePublished": article.published, "author": {"@type": "Person", "name": "Claire Dumont"}}
    head = (f'<script type="application/ld+json">{json.dumps(metadata, ensure_ascii=False)}</script>'
            f'<meta name="description" content="{SITE_NAME}, votre journal local.">')
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    main = (f'<article><h1>{html.escape(article.headline)}</h1>'
            f'<p class="chapeau">{html.escape(article.lead)}</p>'
            f'<p class="signature">Par <a href="/auteurs/claire-dumont/" rel="author">Claire Dumont</a>, '
            f'<time datetime="{article.published}">publié le {article.published[:10]}</time></p>'
            f'<div class="texte">{body}</div><p class="mots-cles"><a href="/tag/vendanges/" rel="tag">Vendanges</a></p>'
            f'</article>')
    return _layout(article.headline, main, head=head)
