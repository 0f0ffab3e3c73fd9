"""A site that stops answering in the middle of a run stops the crawl soon after (``site_unreachable``, exit
status 1, said in the quiet line); a site with a few broken pages among good ones is crawled to its end."""

from __future__ import annotations

import re
import threading
import time

import pytest
from crawling import last_run_stats, project_settings, query, run_crawl
from scrapy import Request, Spider
from scrapy.exceptions import DownloadCancelledError, DownloadConnectionRefusedError, IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from newsarchive.crawl.unreachable import UnreachableSiteMiddleware
from newsarchive.sample_site import hostile
from newsarchive.sample_site.loopback import serving
from newsarchive.settings import CONCURRENT_REQUESTS, NEWSARCHIVE_UNREACHABLE_AFTER

ARTICLES = 120
ALIVE_FOR = 5  # articles served before the site dies


class DyingSite(dict):
    """The routes of a site whose articles ``/actualite/article-N/`` are served until ``alive_for`` of them have
    been; from then on, every request gets ``failure`` (a route), and ``on_death()`` is called once."""

    def __init__(self, url: str, failure, alive_for: int = ALIVE_FOR, on_death=lambda: None):
        self.urls = [f"{url}actualite/article-{number}/" for number in range(ARTICLES)]
        super().__init__({"/": (200, {}, b"<html><body><h1>Accueil</h1></body></html>"),
                          "/robots.txt": (200, {"Content-Type": "text/plain"}, f"Sitemap: {url}sitemap.xml\n".encode()),
                          "/sitemap.xml": (200, {"Content-Type": "application/xml"}, hostile.sitemap(self.urls))})
        self.update({article.removeprefix(url[:-1]): self._article for article in self.urls})
        self.failure, self.alive_for, self.on_death = failure, alive_for, on_death
        self.served, self.down = 0, False
        self._lock = threading.Lock()

    def get(self, path, default=None):
        return self.failure if self.down else super().get(path, default)

    def _article(self, handler):
        with self._lock:
            if self.down:
                return _answer(self.failure, handler)
            self.served += 1
            if self.served >= self.alive_for:
                self.down = True
                self.on_death()
        number = handler.path.strip("/").rpartition("-")[2]
        return 200, {}, hostile.article_page(f"Dépêche numéro {number} du jour")


def _answer(route, handler):
    return route(handler) if callable(route) else route


def hang_up(handler):
    """No answer at all: the connection is closed after the request was read."""
    raise ConnectionAbortedError("the site hangs up")


def too_slow(handler):
    time.sleep(2.5)  # past the crawl's DOWNLOAD_TIMEOUT
    return 503, {}, b"trop tard"


UNAVAILABLE = (503, {}, b"Service Unavailable")


def stop_listening(server):
    """Connections refused from now on (the listener closed; requests meanwhile get ``hang_up``)."""
    def stop():
        server.shutdown()
        server.server_close()

    threading.Thread(target=stop, daemon=True).start()


def crawl_dying_site(tmp_path, failure, *settings: str, refuse: bool = False):
    """The crawl's result, its stats, the archive, and the requests the site had received when it died."""
    db = tmp_path / "archive.db"
    received = []
    with serving() as (server, url):
        server.handle_error = lambda request, client_address: None  # hang_up is no traceback

        def die():
            received.append(len(server.requested))
            if refuse:
                stop_listening(server)

        server.routes = DyingSite(url, failure, on_death=die)
        result = run_crawl("news", url, db, "-s", "NEWSARCHIVE_QUIET=1", *settings)
    return result, last_run_stats(db), db, received[0]


@pytest.mark.parametrize("failure, settings, refuse, limit", [
    (hang_up, (), True, NEWSARCHIVE_UNREACHABLE_AFTER),  # connections refused
    (hang_up, (), False, NEWSARCHIVE_UNREACHABLE_AFTER),  # connections closed unanswered
    (UNAVAILABLE, (), False, NEWSARCHIVE_UNREACHABLE_AFTER),  # every answer a 503
    (too_slow, ("-s", "DOWNLOAD_TIMEOUT=1", "-s", "NEWSARCHIVE_UNREACHABLE_AFTER=3"), False, 3),  # timeouts
], ids=["refused", "hung-up", "503", "timeouts"])
def test_a_site_that_stops_answering_stops_the_crawl_soon_after(tmp_path, failure, settings, refuse, limit):
    result, stats, db, received = crawl_dying_site(tmp_path, failure, *settings, refuse=refuse)
    assert result.returncode == 1, result.stderr[-3000:]
    assert stats["finish_reason"] == "site_unreachable" and stats["newsarchive/site_unreachable"] == 1
    # sent once the site was dead: the requests under way then (their failures do not count: the site answered
    # since they were sent), the failures that made the limit, and those the downloader held when it was reached
    assert stats["downloader/request_count"] <= received + CONCURRENT_REQUESTS + limit + CONCURRENT_REQUESTS < ARTICLES
    assert query(db, "SELECT count(*) FROM articles")[0][0] == stats["newsarchive/articles_new"] == ALIVE_FOR
    summary = re.fullmatch(
        rf"Run 1: finished_with_errors \(site_unreachable: the site stopped answering\) in [\d.]+ s; "
        rf"pages: \d+ fetched, 0 not modified, \d+ failed, (\d+) left in the queue; articles: {ALIVE_FOR} new, .*; "
        rf"archive: {re.escape(str(db))}; last problem: 127.0.0.1:\d+ stopped answering: {limit} requests in a row "
        rf"failed .*", result.stderr.strip())
    assert summary, result.stderr[-3000:]
    # the pages queued and never asked for, which the summary no longer leaves out
    assert int(summary.group(1)) == stats["scheduler/enqueued"] - stats["scheduler/dequeued"] > 0


def test_the_next_run_fetches_what_the_stopped_one_left(tmp_path):
    db = tmp_path / "archive.db"
    with serving() as (server, url):
        site = DyingSite(url, UNAVAILABLE)
        server.routes = site
        stopped = run_crawl("news", url, db)
        site.down, site.alive_for = False, ARTICLES * 10  # the site is back
        again = run_crawl("news", url, db)
    assert stopped.returncode == 1 and again.returncode == 0, again.stderr[-3000:]
    runs = query(db, "SELECT status, finish_reason, articles_new FROM runs ORDER BY id")
    assert [tuple(run) for run in runs] == [("finished_with_errors", "site_unreachable", ALIVE_FOR),
                                            ("success", "finished", ARTICLES - ALIVE_FOR)]
    assert query(db, "SELECT count(*) FROM articles")[0][0] == ARTICLES


def test_a_site_with_broken_pages_among_good_ones_is_crawled_to_its_end(tmp_path):
    """With the default limit: 2 pages in each 5 answer 500. Scrapy retries them after the pages queued before them,
    so their last tries, 40 failures, come one after the other at the end of the run: the site answered meanwhile."""
    db = tmp_path / "archive.db"
    with serving() as (server, url):
        site = DyingSite(url, UNAVAILABLE, alive_for=ARTICLES * 10)
        for number, article in enumerate(site.urls):
            if number % 5 in (1, 2):
                site[article.removeprefix(url[:-1])] = (500, {}, b"Internal Server Error")
        server.routes = site
        result = run_crawl("news", url, db)
    stats = last_run_stats(db)
    assert result.returncode == 1  # failed pages: finished with errors, not stopped
    assert stats["finish_reason"] == "finished" and "newsarchive/site_unreachable" not in stats, result.stderr[-3000:]
    assert stats["newsarchive/fetch_failed"] == ARTICLES * 2 // 5 > NEWSARCHIVE_UNREACHABLE_AFTER
    assert query(db, "SELECT count(*) FROM articles")[0][0] == ARTICLES * 3 // 5


# --- the middleware alone ---------------------------------------------------------------------------------------

class ClosingEngine:
    def __init__(self):
        self.reasons = []

    def close_spider_async(self, *, reason):
        self.reasons.append(reason)


def guard(**settings):
    crawler = get_crawler(Spider, project_settings(**settings))
    crawler.engine = ClosingEngine()
    return build_from_crawler(UnreachableSiteMiddleware, crawler), crawler


def sent(middleware, url: str) -> Request:
    request = Request(url)
    assert middleware.process_request(request) is None
    return request


def fail(middleware, request, exception=None):
    if exception is None:
        middleware.process_response(request, Response(request.url, status=503))
    else:
        assert middleware.process_exception(request, exception) is None


def answer(middleware, request, status=200):
    middleware.process_response(request, Response(request.url, status=status))


def test_failures_in_a_row_are_counted_per_site_and_any_answer_starts_them_again():
    middleware, crawler = guard(NEWSARCHIVE_UNREACHABLE_AFTER=3)
    down, up = "https://www.down.fr/a/", "https://up.fr/b/"
    fail(middleware, sent(middleware, down), DownloadConnectionRefusedError())
    fail(middleware, sent(middleware, down))
    answer(middleware, sent(middleware, down), 404)  # an answer: the count starts again
    fail(middleware, sent(middleware, down))
    fail(middleware, sent(middleware, down), IgnoreRequest())  # refused on purpose: no failure of the site
    fail(middleware, sent(middleware, down), DownloadCancelledError())  # too large: the site answered
    answer(middleware, sent(middleware, up))  # another site's answer
    fail(middleware, sent(middleware, "https://down.fr/c/"), DownloadConnectionRefusedError())
    assert crawler.engine.reasons == []
    fail(middleware, sent(middleware, down))
    assert crawler.engine.reasons == ["site_unreachable"]
    assert crawler.stats.get_value("newsarchive/site_unreachable") == 1
    fail(middleware, sent(middleware, down))  # closing already
    assert crawler.engine.reasons == ["site_unreachable"]


def test_a_page_failing_while_its_site_answers_others_is_a_broken_page():
    middleware, crawler = guard(NEWSARCHIVE_UNREACHABLE_AFTER=2)
    site = "https://www.site.fr/"
    broken = [sent(middleware, f"{site}casse-{number}/") for number in range(3)]  # first tries, failed and retried
    answer(middleware, sent(middleware, site))
    for request in broken:  # their last tries, one after the other
        fail(middleware, request)
    assert crawler.engine.reasons == []
    fail(middleware, sent(middleware, f"{site}nouveau/"))
    fail(middleware, sent(middleware, f"{site}suivant/"), DownloadConnectionRefusedError())
    assert crawler.engine.reasons == ["site_unreachable"]


def test_the_guard_is_off_at_0():
    with pytest.raises(NotConfigured):
        guard(NEWSARCHIVE_UNREACHABLE_AFTER=0)
