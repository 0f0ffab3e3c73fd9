"""The stemmed full-text index: word-for-word stems, built by a migration, kept in step by every write."""

import copy
import sqlite3

import pytest
from analysis_archive import ARTICLES, FIRST_FETCH, build_archive, copy_archive, later, make_article, publish

from newsarchive.analysis.filters import Condition
from newsarchive.analysis.fts_plan import plan_query
from newsarchive.analysis.search import SearchOptions, search
from newsarchive.analysis.synthetic import article_item
from newsarchive.fulltext.french import query_alternatives, query_stems, stemmed_text, tokens
from newsarchive.storage import Archive
from newsarchive.storage.migrations import migrations

RETRAITES = make_article("Les retraites du public en débat", "Politique", "Sara", ["Retraites"], "2025-08-12",
                         ["Les députées ont réformé l’âge de départ.", "D’autres réformes sont annoncées."])
STEM_OBJECTS = ("articles_stems_stale", "articles_stems_gone", "article_stems_ai", "article_stems_ad",
                "article_stems_au")


@pytest.fixture
def archive_path(tmp_path):
    path = tmp_path / "archive.db"
    build_archive(path, [*ARTICLES, RETRAITES], raw_pages=False, runs=False)
    return path


def stemmed_hits(db, query, **options):
    return [hit.headline for hit in search(db, query, Condition(), SearchOptions(**options)).hits]


def aligned(db) -> bool:
    """Every article has stems with, column by column, as many tokens as its original text."""
    return db.execute("SELECT count(*) FROM articles_fts_docsize d JOIN articles_stems_fts_docsize s "
                      "ON s.id = d.id AND s.sz = d.sz").fetchone()[0] == db.execute(
                          "SELECT count(*) FROM articles").fetchone()[0]


def test_stems_replace_each_word_one_for_one():
    text = "Les États-Unis relèvent l’âge de la retraite ; qu’il réforme 49.3 x\u0301y \u0301"
    assert stemmed_text(text) == "le état unis relèvent l âge de la retrait qu il réform 49 3 x\u0301y"
    assert len(tokens(stemmed_text(text))) == len(tokens(text))
    assert stemmed_text(None) is None


def test_queries_drop_elided_articles_and_accept_words_without_accents():
    assert query_stems("l’Économie") == ["économ"] and query_stems("d'abord") == ["abord"]
    assert query_stems("aujourd’hui") == ["aujourd", "hui"]  # not an elided article
    assert query_alternatives("climatisee") == [["climatise"], ["climatis"]]
    assert query_alternatives("climatisée") == [["climatis"]]
    assert plan_query("la retraite").describe() == '"retrait"'
    assert plan_query("la").describe() == '"la"'


def test_a_new_archive_indexes_the_stems_aligned_with_the_text(archive_path):
    with Archive.open(archive_path, create=False) as archive:
        db = archive.database
        assert {"article_stems", "articles_stems_fts"} <= set(db.table_names())
        assert "unicode61 remove_diacritics 2" in db["articles_stems_fts"].schema
        assert aligned(db)
        assert stemmed_hits(db, "retraite") == ["Les retraites du public en débat"]


def test_snippets_mark_the_original_words(archive_path):
    with Archive.open(archive_path, create=False) as archive:
        hit, = search(archive.database, "retraite députée annonce", Condition(),
                      SearchOptions(highlight=("[", "]"))).hits
        assert "[retraites]" in hit.snippet or "[députées]" in hit.snippet
        body, = archive.database.execute(
            "SELECT highlight(articles_stems_fts, 2, '[', ']') FROM articles_stems_fts "
            "WHERE articles_stems_fts MATCH 'annonc AND deput'").fetchone()
        assert "Les [députées] ont réformé" in body and "sont [annoncées]" in body


def test_an_archive_without_stems_gets_them_from_the_migration_on_first_open(archive_path):
    connection = sqlite3.connect(archive_path)
    with connection:
        for trigger in STEM_OBJECTS:
            connection.execute(f"DROP TRIGGER {trigger}")
        connection.execute("DROP TABLE articles_stems_fts")
        connection.execute("DROP TABLE article_stems")
        connection.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_french_stems'")
    connection.close()
    with Archive.open(archive_path, create=False) as archive:
        db = archive.database
        assert "m007_french_stems" in [migration.name for migration in migrations.applied(db)]
        assert db.execute("SELECT count(*) FROM article_stems").fetchone()[0] == len(ARTICLES) + 1
        assert aligned(db)
        assert stemmed_hits(db, "réformes") == ["Les retraites du public en débat"]


def test_a_recrawl_with_new_text_restems_the_article(archive_path):
    site, published = publish([copy.deepcopy(RETRAITES)])
    article = published[0]
    article.sections[0].paragraphs = ["Les sénatrices examinent le texte."]
    item = article_item(site, article)
    item["raw"]["fetched_at"] = later(FIRST_FETCH, 24)
    with Archive.open(archive_path, create=False) as archive:
        assert archive.save_articles([item]).updated == 1
        db = archive.database
        assert stemmed_hits(db, "sénatrice") == ["Les retraites du public en débat"]
        assert stemmed_hits(db, "député") == []
        assert aligned(db)


def test_edits_by_another_client_drop_stale_stems_until_the_next_open(archive_path, tmp_path):
    connection = sqlite3.connect(archive_path)
    with connection:
        connection.execute("UPDATE articles SET headline = 'Les grèves continuent' WHERE headline LIKE 'Les retraites%'")
        connection.execute("DELETE FROM articles WHERE headline LIKE 'Tour de France%'")
        assert connection.execute("SELECT count(*) FROM articles_stems_fts WHERE articles_stems_fts MATCH "
                                  "'retrait OR montagn'").fetchone()[0] == 0
    connection.close()
    with Archive.open(archive_path, create=False) as archive:
        db = archive.database
        assert stemmed_hits(db, "grève") == ["Les grèves continuent"]
        assert stemmed_hits(db, "montagne") == []
        assert aligned(db)


def test_stemmed_matching_exact_matching_and_mixed_queries(archive_path):
    with Archive.open(archive_path, create=False) as archive:
        db = archive.database
        retraites = "Les retraites du public en débat"
        assert stemmed_hits(db, "retraite") == [retraites]
        assert stemmed_hits(db, "retraite", exact=True) == []
        assert stemmed_hits(db, '"retraite"') == []
        assert stemmed_hits(db, "retrait*") == [retraites]  # a prefix of the words as written
        assert stemmed_hits(db, 'réforme "âge de départ"') == [retraites]
        assert stemmed_hits(db, 'réforme "âges de départ"') == []
        assert stemmed_hits(db, "réforme -député") == []
        assert set(stemmed_hits(db, 'retraite OR "droits de douane"')) == {
            retraites, "Les États-Unis relèvent leurs droits de douane sur l’acier"}
        assert stemmed_hits(db, 'réforme OR "droits de douane"', columns=["body"]) == [retraites]
        results = search(db, "gouvern* -budget", Condition(), SearchOptions())
        assert results.fts_query == 'articles_fts: "gouvern"* AND NOT articles_stems_fts: "budget"'
        assert [hit.headline for hit in results.hits] == ["La Banque de France revoit sa prévision de croissance"]


def test_sort_by_date_is_newest_first(archive_path):
    with Archive.open(archive_path, create=False) as archive:
        newest = stemmed_hits(archive.database, "de", order="date")
        assert newest[0] == "Les retraites du public en débat"
        assert newest == stemmed_hits(archive.database, "de", order="newest")


def test_copies_of_an_archive_keep_their_stems(archive_path, tmp_path):
    copied = copy_archive(archive_path, tmp_path / "copy.db")
    connection = sqlite3.connect(copied)
    assert connection.execute("SELECT count(*) FROM articles_stems_fts WHERE articles_stems_fts MATCH 'retrait'"
                              ).fetchone()[0] == 1
    connection.close()
