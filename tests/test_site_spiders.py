"""Spiders made from site profiles: ``scrapy crawl onemedia`` is ``scrapy crawl news -a profile=onemedia``."""

from __future__ import annotations

import subprocess
import sys

import pytest
from crawling import ROOT, archive_content, crawl_environment, run_crawl

from newsarchive.sites.catalog import load_profiles
from newsarchive.sites.profiles import PROFILES_DIR_ENV
from spiders.news import NewsSpider
from spiders.sites import SiteSpider, site_spider


def scrapy(*arguments: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in crawl_environment().items() if key != PROFILES_DIR_ENV}
    return subprocess.run([sys.executable, "-m", "scrapy", *arguments], cwd=ROOT, env={**environment, **(env or {})},
                          capture_output=True, text=True, timeout=120)


def test_scrapy_list_shows_news_and_a_spider_per_profile(tmp_path):
    assert scrapy("list").stdout.split() == ["news", "onemedia"]
    (tmp_path / "plateau.toml").write_text('name = "plateau"\ndomains = ["plateau.test"]\n', encoding="utf-8")
    (tmp_path / "news.toml").write_text('name = "news"\ndomains = ["news.test"]\n', encoding="utf-8")
    listed = scrapy("list", env={PROFILES_DIR_ENV: str(tmp_path)})
    assert listed.stdout.split() == ["news", "onemedia", "plateau"], listed.stderr[-2000:]


def test_a_profile_spider_is_the_news_spider_with_its_profile(monkeypatch):
    monkeypatch.delenv(PROFILES_DIR_ENV, raising=False)
    spider_class = site_spider(load_profiles().get("onemedia"))
    assert issubclass(spider_class, NewsSpider) and issubclass(spider_class, SiteSpider)
    assert (spider_class.name, spider_class.profile_name, spider_class.own_arguments) == ("onemedia", "onemedia",
                                                                                          ("base_url",))
    assert "@url_path france/la-prefecture-alerte" in spider_class.parse.__doc__
    assert "@scrapes url headline authors" in spider_class.parse.__doc__


def test_a_profile_spider_takes_only_base_url_and_the_scheduling_arguments(tmp_path):
    result = scrapy("crawl", "onemedia", "-a", "profile=autre", "-s", f"NEWSARCHIVE_DB={tmp_path / 'a.db'}")
    assert result.returncode == 2
    assert ("unknown spider argument profile for onemedia (known: base_url, category, full, max_minutes, "
            "max_pages, since)") in result.stderr


@pytest.fixture(scope="module")
def both_crawls(sample_server, tmp_path_factory):
    folder = tmp_path_factory.mktemp("same-archive")
    archives = {}
    for spider, arguments in (("onemedia", ()), ("news", ("-a", "profile=onemedia"))):
        archives[spider] = folder / f"{spider}.db"
        result = run_crawl(spider, sample_server.url, archives[spider], *arguments)
        assert result.returncode == 1, result.stderr[-3000:]  # finished with errors: the site's fault pages
    return archives


def test_onemedia_spider_and_news_with_the_onemedia_profile_give_the_same_archive(both_crawls, sample_site):
    by_spider, by_profile = archive_content(both_crawls["onemedia"]), archive_content(both_crawls["news"])
    assert set(by_spider) >= {article.url for article in sample_site.articles}
    assert by_spider == by_profile
