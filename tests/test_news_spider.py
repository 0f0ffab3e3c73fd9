"""``scrapy crawl news``: the generic article-URL rules, the choice of profile, and real crawls of two sites."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from crawling import FAST_LOCAL, ROOT, last_run_stats, query
from fixtures_news_site import ARTICLES, NOT_ARTICLES, NewsFixtureSite
from scrapy.crawler import Crawler

from newsarchive.sites import generic as generic_site
from newsarchive.sites.catalog import load_profiles
from newsarchive.sites.profiles import PROFILES_DIR_ENV
from newsarchive.sample_site import FAULT_PATHS
from newsarchive.urls import site_key
import spiders.news as news_module
from spiders.news import NewsSpider, choose_profile, site_url

SITE = "https://www.journal-exemple.fr"

ARTICLE_LINKS = [
    "/actualites/2025/08/06/titre-123.html",
    "/politique/article/2025/08/06/la-reforme-est-adoptee_6123456_823448.html",
    "/economie/la-bourse-de-paris-termine-en-hausse",
    "/la-reforme-des-retraites-adoptee-au-senat/",
    "/societe/un-match-nul.html",
    "/sport/football/20250806-le-club-change-d-entraineur",
    "/article/4567890",
    "/region/bretagne/brest/un-incendie-ravage-un-entrepot-1234567",
    "/culture/cinema/critique-a12345678",
    "/médias/la-presse-écrite-en-crise/",
    "/2025/08/06/le-maire-inaugure-la-mediatheque/",
    "/faits-divers/accident-sur-la-rn12-trois-blesses.php",
    "/actualites/economie/la-boulangerie-ferme-ses-portes?utm_source=rss",
    # the default addresses of SPIP (articles and news items) and Joomla
    "/spip.php?article127", "/spip.php?page=article&id_article=127", "/spip.php?id_article=127", "/article127.html",
    "/breve12.html", "/spip.php?breve12", "/index.php?option=com_content&view=article&id=12:le-budget&catid=3",
    "/?p=123", "/index.php?p=123",  # WordPress's plain permalinks
    "/node/12", "/fr/node/12",  # Drupal's addresses without an alias
    "/post/bonjour", "/article/la-fete", "/billet/la-fete",  # a short slug in a folder of single articles (Wix's /post/)
]
CMS_NOT_ARTICLES = [  # SPIP's sections, tags, authors, feed, search, comment form and print page; Joomla's lists
    "/spip.php?rubrique12", "/spip.php?page=rubrique&id_rubrique=12", "/rubrique12.html", "/spip.php?mot5",
    "/mot5.html", "/spip.php?auteur3", "/spip.php?page=backend", "/spip.php?page=recherche&recherche=budget",
    "/spip.php?page=forum&id_article=127", "/spip.php?page=imprimer&id_article=127", "/spip.php",
    "/index.php?option=com_content&view=category&id=3", "/index.php?option=com_content&view=featured",
    "/?cat=5", "/?page_id=2", "/?feed=rss2", "/?m=202403", "/?author=1", "/?p=un-mot",  # WordPress's plain permalinks
    "/node/12/edit", "/node/add/article", "/taxonomy/term/3", "/user/3", "/comment/12",  # Drupal's
]
NOT_ARTICLE_LINKS = [
    "/", "/politique/", "/actualites/economie/", "/category/france/", "/category/france/page/2/", "/page/2/",
    "/tag/climat/", "/tags/elections-municipales-2026/", "/auteur/jeanne-martin-dupont/", "/author/jean/",
    "/journalistes/auteurs/claire-dumont/", "/recherche?q=budget-de-la-ville", "/search/les-retraites-en-france",
    "/connexion", "/login/", "/mon-compte/mes-abonnements/", "/abonnement/offre-numerique-premium",
    "/newsletter/inscription-a-la-lettre-du-matin", "/static/css/site-principal.css",
    "/media/photos/le-pont-de-la-riviere.jpg", "/files/rapport-annuel-2024-version-finale.pdf",
    "/uploads/2025/08/une-photo-du-festival.webp", "/qui-sommes-nous/", "/mentions-legales",
    "/politique-de-confidentialite/", "/conditions-generales-d-utilisation.html", "/contact.html",
    "/actualites/2025/08/06/", "/2025/08/", "/2025/08/06/page/2/", "/sport/top-14/", "/sport/euro-2024/",
    "/feed/", "/rss.xml", "/sitemap.xml", "/wp-content/themes/un-theme-de-site/style.css",
    "/politique/la-reforme-des-retraites/?replytocom=42", "/politique?page=2", "/rubrique/politique/",
    "/le-dossier-du-jour/?p=1234", "/archives/2024/03/index.html", "/2024/03/12/index.php",  # a blog's month
    "/boutique/t-shirt-de-l-association-bleu/", "/produit/abonnement-papier-un-an/",  # the site's shop
    *CMS_NOT_ARTICLES,
]
SECTION_LINKS = [
    "/politique/", "/actualites/economie/", "/category/france/", "/category/france/page/2/", "/page/2/",
    "/rubrique/politique/", "/société/", "/sport/top-14/", "/politique?page=2", "/politique.html",
    "/spip.php?rubrique12", "/spip.php?rubrique12&debut_articles=10", "/spip.php?page=rubrique&id_rubrique=12",
    "/rubrique12.html", "/index.php?option=com_content&view=category&id=3", "/?cat=5", "/?cat=5&paged=2",
    "/taxonomy/term/3",
]
NOT_SECTION_LINKS = [
    "/", "/tag/climat/", "/auteur/jeanne-martin/", "/qui-sommes-nous/", "/mentions-legales", "/abonnement/",
    "/newsletter-quotidienne/", "/newsletter/", "/actualites/2025/08/06/", "/2025/08/06/",
    "/actualites/2025/08/06/titre-123.html", "/la-reforme-des-retraites-adoptee/", "/recherche?q=x",
    "/static/img/", "/politique/?s=budget", "/a/b/c/", "/category/",
    "/spip.php?article127", "/spip.php?page=backend", "/spip.php?page=forum&id_article=127", "/mot5.html",
    "/article127.html", "/?p=123", "/?page_id=2", "/node/12", "/user/3", "/comment/12",
]


@pytest.mark.parametrize("path", ARTICLE_LINKS)
def test_listing_links_that_are_articles(path):
    assert generic_site.looks_like_article(SITE + path)


@pytest.mark.parametrize("path", NOT_ARTICLE_LINKS)
def test_listing_links_that_are_not_articles(path):
    assert not generic_site.looks_like_article(SITE + path)


@pytest.mark.parametrize("path", SECTION_LINKS)
def test_sections(path):
    assert generic_site.looks_like_section(SITE + path)


@pytest.mark.parametrize("path", NOT_SECTION_LINKS)
def test_not_sections(path):
    assert not generic_site.looks_like_section(SITE + path)


@pytest.mark.parametrize("path", ["/actualites/economie/", "/le-maire/", "/sport/football/le-club", *ARTICLE_LINKS])
def test_sitemap_and_feed_entries_are_articles_unless_excluded(path):
    assert generic_site.is_listed_article(SITE + path)


@pytest.mark.parametrize("path", ["/", "/tag/climat/", "/auteur/claire/", "/static/a.js", "/media/video.mp4",
                                  "/mentions-legales/", "/recherche?q=x", "/abonnement/", "/flux.xml",
                                  *CMS_NOT_ARTICLES])
def test_sitemap_and_feed_entries_that_are_excluded(path):
    assert not generic_site.is_listed_article(SITE + path)


@pytest.mark.parametrize("path, left_out", [
    ("/post_tag-sitemap.xml", True), ("/category-sitemap.xml", True), ("/author-sitemap.xml", True),
    ("/page-sitemap.xml", True), ("/sitemaps/sitemap-pages.xml", True), ("/sitemap-categories.xml", True),
    ("/post-sitemap.xml", False), ("/post-sitemap2.xml", False), ("/sitemaps/news.xml", False),
    ("/sitemap-articles-page-3.xml", False), ("/sitemap_index.xml", False), ("/sitemap-2025-08.xml.gz", False),
])
def test_sitemaps_of_taxonomies_are_left_out(path, left_out):
    assert generic_site.is_taxonomy_sitemap(SITE + path) is left_out


# --- which profile, which address ------------------------------------------------------------------


@pytest.fixture
def catalog(monkeypatch):
    monkeypatch.delenv(PROFILES_DIR_ENV, raising=False)
    return load_profiles()


@pytest.mark.parametrize("given, url", [
    ("example.fr", "https://example.fr/"), ("www.example.fr", "https://www.example.fr/"),
    ("https://www.example.fr", "https://www.example.fr/"), ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/"),
    (" https://example.fr/actualites/ ", "https://example.fr/actualites/"),
])
def test_site_url(given, url):
    assert site_url(given) == url


@pytest.mark.parametrize("given", ["", "ftp://example.fr/", "https://"])
def test_site_url_rejects_what_is_no_site(given):
    with pytest.raises(ValueError, match="-a site"):
        site_url(given)


def test_a_site_with_a_profile_is_crawled_with_it(catalog):
    profile, home = choose_profile(catalog, site="www.onemedia.fr")
    assert (profile.name, home) == ("onemedia", "https://www.onemedia.fr/")


def test_a_site_without_a_profile_has_none(catalog):
    assert choose_profile(catalog, site="https://www.journal-exemple.fr") == (None, "https://www.journal-exemple.fr/")


def test_a_profile_crawls_its_home_or_the_given_copy(catalog):
    assert choose_profile(catalog, profile="onemedia") == (catalog.get("onemedia"), "https://onemedia.fr/")
    copy = choose_profile(catalog, profile="onemedia", base_url="http://127.0.0.1:8000")
    assert copy == (catalog.get("onemedia"), "http://127.0.0.1:8000/")


@pytest.mark.parametrize("arguments, message", [
    ({}, "name the site to crawl"),
    ({"profile": "inconnu"}, "no site profile named 'inconnu' .*onemedia"),
    ({"site": "a.fr", "base_url": "https://b.fr/"}, "not both"),
])
def test_bad_arguments_are_clear_errors(catalog, arguments, message):
    with pytest.raises(ValueError, match=message):
        choose_profile(catalog, **arguments)


def make_spider(tmp_path, **arguments) -> NewsSpider:
    crawler = Crawler(NewsSpider, {"NEWSARCHIVE_DB": str(tmp_path / "archive.db")})
    return NewsSpider.from_crawler(crawler, **arguments)


def start_urls(spider) -> list[str]:
    async def collect():
        return [request.url async for request in spider.start()]
    return asyncio.run(collect())


def test_generic_spider_reads_robots_probes_feeds_and_the_home_page(tmp_path, monkeypatch):
    monkeypatch.delenv(PROFILES_DIR_ENV, raising=False)
    spider = make_spider(tmp_path, site="www.journal-exemple.fr")
    assert (spider.profile, spider.site, spider.allowed_domains) == (None, "journal-exemple.fr", ["journal-exemple.fr"])
    urls = start_urls(spider)
    assert urls[0] == "https://www.journal-exemple.fr/robots.txt"
    assert "https://www.journal-exemple.fr/" in urls
    assert {f"https://www.journal-exemple.fr/{path}" for path in generic_site.COMMON_FEED_PATHS} <= set(urls)
    assert spider.classify("https://journal-exemple.fr/actualites/2025/08/06/titre-123.html") == "article"
    assert spider.classify("https://www.journal-exemple.fr/politique/") == "section"
    assert spider.classify("https://www.journal-exemple.fr/tag/climat/") == "other"
    assert spider.classify("https://autre-journal.fr/actualites/2025/08/06/titre-123.html") == "offsite"


def test_the_kinds_a_spider_keeps_are_bounded_and_the_same_as_computed(tmp_path, monkeypatch):
    monkeypatch.delenv(PROFILES_DIR_ENV, raising=False)
    monkeypatch.setattr(news_module, "MAX_LINK_KINDS", 3)
    spider = make_spider(tmp_path, site="www.journal-exemple.fr")
    urls = [f"https://www.journal-exemple.fr/actualites/2025/08/06/titre-{number}.html" for number in range(5)]
    urls += ["https://www.journal-exemple.fr/politique/", "https://autre-journal.fr/"]
    first = [spider.classify(url) for url in urls]
    assert first == ["article"] * 5 + ["section", "offsite"]
    assert list(spider.link_kinds) == urls[:3]  # the first three met, no more
    assert [spider.classify(url) for url in urls] == first


def test_profile_spider_on_a_copy_asks_for_robots_txt_and_the_profiles_feeds_there(tmp_path, monkeypatch):
    monkeypatch.delenv(PROFILES_DIR_ENV, raising=False)
    spider = make_spider(tmp_path, profile="onemedia", base_url="http://127.0.0.1:8000/")
    assert spider.allowed_domains == ["onemedia.fr", "127.0.0.1"]
    assert (spider.site, spider.site_domain) == ("127.0.0.1:8000", "onemedia.fr")
    urls = start_urls(spider)
    assert {"http://127.0.0.1:8000/robots.txt", "http://127.0.0.1:8000/feed/"} <= set(urls)
    assert "http://127.0.0.1:8000/rss.xml" not in urls  # the profile names its feeds
    assert spider.classify("http://127.0.0.1:8000/france/un-article/") == "article"
    assert spider.classify("http://127.0.0.1:8000/category/france/") == "section"
    assert spider.classify("http://127.0.0.1:8000/tag/climat/") == "other"
    assert spider.is_article_url("https://onemedia.fr/france/un-article/")


# --- real crawls -----------------------------------------------------------------------------------


def crawl_news(db_path: Path, *arguments: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """``scrapy crawl news -a ...`` from the project root, into ``db_path``."""
    command = [sys.executable, "-m", "scrapy", "crawl", "news", *arguments, "-s", f"NEWSARCHIVE_DB={db_path}",
               *FAST_LOCAL]
    environment = {key: value for key, value in os.environ.items() if key not in ("NEWSARCHIVE_DB", PROFILES_DIR_ENV)}
    return subprocess.run(command, check=False, cwd=ROOT, env={**environment, **(env or {})}, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def news_site():
    with NewsFixtureSite() as site:
        yield site


@pytest.fixture(scope="module")
def generic_crawl(news_site, tmp_path_factory):
    news_site.requested.clear()
    db_path = tmp_path_factory.mktemp("generic") / "archive.db"
    result = crawl_news(db_path, "-a", f"site={news_site.base_url}")
    assert result.returncode == 0, result.stderr[-3000:]
    return db_path, list(news_site.requested)


def test_generic_crawl_archives_every_article_and_nothing_else(generic_crawl, news_site):
    db_path, _ = generic_crawl
    rows = query(db_path, "SELECT url, site, headline FROM articles")
    assert {row["url"] for row in rows} == news_site.article_urls
    assert {row["site"] for row in rows} == {site_key(news_site.base_url)}
    headlines = {news_site.url(article.path): article.headline for article in ARTICLES}
    assert {row["url"]: row["headline"] for row in rows} == headlines


def test_generic_crawl_never_asks_for_pages_that_are_no_articles(generic_crawl):
    _, requested = generic_crawl
    assert not set(requested) & set(NOT_ARTICLES)
    assert "/sitemaps/sitemap-categories.xml" not in requested
    assert "/flux/une.xml" in requested  # named by the home page's <link rel="alternate">


def test_generic_crawl_fetches_robots_txt_once_for_its_rules_and_its_sitemaps(generic_crawl):
    _, requested = generic_crawl
    assert requested.count("/robots.txt") == 1
    assert "/sitemaps/index.xml" in requested  # named by robots.txt only


def test_generic_crawl_counts_missing_feeds_as_no_failure(generic_crawl):
    db_path, _ = generic_crawl
    stats = last_run_stats(db_path)
    assert stats["newsarchive/feeds/missing"] == len(generic_site.COMMON_FEED_PATHS) - 1  # /rss.xml exists
    assert "newsarchive/fetch_failed" not in stats
    assert stats["newsarchive/sitemaps/left_out"] == 1


PROFILE = """
name = "courrier-du-vallon"
domains = ["courrier-du-vallon.fr"]
article_pattern = '^/actualites/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+-\\d+\\.html$'

[discovery]
sitemaps = ["https://www.courrier-du-vallon.fr/sitemaps/news.xml"]
feeds = ["/rss.xml", "/flux/une.xml"]
sections = ["/culture/"]

[selectors]
lead = "p.chapeau"
authors = ".signature a[rel=author]"
"""


def test_profile_crawl_of_a_copy_uses_the_profiles_pattern_discovery_and_selectors(news_site, tmp_path):
    (tmp_path / "courrier.toml").write_text(PROFILE, encoding="utf-8")
    db_path = tmp_path / "archive.db"
    news_site.requested.clear()
    result = crawl_news(db_path, "-a", "profile=courrier-du-vallon", "-a", f"base_url={news_site.base_url}",
                        env={PROFILES_DIR_ENV: str(tmp_path)})
    assert result.returncode == 0, result.stderr[-3000:]
    rows = query(db_path, "SELECT url, site, lead FROM articles")
    assert {row["site"] for row in rows} == {site_key(news_site.base_url)}
    assert {row["url"]: row["lead"] for row in rows} == {news_site.url(a.path): a.lead for a in ARTICLES}
    assert news_site.requested.count("/sitemaps/news.xml") == 1  # named by the profile and the sitemap index
    assert not {"/feed/", "/rss", "/atom.xml"} & set(news_site.requested)  # the profile names the feeds


@pytest.fixture(scope="module")
def onemedia_crawl(sample_server, tmp_path_factory):
    db_path = tmp_path_factory.mktemp("onemedia-profile") / "archive.db"
    result = crawl_news(db_path, "-a", "profile=onemedia", "-a", f"base_url={sample_server.url}")
    assert result.returncode == 1, result.stderr[-3000:]  # finished with errors: the site's fault pages
    return db_path


def test_onemedia_profile_crawls_the_sample_site_like_the_onemedia_spider(onemedia_crawl, sample_site):
    stored_faults = ("windows-1252", "wrong-charset", "truncated", "bad-date")
    rows = query(onemedia_crawl, "SELECT url, site, category FROM articles")
    faults = {sample_site.url(FAULT_PATHS[name]) for name in stored_faults}
    assert {row["url"] for row in rows} == {article.url for article in sample_site.articles} | faults
    assert {row["site"] for row in rows} == {site_key(sample_site.base_url)}
    categories = {row["url"]: row["category"] for row in rows}
    assert all(categories[article.url] == article.category for article in sample_site.articles)


def test_unknown_profile_stops_the_crawl_with_a_clear_error(tmp_path):
    result = crawl_news(tmp_path / "archive.db", "-a", "profile=inconnu")
    assert result.returncode == 2
    assert "no site profile named 'inconnu'" in result.stderr
