"""One article by its URL: ``newsarchive fetch URL`` and ``scrapy crawl news -a url=URL`` archive it alone."""

import subprocess
import sys

import pytest
from mockserver import MockServer

from crawling import ROOT, last_run_stats, query, successful_crawl
from newsarchive.sample_site import SampleSite
from newsarchive.sample_site.loopback import free_port

ARTICLES = 4


@pytest.fixture(scope="module")
def server():
    with MockServer(articles=ARTICLES) as running:
        yield running


def fetch(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsarchive", "fetch", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_fetch_archives_one_article_and_nothing_else(server, tmp_path):
    article = SampleSite(articles=ARTICLES, base_url=server.url).articles[1]
    db_path = tmp_path / "archive.db"
    result = fetch(server.url + article.path.lstrip("/"), "--profile", "onemedia", "--db", str(db_path))
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.startswith(f"Archived article 1: {article.headline} (")
    rows = query(db_path, "SELECT headline, category FROM articles")
    assert [tuple(row) for row in rows] == [(article.headline, article.category)]
    stats = last_run_stats(db_path)
    assert stats["response_received_count"] <= 2  # robots.txt and the article: no discovery
    assert "INFO" not in result.stderr


def test_fetch_says_why_a_page_was_not_archived(server, tmp_path):
    db_path = tmp_path / "archive.db"
    missing = fetch(server.url + "france/pas-d-article-ici/", "--db", str(db_path))
    assert missing.returncode == 1
    assert missing.stderr.strip().endswith(f"Not archived: {server.url}france/pas-d-article-ici/ (newsarchive/gone/404=1)")
    listing = fetch(server.url + "category/france/", "--db", str(db_path))
    assert listing.returncode == 1 and "(newsarchive/not_article=1)" in listing.stderr
    assert fetch("pas-une-url", "--db", str(db_path)).returncode == 2


def test_fetch_says_when_the_site_robots_txt_could_not_be_read(tmp_path):
    url = f"http://127.0.0.1:{free_port()}/france/un-article/"  # nothing listens: robots.txt cannot be fetched
    result = fetch(url, "--db", str(tmp_path / "archive.db"))
    assert result.returncode == 1
    assert f"Not archived: {url} (" in result.stderr and "newsarchive/robots/unreadable=1" in result.stderr


def test_scrapy_crawl_news_with_one_url(server, tmp_path):
    article = SampleSite(articles=ARTICLES, base_url=server.url).articles[0]
    db_path = tmp_path / "archive.db"
    successful_crawl("news", server.url, db_path, "-a", f"url={server.url}{article.path.lstrip('/')}")
    assert [row["headline"] for row in query(db_path, "SELECT headline FROM articles")] == [article.headline]
    assert last_run_stats(db_path)["response_received_count"] <= 2
