import json
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import pytest

from newsarchive.storage import (
    Archive,
    ArchiveUnavailable,
    ForeignDatabase,
    MalformedRecord,
    content_fingerprint,
)
from newsarchive.storage.migrations import FTS_TOKENIZER, migrations
from newsarchive.storage.raw import UnknownCompression, compress, decompress

SITE = "https://onemedia.fr"
FIRST_FETCH = "2025-08-07T08:00:00+00:00"
SECOND_FETCH = "2025-08-08T09:30:00+00:00"
PAGE = "<html><head><meta charset='windows-1252'></head><body><p>Été à l'école</p></body></html>"


def make_record(url, *, headline="Les États-Unis rouvrent l’École des douanes", paragraphs=None, **fields):
    record = {
        "url": url,
        "canonical_url": url,
        "site": "onemedia.fr",
        "headline": headline,
        "title": headline,
        "authors": ["Sara", "Louis Martin"],
        "byline": "by Sara",
        "category": "France",
        "breadcrumb": ["Home", "France", headline],
        "lead": "Un chapeau qui résume l’affaire.",
        "sections": [
            {"heading": None, "level": None,
             "paragraphs": paragraphs or ["Premier paragraphe inventé.", "Deuxième paragraphe, « cité »."]},
            {"heading": "Une sous-partie", "level": 2, "paragraphs": ["Troisième paragraphe."]},
        ],
        "captions": [{"text": "Une légende", "image_url": f"{SITE}/img/a.jpg", "credit": "Photo X", "position": 0}],
        "tags": ["Politique", "Économie"],
        "copyright": "Droits d’auteur © 2024 – onemedia.fr – Tous droits réservés",
        "language": "fr",
        "image_url": f"{SITE}/img/a.jpg",
        "published": "2025-08-06T14:32:00+02:00",
        "published_raw": "6 août 2025",
        "modified": None,
        "modified_raw": None,
        "sources": {"headline": "site"},
        "warnings": [],
    }
    record.update(fields)
    return record


def make_item(url, *, fetched_at=FIRST_FETCH, requested_url=None, body=PAGE.encode("cp1252"), **fields):
    raw = {
        "url": requested_url or url,
        "final_url": url,
        "status": 200,
        "headers": {"content-type": "text/html; charset=windows-1252", "etag": f'"{fetched_at}"'},
        "body": body,
        "fetched_at": fetched_at,
        "site": "onemedia.fr",
        "sitemap_lastmod": "2025-08-06T12:32:00+00:00",
    }
    return {"record": make_record(url, **fields), "raw": raw, "fingerprint": None}


@pytest.fixture
def archive(tmp_path):
    with Archive.open(tmp_path / "archive.db") as opened:
        yield opened


def rows(archive, sql, params=()):
    return [tuple(row) for row in archive.database.execute(sql, params).fetchall()]


def count(archive, table):
    return archive.database[table].count


def test_migrations_create_the_schema(tmp_path):
    path = tmp_path / "sub" / "dir" / "archive.db"
    with Archive.open(path) as archive:
        db = archive.database
        expected = {"articles", "article_urls", "sections", "captions", "authors", "article_authors", "tags",
                    "article_tags", "raw_pages", "runs", "revisions", "articles_fts"}
        assert expected <= set(db.table_names())
        columns = set(db["articles"].columns_dict)
        assert {"id", "url", "site", "headline", "body", "fingerprint", "etag", "last_modified", "removed_at",
                "sitemap_lastmod", "first_seen", "last_seen", "extractor_version"} <= columns
        indexed = {tuple(index.columns) for index in db["articles"].indexes}
        assert {("url",), ("published",), ("category",), ("site",), ("fingerprint",)} <= indexed
        assert {fk.other_table for fk in db["sections"].foreign_keys} == {"articles"}
        assert FTS_TOKENIZER in db["articles_fts"].schema and "porter" not in db["articles_fts"].schema
        assert db["articles"].detect_fts() == "articles_fts"
        assert db.journal_mode == "wal"
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with Archive.open(path) as reopened:
        applied = rows(reopened, "SELECT name FROM _sqlite_migrations WHERE migration_set = 'newsarchive'")
        assert applied[0] == ("m001_initial_schema",)
        assert len(set(applied)) == len(applied)  # re-opening applies nothing twice
        assert migrations.pending(reopened.db) == []


def test_full_text_search_ignores_accents_and_case(archive):
    archive.save_articles([make_item(f"{SITE}/france/douanes/")])

    def search(query):
        return rows(archive, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", [query])

    assert search('"etats-unis"') == [(1,)]
    assert search("ecole") == [(1,)]
    assert search("ÉCOLE") == [(1,)]
    assert search("resume") == [(1,)]  # lead
    assert search("troisieme") == [(1,)]  # body, second section
    assert search("inexistant") == []


def test_full_text_index_follows_updates(archive):
    archive.save_articles([make_item(f"{SITE}/france/douanes/")])
    archive.save_articles([make_item(f"{SITE}/france/douanes/", headline="Le Québec change d’avis",
                                     fetched_at=SECOND_FETCH)])
    match = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
    assert rows(archive, match, ["quebec"]) == [(1,)]
    assert rows(archive, match, ['"etats-unis"']) == [(0,)]


def test_stored_article_has_all_its_parts(archive):
    result = archive.save_articles([make_item(f"{SITE}/france/douanes/")])
    assert result.new == 1 and result.total == 1
    article = archive.database["articles"].get(1)
    assert article["url"] == f"{SITE}/france/douanes/"
    assert article["body"] == ("Premier paragraphe inventé.\nDeuxième paragraphe, « cité ».\n"
                               "Une sous-partie\nTroisième paragraphe.")
    assert json.loads(article["breadcrumb"]) == ["Home", "France", article["headline"]]
    assert article["word_count"] == len(article["body"].split())
    assert article["fingerprint"] == content_fingerprint(make_record(article["url"]))
    assert article["etag"] == f'"{FIRST_FETCH}"' and article["first_seen"] == FIRST_FETCH
    assert rows(archive, "SELECT position, heading, level, paragraphs FROM sections ORDER BY position") == [
        (0, None, None, '["Premier paragraphe inventé.", "Deuxième paragraphe, « cité »."]'),
        (1, "Une sous-partie", 2, '["Troisième paragraphe."]'),
    ]
    assert rows(archive, "SELECT text, image_url, credit FROM captions") == [
        ("Une légende", f"{SITE}/img/a.jpg", "Photo X")]
    assert rows(archive, "SELECT name FROM article_authors JOIN authors ON id = author_id ORDER BY position") == [
        ("Sara",), ("Louis Martin",)]
    assert rows(archive, "SELECT name, slug FROM article_tags JOIN tags ON id = tag_id ORDER BY position") == [
        ("Politique", "politique"), ("Économie", "economie")]


def test_tags_and_authors_are_shared_between_articles(archive):
    archive.save_articles([
        make_item(f"{SITE}/france/a/", tags=["Économie", "économie", "Fête"]),
        make_item(f"{SITE}/france/b/", paragraphs=["Autre texte."], tags=["ECONOMIE"]),
    ])
    assert rows(archive, "SELECT name, slug FROM tags ORDER BY id") == [("Économie", "economie"), ("Fête", "fete")]
    assert rows(archive, "SELECT article_id, tag_id FROM article_tags ORDER BY 1, 2") == [(1, 1), (1, 2), (2, 1)]
    assert count(archive, "authors") == 2


def test_unchanged_resave_only_touches_the_article(archive):
    url = f"{SITE}/france/douanes/"
    archive.save_articles([make_item(url)])
    result = archive.save_articles([make_item(url, fetched_at=SECOND_FETCH)])
    assert (result.new, result.unchanged, result.updated) == (0, 1, 0)
    assert count(archive, "articles") == 1 and count(archive, "revisions") == 0
    article = archive.database["articles"].get(1)
    assert (article["first_seen"], article["last_seen"]) == (FIRST_FETCH, SECOND_FETCH)
    assert article["etag"] == f'"{SECOND_FETCH}"'
    assert count(archive, "sections") == 2


def test_changed_content_updates_the_row_and_keeps_a_revision(archive):
    url = f"{SITE}/france/douanes/"
    archive.save_articles([make_item(url)])
    result = archive.save_articles([make_item(url, fetched_at=SECOND_FETCH, headline="Titre corrigé",
                                              tags=["Politique"], paragraphs=["Texte réécrit."])])
    assert result.updated == 1 and count(archive, "articles") == 1
    (seen_at, changed, previous), = rows(archive, "SELECT seen_at, changed_fields, previous FROM revisions")
    assert seen_at == SECOND_FETCH
    assert json.loads(changed) == ["headline", "breadcrumb", "sections", "tags"]
    previous = json.loads(previous)
    assert previous["headline"] == "Les États-Unis rouvrent l’École des douanes"
    assert previous["tags"] == ["Politique", "Économie"]
    assert previous["sections"][0]["paragraphs"][0] == "Premier paragraphe inventé."
    assert archive.database["articles"].get(1)["headline"] == "Titre corrigé"
    assert rows(archive, "SELECT paragraphs FROM sections WHERE position = 0") == [('["Texte réécrit."]',)]
    assert rows(archive, "SELECT count(*) FROM article_tags") == [(1,)]


def test_same_content_under_two_urls_is_one_article(archive):
    first, second = f"{SITE}/france/douanes/", f"{SITE}/monde/douanes-2/"
    archive.save_articles([make_item(first)])
    result = archive.save_articles([make_item(second, fetched_at=SECOND_FETCH)])
    assert result.merged == 1 and result.new == 0
    assert rows(archive, "SELECT id, url FROM articles") == [(1, first)]
    assert rows(archive, "SELECT url, article_id FROM article_urls ORDER BY url") == [(first, 1), (second, 1)]
    assert archive.article_id(second) == 1
    # seen again under the second URL: the same article, now found by URL
    assert archive.save_articles([make_item(second, fetched_at=SECOND_FETCH)]).unchanged == 1


def test_same_content_on_another_site_is_another_article(archive):
    archive.save_articles([make_item(f"{SITE}/france/douanes/")])
    other = make_item("https://autre-site.fr/france/douanes/")
    other["record"]["site"] = other["raw"]["site"] = "autre-site.fr"
    assert archive.save_articles([other]).new == 1


def test_canonical_variants_are_one_article(archive):
    canonical = f"{SITE}/france/douanes/"
    variants = ["http://ONEMEDIA.fr/france/douanes/?utm_source=rss#comments", f"{SITE}/france/douanes/amp/",
                f"{SITE}/france/douanes/?fbclid=abc"]
    items = []
    for variant in variants:
        item = make_item(variant)
        del item["record"]["canonical_url"]
        items.append(item)
    result = archive.save_articles(items)
    assert (result.new, result.unchanged) == (1, 2)
    assert rows(archive, "SELECT url FROM articles") == [(canonical,)]
    known = {url for (url,) in rows(archive, "SELECT url FROM article_urls")}
    assert canonical in known and f"{SITE}/france/douanes/?fbclid=abc" in known


def test_a_failing_batch_writes_nothing(archive):
    good = make_item(f"{SITE}/france/bon/")
    broken = make_item(f"{SITE}/france/casse/", paragraphs=["Autre."])
    broken["record"]["sections"] = "pas une liste"
    with pytest.raises(MalformedRecord, match="sections"):
        archive.save_articles([good, make_item(f"{SITE}/sport/autre/", paragraphs=["Encore."]), broken])
    for table in ("articles", "article_urls", "sections", "tags", "authors", "raw_pages", "articles_fts"):
        assert count(archive, table) == 0, table
    assert archive.save_articles([good]).new == 1


def test_a_record_without_url_is_refused(archive):
    item = make_item(f"{SITE}/france/douanes/")
    item["record"].update(url=None, canonical_url="pas une url")
    item["raw"].update(url=None, final_url=None)
    with pytest.raises(MalformedRecord, match="URL"):
        archive.save_articles([item])


def test_the_raw_page_of_a_changed_article_replaces_the_stored_one_and_an_unchanged_one_does_not(archive):
    url = f"{SITE}/france/douanes/"
    archive.save_articles([make_item(url, body=b"<html>first fetch</html>")])
    archive.save_articles([make_item(url, fetched_at=SECOND_FETCH, body=b"<html>same text, other page</html>")])
    assert archive.raw_page(1)["body"] == b"<html>first fetch</html>"
    archive.save_articles([make_item(url, fetched_at=SECOND_FETCH, headline="Le Québec change d’avis",
                                     body=b"<html>changed</html>")])
    page = archive.raw_page(1)
    assert (page["body"], page["fetched_at"]) == (b"<html>changed</html>", SECOND_FETCH)
    assert count(archive, "raw_pages") == 1


def test_raw_page_round_trip(archive):
    body = PAGE.encode("cp1252") * 50
    archive.save_articles([make_item(f"{SITE}/france/douanes/", body=body)])
    page = archive.raw_page(1)
    assert page["body"] == body
    assert page["encoding"] == "windows-1252"
    assert page["headers"]["etag"] == f'"{FIRST_FETCH}"'
    (stored_size, compression), = rows(archive, "SELECT length(body), compression FROM raw_pages")
    assert compression == "zlib" and stored_size < len(body) / 5
    assert archive.raw_page(99) is None


def test_raw_compression_helpers():
    assert decompress(compress(b"abc" * 10), "zlib") == b"abc" * 10
    assert decompress(compress(b"abc", "identity"), "identity") == b"abc"
    with pytest.raises(UnknownCompression):
        decompress(b"x", "brotli")
    with pytest.raises(ValueError, match="corrupt"):
        decompress(b"not zlib", "zlib")


def test_article_without_kept_body_has_no_raw_page(archive):
    item = make_item(f"{SITE}/france/douanes/")
    del item["raw"]["body"]
    archive.save_articles([item])
    assert count(archive, "raw_pages") == 0
    assert archive.database["articles"].get(1)["http_status"] == 200


def test_runs_are_recorded(archive):
    run_id = archive.start_run("onemedia", {"NEWSARCHIVE_BATCH_SIZE": 50})
    assert rows(archive, "SELECT spider, status, finished_at FROM runs") == [("onemedia", "running", None)]
    stats = {"response_received_count": 12, "newsarchive/articles_new": 3, "log_count/ERROR": 1,
             "start_time": datetime(2025, 8, 7, 8, 0, tzinfo=timezone.utc)}
    archive.finish_run(run_id, status="finished_with_errors", finish_reason="finished", stats=stats)
    run = archive.database["runs"].get(run_id)
    assert (run["status"], run["finish_reason"]) == ("finished_with_errors", "finished")
    assert (run["pages_fetched"], run["articles_new"], run["articles_updated"], run["errors"]) == (12, 3, 0, 1)
    assert json.loads(run["stats"])["start_time"].startswith("2025-08-07 08:00:00")
    assert json.loads(run["settings"]) == {"NEWSARCHIVE_BATCH_SIZE": 50}
    assert run["finished_at"] >= run["started_at"]


def test_crawl_state_and_removal(archive):
    url, alias = f"{SITE}/france/douanes/", f"{SITE}/monde/douanes/"
    archive.save_articles([make_item(url, requested_url=alias)])
    known = archive.crawl_state("onemedia.fr")
    assert set(known) == {url, alias}
    assert known[alias][:4] == (url, "2025-08-06T12:32:00+00:00", f'"{FIRST_FETCH}"', None)
    assert archive.crawl_state("autre-site.fr") == {}

    assert archive.mark_removed(alias, "2025-09-01T00:00:00+00:00") is True
    assert archive.mark_removed(f"{SITE}/france/inconnu/", "2025-09-01T00:00:00+00:00") is False
    assert archive.database["articles"].get(1)["removed_at"] == "2025-09-01T00:00:00+00:00"
    archive.save_articles([make_item(url, fetched_at=SECOND_FETCH)])
    assert archive.database["articles"].get(1)["removed_at"] is None


def test_fingerprint_ignores_presentation_only():
    base = make_record(f"{SITE}/a/")
    restyled = make_record(f"{SITE}/b/", headline="LES ETATS-UNIS rouvrent l'ecole des douanes",
                           paragraphs=["Premier  paragraphe inventé", "Deuxième paragraphe, \"cité\"."])
    reworded = make_record(f"{SITE}/c/", paragraphs=["Premier paragraphe modifié.", "Deuxième paragraphe."])
    assert content_fingerprint(base) == content_fingerprint(restyled)
    assert content_fingerprint(base) != content_fingerprint(reworded)
    assert content_fingerprint(make_record(f"{SITE}/d/", sections=[])) is None


def test_a_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(ForeignDatabase, match="not a newsarchive archive"):
        Archive.open(path)
    with sqlite3.connect(path) as connection:
        assert [name for (name,) in connection.execute("SELECT name FROM sqlite_master")] == ["invoices"]


def test_an_unusable_path_is_a_clear_error(tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    with pytest.raises(ArchiveUnavailable, match="cannot open the archive"):
        Archive.open(blocker / "archive.db")
    with pytest.raises(ArchiveUnavailable, match="no archive"):
        Archive.open(tmp_path / "missing.db", create=False)
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"this is not an sqlite file" * 100)
    with pytest.raises(ArchiveUnavailable):
        Archive.open(corrupt)


WRITER = textwrap.dedent("""
    import sys
    sys.path[:0] = [{tests!r}]
    from test_storage import make_item
    from newsarchive.storage import Archive

    archive = Archive.open(sys.argv[1])
    batch = 0
    while True:
        items = [make_item(f"https://onemedia.fr/france/a{{batch}}-{{i}}/", paragraphs=[f"Texte {{batch}} {{i}}."])
                 for i in range(20)]
        archive.save_articles(items)
        batch += 1
        print(batch, flush=True)
""")


def test_a_killed_writer_leaves_whole_batches(tmp_path):
    path = tmp_path / "archive.db"
    script = WRITER.format(tests=str(Path(__file__).parent))
    writer = subprocess.Popen([sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(5):
            assert writer.stdout.readline(), "the writer died"
    finally:
        writer.kill()
        writer.wait()
        writer.stdout.close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert articles >= 100 and articles % 20 == 0
        assert connection.execute("SELECT count(*) FROM sections").fetchone()[0] == 2 * articles
        assert connection.execute("SELECT count(*) FROM raw_pages").fetchone()[0] == articles
        assert connection.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'texte'").fetchone()[0] == articles
        connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
