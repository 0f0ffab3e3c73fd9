import gzip

import pytest

from newsarchive.crawl.discovery import (
    Feed,
    FeedEntry,
    SitemapEntry,
    page_links,
    parse_feed,
    parse_sitemap,
    sitemaps_from_robots,
)

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://exemple.fr/france/un-article/</loc><lastmod>2025-08-06T12:32:00+00:00</lastmod></url>
  <url><loc> https://exemple.fr/sport/un-autre/ </loc></url>
  <url><lastmod>2025-08-06</lastmod></url>
</urlset>"""

INDEX = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://exemple.fr/post-sitemap.xml</loc><lastmod>2025-08-07</lastmod></sitemap>
<sitemap><loc>https://exemple.fr/post-sitemap2.xml</loc></sitemap></sitemapindex>"""


def test_sitemaps_from_robots_are_absolute_and_case_insensitive():
    robots = "User-agent: *\nDisallow: /wp-admin/\nSitemap: /sitemap_index.xml\nsitemap: https://exemple.fr/news.xml\n"
    assert sitemaps_from_robots(robots, "https://exemple.fr/robots.txt") == [
        "https://exemple.fr/sitemap_index.xml",
        "https://exemple.fr/news.xml",
    ]


def test_urlset_entries_with_lastmod():
    sitemap = parse_sitemap(URLSET)
    assert sitemap.kind == "urlset"
    assert sitemap.entries == [
        SitemapEntry("https://exemple.fr/france/un-article/", "2025-08-06T12:32:00+00:00"),
        SitemapEntry("https://exemple.fr/sport/un-autre/", None),
    ]


def test_sitemap_index():
    sitemap = parse_sitemap(INDEX)
    assert sitemap.kind == "index"
    assert [entry.loc for entry in sitemap.entries] == [
        "https://exemple.fr/post-sitemap.xml",
        "https://exemple.fr/post-sitemap2.xml",
    ]


def test_gzipped_sitemap():
    assert parse_sitemap(gzip.compress(URLSET)).entries[0].loc.endswith("/un-article/")


@pytest.mark.parametrize(("body", "kind", "locs"), [
    (b"", "unknown", []),
    (b"not xml at all", "unknown", []),
    (b"\x1f\x8bbroken", "unknown", []),
    (b"<urlset><url><loc>https://x/", "urlset", ["https://x/"]),  # truncated: the complete entries are kept
])
def test_broken_sitemaps_give_what_can_be_read(body, kind, locs):
    sitemap = parse_sitemap(body)
    assert (sitemap.kind, [entry.loc for entry in sitemap.entries]) == (kind, locs)


def test_rss_feed_entries():
    rss = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <channel><title>Exemple</title><link>https://exemple.fr/</link>
    <item><title>Été</title><link>https://exemple.fr/france/ete/</link><pubDate>Wed, 06 Aug 2025 12:32:00 +0000</pubDate></item>
    <item><title>Sans lien</title><guid>https://exemple.fr/?p=12</guid></item>
    </channel></rss>""".encode()
    assert parse_feed(rss).entries == [
        FeedEntry("https://exemple.fr/france/ete/", "Wed, 06 Aug 2025 12:32:00 +0000"),
        FeedEntry("https://exemple.fr/?p=12", None),
    ]


def test_atom_feed_entries():
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="https://exemple.fr/a/b/"/>
    <updated>2025-08-06T12:00:00Z</updated></entry></feed>"""
    assert parse_feed(atom) == Feed([FeedEntry("https://exemple.fr/a/b/", "2025-08-06T12:00:00Z")])


def test_page_links_are_absolute_unique_and_without_fragments():
    page = b"""<html><body><a href="/france/a/">A</a><a href="/france/a/#comments">A</a>
    <a href="mailto:x@y.fr">mail</a><a href="javascript:void(0)">js</a><a href="https://autre.fr/x/">x</a></body></html>"""
    assert page_links(page, "https://exemple.fr/") == ["https://exemple.fr/france/a/", "https://autre.fr/x/"]


def test_page_links_of_an_empty_page():
    assert page_links(b"", "https://exemple.fr/") == []


def test_google_news_sitemap_publication_dates():
    body = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
      xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://exemple.fr/actu/2025/08/06/titre-123.html</loc>
        <news:news><news:publication><news:name>Exemple</news:name><news:language>fr</news:language></news:publication>
        <news:publication_date>2025-08-06T14:32:00+02:00</news:publication_date><news:title>Titre</news:title></news:news>
      </url></urlset>"""
    (entry,) = parse_sitemap(body).entries
    assert entry.published == "2025-08-06T14:32:00+02:00" and entry.lastmod is None


def test_a_feed_is_read_as_a_stream_up_to_its_entry_limit():
    items = "".join(f"<item><link>https://exemple.fr/a/{number}/</link></item>" for number in range(30))
    body = f"\n\n<?xml version='1.0'?><rss><channel><title>x</title>{items}</channel></rss>".encode()
    assert len(parse_feed(body).entries) == 30  # blank lines before the declaration: read all the same
    capped = parse_feed(body, max_entries=10)
    assert capped.truncated and [entry.link for entry in capped.entries] == [
        f"https://exemple.fr/a/{number}/" for number in range(10)]
    assert not parse_feed(body, max_entries=31).truncated
    cut = parse_feed(body[:len(body) // 2])  # cut short: the complete items are kept
    assert 0 < len(cut.entries) < 30 and not cut.truncated
    assert parse_feed(gzip.compress(body), max_entries=5).entries == capped.entries[:5]
