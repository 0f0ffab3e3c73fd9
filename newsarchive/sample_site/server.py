"""The sample site over HTTP (standard library ``ThreadingHTTPServer``)."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from newsarchive.sample_site.responses import Response
from newsarchive.sample_site.site import SampleSite

logger = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"


class SampleSiteHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: SampleSiteHTTPServer

    def version_string(self) -> str:
        return "Apache"

    def do_GET(self) -> None:
        self._answer("GET")

    def do_HEAD(self) -> None:
        self._answer("HEAD")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self._answer("POST")

    def _answer(self, method: str) -> None:
        try:
            response = self.server.site.respond(method, self.path, dict(self.headers.items()))
        except Exception:
            logger.exception("Sample site failed on %s %s", method, self.path)
            response = Response(500, b"Internal Server Error", "text/plain; charset=utf-8")
        self.send_response(response.status)
        for name, value in response.header_items():
            self.send_header(name, value)
        if response.status != 304:
            self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if method != "HEAD" and response.status != 304:
            try:
                self.wfile.write(response.body)
            except (BrokenPipeError, ConnectionResetError):
                # A client may hang up mid-body (a crawler refusing an oversized page does).
                logger.info("Client went away during %s %s", method, self.path)
                self.close_connection = True

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (name fixed by the base class)
        logger.info("%s %s", self.address_string(), format % args)


class SampleSiteHTTPServer(ThreadingHTTPServer):
    """Binds ``host:port`` (port 0: a free one), then builds the site on the URL it listens on."""

    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address) -> None:
        """A client that hangs up (a crawler killed mid-request) is routine here, not a traceback."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            logger.info("Client %s hung up", client_address)
        else:
            super().handle_error(request, client_address)

    def __init__(self, host: str = LOOPBACK, port: int = 0, **site_options):
        super().__init__((host, port), SampleSiteHandler)
        bound_host, bound_port = self.server_address[:2]
        self.url = f"http://{bound_host}:{bound_port}/"
        try:
            if site_options.pop("republisher", False):  # the second outlet (newsarchive.sample_site.outlet)
                from newsarchive.sample_site.outlet import republisher_site

                self.site = republisher_site(base_url=self.url, **site_options)
            else:
                self.site = SampleSite(base_url=self.url, **site_options)
        except Exception:
            self.server_close()
            raise


@contextmanager
def running_site(host: str = LOOPBACK, port: int = 0, **site_options) -> Iterator[SampleSiteHTTPServer]:
    """Serve a sample site from a background thread; yields the server (``.url``, ``.site``)."""
    server = SampleSiteHTTPServer(host, port, **site_options)
    thread = threading.Thread(target=server.serve_forever, name="sample-site", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def serve_until_signalled(server: SampleSiteHTTPServer) -> None:
    """Serve until SIGTERM or SIGINT (from the main thread)."""
    stop = threading.Event()

    def request_stop(signum, frame) -> None:
        logger.info("Sample site stopping on signal %d", signum)
        stop.set()

    previous = {signum: signal.signal(signum, request_stop) for signum in (signal.SIGTERM, signal.SIGINT)}
    thread = threading.Thread(target=server.serve_forever, name="sample-site", daemon=True)
    thread.start()
    try:
        while not stop.wait(1.0):
            pass
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
