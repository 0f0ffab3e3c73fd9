"""Run the sample site in a subprocess on a free loopback port (for the demo, tests and benchmarks)."""

from __future__ import annotations

import json
import subprocess
import sys
from urllib.parse import urlencode
from urllib.request import Request, urlopen


class SampleServerProcess:
    """``newsarchive sample-site --port 0`` in a subprocess, stopped (SIGTERM) on exit.

    ``url`` is the base URL the server printed, e.g. ``http://127.0.0.1:43512/``;
    ``returncode`` is its exit status once stopped.
    """

    def __init__(self, articles: int = 40, extra_args: tuple[str, ...] | list[str] = ()):
        self.command = [
            sys.executable, "-m", "newsarchive.sample_site",
            "--port", "0", "--articles", str(articles), *extra_args,
        ]
        self.process: subprocess.Popen | None = None
        self.url = ""
        self.returncode: int | None = None

    def __enter__(self) -> SampleServerProcess:
        self.process = subprocess.Popen(self.command, stdout=subprocess.PIPE, text=True)
        first_line = self.process.stdout.readline().strip()
        if not first_line.startswith("http://127.0.0.1:"):
            self.stop()
            raise RuntimeError(f"the sample site did not start: {first_line!r} (exit status {self.returncode})")
        self.url = first_line
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.returncode = self.process.returncode
        self.process.stdout.close()
        self.process = None

    def advance(self, new: int = 0, edit: int = 0, delete: int = 0, hours: float = 1.0) -> dict:
        """Let time pass on the site (``POST /__control__/advance``); returns the changed URLs."""
        query = urlencode({"new": new, "edit": edit, "delete": delete, "hours": hours})
        request = Request(f"{self.url}__control__/advance?{query}", data=b"", method="POST")
        with urlopen(request, timeout=30) as response:
            return json.loads(response.read())
