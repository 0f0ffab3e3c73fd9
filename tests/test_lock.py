"""One crawl at a time per archive: the lock file, its holder, waiting for it, taking over a dead one."""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import threading
import time

import pytest
from crawling import ROOT, query, run_crawl, start_crawl

from newsarchive.runs.lock import ArchiveLock, ArchiveLocked, lock_for_crawl, lock_path, reserve
from newsarchive.storage import Archive

HOLDER = """
import sys
from newsarchive.runs.lock import ArchiveLock
lock = ArchiveLock.for_archive(sys.argv[1]).acquire()
print("locked", flush=True)
sys.stdin.readline()  # until the test says "release" (or closes the pipe)
lock.release()
print("released", flush=True)
"""


class Holder:
    """Another process that holds the archive lock until ``release()``: no timing involved."""

    def __init__(self, archive):
        self.process = subprocess.Popen([sys.executable, "-c", HOLDER, str(archive)], cwd=ROOT,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout.readline().strip() == "locked"
        self.pid = self.process.pid

    def release(self) -> None:
        self.process.stdin.write("release\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "released"
        self.process.wait(timeout=30)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.kill()
        self.process.stdin.close()
        self.process.stdout.close()


@pytest.fixture
def holder(tmp_path):
    holders = []

    def start() -> Holder:
        holders.append(Holder(tmp_path / "archive.db"))
        return holders[-1]

    yield start
    for started in holders:
        started.stop()


class LogWatcher(logging.Handler):
    """Sets ``seen`` when a record containing ``text`` is logged."""

    def __init__(self, text: str):
        super().__init__(logging.DEBUG)
        self.text = text
        self.seen = threading.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if self.text in record.getMessage():
            self.seen.set()


def test_a_second_run_is_refused_with_the_name_of_the_holder(tmp_path, holder):
    held = holder()
    with pytest.raises(ArchiveLocked) as refused:
        ArchiveLock.for_archive(tmp_path / "archive.db").acquire()
    assert refused.value.holder.pid == held.pid
    assert f"pid {held.pid}" in str(refused.value) and str(lock_path(tmp_path / "archive.db")) in str(refused.value)


COMMAND_DROPPING_HOLDER = """
import sys
from newsarchive.runs.lock import ArchiveLock
del sys.argv[1]  # as Scrapy's command line does with the command's name ("crawl")
lock = ArchiveLock.for_archive(sys.argv[-1]).acquire()
print("locked", flush=True)
sys.stdin.readline()
lock.release()
"""


def test_the_holder_is_named_by_its_command_as_typed(tmp_path):
    script = tmp_path / "scrapy"
    script.write_text(COMMAND_DROPPING_HOLDER)
    archive = tmp_path / "archive.db"
    process = subprocess.Popen([sys.executable, str(script), "crawl", "onemedia", "-a", "full=1", str(archive)],
                               cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "locked"
        with pytest.raises(ArchiveLocked) as refused:
            ArchiveLock.for_archive(archive).acquire()
    finally:
        process.communicate("release\n", timeout=30)
    assert refused.value.holder.command == f"{script} crawl onemedia -a full=1 {archive}"
    assert f"{script} crawl onemedia -a full=1" in str(refused.value)


def test_waiting_for_the_lock(tmp_path, holder):
    held = holder()
    with pytest.raises(ArchiveLocked):
        ArchiveLock.for_archive(tmp_path / "archive.db").acquire(wait=0.2)
    watcher = LogWatcher("Waiting up to")
    lock_logger = logging.getLogger("newsarchive.runs.lock")
    lock_logger.addHandler(watcher)
    previous_level = lock_logger.level
    lock_logger.setLevel(logging.INFO)
    try:
        releaser = threading.Thread(target=lambda: watcher.seen.wait(60) and held.release())
        releaser.start()
        lock = ArchiveLock.for_archive(tmp_path / "archive.db").acquire(wait=120)
        releaser.join(timeout=60)
    finally:
        lock_logger.removeHandler(watcher)
        lock_logger.setLevel(previous_level)
    assert watcher.seen.is_set()  # it did wait: the holder was released only once the waiting began
    assert held.process.returncode == 0
    assert lock.held and lock.previous is None  # released properly: nothing to take over
    lock.release()
    assert not lock.held


def test_the_lock_of_a_killed_run_is_taken_over(tmp_path, holder, caplog):
    held = holder()
    held.kill()
    with caplog.at_level(logging.WARNING, logger="newsarchive.runs.lock"):
        lock = ArchiveLock.for_archive(tmp_path / "archive.db").acquire()
    assert lock.previous.pid == held.pid
    assert "did not finish" in caplog.text and f"pid {held.pid}" in caplog.text
    lock.release()
    assert lock_path(tmp_path / "archive.db").read_text() == ""


def test_a_reserved_lock_serves_one_crawl_only(tmp_path):
    archive = tmp_path / "archive.db"
    reserved = ArchiveLock.for_archive(archive).acquire()
    reserve(reserved)
    crawl_lock = lock_for_crawl(archive)
    assert crawl_lock is reserved
    with pytest.raises(ArchiveLocked):  # a second crawl in the same process
        lock_for_crawl(archive)
    crawl_lock.release()
    assert reserved.held
    reserved.release()
    with ArchiveLock.for_archive(archive) as free:
        assert free.held
    with pytest.raises(ValueError):
        reserve(free)


def test_crawl_exits_at_once_with_status_3_while_another_run_holds_the_lock(tmp_path, holder):
    held = holder()
    started = time.monotonic()
    result = run_crawl("onemedia", "http://127.0.0.1:9/", tmp_path / "archive.db", timeout=60)
    assert result.returncode == 3, result.stderr[-2000:]
    assert time.monotonic() - started < 20
    assert "another run holds the archive lock" in result.stderr and f"pid {held.pid}" in result.stderr
    assert not (tmp_path / "archive.db").exists()  # nothing was touched


def test_crawl_waits_when_asked_and_closes_the_runs_killed_runs_left_open(tmp_path, holder, sample_server):
    db_path = tmp_path / "archive.db"
    with Archive.open(db_path) as archive:
        killed_run = archive.start_run("onemedia", {})
    held = holder()
    log_path = tmp_path / "crawl.log"
    with open(log_path, "w") as log:
        crawl = start_crawl("onemedia", sample_server.url, db_path, "-s", "NEWSARCHIVE_LOCK_WAIT=300",
                            "-a", "max_pages=6", stderr=log)
    try:
        deadline = time.monotonic() + 120
        while "Waiting up to" not in log_path.read_text():
            assert crawl.poll() is None, log_path.read_text()[-3000:]  # still waiting, not gone
            assert time.monotonic() < deadline, "the crawl never said it was waiting for the lock"
            time.sleep(0.05)
        held.release()
        returncode = crawl.wait(timeout=180)
    finally:
        if crawl.poll() is None:
            crawl.kill()
    stderr = log_path.read_text()
    assert returncode == 0, stderr[-3000:]
    assert f"Run {killed_run} (started" in stderr and "did not finish" in stderr
    runs = [tuple(row) for row in query(db_path, "SELECT id, status, finish_reason FROM runs ORDER BY id")]
    assert runs == [(killed_run, "interrupted", "unfinished"), (killed_run + 1, "success", "closespider_pagecount")]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_crawl_stopped_while_waiting_for_the_lock_exits_4_in_one_line(tmp_path, holder, signum):
    """systemctl stop or Ctrl-C during NEWSARCHIVE_LOCK_WAIT: before Scrapy handles the signals."""
    held = holder()
    log_path, log_file = tmp_path / "crawl.log", tmp_path / "file.log"
    log_file.touch()
    with open(log_path, "w") as log:
        crawl = start_crawl("onemedia", "http://127.0.0.1:9/", tmp_path / "archive.db", "-s", "NEWSARCHIVE_LOCK_WAIT=300",
                            "-s", "NEWSARCHIVE_QUIET=1", "-s", f"NEWSARCHIVE_LOG_FILE={log_file}", stderr=log)
    try:
        deadline = time.monotonic() + 120
        while "Waiting up to" not in log_file.read_text():
            assert crawl.poll() is None, log_path.read_text()[-3000:]
            assert time.monotonic() < deadline, "the crawl never said it was waiting for the lock"
            time.sleep(0.05)
        crawl.send_signal(signum)
        returncode = crawl.wait(timeout=60)
    finally:
        if crawl.poll() is None:
            crawl.kill()
        held.release()
    name = signal.Signals(signum).name
    assert returncode == 4, log_path.read_text()[-3000:]
    assert log_path.read_text() == (f"Not crawling: interrupted by {name} while waiting for the archive lock of "
                                    f"{tmp_path / 'archive.db'} (log: {log_file})\n")  # all cron mails
    assert not (tmp_path / "archive.db").exists()
