"""``scrapy crawl onemedia`` against the offline site: every article archived, exactly, and bad input survived."""

from __future__ import annotations

import json

import pytest
from crawling import last_run_stats, query, run_crawl, successful_crawl
from seed import FINAL_PUNCTUATION, SEED, seed_article, seed_copyright, seed_lines

from newsarchive.cli import main
from newsarchive.dates import PARIS
from newsarchive.sample_site import FAULT_PATHS, running_site

FURNITURE = ("You may also like", "Leave a Comment", "Droits d’auteur", "Partager", "Facebook", "Laisser un commentaire")


@pytest.fixture(scope="module")
def crawled(sample_server, tmp_path_factory):
    db_path = tmp_path_factory.mktemp("crawl") / "archive.db"
    result = run_crawl("onemedia", sample_server.url, db_path)
    assert result.returncode == 1, result.stderr[-3000:]  # finished with errors: the fault pages
    return db_path, result


def stored(db_path, url: str) -> dict:
    rows = query(db_path, "SELECT a.* FROM articles a JOIN article_urls u ON u.article_id = a.id WHERE u.url = ?", (url,))
    assert rows, f"{url} is not in the archive"
    return dict(rows[0])


def children(db_path, table: str, article_id: int) -> list[dict]:
    return [dict(row) for row in query(db_path, f"SELECT * FROM {table} WHERE article_id = ? ORDER BY position", (article_id,))]


def tag_names(db_path, article_id: int) -> list[str]:
    rows = query(db_path, "SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
                          "WHERE at.article_id = ? ORDER BY at.position", (article_id,))
    return [row["name"] for row in rows]


def author_names(db_path, article_id: int) -> list[str]:
    rows = query(db_path, "SELECT au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id "
                          "WHERE aa.article_id = ? ORDER BY aa.position", (article_id,))
    return [row["name"] for row in rows]


def squash(text: str) -> str:
    return " ".join(text.split())


STORED_FAULTS = ("windows-1252", "wrong-charset", "truncated", "bad-date")  # articles, however damaged


def test_one_row_per_article(crawled, sample_site):
    db_path, _ = crawled
    archived = {row["url"] for row in query(db_path, "SELECT url FROM articles")}
    faults = {sample_site.url(FAULT_PATHS[name]) for name in STORED_FAULTS}
    assert archived == {article.url for article in sample_site.articles} | faults


def test_article_under_two_urls_is_stored_once_with_both(crawled, sample_site):
    db_path, _ = crawled
    article = sample_site.duplicate
    row = stored(db_path, article.url)
    urls = {r["url"] for r in query(db_path, "SELECT url FROM article_urls WHERE article_id = ?", (row["id"],))}
    assert {article.url, *article.alias_urls} <= urls


@pytest.mark.parametrize("field", ["headline", "authors", "category", "published", "modified", "sections",
                                   "captions", "tags", "copyright", "lead", "breadcrumb"])
def test_every_article_field_matches_the_ground_truth(crawled, sample_site, field):
    db_path, _ = crawled
    for article in sample_site.articles:
        row = stored(db_path, article.url)
        assert actual(db_path, row, field) == expected(article, field), f"{field} of {article.url}"


def actual(db_path, row: dict, field: str):
    if field == "authors":
        return author_names(db_path, row["id"])
    if field == "tags":
        return tag_names(db_path, row["id"])
    if field == "sections":
        return [(s["heading"], s["level"], json.loads(s["paragraphs"])) for s in children(db_path, "sections", row["id"])]
    if field == "captions":
        return [(c["text"], c["credit"], c["image_url"]) for c in children(db_path, "captions", row["id"])]
    if field == "breadcrumb":
        return json.loads(row["breadcrumb"])
    return row[field]


def expected(article, field: str):
    if field == "authors":
        return [article.author]
    if field in ("published", "modified"):
        return getattr(article, field).astimezone(PARIS).isoformat()
    if field == "sections":
        return [(s.heading, s.level, [squash(p) for p in s.paragraphs]) for s in article.sections if s.heading or s.paragraphs]
    if field == "captions":
        return [(squash(c.text), c.credit, c.image_url) for c in article.captions]
    if field == "lead":
        return squash(article.lead) if article.lead else None
    if field == "headline":
        return squash(article.headline)
    return getattr(article, field)


def test_no_page_furniture_in_bodies(crawled):
    db_path, _ = crawled
    bodies = [row["body"] for row in query(db_path, "SELECT body FROM articles")]
    for marker in FURNITURE:
        assert not any(marker in body for body in bodies), marker


def test_bad_input_is_counted_and_the_crawl_goes_on(crawled):
    db_path, result = crawled
    stats = last_run_stats(db_path)
    assert stats["newsarchive/fetch_failed/http_500"] == 1
    assert stats["newsarchive/not_article"] >= 2  # empty body, no headline
    assert stats.get("newsarchive/gone/404", 0) + stats.get("newsarchive/gone/410", 0) >= 2
    assert stats["newsarchive/redirect_loop"] == 1
    assert stats["newsarchive/fetch_failed/DownloadCancelledError"] == 1  # the oversized page
    assert stats["newsarchive/fetch_failed"] == 3  # 500, redirect loop, oversized
    assert "Traceback" not in result.stderr


def test_windows_1252_pages_are_decoded(crawled, sample_site):
    db_path, _ = crawled
    for name in ("windows-1252", "wrong-charset"):
        row = stored(db_path, sample_site.url(FAULT_PATHS[name]))
        assert "é" in row["headline"] + row["body"] and "\ufffd" not in row["body"] + row["headline"]


def test_impossible_date_is_null_with_raw_text_kept(crawled, sample_site):
    db_path, _ = crawled
    stats = last_run_stats(db_path)
    url = sample_site.url(FAULT_PATHS["bad-date"])
    rows = query(db_path, "SELECT published, published_raw FROM articles a JOIN article_urls u ON u.article_id = a.id "
                          "WHERE u.url = ?", (url,))
    assert rows, "the article with an impossible date is stored, with a NULL date"
    assert rows[0]["published"] is None and rows[0]["published_raw"]
    assert stats["newsarchive/warning/date_unparsed"] >= 1


def test_run_is_recorded_with_stats_and_the_stats_dump_is_logged(crawled):
    db_path, result = crawled
    run = dict(query(db_path, "SELECT * FROM runs ORDER BY id DESC LIMIT 1")[0])
    assert run["spider"] == "onemedia" and run["finished_at"] and run["status"]
    assert "Dumping Scrapy stats" in result.stderr


def test_recrawl_updates_instead_of_adding(sample_server, sample_site, tmp_path):
    db_path = tmp_path / "archive.db"
    articles = len(sample_site.articles) + len(STORED_FAULTS)
    assert run_crawl("onemedia", sample_server.url, db_path).returncode == 1  # the fault pages fail each time
    assert last_run_stats(db_path)["newsarchive/articles_new"] == articles
    assert query(db_path, "SELECT count(*) FROM articles")[0][0] == articles
    urls = query(db_path, "SELECT count(*) FROM article_urls")[0][0]
    assert run_crawl("onemedia", sample_server.url, db_path).returncode == 1
    second = last_run_stats(db_path)
    assert "newsarchive/articles_new" not in second and "newsarchive/articles_stored" not in second
    assert query(db_path, "SELECT count(*) FROM articles")[0][0] == articles
    assert query(db_path, "SELECT count(*) FROM article_urls")[0][0] == urls
    runs = [tuple(row) for row in query(db_path, "SELECT articles_new, articles_updated FROM runs ORDER BY id")]
    assert runs == [(articles, 0), (0, 0)]
    assert query(db_path, "SELECT count(*) FROM revisions")[0][0] == 0


@pytest.mark.skipif(not SEED.exists(), reason="../shared seed article not available")
def test_seed_article_is_archived_exactly(tmp_path):
    """The real onemedia.fr page (its rendered text, read at run time) rendered into the offline site."""
    lines = seed_lines()
    with running_site(articles=5) as server:
        article = server.site.add_article(seed_article())
        successful_crawl("onemedia", server.url, tmp_path / "archive.db")
    db_path = tmp_path / "archive.db"
    row = stored(db_path, article.url)
    assert row["headline"] == lines[1]
    assert author_names(db_path, row["id"]) == ["Sara"] and row["byline"] == "by Sara"
    assert row["category"] == "France"
    sections = children(db_path, "sections", row["id"])
    tag_line = next(line for line in lines if " | " in line)
    body_lines = lines[5 : lines.index(tag_line) - 2]
    assert [s["heading"] for s in sections if s["heading"]] == [
        line for line in body_lines if not FINAL_PUNCTUATION.search(line)
    ]
    assert len([s for s in sections if s["heading"]]) == 5
    stored_lines = [line for s in sections for line in ([s["heading"]] if s["heading"] else []) + json.loads(s["paragraphs"])]
    assert stored_lines == [squash(line) for line in body_lines]
    assert [c["text"] for c in children(db_path, "captions", row["id"])] == [squash(c.text) for c in article.captions]
    assert tag_names(db_path, row["id"]) == tag_line.split(" | ") and len(tag_line.split(" | ")) == 9
    assert row["copyright"] == seed_copyright()
    for marker in ("You may also like", "Leave a Comment", "Droits d’auteur"):
        assert marker not in row["body"]


def test_stored_pages_reextract_to_the_same_articles(crawled, capsys):
    """The raw pages are kept with the page class that read them: re-extraction changes nothing."""
    db_path, _ = crawled
    assert {row[0] for row in query(db_path, "SELECT DISTINCT extractor_site FROM raw_pages")} == {"onemedia.fr"}
    assert main(["reextract", "--db", str(db_path), "--dry-run"]) == 0
    assert " 0 articles would change" in capsys.readouterr().out
