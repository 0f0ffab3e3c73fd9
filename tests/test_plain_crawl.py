"""A plain ``scrapy crawl onemedia`` has no Redis component, logs nothing of what was not asked for and
fetches robots.txt once; ``-s NEWSARCHIVE_REDIS_URL=...`` makes the same command a worker."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from crawling import crawl_settings, successful_crawl
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import load_object

from newsarchive.distributed.pipeline import RedisRecordPipeline
from newsarchive.distributed.scheduler import RedisScheduler
from newsarchive.runs.extension import CrawlRun
from newsarchive.sample_site import running_site
from pipelines.store import SQLitePipeline

WORKER = {"NEWSARCHIVE_REDIS_URL": "redis://127.0.0.1:6379/0"}  # never connected to: settings only


def enabled(settings, name: str) -> list[type]:
    """The components a crawl with ``settings`` runs, in order, for the component setting ``name``."""
    return [load_object(path) for path in build_component_list(settings.getwithbase(name))]


def test_a_plain_crawl_has_no_redis_component():
    settings = crawl_settings()
    assert SQLitePipeline in enabled(settings, "ITEM_PIPELINES")
    assert RedisRecordPipeline not in enabled(settings, "ITEM_PIPELINES")
    assert CrawlRun in enabled(settings, "EXTENSIONS")
    assert load_object(settings["SCHEDULER"]) is not RedisScheduler
    assert settings.getbool("NEWSARCHIVE_RECHECK_UNLISTED")


def test_a_redis_url_makes_a_worker_that_pushes_where_the_store_would_write():
    plain, worker = enabled(crawl_settings(), "ITEM_PIPELINES"), enabled(crawl_settings(**WORKER), "ITEM_PIPELINES")
    assert worker == [RedisRecordPipeline if pipeline is SQLitePipeline else pipeline for pipeline in plain]
    settings = crawl_settings(**WORKER)
    assert CrawlRun not in enabled(settings, "EXTENSIONS")  # `newsarchive store` records the run
    assert load_object(settings["SCHEDULER"]) is RedisScheduler
    assert not settings.getbool("NEWSARCHIVE_RECHECK_UNLISTED")


@dataclass
class PlainCrawl:
    log: str
    requested: list[str]  # paths the site was asked for, in order


def record_requests(site) -> list[str]:
    """The paths ``site`` (a ``SampleSite``) answers from now on, in order."""
    requested, respond = [], site.respond

    def recording(method: str, path: str, headers: dict):
        requested.append(path)
        return respond(method, path, headers)

    site.respond = recording
    return requested


@pytest.fixture(scope="module")
def plain_crawl(tmp_path_factory):
    """A crawl of a 12-article copy of the site, without fault pages."""
    with running_site(articles=12) as server:
        requested = record_requests(server.site)
        result = successful_crawl("onemedia", server.url, tmp_path_factory.mktemp("plain") / "archive.db")
    return PlainCrawl(result.stderr, requested)


def test_a_plain_crawl_of_a_healthy_site_logs_no_warning(plain_crawl):
    assert [line for line in plain_crawl.log.splitlines() if "] WARNING: " in line] == []
    assert "redis" not in plain_crawl.log.lower()


def test_robots_txt_is_fetched_once_for_its_rules_and_its_sitemaps(plain_crawl):
    assert plain_crawl.requested.count("/robots.txt") == 1
    assert "robots.txt names no sitemap" not in plain_crawl.log  # the spider read the one it names
    assert "/sitemap_index.xml" in plain_crawl.requested
