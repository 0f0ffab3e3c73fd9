"""``NEWSARCHIVE_MAX_PAGES_PER_SITE``: the spider middleware that refuses a site's requests past the budget as the
spider yields them, so that they are never queued."""

from __future__ import annotations

import asyncio
import logging

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import NotConfigured
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from crawling import crawl_settings, last_run_stats, project_settings, run_crawl, successful_crawl
from hostile import HOME, text_route

from newsarchive.crawl.budget import PageBudgetMiddleware
from newsarchive.crawl.refusals import request_refused
from newsarchive.sample_site import hostile
from newsarchive.sample_site.loopback import serving

SITE = "https://www.example.fr/"


class NoSpider(Spider):
    name = "no-spider"


def budget_middleware(max_pages: int = 300) -> PageBudgetMiddleware:
    crawler = get_crawler(NoSpider, project_settings(NEWSARCHIVE_MAX_PAGES_PER_SITE=max_pages))
    return build_from_crawler(PageBudgetMiddleware, crawler)


def links(count: int, site: str = SITE, first: int = 0):
    return (Request(f"{site}actualite/lien-{number}/") for number in range(first, first + count))


def test_a_page_of_100000_links_queues_the_budget_and_counts_each_refusal_once(caplog):
    middleware = budget_middleware()
    item = {"url": f"{SITE}actualite/une-page/"}
    with caplog.at_level(logging.INFO, logger="newsarchive.crawl.refusals"):
        output = list(middleware.process_spider_output(None, [item, *links(100_000)]))
    assert output[0] is item
    assert [request.url for request in output[1:]] == [f"{SITE}actualite/lien-{number}/" for number in range(300)]
    assert middleware.crawler.stats.get_value("newsarchive/budget/pages_per_site") == 99_700
    warnings = [record.getMessage() for record in caplog.records]  # the others at debug level
    assert warnings == [f"Not queued: example.fr reached NEWSARCHIVE_MAX_PAGES_PER_SITE (300 pages) in this run: "
                        f"{SITE}actualite/lien-300/ (counted as newsarchive/budget/pages_per_site)"]


def test_each_site_has_its_budget_and_robots_txt_spends_none():
    middleware = budget_middleware(2)
    requests = [Request(f"{SITE}robots.txt"), *links(3), Request("https://autre.fr/robots.txt"),
                *links(3, "https://autre.fr/")]
    kept = [request.url for request in middleware.process_spider_output(None, requests)]
    assert kept == [f"{SITE}robots.txt", f"{SITE}actualite/lien-0/", f"{SITE}actualite/lien-1/",
                    "https://autre.fr/robots.txt", "https://autre.fr/actualite/lien-0/",
                    "https://autre.fr/actualite/lien-1/"]
    assert middleware.crawler.stats.get_value("newsarchive/budget/pages_per_site") == 2


def test_start_requests_and_async_output_spend_the_same_budget():
    middleware = budget_middleware(300)

    async def spider_output(count, first=0):
        for request in links(count, first=first):
            yield request

    async def collect(output):
        return [request async for request in output]

    started = asyncio.run(collect(middleware.process_start(spider_output(200))))
    later = asyncio.run(collect(middleware.process_spider_output_async(None, spider_output(200, first=200))))
    assert (len(started), len(later)) == (200, 100)
    assert not middleware.admits(Request(f"{SITE}actualite/re-verification/"))  # queued by the spider itself
    assert middleware.crawler.stats.get_value("newsarchive/budget/pages_per_site") == 101


def test_the_budget_is_a_spider_middleware_off_at_zero():
    settings = crawl_settings()
    assert "newsarchive.crawl.budget.PageBudgetMiddleware" in settings.getdict("SPIDER_MIDDLEWARES")
    assert "newsarchive.crawl.budget.PageBudgetMiddleware" not in settings.getdict("DOWNLOADER_MIDDLEWARES")
    with pytest.raises(NotConfigured):
        budget_middleware(0)


def recrawl_with_budget(tmp_path, budget: int):
    """A site of 5 archived articles whose sitemap then lists a new one only: the second crawl, with ``budget``,
    re-checks the 5 once idle (it asks for the home page, 5 usual feed paths, the sitemap and the new article
    before). Its log, stats and the paths it asked for."""
    db, routes = tmp_path / "archive.db", {"/": HOME}
    archived = [f"/actualite/archive-{number}/" for number in range(5)]
    with serving(routes=routes) as (server, url):
        routes["/robots.txt"] = text_route(f"Sitemap: {url}sitemap.xml\n".encode())
        routes["/sitemap.xml"] = text_route(hostile.sitemap([url + path[1:] for path in archived]), "application/xml")
        routes.update({path: (200, {}, hostile.article_page(f"Archivé {path}")) for path in archived})
        successful_crawl("news", url, db)
        routes["/sitemap.xml"] = text_route(hostile.sitemap([f"{url}actualite/nouveau/"]), "application/xml")
        routes["/actualite/nouveau/"] = (200, {}, hostile.article_page("Un nouvel article"))
        server.requested.clear()
        result = run_crawl("news", url, db, "-s", f"NEWSARCHIVE_MAX_PAGES_PER_SITE={budget}")
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stderr, last_run_stats(db), [path for path in server.requested if path in archived]


def test_re_checks_of_unlisted_articles_spend_the_budget_and_none_is_queued_past_it(tmp_path):
    log, stats, rechecked = recrawl_with_budget(tmp_path, 10)
    assert len(rechecked) == 2
    assert stats["newsarchive/budget/pages_per_site"] == 3
    assert "Re-checking 2 archived articles that the sitemaps no longer list" in log  # the 3 others never queued


def test_no_re_check_once_the_budget_ran_out(tmp_path):
    # the sitemaps may not all have been read, and the budget would refuse every re-check
    log, stats, rechecked = recrawl_with_budget(tmp_path, 7)
    assert rechecked == []
    assert stats["newsarchive/budget/pages_per_site"] == 1  # the new article
    assert "Re-checking" not in log


def test_a_request_yielded_again_spends_nothing_unless_it_is_sent_again():
    middleware = budget_middleware(3)
    again = [Request(f"{SITE}feed/"), Request(f"{SITE}feed/"), Request(f"{SITE}feed/#haut")]  # one page for the filter
    kept = list(middleware.process_spider_output(None, [*again, *links(3)]))
    assert [request.url for request in kept] == [*(request.url for request in again), f"{SITE}actualite/lien-0/",
                                                 f"{SITE}actualite/lien-1/"]
    assert middleware.crawler.stats.get_value("newsarchive/budget/pages_per_site") == 1
    refetched = [Request(f"{SITE}une/", dont_filter=True) for _ in range(2)]  # sent each time: each one counts
    assert list(budget_middleware(1).process_spider_output(None, refetched)) == refetched[:1]


def test_a_request_robots_txt_forbids_gives_its_budget_back():
    middleware = budget_middleware(2)
    probe, *articles = [Request(f"{SITE}feed/"), *links(3)]
    assert [request.url for request in middleware.process_spider_output(None, [probe, *articles[:2]])] == [
        probe.url, articles[0].url]
    signals = middleware.crawler.signals
    signals.send_catch_log(signal=request_refused, request=probe, event="robots/forbidden")
    signals.send_catch_log(signal=request_refused, request=probe, event="robots/forbidden")  # given back once
    signals.send_catch_log(signal=request_refused, request=articles[1], event="robots/forbidden")  # never counted
    assert middleware.crawler.stats.get_value("newsarchive/budget/given_back") == 1
    assert list(middleware.process_spider_output(None, articles[1:])) == [articles[1]]
    assert middleware.spent(SITE)


def test_feed_probes_that_robots_txt_forbids_leave_the_budget_to_the_articles(tmp_path):
    """The home page, the five usual feed paths and the sitemap robots.txt names are asked for before any article:
    with a budget of 7, the probes that robots.txt forbids give theirs back to the three articles of the sitemap."""
    articles = [f"/actualite/article-{number}/" for number in range(3)]
    routes = {"/": HOME, **{path: (200, {}, hostile.article_page(f"Article {path}")) for path in articles}}
    with serving(routes=routes) as (server, url):
        robots = f"User-agent: *\nDisallow: /feed\nDisallow: /rss\nDisallow: /atom\nSitemap: {url}sitemap.xml\n"
        routes["/robots.txt"] = text_route(robots.encode())
        routes["/sitemap.xml"] = text_route(hostile.sitemap([url + path[1:] for path in articles]), "application/xml")
        successful_crawl("news", url, tmp_path / "archive.db", "-s", "NEWSARCHIVE_MAX_PAGES_PER_SITE=7")
        requested = list(server.requested)
    stats = last_run_stats(tmp_path / "archive.db")
    assert sorted(path for path in requested if path in articles) == articles
    assert not [path for path in requested if path.startswith(("/feed", "/rss", "/atom"))]
    assert stats["newsarchive/robots/forbidden"] == 5
    assert stats["newsarchive/budget/given_back"] == 5
    assert "newsarchive/budget/pages_per_site" not in stats
