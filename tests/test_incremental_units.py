"""The pieces of incremental crawling, without a crawl: decisions, listings, scope, storage, run outcome."""

from __future__ import annotations

import logging
from datetime import datetime, timezone

import pytest
from scrapy.settings import Settings

from newsarchive.crawl.incremental import Decision, IncrementalState, changed_since, conditional_headers, parse_when
from newsarchive.crawl.listing import is_next_page, listing_entries, page_position
from newsarchive.dates import PARIS
from newsarchive.runs.logs import summary_level
from newsarchive.runs.status import exit_status, run_status, summary_line
from newsarchive.sample_site import SampleSite
from newsarchive.crawl.scope import CrawlScope, parse_since, settings_from_arguments
from newsarchive.sites.rules import SiteRules
from newsarchive.storage import Archive, ArticleState, NotModified
from newsarchive.storage.incremental import read_crawl_state

SITE = "https://onemedia.fr"


def state(url=f"{SITE}/france/a/", *, lastmod="2025-08-06T12:32:00+00:00", modified=None, removed_at=None,
          etag='"e1"', last_modified="Wed, 06 Aug 2025 12:32:00 GMT", published="2025-08-06T14:00:00+02:00"):
    return ArticleState(url, lastmod, etag, last_modified, modified, published, removed_at)


# --- dates and decisions ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("2025-08-06T12:32:00+00:00", datetime(2025, 8, 6, 12, 32, tzinfo=timezone.utc)),
    ("2025-08-06T14:32:00+02:00", datetime(2025, 8, 6, 12, 32, tzinfo=timezone.utc)),
    ("2025-08-06T12:32:00Z", datetime(2025, 8, 6, 12, 32, tzinfo=timezone.utc)),
    ("2025-08-06", datetime(2025, 8, 6, tzinfo=timezone.utc)),
    ("Wed, 06 Aug 2025 12:32:00 +0000", datetime(2025, 8, 6, 12, 32, tzinfo=timezone.utc)),
    ("Wed, 06 Aug 2025 12:32:00 GMT", datetime(2025, 8, 6, 12, 32, tzinfo=timezone.utc)),
    ("hier", None), ("", None), (None, None),
])
def test_dates_of_sitemaps_feeds_and_headers_are_read(text, expected):
    assert parse_when(text) == expected


@pytest.mark.parametrize(("changed_at", "changed"), [
    (None, False),
    ("2025-08-06T12:32:00+00:00", False),  # the stored lastmod, as written
    ("2025-08-06T14:32:00+02:00", False),  # the same instant, written otherwise
    ("2025-08-05T09:00:00+00:00", False),  # older
    ("2025-08-06T12:33:00+00:00", True),
    ("Wed, 06 Aug 2025 12:40:00 +0000", True),  # a feed date
    ("le 6 août", True),  # unreadable: re-check rather than miss a change
])
def test_a_date_newer_than_the_stored_copy_is_a_sign_of_change(changed_at, changed):
    assert changed_since(changed_at, state()) is changed


def test_the_newest_stored_date_is_the_reference():
    known = state(lastmod=None, modified="2025-08-10T10:00:00+02:00", last_modified=None)
    assert not changed_since("2025-08-10T07:59:00+00:00", known)
    assert changed_since("2025-08-10T08:01:00+00:00", known)
    assert changed_since("2025-08-10T08:01:00+00:00", state(lastmod=None, modified=None, last_modified=None))


def test_decisions_fetch_new_skip_unchanged_recheck_changed_or_removed():
    url, alias = f"{SITE}/france/a/", f"{SITE}/monde/a/"
    incremental = IncrementalState({url: state(url), alias: state(url),
                                    f"{SITE}/france/b/": state(f"{SITE}/france/b/", removed_at="2025-08-09")})
    assert len(incremental) == 2
    assert incremental.decide(f"{SITE}/france/nouveau/") == (Decision.FETCH, None)
    assert incremental.decide(url)[0] is Decision.SKIP
    assert incremental.decide(f"{url}?utm_source=rss#top", "2025-08-01")[0] is Decision.SKIP  # canonical form
    assert incremental.decide(alias, "2025-08-07T00:00:00+00:00")[0] is Decision.RECHECK
    decision, known = incremental.decide(f"{SITE}/france/b/")
    assert decision is Decision.RECHECK and known.removed_at


def test_unlisted_articles_are_the_stored_ones_no_url_of_which_is_listed():
    a, b, c = (f"{SITE}/france/{slug}/" for slug in "abc")
    incremental = IncrementalState({a: state(a), f"{SITE}/monde/a/": state(a), b: state(b),
                                    c: state(c, removed_at="2025-08-09")})
    assert incremental.unlisted([f"{SITE}/monde/a/"]) == [state(b)]
    assert {known.article_url for known in incremental.unlisted([])} == {a, b}


def test_conditional_headers_come_from_the_stored_validators():
    assert conditional_headers(state()) == {"If-None-Match": '"e1"',
                                            "If-Modified-Since": "Wed, 06 Aug 2025 12:32:00 GMT"}
    assert conditional_headers(state(etag=None, last_modified=None)) == {}


# --- listings -------------------------------------------------------------------------------------------

def test_listing_entries_give_links_and_dates_newest_first():
    site = SampleSite(base_url="http://127.0.0.1:8000/")
    site.advance(edit=3, hours=2)
    response = site.respond("GET", "/")
    entries = listing_entries(response.body, site.base_url)
    newest = site.articles[:site.page_size]
    assert [entry.url for entry in entries] == [article.url for article in newest]
    assert [parse_when(entry.published) for entry in entries] == [article.published for article in newest]
    updated = {entry.url: parse_when(entry.modified) for entry in entries if entry.modified}
    assert updated == {article.url: article.modified for article in newest if article.is_updated}
    assert listing_entries(b"", site.base_url) == []


def test_pagination_positions():
    assert page_position(f"{SITE}/category/france/page/3/") == (f"{SITE}/category/france/", 3)
    assert page_position(f"{SITE}/category/france/") == (f"{SITE}/category/france/", 1)
    assert page_position(f"{SITE}/page/2/?s=x") == (f"{SITE}/", 2)
    assert is_next_page(f"{SITE}/page/2/", f"{SITE}/")
    assert is_next_page(f"{SITE}/category/france/page/4/", f"{SITE}/category/france/page/3/")
    assert not is_next_page(f"{SITE}/category/france/page/5/", f"{SITE}/category/france/page/3/")
    assert not is_next_page(f"{SITE}/category/monde/page/2/", f"{SITE}/category/france/")


def test_pagination_positions_in_the_query():
    """A page's number (``?page=2``) or, in SPIP's listings, the offset of its first entry (``debut_articles=10``)."""
    assert page_position(f"{SITE}/actualites?page=3") == (f"{SITE}/actualites", 3)
    assert page_position(f"{SITE}/spip.php?page=rubrique&id_rubrique=3") == (
        f"{SITE}/spip.php?page=rubrique&id_rubrique=3", 1)  # a template's name, no page's number
    assert page_position(f"{SITE}/spip.php?rubrique3&debut_articles=10#pagination") == (f"{SITE}/spip.php?rubrique3=", 11)
    assert is_next_page(f"{SITE}/actualites?page=2", f"{SITE}/actualites")
    assert not is_next_page(f"{SITE}/actualites?page=3", f"{SITE}/actualites")
    assert is_next_page(f"{SITE}/spip.php?rubrique3&debut_articles=10", f"{SITE}/spip.php?rubrique3")
    assert is_next_page(f"{SITE}/spip.php?rubrique3&debut_articles=20", f"{SITE}/spip.php?rubrique3&debut_articles=10")
    assert not is_next_page(f"{SITE}/spip.php?rubrique3&debut_articles=10",
                            f"{SITE}/spip.php?rubrique3&debut_articles=20")  # a page before
    assert not is_next_page(f"{SITE}/spip.php?rubrique5&debut_articles=10", f"{SITE}/spip.php?rubrique3")


# --- scope and spider arguments -------------------------------------------------------------------------

def test_since_is_midnight_in_paris_unless_a_time_is_given():
    assert parse_since("2025-08-01") == datetime(2025, 8, 1, tzinfo=PARIS)
    assert parse_since("2025-08-01T12:00:00+00:00") == datetime(2025, 8, 1, 12, tzinfo=timezone.utc)
    assert parse_since("2025-08-01T12:00") == datetime(2025, 8, 1, 12, tzinfo=PARIS)
    assert parse_since(None) is None


def test_scope_filters_urls_listings_dates_and_records():
    settings = {"NEWSARCHIVE_SINCE": "2025-08-01", "NEWSARCHIVE_CATEGORY": "France"}
    scope = CrawlScope.from_settings(settings, SiteRules.of("wordpress"))
    assert scope.category == "france" and scope.restricted
    assert scope.admits_url(f"{SITE}/france/a/") and not scope.admits_url(f"{SITE}/monde/a/")
    assert scope.admits_url(f"{SITE}/category/france/page/2/")
    assert not scope.admits_url(f"{SITE}/") and not scope.admits_url(f"{SITE}/category/monde/")
    assert scope.admits_date("2025-07-31T22:00:00+00:00")  # midnight in Paris
    assert not scope.admits_date("2025-07-31T21:59:00+00:00")
    assert scope.admits_date(None) and scope.admits_date("illisible")
    record = {"url": f"{SITE}/france/a/", "category": "France", "published": "2025-08-02T10:00:00+02:00"}
    assert scope.refusal(record) is None
    assert scope.refusal({**record, "published": "2025-07-02T10:00:00+02:00"}) == "before_since"
    assert scope.refusal({**record, "url": f"{SITE}/monde/a/", "category": "Monde"}) == "other_category"
    assert not CrawlScope().restricted and CrawlScope().admits_url(f"{SITE}/monde/a/")


def test_the_category_is_a_section_as_the_sites_url_rules_place_pages():
    generic = CrawlScope.from_settings({"NEWSARCHIVE_CATEGORY": "politique"}, SiteRules.of("generic"))
    assert generic.admits_url(f"{SITE}/politique/2025/08/06/titre-123.html")
    assert generic.admits_url(f"{SITE}/politique/") and generic.admits_url(f"{SITE}/politique/page/2/")
    assert generic.admits_url(f"{SITE}/actualites/politique/") and generic.admits_url(f"{SITE}/category/politique/")
    assert not generic.admits_url(f"{SITE}/economie/2025/08/06/titre-123.html")
    assert not generic.admits_url(f"{SITE}/economie/2025/08/06/politique-du-gouvernement-123.html")
    assert not generic.admits_url(f"{SITE}/economie/") and not generic.admits_url(f"{SITE}/")
    assert generic.rules.section_paths("politique") == ("", "politique/")
    wordpress = CrawlScope.from_settings({"NEWSARCHIVE_CATEGORY": "politique"}, SiteRules.of("wordpress"))
    assert wordpress.admits_url(f"{SITE}/politique/un-titre/")
    assert not wordpress.admits_url(f"{SITE}/politique/2025/08/06/titre-123.html")  # not a WordPress article
    assert wordpress.rules.section_paths("politique") == ("category/politique/",)


def test_spider_arguments_become_settings():
    assert settings_from_arguments({"full": "1", "since": "2025-08-01", "category": "Economie", "max_pages": "50",
                                    "max_minutes": "14", "base_url": "ignored"}) == {
        "NEWSARCHIVE_FULL_CRAWL": True, "NEWSARCHIVE_SINCE": "2025-08-01", "NEWSARCHIVE_CATEGORY": "economie",
        "CLOSESPIDER_PAGECOUNT": 50, "CLOSESPIDER_TIMEOUT": 840.0}


@pytest.mark.parametrize(("arguments", "message"), [
    ({"since": "hier"}, "-a since"), ({"max_pages": "0"}, "-a max_pages"), ({"max_minutes": "x"}, "-a max_minutes"),
    ({"full": "peut-être"}, "-a full"), ({"category": "../etc"}, "-a category"),
])
def test_bad_spider_arguments_are_refused_by_name(arguments, message):
    with pytest.raises(ValueError, match=message):
        settings_from_arguments(arguments)
    with pytest.raises(ValueError, match="NEWSARCHIVE_SINCE"):
        CrawlScope.from_settings({"NEWSARCHIVE_SINCE": "bientôt"})


# --- storage ----------------------------------------------------------------------------------------------

def article_item(url, *, fetched_at="2025-08-07T08:00:00+00:00", paragraph="Un paragraphe inventé."):
    record = {"url": url, "canonical_url": url, "site": "onemedia.fr", "headline": "Titre", "authors": ["Sara"],
              "category": "France", "sections": [{"heading": None, "level": None, "paragraphs": [paragraph]}],
              "published": "2025-08-06T14:32:00+02:00", "modified": "2025-08-06T14:32:00+02:00"}
    raw = {"url": url, "final_url": url, "status": 200, "body": b"<html></html>", "fetched_at": fetched_at,
           "headers": {"etag": '"v1"', "last-modified": "Wed, 06 Aug 2025 12:32:00 GMT"}, "site": "onemedia.fr",
           "sitemap_lastmod": "2025-08-06T12:32:00+00:00"}
    return {"record": record, "raw": raw, "fingerprint": None}


@pytest.fixture
def archive(tmp_path):
    with Archive.open(tmp_path / "archive.db") as opened:
        yield opened


def test_a_batch_records_articles_not_modified_and_removed_pages_together(archive):
    a, b = f"{SITE}/france/a/", f"{SITE}/france/b/"
    archive.save_articles([article_item(a), article_item(b, paragraph="Autre.")])
    result = archive.save_articles(
        [], not_modified=[NotModified(a, "2025-08-09T10:00:00+00:00", "2025-08-09T09:00:00+00:00"),
                          NotModified(f"{SITE}/france/inconnu/", "2025-08-09T10:00:00+00:00")],
        removed=[(b, "2025-08-09T10:00:00+00:00"), (f"{SITE}/france/inconnu/", "2025-08-09T10:00:00+00:00")])
    assert (result.not_modified, result.removed, result.total) == (1, 1, 0)
    row = archive.database["articles"].get(1)
    assert (row["last_seen"], row["sitemap_lastmod"], row["fetched_at"]) == (
        "2025-08-09T10:00:00+00:00", "2025-08-09T09:00:00+00:00", "2025-08-07T08:00:00+00:00")
    assert archive.database["articles"].get(2)["removed_at"] == "2025-08-09T10:00:00+00:00"
    again = archive.save_articles([], removed=[(b, "2025-08-10T10:00:00+00:00")])
    assert again.removed == 0 and archive.database["articles"].get(2)["removed_at"] == "2025-08-09T10:00:00+00:00"
    assert archive.database.execute("SELECT count(*) FROM revisions").fetchone()[0] == 0


def test_not_modified_never_moves_last_seen_back_and_clears_a_removal(archive):
    url = f"{SITE}/france/a/"
    archive.save_articles([article_item(url, fetched_at="2025-08-09T08:00:00+00:00")])
    archive.mark_removed(url, "2025-08-10T08:00:00+00:00")
    assert archive.touch_not_modified(url, "2025-08-08T08:00:00+00:00") is True
    row = archive.database["articles"].get(1)
    assert (row["last_seen"], row["removed_at"], row["sitemap_lastmod"]) == (
        "2025-08-09T08:00:00+00:00", None, "2025-08-06T12:32:00+00:00")
    assert archive.touch_not_modified(f"{SITE}/france/inconnu/", "2025-08-08T08:00:00+00:00") is False


def test_crawl_state_is_read_without_writing(archive, tmp_path):
    url = f"{SITE}/france/a/"
    archive.save_articles([article_item(url)])
    expected = {url: ArticleState(url, "2025-08-06T12:32:00+00:00", '"v1"', "Wed, 06 Aug 2025 12:32:00 GMT",
                                  "2025-08-06T14:32:00+02:00", "2025-08-06T14:32:00+02:00", None)}
    assert archive.crawl_state("onemedia.fr") == expected
    assert read_crawl_state(archive.path, "onemedia.fr") == expected
    assert read_crawl_state(tmp_path / "absent.db", "onemedia.fr") == {}
    assert not (tmp_path / "absent.db").exists()


def test_runs_left_running_are_marked_interrupted(archive):
    killed = archive.start_run("onemedia", {})
    finished = archive.start_run("onemedia", {})
    archive.finish_run(finished, status="success", finish_reason="finished", stats={"newsarchive/fetch_failed": 2})
    assert [run["id"] for run in archive.close_unfinished_runs()] == [killed]
    runs = {row["id"]: row for row in archive.database["runs"].rows}
    assert (runs[killed]["status"], runs[killed]["finish_reason"]) == ("interrupted", "unfinished")
    assert runs[killed]["pid"] and runs[killed]["host"]
    assert (runs[finished]["status"], runs[finished]["pages_failed"]) == ("success", 2)
    assert archive.close_unfinished_runs() == []


# --- run outcome ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("reason", "stats", "status", "code"), [
    ("finished", {"response_received_count": 100, "newsarchive/fetch_failed": 5}, "success", 0),
    ("closespider_pagecount", {}, "success", 0),
    ("finished", {"response_received_count": 80, "newsarchive/fetch_failed": 20}, "finished_with_errors", 1),
    ("finished", {"response_received_count": 100, "log_count/ERROR": 1}, "finished_with_errors", 1),
    ("finished", {"newsarchive/store_failed": 1}, "finished_with_errors", 1),
    ("closespider_errorcount", {}, "finished_with_errors", 1),
    ("site_unreachable", {"response_received_count": 9, "newsarchive/articles_new": 5}, "finished_with_errors", 1),
    ("archive_unavailable", {}, "failed", 2),
    ("shutdown", {"newsarchive/articles_new": 3}, "interrupted", 4),
])
def test_run_status_and_exit_status(reason, stats, status, code):
    assert run_status(reason, stats, 10.0) == status
    assert exit_status({"finish_reason": reason, **stats}, 10.0) == code
    assert exit_status({"finish_reason": reason, **stats, "newsarchive/run_status": status}) == code


def test_exit_status_of_runs_that_did_not_get_going():
    assert exit_status({"finish_reason": "archive_locked"}) == 3
    assert exit_status({}) == 2
    assert exit_status({"start_time": "..."}) == 4  # stopped without closing: killed
    assert run_status("finished", {"response_received_count": 1, "newsarchive/fetch_failed": 9}) == "success"


def test_summary_line_and_its_level():
    stats = {"response_received_count": 21, "downloader/response_status_count/304": 4, "newsarchive/articles_new": 2,
             "elapsed_time_seconds": 1.234}
    assert summary_line(7, "success", "finished", stats) == (
        "Run 7: success (finished) in 1.2 s; pages: 21 fetched, 4 not modified, 0 failed; "
        "articles: 2 new, 0 updated, 0 unchanged, 0 removed")
    assert summary_line(8, "interrupted", None, {}).startswith("Run 8: interrupted; pages: 0 fetched")
    stopped = {**stats, "scheduler/enqueued": 30, "scheduler/dequeued": 25, "scheduler/enqueued/redis": 9}
    assert "; pages: 21 fetched, 4 not modified, 0 failed, 5 left in the queue; articles: 2 new" in summary_line(
        9, "finished_with_errors", "site_unreachable", stopped)
    assert "0 failed; articles" in summary_line(9, "success", "finished", {**stopped, "scheduler/dequeued": 30})
    assert summary_level(Settings({"LOG_LEVEL": "DEBUG"})) == logging.INFO
    assert summary_level(Settings({"LOG_LEVEL": "WARNING"})) == logging.WARNING
