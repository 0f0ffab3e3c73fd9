"""The generated onemedia.fr: its ground truth, its pages over HTTP, its faults and its conditional answers."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
from datetime import timedelta
from email.utils import parsedate_to_datetime
from urllib.error import HTTPError
from urllib.request import HTTPRedirectHandler, Request, build_opener

import pytest
from lxml import etree, html
from mockserver import MockServer
from seed import SEED, seed_article

from newsarchive.sample_site import COPYRIGHT, FAULT_PATHS, Article, Caption, SampleSite, Section, running_site
from newsarchive.sample_site import frenchdates as fd
from newsarchive.sample_site.frenchdates import http_date, iso_utc
from newsarchive.sample_site.model import LIST_ITEM, QUOTE
from newsarchive.sample_site.site import DEFAULT_NOW

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"


class _NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = build_opener(_NoRedirect)


def fetch(url: str, headers: dict | None = None, method: str = "GET") -> tuple[int, dict, bytes]:
    """(status, headers, body) of one request, redirects not followed."""
    try:
        with _OPENER.open(Request(url, headers=headers or {}, method=method), timeout=30) as response:
            return response.status, response.headers, response.read()
    except HTTPError as error:
        return error.code, error.headers, error.read()


def page(url: str):
    status, _, body = fetch(url)
    assert status == 200, url
    return html.fromstring(body)


def texts(document, xpath: str) -> list[str]:
    return [" ".join(node.text_content().split()) for node in document.xpath(xpath)]


def normalized(value: str) -> str:
    return " ".join(value.split())


# -- the generated corpus --------------------------------------------------------------------------


def test_default_site_has_enough_articles_categories_and_authors():
    site = SampleSite()
    assert len(site.articles) >= 40
    assert len(site.categories) >= 5
    assert len(site.authors) >= 3
    assert len({article.url for article in site.articles}) == len(site.articles)
    published = [article.published for article in site.articles]
    assert published == sorted(published, reverse=True)


def test_articles_are_varied():
    articles = SampleSite().articles
    assert any(not article.image_url and not article.captions for article in articles)
    assert any(len(article.sections) == 1 and article.sections[0].heading is None for article in articles)
    assert any(LIST_ITEM in section.kinds for article in articles for section in article.sections)
    assert any(QUOTE in section.kinds for article in articles for section in article.sections)
    assert any(article.modified > article.published for article in articles)
    assert any(article.lead for article in articles)
    assert len({article.date_style for article in articles}) >= 4
    captions = [caption for article in articles for caption in article.captions]
    assert {caption.style for caption in captions} == {"block", "classic"}
    assert len({caption.credit_format for caption in captions if caption.credit}) >= 2
    assert any(caption.credit is None for caption in captions)
    assert any("’" in article.headline or "«" in article.headline for article in articles)


def test_generation_depends_only_on_the_seed():
    first, again, other = SampleSite(seed=3), SampleSite(seed=3), SampleSite(seed=4)
    assert [a.headline for a in first.articles] == [a.headline for a in again.articles]
    assert [a.paragraphs for a in first.articles] == [a.paragraphs for a in again.articles]
    assert [a.paragraphs for a in first.articles] != [a.paragraphs for a in other.articles]


def test_dates_are_aware_and_modified_never_before_published():
    for article in SampleSite().articles:
        assert article.published.utcoffset() is not None
        assert article.modified >= article.published


def test_five_thousand_articles_can_be_generated_and_served():
    site = SampleSite(articles=5000)
    assert len(site.articles) == 5000
    assert len({article.path for article in site.articles}) == 5000
    index = etree.fromstring(site.respond("GET", "/sitemap_index.xml").body)
    post_sitemaps = [loc for loc in index.itertext() if "post-sitemap" in loc]
    assert len(post_sitemaps) == 5
    last = site.respond("GET", "/page/500/")
    assert last.status == 200 and site.articles[-1].url.encode() in last.body
    assert site.respond("GET", "/page/501/").status == 404


# -- page types over HTTP --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "content_type"),
    [
        ("", 200, "text/html; charset=UTF-8"),
        ("page/2/", 200, "text/html; charset=UTF-8"),
        ("robots.txt", 200, "text/plain; charset=utf-8"),
        ("sitemap_index.xml", 200, "text/xml; charset=UTF-8"),
        ("post-sitemap.xml", 200, "text/xml; charset=UTF-8"),
        ("page-sitemap.xml", 200, "text/xml; charset=UTF-8"),
        ("category-sitemap.xml", 200, "text/xml; charset=UTF-8"),
        ("post-sitemap2.xml", 404, "text/html; charset=UTF-8"),
        ("feed/", 200, "application/rss+xml; charset=UTF-8"),
        ("category/actualite/", 200, "text/html; charset=UTF-8"),
        ("category/actualite/page/4/", 200, "text/html; charset=UTF-8"),
        ("category/actualite/page/5/", 404, "text/html; charset=UTF-8"),
        ("category/france/", 200, "text/html; charset=UTF-8"),
        ("category/inconnue/", 404, "text/html; charset=UTF-8"),
        ("author/sara/", 200, "text/html; charset=UTF-8"),
        ("contact/", 200, "text/html; charset=UTF-8"),
        ("mentions-legales/", 200, "text/html; charset=UTF-8"),
        ("?s=gouvernement", 200, "text/html; charset=UTF-8"),
        ("france/pas-un-article/", 404, "text/html; charset=UTF-8"),
        ("wp-admin/", 403, "text/html; charset=UTF-8"),
        ("sitemap.xml", 301, "text/html; charset=UTF-8"),
        ("contact", 301, "text/html; charset=UTF-8"),
    ],
)
def test_page_types(sample_server, path, status, content_type):
    got_status, headers, body = fetch(sample_server.url + path)
    assert (got_status, headers["Content-Type"]) == (status, content_type)
    if status == 404:
        assert COPYRIGHT.encode() in body  # the theme's error page


def test_tag_archive_and_every_article_page(sample_server, sample_site):
    tag = sample_site.articles[0].tags[0]
    document = page(f"{sample_server.url}tag/{sample_site.tag_slug(tag)}/")
    assert sample_site.articles[0].url in document.xpath("//h2[contains(@class,'entry-title')]/a/@href")
    for article in sample_site.articles:
        status, headers, _ = fetch(article.url, method="HEAD")
        assert status == 200 and headers["Content-Type"] == "text/html; charset=UTF-8"
        assert int(headers["Content-Length"]) > 10_000


def test_absolute_links_stay_on_the_server(sample_server):
    document = page(sample_server.url)
    hrefs = [href for href in document.xpath("//a/@href") if href.startswith("http")]
    local = [href for href in hrefs if href.startswith(sample_server.url)]
    assert len(local) > 20
    assert not [href for href in hrefs if "onemedia.fr/" in href and not href.startswith("https://www.facebook")]


def test_article_pages_match_the_ground_truth(sample_server, sample_site):
    for article in sample_site.articles:
        document = page(article.url)
        content = document.xpath("//div[contains(@class,'entry-content')]")[0]
        assert texts(document, "//h1") == [article.headline]
        assert texts(document, "//span[contains(@class,'byline')]") == [f"by {article.author}"]
        assert texts(document, "//div[contains(@class,'penci-breadcrumb')]//span") == article.breadcrumb
        assert texts(document, "//div[contains(@class,'penci-single-cat')]//a") == [article.category]
        assert document.xpath("//link[@rel='canonical']/@href") == [article.url]
        headings = [section.heading for section in article.sections if section.heading]
        assert texts(content, ".//h2|.//h3") == headings
        body_paragraphs = ("./p[not(contains(@class,'caption'))]|./ul/li|./blockquote/p")
        assert texts(content, body_paragraphs) == [normalized(text) for text in article.paragraphs]
        assert texts(content, ".//a[@rel='tag']") == article.tags
        assert texts(document, "//div[@id='footer-copyright']") == [COPYRIGHT]


def test_captions_match_the_ground_truth(sample_site):
    articles = [article for article in sample_site.articles if article.captions]
    assert articles
    for article in articles:
        document = html.fromstring(sample_site.respond("GET", article.path).body)
        shown = texts(document, "//figcaption|//p[contains(@class,'wp-caption-text')]")
        assert shown == [normalized(caption.rendered_text) for caption in article.captions]
        sources = document.xpath("//div[contains(@class,'entry-content')]//img/@src")
        assert sources == [caption.image_url for caption in article.captions]
        for caption in article.captions:
            if caption.credit:
                assert shown[article.captions.index(caption)].endswith(caption.credit)


def test_json_ld_and_opengraph(sample_server, sample_site):
    article = next(article for article in sample_site.articles if article.image_url and article.is_updated)
    document = page(article.url)
    graph = json.loads(document.xpath("//script[@type='application/ld+json']/text()")[0])["@graph"]
    news = next(node for node in graph if node["@type"] == "NewsArticle")
    assert news["headline"] == article.headline
    assert news["author"]["name"] == article.author
    assert news["datePublished"] == iso_utc(article.published) and news["datePublished"].endswith("+00:00")
    assert news["dateModified"] == iso_utc(article.modified) != news["datePublished"]
    assert news["keywords"] == article.tags and news["articleSection"] == [article.category]
    assert {node["@type"] for node in graph} >= {"WebPage", "ImageObject", "BreadcrumbList", "Person", "WebSite"}
    meta = {node.get("property"): node.get("content") for node in document.xpath("//meta[@property]")}
    assert meta["og:title"] == article.headline and meta["og:url"] == article.url
    assert meta["article:published_time"] == iso_utc(article.published)
    assert meta["og:image"] == article.image_url


def test_furniture_is_on_the_page(sample_server, sample_site):
    document = page(sample_site.articles[5].url)
    assert texts(document, "//h4[@class='post-box-title']") == ["You may also like"]
    assert texts(document, "//h3[@id='reply-title']") == ["Leave a Comment"]
    assert document.xpath("//div[contains(@class,'tags-share-box')]//a")
    assert document.xpath("//div[@id='sidebar']//aside[contains(@class,'widget')]")
    assert document.xpath("//nav[@id='navigation']//li/a")


VISIBLE_DATES = {
    "long": lambda article: fd.long_date(article.published),
    "short": lambda article: fd.short_date(article.published),
    "abbreviated": lambda article: fd.abbreviated_date(article.published),
    "numeric": lambda article: f"Publié le {fd.numeric_date(article.published)}",
}


def test_visible_french_dates(sample_site):
    styles = set()
    for article in sample_site.articles:
        document = html.fromstring(sample_site.respond("GET", article.path).body)
        meta = " ".join(texts(document, "//div[@class='post-box-meta-single']"))
        if article.date_style is None:
            assert meta == f"by {article.author}"
            continue
        styles.add(article.date_style)
        assert VISIBLE_DATES[article.date_style](article) in meta
        assert ("Mis à jour le" in meta) == article.is_updated
    assert styles == set(VISIBLE_DATES)
    assert fd.long_date(fd.datetime(2025, 8, 6, 12, 32, tzinfo=fd.timezone.utc)) == "mercredi 6 août 2025 à 14h32"
    assert fd.numeric_date(fd.datetime(2025, 8, 7, 7, 10, tzinfo=fd.timezone.utc)) == "07/08/2025 à 09:10"
    assert fd.short_date(fd.datetime(2025, 8, 1, 8, 0, tzinfo=fd.timezone.utc)) == "1er août 2025"


# -- sitemaps, feed, pagination ---------------------------------------------------------------------


def test_robots_names_the_sitemap_index(sample_server):
    _, _, body = fetch(sample_server.url + "robots.txt")
    lines = body.decode().splitlines()
    assert "Disallow: /wp-admin/" in lines
    assert f"Sitemap: {sample_server.url}sitemap_index.xml" in lines


def test_sitemaps_list_every_article_with_lastmod(sample_server, sample_site):
    index = etree.fromstring(fetch(sample_server.url + "sitemap_index.xml")[2])
    sitemaps = [entry.findtext(f"{SITEMAP}loc") for entry in index]
    assert all(entry.findtext(f"{SITEMAP}lastmod") for entry in index)
    listed = {}
    for url in sitemaps:
        if "post-sitemap" in url:
            for entry in etree.fromstring(fetch(url)[2]):
                listed[entry.findtext(f"{SITEMAP}loc")] = entry.findtext(f"{SITEMAP}lastmod")
    assert listed == {article.url: iso_utc(article.modified) for article in sample_site.articles}
    assert not [url for url in listed if "/tests/" in url]


def test_post_sitemaps_are_split():
    site = SampleSite(sitemap_size=7)
    index = etree.fromstring(site.respond("GET", "/sitemap_index.xml").body)
    posts = [entry.findtext(f"{SITEMAP}loc") for entry in index if "post-sitemap" in entry.findtext(f"{SITEMAP}loc")]
    names = [url.rsplit("/", 1)[1] for url in posts]
    assert names == ["post-sitemap.xml"] + [f"post-sitemap{n}.xml" for n in range(2, 7)]
    counts = [len(etree.fromstring(site.respond("GET", "/" + url.rsplit("/", 1)[1]).body)) for url in posts]
    assert counts == [7, 7, 7, 7, 7, 5]


def test_page_and_category_sitemaps(sample_server, sample_site):
    pages = etree.fromstring(fetch(sample_server.url + "page-sitemap.xml")[2])
    locs = [entry.findtext(f"{SITEMAP}loc") for entry in pages]
    assert locs == [sample_server.url, sample_server.url + "contact/", sample_server.url + "mentions-legales/"]
    categories = etree.fromstring(fetch(sample_server.url + "category-sitemap.xml")[2])
    locs = {entry.findtext(f"{SITEMAP}loc") for entry in categories}
    for category in sample_site.categories:
        assert f"{sample_server.url}category/{category.slug}/" in locs
    assert f"{sample_server.url}category/tests/" in locs


def test_feed_lists_the_ten_newest(sample_server, sample_site):
    status, headers, body = fetch(sample_server.url + "feed/")
    channel = etree.fromstring(body).find("channel")
    items = channel.findall("item")
    newest = sample_site.articles[:10]
    assert [item.findtext("link") for item in items] == [article.url for article in newest]
    for item, article in zip(items, newest, strict=True):
        assert item.findtext("title") == article.headline
        assert parsedate_to_datetime(item.findtext("pubDate")) == article.published
        assert item.findtext(DC_CREATOR) == article.author
        assert [node.text for node in item.findall("category")] == [article.category, *article.tags]
        assert item.findtext("guid") == f"{sample_server.url}?p={article.post_id}"
    assert headers["Last-Modified"] == http_date(max(a.modified for a in sample_site.articles))


def test_feed_guid_redirects_to_the_article(sample_server, sample_site):
    article = sample_site.articles[0]
    status, headers, _ = fetch(f"{sample_server.url}?p={article.post_id}")
    assert (status, headers["Location"]) == (301, article.url)


def follow_pagination(start: str) -> list[str]:
    links, url, seen = [], start, set()
    while url:
        assert url not in seen
        seen.add(url)
        document = page(url)
        links += document.xpath("//h2[contains(@class,'entry-title')]/a/@href")
        following = document.xpath("//a[contains(@class,'next')]/@href")
        url = following[0] if following else None
    return links


def test_home_pagination_reaches_every_article(sample_server, sample_site):
    links = follow_pagination(sample_server.url)
    assert links == [article.url for article in sample_site.articles]


def test_category_pagination_reaches_every_article(sample_server, sample_site):
    reached = set()
    for category in sample_site.categories:
        links = follow_pagination(f"{sample_server.url}category/{category.slug}/")
        expected = [url for _, url in sample_site.category_entries(category.slug)]
        assert links == expected
        reached.update(sample_site.article(link).url for link in links)
    assert reached == {article.url for article in sample_site.articles}


# -- one article, two URLs -------------------------------------------------------------------------------


def test_duplicate_article_served_under_two_urls(sample_server, sample_site):
    article = sample_site.duplicate
    assert article is not None and len(article.alias_urls) == 1
    alias = article.alias_urls[0]
    assert alias != article.url
    first, second = page(article.url), page(alias)
    for document in (first, second):
        assert document.xpath("//link[@rel='canonical']/@href") == [article.url]
        assert texts(document, "//h1") == [article.headline]
    alias_category = alias[len(sample_server.url):].split("/")[0]
    assert alias in follow_pagination(f"{sample_server.url}category/{alias_category}/")
    assert sample_site.article(alias) is article


# -- bad input ----------------------------------------------------------------------------------------


def fault_url(server, name: str) -> str:
    return server.url + FAULT_PATHS[name].lstrip("/")


def test_fault_windows_1252_without_charset(sample_server):
    status, headers, body = fetch(fault_url(sample_server, "windows-1252"))
    assert status == 200 and headers["Content-Type"] == "text/html"
    assert b"charset" not in body[: body.index(b"</head>")].lower()
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    assert "Crédit d’impôt : l’État prévoit" in body.decode("cp1252")


def test_fault_wrong_charset(sample_server):
    status, headers, body = fetch(fault_url(sample_server, "wrong-charset"))
    assert status == 200 and headers["Content-Type"] == "text/html; charset=UTF-8"
    assert b'<meta charset="UTF-8">' in body
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    assert "<h1 class=\"post-title single-post-title entry-title\">Crédit d’impôt" in body.decode("cp1252")


def test_fault_truncated_html_ends_inside_a_tag(sample_server):
    status, _, body = fetch(fault_url(sample_server, "truncated"))
    text = body.decode("utf-8")
    assert status == 200
    assert text.rfind("<") > text.rfind(">")
    assert "<h1" in text and "</html>" not in text and "footer-copyright" not in text


def test_fault_empty_body(sample_server):
    status, headers, body = fetch(fault_url(sample_server, "empty"))
    assert (status, body, headers["Content-Length"]) == (200, b"", "0")


def test_fault_page_without_headline(sample_server):
    status, _, body = fetch(fault_url(sample_server, "no-headline"))
    document = html.fromstring(body)
    assert status == 200
    assert not document.xpath("//h1") and not document.xpath("//meta[@property='og:title']")
    assert document.findtext(".//title") == "OneMedia"
    graph = json.loads(document.xpath("//script[@type='application/ld+json']/text()")[0])["@graph"]
    assert "headline" not in next(node for node in graph if node["@type"] == "NewsArticle")
    assert texts(document, "//div[contains(@class,'entry-content')]/p")


@pytest.mark.parametrize(("name", "status"), [("not-found", 404), ("gone", 410), ("server-error", 500)])
def test_fault_error_statuses(sample_server, name, status):
    for _ in range(2):
        got, headers, body = fetch(fault_url(sample_server, name))
        assert got == status and headers["Content-Type"] == "text/html; charset=UTF-8"
        assert COPYRIGHT.encode() in body


def test_fault_redirect_loop(sample_server):
    status, headers, _ = fetch(fault_url(sample_server, "redirect-loop"))
    assert (status, headers["Location"]) == (302, fault_url(sample_server, "redirect-loop-b"))
    status, headers, _ = fetch(headers["Location"])
    assert (status, headers["Location"]) == (302, fault_url(sample_server, "redirect-loop"))


def test_fault_oversized_page(sample_server):
    status, headers, body = fetch(fault_url(sample_server, "oversized"))
    assert status == 200 and int(headers["Content-Length"]) == len(body) > 6 * 1024 * 1024
    assert body.rstrip().endswith(b"</html>")


def test_fault_oversized_limit_is_configurable():
    site = SampleSite(oversized_bytes=200_000)
    size = len(site.respond("GET", FAULT_PATHS["oversized"]).body)
    assert 200_000 < size < 260_000


def test_fault_impossible_date(sample_server):
    status, _, body = fetch(fault_url(sample_server, "bad-date"))
    document = html.fromstring(body)
    assert status == 200
    assert document.xpath("//meta[@property='article:published_time']/@content") == ["2025-02-30T25:61:00+00:00"]
    assert document.xpath("//time[contains(@class,'published')]/@datetime") == ["2025-02-30T26:61:00+01:00"]
    assert "30 février 2025 à 25h61" in texts(document, "//time")[0]


def test_faults_are_linked_only_with_the_option(sample_server):
    links = set(follow_pagination(f"{sample_server.url}category/tests/"))
    expected = {sample_server.url + path.lstrip("/") for name, path in FAULT_PATHS.items() if name != "redirect-loop-b"}
    assert links == expected
    plain = SampleSite()
    assert plain.respond("GET", "/category/tests/").status == 404
    assert plain.respond("GET", FAULT_PATHS["empty"]).status == 200
    assert b"/category/tests/" not in plain.respond("GET", "/").body


# -- validators and 304 -------------------------------------------------------------------------------


def test_article_validators_and_304(sample_server, sample_site):
    article = sample_site.articles[3]
    status, headers, _ = fetch(article.url)
    etag, last_modified = headers["ETag"], headers["Last-Modified"]
    assert status == 200 and etag.startswith('"') and last_modified == http_date(article.modified)
    status, headers, body = fetch(article.url, {"If-None-Match": etag})
    assert (status, body, headers["ETag"]) == (304, b"", etag)
    assert fetch(article.url, {"If-Modified-Since": last_modified})[0] == 304
    older = http_date(article.modified - timedelta(seconds=1))
    assert fetch(article.url, {"If-Modified-Since": older})[0] == 200
    assert fetch(article.url, {"If-None-Match": '"autre"', "If-Modified-Since": last_modified})[0] == 200


def test_listing_and_feed_answer_304(sample_server):
    for path in ("", "feed/", "post-sitemap.xml"):
        status, headers, _ = fetch(sample_server.url + path)
        assert status == 200
        assert fetch(sample_server.url + path, {"If-None-Match": headers["ETag"]})[0] == 304


# -- articles from outside, time passing -------------------------------------------------------------------


def make_article(headline: str) -> Article:
    return Article(
        headline=headline, author="Sara", category="France", published=DEFAULT_NOW, modified=DEFAULT_NOW,
        sections=[Section(None, None, ["Premier paragraphe."]), Section("Un intertitre", 2, ["Second paragraphe."])],
        captions=[Caption("Une légende.", "/wp-content/uploads/2025/08/une.jpg", "AFP", "copyright", "classic")],
        tags=["Ukraine", "Sommet"],
    )


def test_add_article_renders_it():
    site = SampleSite(articles=5)
    stored = site.add_article(make_article("Un article venu d’ailleurs"))
    again = site.add_article(make_article("Un article venu d’ailleurs"))
    assert stored.url == "https://onemedia.fr/france/un-article-venu-d-ailleurs/"
    assert again.url == "https://onemedia.fr/france/un-article-venu-d-ailleurs-2/"
    assert stored.captions[0].image_url == "https://onemedia.fr/wp-content/uploads/2025/08/une.jpg"
    document = html.fromstring(site.respond("GET", stored.path).body)
    assert texts(document, "//h1") == ["Un article venu d’ailleurs"]
    assert texts(document, "//h2[@class='wp-block-heading']") == ["Un intertitre"]
    assert texts(document, "//p[@class='wp-caption-text']") == ["Une légende. © AFP"]
    assert stored.url in [article.url for article in site.articles]


@pytest.mark.skipif(not SEED.exists(), reason="../shared seed article not available")
def test_seed_article_renders_line_for_line():
    site = SampleSite(articles=5)
    article = site.add_article(seed_article())
    document = html.fromstring(site.respond("GET", article.path).body)
    content = document.xpath("//div[contains(@class,'entry-content')]")[0]
    assert (article.author, article.category, len(article.tags)) == ("Sara", "France", 9)
    assert texts(document, "//h1") == [normalized(article.headline)]
    assert texts(document, "//div[contains(@class,'penci-breadcrumb')]//span") == normalized_list(article.breadcrumb)
    assert texts(content, ".//h2") == [section.heading for section in article.sections[1:]]
    assert len(article.sections) == 6
    assert texts(content, "./p[not(@class)]") == normalized_list(article.paragraphs)
    assert texts(content, ".//figcaption|.//p[@class='wp-caption-text']") == [
        normalized(caption.text) for caption in article.captions
    ]
    assert texts(content, ".//a[@rel='tag']") == article.tags


def normalized_list(values: list[str]) -> list[str]:
    return [normalized(value) for value in values]


def test_running_site_serves_an_added_article():
    with running_site(articles=3) as server:
        stored = server.site.add_article(make_article("Un article ajouté pendant le service"))
        assert stored.url == f"{server.url}france/un-article-ajoute-pendant-le-service/"
        assert texts(page(stored.url), "//h1") == ["Un article ajouté pendant le service"]
        assert follow_pagination(server.url)[0] == stored.url
        assert stored.url in fetch(server.url + "post-sitemap.xml")[2].decode()


def test_empty_site_still_answers():
    site = SampleSite(articles=0)
    assert site.articles == [] and site.duplicate is None
    assert site.respond("GET", "/").status == 200
    index = etree.fromstring(site.respond("GET", "/sitemap_index.xml").body)
    assert [entry.findtext(f"{SITEMAP}loc").rsplit("/", 1)[1] for entry in index] == [
        "page-sitemap.xml", "category-sitemap.xml",
    ]
    assert etree.fromstring(site.respond("GET", "/feed/").body).find("channel").findall("item") == []


def test_advance_publishes_edits_and_deletes():
    site = SampleSite(articles=20)
    before = {article.url: site.respond("GET", article.path) for article in site.articles}
    changes = site.advance(new=3, edit=2, delete=1)
    assert len(site.articles) == 22 and len(changes["new"]) == 3
    assert [article.url for article in site.articles[:3]] == changes["new"][::-1]
    feed = site.respond("GET", "/feed/").body.decode()
    assert all(url in feed for url in changes["new"])
    for url in changes["edited"]:
        answer = site.respond("GET", url, {"If-None-Match": before[url].etag})
        assert answer.status == 200 and answer.last_modified > before[url].last_modified
        sitemap = site.respond("GET", "/post-sitemap.xml").body.decode()
        assert f"<lastmod>{iso_utc(answer.last_modified)}</lastmod>" in sitemap
    assert site.respond("GET", changes["deleted"][0]).status == 410
    unchanged = next(url for url in before if url not in changes["edited"] + changes["deleted"])
    assert site.respond("GET", unchanged, {"If-None-Match": before[unchanged].etag}).status == 304


def test_advance_through_the_server():
    with MockServer(articles=10) as server:
        changes = server.advance(new=2, edit=1)
        assert len(changes["new"]) == 2 and len(changes["edited"]) == 1
        assert all(fetch(url)[0] == 200 for url in changes["new"])
        assert set(changes["new"]) <= set(follow_pagination(server.url))
    assert server.returncode == 0


# -- the command ------------------------------------------------------------------------------------------


def start_command(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_module_alias_serves_quietly_and_stops_on_sigint():
    process = start_command("-m", "newsarchive.sample_site", "--port", "0", "--articles", "3")
    url = process.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:") and url.endswith("/")
    assert fetch(url)[0] == 200 and fetch(url + "feed/")[0] == 200
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=10)
    assert process.returncode == 0
    assert stderr == ""


def test_busy_port_is_a_clear_error():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = start_command("-m", "newsarchive", "sample-site", "--port", str(port))
        stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 1 and stdout == ""
    assert f"cannot listen on 127.0.0.1:{port}" in stderr
