"""The crawl never leaves the site, also when one of its pages redirects elsewhere."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from crawling import last_run_stats, run_crawl


class Recorder(BaseHTTPRequestHandler):
    """Answers from ``server.routes`` (path -> (status, headers, body)) and records every path asked for."""

    def do_GET(self):
        self.server.requested.append(self.path)
        status, headers, body = self.server.routes.get(self.path, (404, {}, b"introuvable"))
        self.send_response(status)
        for name, value in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextmanager
def serving(host: str, routes: dict):
    server = ThreadingHTTPServer((host, 0), Recorder)
    server.routes, server.requested = routes, []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_a_redirect_to_another_host_is_not_followed(tmp_path):
    with serving("localhost", {}) as (elsewhere, elsewhere_url):
        routes = {
            "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nSitemap: /sitemap.xml\n"),
            "/sitemap.xml": (200, {"Content-Type": "application/xml"}, b""),
            "/actualite/un-article-parti-ailleurs/": (301, {"Location": f"{elsewhere_url}actualite/ailleurs/"}, b""),
        }
        with serving("127.0.0.1", routes) as (site, site_url):
            sitemap = (f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
                       f'<loc>{site_url}actualite/un-article-parti-ailleurs/</loc></url></urlset>')
            routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"}, sitemap.encode())
            result = run_crawl("news", site_url, tmp_path / "archive.db", "-a", f"site={site_url}")
    assert "/actualite/un-article-parti-ailleurs/" in site.requested, result.stderr[-2000:]
    assert elsewhere.requested == []
    assert last_run_stats(tmp_path / "archive.db").get("offsite/filtered", 0) >= 1
