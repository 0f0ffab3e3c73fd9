"""Extraction in worker processes (``NEWSARCHIVE_EXTRACT_WORKERS``) archives exactly what in-process extraction does."""

from __future__ import annotations

import pytest
from crawling import archive_content, last_run_stats, run_crawl

pytestmark = pytest.mark.timeout(600)  # two crawls: slow on a busy machine


@pytest.fixture(scope="module")
def archives(sample_server, tmp_path_factory):
    folder = tmp_path_factory.mktemp("workers")
    crawls = {}
    for workers in (0, 2):
        db_path = folder / f"workers-{workers}.db"
        result = run_crawl("onemedia", sample_server.url, db_path, "-s", f"NEWSARCHIVE_EXTRACT_WORKERS={workers}")
        assert result.returncode == 1, result.stderr[-3000:]  # finished with errors: the fault pages
        crawls[workers] = (db_path, result)
    return crawls


def test_the_pool_is_used_only_when_asked(archives):
    assert "Extracting pages in 2 worker processes" in archives[2][1].stderr
    assert "worker processes" not in archives[0][1].stderr


def test_worker_processes_archive_exactly_what_in_process_extraction_does(archives, sample_site):
    in_process, pooled = archive_content(archives[0][0]), archive_content(archives[2][0])
    assert len(in_process) > len(sample_site.articles) - 1  # the articles and the stored fault pages
    assert pooled.keys() == in_process.keys()
    for url, article in in_process.items():
        assert pooled[url] == article, url


def test_bad_pages_are_counted_the_same_way(archives):
    counted = ("newsarchive/extracted", "newsarchive/not_article", "newsarchive/extract_failed", "newsarchive/articles_new",
               "newsarchive/empty_body", "newsarchive/duplicate/url", "newsarchive/duplicate/content")
    in_process, pooled = last_run_stats(archives[0][0]), last_run_stats(archives[2][0])
    assert {name: in_process.get(name) for name in counted} == {name: pooled.get(name) for name in counted}
    assert in_process["newsarchive/not_article"] > 0
