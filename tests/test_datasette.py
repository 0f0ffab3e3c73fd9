"""`datasette archive.db` with the project's plugin, through Datasette's own test client."""

import asyncio
import csv
import io
import json
import sqlite3
from importlib.metadata import entry_points
from dataclasses import replace
from datetime import datetime
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from analysis_archive import ARTICLES, build_archive

from newsarchive.datasette import plugin
from newsarchive.datasette.metadata import archive_metadata, is_archive

datasette_app = pytest.importorskip("datasette.app")
from datasette.plugins import pm  # noqa: E402

ETATS_UNIS = "Les États-Unis relèvent leurs droits de douane sur l’acier"


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("datasette") / "news.db"  # any name: the plugin recognises archives
    build_archive(path, raw_pages=True)
    return path


@pytest.fixture(scope="module")
def other_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("datasette-other") / "shop.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL)")
    connection.commit()
    connection.close()
    return path


@pytest.fixture(scope="module")
def datasette(archive_path, other_db):
    registered_here = not pm.is_registered(plugin)
    if registered_here:  # the package is installed without its entry point (see the next test)
        pm.register(plugin, name="newsarchive")
    yield datasette_app.Datasette([str(archive_path), str(other_db)])
    if registered_here:
        pm.unregister(plugin)


def get(datasette, path):
    response = asyncio.run(datasette.client.get(path))
    assert response.status_code == 200, (path, response.status_code)
    return response


def test_the_plugin_is_declared_as_an_entry_point():
    declared = {entry.name: entry.value for entry in entry_points(group="datasette")}
    assert declared.get("newsarchive") == "newsarchive.datasette.plugin"


def test_archives_get_the_metadata_and_other_databases_do_not(datasette):
    metadata = get(datasette, "/-/metadata.json").json()
    assert metadata["title"] == "newsarchive"
    assert set(metadata["databases"]) == {"news"}
    assert metadata["databases"]["news"]["tables"]["articles"]["fts_table"] == "articles_fts"


def test_tables_and_columns_are_described(datasette):
    page = get(datasette, "/news/articles").text
    described = archive_metadata()["databases"]["archive"]["tables"]["articles"]
    assert described["description"].split(".")[0] in page
    assert described["columns"]["url"] in page
    assert 'name="_search"' in page


def test_raw_pages_are_hidden(datasette):
    tables = {table["name"]: table for table in get(datasette, "/news.json").json()["tables"]}
    assert tables["raw_pages"]["hidden"] and tables["_sqlite_migrations"]["hidden"]
    assert not tables["articles"]["hidden"]
    assert "raw_pages" not in get(datasette, "/news").text


def test_search_box_finds_accented_words_on_the_flat_view(datasette):
    result = get(datasette, "/news/articles_flat.json?_search=etats-unis&_shape=objects").json()
    assert [row["headline"] for row in result["rows"]] == [ETATS_UNIS]
    assert json.loads(result["rows"][0]["tags"]) == ["États-Unis", "Commerce"]


def test_facets_on_category_tags_authors_and_dates(datasette):
    facets = get(datasette, "/news/articles_flat.json").json()["facet_results"]
    assert {"category", "tags", "authors", "published_day"} <= set(facets)
    tags = {result["value"]: result["count"] for result in facets["tags"]["results"]}
    assert tags["Commerce"] == 2 and tags["Croissance"] == 2
    assert facets["published_day"]["type"] == "date"
    authors = {result["value"]: result["count"] for result in facets["authors"]["results"]}
    assert authors["Sara"] == 2


def test_the_date_facet_counts_the_publisher_s_days(tmp_path):
    # 00:30 in Paris is 22:30 UTC the day before: the facet must count it on the day the site printed
    path = tmp_path / "night.db"
    build_archive(path, [replace(ARTICLES[0], published=datetime(2025, 8, 5, 0, 30, tzinfo=ZoneInfo("Europe/Paris")))],
                  raw_pages=False, runs=False)
    registered_here = not pm.is_registered(plugin)
    if registered_here:
        pm.register(plugin, name="newsarchive")
    try:
        page = get(datasette_app.Datasette([str(path)]), "/night/articles_flat.json").json()
    finally:
        if registered_here:
            pm.unregister(plugin)
    days = [result["value"] for facet in page["facet_results"].values() if facet["type"] == "date"
            for result in facet["results"]]
    assert days == ["2025-08-05"]


def test_views_answer_in_one_select(datasette):
    rows = get(datasette, "/news/tag_cooccurrence.json?tag=Croissance&_shape=array&_sort=other_tag").json()
    assert [(row["other_tag"], row["articles"]) for row in rows] == [("Budget", 1), ("Commerce", 1)]
    days = get(datasette, "/news/articles_per_day.json?_shape=array&_sort=day").json()
    assert [row["day"] for row in days] == ["2025-07-28", "2025-08-04", "2025-08-05", "2025-08-06", "2025-08-11"]


def test_is_archive_never_creates_a_file(tmp_path, archive_path, other_db):
    assert is_archive(str(archive_path))
    assert not is_archive(str(other_db))
    assert not is_archive(str(tmp_path / "missing.db"))
    assert not (tmp_path / "missing.db").exists()


def test_every_table_and_view_of_an_archive_is_described(datasette):
    tables = get(datasette, "/news.json").json()["tables"]
    views = [view["name"] for view in get(datasette, "/news.json").json().get("views", [])]
    described = archive_metadata()["databases"]["archive"]["tables"]
    shown = [table["name"] for table in tables if not table["hidden"]] + views
    assert {"articles", "articles_flat", "runs"} <= set(shown)
    assert [name for name in shown if not described.get(name, {}).get("description")] == []


def test_the_articles_table_opens_on_its_rows_with_the_descriptions_folded(datasette):
    html = get(datasette, "/news/articles").text
    folded = html.index('<details class="newsarchive-column-descriptions">')
    assert folded < html.index('<table class="rows-and-columns">')
    assert "<summary>What the " in html and "<dt>headline</dt><dd>Headline</dd>" in html[folded:]
    assert "dl.column-descriptions { display: none; }" in html  # Datasette's unfolded list is not shown
    facets = get(datasette, "/news/articles.json").json()["facet_results"]
    assert "published" not in facets  # no per-day facet above the rows (articles_per_day has the days)
    assert ETATS_UNIS in html


def test_other_databases_keep_datasette_s_own_pages(datasette):
    assert "newsarchive-column-descriptions" not in get(datasette, "/shop/orders").text


def test_an_article_page_reads_like_the_article(datasette):
    html = get(datasette, "/news/articles/1").text
    article = html[html.index('<article class="newsarchive-article"'):html.index("</article>")]
    assert f"<h1>{ETATS_UNIS}</h1>" in article
    assert "<dt>By</dt>" in article and "Julien Morel" in article
    assert "<dt>Published</dt>" in article and "2025-08-04T12:00:00+02:00" in article
    order = ["Washington a annoncé mardi", "<h2>Une riposte européenne</h2>", "Bruxelles prépare une riposte",
             'Un haut fourneau en Lorraine. — <span class="credit">AFP</span>',
             '<a href="https://onemedia.fr/wp-content/uploads/2025/08/0.jpg">', "Droits d’auteur © 2024"]
    positions = [article.index(text) for text in order]
    assert positions == sorted(positions)
    assert "<img" not in article  # nothing is loaded from the site
    columns = html.index('<details class="newsarchive-row-columns">')
    assert columns > html.index("</article>") and '<table class="rows-and-columns">' in html[columns:]


def test_rows_of_other_tables_keep_datasette_s_row_page(datasette):
    html = get(datasette, "/news/authors/1").text
    assert "newsarchive-article" not in html and '<table class="rows-and-columns">' in html


def test_raw_bodies_and_response_headers_are_served_by_no_page_export_or_sql(datasette):
    row = get(datasette, "/news/raw_pages.json?_shape=array&_size=1").json()[0]
    assert row["url"] and row["body"] is None and row["headers"] is None
    exported = list(csv.DictReader(io.StringIO(get(datasette, "/news/raw_pages.csv").text)))
    assert exported and {(row["body"], row["headers"]) for row in exported} == {("", "")}
    for sql in ("select length(body) as size, headers, body from raw_pages where body is not null",
                "select r.headers as headers from articles a join raw_pages r on r.article_id = a.id "
                "where r.headers is not null"):
        assert get(datasette, f"/news.json?sql={quote(sql)}&_shape=array").json() == []


def test_a_switch_serves_the_raw_pages_for_local_use(archive_path, monkeypatch):
    monkeypatch.setenv(plugin.EXPOSE_RAW_PAGES, "1")
    registered_here = not pm.is_registered(plugin)
    if registered_here:
        pm.register(plugin, name="newsarchive")
    try:
        local = datasette_app.Datasette([str(archive_path)])
        row = get(local, "/news/raw_pages.json?_shape=array&_size=1").json()[0]
    finally:
        if registered_here:
            pm.unregister(plugin)
    assert row["body"] is not None and row["headers"] is not None


def test_article_search_is_french_aware_ranked_and_highlighted(datasette):
    page = get(datasette, "/news/-/search?q=gouvernements").text
    assert "2 articles match" in page
    assert page.index("Le gouvernement présente son projet") < page.index("La Banque de France revoit")
    assert "<mark>gouvernement</mark>" in page
    assert 'href="/news/articles/' in page


def test_article_search_json_matches_the_command(datasette):
    result = get(datasette, "/news/-/search.json?q=l%E2%80%99%C3%A9coles%20climatis%C3%A9es").json()
    assert result["matching"] == "french" and result["total"] == 1
    hit, = result["results"]
    assert hit["headline"] == "Canicule : l’école ouvre ses portes aux familles"
    assert "**école**" in hit["snippet"] and "**climatisée**" in hit["snippet"]
    exact = get(datasette, "/news/-/search.json?q=ecoles&exact=1").json()
    assert exact["matching"] == "exact" and exact["total"] == 0
    dated = get(datasette, "/news/-/search.json?q=de&sort=date").json()["results"]
    assert [hit["published"] for hit in dated] == sorted((hit["published"] for hit in dated), reverse=True)
    assert get(datasette, "/news/-/search.json?q=de").json()["order"] == "newest"
    assert "newest first (only function words: nothing to rank by)" in get(datasette, "/news/-/search?q=de").text
    assert "nothing to rank by" not in get(datasette, "/news/-/search?q=de&sort=date").text


def test_article_search_escapes_the_text_and_explains_bad_queries(datasette):
    page = get(datasette, "/news/-/search?q=%22acier").text
    assert "a double quote is not closed" in page
    assert "<script>alert" not in get(datasette, "/news/-/search?q=%3Cscript%3Ealert(1)%3C/script%3E").text
    response = asyncio.run(datasette.client.get("/news/-/search.json?q=%22acier"))
    assert response.status_code == 400 and "not closed" in response.json()["error"]
    assert asyncio.run(datasette.client.get("/shop/-/search?q=x")).status_code == 404


def test_article_search_pages_past_the_end_whatever_the_offset(datasette):
    # an offset SQLite cannot hold is past the end too, not a server error
    for offset in ("5000", str(2**63 - 1), "99999999999999999999"):
        result = get(datasette, f"/news/-/search.json?q=gouvernements&offset={offset}").json()
        assert result["total"] == 2 and result["results"] == []
    assert "2 articles match" in get(datasette, "/news/-/search?q=gouvernements&offset=99999999999999999999").text


def test_the_archive_page_links_to_the_article_search(datasette):
    assert 'href="/news/-/search"' in get(datasette, "/news").text
