"""Crawls of hostile loopback sites into a copy of an archive that already holds articles."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from crawling import last_run_stats, query, run_crawl, successful_crawl
from newsarchive.sample_site.loopback import serving

from newsarchive.sample_site import hostile

HOME = (200, {}, b"<html><body><h1>Accueil</h1><p>Rien ici.</p></body></html>")
EARLIER_HEADLINES = ("Un article archivé avant le site hostile", "Un second article archivé avant lui")


@dataclass
class HostileRun:
    returncode: int
    log: str
    stats: dict
    requested: list[str]  # paths the hostile site was asked for
    db: Path
    url: str  # the hostile site's base URL

    def headlines(self) -> dict[str, str]:
        """URL path -> headline of the articles stored from the hostile site."""
        rows = query(self.db, "SELECT url, headline FROM articles WHERE substr(url, 1, ?) = ?", (len(self.url), self.url))
        return {row["url"].removeprefix(self.url): row["headline"] for row in rows}


def build_earlier_archive(path: Path) -> Path:
    """An archive holding the two articles of EARLIER_HEADLINES, from a first crawl of a calm site."""
    routes = {"/": HOME}
    with serving(routes=routes) as (_, url):
        pages = [f"{url}actualite/avant-{number}/" for number in (1, 2)]
        routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, f"Sitemap: {url}sitemap.xml\n".encode())
        routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"}, hostile.sitemap(pages))
        for page, headline in zip(pages, EARLIER_HEADLINES, strict=True):
            routes[page.removeprefix(url[:-1])] = (200, {}, hostile.article_page(headline))
        successful_crawl("news", url, path)
    assert earlier_articles(path) == sorted(EARLIER_HEADLINES)
    return path


def earlier_articles(db: Path) -> list[str]:
    return sorted(row["headline"] for row in query(db, "SELECT headline FROM articles ORDER BY id")
                  if row["headline"] in EARLIER_HEADLINES)


def crawl_hostile(earlier: Path, tmp_path: Path, routes: dict, *settings: str, make_routes=None) -> HostileRun:
    """Crawl a loopback site answering ``routes`` (``make_routes(base_url)`` adds more) into a copy of the
    ``earlier`` archive, with ``-s`` settings; checks that the earlier articles are still there."""
    db = tmp_path / "archive.db"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{earlier}{suffix}").exists():
            shutil.copy(f"{earlier}{suffix}", f"{db}{suffix}")
    routes = {"/": HOME, **routes}
    with serving(routes=routes) as (server, url):
        if make_routes is not None:
            routes.update(make_routes(url))
        extra = [item for setting in settings for item in ("-s", setting)]
        result = run_crawl("news", url, db, *extra)
    assert earlier_articles(db) == sorted(EARLIER_HEADLINES), "articles stored before were lost"
    return HostileRun(result.returncode, result.stderr, last_run_stats(db), list(server.requested), db, url)


def text_route(body: bytes, content_type: str = "text/plain", status: int = 200, **headers: str):
    return (status, {"Content-Type": content_type, **headers}, body)
