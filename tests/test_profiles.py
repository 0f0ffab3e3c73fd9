"""Site profiles: loading, validation errors, the page classes they make, and ``newsarchive sites``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

import pytest

from newsarchive.cli import main
from newsarchive.crawl.discovery import page_links
from newsarchive.extraction import extract_article
from newsarchive.extraction.page import ArticlePage
from newsarchive.sample_site import FAULT_PATHS, SampleSite
from newsarchive.sites.catalog import load_profiles
from newsarchive.sites.profile_file import load_profile, parse_profile
from newsarchive.sites.profiles import BUNDLED_PROFILES_DIR, PROFILES_DIR_ENV, ProfileError
from newsarchive.sites.registry import PageRegistry, page_class_of
from newsarchive.sites.wordpress import classify_url

VALID = """
name = "journal-essai"
domains = ["journal-essai.test"]
article_pattern = '^/actualites/\\d{4}/'
"""


@pytest.fixture(autouse=True)
def no_user_profiles(monkeypatch):
    monkeypatch.delenv(PROFILES_DIR_ENV, raising=False)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the bundled onemedia profile ------------------------------------------------------------------


def test_onemedia_is_declared_once_in_its_bundled_profile():
    profile = load_profiles().get("onemedia")
    assert profile.domains == ("onemedia.fr",)
    assert profile.source == BUNDLED_PROFILES_DIR / "onemedia.toml"
    assert (profile.platform, profile.article_pattern, profile.page_class) == ("wordpress", None, None)
    page_class = page_class_of(profile)
    assert page_class.selectors["content"] == ".inner-post-entry"
    assert page_class.optional == {"published", "modified"}
    assert profile.check.url_path.startswith("france/la-prefecture-alerte")
    assert [path.name for path in BUNDLED_PROFILES_DIR.iterdir() if "onemedia" in path.name] == ["onemedia.toml"]


def sample_site_urls() -> set[str]:
    """Every link of the sample site's home page, a category page, an article page and the fault URLs."""
    site = SampleSite(base_url="https://onemedia.fr/", with_faults=True)
    article = site.articles[0]
    urls = {site.url(path) for path in FAULT_PATHS.values()} | {a.url for a in site.articles}
    for path in ("/", "/category/france/", "/category/france/page/2/", article.url.removeprefix("https://onemedia.fr")):
        urls.update(page_links(site.respond("GET", path, {}).body, site.url(path)))
    return {url for url in urls if url.startswith("https://onemedia.fr/")}


def test_onemedia_urls_are_judged_by_the_wordpress_url_rules():
    profile = load_profiles().get("onemedia")
    urls = sample_site_urls() | {
        "https://onemedia.fr/france/un-article/?replytocom=3", "https://onemedia.fr/?s=budget",
        "https://onemedia.fr/2025/08/", "https://onemedia.fr/france/un-article/feed/",
        "https://onemedia.fr/wp-content/uploads/a.jpg",
    }
    assert len(urls) > 60
    disagreements = [url for url in urls if profile.rules.is_article_link(url) != (classify_url(url) == "article")]
    assert disagreements == []
    assert {url for url in urls if profile.rules.link_kind(url) == "section"} >= {
        "https://onemedia.fr/category/france/", "https://onemedia.fr/category/france/page/2/",
        "https://onemedia.fr/2025/08/"}
    assert profile.rules.link_kind("https://onemedia.fr/tag/climat/") == "other"


# --- loading ------------------------------------------------------------------------------------------


def test_a_user_profile_is_loaded_next_to_the_bundled_ones(tmp_path, monkeypatch):
    path = write(tmp_path, "essai.toml", VALID)
    monkeypatch.setenv(PROFILES_DIR_ENV, str(tmp_path))
    catalog = load_profiles()
    assert set(catalog.profiles) == {"onemedia", "journal-essai"}
    assert catalog.errors == []
    profile = catalog.get("journal-essai")
    assert (profile.source, profile.start_urls) == (path, ("https://journal-essai.test/",))
    assert catalog.for_host("www.journal-essai.test") is profile
    assert catalog.for_host("journal-essai.test.example.org") is None


def test_a_user_profile_of_the_same_name_replaces_the_bundled_one(tmp_path):
    write(tmp_path, "onemedia.toml", 'name = "onemedia"\ndomains = ["onemedia.fr"]\narticle_pattern = "^/x/"\n')
    catalog = load_profiles(tmp_path)
    assert catalog.get("onemedia").article_pattern.pattern == "^/x/"
    assert catalog.get("onemedia").page_class is None


def test_name_defaults_to_the_file_name(tmp_path):
    profile = load_profile(write(tmp_path, "mon-journal.toml", 'domains = ["mon-journal.test"]\n'))
    assert profile.name == "mon-journal"
    assert profile.article_pattern is None


def test_a_broken_profile_is_left_out_and_reported_the_others_load(tmp_path):
    write(tmp_path, "essai.toml", VALID)
    broken = write(tmp_path, "casse.toml", 'domains = ["casse.test"]\narticle_pattern = "(["\n')
    catalog = load_profiles(tmp_path)
    assert "journal-essai" in catalog.profiles and "casse" not in catalog.profiles
    assert [error.path for error in catalog.errors] == [broken]
    with pytest.raises(ProfileError, match=r"casse\.toml: article_pattern: bad regular expression"):
        catalog.get("casse")


def test_two_profiles_cannot_claim_one_domain(tmp_path):
    write(tmp_path, "a.toml", 'name = "a"\ndomains = ["meme-site.test"]\n')
    write(tmp_path, "b.toml", 'name = "b"\ndomains = ["autre.test", "meme-site.test"]\n')
    catalog = load_profiles(tmp_path)
    assert set(catalog.profiles) == {"onemedia", "a"}
    assert "domain meme-site.test is already the profile 'a'" in str(catalog.errors[0])


def test_a_missing_profiles_folder_is_reported(tmp_path):
    catalog = load_profiles(tmp_path / "absent")
    assert "onemedia" in catalog.profiles
    assert "does not exist" in str(catalog.errors[0])


def test_unknown_profile_names_the_known_ones():
    with pytest.raises(ProfileError, match=r"no site profile named 'absent' \(known: onemedia\)"):
        load_profiles().get("absent")


@pytest.mark.parametrize("text, message", [
    ('domains = ["a.test"]\narticle_patern = "x"\n', r"unknown key 'article_patern' \(did you mean 'article_pattern'\?\)"),
    ('domains = ["a.test"]\n[discovery]\nsitemap = ["/s.xml"]\n', r"unknown key 'discovery\.sitemap' \(did you mean 'discovery\.sitemaps'"),
    ('domains = ["a.test"]\n[selectors]\nheadlines = "h1"\n', r"unknown key 'selectors\.headlines' \(did you mean 'selectors\.headline'"),
    ('domains = ["a.test"]\narticle_pattern = "/(\\\\d+"\n', r"article_pattern: bad regular expression"),
    ('domains = ["a.test"]\nexclude_patterns = ["*"]\n', r"exclude_patterns: bad regular expression"),
    ('domains = ["a.test"]\nexclude_patterns = "/tag/"\n', r"exclude_patterns must be a list of non-empty strings"),
    ('domains = ["a.test"]\n[selectors]\nheadline = "h1[["\n', r"selectors\.headline: bad CSS selector"),
    ('domains = ["a.test"]\n[selectors]\nheadline = 1\n', r"selectors\.headline must be a non-empty CSS selector"),
    ('name = "x"\n', r"domains is required"),
    ('domains = ["https://a.test/"]\n', r"domains: 'https://a.test/' is not a domain name"),
    ('domains = ["a.test"]\nstart_urls = ["https://b.test/"]\n', r"start_urls: 'https://b.test/' is not on the profile's domains"),
    ('domains = ["a.test"]\nstart_urls = ["/accueil/"]\n', r"start_urls: '/accueil/' is not an absolute http\(s\) URL"),
    ('domains = ["a.test"]\n[discovery]\nfeeds = ["rss.xml"]\n', r"discovery\.feeds: 'rss.xml' is not an absolute http\(s\) URL or a path"),
    ('domains = ["a.test"]\npage_class = "test_profiles.ThemePage"\n', r'page_class must be "module:Class"'),
    ('domains = ["a.test"]\nplatform = "joomla"\n', r"platform must be one of generic, wordpress, not 'joomla'"),
    ('domains = ["a.test"]\noptional_selectors = ["published"]\n', r"optional_selectors: published has no selector"),
    ('domains = ["a.test"]\n[check]\nfields = ["headline"]\n', r"check\.url_path must be the path of an article page"),
    ('domains = ["a.test"]\n[check]\nurl_path = "a/b/"\nfield = ["headline"]\n', r"unknown key 'check\.field'"),
    ('domains = ["a.test"]\npage_class = "newsarchive.absent:Page"\n', r"page_class 'newsarchive.absent:Page' cannot be imported"),
    ('domains = ["a.test"]\npage_class = "newsarchive.sites.profiles:ProfileError"\n', r"is not a subclass of ArticlePage"),
    ('name = "Mon Journal"\ndomains = ["a.test"]\n', r"name must be lower-case letters"),
    ('domains = ["a.test"\n', r"not a valid TOML file"),
    ('discovery = "/sitemap.xml"\ndomains = ["a.test"]\n', r"discovery must be a table"),
])
def test_mistakes_are_clear_errors_naming_the_file(tmp_path, text, message):
    path = write(tmp_path, "essai.toml", text)
    with pytest.raises(ProfileError, match=message) as raised:
        load_profile(path)
    assert str(raised.value).startswith(f"{path}: ")


def test_discovery_urls_move_to_the_copy_being_crawled():
    profile = parse_profile({"name": "j", "domains": ["journal.test"],
                             "discovery": {"sitemaps": ["https://www.journal.test/news.xml", "/index.xml"]}})
    assert [profile.resolve(url) for url in profile.discovery.sitemaps] == [
        "https://www.journal.test/news.xml", "https://journal.test/index.xml"]
    copy = "http://127.0.0.1:8000/"
    assert [profile.resolve(url, copy) for url in profile.discovery.sitemaps] == [
        "http://127.0.0.1:8000/news.xml", "http://127.0.0.1:8000/index.xml"]


def test_exclude_patterns_win_over_the_article_pattern():
    profile = parse_profile({"name": "j", "domains": ["journal.test"], "article_pattern": r"^/[a-z]+/[^/]+/$",
                             "exclude_patterns": [r"^/(tag|auteur)/", r"[?&]print="]})
    assert profile.rules.is_article_link("https://journal.test/politique/un-titre/")
    assert not profile.rules.is_article_link("https://journal.test/tag/climat/")
    assert not profile.rules.is_listed_article("https://journal.test/politique/un-titre/?print=1")
    assert not profile.rules.is_article_link("https://journal.test/politique/")


# --- page classes from selectors ---------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Titre de la balise title | Le Journal d'Essai</title>
<meta property="og:title" content="Titre OpenGraph">
</head><body>
<nav><a href="/">Accueil</a> <a href="/politique/">Politique</a></nav>
<div class="bandeau"><span class="rubrique-courante">Vie locale</span></div>
<h1>Titre générique</h1>
<div class="entete"><h2 class="titre-principal">Le marché couvert rouvre après travaux</h2>
<p class="signe">Texte : <b class="plume">Lucie Bernard</b> et <b class="plume">Marc Petit</b></p></div>
<div class="encart-pub"><p>Ce paragraphe publicitaire n'appartient pas à l'article et doit rester dehors.</p></div>
<div class="corps-article">
<p>Les commerçants ont retrouvé leurs étals ce samedi, après dix mois de chantier sous la halle.</p>
<h3>Une charpente restaurée</h3>
<p>La charpente en chêne a été consolidée et la verrière entièrement remplacée par des artisans de la région.</p>
</div>
<ul class="etiquettes"><li>Commerce</li><li>Patrimoine</li></ul>
<footer><p class="droits">Tous droits réservés au Journal d'Essai</p></footer>
</body></html>"""

SELECTORS = """
name = "journal-essai-selecteurs"
domains = ["journal-essai-selecteurs.test"]

[selectors]
headline = ".entete .titre-principal"
authors = ".signe .plume"
category = ".rubrique-courante"
tags = ".etiquettes li"
content = ".corps-article"
copyright = ".droits"
"""


@pytest.fixture
def selector_profile(tmp_path):
    return load_profile(write(tmp_path, "selecteurs.toml", SELECTORS))


def test_selectors_make_a_page_class_for_the_domains(selector_profile):
    page_class = PageRegistry.from_profiles([selector_profile]).page_class_for(
        "https://www.journal-essai-selecteurs.test/un-article/")
    assert issubclass(page_class, ArticlePage) and page_class is not ArticlePage
    assert page_class.selectors["content"] == ".corps-article"


def test_the_generated_page_class_reads_the_page_with_the_selectors(selector_profile):
    registry = PageRegistry.from_profiles([selector_profile])
    page_class = registry.page_class_for("http://127.0.0.1:9000/un-article/", "journal-essai-selecteurs.test")
    record = extract_article(PAGE.encode(), "http://127.0.0.1:9000/un-article/", page_class=page_class)
    assert record["headline"] == "Le marché couvert rouvre après travaux"
    assert record["authors"] == ["Lucie Bernard", "Marc Petit"]
    assert record["category"] == "Vie locale"
    assert record["tags"] == ["Commerce", "Patrimoine"]
    assert record["copyright"] == "Tous droits réservés au Journal d'Essai"
    assert [section["heading"] for section in record["sections"]] == [None, "Une charpente restaurée"]
    assert "publicitaire" not in record["text"]
    assert {record["sources"][name] for name in ("headline", "authors", "category", "tags")} == {"site"}


class ThemePage(ArticlePage):
    """A site's Python page class, as a profile's ``page_class`` names it."""

    selectors: ClassVar[dict[str, str]] = {"headline": "h1.theme", "tags": ".theme-tags a"}


def test_selectors_over_a_python_page_class_extend_its_selectors(tmp_path):
    profile = load_profile(write(tmp_path, "om.toml", 'name = "om"\ndomains = ["om.test"]\n'
                                 f'page_class = "{__name__}:ThemePage"\n'
                                 '[selectors]\nheadline = "h2.titre"\n'))
    page_class = page_class_of(profile)
    assert issubclass(page_class, ThemePage)
    assert page_class.selectors == {**ThemePage.selectors, "headline": "h2.titre"}
    assert ThemePage.selectors["headline"] != "h2.titre"


# --- newsarchive sites ---------------------------------------------------------------------------------


def test_sites_lists_every_profile_with_its_discovery_and_file(tmp_path, capsys, monkeypatch):
    write(tmp_path, "essai.toml", VALID + '[discovery]\nsitemaps = ["/plan/news.xml"]\nsections = ["/actualites/"]\n')
    monkeypatch.setenv(PROFILES_DIR_ENV, str(tmp_path))
    assert main(["sites"]) == 0
    output = capsys.readouterr().out
    essai, onemedia = output.split("\n\n")  # sorted by name
    assert essai.startswith("journal-essai\n") and onemedia.startswith("onemedia\n")
    assert "domains   journal-essai.test" in essai
    assert "/plan/news.xml" in essai and "/actualites/" in essai
    assert "articles  ^/actualites/\\d{4}/" in essai
    assert f"file      {tmp_path / 'essai.toml'}" in essai
    assert "articles  (wordpress URL rules)" in onemedia
    assert "pages     ArticlePage (generic) + selectors for authors, breadcrumb" in onemedia


def test_sites_json_and_errors(tmp_path, capsys):
    write(tmp_path, "essai.toml", VALID)
    broken = write(tmp_path, "casse.toml", 'domains = ["casse.test"]\n[selectors]\nheadline = "h1[["\n')
    assert main(["sites", "--json", "--profiles-dir", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    listing = json.loads(captured.out)
    by_name = {profile["name"]: profile for profile in listing["profiles"]}
    assert set(by_name) == {"journal-essai", "onemedia"}
    assert by_name["journal-essai"]["article_pattern"] == "^/actualites/\\d{4}/"
    assert by_name["onemedia"]["feeds"] == ["/feed/"]
    assert by_name["onemedia"]["source"] == str(BUNDLED_PROFILES_DIR / "onemedia.toml")
    [error] = listing["errors"]
    assert error["file"] == str(broken)
    assert error["error"].startswith(f"{broken}: selectors.headline: bad CSS selector 'h1[['")
    assert f"newsarchive sites: {broken}: selectors.headline: bad CSS selector" in captured.err
