"""A tiny HTTP server on 127.0.0.1, port 0, answering from a table of routes and recording every request
(the hostile sites of the tests and benchmarks).

``routes`` maps a path to ``(status, headers, body)``, or to a callable ``handler -> (status, headers,
body)``, or ``None`` when it wrote its answer itself (to ``handler.wfile``); a path not in the table answers
404. ``server.requested`` lists the paths asked for, in order.
"""

from __future__ import annotations

import socket
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Recorder(BaseHTTPRequestHandler):
    """Answers from ``server.routes`` and records every path asked for."""

    def do_GET(self):
        self.server.requested.append(self.path)
        route = self.server.routes.get(self.path, (404, {}, b"introuvable"))
        answer = route(self) if callable(route) else route
        if answer is None:
            return  # answered by the route itself
        status, headers, body = answer
        self.send_response(status)
        for name, value in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client refused the rest (an oversized body)

    def log_message(self, *args):
        pass


def free_port(host: str = "127.0.0.1") -> int:
    """A port of ``host`` that nothing listens on (one the system gives as free, closed again): for a server to start
    on, or for a request that must find no server."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


@contextmanager
def serving(host: str = "127.0.0.1", routes: dict | None = None):
    """``(server, base URL)`` of a server answering from ``routes`` (the dict may change while it serves)."""
    server = ThreadingHTTPServer((host, 0), Recorder)
    server.daemon_threads = True
    server.routes, server.requested = routes if routes is not None else {}, []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
