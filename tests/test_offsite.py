"""The crawl never leaves the site, also when one of its pages redirects elsewhere."""

from __future__ import annotations

from crawling import last_run_stats, run_crawl
from newsarchive.sample_site.loopback import serving


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
    stats = last_run_stats(tmp_path / "archive.db")
    assert stats.get("offsite/filtered", 0) >= 1
    assert stats["newsarchive/redirect_offsite"] == 1  # Scrapy's filter logs it at debug level only: said here
    assert f"Redirect to another site not followed ({elsewhere_url}actualite/ailleurs/)" in result.stderr
