"""Redis workers and the single writer (``newsarchive store``) against a real ``redis-server`` and the sample site."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time

import pytest
from crawling import ROOT, archive_content, articles_in, last_run_stats, query, successful_crawl
from mockserver import MockServer
from warcfiles import warc_files, warcio_check, warcio_index
from warcio.archiveiterator import ArchiveIterator

from newsarchive.distributed.connection import connect
from newsarchive.distributed.keys import CRAWLS, RECORDS, WORKERS, WRITER_RUN, WRITING, CrawlKeys
from newsarchive.distributed.scheduler import FINISHED_ALREADY, JOIN, STARTS
from newsarchive.distributed.writer import announced_run
from newsarchive.distributed.local import LocalRedis, start_worker, start_writer
from newsarchive.sample_site import SampleSite
from newsarchive.storage import Archive

ARTICLES = 60
BEAT = ("-s", "NEWSARCHIVE_REDIS_HEARTBEAT=0.5")  # only where a worker is killed: a busy machine can miss such beats
pytestmark = pytest.mark.timeout(600)  # several crawl processes each: slow on a busy machine

if shutil.which("redis-server") is None:
    if os.environ.get("CI"):
        pytest.fail("redis-server is missing: .ci/setup installs it", pytrace=False)
    pytest.skip("redis-server is not installed (Debian: apt-get install redis-server)", allow_module_level=True)


@pytest.fixture(scope="module")
def server():
    with MockServer(articles=ARTICLES) as started:
        yield started


@pytest.fixture
def redis_server():
    """A fresh redis-server; the worker and writer processes a test leaves running are killed after it."""
    with LocalRedis() as started:
        yield started
    for process in STARTED:
        if process.poll() is None:
            process.kill()
            process.wait()
    STARTED.clear()


STARTED: list[subprocess.Popen] = []


def worker(*args, **kwargs) -> subprocess.Popen:
    STARTED.append(start_worker(*args, **kwargs))
    return STARTED[-1]


def writer_process(*args) -> subprocess.Popen:
    STARTED.append(start_writer(*args))
    return STARTED[-1]


def distributed_crawl(site_url, redis_url, db_path, folder, workers=3, *extra, until_idle=2.0):
    """``workers`` workers and one writer (none for ``until_idle`` None); returns the writer's output once it exited."""
    processes = [worker(site_url, redis_url, folder / f"worker{number}.log", *extra)
                 for number in range(workers)]
    if until_idle is None:
        assert [process.wait(timeout=240) for process in processes] == [0] * workers
        return ""
    writer = writer_process(redis_url, db_path, until_idle, folder / "writer.log")
    for process in processes:
        assert process.wait(timeout=240) == 0, (folder / "worker0.log").read_text()[-3000:]
    assert writer.wait(timeout=120) == 0, (folder / "writer.log").read_text()
    return (folder / "writer.log").read_text()


@pytest.fixture(scope="module")
def single_process(server, tmp_path_factory):
    db_path = tmp_path_factory.mktemp("single") / "archive.db"
    successful_crawl("onemedia", server.url, db_path)
    return db_path


def fingerprints(db_path) -> dict[str, str]:
    return {row["url"]: row["fingerprint"] for row in query(db_path, "SELECT url, fingerprint FROM articles")}


def test_three_workers_and_a_writer_archive_what_one_process_does(server, redis_server, single_process, tmp_path):
    db_path = tmp_path / "archive.db"
    output = distributed_crawl(server.url, redis_server.url, db_path, tmp_path)
    assert "Run 1: success (finished)" in output
    assert fingerprints(db_path) == fingerprints(single_process)
    assert len(fingerprints(db_path)) == ARTICLES
    assert archive_content(db_path) == archive_content(single_process)
    stats = last_run_stats(db_path)
    assert stats["newsarchive/articles_new"] == ARTICLES
    assert stats["downloader/response_count"] >= ARTICLES  # the workers' stats, added up
    assert redis_server.client().llen(RECORDS) == 0
    assert redis_server.client().zcard(WORKERS) == 0  # every worker left


def checkout_data() -> dict:
    """The files under the checkout's data/ (the default archive's folder), with their sizes and times."""
    return {path: (path.stat().st_size, path.stat().st_mtime_ns) for path in (ROOT / "data").rglob("*")}


def stored_page_records(db_path) -> list[tuple[dict, bytes, bytes]]:
    """Each article version, the payload of the WARC record it points to (read with warcio), and its stored page."""
    versions = query(db_path, "SELECT * FROM article_versions ORDER BY article_id, version")
    read = []
    with Archive.open(db_path) as archive:
        for version in versions:
            with open(db_path.parent / version["warc_file"], "rb") as stream:
                stream.seek(version["warc_offset"])
                record = next(ArchiveIterator(stream))
                assert record.rec_headers.get_header("WARC-Record-ID") == version["warc_record_id"]
                assert record.rec_headers.get_header("WARC-Payload-Digest") == version["warc_payload_digest"]
                read.append((dict(version), record.content_stream().read(), archive.raw_page(version["article_id"])["body"]))
    return read


def test_the_writer_archive_is_a_web_archive_of_the_pages_it_stores(server, redis_server, tmp_path):
    before = checkout_data()
    db_path = tmp_path / "archive.db"
    distributed_crawl(server.url, redis_server.url, db_path, tmp_path, 2)
    assert checkout_data() == before  # workers hold no archive: they write nothing beside the default one
    versions = stored_page_records(db_path)
    assert len(versions) == ARTICLES
    assert all(version["warc_file"].startswith("warc/") and payload == page for version, payload, page in versions)
    files = warc_files(tmp_path / "warc")
    warcio_check(files)
    entries = warcio_index(files)
    responses = [entry for entry in entries if entry["warc-type"] == "response"]
    assert len(responses) >= ARTICLES and {entry["warc-type"] for entry in entries} == {"warcinfo", "response"}
    stats = last_run_stats(db_path)
    assert stats["newsarchive/warc/records"] == len(responses)
    assert stats["newsarchive/warc/bytes"] >= sum(version["warc_length"] for version, _, _ in versions)
    url = versions[0][0]["url"]
    show = subprocess.run([sys.executable, "-m", "newsarchive", "show", url, "--db", str(db_path), "--raw"],
                          capture_output=True, timeout=60)
    assert show.returncode == 0 and show.stdout == versions[0][2], show.stderr
    for command in (["index-warc"], ["export", "--format", "warc", "-o", str(tmp_path / "export.warc.gz")]):
        done = subprocess.run([sys.executable, "-m", "newsarchive", *command, "--db", str(db_path)],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    assert len(warcio_index([tmp_path / "export.warc.gz"])) == ARTICLES + 1  # its warcinfo, every version copied


def test_a_worker_given_a_warc_dir_keeps_its_own_files_and_the_archive_points_to_the_writer_s(
        server, redis_server, tmp_path):
    db_path = tmp_path / "archive.db"
    own = tmp_path / "worker-warc"
    distributed_crawl(server.url, redis_server.url, db_path, tmp_path, 1, "-s", f"NEWSARCHIVE_WARC_DIR={own}")
    worker_entries = warcio_index(warc_files(own))  # every response the worker received, with its request
    assert sum(entry["warc-type"] == "request" for entry in worker_entries) > ARTICLES
    versions = stored_page_records(db_path)
    assert len(versions) == ARTICLES and all(version["warc_file"].startswith("warc/") for version, _, _ in versions)
    assert last_run_stats(db_path)["newsarchive/warc/records"] < len(worker_entries) / 2  # the writer's, not the worker's


def test_a_batch_stored_again_by_the_next_writer_adds_no_pointer(server, redis_server, tmp_path):
    """A writer killed after committing a batch, before dropping it from Redis: the next one stores it again."""
    db_path = tmp_path / "archive.db"
    distributed_crawl(server.url, redis_server.url, db_path, tmp_path, 1, "-s", "NEWSARCHIVE_REDIS_STATE_WAIT=0",
                      until_idle=None)
    records = redis_server.client().lrange(RECORDS, 0, -1)
    writer = writer_process(redis_server.url, db_path, 1.0, tmp_path / "writer.log")
    assert writer.wait(timeout=120) == 0, (tmp_path / "writer.log").read_text()
    first = stored_page_records(db_path)
    redis_server.client().lpush(WRITING, *records[::-1])
    redis_server.client().lpush(RECORDS, records[0])  # something to see, so that --until-idle ends the run
    writer = writer_process(redis_server.url, db_path, 1.0, tmp_path / "writer.log")
    assert writer.wait(timeout=120) == 0, (tmp_path / "writer.log").read_text()
    assert stored_page_records(db_path) == first
    assert last_run_stats(db_path)["newsarchive/articles_unchanged"] >= ARTICLES


def test_a_writer_killed_mid_crawl_leaves_no_pointer_to_a_record_not_written(server, redis_server, tmp_path):
    db_path = tmp_path / "archive.db"
    distributed_crawl(server.url, redis_server.url, db_path, tmp_path, 1, "-s", "NEWSARCHIVE_REDIS_STATE_WAIT=0",
                      until_idle=None)
    doomed = subprocess.Popen([sys.executable, "-m", "newsarchive", "store", "--redis", redis_server.url,
                               "--db", str(db_path), "--batch-size", "1"], cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    STARTED.append(doomed)
    writing = tmp_path / "warc"
    wait_until(lambda: sum(path.stat().st_size for path in writing.glob("*.open")) > 20_000 or doomed.poll() is not None)
    doomed.send_signal(signal.SIGKILL)
    doomed.wait()
    assert list((tmp_path / "warc").glob("*.open"))  # killed while writing its file
    redis_server.client().lpush(RECORDS, redis_server.client().lindex(WRITING, 0) or b"{}")  # a record to see
    writer = writer_process(redis_server.url, db_path, 1.0, tmp_path / "writer.log")
    assert writer.wait(timeout=120) == 0, (tmp_path / "writer.log").read_text()
    assert len(stored_page_records(db_path)) == ARTICLES  # each pointing to its page
    assert not list((tmp_path / "warc").glob("*.open"))  # the killed writer's file finished by the next one
    warcio_check(warc_files(tmp_path / "warc"))


def test_a_rerun_with_nothing_changed_fetches_no_article(server, redis_server, tmp_path):
    db_path = tmp_path / "archive.db"
    distributed_crawl(server.url, redis_server.url, db_path, tmp_path, 2)
    first = last_run_stats(db_path)
    output = distributed_crawl(server.url, redis_server.url, db_path, tmp_path, 2)
    second = last_run_stats(db_path)
    assert "Run 2: success (finished)" in output
    assert second.get("newsarchive/extracted", 0) == 0
    assert second.get("newsarchive/skipped/unchanged", 0) >= ARTICLES
    discovery = first["downloader/response_count"] - first["newsarchive/extracted"]  # robots, sitemaps, listings
    assert second["downloader/response_count"] <= discovery
    assert query(db_path, "SELECT count(*) FROM articles")[0][0] == ARTICLES


def test_a_worker_killed_mid_crawl_and_restarted_loses_nothing(server, redis_server, tmp_path):
    db_path = tmp_path / "archive.db"
    writer = writer_process(redis_server.url, db_path, 3.0, tmp_path / "writer.log")
    slow = ("-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2")
    steady = worker(server.url, redis_server.url, tmp_path / "steady.log", *BEAT, *slow)
    doomed = worker(server.url, redis_server.url, tmp_path / "doomed.log", *BEAT, *slow)
    wait_for_log(tmp_path / "doomed.log", "Crawled 0 pages")
    wait_until(lambda: articles_in(db_path) >= 10 or doomed.poll() is not None)
    doomed.send_signal(signal.SIGKILL)
    doomed.wait()
    restarted = worker(server.url, redis_server.url, tmp_path / "restarted.log", *BEAT)
    for process in (steady, restarted):
        assert process.wait(timeout=240) == 0
    assert writer.wait(timeout=120) == 0, (tmp_path / "writer.log").read_text()
    site = SampleSite(articles=ARTICLES, base_url=server.url)
    assert sorted(fingerprints(db_path)) == sorted(article.url for article in site.articles)
    assert query(db_path, "SELECT count(*) FROM articles")[0][0] == ARTICLES  # nothing twice


def test_a_late_worker_does_not_start_again_a_crawl_finished_in_the_same_writer_run(redis_server, tmp_path):
    db_path = tmp_path / "archive.db"
    with MockServer(articles=10) as site:
        writer = writer_process(redis_server.url, db_path, 60.0, tmp_path / "writer.log")
        first = worker(site.url, redis_server.url, tmp_path / "first.log")
        assert first.wait(timeout=240) == 0
        late = worker(site.url, redis_server.url, tmp_path / "late.log")
        assert late.wait(timeout=240) == 0
        again = worker(site.url, redis_server.url, tmp_path / "again.log",
                       "-s", "NEWSARCHIVE_REDIS_RECRAWL_AFTER=0")
        assert again.wait(timeout=240) == 0
        writer.send_signal(signal.SIGTERM)
        assert writer.wait(timeout=60) == 4
    first_log, late_log, again_log = (
        (tmp_path / f"{name}.log").read_text(errors="replace") for name in ("first", "late", "again"))
    assert "starts the crawl" in first_log and "'downloader/response_count'" in first_log
    assert "has nothing to do" in late_log and "'newsarchive/redis/finished_already': 1" in late_log
    assert "'downloader/request_count'" not in late_log  # not even robots.txt
    assert "starts the crawl" in again_log and "'downloader/response_count'" in again_log
    assert articles_in(db_path) == 10


def test_a_crawl_finished_before_its_writer_started_is_crawled_again_after_that_writer_run(redis_server):
    """Workers may finish before the writer is up (a slow start): the writer run that then stores the records
    counts the crawl as its own, so the workers of the next run, even started before the next writer, crawl."""
    server, crawl = connect(redis_server.url), CrawlKeys.of("onemedia", "example.fr")

    def join(member: str) -> int:
        now = time.time()
        return server.eval(JOIN, 7, WORKERS, crawl.requests, crawl.inflight, crawl.dupefilter, CRAWLS, crawl.finished,
                           WRITER_RUN, f"{crawl.name}|{member}", now, now - 1.5, crawl.name, now - 300)

    assert join("first") == STARTS
    server.zrem(WORKERS, f"{crawl.name}|first")
    server.hset(crawl.finished, mapping={"at": time.time(), "writer_run": ""})  # finished with no writer storing
    assert join("late, no writer yet") == FINISHED_ALREADY
    server.zrem(WORKERS, f"{crawl.name}|late, no writer yet")
    with announced_run(server, "run-1"):
        assert join("late, while its records are stored") == FINISHED_ALREADY
        server.zrem(WORKERS, f"{crawl.name}|late, while its records are stored")
    assert join("next run") == STARTS


def test_a_writer_run_claims_only_the_crawls_finished_with_no_writer(redis_server):
    server = connect(redis_server.url)
    no_writer, other_run, started = (CrawlKeys.of("onemedia", site) for site in ("a.fr", "b.fr", "c.fr"))
    server.sadd(CRAWLS, no_writer.name, other_run.name, started.name)
    server.hset(no_writer.finished, mapping={"at": 1, "writer_run": ""})
    server.hset(other_run.finished, mapping={"at": 1, "writer_run": "run-0"})
    with announced_run(server, "run-1"):
        assert server.hgetall(no_writer.finished) == {b"at": b"1", b"writer_run": b"run-1"}
        assert server.hgetall(other_run.finished) == {b"at": b"1", b"writer_run": b"run-0"}
        assert not server.exists(started.finished)  # being crawled again: no record written back


def test_a_second_writer_is_refused_in_one_line(redis_server, tmp_path):
    db_path = tmp_path / "archive.db"
    first = writer_process(redis_server.url, db_path, 30.0, tmp_path / "first.log")
    wait_for_log(tmp_path / "first.log", "storing the records")
    second = subprocess.run([sys.executable, "-m", "newsarchive", "store", "--redis", redis_server.url,
                             "--db", str(db_path)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    first.send_signal(signal.SIGTERM)
    assert first.wait(timeout=60) == 4  # interrupted: recorded as such
    assert second.returncode == 3
    assert second.stdout == ""
    assert second.stderr.count("\n") == 1
    assert second.stderr.startswith("newsarchive store: not storing: another run holds the archive lock")
    assert query(db_path, "SELECT status, finish_reason FROM runs")[0][:] == ("interrupted", "shutdown")


def test_each_site_has_its_own_queue(redis_server, tmp_path):
    db_path = tmp_path / "archive.db"
    with MockServer(articles=15) as first, MockServer(articles=25) as second:
        workers = [worker(site.url, redis_server.url, tmp_path / f"site{number}.log")
                   for number, site in enumerate((first, second))]
        writer = writer_process(redis_server.url, db_path, 3.0, tmp_path / "writer.log")
        assert [worker.wait(timeout=240) for worker in workers] == [0, 0]
        assert writer.wait(timeout=120) == 0
        sites = dict(query(db_path, "SELECT site, count(*) FROM articles GROUP BY site"))
    assert sorted(sites.values()) == [15, 25]
    queues = {key.decode() for key in redis_server.client().keys("newsarchive:*:dupefilter")}
    assert len(queues) == 2


def wait_for_log(path, text: str, timeout: float = 60) -> None:
    wait_until(lambda: path.exists() and text in path.read_text(errors="replace"), timeout)


def wait_until(condition, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"\n## {title}")
    return text[start:text.index("\n## ", start + 1)]


def test_the_readme_worker_and_writer_lines_are_real():
    from newsarchive import settings
    from newsarchive.cli import build_parser

    lines = [line.strip() for line in readme_section("Running on several machines").splitlines()]
    worker = next(line for line in lines if line.startswith("scrapy crawl onemedia"))
    writer = next(line for line in lines if line.startswith("newsarchive store"))
    names = re.findall(r"-s (\w+)=", worker)
    assert "NEWSARCHIVE_REDIS_URL" in names and all(hasattr(settings, name) for name in names)
    argv = writer.split()[1:]
    args = build_parser(argv).parse_args(argv)
    assert (args.redis, args.db) == ("redis://10.0.0.5:6379/0", "/srv/newsarchive/data/archive.db")
