import json
import logging
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from scrapy import Spider, signals
from scrapy.exceptions import CloseSpider, NotConfigured
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from crawling import ROOT, project_settings
from newsarchive.items import ArticleItem, RawPage
from newsarchive.runs.extension import CrawlRun
from newsarchive.runs.status import run_status
from newsarchive.storage import archive_path
from newsarchive.storage.rows import build_rows
from pipelines.dedup import DedupPipeline, DuplicateArticle
from pipelines.store import SQLitePipeline

SITE = "https://onemedia.fr"
PROJECT_ROOT = Path(__file__).resolve().parents[1]


def article(url, *, text="Un paragraphe inventé pour le test.", requested_url=None,
            fetched_at="2025-08-07T08:00:00+00:00"):
    record = {
        "url": url, "canonical_url": url, "site": "onemedia.fr", "headline": f"Titre {text[:12]}",
        "authors": ["Sara"], "byline": "by Sara", "category": "France", "breadcrumb": ["Home", "France"],
        "lead": None, "sections": [{"heading": None, "level": None, "paragraphs": [text]}], "captions": [],
        "tags": ["Société"], "copyright": None, "language": "fr", "published": "2025-08-06T14:32:00+02:00",
    }
    raw = {"url": requested_url or url, "final_url": url, "status": 200, "headers": {}, "body": b"<html></html>",
           "fetched_at": fetched_at, "site": "onemedia.fr", "sitemap_lastmod": None}
    return ArticleItem(record=record, raw=raw, fingerprint=None)


class ArchiveSpider(Spider):
    name = "archive-test"


def make_crawler(tmp_path, **settings):
    return get_crawler(ArchiveSpider, project_settings(NEWSARCHIVE_DB=str(tmp_path / "archive.db"), **settings))


def run_pipelines(crawler, items, reason="finished"):
    """Drive the run extension and the dedup and store pipelines as the engine does (the real engine is
    in the last test): the run opens, the pipelines store, then the run records its end."""
    run = crawler.get_extension(CrawlRun)
    dedup, store = build_from_crawler(DedupPipeline, crawler), build_from_crawler(SQLitePipeline, crawler)
    run.spider_opened(spider=None)
    for item in items:
        try:
            store.process_item(dedup.process_item(item))
        except DuplicateArticle as exc:
            crawler.signals.send_catch_log(signals.item_dropped, item=item, response=None, exception=exc, spider=None)
    store.close_spider()
    run.spider_closed(spider=None, reason=reason)
    return store


def query(path, sql):
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


def test_dedup_drops_url_and_content_duplicates():
    crawler = get_crawler(ArchiveSpider, project_settings())
    dedup = build_from_crawler(DedupPipeline, crawler)
    first = dedup.process_item(article(f"{SITE}/france/a/"))
    assert first["fingerprint"].startswith("v1:")
    with pytest.raises(DuplicateArticle) as by_url:
        dedup.process_item(article(f"{SITE}/france/a/", requested_url=f"{SITE}/france/a/?utm_source=rss"))
    assert by_url.value.original_url == f"{SITE}/france/a/"
    assert f"{SITE}/france/a/?utm_source=rss" in by_url.value.urls
    with pytest.raises(DuplicateArticle) as by_content:
        dedup.process_item(article(f"{SITE}/monde/a-bis/"))
    assert by_content.value.original_url == f"{SITE}/france/a/"
    assert dedup.process_item(article(f"{SITE}/france/b/", text="Un autre texte."))["fingerprint"]
    assert crawler.stats.get_value("newsarchive/duplicate/url") == 1
    assert crawler.stats.get_value("newsarchive/duplicate/content") == 1
    page = RawPage(url=f"{SITE}/", final_url=f"{SITE}/")
    assert dedup.process_item(page) is page


def test_dedup_lets_a_later_version_of_an_article_through():
    dedup = build_from_crawler(DedupPipeline, get_crawler(ArchiveSpider, project_settings()))
    versions = [article(f"{SITE}/france/a/", text=text) for text in ("Premier état.", "Corrigé.", "Premier état.")]
    assert [dedup.process_item(version)["fingerprint"] for version in versions]  # edited, then reverted
    with pytest.raises(DuplicateArticle):
        dedup.process_item(article(f"{SITE}/france/a/", text="Premier état."))


def test_dedup_can_be_switched_off():
    with pytest.raises(NotConfigured):
        build_from_crawler(DedupPipeline, get_crawler(ArchiveSpider, project_settings(NEWSARCHIVE_DEDUP_ENABLED=False)))


def test_store_pipeline_archives_batches_and_records_the_run(tmp_path):
    crawler = make_crawler(tmp_path, NEWSARCHIVE_BATCH_SIZE=2)
    items = [article(f"{SITE}/france/a{i}/", text=f"Texte numéro {i}.") for i in range(5)]
    items.append(article(f"{SITE}/monde/a0-bis/", text="Texte numéro 0."))  # same content, other URL
    items.append(article(f"{SITE}/france/a1/", text="Texte numéro 1.",
                         requested_url=f"{SITE}/france/a1/?fbclid=x"))  # same URL, same page
    run_pipelines(crawler, items)

    db = tmp_path / "archive.db"
    assert query(db, "SELECT count(*) FROM articles") == [(5,)]
    assert query(db, f"SELECT a.url FROM article_urls u JOIN articles a ON a.id = article_id "
                     f"WHERE u.url = '{SITE}/monde/a0-bis/'") == [(f"{SITE}/france/a0/",)]
    assert query(db, f"SELECT article_id FROM article_urls WHERE url = '{SITE}/france/a1/?fbclid=x'") == [(2,)]
    assert crawler.stats.get_value("newsarchive/articles_new") == 5
    assert crawler.stats.get_value("newsarchive/articles_stored") == 5
    (spider, status, reason, stats, new), = query(
        db, "SELECT spider, status, finish_reason, stats, articles_new FROM runs")
    assert (spider, status, reason, new) == ("archive-test", "success", "finished", 5)
    assert json.loads(stats)["newsarchive/duplicate/content"] == 1


def test_a_second_crawl_counts_unchanged_and_updated(tmp_path):
    run_pipelines(make_crawler(tmp_path), [article(f"{SITE}/france/a/"), article(f"{SITE}/france/b/", text="B.")])
    crawler = make_crawler(tmp_path)
    run_pipelines(crawler, [article(f"{SITE}/france/a/", fetched_at="2025-08-08T08:00:00+00:00"),
                            article(f"{SITE}/france/b/", text="B, corrigé.")])
    assert crawler.stats.get_value("newsarchive/articles_unchanged") == 1
    assert crawler.stats.get_value("newsarchive/articles_updated") == 1
    db = tmp_path / "archive.db"
    assert query(db, "SELECT count(*) FROM articles") == [(2,)]
    assert query(db, "SELECT count(*) FROM revisions") == [(1,)]
    assert query(db, "SELECT id, articles_unchanged, articles_updated FROM runs ORDER BY id") == [
        (1, 0, 0), (2, 1, 1)]


def test_a_bad_item_does_not_lose_its_batch(tmp_path, caplog):
    crawler = make_crawler(tmp_path, NEWSARCHIVE_BATCH_SIZE=10)
    broken = article(f"{SITE}/france/casse/", text="Cassé.")
    broken["record"]["captions"] = ["pas un objet"]
    items = [article(f"{SITE}/france/a/"), broken, article(f"{SITE}/france/b/", text="B.")]
    with caplog.at_level(logging.WARNING, logger="pipelines.store"):
        run_pipelines(crawler, items)
    assert query(tmp_path / "archive.db", "SELECT url FROM articles ORDER BY id") == [
        (f"{SITE}/france/a/",), (f"{SITE}/france/b/",)]
    assert crawler.stats.get_value("newsarchive/store_failed") == 1
    assert crawler.stats.get_value("newsarchive/articles_new") == 2
    assert any(f"Cannot store the article {SITE}/france/casse/" in r.getMessage() for r in caplog.records)
    assert query(tmp_path / "archive.db", "SELECT status FROM runs") == [("finished_with_errors",)]


def test_a_forced_stop_records_the_run_once_the_batch_being_written_is_committed(tmp_path, monkeypatch):
    """A second SIGTERM records the end of the run without closing the spider, while the writer thread may be
    in the middle of a batch: the run waits for that batch, and the batches after it are not written."""
    writing, go_on = threading.Event(), threading.Event()

    def slow_rows(item):  # inside the batch's transaction
        writing.set()
        go_on.wait(30)
        return build_rows(item)

    monkeypatch.setattr("newsarchive.storage.archive.build_rows", slow_rows)
    crawler = make_crawler(tmp_path, NEWSARCHIVE_BATCH_SIZE=1)
    run, store = crawler.get_extension(CrawlRun), build_from_crawler(SQLitePipeline, crawler)
    run.spider_opened(spider=None)
    store.process_item(article(f"{SITE}/france/a/"))
    store.process_item(article(f"{SITE}/france/b/", text="B."))  # waits behind the first batch
    assert writing.wait(30)
    threading.Timer(0.5, go_on.set).start()
    run.spider_closed(spider=None, reason="shutdown")  # as after a second SIGTERM: no close_spider()
    store.writer.shutdown(wait=True)
    db = tmp_path / "archive.db"
    stored = query(db, "SELECT url FROM articles ORDER BY id")
    assert stored[0] == (f"{SITE}/france/a/",)  # b too, when the writer thread took it before the run ended
    assert query(db, "SELECT status, finish_reason, articles_new FROM runs") == [("interrupted", "shutdown", len(stored))]
    assert crawler.stats.get_value("newsarchive/store_failed") is None


def test_raw_pages_can_be_left_out(tmp_path):
    run_pipelines(make_crawler(tmp_path, NEWSARCHIVE_KEEP_RAW=False), [article(f"{SITE}/france/a/")])
    db = tmp_path / "archive.db"
    assert query(db, "SELECT count(*) FROM articles") == [(1,)]
    assert query(db, "SELECT count(*) FROM raw_pages") == [(0,)]


def test_an_unusable_archive_closes_the_spider(tmp_path, caplog):
    (tmp_path / "file").write_text("x")
    crawler = get_crawler(ArchiveSpider, project_settings(NEWSARCHIVE_DB=str(tmp_path / "file" / "archive.db")))
    run, store = crawler.get_extension(CrawlRun), build_from_crawler(SQLitePipeline, crawler)
    with caplog.at_level(logging.ERROR), pytest.raises(CloseSpider) as closing:
        run.spider_opened(spider=None)
    assert closing.value.reason == "archive_unavailable"
    assert "Cannot use the archive" in caplog.text
    store.close_spider()
    run.spider_closed(spider=None, reason="archive_unavailable")
    assert run.lock is None and run.archive is None


def test_the_store_pipeline_and_the_run_are_off_together(tmp_path):
    """Without an archive to write (NEWSARCHIVE_STORE off, a Redis worker), neither the run nor the store is built;
    the store without the run that opens its archive is a clear error, not a crawl that stores nothing."""
    for off in ({"NEWSARCHIVE_STORE": False}, {"NEWSARCHIVE_REDIS_URL": "redis://127.0.0.1:1/0"}):
        crawler = get_crawler(ArchiveSpider, project_settings(**off))
        assert crawler.get_extension(CrawlRun) is None
        with pytest.raises(NotConfigured):
            build_from_crawler(SQLitePipeline, crawler)
    without_run = get_crawler(ArchiveSpider, project_settings(NEWSARCHIVE_DB=str(tmp_path / "a.db"), EXTENSIONS={}))
    with pytest.raises(ValueError, match="CrawlRun"):
        build_from_crawler(SQLitePipeline, without_run)


def test_archive_path_setting_then_environment_then_default(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSARCHIVE_DB", raising=False)
    assert archive_path(get_crawler(ArchiveSpider).settings) == ROOT / "data" / "archive.db"
    monkeypatch.setenv("NEWSARCHIVE_DB", str(tmp_path / "env.db"))
    assert archive_path(get_crawler(ArchiveSpider).settings) == tmp_path / "env.db"
    chosen = get_crawler(ArchiveSpider, {"NEWSARCHIVE_DB": str(tmp_path / "set.db")}).settings
    assert archive_path(chosen) == tmp_path / "set.db"


@pytest.mark.parametrize(("reason", "errors", "status"), [
    ("finished", 0, "success"), ("finished", 2, "finished_with_errors"), ("closespider_pagecount", 0, "success"),
    ("shutdown", 0, "interrupted"), ("archive_unavailable", 0, "failed"),
])
def test_run_status(reason, errors, status):
    assert run_status(reason, {"log_count/ERROR": errors}) == status


CRAWL = textwrap.dedent("""
    import json, sys
    sys.path[:0] = [{tests!r}]
    from scrapy.crawler import CrawlerProcess
    from crawling import project_settings
    from test_pipelines_store import article
    from scrapy import Spider

    class Archiving(Spider):
        name = "archiving"

        async def start(self):
            yield article("https://onemedia.fr/france/a/")
            yield article("https://onemedia.fr/monde/a-bis/")
            yield article("https://onemedia.fr/france/b/", text="Autre texte.")

    process = CrawlerProcess(project_settings(
        ITEM_PIPELINES={{"pipelines.dedup.DedupPipeline": 200, "pipelines.store.SQLitePipeline": 300}},
        LOG_LEVEL="INFO", NEWSARCHIVE_WARC=False, NEWSARCHIVE_DB=sys.argv[1],
    ))
    crawler = process.create_crawler(Archiving)
    process.crawl(crawler)
    process.start()
    print(json.dumps(crawler.stats.get_value("finish_reason")))
""")


def test_a_real_crawl_archives_and_a_bad_archive_stops_it(tmp_path):
    (tmp_path / "file").write_text("x")
    db = tmp_path / "archive.db"
    script = CRAWL.format(tests=str(Path(__file__).parent))

    def crawl(archive):
        done = subprocess.run([sys.executable, "-c", script, str(archive)],
                              cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr

    assert crawl(db)[0] == "finished"
    assert query(db, "SELECT url FROM articles ORDER BY id") == [
        ("https://onemedia.fr/france/a/",), ("https://onemedia.fr/france/b/",)]
    assert ("https://onemedia.fr/monde/a-bis/", 1) in query(db, "SELECT url, article_id FROM article_urls")
    assert query(db, "SELECT spider, status, finish_reason, articles_new FROM runs") == [
        ("archiving", "success", "finished", 2)]
    reason, log = crawl(tmp_path / "file" / "x.db")
    assert reason == "archive_unavailable" and "Cannot use the archive" in log
