"""Processes import only what they use: the settings, an extraction worker and a crawl that is not a Redis worker
start without the archive's, the database library's or the Redis client's modules, signing an article loads no
MinHash library, and a crawl does not import the Scrapy components its settings turn off (each costs every
start-up)."""

import subprocess
import sys

import pytest
from scrapy.utils.conf import build_component_list

import newsarchive.storage
from crawling import ROOT, crawl_settings
from newsarchive.crawl.components import SWITCHED_COMPONENTS
from newsarchive.sample_site.loopback import free_port


def modules_after(*imports: str, then: str = "") -> set[str]:
    """The top-level packages and project modules loaded by a fresh interpreter after ``imports`` and the code
    ``then``."""
    statements = [*(f"import {name}" for name in imports), *([then] if then else [])]
    code = "; ".join([*statements, "import sys", "print('\\n'.join(sys.modules))"])
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_the_settings_do_not_import_the_archive():
    loaded = modules_after("newsarchive.settings")
    assert "newsarchive.storage.location" in loaded
    assert not loaded & {"newsarchive.storage.archive", "sqlite_utils", "newsarchive.extraction"}


def test_an_extraction_worker_does_not_import_the_archive():
    loaded = modules_after("newsarchive.parallel.extraction")
    assert "newsarchive.storage.derived" in loaded
    assert not loaded & {"newsarchive.storage.archive", "sqlite_utils", "redis"}


def test_extracting_a_page_that_says_its_language_does_not_load_the_language_classifier():
    page = "<html lang='fr'><body><article><h1>Le titre</h1><p>" + "Un texte suivi, assez long. " * 20 + "</p></article>"
    loaded = modules_after("newsarchive.extraction", then=f"newsarchive.extraction.extract_article({page!r}.encode(), "
                                                           "'https://www.journal-test.example/a/b.html')")
    assert "newsarchive.extraction.text_language" in loaded
    assert "py3langid" not in loaded


def test_signing_an_article_loads_neither_datasketch_nor_scipy():
    # a worker signs each article it extracts, the writer each one it stores: datasketch loads scipy (about a second)
    loaded = modules_after("newsarchive.storage.derived", then="newsarchive.storage.derived.derive("
                           "{'url': 'https://a.fr/x/', 'headline': 'Titre', 'sections': [{'heading': None, "
                           "'paragraphs': ['mot ' * 40]}]}).signature.any()")
    assert {"numpy", "newsarchive.clusters.signatures"} <= loaded
    assert not loaded & {"datasketch", "scipy"}


def test_a_crawl_that_is_no_redis_worker_does_not_import_the_redis_client():
    loaded = modules_after("spiders.base", "pipelines.store", "newsarchive.distributed.addon",
                           "newsarchive.distributed.pipeline")
    assert "newsarchive.distributed.connection" in loaded
    assert "redis" not in loaded


def test_the_storage_package_still_offers_its_names():
    from newsarchive.storage import Archive, archive_path
    from newsarchive.storage.archive import Archive as defined
    from newsarchive.storage.location import archive_path as located

    assert (Archive, archive_path) == (defined, located)
    for name in newsarchive.storage.__all__:  # each name found in the module it is said to live in
        assert getattr(newsarchive.storage, name).__name__ == name
    with pytest.raises(AttributeError, match="Archives"):
        newsarchive.storage.Archives  # noqa: B018


def crawl_modules(tmp_path, *settings: str) -> tuple[set[str], str]:
    """The modules a ``scrapy crawl news`` process has loaded when it ends, and its log: a crawl of a loopback port
    nothing listens on (its robots.txt cannot be fetched: the crawl ends at once, its components all built)."""
    argv = ["scrapy", "crawl", "news", "-a", f"base_url=http://127.0.0.1:{free_port()}/", "-s",
            f"NEWSARCHIVE_DB={tmp_path / 'archive.db'}", *(item for setting in settings for item in ("-s", setting))]
    code = (f"import sys; from scrapy.cmdline import execute; sys.argv = {argv!r}\n"
            "try:\n    execute()\nexcept SystemExit:\n    pass\nprint('\\n'.join(sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    return set(result.stdout.split()), result.stderr


def test_a_crawl_does_not_import_the_components_its_settings_turn_off(tmp_path):
    loaded, log = crawl_modules(tmp_path)
    assert "Not crawling 127.0.0.1" in log  # the crawl ran (and built its extensions and middlewares)
    assert "scrapy.core.engine" in loaded
    # the remote control's aiohttp, the cookies middleware's tldextract, the telnet console's Twisted conch
    assert not loaded & {"aiohttp", "tldextract", "twisted.conch", "scrapy.extensions.remote_control",
                         "scrapy.downloadermiddlewares.cookies", "scrapy.extensions.telnet"}


def test_a_component_turned_on_with_its_setting_runs(tmp_path):
    loaded, log = crawl_modules(tmp_path, "COOKIES_ENABLED=True")
    assert "scrapy.downloadermiddlewares.cookies.CookiesMiddleware" in log  # among the enabled middlewares logged
    assert "tldextract" in loaded
    for switch, name, component in SWITCHED_COMPONENTS:
        assert component not in build_component_list(crawl_settings().getwithbase(name))
        assert component in build_component_list(crawl_settings(**{switch: "True"}).getwithbase(name))
