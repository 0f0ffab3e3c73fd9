"""Generic rules of the extractor: date offsets, headline element, site names in titles, captions beside
images, copyright at the end of the page, page decoding."""

from __future__ import annotations

import json

import pytest

from newsarchive.dates import normalise_date
from newsarchive.extraction import extract_article
from newsarchive.extraction.html import page_bytes, parse_html, spaced_text
from newsarchive.extraction.metadata import strip_site_name

URL = "https://www.journal-test.example/monde/2025/08/06/un-article.html"
BODY = "".join(
    f"<p>Paragraphe {n} du corps de l’article, avec assez de mots pour former un vrai texte suivi.</p>"
    for n in range(1, 6)
)


def page(head: str = "", header: str = "<h1>Le titre visible</h1>", body: str = BODY, end: str = "") -> str:
    return (
        f"<html lang='fr'><head><meta property='og:type' content='article'>{head}</head><body>"
        f"<main><article><header>{header}</header><div class='article-body'>{body}</div></article></main>"
        f"{end}</body></html>"
    )


def extract(html: str, **kwargs) -> dict:
    return extract_article(html.encode("utf-8"), URL, **kwargs)


def ld(value) -> str:
    return f'<script type="application/ld+json">{json.dumps(value, ensure_ascii=False)}</script>'


# dates ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "raw, published",
    [
        ("2025-08-06T20:30:00-04:00", "2025-08-06T20:30:00-04:00"),  # the page's own offset and day are kept
        ("2025-08-06T23:30:00+00:00", "2025-08-07T01:30:00+02:00"),  # UTC is given in Paris time
        ("2025-08-06T23:30:00Z", "2025-08-07T01:30:00+02:00"),
        ("2025-08-06T14:30:00", "2025-08-06T14:30:00+02:00"),  # a local time is Paris time
        ("2025-08-06T14:30:00+02:00", "2025-08-06T14:30:00+02:00"),
    ],
)
def test_published_date_offsets(raw, published):
    record = extract(page(ld({"@type": "NewsArticle", "headline": "T", "datePublished": raw})))
    assert (record["published"], record["published_raw"]) == (published, raw)


def test_normalise_date_keeps_explicit_offsets_only_when_asked():
    assert normalise_date("Wed, 06 Aug 2025 20:30:00 -0400") == "2025-08-07T02:30:00+02:00"
    assert normalise_date("Wed, 06 Aug 2025 20:30:00 -0400", keep_offset=True) == "2025-08-06T20:30:00-04:00"
    assert normalise_date("2025-08-06T08:32:00+05:30", keep_offset=True) == "2025-08-06T08:32:00+05:30"
    assert normalise_date("2025-08-06", keep_offset=True) == "2025-08-06"


def test_a_time_of_day_alone_is_never_dated():
    undated_url = "https://www.journal-test.example/monde/un-article.html"
    for shown, field in (("Publié à 13h43", "published"), ("15h14", "published"), ("Mis à jour à 9h02", "modified")):
        header = f"<h1>Le titre visible</h1><p class='date'>{shown}</p>"
        record = extract_article(page(header=header).encode(), undated_url, fetched_at="2025-08-07T10:00:00Z")
        assert record[field] is None
        assert record[f"{field}_raw"] in shown and f"date_unparsed:{field}" in record["warnings"]


def test_htmldate_reads_the_day_in_a_form_the_rules_do_not_know():
    undated_url = "https://www.journal-test.example/monde/un-article.html"
    header = "<h1>Le titre visible</h1><p class='date'>15 августа 2016, 13:43</p>"
    record = extract_article(page(header=header).encode(), undated_url, fetched_at="2025-08-07T10:00:00Z")
    assert (record["published"], record["published_raw"], record["warnings"]) == ("2016-08-15", "2016-08-15", [])


def test_a_time_of_day_alone_leaves_the_day_to_the_url():
    header = "<h1>Le titre visible</h1><p class='date'>Publié à 13h43</p>"
    record = extract(page(header=header), fetched_at="2025-08-07T10:00:00Z")
    assert (record["published"], record["published_raw"], record["warnings"]) == ("2025-08-06", "2025-08-06", [])


def test_a_day_word_says_which_day_a_time_is():
    header = "<h1>Le titre visible</h1><p class='date'>Publié hier à 13h43</p>"
    record = extract(page(header=header), fetched_at="2025-08-07T10:00:00Z")
    assert record["published"] == "2025-08-06T13:43:00+02:00"


# headline ---------------------------------------------------------------------------------------------
def test_headline_inside_page_builder_widgets_is_the_visible_one():
    header = "<div class='elementor-widget elementor-widget-theme-post-title'><h1>Le titre visible</h1></div>"
    head = '<meta property="og:title" content="Un titre pour les réseaux">'
    record = extract(page(head + ld({"@type": "NewsArticle", "headline": "Le titre visible"}), header=header))
    assert (record["headline"], record["sources"]["headline"]) == ("Le titre visible", "jsonld")


def test_headline_element_when_the_only_h1_sits_in_the_navigation():
    html = page('<meta name="description" content="Le résumé de l’article, assez long pour être reconnu ici.">',
                header="<p>Le résumé de l’article, assez long pour être reconnu ici.</p>")
    html = html.replace("<main>", "<nav class='swiper'><h1>Le titre visible</h1></nav><main>")
    record = extract(html)
    assert record["headline"] == "Le titre visible"
    assert record["lead"] == "Le résumé de l’article, assez long pour être reconnu ici."


def test_heading_saying_the_structured_title_when_there_is_no_h1():
    head = '<meta property="og:title" content="Le titre dit en h2">'
    header = "<h2>Le titre dit en h2</h2><p>Le résumé de l’article, assez long pour être reconnu ici.</p>"
    html = page(head + '<meta name="description" content="Le résumé de l’article, assez long pour être reconnu ici.">',
                header=header)
    assert extract(html)["lead"] == "Le résumé de l’article, assez long pour être reconnu ici."


def test_site_name_after_a_separator_without_spaces():
    assert strip_site_name("Le titre|Le Journal Test", ["Le Journal Test"]) == "Le titre"
    assert strip_site_name("Le Journal Test – Le titre", ["Le Journal Test"]) == "Le titre"
    assert strip_site_name("Saint-Étienne-du-Rouvray", ["Rouvray"]) == "Saint-Étienne-du-Rouvray"


def test_ruby_annotations_stay_out_of_the_headline():
    record = extract(page(header="<h1><ruby>漢<rt>かん</rt></ruby>字の記事</h1>"))
    assert record["headline"] == "漢字の記事"


# captions, image ------------------------------------------------------------------------------------------
def test_caption_beside_the_image_of_an_image_block():
    body = ("<div class='article-picture'><img src='/img/port.jpg'><p>Le port au lever du jour. Photo : Anne Kerjean</p>"
            "</div>" + BODY)
    caption = extract(page(body=body))["captions"][0]
    assert (caption["text"], caption["credit"]) == ("Le port au lever du jour.", "Anne Kerjean")
    assert caption["image_url"] == "https://www.journal-test.example/img/port.jpg"


def test_figure_in_a_thin_embed_wrapper_keeps_its_caption():
    header = ("<h1>Le titre visible</h1><div class='elementor-widget elementor-widget-image'>"
              "<figure class='media-embed'><img src='/img/a.jpg'><figcaption>Une vue du quai. © AFP</figcaption>"
              "</figure></div>")
    record = extract(page(header=header))
    assert [(c["text"], c["credit"]) for c in record["captions"]] == [("Une vue du quai.", "AFP")]
    assert record["image_url"] == "https://www.journal-test.example/img/a.jpg"


# copyright ------------------------------------------------------------------------------------------------
def test_copyright_in_nested_footers_and_at_the_end_of_the_page():
    end = ("<footer class='site-footer'><div class='footer-links'><a href='/cgu'>CGU</a></div>"
           "<div class='footer-bottom'><p>© 2025 Le Journal Test</p></div></footer>")
    assert extract(page(end=end))["copyright"] == "© 2025 Le Journal Test"
    end = "<div class='bas-de-page'><p>Droits d’auteur © 2025 Le Journal Test</p></div>"
    assert extract(page(end=end))["copyright"] == "Droits d’auteur © 2025 Le Journal Test"


# decoding -------------------------------------------------------------------------------------------------
def test_page_bytes_passes_valid_utf8_through_and_decodes_the_rest():
    utf8 = "<html><head><meta charset='utf-8'></head><body><p>Été</p></body></html>".encode()
    assert page_bytes(utf8) == utf8
    cp1252 = "<html><head><meta charset='utf-8'></head><body><p>Été déjà</p></body></html>".encode("cp1252")
    assert "Été déjà" in page_bytes(cp1252).decode("utf-8")
    latin = "<html><head><meta charset='iso-8859-1'></head><body><p>Noël</p></body></html>".encode("latin-1")
    assert "Noël" in page_bytes(latin).decode("utf-8")
    assert parse_html(b"<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>") is not None


def test_spaced_text_separates_pieces_but_not_punctuation():
    doc = parse_html("<html><body><div id='b'><span>Par</span><a>Léa Roy</a>, <em>à Lyon</em></div></body></html>")
    assert spaced_text(doc.get_element_by_id("b")) == "Par Léa Roy, à Lyon"


def test_breadcrumb_keeps_a_title_quoted_with_french_quotes():
    header = ("<div class='breadcrumb'><a href='/'>Accueil</a> » <a href='/societe/'>Société</a> » "
              "<span>«\u00a0Nous attendons des actes\u00a0» : les élus répondent</span></div><h1>Le titre visible</h1>")
    record = extract(page(header=header))
    assert record["breadcrumb"] == ["Accueil", "Société", "« Nous attendons des actes » : les élus répondent"]


def test_a_utc_moment_gives_way_to_the_same_moment_in_the_pages_own_offset():
    page = """<html lang="fr"><head><script type="application/ld+json">
    {"@type": "NewsArticle", "headline": "Un cyclone approche de la Guadeloupe",
     "datePublished": "2025-08-06T02:40:00Z"}</script></head><body><article>
    <h1>Un cyclone approche de la Guadeloupe</h1><time datetime="2025-08-05T22:40:00-04:00">5 août</time>
    <p>Les autorités ont déclenché la vigilance rouge sur l’ensemble de l’archipel dans la soirée.</p>
    <p>Les écoles resteront fermées demain, a annoncé la préfecture lors d’un point presse.</p>
    </article></body></html>"""
    record = extract_article(page, "https://exemple.gp/actualite/cyclone-guadeloupe/")
    assert record["published"] == "2025-08-05T22:40:00-04:00"


def test_a_utc_moment_alone_is_given_in_paris_time():
    page = """<html lang="fr"><head><script type="application/ld+json">
    {"@type": "NewsArticle", "headline": "La canicule s’installe", "datePublished": "2025-08-06T22:40:00+00:00"}
    </script></head><body><article><h1>La canicule s’installe</h1>
    <p>Les températures dépassent les normales de saison dans tout le pays depuis le début de la semaine.</p>
    </article></body></html>"""
    assert extract_article(page, "https://exemple.fr/france/canicule/")["published"] == "2025-08-07T00:40:00+02:00"


# bylines and authors --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "block, byline",
    [
        (("<div class='signature'><p>Article rédigé par <a href='/r/lea-roy'>Léa Roy</a> - franceinfo</p>"
          "<p>Radio France</p><p>Publié le 28/08/2025 06:01</p><p>Temps de lecture : 3min</p></div>"),
         "Article rédigé par Léa Roy - franceinfo"),
        (("<div data-testid='article-byline'><span class='x1a'><span>Par <a>Léa Roy</a> et <a>Paul Martin</a>"
          "</span></span><span>Publié le 3 novembre 2025</span><a href='#c'>12 commentaires</a></div>"),
         "Par Léa Roy et Paul Martin"),
        ("<p class='byline'>Par <a href='/a/lea-roy'>Léa Roy</a>, publié le 6 août 2025</p>",
         "Par Léa Roy, publié le 6 août 2025"),
        ("<div class='x9z'><span>Par Léa ROY</span><span>Publié le 06/08/2025 à 14h32</span></div>",  # no hint
         "Par Léa ROY"),
    ],
)
def test_the_byline_is_the_signed_line_of_a_block_that_also_holds_dates_and_counts(block, byline):
    record = extract(page(header="<h1>Le titre visible</h1>" + block))
    assert record["byline"] == byline


def test_a_surname_in_capitals_is_written_like_the_given_name():
    header = "<h1>Le titre visible</h1><p class='auteur'>Par Julien MARCHAND et Yann LE GALL</p>"
    assert extract(page(header=header))["authors"] == ["Julien Marchand", "Yann Le Gall"]
    header = "<h1>Le titre visible</h1><p class='auteur'>Par J. DUPONT</p>"
    assert extract(page(header=header))["authors"] == ["J. DUPONT"]  # no word in lower case: left as it is


# visible dates --------------------------------------------------------------------------------------------
def test_a_time_element_after_a_mis_a_jour_label_is_the_modified_date():
    header = ("<h1>Le titre visible</h1><p>Publié le <time datetime='2025-08-28T06:01:00+02:00'>28/08/2025 06:01</time>"
              " Mis à jour le <time datetime='2025-08-28T10:25:00+02:00'>28/08/2025 10:25</time></p>")
    record = extract(page(header=header), fetched_at="2025-08-28T12:00:00Z")
    assert (record["published"], record["published_raw"]) == ("2025-08-28T06:01:00+02:00",) * 2
    assert (record["modified"], record["modified_raw"]) == ("2025-08-28T10:25:00+02:00",) * 2


# furniture inside the body ------------------------------------------------------------------------------
def test_a_box_named_only_by_its_data_testid_is_furniture():
    box = ("<div data-testid='newsletter-box' class='sc-c5d6e7 MnOpQr'><p>Newsletter Tech</p>"
           "<p>Chaque jeudi, l’essentiel de l’actualité des start-up et de l’innovation.</p>"
           "<input type='email'><button>S’inscrire</button></div>")
    record = extract(page(body=BODY + box + BODY.replace("Paragraphe", "Suite")))
    assert "Chaque jeudi" not in record["text"]
    assert len([p for s in record["sections"] for p in s["paragraphs"]]) == 10


# caption credits ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "caption, expected",
    [
        ("Illustration d’une trottinette électrique. — C. Lenoir / Le Journal",
         ("Illustration d’une trottinette électrique.", "C. Lenoir / Le Journal")),
        ("Des ingénieurs au travail, en octobre 2025. Stéphane Lagarde / Hans Lucas",
         ("Des ingénieurs au travail, en octobre 2025.", "Stéphane Lagarde / Hans Lucas")),
        ("Le maire à Lyon. — au centre, avec ses adjoints", ("Le maire à Lyon. — au centre, avec ses adjoints", None)),
        ("Le quai de la gare à l’heure de pointe / AFP", ("Le quai de la gare à l’heure de pointe", "AFP")),
    ],
)
def test_a_name_list_after_a_dash_or_the_last_sentence_is_the_credit(caption, expected):
    body = f"<figure><img src='/img/a.jpg'><figcaption>{caption}</figcaption></figure>" + BODY
    found = extract(page(body=body))["captions"][0]
    assert (found["text"], found["credit"]) == expected


# long-tail templates ----------------------------------------------------------------------------------
def test_a_name_ending_like_a_date_word_is_kept_whole():
    from newsarchive.extraction.authors import clean_authors, names_from_byline

    assert clean_authors(["Sophie Berthier", "Jean Gauthier"]) == ["Sophie Berthier", "Jean Gauthier"]
    assert names_from_byline("Par Sophie Berthier hier à 9h") == ["Sophie Berthier"]


def test_a_photo_label_without_colon_after_the_caption_opens_the_credit():
    from newsarchive.extraction.credits import split_credit

    assert split_credit("La scène flottante. Photo Marc Duret") == ("La scène flottante.", "Marc Duret")
    assert split_credit("La scène flottante. Photo prise depuis le ponton") == (
        "La scène flottante. Photo prise depuis le ponton", None)


def test_a_breadcrumb_drops_its_opening_label_and_screen_reader_text():
    header = ("<nav class='breadcrumb'><span class='visually-hidden'>Fil d'Ariane</span><ol><li>Vous êtes ici :</li>"
              "<li><a href='/'>Accueil</a></li><li><a href='/monde/'>Monde</a></li></ol></nav><h1>Le titre visible</h1>")
    assert extract(page(header=header))["breadcrumb"] == ["Accueil", "Monde"]


def test_a_by_line_in_a_list_item_next_to_the_headline():
    header = "<h1>Le titre visible</h1><ul class='info'><li>Publié le 18 avril 2017</li><li>par Colette Marie</li></ul>"
    record = extract(page(header=header))
    assert (record["byline"], record["authors"]) == ("par Colette Marie", ["Colette Marie"])


def test_the_site_banner_heading_is_not_the_headline():
    html = ("<html lang='fr'><head><title>Le kiosque sera sauvé - Carnet des Chartrons</title></head><body>"
            "<header role='banner'><h1>Carnet des Chartrons</h1></header><div class='post'>"
            f"<h2 class='post-title'>Le kiosque sera sauvé</h2><div class='post-content'>{BODY}</div></div></body></html>")
    assert extract(html)["headline"] == "Le kiosque sera sauvé"


def test_text_between_line_breaks_in_a_blog_widget_is_the_body():
    text = "<br/><br/>".join(f"Ligne {n} du billet, avec assez de mots pour former un vrai paragraphe de texte suivi."
                              for n in range(1, 5))
    html = ("<html lang='fr'><head><meta property='og:type' content='article'></head><body><div class='widget Blog'>"
            f"<h1>Le titre visible</h1><div class='post-body entry-content'>{text}</div></div></body></html>")
    paragraphs = extract(html)["sections"][0]["paragraphs"]
    assert len(paragraphs) == 4 and paragraphs[0].startswith("Ligne 1")


def test_a_teaser_in_an_aside_gives_no_date():
    teaser = ("<aside class='read-more'><article><h2>Autre</h2><time datetime='2022-10-03'>3 oct. 2022</time>"
              "</article></aside>")
    record = extract(page(head=ld({"@type": "NewsArticle", "headline": "T", "datePublished": "2025-08-06"}),
                          end=teaser))
    assert (record["published"], record["warnings"]) == ("2025-08-06", [])
