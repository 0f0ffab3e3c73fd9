"""Tags: visible tag lists (classes, labels, links to tag pages), structured keywords, cleaning and choice."""

from __future__ import annotations

import pytest
from article_pages import BODY, FOOTER, SITE_NAME, article_page, extracted, jsonld

from newsarchive.extraction.html import is_inside
from newsarchive.extraction.index import MAX_LINK_CANDIDATES, PageIndex
from newsarchive.extraction.parsing import parse_html
from newsarchive.extraction.tags import _tag_page_links_in, choose_tags, clean_tag_list

NAVIGATION = "<header><nav><a href='/sujets/politique/'>Politique</a><a href='/sujets/sport/'>Sport</a></nav></header>"


def tags_of(head: str = "", after: str = "", outside: str = "", body: str = BODY) -> tuple[list[str], str | None]:
    """Tags and their layer of the article whose head holds ``head``, with ``after`` after its ``body`` and ``outside``
    between the article and the footer; the site's navigation links to tag pages too."""
    record = extracted(article_page(SITE_NAME + head, body=body, after=after, before=NAVIGATION, end=outside + FOOTER))
    return record["tags"], record["sources"].get("tags")


@pytest.mark.parametrize("label", ["Mots-clés :", "Mots clés", "Mots-clefs :", "Mot-clé :", "Étiquettes :"])
def test_block_introduced_by_a_french_label(label):
    after = (f'<div class="bas"><span>{label}</span> <a href="/r?q=lyon">Lyon</a>, '
             '<a href="/r?q=metro">Métro</a></div>')
    assert tags_of(after=after) == (["Lyon", "Métro"], "heuristic")


@pytest.mark.parametrize("menu", [
    "<div><ul><li><a href='/posts/'>Billets</a></li><li><a href='/tags/'><span>Étiquettes</span></a></li></ul></div>",
    "<div><a href='/mots-cles/'>Mots-clés</a> <a href='/archives/'>Archives</a></div>",
])
def test_a_link_named_as_a_tag_label_is_no_label(menu):
    """A menu's link to the site's tag index (Hugo's ``Étiquettes``), in a header named by no class: the link was
    read as a label and its text as the article's one tag."""
    def page(after: str = "") -> str:  # no <article>, no <main>: the tags are looked for in the whole page
        return (f"<html lang='fr'><head><meta charset='utf-8'></head><body><div>{menu}</div><div><h1>Le titre "
                f"visible</h1><div class='texte'>{BODY}</div>{after}</div></body></html>")

    assert extracted(page())["tags"] == []
    labelled = "<p><span>Mots-clés :</span> <a href='/r?q=lyon'>Lyon</a>, <a href='/r?q=metro'>Métro</a></p>"
    assert extracted(page(labelled))["tags"] == ["Lyon", "Métro"]


@pytest.mark.parametrize(("after", "tags"), [
    ("<ul class='topics'><li class='topic'><a href='/auteurs/lea-roy/'>Léa Roy</a></li>"
     "<li class='topic'><a href='/sujets/budget/'>Budget</a></li></ul>", ["Budget"]),  # "authors and topics to follow"
    ("<p>Mots-clés : <a href='/r?q=budget'>budget</a>, <a href='/author/lea-roy'>Léa Roy</a></p>", ["budget"]),
])
def test_a_link_to_an_author_s_page_is_no_tag(after, tags):
    assert tags_of(after=after)[0] == tags


@pytest.mark.parametrize(("kicker", "tags"), [
    ("<a href='/tag/politique/'>Politique</a>", ["Politique", "Budget", "Conseil municipal"]),  # a tag of its own
    ("<a href='/tag/budget/'>Budget</a>", ["Budget", "Conseil municipal"]),  # one of the list's
])
def test_a_kicker_s_one_tag_above_the_headline_and_the_full_list_after_the_text(kicker, tags):
    """A theme's kicker, a tag list of one tag above the headline, and the article's full list after its text: the
    kicker's list, read first, was the article's tags."""
    after = ("<div class='tags'><a href='/tag/budget/'>Budget</a> <a href='/tag/conseil-municipal/'>Conseil "
             "municipal</a></div>")
    record = extracted(article_page(SITE_NAME, f"<div class='tags'>{kicker}</div>", after=after))
    assert record["tags"] == tags


_MOTS_CLES = ("<div class='field field--name-field-mots-cles'><div class='field__label'>Mots-clés</div><div "
              "class='field__items'><a href='/taxonomy/term/12'>Natation</a><a href='/taxonomy/term/13'>Sport</a>"
              "</div></div>")


@pytest.mark.parametrize("themes", [
    # INRAE's two themes above the headline
    "<div class='field field--name-field-thematiques'><a href='/thematiques/agroecologie'>Agroécologie</a><a "
    "href='/thematiques/sols'>Sols</a></div>",
    # a département's one theme, its field in a wrapper classed so too (the field repeats the wrapper's tag)
    "<div class='node__thematiques'><div class='field field--name-field-thematique'><a href='/thematiques/colleges'>"
    "Collèges &amp; jeunesse</a></div></div>",
])
def test_a_list_of_themes_gives_way_to_the_list_of_tags_after_the_text(themes):
    """Drupal sites list a page's themes above the headline and its tags (« Mots-clés ») after the text: the themes'
    list, read first, was the tags (or, of one theme, its wrapper and its field read as a kicker and its full list)."""
    record = extracted(article_page(SITE_NAME, themes, after=_MOTS_CLES))
    assert record["tags"] == ["Natation", "Sport"]
    assert extracted(article_page(SITE_NAME, themes))["tags"] == (
        ["Agroécologie", "Sols"] if "Sols" in themes else ["Collèges & jeunesse"])  # the themes when no tags follow


def test_the_count_of_posts_after_a_tag_is_no_part_of_it():
    after = ("<div class='tag-links'><a href='/tag/budget/'>Budget <span class='count'>(611 articles)</span></a> "
             "<a href='/tag/ecoles/'>Écoles (57)</a> <a href='/tag/elections/'>Élections (2024)</a> "
             "<a href='/tag/ps/'>Parti socialiste (PS)</a></div>")
    assert tags_of(after=after)[0] == ["Budget", "Écoles", "Élections (2024)", "Parti socialiste (PS)"]


def test_a_block_classed_as_hashtags_gives_the_tags():
    after = "<div class='hashtags'><a href='/h/budget'>#budget</a> <a href='/h/ecoles'>#écoles</a></div>"
    assert tags_of(after=after) == (["budget", "écoles"], "heuristic")


def test_a_hashtag_in_an_embedded_post_is_no_tag():
    """A short post embedded in the text (The Washington Post's tweet: ``Landspout tornado! … #cowx @NWSBoulder``):
    its links to its network's hashtag pages are no tags of the article."""
    tweet = ("<blockquote class='twitter-tweet'><p lang='fr'>Tornade au nord du village ! "
             "<a href='https://twitter.com/hashtag/meteo?src=hash'>#meteo</a> <a href='https://twitter.com/mairie'>"
             "@mairie</a></p>— Léa (@lea) <a href='https://twitter.com/lea/status/1'>12 mars 2024</a></blockquote>")
    assert tags_of(body=BODY + tweet)[0] == []


@pytest.mark.parametrize("after, tags", [
    ("<p>Mots-clés : budget, ville, élections</p>", ["budget", "ville", "élections"]),
    ("<p><strong>Mots-clés :</strong> budget ; ville</p>", ["budget", "ville"]),
    ("<p>Thèmes : Budget | Conseil municipal</p>", ["Budget", "Conseil municipal"]),
    ("<p>Mots-clefs : budget, ville</p>", ["budget", "ville"]),  # "clef", the older spelling of "clé"
    # a piece of a line of details, after a bar or a dot, up to the next one
    ("<p>Rubrique : Vie locale | Mots-clés : eau, climat | 3 commentaires</p>", ["eau", "climat"]),
    ("<p>Par Léa Roy · Tags : eau, climat</p>", ["eau", "climat"]),
    ("<p>Thématique : Société • Étiquettes : budget ; ville</p>", ["budget", "ville"]),
    ("<p>Mots clés associés : budget, ville</p>", ["budget", "ville"]),  # the label's qualifier
    ("<p>Thèmes liés : budget, ville</p>", ["budget", "ville"]),
    ("<p>Tags : #budget #ville #ConseilMunicipal</p>", ["budget", "ville", "ConseilMunicipal"]),  # a blog's hashtags
    # each in an element of its own after the label's, nothing but spaces between them
    ("<p><span class='label'>Mots-clés :</span> <span class='tag'>budget</span> <span class='tag'>ville</span></p>",
     ["budget", "ville"]),
    ("<div class='tags'>Tags : <span>budget</span> <span>ville</span></div>", ["budget", "ville"]),  # a typed label
    # a dash or a slash between spaces parts them, not one inside a name
    ("<p>Mots-clés : budget - ville - voirie</p>", ["budget", "ville", "voirie"]),
    ("<p>Mots clés : budget / ville</p>", ["budget", "ville"]),
    ("<p>Mots-clés : Saint-Étienne, budget 2024/2025</p>", ["Saint-Étienne", "budget 2024/2025"]),
    ("<p>Thématiques : Budget · Écoles</p>", ["Budget", "Écoles"]),
    ("<p>Thèmes abordés : budget, écoles</p>", ["budget", "écoles"]), ("<p>Sujets traités : budget</p>", ["budget"]),
    # a label in the singular before one tag (a university's CMS: the only thématique in an element of its own)
    ("<p>Thématique : <span class='thematique'>Culture scientifique</span></p>", ["Culture scientifique"]),
    ("<p>Mot-clé : budget</p>", ["budget"]),
])
def test_tags_written_after_their_label_without_links(after, tags):
    assert tags_of(after=after) == (tags, "heuristic")


def test_a_line_of_hashtags_alone_is_the_tags_and_no_body_text():
    """A blog post's tags written as a social network writes them, on a line of their own after the text: they were
    a paragraph of the body, and the post had no tags. One hashtag alone, or hashtags in a sentence, stay text."""
    record = extracted(article_page(body=BODY + "<p>#budget #écoles #Trifouilly</p>"))
    assert record["tags"] == ["budget", "écoles", "Trifouilly"]
    assert "#budget #écoles #Trifouilly" not in [p for section in record["sections"] for p in section["paragraphs"]]
    for line in ("#MeToo", "Le mouvement #MeToo a pris de l'ampleur en France cette année, selon les associations."):
        record = extracted(article_page(body=BODY + f"<p>{line}</p>"))
        assert (record["tags"], record["sections"][-1]["paragraphs"][-1]) == ([], line)


@pytest.mark.parametrize("after", [
    "<p>Catégorie : <a href='/r/politique'>Politique</a> · Mots-clés : <a href='/m/budget'>budget</a>, "
    "<a href='/m/impots'>impôts</a></p>",
    "<p>Publié dans <a href='/r/politique'>Politique</a> | Tags : <a href='/m/budget'>budget</a> · "
    "<a href='/m/impots'>impôts</a> | <a href='#commentaires'>3 commentaires</a></p>",
    "<p><a href='/r/politique'>Politique</a> | Mots-clés : budget, impôts</p>",
])
def test_tags_labelled_in_a_line_of_details_after_another_link(after):
    """The label lies in the tail of the link before it: the tags are the links after it, up to words between them."""
    assert tags_of(after=after) == (["budget", "impôts"], "heuristic")


def test_a_sentence_after_a_tag_label_gives_no_tags():
    after = ("<p>Sujets : la réforme des retraites a été adoptée par le Parlement après des mois de débats houleux au "
             "sein de la majorité.</p>")
    assert tags_of(after=after) == ([], None)
    after = "<p>Le débat | Sujets : la majorité a voté pour le projet de loi sur l'eau et le climat</p>"
    assert tags_of(after=after) == ([], None)


@pytest.mark.parametrize("classes", ["article-sujets", "mots-clefs", "c-article-subjects"])
def test_block_classed_with_french_or_english_words(classes):
    after = f'<ul class="{classes}"><li><a href="/s/1">Climat</a></li><li><a href="/s/2">Énergie</a></li></ul>'
    assert tags_of(after=after)[0] == ["Climat", "Énergie"]


def test_a_post_s_own_tag_words_do_not_make_its_container_a_tag_list():
    """WordPress's post_class() on BeTheme's post ``<div>`` (``tag-ecole``): its author's and category's links were
    its tags; a block's own ``tag-list`` still names one."""
    post = ("<div class='post-9 post type-post status-publish hentry category-vie-locale tag-ecole'><div "
            "class='post-meta'><a href='/author/paul/'>Paul Mercier</a> <a href='/category/vie-locale/'>Vie locale</a>"
            f"</div>{BODY}</div>")
    record = extracted(article_page(body=post))
    assert record["tags"] == []
    listed = post.replace("</div><p>", "</div><div class='tag-list'><a href='/t/ecole'>École</a></div><p>", 1)
    assert extracted(article_page(body=listed))["tags"] == ["École"]


@pytest.mark.parametrize("after, tags", [
    ("<div class='keywords'>budget ; impôts ; Conseil municipal</div>", ["budget", "impôts", "Conseil municipal"]),
    ("<ul class='tags'><li>budget</li><li>impôts</li></ul>", ["budget", "impôts"]),
    ("<p class='mots-cles'>Budget, Ville</p>", ["Budget", "Ville"]),
    # each one in an element of its own, side by side: glued or spaced
    ("<div class='keywords'><span>budget</span><span>impôts</span></div>", ["budget", "impôts"]),
    ("<div class='tags'><span class='tag'>budget</span> <span class='tag'>impôts</span></div>", ["budget", "impôts"]),
])
def test_a_block_classed_as_a_tag_list_that_writes_its_tags_without_links(after, tags):
    assert tags_of(after=after) == (tags, "heuristic")


@pytest.mark.parametrize("after", [
    "<p class='sujet'>Le budget, voté mardi, sera appliqué en janvier.</p>",  # a sentence
    "<div class='themes'>Dans ce dossier, nous revenons sur le budget, les impôts</div>",  # words of a sentence
    "<div class='tags'>Aucun mot-clé</div>",  # one item
    "<p class='topic'>12 mars 2024, à 10h05</p>",  # a line of details
    "<ul class='tags'><li>budget</li><li>Le conseil a voté le budget, puis les impôts</li></ul>",
    "<div class='tags'><span>budget</span> et <span>impôts</span></div>",  # words between the elements
    "<div class='tags'><span>Le conseil a voté le budget</span><span>impôts</span></div>",
])
def test_a_block_classed_as_a_tag_list_that_writes_no_list_gives_no_tags(after):
    assert tags_of(after=after) == ([], None)


def test_a_button_in_a_tag_block_is_no_tag():
    """A button to follow the article's theme in a block classed ``article-thematique`` (Challenges): a link that runs
    a script, hidden until asked for."""
    button = ("<div class='article-thematique'><span>Monde</span><a href='javascript:void(0)' class='follow-btn' "
              "style='display: none;'><span>Thématique suivie</span> <span>Ne plus suivre</span></a></div>")
    assert tags_of(after=button) == ([], None)
    shown = button.replace(" style='display: none;'", "")  # shown, it runs a script still
    assert tags_of(after=shown) == ([], None)


def test_a_hidden_template_of_a_tag_in_the_tag_block_is_no_tag():
    """Jimdo writes a hidden template of a tag link in its tag block (``tagPlaceholder``), before the list: read with
    the links to tag pages, it was a tag. A tag block hidden as a whole (a tab its reader opens) keeps its tags."""
    block = ("<div class='j-blog-post--tags-wrapper'><span class='j-blog-post--tags--template' style='display: none;'>"
             "<a href='/actualites/?tag=tagPlaceholder'>tagPlaceholder</a></span><span>Tags:</span> <span "
             "class='j-blog-post--tags-list'><a href='/actualites/?tag=moulin'>moulin</a>, <a "
             "href='/actualites/?tag=patrimoine'>patrimoine</a></span></div>")
    assert tags_of(after=block)[0] == ["moulin", "patrimoine"]
    tab = ("<div class='toggleContainer' id='tagsTab' style='display: none;'><a href='/tag/1-iran' class='btn--tag'>"
           "Iran</a> <a href='/tag/2-azja' class='btn--tag'>Azja</a></div>")
    assert tags_of(after=tab)[0] == ["Iran", "Azja"]


def test_links_to_subject_pages_are_tags():
    after = "<p><a href='/subjects/climate'>Climate</a> <a href='/subjects/energy'>Energy</a></p>"
    assert tags_of(after=after) == (["Climate", "Energy"], "heuristic")


def test_a_block_with_the_navigation_s_role_is_navigation():
    """A site's menu of themes in ``<div role="navigation">`` (InternetActu's ``Thématiques``, each with its count of
    articles), which no class names: no tags of the article."""
    menu = ("<div id='main-menu' role='navigation'><ul><li><h2>Thématiques</h2><ul class='sub-menu'>"
            "<li><a href='/tag/mobilite/'>Mobilité (807)</a></li><li><a href='/tag/territoires/'>Territoires (639)</a>"
            "</li></ul></li></ul></div>")
    html = (f"<html lang='fr'><head>{SITE_NAME}</head><body>{menu}<div id='page'><div class='post'><h1>Le titre de "
            f"l'article</h1><div class='entry'>{BODY}</div></div></div></body></html>")
    assert extracted(html)["tags"] == []


def test_links_to_tag_pages_in_the_article_but_not_in_the_navigation():
    after = ('<div class="bas"><a href="/sujets/tramway/">Tramway</a> <a href="/sujets/lyon/">Lyon</a>'
             '<a href="/sujets/">Voir tous les sujets</a></div>')
    assert tags_of(after=after) == (["Tramway", "Lyon"], "heuristic")
    assert tags_of()[0] == []


@pytest.mark.parametrize("hrefs", [
    ("/blog?tag=tramway", "/blog?tag=lyon"),  # Squarespace's list filtered on a tag
    ("spip.php?mot12", "spip.php?mot13&lang=fr"),  # SPIP's keyword pages
    ("spip.php?page=mot&id_mot=12", "spip.php?page=mot&id_mot=13"),
    ("+-Tramway-+", "/+-Lyon-+"),  # SPIP's clean addresses of its keywords
])
def test_links_to_a_list_filtered_on_a_tag_by_its_query_are_tags(hrefs):
    after = f'<div class="bas"><a href="{hrefs[0]}">Tramway</a> <a href="{hrefs[1]}">Lyon</a></div>'
    assert tags_of(after=after) == (["Tramway", "Lyon"], "heuristic")
    assert tags_of(after='<div class="bas"><a href="/recherche?q=tramway">Tramway</a></div>')[0] == []


def test_names_linked_to_their_tag_page_in_the_text_are_no_tag_list():
    prose = ('<p>Le ministre <a href="/tag/arnaud-montebourg/">Arnaud Montebourg</a> a rappelé la doctrine de '
             "l'État actionnaire, comme l'entourage de <strong><a href=\"/tag/pierre-moscovici/\">Pierre Moscovici"
             "</a></strong>, le ministre de l'Économie.</p>"
             '<p><span class="lettrine">T</span><a href="/tag/turquie/">urquie</a>, Pologne et trois îles des Caraïbes '
             'rejoignent la liste des pays soumis à la quarantaine.</p>')
    keywords = '<meta name="news_keywords" content="EDF, Privatisation, Arnaud Montebourg">'
    assert tags_of(keywords, body=BODY + prose) == (["EDF", "Privatisation", "Arnaud Montebourg"], "meta")
    tag_list = '<p>Tags : <a href="/tag/edf/">EDF</a>, <a href="/tag/areva/">Areva</a></p>'
    assert tags_of(keywords, after=tag_list, body=BODY + prose) == (["EDF", "Areva"], "heuristic")
    follow = ('<div class="article-sujets"><ul><li><a href="/s/edf/">EDF</a></li></ul><p>Les sujets que vous suivez '
              'sont ajoutés à votre fil personnel dans la rubrique <a href="/moi/">Mes sujets</a>.</p></div>')
    assert tags_of(after=follow) == (["EDF"], "heuristic")


def test_a_tag_list_under_the_article_is_read_after_the_structured_keywords():
    """Some themes put the article's tag list after the <article>, beside it: it is read when neither the article nor
    its JSON-LD or ``article:tag`` gives tags (before the links to tag pages and the keywords meta)."""
    under = ('<div class="entry__tags"><ul><li><a href="/argomenti/meteo">meteo</a></li>'
             '<li><a href="/argomenti/neve">neve</a></li></ul></div>')
    page = article_page(SITE_NAME + '<meta name="keywords" content="journal, actualité">').replace(
        "</article>", "</article><div class='partage'></div>" + under)
    record = extracted(page)
    assert (record["tags"], record["sources"]["tags"]) == (["meteo", "neve"], "heuristic")
    keywords = jsonld({"@type": "NewsArticle", "headline": "T", "keywords": "Transports, Bus"})
    assert extracted(page.replace("</head>", keywords + "</head>"))["tags"] == ["Transports", "Bus"]
    sidebar = page.replace("<div class='partage'></div>", "<div></div>" * 6)  # too far: another block's
    assert extracted(sidebar)["tags"] == ["journal", "actualité"]
    links = page.replace(under, "<div><a href='/tag/meteo?source=story'>meteo</a> <a href='/tag/neve'>neve</a></div>")
    assert extracted(links)["tags"] == ["meteo", "neve"]  # links to tag pages (Medium's)


def test_visible_tags_come_before_structured_keywords():
    head = jsonld({"@type": "NewsArticle", "headline": "T", "keywords": "Transports, Bus"})
    after = '<div class="tags"><a rel="tag" href="/t/lyon">Lyon</a><a rel="tag" href="/t/metro">Métro</a></div>'
    assert tags_of(head, after) == (["Lyon", "Métro"], "heuristic")


def test_jsonld_keywords_come_before_tag_links_which_come_before_the_keywords_meta():
    links = '<div class="bas"><a href="/tag/lyon/">Lyon</a><a href="/tag/metro/">Métro</a></div>'
    keywords = '<meta name="keywords" content="actualité, info, Lyon">'
    structured = jsonld({"@type": "NewsArticle", "headline": "T", "keywords": ["Transports", "Bus"]})
    assert tags_of(keywords + structured, links) == (["Transports", "Bus"], "jsonld")
    assert tags_of(keywords, links) == (["Lyon", "Métro"], "heuristic")
    assert tags_of(keywords) == (["actualité", "info", "Lyon"], "meta")


def test_a_fuller_list_of_the_same_tags_replaces_a_shorter_one():
    head = '<meta property="article:tag" content="Lyon"><meta name="keywords" content="Lyon, Métro, Tramway">'
    assert tags_of(head) == (["Lyon", "Métro", "Tramway"], "meta")
    seo = ", ".join(f"expression de recherche {n}" for n in range(12))
    head = f'<meta property="article:tag" content="Lyon"><meta name="keywords" content="Lyon, {seo}">'
    assert tags_of(head) == (["Lyon"], "opengraph")


def test_the_keywords_meta_does_not_replace_the_visible_tags_that_it_holds():
    """A regional council's CMS writes its visible tags and more words in its keywords (``lycées, rénovation
    énergétique, Éducation, Transition énergétique``): the page shows two tags. ``article:tag`` still may."""
    assert choose_tags(["Éducation"], [("meta", ["lycées", "Éducation"])], []) == ("heuristic", ["Éducation"])
    assert choose_tags(["Éducation"], [("opengraph", ["lycées", "Éducation"])], []) == (
        "opengraph", ["lycées", "Éducation"])



def test_a_fuller_list_writing_the_visible_tags_otherwise_does_not_replace_them():
    """An SEO plugin writes ``article:tag`` in lower case, the category among them (Herald with All in One SEO:
    ``économie, emploi, flers, industrie`` for the page's ``Emploi, Flers, Industrie``): it replaced the visible list."""
    shown = ["Emploi", "Flers", "Industrie"]
    assert choose_tags(shown, [("opengraph", ["économie", "emploi", "flers", "industrie"])], []) == (
        "heuristic", shown)
    assert choose_tags(shown, [("jsonld", ["Économie", *shown])], []) == ("jsonld", ["Économie", *shown])


def test_cleaning_drops_site_names_paths_identifiers_codes_and_links_to_more():
    raw = ["Le Journal Test", "journal-test.example", "/tag/lyon", "8f3e2a10-1b2c-4d5e-9f00-112233445566",
           "Category: News", "Voir tous les articles", "Alle Themen", "Lyon", "Métro"]
    assert clean_tag_list(raw, ["Le Journal Test", "journal-test.example"]) == ["Lyon", "Métro"]
    assert len(clean_tag_list([f"Tag {n}" for n in range(40)], [])) == 30


def test_choose_tags_order_and_none():
    assert choose_tags([], [("jsonld", []), ("opengraph", []), ("meta", [])], []) is None
    assert choose_tags(["A"], [("meta", ["B"])], ["C"]) == ("heuristic", ["A"])
    assert choose_tags([], [("meta", ["B"])], ["C"]) == ("heuristic", ["C"])


def test_links_to_tag_pages_under_a_scope_are_those_among_the_pages_first_links_to_tag_pages():
    def tag_links(count: int) -> str:
        return "".join(f"<a href='/tag/t{n}/'>t{n}</a><a href='/p/{n}/'>p{n}</a>" for n in range(count))
    for before, inside in [(0, 3), (5, 5), (MAX_LINK_CANDIDATES // 2 - 2, 5), (MAX_LINK_CANDIDATES - 2, 5),
                           (MAX_LINK_CANDIDATES + 5, 5)]:
        doc = parse_html(f"<html><body><nav>{tag_links(before)}</nav><article>{tag_links(inside)}</article>"
                         f"<footer>{tag_links(MAX_LINK_CANDIDATES)}</footer></body></html>")
        index, scope = PageIndex(doc), doc.find(".//article")
        expected = [link for link in index.tag_links if is_inside(link, scope)]
        assert _tag_page_links_in(index, scope) == expected
        assert len(expected) == max(0, min(inside, MAX_LINK_CANDIDATES - before))
        assert _tag_page_links_in(index, doc) == index.tag_links


def test_a_block_holding_many_tag_labels_is_read_once(monkeypatch):
    """A hostile page: thousands of ``<p>Mots-clés :</p>`` in one block; the block around each label was read again
    for each (its whole text each time: seconds, up to the extraction's time limit)."""
    import newsarchive.extraction.tag_labels as tag_labels

    read = []
    written = tag_labels._written_tags
    monkeypatch.setattr(tag_labels, "_written_tags", lambda block: read.append(block) or written(block))
    labels = "<p>Mots-clés :</p>" * 300
    doc = parse_html(f"<html><body><article><h1>Titre</h1><div class='meta'>{labels}</div>{BODY}</article></body></html>")
    assert tag_labels.labelled_tag_texts(PageIndex(doc), doc) == []
    assert len(read) == len(set(read)) <= 300 + 3  # each label's own paragraph, then each block above them once


def test_links_to_tag_pages_in_the_article_s_own_aside_are_its_tags():
    """Hugo's Ananke lists an article's tags in the ``<aside>`` of its ``<article>``, beside its table of contents and
    its related articles: the article's own details, not a sidebar's."""
    aside = ("<aside class='w-30-l mt6-l'><nav id='TableOfContents'><ul><li><a href='#vote'>Le vote</a></li></ul></nav>"
             "<ul class='pa0'><li class='list di'><a href='/tags/budget/'>budget</a></li><li class='list di'>"
             "<a href='/tags/commune/'>commune</a></li></ul><div class='mt6'><h1>Articles liés</h1><ul><li>"
             "<a href='/articles/fete/'>La fête du village</a></li></ul></div></aside>")
    assert tags_of(after=aside) == (["budget", "commune"], "heuristic")
    sidebar = aside.replace("class='w-30-l mt6-l'", "class='sidebar'")
    assert tags_of(after=sidebar) == ([], None)


_NAV_OF_TAGS = ("<nav><ul><li><a rel='tag' href='/sujets/budget'>Budget</a></li><li><a rel='tag' href='/sujets/ecoles'>"
                "Écoles</a></li></ul></nav>")


def test_rel_tag_links_listed_in_a_nav_of_the_article_s_footer_are_its_tags():
    """The article's tags in a ``<nav>`` of its own ``<footer>`` (FAZ's): a tag list may be a ``<nav>`` itself, as a
    block classed as one may."""
    record = extracted(article_page(after=f"<footer>{_NAV_OF_TAGS}</footer>"))
    assert record["tags"] == ["Budget", "Écoles"]


@pytest.mark.parametrize("place", ["<aside class='sidebar'>{}</aside>", "<div class='related-posts'>{}</div>"])
def test_rel_tag_links_in_a_nav_within_furniture_are_no_tags(place):
    record = extracted(article_page(after=place.format(_NAV_OF_TAGS)))
    assert record["tags"] == []
