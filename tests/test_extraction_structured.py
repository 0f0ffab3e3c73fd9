"""Structured data: tolerant JSON-LD (any nesting, @graph, arrays, references), <meta> tags, microdata."""

from __future__ import annotations

import pytest
from article_pages import jsonld

from newsarchive.extraction.jsonld import parse_jsonld
from newsarchive.extraction.parsing import parse_html
from newsarchive.extraction.structured import StructuredData, type_names

URL = "https://journal.example/societe/un-article.html"


def data_of(head: str = "", body: str = "", url: str = URL) -> StructuredData:
    return StructuredData(parse_html(f"<html><head>{head}</head><body>{body}</body></html>"), url)


@pytest.mark.parametrize(
    "text",
    [
        '<!-- {"@type": "NewsArticle", "headline": "Titre"} -->',
        '/*<![CDATA[*/ {"@type": "NewsArticle", "headline": "Titre"} /*]]>*/',
        '{"@type": "NewsArticle", "headline": "Titre",}',
        '  {"@type": "NewsArticle", "headline": "Titre"}  ',
        '{"@type": "NewsArticle",\n "headline": "Titre", "keywords": ["a", "b",],\n}',
    ],
    ids=["html-comment", "cdata", "trailing-comma", "plain", "nested-trailing-commas"],
)
def test_parse_jsonld_tolerates_common_mistakes(text):
    [value] = parse_jsonld(text)
    assert value["headline"] == "Titre"


def test_parse_jsonld_reads_raw_control_characters_and_concatenated_objects():
    assert parse_jsonld('{"headline": "Ligne\u0001 un\nligne deux"}')[0]["headline"].startswith("Ligne")
    values = parse_jsonld('{"@type": "WebSite"} {"@type": "NewsArticle"}')
    assert [v["@type"] for v in values] == ["WebSite", "NewsArticle"]


def test_parse_jsonld_gives_nothing_for_garbage():
    assert parse_jsonld("var x = {not json") == []
    assert parse_jsonld("   ") == []


def test_parse_jsonld_unescapes_html_entities_in_strings():
    [value] = parse_jsonld('{"headline": "L&#8217;&eacute;t&eacute; &quot;chaud&quot; &amp; sec"}')
    assert value["headline"] == "L’été \"chaud\" & sec"


def test_parse_jsonld_unescapes_strings_at_any_depth_and_keeps_the_other_values():
    values = parse_jsonld('[{"author": [{"name": "Lé&amp;a"}, "R&eacute;mi", 3, true, null],'
                          ' "a&amp;b": {"x": [["&lt;1&gt;"]]}, "n": 2.5}, "&copy; Site"]')
    assert values == [[{"author": [{"name": "Lé&a"}, "Rémi", 3, True, None], "a&amp;b": {"x": [["<1>"]]}, "n": 2.5},
                       "© Site"]]


def test_type_names_are_local_and_lower_cased():
    assert type_names({"@type": ["schema:NewsArticle", "http://schema.org/LiveBlogPosting"]}) == {
        "newsarticle", "liveblogposting",
    }
    assert type_names({"@type": 3}) == set()


def test_article_is_found_in_graph_arrays_and_nested_values():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": URL, "mainEntity": {"@type": ["ReportageNewsArticle"], "headline": "Au fond"}},
    ]}
    data = data_of(jsonld([{"@type": "WebSite", "name": "Journal"}, graph]))
    assert data.article["headline"] == "Au fond"
    assert data.article_value("headline") == "Au fond"


def test_references_are_resolved():
    graph = {"@graph": [
        {"@type": "NewsArticle", "headline": "Titre", "author": {"@id": "#p1"}},
        {"@type": "Person", "@id": "#p1", "name": "Léa Roy"},
    ]}
    data = data_of(jsonld(graph))
    assert data.article_value("author") == {"@type": "Person", "@id": "#p1", "name": "Léa Roy"}


def test_the_article_of_this_page_wins_over_other_articles():
    related = {"@type": "NewsArticle", "headline": "Autre article", "url": "https://journal.example/autre.html"}
    main = {"@type": "NewsArticle", "headline": "Cet article", "mainEntityOfPage": {"@id": URL}}
    data = data_of(jsonld(related) + jsonld(main))
    assert data.article["headline"] == "Cet article"


@pytest.mark.parametrize("kind", ["RadioEpisode", "PodcastEpisode", "Episode"])
def test_a_radio_s_or_a_podcast_s_episode_is_the_page_s_article_after_an_article_node(kind):
    """Radio France describes an episode's page as a RadioEpisode: its publication's time and its author were not
    read. An article node as good, naming the page too (an article about the episode), comes first."""
    episode = {"@type": kind, "name": "Les vignerons face à la sécheresse", "datePublished": "2024-03-12T16:00:00+01:00",
               "url": URL}
    data = data_of(jsonld({"@graph": [episode]}))
    assert data.article_value("datePublished") == "2024-03-12T16:00:00+01:00"
    article = {"@type": "NewsArticle", "headline": "Un article", "datePublished": "2024-03-13", "url": URL}
    assert data_of(jsonld({"@graph": [episode, article]})).article["headline"] == "Un article"
    listed = {**episode, "url": "https://journal.example/podcasts/episode-2"}  # a show's page listing its episodes
    assert data_of(jsonld({"@graph": [listed]})).article is None


_VIDEO = {"@type": "VideoObject", "name": "À Marseille, des filets de pêche devenus maillots de bain",
          "uploadDate": "2024-06-18T12:06:52+02:00", "duration": "PT2M41S"}


@pytest.mark.parametrize("title", [
    "<title>À Marseille, des filets de pêche devenus maillots de bain | Brut.</title>",
    "<meta property='og:title' content='À Marseille, des filets de pêche devenus maillots de bain'>",
])
def test_a_video_page_s_own_video_is_its_article_when_it_declares_none(title):
    """A video site's page (Brut's) declares its video alone, a VideoObject named as the page is: its upload time
    was not read, only the day the page shows."""
    data = data_of(title + jsonld(_VIDEO))
    assert data.article_value("datePublished", "dateCreated", "uploadDate") == "2024-06-18T12:06:52+02:00"
    assert data_of(jsonld({**_VIDEO, "url": URL})).article["duration"] == "PT2M41S"  # one naming the page's address


def test_a_video_embedded_in_a_page_is_not_its_article():
    """A page's embedded video (another name than the page's, another address), or any video beside an article
    node: the page's date is not the video's."""
    title = "<title>Le conseil municipal vote le budget</title>"
    assert data_of(title + jsonld(_VIDEO)).article is None
    assert data_of(title + jsonld({**_VIDEO, "name": "Le budget"})).article is None  # a name of a few words
    article = {"@type": "NewsArticle", "headline": "Un article", "datePublished": "2024-06-20"}
    named = "<title>À Marseille, des filets de pêche devenus maillots de bain</title>"
    assert data_of(named + jsonld({"@graph": [_VIDEO, article]})).article["headline"] == "Un article"


def test_webpage_node_is_read_when_there_is_no_article_node():
    data = data_of(jsonld({"@type": "WebPage", "datePublished": "2025-01-02", "name": "Page"}))
    assert data.article is None
    assert data.article_value("datePublished") == "2025-01-02"


def test_meta_tags_are_read_by_property_name_itemprop_and_http_equiv():
    head = (
        '<meta property="og:title" content=" Titre  OG ">'
        '<meta name="DC.creator" content="Léa Roy">'
        '<meta property="article:tag" content="un"><meta property="article:tag" content="deux">'
        '<meta itemprop="datePublished" content="2025-03-01">'
        '<meta http-equiv="Content-Language" content="fr">'
        '<meta name="empty" content="">'
    )
    data = data_of(head)
    assert data.meta_first("og:title") == "Titre OG"
    assert data.meta_first("dc.creator") == "Léa Roy"
    assert data.meta_all("article:tag") == ["un", "deux"]
    assert data.meta_first("datepublished") == "2025-03-01"
    assert data.meta_first("content-language") == "fr"
    assert data.meta_first("empty") is None


def test_links_and_title():
    data = data_of('<title> Un  titre </title><link rel="canonical" href="/a.html"><link rel="Image_src" href="i.jpg">')
    assert data.title == "Un titre"
    assert data.links["canonical"] == ["/a.html"]
    assert data.links["image_src"] == ["i.jpg"]


@pytest.mark.parametrize(("head", "body", "title"), [
    ("<title>Le titre</title>", "<svg><title>Une icône</title></svg><p>Texte</p>", "Le titre"),
    ("<meta charset='utf-8'>", "<p>Texte</p><svg><title>Une icône</title></svg><svg><title>Autre</title></svg>",
     ""),  # an icon's <title> is a tooltip, no title of the page
    ("", "<p>Texte</p>", ""),
])
def test_the_title_is_the_first_title_element_of_the_page(head, body, title):
    assert data_of(head, body).title == title


def test_microdata_of_the_article_scope_only():
    body = """
    <div itemscope itemtype="https://schema.org/NewsArticle">
      <h1 itemprop="headline">Titre microdata</h1>
      <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Léa Roy</span></span>
      <time itemprop="datePublished" datetime="2025-04-01T08:00:00+02:00">1er avril</time>
      <div itemprop="publisher" itemscope itemtype="https://schema.org/Organization">
        <span itemprop="name">Le Journal</span></div>
    </div>
    <div itemscope itemtype="https://schema.org/Event"><span itemprop="headline">Autre chose</span></div>
    """
    data = data_of(body=body)
    assert data.microdata_values("headline") == ["Titre microdata"]
    assert data.microdata_values("author") == ["Léa Roy"]
    assert data.microdata_values("datePublished") == ["2025-04-01T08:00:00+02:00"]
    assert "name" not in data.microdata


def test_no_structured_data_at_all():
    data = data_of(body="<p>Rien</p>")
    assert data.jsonld_nodes == [] and data.article is None and data.meta == {} and data.microdata == {}
