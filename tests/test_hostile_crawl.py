"""The real crawler against hostile loopback sites: every resource bounded, every refusal counted,
nothing stored before lost. Each test crawls into a copy of an archive that already holds articles."""

from __future__ import annotations

import re

import pytest
from crawling import query
from warcio.archiveiterator import ArchiveIterator
from hostile import build_earlier_archive, crawl_hostile, text_route

from newsarchive.sample_site import hostile
from newsarchive.urls import site_key

XML = "application/xml"


@pytest.fixture(scope="module")
def earlier(tmp_path_factory):
    return build_earlier_archive(tmp_path_factory.mktemp("earlier") / "archive.db")


def robots_naming(*sitemaps: str):
    return lambda url: {"/robots.txt": text_route("".join(f"Sitemap: {url}{path}\n" for path in sitemaps).encode())}


def test_a_gzip_bomb_sitemap_is_read_up_to_the_inflated_size_limit(earlier, tmp_path):
    def site(url):
        return {**robots_naming("bombe.xml.gz")(url),
                "/bombe.xml.gz": text_route(hostile.gzip_bomb_sitemap([f"{url}actualite/avant-la-bombe/"],
                                                                      64 * 1024 * 1024), "application/gzip"),
                "/actualite/avant-la-bombe/": (200, {}, hostile.article_page("Un article listé avant la bombe"))}

    run = crawl_hostile(earlier, tmp_path, {}, "NEWSARCHIVE_MAX_INFLATED_SIZE=1048576", make_routes=site)
    assert run.returncode == 0, run.log[-3000:]
    assert run.stats["newsarchive/sitemaps/truncated/inflated_size"] == 1
    assert "Sitemap read up to NEWSARCHIVE_MAX_INFLATED_SIZE (1048576 bytes) only" in run.log
    assert run.headlines() == {"actualite/avant-la-bombe/": "Un article listé avant la bombe"}


def test_a_sitemap_index_trap_stops_at_the_depth_limit(earlier, tmp_path):
    def site(url):
        # every index names a new, deeper one, forever
        return {"/robots.txt": text_route(f"Sitemap: {url}index-0.xml\n".encode()),
                **{f"/index-{n}.xml": text_route(hostile.sitemap_index([f"{url}index-{n + 1}.xml"]), XML)
                   for n in range(50)}}

    run = crawl_hostile(earlier, tmp_path, {}, "NEWSARCHIVE_SITEMAP_MAX_DEPTH=3", make_routes=site)
    assert run.returncode == 0, run.log[-3000:]
    assert [path for path in run.requested if path.startswith("/index-")] == [f"/index-{n}.xml" for n in range(4)]
    assert run.stats["newsarchive/sitemaps/too_deep"] == 1


def test_sitemaps_past_the_count_and_entries_past_the_url_limit_are_left_out(earlier, tmp_path):
    def site(url):
        return {"/robots.txt": text_route(f"Sitemap: {url}index.xml\n".encode()),
                "/index.xml": text_route(hostile.sitemap_index([f"{url}s-{n}.xml" for n in range(10)]), XML),
                **{f"/s-{n}.xml": text_route(hostile.sitemap([f"{url}actualite/a-{n}-{k}/" for k in range(5)]), XML)
                   for n in range(10)}}

    run = crawl_hostile(earlier, tmp_path, {}, "NEWSARCHIVE_SITEMAP_MAX_COUNT=3", "NEWSARCHIVE_SITEMAP_MAX_URLS=3",
                        "NEWSARCHIVE_RECHECK_UNLISTED=0", make_routes=site)
    assert run.returncode == 0, run.log[-3000:]  # the listed pages answer 404: gone, not failed
    sitemaps_read = [path for path in run.requested if path.startswith(("/index", "/s-"))]
    assert sorted(sitemaps_read) == ["/index.xml", "/s-0.xml", "/s-1.xml"]
    assert run.stats["newsarchive/sitemaps/over_budget"] == 1  # s-2, the third entry the index was read up to
    assert run.stats["newsarchive/sitemaps/truncated/url_count"] == 3  # the index, s-0 and s-1
    assert sorted(path for path in run.requested if path.startswith("/actualite/")) == [
        f"/actualite/a-{n}-{k}/" for n in (0, 1) for k in range(3)]


def test_a_malformed_sitemap_gives_what_it_lists_and_says_so(earlier, tmp_path):
    def site(url):
        body = hostile.sitemap([f"{url}actualite/lisible/"])[:-len("</url></urlset>")]  # cut short
        return {**robots_naming("sitemap.xml")(url), "/sitemap.xml": text_route(body, XML),
                "/actualite/lisible/": (200, {}, hostile.article_page("Un article d'un sitemap tronqué"))}

    run = crawl_hostile(earlier, tmp_path, {}, make_routes=site)
    assert run.returncode == 0, run.log[-3000:]
    assert run.stats["newsarchive/sitemaps/malformed"] == 1
    assert "Malformed sitemap, 1 entries read from it" in run.log
    assert run.headlines() == {"actualite/lisible/": "Un article d'un sitemap tronqué"}


def test_the_page_budget_stops_a_run_as_a_success(earlier, tmp_path):
    def site(url):
        pages = [f"{url}actualite/page-{n}/" for n in range(6)]
        return {**robots_naming("sitemap.xml")(url), "/sitemap.xml": text_route(hostile.sitemap(pages), XML),
                **{f"/actualite/page-{n}/": (200, {}, hostile.article_page(f"Article numéro {n}")) for n in range(6)}}

    run = crawl_hostile(earlier, tmp_path, {}, "NEWSARCHIVE_MAX_PAGES_PER_SITE=4", make_routes=site)
    assert run.returncode == 0, run.log[-3000:]
    assert len(set(run.requested) - {"/robots.txt"}) == 4
    assert run.stats["newsarchive/budget/pages_per_site"] >= 1
    assert run.log.count("reached NEWSARCHIVE_MAX_PAGES_PER_SITE (4 pages) in this run") == 1


@pytest.mark.parametrize("robots, reason", [
    (text_route(b"Sitemap: /sitemap.xml\n", status=503), "its robots.txt answers HTTP 503"),
    (text_route(b"User-agent: *\nDisallow: /\n" + b"# " + b"x" * 600_000 + b"\n"),
     "its robots.txt is larger than NEWSARCHIVE_ROBOTS_MAX_SIZE"),
])
def test_a_site_whose_robots_txt_cannot_be_read_is_not_crawled(earlier, tmp_path, robots, reason):
    def site(url):
        return {"/robots.txt": robots, "/sitemap.xml": text_route(hostile.sitemap([f"{url}actualite/interdit/"]), XML),
                "/actualite/interdit/": (200, {}, hostile.article_page("Un article qui ne doit pas être archivé"))}

    run = crawl_hostile(earlier, tmp_path, {}, "RETRY_TIMES=0", make_routes=site)
    assert run.returncode == 1, run.log[-3000:]
    assert run.requested == ["/robots.txt"]  # once, for the rules and for the spider
    assert run.stats["newsarchive/robots/unreadable"] >= 1
    assert reason in run.log and "a site whose robots.txt cannot be read is not crawled" in run.log
    assert "Traceback" not in run.log
    assert run.headlines() == {}


def test_a_site_that_robots_txt_closes_gets_no_request_not_even_a_probe(earlier, tmp_path):
    def site(url):
        return {"/robots.txt": text_route(b"User-agent: *\nDisallow: /\n"),
                "/sitemap.xml": text_route(hostile.sitemap([f"{url}actualite/interdit/"]), XML),
                "/actualite/interdit/": (200, {}, hostile.article_page("Un article interdit"))}

    run = crawl_hostile(earlier, tmp_path, {}, make_routes=site)
    assert run.returncode == 0, run.log[-3000:]
    assert run.requested == ["/robots.txt"]  # once, for the rules and for the spider
    assert run.stats["newsarchive/robots/forbidden"] >= 3  # the home page, the usual sitemaps and feeds
    assert run.headlines() == {}


def test_retry_after_is_honoured_and_bounded(earlier, tmp_path):
    answers = {"patient": 0}

    def patient(handler):
        answers["patient"] += 1
        if answers["patient"] == 1:
            return 429, {"Retry-After": "1"}, b"trop vite"
        return 200, {}, hostile.article_page("Un article servi après une seconde")

    def site(url):
        pages = [f"{url}actualite/patient/", f"{url}actualite/jamais/"]
        return {**robots_naming("sitemap.xml")(url), "/sitemap.xml": text_route(hostile.sitemap(pages), XML),
                "/actualite/patient/": patient,
                "/actualite/jamais/": (503, {"Retry-After": "86400"}, b"revenez demain")}

    run = crawl_hostile(earlier, tmp_path, {}, "NEWSARCHIVE_RETRY_AFTER_MAX=30", make_routes=site)
    assert run.headlines() == {"actualite/patient/": "Un article servi après une seconde"}, run.log[-3000:]
    assert run.stats["newsarchive/retry_after/honoured"] == 1
    assert run.stats["newsarchive/retry_after/too_long"] == 1
    assert run.requested.count("/actualite/jamais/") == 1  # not retried: it asked for a day
    assert run.returncode == 1  # that page failed


def test_scrapy_remote_control_is_off(earlier, tmp_path):
    run = crawl_hostile(earlier, tmp_path, {})
    assert "RemoteControl" not in run.log.split("Enabled extensions:")[1].split("]")[0]




HOSTILE_PAGES = {
    "actualite/json-ld-profond/": (hostile.deep_jsonld_page, "Un JSON-LD imbriqué cent mille fois"),
    "actualite/dates-hors-limites/": (hostile.extreme_dates_page, "Des dates en l'an 1 et dans un siècle de jours"),
    "actualite/nuage-de-mots-cles/": (hostile.tag_cloud_page, "Dix mille liens vers des mots-clés"),
    "actualite/imbrique/": (hostile.nested_page, "Cent mille éléments imbriqués"),
    "actualite/titre-nombre/": (hostile.number_headline_page, "Un titre que le JSON-LD donne en nombre"),
}


def test_hostile_pages_are_stored_with_what_could_be_read(earlier, tmp_path):
    def site(url):
        routes = {**robots_naming("sitemap.xml")(url),
                  "/sitemap.xml": text_route(hostile.sitemap([url + path for path in HOSTILE_PAGES]), XML)}
        routes.update({f"/{path}": (200, {}, page(headline)) for path, (page, headline) in HOSTILE_PAGES.items()})
        return routes

    run = crawl_hostile(earlier, tmp_path, {}, make_routes=site)
    assert run.returncode == 0, run.log[-3000:]
    assert run.headlines() == {path: headline for path, (_, headline) in HOSTILE_PAGES.items()}
    assert run.stats["newsarchive/warning/jsonld_too_deep"] == 1
    assert run.stats["newsarchive/warning/date_unparsed"] == 1
    assert "Traceback" not in run.log
    dates = query(run.db, "SELECT published, published_raw FROM articles WHERE url LIKE ?",
                  ("%/dates-hors-limites/",))[0]
    assert dates["published"] is None and dates["published_raw"] == "0001-01-01T00:00:00+14:00"
    tags = query(run.db, "SELECT count(*) AS n FROM article_tags JOIN articles a ON a.id = article_id "
                         "WHERE a.url LIKE ?", ("%/nuage-de-mots-cles/",))[0]["n"]
    assert tags == 30  # the first tags of the cloud, no more


def test_a_page_claiming_another_articles_canonical_url_keeps_its_own(earlier, tmp_path):
    pages = {"actualite/vrai/": "L'article qui est à cette adresse", "actualite/usurpateur/": "Un autre texte"}

    def site(url):
        claim = f'<link rel="canonical" href="{url}actualite/vrai/"><meta property="og:url" content="{url}actualite/vrai/">'
        routes = {**robots_naming("sitemap.xml")(url),
                  "/sitemap.xml": text_route(hostile.sitemap([url + path for path in reversed(pages)]), XML),
                  "/actualite/vrai/": (200, {}, hostile.article_page(pages["actualite/vrai/"])),
                  "/actualite/usurpateur/": (200, {}, hostile.article_page(pages["actualite/usurpateur/"], head=claim))}
        return routes

    run = crawl_hostile(earlier, tmp_path, {}, make_routes=site)
    assert run.returncode == 0, run.log[-3000:]
    assert run.headlines() == pages
    assert run.stats["newsarchive/warning/canonical_refused"] == 1
    assert f"canonical_refused:{run.url}actualite/vrai/ is another page than {run.url}actualite/usurpateur/" in run.log
    assert query(run.db, "SELECT count(*) AS n FROM revisions")[0]["n"] == 0


def test_a_sitemap_index_listing_itself_spends_no_budget(earlier, tmp_path):
    def site(url):
        index = hostile.sitemap_index([f"{url}index.xml"] * 10 + [f"{url}posts.xml"])
        return {"/robots.txt": text_route(f"Sitemap: {url}index.xml\nSitemap: {url}index.xml\n".encode()),
                "/index.xml": text_route(index, XML),
                "/posts.xml": text_route(hostile.sitemap([f"{url}actualite/apres-la-boucle/"]), XML),
                "/actualite/apres-la-boucle/": (200, {}, hostile.article_page("Un article listé après la boucle"))}

    run = crawl_hostile(earlier, tmp_path, {}, "NEWSARCHIVE_SITEMAP_MAX_COUNT=3", make_routes=site)
    assert run.returncode == 0, run.log[-3000:]
    assert [path for path in run.requested if path.startswith(("/index", "/posts"))] == ["/index.xml", "/posts.xml"]
    assert "newsarchive/sitemaps/over_budget" not in run.stats
    assert run.headlines() == {"actualite/apres-la-boucle/": "Un article listé après la boucle"}


def test_links_past_the_page_budget_are_not_even_queued(earlier, tmp_path):
    # a page of 100,000 links held ~450 MB of queued requests that the budget would refuse one by one
    links = "".join(f'<a href="/actualite/lien-numero-{n}/">Lien {n}</a>' for n in range(2_000))
    home = (200, {}, f"<html><body><h1>Accueil</h1>{links}</body></html>".encode())
    run = crawl_hostile(earlier, tmp_path, {"/": home}, "NEWSARCHIVE_MAX_PAGES_PER_SITE=5")
    assert run.returncode == 0, run.log[-3000:]
    assert run.stats["scheduler/enqueued"] < 20  # robots.txt, the home page, the usual sitemaps and feeds, 5 links
    assert run.stats["newsarchive/budget/pages_per_site"] >= 1995
    assert len(set(run.requested) - {"/robots.txt"}) == 5
    # one warning for the run, from the one place that refuses (the others at debug level)
    assert run.log.count("NEWSARCHIVE_MAX_PAGES_PER_SITE (5 pages)") == 1
    assert f"Not queued: {site_key(run.url)} reached NEWSARCHIVE_MAX_PAGES_PER_SITE (5 pages) in this run" in run.log


def test_links_past_the_page_budget_are_not_remembered_either(earlier, tmp_path):
    # the spider's set of URLs asked for stays as small as the budget, however many links the pages name
    urls = [f"/actualite/lien-numero-{n}/" for n in range(2_000)]
    home = (200, {}, ("<html><body>" + "".join(f'<a href="{url}">Lien</a>' for url in urls) + "</body></html>").encode())
    def site(base):
        items = "".join(f"<item><title>Lien</title><link>{base}{url[1:]}</link></item>" for url in urls)
        return {"/feed/": text_route(f"<rss version='2.0'><channel>{items}</channel></rss>".encode(), XML)}

    # the budget: the home page, the 5 usual feed paths and the 2 usual sitemap paths (robots.txt names none); then
    # the home page and the feed name the same links
    run = crawl_hostile(earlier, tmp_path, {"/": home, **robots_naming()("")}, "NEWSARCHIVE_MAX_PAGES_PER_SITE=8",
                        make_routes=site)
    assert run.returncode == 0, run.log[-3000:]
    assert "/feed/" in run.requested and not any(path.startswith("/actualite/") for path in run.requested)
    assert run.stats["newsarchive/budget/pages_per_site"] == 4000  # each link refused where named, none remembered
    assert "newsarchive/discovered/repeated" not in run.stats

def test_a_page_that_stops_its_extraction_worker_fails_alone_and_the_crawl_goes_on(earlier, tmp_path):
    # one <div> of 60,000 distinct attributes: libxml2 parses it in about a minute, in C (no time limit reaches it)
    attributes = " ".join(f'a{number}="v"' for number in range(60_000))
    def site(url):
        return {**robots_naming("posts.xml")(url),
                "/posts.xml": text_route(hostile.sitemap([f"{url}actualite/attributs/", f"{url}actualite/apres/"]),
                                         XML),
                "/actualite/attributs/": (200, {}, hostile.article_page("Attributs", body=f"<div {attributes}></div>")),
                "/actualite/apres/": (200, {}, hostile.article_page("Un article après la page bloquante"))}

    run = crawl_hostile(earlier, tmp_path, {}, "NEWSARCHIVE_EXTRACTION_TIME_LIMIT=0.1",
                        "NEWSARCHIVE_EXTRACT_WORKERS=1", make_routes=site)
    assert run.returncode == 1, run.log[-3000:]  # finished with errors: the page not stored
    assert run.headlines() == {"actualite/apres/": "Un article après la page bloquante"}
    assert run.stats["newsarchive/extract_stopped"] == run.stats["newsarchive/extract_failed"] == 1
    assert "An extraction worker stopped" in run.log
    assert "actualite/attributs/: the page stopped its extraction worker twice" in run.log


def test_a_listing_with_a_tag_of_200000_attributes_is_read_up_to_that_tag(earlier, tmp_path):
    # libxml2 would parse that <div> for hours, in the crawl process itself
    links = ('<a href="/actualite/avant-la-balise/">Avant</a>{tag}<a href="/actualite/apres-la-balise/">Après</a>'
             .format(tag=hostile.crowded_tag(200_000)))
    home = f"<html><body><h1>Accueil</h1>{links}</body></html>".encode()
    routes = {"/": (200, {}, home),
              "/actualite/avant-la-balise/": (200, {}, hostile.article_page("Un article lié avant la balise")),
              "/actualite/apres-la-balise/": (200, {}, hostile.article_page("Un article lié après la balise"))}
    run = crawl_hostile(earlier, tmp_path, routes)
    assert run.returncode == 0, run.log[-3000:]
    assert run.headlines() == {"actualite/avant-la-balise/": "Un article lié avant la balise"}
    assert "/actualite/apres-la-balise/" not in run.requested
    assert run.stats["newsarchive/too_many_attributes"] == 1
    assert "a tag there has more than 2000 attributes (NEWSARCHIVE_MAX_ATTRIBUTES)" in run.log
    assert "Traceback" not in run.log
    assert served_bytes_in_warc(tmp_path / "warc", run.url) == home  # archived as received, the tag whole


def test_an_article_with_a_tag_of_200000_attributes_fails_alone_when_extracted_in_the_crawl_process(earlier,
                                                                                                     tmp_path):
    pages = {"actualite/balise/": hostile.article_page("Une balise de 200 000 attributs",
                                                       body=hostile.crowded_tag(200_000)),
             "actualite/ordinaire/": hostile.article_page("Un article ordinaire après elle")}

    def site(url):
        return {**robots_naming("posts.xml")(url),
                "/posts.xml": text_route(hostile.sitemap([url + path for path in pages]), XML),
                **{f"/{path}": (200, {}, page) for path, page in pages.items()}}

    run = crawl_hostile(earlier, tmp_path, {}, "NEWSARCHIVE_EXTRACT_WORKERS=0", make_routes=site)
    assert run.returncode == 1, run.log[-3000:]  # finished with errors: that page is not stored
    assert run.headlines() == {"actualite/ordinaire/": "Un article ordinaire après elle"}
    assert run.stats["newsarchive/too_many_attributes"] == run.stats["newsarchive/extract_failed"] == 1
    assert re.search(r"Extraction failed for \S+: a tag at byte", run.log) and "Traceback" not in run.log


def served_bytes_in_warc(folder, url: str) -> bytes:
    """The payload of the WARC response record of ``url`` in the files of ``folder``."""
    for path in sorted(folder.glob("*.warc.gz")):
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response" and record.rec_headers.get_header("WARC-Target-URI") == url:
                    return record.content_stream().read()
    raise AssertionError(f"no response record of {url} in {folder}")


def test_an_answer_whose_headers_pass_the_header_size_limit_fails_alone(earlier, tmp_path):
    header_bytes = {"actualite/en-tetes-longs/": 200 * 1024, "actualite/en-tetes-sans-fin/": 1024 * 1024}
    headlines = {path: f"Un article après {size} octets d'en-têtes" for path, size in header_bytes.items()}

    def site(url):
        routes = {**robots_naming("sitemap.xml")(url),
                  "/sitemap.xml": text_route(hostile.sitemap([url + path for path in header_bytes]), XML)}
        routes.update({f"/{path}": hostile.header_flood(hostile.article_page(headlines[path]), size)
                       for path, size in header_bytes.items()})
        return routes

    run = crawl_hostile(earlier, tmp_path, {}, make_routes=site)
    assert run.headlines() == {"actualite/en-tetes-longs/": headlines["actualite/en-tetes-longs/"]}  # under 256 KiB
    tries = run.requested.count("/actualite/en-tetes-sans-fin/")
    assert run.stats["newsarchive/headers_too_large"] == tries >= 1  # each try refused (a retry too)
    assert run.stats["newsarchive/fetch_failed/DownloadFailedError"] == 1
    assert "pass 262144 bytes (NEWSARCHIVE_MAX_HEADER_SIZE)" in run.log and "Traceback" not in run.log


def test_a_header_size_limit_of_0_reads_headers_of_any_size(earlier, tmp_path):
    page = hostile.article_page("Un article après un mégaoctet d'en-têtes")

    def site(url):
        return {**robots_naming("sitemap.xml")(url),
                "/sitemap.xml": text_route(hostile.sitemap([url + "actualite/en-tetes/"]), XML),
                "/actualite/en-tetes/": hostile.header_flood(page, 1024 * 1024)}

    run = crawl_hostile(earlier, tmp_path, {}, "NEWSARCHIVE_MAX_HEADER_SIZE=0", make_routes=site)
    assert run.returncode == 0, run.log[-3000:]
    assert run.headlines() == {"actualite/en-tetes/": "Un article après un mégaoctet d'en-têtes"}
    assert "newsarchive/headers_too_large" not in run.stats


def test_a_feed_is_read_up_to_the_entry_limit(earlier, tmp_path):
    paths = [f"actualite/du-flux-{number}/" for number in range(8)]

    def site(url):
        items = "".join(f"<item><link>{url}{path}</link></item>" for path in paths)
        routes = {"/feed/": text_route(f"<rss><channel>{items}</channel></rss>".encode(), XML)}
        routes.update({f"/{path}": (200, {}, hostile.article_page(f"Article {path}")) for path in paths})
        return routes

    run = crawl_hostile(earlier, tmp_path, {}, "NEWSARCHIVE_SITEMAP_MAX_URLS=5", make_routes=site)
    assert run.returncode == 0, run.log[-3000:]
    assert sorted(run.headlines()) == paths[:5]  # the feed's first five
    assert run.stats["newsarchive/feeds/truncated/entry_count"] == 1
    assert "Feed read up to NEWSARCHIVE_SITEMAP_MAX_URLS (5 entries) only" in run.log
