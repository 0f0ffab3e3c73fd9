import pytest

from newsarchive.sites.wordpress import ArticleUrlPattern, classify_url
from newsarchive.urls import canonicalize_url, document_base, is_home_address, same_site, site_key

ARTICLE = "https://onemedia.fr/france/trump-et-poutine-en-alaska/"


@pytest.mark.parametrize(
    "variant",
    [
        ARTICLE,
        "https://onemedia.fr/france/trump-et-poutine-en-alaska/#comments",
        "https://onemedia.fr/france/trump-et-poutine-en-alaska/#",
        "https://onemedia.fr/france/trump-et-poutine-en-alaska/?utm_source=facebook&utm_medium=social&utm_campaign=x",
        "https://onemedia.fr/france/trump-et-poutine-en-alaska/?UTM_Source=newsletter",
        "https://onemedia.fr/france/trump-et-poutine-en-alaska/?fbclid=IwAR0abc",
        "https://onemedia.fr/france/trump-et-poutine-en-alaska/?gclid=abc&_ga=2.1&igshid=x",
        "https://onemedia.fr/france/trump-et-poutine-en-alaska/?mc_cid=1&mc_eid=2",
        "https://onemedia.fr/france/trump-et-poutine-en-alaska/?xtor=RSS-3&at_medium=sl&at_campaign=tw",
        "https://onemedia.fr/france/trump-et-poutine-en-alaska/?ref=twitter",
        "https://onemedia.fr/france/trump-et-poutine-en-alaska/?amp",
        "https://onemedia.fr/france/trump-et-poutine-en-alaska/?amp=1",
        "https://onemedia.fr/france/trump-et-poutine-en-alaska/?outputType=amp",
        "https://onemedia.fr/france/trump-et-poutine-en-alaska/amp/",
        "https://onemedia.fr/france/trump-et-poutine-en-alaska/amp",
        "https://ONEMEDIA.fr/france/trump-et-poutine-en-alaska/",
        "https://onemedia.fr:443/france/trump-et-poutine-en-alaska/",
        "http://onemedia.fr/france/trump-et-poutine-en-alaska/",
        "http://onemedia.fr:80/france/trump-et-poutine-en-alaska/",
        "//onemedia.fr/france/trump-et-poutine-en-alaska/",
        "  https://onemedia.fr/france/trump-et-poutine-en-alaska/  ",
        "HTTP://OneMedia.FR/france/trump-et-poutine-en-alaska/amp/?utm_source=x&fbclid=y#top",
    ],
)
def test_variants_of_one_article_share_one_canonical_url(variant):
    assert canonicalize_url(variant) == ARTICLE


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://onemedia.fr/france/caf%c3%a9/", "https://onemedia.fr/france/caf%C3%A9/"),
        ("https://onemedia.fr/france/café", "https://onemedia.fr/france/caf%C3%A9"),
        ("https://onemedia.fr/?s=trump&utm_source=x", "https://onemedia.fr/?s=trump"),
        ("https://onemedia.fr/?b=2&a=1", "https://onemedia.fr/?a=1&b=2"),
        ("https://onemedia.fr/?p=123&utm_medium=rss", "https://onemedia.fr/?p=123"),
        ("https://onemedia.fr", "https://onemedia.fr/"),
        ("https://onemedia.fr/sitemap_index.xml", "https://onemedia.fr/sitemap_index.xml"),
        ("https://onemedia.fr/robots.txt", "https://onemedia.fr/robots.txt"),
        ("https://onemedia.fr/category/france/page/2", "https://onemedia.fr/category/france/page/2"),
        ("https://www.onemedia.fr/france/slug/", "https://www.onemedia.fr/france/slug/"),
        ("http://127.0.0.1:8123/france/slug", "http://127.0.0.1:8123/france/slug"),
        ("https://exemple.fr/actu/2025/08/06/titre-123", "https://exemple.fr/actu/2025/08/06/titre-123"),
        ("https://exemple.fr//actu//titre/", "https://exemple.fr/actu/titre/"),
        ("https://onemedia.fr/france/slug/?replytocom=5#respond", "https://onemedia.fr/france/slug/?replytocom=5"),
        ("https://onemedia.fr/france/slug/?outputType=full", "https://onemedia.fr/france/slug/?outputType=full"),
    ],
)
def test_canonicalize_url(url, expected):
    assert canonicalize_url(url) == expected


@pytest.mark.parametrize(
    ("url_a", "url_b"),
    [
        ("https://onemedia.fr/france/slug-un/", "https://onemedia.fr/france/slug-deux/"),
        ("https://onemedia.fr/france/slug/", "https://onemedia.fr/monde/slug/"),
        ("https://onemedia.fr/france/slug/", "https://autremedia.fr/france/slug/"),
        ("https://onemedia.fr/?p=1", "https://onemedia.fr/?p=2"),
        ("https://onemedia.fr/category/france/", "https://onemedia.fr/category/france/page/2/"),
        ("http://127.0.0.1:8123/france/slug/", "http://127.0.0.1:8124/france/slug/"),
        ("https://onemedia.fr/france/Slug/", "https://onemedia.fr/france/slug/"),
    ],
)
def test_distinct_pages_do_not_collapse(url_a, url_b):
    assert canonicalize_url(url_a) != canonicalize_url(url_b)


@pytest.mark.parametrize(
    "url",
    ["/france/slug/", "onemedia.fr/france/slug/", "mailto:redaction@onemedia.fr", "ftp://onemedia.fr/x", "", None],
)
def test_canonicalize_url_rejects_non_http_urls(url):
    with pytest.raises(ValueError):
        canonicalize_url(url)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://onemedia.fr/france/slug/", "onemedia.fr"),
        ("https://www.OneMedia.fr/", "onemedia.fr"),
        ("https://onemedia.fr:443/", "onemedia.fr"),
        ("http://127.0.0.1:8123/france/slug/", "127.0.0.1:8123"),
        ("https://news.onemedia.fr/", "news.onemedia.fr"),
    ],
)
def test_site_key(url, expected):
    assert site_key(url) == expected


@pytest.mark.parametrize(
    ("url_a", "url_b", "expected"),
    [
        ("https://onemedia.fr/a/", "http://www.ONEMEDIA.fr/b/", True),
        ("http://127.0.0.1:8123/a/", "http://127.0.0.1:8123/b/", True),
        ("https://onemedia.fr/", "https://news.onemedia.fr/", False),
        ("https://onemedia.fr/", "https://onemedia.fr.evil.example/", False),
        ("http://127.0.0.1:8123/", "http://127.0.0.1:8124/", False),
        ("https://onemedia.fr/", "/relative/", False),
        ("mailto:a@onemedia.fr", "https://onemedia.fr/", False),
    ],
)
def test_same_site(url_a, url_b, expected):
    assert same_site(url_a, url_b) is expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://onemedia.fr/france/slug/", True),
        ("https://onemedia.fr/france/slug", True),
        ("https://onemedia.fr/actualite/trump-et-poutine-en-alaska/?utm_source=x", True),
        ("http://127.0.0.1:8123/sport/un-article/", True),
        ("https://onemedia.fr/category/france/", False),
        ("https://onemedia.fr/tag/trump/", False),
        ("https://onemedia.fr/author/sara/", False),
        ("https://onemedia.fr/page/2/", False),
        ("https://onemedia.fr/feed/rss2/", False),
        ("https://onemedia.fr/wp-content/uploads/", False),
        ("https://onemedia.fr/wp-json/wp/", False),
        ("https://onemedia.fr/search/trump/", False),
        ("https://onemedia.fr/comments/feed/", False),
        ("https://onemedia.fr/attachment/photo/", False),
        ("https://onemedia.fr/2025/08/", False),
        ("https://onemedia.fr/contact/feed/", False),
        ("https://onemedia.fr/contact/amp/", False),
        ("https://onemedia.fr/france/page/", False),
        ("https://onemedia.fr/france/slug/amp/", False),
        ("https://onemedia.fr/france/slug/attachment/photo/", False),
        ("https://onemedia.fr/wp-content/image.jpg", False),
        ("https://onemedia.fr/france/image.jpg", False),
        ("https://onemedia.fr/contact/", False),
        ("https://onemedia.fr/", False),
        ("https://onemedia.fr/france/slug/?s=trump", False),
        ("https://onemedia.fr/france/slug/?p=12", False),
        ("https://onemedia.fr/france/slug/?replytocom=5", False),
        ("mailto:redaction@onemedia.fr", False),
        ("/france/slug/", False),
    ],
)
def test_default_article_pattern(url, expected):
    assert ArticleUrlPattern().matches(url) is expected


def test_custom_article_pattern():
    dated = ArticleUrlPattern(r"/\d{4}/\d{2}/\d{2}/[^/]+/?", excluded_query_keys=("preview",))
    assert dated.matches("https://example.fr/2025/08/06/un-titre/")
    assert not dated.matches("https://example.fr/france/un-titre/")
    assert not dated.matches("https://example.fr/2025/08/06/un-titre/?preview=true")
    assert dated.matches("https://example.fr/2025/08/06/un-titre/?s=x")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # articles and their variants
        ("https://onemedia.fr/actualite/trump-et-poutine-en-alaska/", "article"),
        ("https://onemedia.fr/france/slug/amp/", "article"),
        ("https://onemedia.fr/france/slug?amp=1&utm_source=x", "article"),
        ("https://onemedia.fr/france/slug/?replytocom=5", "other"),
        # post listings
        ("https://onemedia.fr/", "category"),
        ("https://onemedia.fr/page/2/", "category"),
        ("https://onemedia.fr/category/actualite/", "category"),
        ("https://onemedia.fr/category/actualite/page/3/", "category"),
        ("https://onemedia.fr/2025/08/", "category"),
        # other WordPress families
        ("https://onemedia.fr/tag/trump/", "tag"),
        ("https://onemedia.fr/tag/trump/page/2/", "tag"),
        ("https://onemedia.fr/author/sara/", "author"),
        ("https://onemedia.fr/feed/", "feed"),
        ("https://onemedia.fr/france/feed/", "feed"),
        ("https://onemedia.fr/category/actualite/feed/", "feed"),
        ("https://onemedia.fr/comments/feed/", "feed"),
        ("https://onemedia.fr/?feed=rss2", "feed"),
        ("https://onemedia.fr/wp-admin/", "admin"),
        ("https://onemedia.fr/wp-admin/admin-ajax.php", "admin"),
        ("https://onemedia.fr/wp-content/uploads/2025/08/photo.jpg", "admin"),
        ("https://onemedia.fr/wp-json/wp/v2/posts", "admin"),
        ("https://onemedia.fr/wp-login.php", "admin"),
        ("https://onemedia.fr/wp-comments-post.php", "admin"),
        ("https://onemedia.fr/?s=trump", "search"),
        ("https://onemedia.fr/page/2/?s=trump", "search"),
        ("https://onemedia.fr/search/trump/", "search"),
        ("https://onemedia.fr/contact/", "page"),
        ("https://onemedia.fr/mentions-legales/", "page"),
        ("https://onemedia.fr/contact/amp/", "page"),
        ("https://onemedia.fr/france/slug/attachment/photo-1/", "attachment"),
        ("https://onemedia.fr/?attachment_id=12", "attachment"),
        ("https://onemedia.fr/sitemap_index.xml", "sitemap"),
        ("https://onemedia.fr/post-sitemap.xml", "sitemap"),
        ("https://onemedia.fr/post-sitemap2.xml", "sitemap"),
        ("https://onemedia.fr/page-sitemap.xml", "sitemap"),
        ("https://onemedia.fr/category-sitemap.xml", "sitemap"),
        ("https://onemedia.fr/robots.txt", "other"),
        ("https://onemedia.fr/?p=123", "other"),
        ("https://onemedia.fr/france/slug/2/", "other"),
        ("mailto:redaction@onemedia.fr", "other"),
        ("javascript:void(0)", "other"),
        ("", "other"),
    ],
)
def test_classify_url(url, expected):
    assert classify_url(url) == expected


@pytest.mark.parametrize("href, home", [
    ("/", True), ("https://le-journal.example/", True), ("https://le-journal.example", True),
    ("/a-propos/", False), ("/?s=mot", False), ("#top", False), ("", False), (None, False),
])
def test_is_home_address(href, home):
    assert is_home_address(href) is home


@pytest.mark.parametrize(("base_href", "base"), [
    ("https://www.ville.example/", "https://www.ville.example/"),
    ("/sites/ville/", "https://www.ville.example/sites/ville/"),  # made absolute against the page's address
    (None, "https://www.ville.example/actualites/la-fete.html"),  # none: the page's own
    ("  ", "https://www.ville.example/actualites/la-fete.html"),
    ("javascript:void(0)", "https://www.ville.example/actualites/la-fete.html"),  # no web address
])
def test_the_document_base_is_the_base_href_made_absolute_else_the_page_s_address(base_href, base):
    assert document_base("https://www.ville.example/actualites/la-fete.html", base_href) == base
