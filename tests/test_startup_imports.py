"""Processes import only what they use: the settings, an extraction worker and a crawl that is not a Redis worker
start without the archive's, the database library's or the Redis client's modules, and signing an article loads no
MinHash library (each costs every start-up)."""

import subprocess
import sys

import pytest

import newsarchive.storage
from crawling import ROOT


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
