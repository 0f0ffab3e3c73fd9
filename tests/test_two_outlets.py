"""A crawl of the sample site's two outlets: the second republishes some of the first one's articles as
edited agency copy and keeps some of its own for subscribers; the archive must hold the clusters, the
access flags and the agencies that the sites' ground truth says."""

from __future__ import annotations

import json

import pytest
from crawling import query, successful_crawl
from mockserver import MockServer

from newsarchive.sample_site.outlet import ground_truth
from newsarchive.sample_site.site import DEFAULT_ARTICLES, DEFAULT_SEED


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("two-outlets") / "archive.db"
    with MockServer() as first, MockServer(extra_args=("--republisher",)) as second:
        for server in (first, second):
            successful_crawl("onemedia", server.url, db_path)
        truth = ground_truth(first.url, second.url, DEFAULT_ARTICLES, DEFAULT_SEED)
    return db_path, truth


def test_the_ground_truth_has_both_kinds(crawled):
    _, truth = crawled
    assert len(truth["clusters"]) >= 3
    flags = list(truth["access"].values())
    assert ("subscribers", True) in flags and ("free", False) in flags


def test_clusters_are_the_republished_articles(crawled):
    db_path, truth = crawled
    rows = query(db_path, "SELECT cluster_id, url, site, similarity FROM article_clusters ORDER BY cluster_id, url")
    clusters: dict[int, list] = {}
    for row in rows:
        clusters.setdefault(row["cluster_id"], []).append(row)
    pairs = sorted(tuple(sorted((member["url"] for member in members), key=lambda url: url not in
                                {first for first, _ in truth["clusters"]}))
                   for members in clusters.values())
    assert pairs == truth["clusters"]
    for members in clusters.values():
        assert len({member["site"] for member in members}) == 2  # one article of each outlet
        assert [member["similarity"] is None for member in members].count(True) == 1


def test_access_truncated_and_agencies_as_the_pages_say(crawled):
    db_path, truth = crawled
    stored = {row["url"]: row for row in query(db_path, "SELECT url, access, truncated, agencies FROM articles")}
    for url, (access, truncated) in truth["access"].items():
        assert (stored[url]["access"], bool(stored[url]["truncated"])) == (access, truncated), url
    for url, row in stored.items():
        assert json.loads(row["agencies"]) == truth["agencies"].get(url, []), url
        if url not in truth["access"]:  # the first outlet declares nothing
            assert (row["access"], row["truncated"]) == ("unknown", 0), url
