"""``scrapy crawl news`` on a site left with SPIP's default addresses (``spip.php?article12``, ``spip.php?rubrique3``),
served on 127.0.0.1 (port 0): its articles are found through its home page and its sections' pages; and the CMS
addresses the guide to adding a site gives as examples."""

from __future__ import annotations

import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from crawling import query
from test_news_spider import crawl_news

from newsarchive.sites import generic as generic_site

# article number -> (headline, where it is linked from)
ARTICLES = {
    1: ("Le conseil municipal vote le budget primitif", "home"),
    2: ("La médiathèque ouvre le dimanche matin", "section"),
    3: ("Le marché de Noël revient place du Château", "second page of the section"),
}
# links of the site's pages that lead to no article: a tag, an author, the comment form, the print page, the search
NOT_ARTICLES = ("spip.php?mot5", "spip.php?auteur2", "spip.php?page=forum&id_article=1",
                "spip.php?page=imprimer&id_article=1", "spip.php?page=recherche&recherche=budget")


def _page(title: str, body: str) -> bytes:
    return (f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<div class='page'>{body}</div></body></html>").encode()


def _article(number: int) -> bytes:
    headline = ARTICLES[number][0]
    text = "".join(f"<p>Paragraphe {n} de l'article {number}, avec assez de mots pour former un vrai texte.</p>"
                   for n in range(4))
    tools = "".join(f"<a href='{link}'>outil</a> " for link in NOT_ARTICLES)
    return _page(headline, f"<div class='hentry'><h1 class='entry-title'>{headline}</h1><p class='info-publi'>"
                 f"<abbr class='published' title='2024-03-1{number}T10:00:00Z'>1{number} mars 2024</abbr></p>"
                 f"<div class='texte entry-content'>{text}</div><p>{tools}</p></div>")


def _listing(title: str, links: str) -> bytes:
    return _page(title, f"<h1>{title}</h1><ul>{links}</ul><p><a href='spip.php?mot5'>budget</a></p>")


class SpipSite(BaseHTTPRequestHandler):
    """SPIP's pages by their query: ``?articleN`` (or ``?articleN=``, the same to PHP), ``?rubriqueN`` and its
    ``debut_articles`` pages."""

    requested: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        parts = urlsplit(self.path)
        self.requested.append(self.path)
        names = dict(parse_qsl(parts.query, keep_blank_values=True))
        if parts.path == "/":
            body = _listing("Le Petit Vallon", "<li><a href='spip.php?article1'>Le budget</a></li>"
                            "<li><a href='spip.php?rubrique3'>Vie locale</a></li>")
        elif parts.path == "/spip.php" and "rubrique3" in names:
            if names.get("debut_articles") == "10":
                body = _listing("Vie locale", "<li><a href='spip.php?article3'>Le marché</a></li>")
            else:
                body = _listing("Vie locale", "<li><a href='spip.php?article2'>La médiathèque</a></li>"
                                "<li><a href='spip.php?rubrique3&amp;debut_articles=10#pagination'>2</a></li>")
        elif parts.path == "/spip.php" and {f"article{number}" for number in ARTICLES} & names.keys():
            body = _article(int(next(name for name in names if name.startswith("article"))[len("article"):]))
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def spip_crawl(tmp_path_factory):
    server = ThreadingHTTPServer(("127.0.0.1", 0), SpipSite)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    SpipSite.requested = []
    db_path = tmp_path_factory.mktemp("spip") / "archive.db"
    try:
        result = crawl_news(db_path, "-a", f"site={base_url}")
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr[-3000:]
    return db_path, base_url, list(SpipSite.requested)


def test_a_spip_site_s_articles_are_found_through_its_sections_and_their_pages(spip_crawl):
    db_path, base_url, _ = spip_crawl
    rows = query(db_path, "SELECT url, headline, published FROM articles ORDER BY headline")
    assert sorted(row["headline"] for row in rows) == sorted(headline for headline, _ in ARTICLES.values())
    assert all(row["url"].startswith(f"{base_url}spip.php?article") for row in rows)
    published = {datetime.fromisoformat(row["published"]) for row in rows}  # shown in the site's zone
    assert published == {datetime.fromisoformat(f"2024-03-1{number}T10:00:00+00:00") for number in ARTICLES}


def test_a_spip_site_s_tags_authors_forms_and_search_are_never_asked_for(spip_crawl):
    _, _, requested = spip_crawl
    assert not {path.lstrip("/") for path in requested} & set(NOT_ARTICLES)


DOCUMENTED = {  # the addresses docs/adding-a-site.md gives as examples, and what it says they lead to
    "spip.php?article127": "article", "spip.php?page=article&id_article=127": "article", "article127.html": "article",
    "breve12.html": "article", "spip.php?rubrique12": "section", "rubrique12.html": "section", "mot5": "other",
    "index.php?option=com_content&view=article&id=12": "article", "/?p=123": "article", "/?cat=5": "section",
    "/node/12": "article", "/taxonomy/term/3": "section",
}


@pytest.mark.parametrize("address, kind", DOCUMENTED.items())
def test_the_guide_s_cms_addresses_are_read_as_it_says(address, kind):
    guide = (Path(__file__).resolve().parents[1] / "docs" / "adding-a-site.md").read_text(encoding="utf-8")
    assert f"`{address}`" in guide
    path = address.lstrip("/") if "." in address or "/" in address else f"spip.php?{address}"  # "mot5": SPIP's
    url = f"https://www.petit-vallon.fr/{path}"
    assert generic_site.GenericRules().link_kind(url) == kind
