"""``-a category=`` on a site that is not WordPress: its section is taken from the site's URL rules.

"Le Journal du Plateau" (invented, served on 127.0.0.1, port 0) files its articles under their section,
``/<section>/YYYY/MM/DD/<slug>-<id>.html``, and lists them on its home page, its section pages
(``/politique/``, paginated ``/politique/page/2/``), a sitemap and a feed.
"""

from __future__ import annotations

import html

import pytest
from crawling import crawled_urls, query, successful_crawl
from fixtures_news_site import PARAGRAPHS, NewsFixtureSite

# (path, where the site lists it)
ARTICLES = (
    ("/politique/2025/08/06/le-conseil-municipal-vote-le-budget-2101.html", "home"),
    ("/politique/2025/08/05/la-maire-annonce-un-referendum-local-2102.html", "section"),
    ("/politique/2025/07/30/les-elus-debattent-du-plan-local-2098.html", "section-page-2"),
    ("/politique/2025/07/29/une-petition-contre-la-fermeture-de-la-gare-2097.html", "sitemap"),
    ("/politique/2025/08/04/le-depute-tient-sa-permanence-au-marche-2100.html", "rss"),
    ("/economie/2025/08/06/la-foire-aux-vins-attire-les-visiteurs-3101.html", "home"),
    ("/economie/2025/08/05/la-politique-fiscale-de-la-commune-en-debat-3102.html", "section"),
    ("/economie/2025/07/28/un-nouveau-pont-pour-la-riviere-3099.html", "sitemap"),
    ("/economie/2025/08/03/les-apiculteurs-inquiets-pour-la-recolte-3100.html", "rss"),
)
SECTIONS = ("politique", "economie")


def headline(path: str) -> str:
    return path.rsplit("/", 1)[1].rsplit("-", 1)[0].replace("-", " ").capitalize()


class SectionsSite(NewsFixtureSite):
    """The site's pages by path; every request is recorded in ``requested``."""

    def respond(self, target: str) -> tuple[int, str, bytes]:
        self.requested.append(target)
        page = self.page(target)
        if page is None:
            missing = self.layout("Page introuvable", "<h1>Page introuvable</h1>")
            return 404, "text/html; charset=utf-8", missing.encode()
        return 200, page[0], page[1].encode("utf-8")

    def page(self, target: str) -> tuple[str, str] | None:
        listed = {where: [path for path, found in ARTICLES if found == where] for _, where in ARTICLES}
        if target == "/robots.txt":
            return "text/plain", f"User-agent: *\nSitemap: {self.url('/sitemap.xml')}\n"
        if target == "/sitemap.xml":
            entries = "".join(f"<url><loc>{self.url(path)}</loc></url>" for path in listed["sitemap"])
            return "application/xml", f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
        if target == "/rss.xml":
            items = "".join(f"<item><title>{headline(path)}</title><link>{self.url(path)}</link></item>"
                            for path in listed["rss"])
            return "application/rss+xml", f'<rss version="2.0"><channel><title>Plateau</title>{items}</channel></rss>'
        if target == "/":
            return "text/html", self.layout("Accueil", self.teasers(listed["home"]))
        for section in SECTIONS:
            in_section = [path for path in listed["section"] if path.startswith(f"/{section}/")]
            if target == f"/{section}/":
                more = '<a class="next" href="page/2/">Page suivante</a>' if section == "politique" else ""
                return "text/html", self.layout(section, self.teasers(in_section) + more)
            if target == f"/{section}/page/2/" and section == "politique":
                return "text/html", self.layout(section, self.teasers(listed["section-page-2"]))
        if any(path == target for path, _ in ARTICLES):
            return "text/html", self.article(target)
        return None

    def layout(self, title: str, main: str) -> str:
        menu = "".join(f'<li><a href="/{name}/">{name.capitalize()}</a></li>' for name in SECTIONS)
        return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
                f'</head><body><nav><ul>{menu}</ul></nav><main>{main}</main>'
                f'<footer><p>© 2025 Le Journal du Plateau</p></footer></body></html>')

    def teasers(self, paths: list[str]) -> str:
        return "".join(f'<article class="teaser"><h2><a href="{path}">{headline(path)}</a></h2></article>'
                       for path in paths)

    def article(self, path: str) -> str:
        day = "-".join(path.split("/")[2:5])
        body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
        return self.layout(headline(path), f'<article><h1>{headline(path)}</h1><p class="signature">Par Léa Martin, '
                                           f'<time datetime="{day}T10:00:00+02:00">le {day}</time></p>{body}</article>')


@pytest.fixture(scope="module")
def sections_site():
    with SectionsSite() as site:
        yield site


def test_category_archives_that_sections_articles_only(sections_site, tmp_path):
    db_path = tmp_path / "archive.db"
    result = successful_crawl("news", sections_site.base_url, db_path, "-a", "category=politique",
                              "-s", "LOG_LEVEL=DEBUG")
    archived = {row["url"] for row in query(db_path, "SELECT url FROM articles")}
    assert archived == {sections_site.url(path) for path, _ in ARTICLES if path.startswith("/politique/")}
    fetched = {url.removeprefix(sections_site.base_url.rstrip("/")) for url in crawled_urls(result.stderr)}
    assert "/politique/page/2/" in fetched  # the section's listing is walked
    assert not {path for path in fetched if path.startswith("/economie/")}  # nothing of another section


def test_without_a_category_every_section_is_archived(sections_site, tmp_path):
    db_path = tmp_path / "archive.db"
    successful_crawl("news", sections_site.base_url, db_path)
    archived = {row["url"] for row in query(db_path, "SELECT url FROM articles")}
    assert archived == {sections_site.url(path) for path, _ in ARTICLES}
