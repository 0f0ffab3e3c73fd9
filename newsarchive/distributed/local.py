"""A throw-away ``redis-server`` on a free loopback port, and worker and writer processes, for tests and benchmarks."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import redis

from newsarchive.sample_site.loopback import free_port

ROOT = Path(__file__).resolve().parents[2]
FAST_LOCAL = ("-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=1")


class LocalRedis:
    """``redis-server`` on 127.0.0.1 (a free port), no persistence; ``url`` is its ``redis://`` URL."""

    def __init__(self):
        self.executable = shutil.which("redis-server")
        if self.executable is None:
            raise FileNotFoundError("redis-server is not installed (Debian: apt-get install redis-server)")
        self.process: subprocess.Popen | None = None
        self.url = ""

    def __enter__(self) -> LocalRedis:
        self.folder = tempfile.TemporaryDirectory(prefix="newsarchive-redis-")
        for _ in range(5):  # another process may take the free port between the check and the bind
            port = free_port()
            self.process = subprocess.Popen(
                [self.executable, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                 "--dir", self.folder.name], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.url = f"redis://127.0.0.1:{port}/0"
            if self._answers():
                return self
            self.process.kill()
            self.process.wait()
        raise RuntimeError("redis-server did not start")

    def _answers(self, timeout: float = 10) -> bool:
        client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                return client.ping()
            except redis.ConnectionError:
                time.sleep(0.05)
        return False

    def __exit__(self, *exc_info) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.folder.cleanup()

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url)


def start_worker(base_url: str, redis_url: str, log_path: Path, *extra: str, spider: str = "onemedia") -> subprocess.Popen:
    """``scrapy crawl SPIDER -a base_url=... -s NEWSARCHIVE_REDIS_URL=...`` from the project root, logging to a file."""
    command = [sys.executable, "-m", "scrapy", "crawl", spider, "-a", f"base_url={base_url}",
               "-s", f"NEWSARCHIVE_REDIS_URL={redis_url}", *FAST_LOCAL, *extra]
    with open(log_path, "w") as log:
        return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log)


def start_writer(redis_url: str, db_path: Path, until_idle: float, log_path: Path) -> subprocess.Popen:
    """``newsarchive store --redis ... --db ... --until-idle ...``, its output to a file."""
    command = [sys.executable, "-m", "newsarchive", "store", "--redis", redis_url, "--db", str(db_path),
               "--until-idle", str(until_idle)]
    with open(log_path, "w") as log:
        return subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
