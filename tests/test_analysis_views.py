import json

import pytest
from analysis_archive import ARTICLES, build_archive

from newsarchive.storage import Archive

VIEWS = {"articles_flat", "articles_per_day", "tag_cooccurrence", "article_changes"}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("views") / "archive.db"
    build_archive(path, raw_pages=False, runs=False)
    with Archive.open(path, create=False) as opened:
        yield opened


def query(archive, sql, params=()):
    return [tuple(row) for row in archive.database.execute(sql, params)]


def test_the_views_exist(archive):
    assert VIEWS <= set(archive.database.view_names())


def test_articles_flat_has_one_row_per_article_with_lists_flattened(archive):
    rows = query(archive, "SELECT headline, authors, tags, sections, captions, revisions, published_day "
                          "FROM articles_flat ORDER BY id")
    assert len(rows) == len(ARTICLES)
    headline, authors, tags, sections, captions, revisions, day = rows[0]
    assert headline == ARTICLES[0].headline
    assert json.loads(authors) == ["Julien Morel"] and json.loads(tags) == ["États-Unis", "Commerce"]
    assert (sections, captions, revisions, day) == (2, 1, 0, "2025-08-04")
    tagged = query(archive, "SELECT a.headline FROM articles_flat a, json_each(a.tags) t "
                            "WHERE t.value = 'Croissance' ORDER BY a.id")
    assert tagged == [(ARTICLES[2].headline,), (ARTICLES[3].headline,)]


def test_articles_per_day_counts_per_category(archive):
    rows = query(archive, "SELECT day, site, category, articles FROM articles_per_day ORDER BY day")
    assert rows == [
        ("2025-07-28", "onemedia.fr", "Sport", 1), ("2025-08-04", "onemedia.fr", "International", 1),
        ("2025-08-05", "onemedia.fr", "France", 1), ("2025-08-06", "onemedia.fr", "Économie", 1),
        ("2025-08-11", "onemedia.fr", "Politique", 1)]


def test_tag_cooccurrence_lists_each_pair_both_ways(archive):
    with_croissance = query(archive, "SELECT other_tag, articles FROM tag_cooccurrence WHERE tag = 'Croissance' "
                                     "ORDER BY other_tag")
    assert with_croissance == [("Budget", 1), ("Commerce", 1)]
    pairs = query(archive, "SELECT tag, other_tag, articles FROM tag_cooccurrence WHERE tag < other_tag "
                           "ORDER BY tag, other_tag")
    assert pairs == [("Budget", "Croissance", 1), ("Canicule", "Éducation", 1), ("Commerce", "Croissance", 1),
                     ("Commerce", "États-Unis", 1)]
    assert query(archive, "SELECT count(*) FROM tag_cooccurrence WHERE tag = 'Cyclisme'") == [(0,)]


def test_an_archive_made_before_the_views_gets_them_when_opened(tmp_path):
    path = tmp_path / "old.db"
    build_archive(path, ARTICLES[:1], raw_pages=False, runs=False)
    with Archive.open(path) as archive:
        for view in VIEWS:
            archive.database.execute(f"DROP VIEW {view}")
        archive.database.execute("DELETE FROM _sqlite_migrations WHERE name = 'm002_analysis_views'")
    with Archive.open(path, create=False) as archive:
        assert VIEWS <= set(archive.database.view_names())
        assert query(archive, "SELECT count(*) FROM articles_flat") == [(1,)]
