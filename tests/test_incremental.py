"""Repeated ``scrapy crawl onemedia`` runs cost what is new: crawls of the offline site over HTTP."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections import Counter

import pytest
from crawling import crawled_urls, last_run_stats, query, successful_crawl
from mockserver import MockServer

from newsarchive.sample_site import SampleSite
from newsarchive.sites.wordpress import classify_url

OLD = "2020-01-01T00:00:00+00:00"


@pytest.fixture(scope="module")
def static_server():
    """A 40-article site on which no time passes."""
    with MockServer(articles=40) as server:
        yield server


@pytest.fixture(scope="module")
def first_archive(static_server, tmp_path_factory):
    """The archive after a first crawl of the static site; tests work on copies of it."""
    db_path = tmp_path_factory.mktemp("first") / "archive.db"
    successful_crawl("onemedia", static_server.url, db_path)
    return db_path


@pytest.fixture
def archive_copy(first_archive, tmp_path):
    db_path = tmp_path / "archive.db"
    shutil.copy(first_archive, db_path)
    return db_path


@pytest.fixture
def site(static_server):
    return SampleSite(base_url=static_server.url)


def count(db_path, sql, params=()):
    return query(db_path, sql, params)[0][0]


def test_first_run_archives_everything(first_archive, site):
    assert {row["url"] for row in query(first_archive, "SELECT url FROM articles")} == {a.url for a in site.articles}
    run = query(first_archive, "SELECT * FROM runs")[0]
    assert (run["status"], run["articles_new"], run["pages_failed"]) == ("success", 40, 0)


def test_a_run_with_nothing_changed_fetches_no_article(archive_copy, static_server):
    first = last_run_stats(archive_copy)
    result = successful_crawl("onemedia", static_server.url, archive_copy)
    stats = last_run_stats(archive_copy)
    assert "item_scraped_count" not in stats and "newsarchive/rechecked" not in stats
    assert stats["response_received_count"] <= 20 < first["response_received_count"]
    assert stats["newsarchive/skipped/unchanged"] >= 40
    assert count(archive_copy, "SELECT count(*) FROM revisions") == 0
    run = query(archive_copy, "SELECT * FROM runs ORDER BY id DESC LIMIT 1")[0]
    assert (run["status"], run["articles_new"], run["articles_updated"]) == ("success", 0, 0)
    assert f"Run {run['id']}: success (finished)" in result.stderr


def test_a_sign_of_change_on_an_unchanged_page_costs_a_304(archive_copy, static_server):
    urls = [row["url"] for row in query(archive_copy, "SELECT url FROM articles ORDER BY id LIMIT 5")]
    marks = ",".join("?" * len(urls))
    with_old_dates = (f"UPDATE articles SET sitemap_lastmod = ?, modified = ?, last_seen = ?, last_modified = NULL "
                      f"WHERE url IN ({marks})")
    with sqlite3.connect(archive_copy) as connection:
        connection.execute(with_old_dates, (OLD, OLD, OLD, *urls))

    successful_crawl("onemedia", static_server.url, archive_copy)
    stats = last_run_stats(archive_copy)
    assert stats["newsarchive/rechecked"] == stats["newsarchive/not_modified"] == 5
    assert stats["downloader/response_status_count/304"] == 5 and stats["newsarchive/articles_not_modified"] == 5
    assert "newsarchive/extracted" not in stats
    assert count(archive_copy, "SELECT count(*) FROM revisions") == 0
    rows = query(archive_copy, f"SELECT url, last_seen, sitemap_lastmod FROM articles WHERE url IN ({marks})", urls)
    assert all(row["last_seen"] > OLD and row["sitemap_lastmod"] != OLD for row in rows)
    assert query(archive_copy, "SELECT pages_not_modified FROM runs ORDER BY id DESC LIMIT 1")[0][0] == 5


def test_a_full_crawl_ignores_the_archive_and_finds_nothing_changed(archive_copy, static_server):
    successful_crawl("onemedia", static_server.url, archive_copy, "-a", "full=1")
    stats = last_run_stats(archive_copy)
    assert stats["newsarchive/articles_unchanged"] == 40 and "newsarchive/articles_new" not in stats
    assert "downloader/response_status_count/304" not in stats
    assert count(archive_copy, "SELECT count(*) FROM revisions") == 0
    settings = json.loads(query(archive_copy, "SELECT settings FROM runs ORDER BY id DESC LIMIT 1")[0][0])
    assert settings["NEWSARCHIVE_FULL_CRAWL"] is True


def test_since_archives_only_articles_published_since(static_server, site, tmp_path):
    tenth = site.articles[9]
    since = tenth.published.isoformat()
    successful_crawl("onemedia", static_server.url, tmp_path / "archive.db", "-a", f"since={since}")
    archived = {row["url"] for row in query(tmp_path / "archive.db", "SELECT url FROM articles")}
    assert archived == {a.url for a in site.articles if a.published >= tenth.published}
    assert len(archived) >= 10
    assert last_run_stats(tmp_path / "archive.db")["response_received_count"] < 40


def test_category_archives_only_that_category(static_server, site, tmp_path):
    slug = Counter(a.category_slug for a in site.articles).most_common(1)[0][0]
    result = successful_crawl("onemedia", static_server.url, tmp_path / "archive.db", "-a", f"category={slug}",
                              "-s", "LOG_LEVEL=DEBUG")
    archived = {row["url"] for row in query(tmp_path / "archive.db", "SELECT url FROM articles")}
    assert archived == {a.url for a in site.articles if a.category_slug == slug}
    listings = [url for url in crawled_urls(result.stderr) if "/category/" in url or url == static_server.url]
    assert listings and all(url.startswith(f"{static_server.url}category/{slug}/") for url in listings)


def test_a_bounded_run_stops_and_the_next_one_picks_up_the_rest(static_server, site, tmp_path):
    db_path = tmp_path / "archive.db"
    successful_crawl("onemedia", static_server.url, db_path, "-a", "max_pages=12")
    run = query(db_path, "SELECT * FROM runs")[0]
    assert (run["status"], run["finish_reason"]) == ("success", "closespider_pagecount")
    assert run["pages_fetched"] < 40 and run["articles_new"] < 40
    successful_crawl("onemedia", static_server.url, db_path)
    urls = [row["url"] for row in query(db_path, "SELECT url FROM articles")]
    assert sorted(urls) == sorted(a.url for a in site.articles)
    assert query(db_path, "SELECT sum(articles_new) FROM runs")[0][0] == 40


@pytest.fixture(scope="module")
def moved_on(tmp_path_factory):
    """A first crawl, then 3 articles published, 2 edited, 1 deleted, then a second crawl."""
    db_path = tmp_path_factory.mktemp("moving") / "archive.db"
    with MockServer(articles=40) as server:
        successful_crawl("onemedia", server.url, db_path)
        archived = {row["url"] for row in query(db_path, "SELECT url FROM articles")}
        changes = server.advance(new=3, edit=2, delete=1, hours=2)
        result = successful_crawl("onemedia", server.url, db_path, "-s", "LOG_LEVEL=DEBUG")
    changes["archived_before"] = archived
    return db_path, changes, result, server.url


def test_a_later_run_stores_what_changed(moved_on):
    db_path, changes, _, _ = moved_on
    stats = last_run_stats(db_path)
    assert stats["newsarchive/articles_new"] == 3 and stats["newsarchive/articles_updated"] == 2
    assert "newsarchive/articles_unchanged" not in stats
    archived = {row["url"] for row in query(db_path, "SELECT url FROM articles")}
    assert archived - changes["archived_before"] == set(changes["new"])
    revised = query(db_path, "SELECT a.url, r.changed_fields FROM revisions r JOIN articles a ON a.id = r.article_id")
    assert {row["url"] for row in revised} == set(changes["edited"])
    assert all("modified" in json.loads(row["changed_fields"]) for row in revised)


def test_a_vanished_article_is_marked_removed_not_deleted(moved_on):
    db_path, changes, _, _ = moved_on
    (gone,) = changes["deleted"]
    rows = query(db_path, "SELECT removed_at, headline FROM articles WHERE url = ?", (gone,))
    assert rows and rows[0]["removed_at"] and rows[0]["headline"]
    assert query(db_path, "SELECT count(*) FROM articles WHERE removed_at IS NOT NULL")[0][0] == 1
    assert query(db_path, "SELECT articles_removed FROM runs WHERE id = 2")[0][0] == 1


def test_listings_stop_at_the_first_page_without_anything_new(moved_on):
    _, changes, result, base_url = moved_on
    site = SampleSite(base_url=base_url)
    same = site.advance(new=3, edit=2, delete=1, hours=2)  # the same site, as the crawl saw it
    assert all(same[kind] == changes[kind] for kind in ("new", "edited", "deleted"))
    changed = set(changes["new"]) | set(changes["edited"])
    pages = [site.articles[start:start + site.page_size] for start in range(0, len(site.articles), site.page_size)]
    last = next(number for number, page in enumerate(pages, start=1) if not changed & {a.url for a in page})
    home_pages = {base_url if number == 1 else f"{base_url}page/{number}/" for number in range(1, len(pages) + 1)}
    crawled = crawled_urls(result.stderr)
    assert last < len(pages)
    assert home_pages & set(crawled) == {base_url, *(f"{base_url}page/{number}/" for number in range(2, last + 1))}
    article_pages = [url for url in crawled if classify_url(url) == "article"]
    assert 6 <= len(article_pages) <= 7  # new, edited, deleted (and the duplicate's second URL at most)
