"""The standfirst: found through the page's description or a standfirst class, never a teaser or an excerpt."""

from __future__ import annotations

import pytest
from article_pages import BODY, article_page, extracted

from newsarchive.extraction import extract_article
from newsarchive.sample_site import Article, Caption, SampleSite, Section
from newsarchive.sample_site.site import DEFAULT_NOW
from newsarchive.sites.registry import page_class_for

LEAD = "Le conseil municipal a adopté mardi un plan de rénovation des écoles étalé sur six ans."


def extract(header: str = "", body: str = BODY, after: str = "", description: str = LEAD) -> dict:
    """The record of the article page whose description is ``description``."""
    head = f"<meta property='og:description' content='{description}'>"
    return extracted(article_page(head, header, body=body, after=after))


def test_a_label_opening_the_standfirst_in_an_element_of_its_own_is_no_part_of_it():
    """La Dépêche opens its standfirst with a label, ``<span class="article-full__chapo-label">L'essentiel</span>``."""
    chapo = (f"<p class='article-full__chapo'><span class='article-full__chapo-label'>L'essentiel</span> {LEAD}</p>")
    assert extract(header=chapo)["lead"] == LEAD
    bold = f"<p class='article-full__chapo'><strong>Le budget</strong> {LEAD}</p>"  # the standfirst's own words
    assert extract(header=bold)["lead"] == f"Le budget {LEAD}"
    kicker = f"<p class='article__desc'><span class='article__kicker'>Reportage</span>{LEAD}</p>"  # the story's kind
    assert extract(header=kicker, description="Un autre texte, celui du site, décrit la page.")["lead"] == LEAD
    # the image's credit opening the standfirst after the image (a magazine's ``p.app_entry_lead``)
    credited = (f"<p class='app_entry_lead'><img src='/a.jpg'><span class='app_entry_lead__credit'>© Léa Roy - Le "
                f"Journal</span><strong>{LEAD}</strong></p>")
    assert extract(header=credited, description="Un autre texte, celui du site, décrit la page.")["lead"] == LEAD
    # a TV news site's standfirst, its class in one word ("ArticleChapo"), its sentences in a list
    listed = (f"<div class='ArticleChapo'><ul class='ArticleChapo__List'><li class='ArticleChapo__Point'>{LEAD}</li>"
              "</ul></div>")
    assert extract(header=listed, description="Un autre texte, celui du site, décrit la page.")["lead"] == LEAD
    # Rossel's custom element, named by its tag alone, in the text's block
    custom = f"<r-article--chapo><p>{LEAD}</p></r-article--chapo>{BODY}"
    assert extract(body=custom, description="Un autre texte, celui du site, décrit la page.")["lead"] == LEAD


def test_plone_s_document_description_in_the_document_s_block_is_the_lead():
    """Plone 6's Volto prints the description right after the title, in the block that holds the text too, classed in
    one word (``p.documentDescription``): it was the body's first paragraph."""
    page = article_page("", "", headline="", body=f"<div id='page-document'><h1 class='documentFirstHeading'>Le titre"
                        f"</h1><p class='documentDescription'>{LEAD}</p>{BODY}</div>")
    record = extracted(page)
    assert record["lead"] == LEAD and LEAD not in record["sections"][0]["paragraphs"]


def test_unclassed_block_that_the_description_opens_is_the_lead():
    record = extract(header=f"<div class='haut'><p><strong>{LEAD}</strong></p></div>")
    assert record["lead"] == LEAD
    assert record["text"].splitlines()[0] == LEAD


@pytest.mark.parametrize("standfirst", [
    "<div class='chapo'><p>Le conseil a voté le budget mardi soir.</p><p>Les élus de l'opposition ont quitté la "
    "salle.</p></div>",
    "<div class='standfirst'><ul><li>Le conseil a voté le budget mardi soir.</li><li>Les élus de l'opposition ont "
    "quitté la salle.</li></ul></div>",
])
def test_a_standfirst_in_several_blocks_keeps_them_apart(standfirst):
    """``…mardi soir.Les élus…``: the blocks of a standfirst were glued in the record."""
    assert extracted(article_page(header=standfirst))["lead"] == (
        "Le conseil a voté le budget mardi soir. Les élus de l'opposition ont quitté la salle.")


def test_a_standfirst_opening_with_a_long_run_of_punctuation_is_found():
    """The opening's first characters reduce to less than the compared key: the whole opening is compared."""
    dashes = "— " * 45
    record = extract(header=f"<p>{dashes}{LEAD}</p>", description=LEAD)
    assert record["lead"] == f"{dashes}{LEAD}".strip()
    other = f"{dashes}Autre texte que la description, assez long pour être lu."
    assert extract(header=f"<p>{other}</p>")["lead"] == other.strip()  # no block gives it: the opening sentence


def test_a_cut_description_still_finds_the_whole_standfirst():
    record = extract(header=f"<p>{LEAD}</p>", description=LEAD[:70] + "…")
    assert record["lead"] == LEAD


def test_the_body_first_paragraph_repeated_as_description_is_no_lead():
    first = "Paragraphe 1 du corps de l’article, avec assez de mots pour former un vrai texte suivi."
    record = extract(description=first)
    assert record["lead"] is None
    assert record["sections"][0]["paragraphs"][0] == first


def test_a_site_builder_s_first_paragraph_repeated_as_description_is_no_lead():
    """Wix writes every paragraph of a post as ``<p class="…"><span>…</span></p>``, and the post's description is
    its first one: a class shared with the next paragraph does not set it apart; a paragraph all in bold does."""
    first = "Samedi dernier, vingt-deux membres du club ont fait le tour du lac par le sentier des crêtes."
    paragraphs = [first, "Le départ a été donné à huit heures depuis le col, après un café offert par la mairie.",
                  "Arrivés au sommet vers midi, les randonneurs ont partagé un pique-nique face au lac."]
    body = "".join(f"<p class='mm8Nw' dir='auto'><span>{text}</span></p>" for text in paragraphs)
    record = extract(body=body, description=first)
    assert record["lead"] is None
    assert record["sections"][0]["paragraphs"] == paragraphs
    body = f"<p class='mm8Nw'><strong>{first}</strong></p>" + "".join(f"<p class='mm8Nw'>{p}</p>" for p in paragraphs[1:])
    assert extract(body=body, description=first)["lead"] == first


def test_the_body_s_first_paragraph_all_in_bold_is_the_lead_without_a_description():
    """French sites set their standfirst in bold as the text's first paragraph: a description that opens it told it,
    none left it a paragraph of the body. A bold question (an interview's), or a short line (a sub-heading), is none."""
    first = ("Samedi dernier, vingt-deux membres du club ont fait le tour du lac par le sentier des crêtes, sous le "
             "soleil.")
    rest = ["Le départ a été donné à huit heures depuis le col, après un café offert par la mairie.",
            "Arrivés au sommet vers midi, les randonneurs ont partagé un pique-nique face au lac."]
    plain = "".join(f"<p>{p}</p>" for p in rest)
    record = extract(body=f"<p><strong>{first}</strong></p>{plain}", description="")
    assert (record["lead"], record["sections"][0]["paragraphs"]) == (first, rest)
    for opening in ("Pourquoi avoir choisi le sentier des crêtes pour cette sortie de printemps du club de randonnée ?",
                    "Le tour du lac."):
        assert extract(body=f"<p><strong>{opening}</strong></p>{plain}", description="")["lead"] is None


@pytest.mark.parametrize("wrap", [
    "<div class='paragraph'>{}</div>",  # a page builder's block around each paragraph
    "<div><div data-block='text'>{}</div></div>",
])
@pytest.mark.parametrize("classes", ["", " class='mm8Nw'"])
def test_a_first_paragraph_wrapped_as_the_next_ones_repeated_as_description_is_no_lead(wrap, classes):
    """Each paragraph of the text in a block of its own, the description the first one: a plain paragraph of the
    body, wrapped as every other, is no standfirst (it was, and the body lost it)."""
    first = "Samedi dernier, vingt-deux membres du club ont fait le tour du lac par le sentier des crêtes."
    paragraphs = [first, "Le départ a été donné à huit heures depuis le col, après un café offert par la mairie.",
                  "Arrivés au sommet vers midi, les randonneurs ont partagé un pique-nique face au lac."]
    body = "".join(wrap.format(f"<p{classes}>{text}</p>") for text in paragraphs)
    record = extract(body=body, description=first)
    assert (record["lead"], record["sections"][0]["paragraphs"]) == (None, paragraphs)
    bold = wrap.format(f"<p{classes}><strong>{first}</strong></p>") + body.split("</div>", wrap.count("</div>"))[-1]
    assert extract(body=bold, description=first)["lead"] == first  # all in bold: set apart


def test_a_first_paragraph_wrapped_as_the_next_ones_in_the_body_s_one_block_repeated_as_description_is_no_lead():
    """Strikingly wraps each paragraph in a section of its own, the sections in one block of the body
    (``div.s-repeatable``): the first paragraph, the description's, was the standfirst."""
    first = "Samedi dernier, vingt-deux membres du club ont fait le tour du lac par le sentier des crêtes."
    paragraphs = [first, "Le départ a été donné à huit heures depuis le col, après un café offert par la mairie.",
                  "Arrivés au sommet vers midi, les randonneurs ont partagé un pique-nique face au lac."]
    sections = "".join(f"<div class='s-block-item s-blog-post-section'><div class='container'><p>{text}</p></div></div>"
                       for text in paragraphs)
    record = extract(body=f"<div class='s-repeatable s-block'>{sections}</div>", description=first)
    assert (record["lead"], record["sections"][0]["paragraphs"]) == (None, paragraphs)


@pytest.mark.parametrize("standfirst", [f"<p class='chapo'>{LEAD}</p>", f"<p><strong>{LEAD}</strong></p>"])
def test_a_box_of_other_stories_before_the_standfirst_in_the_body_does_not_hide_it(standfirst):
    """A box under ``<h3>À lire aussi</h3>`` opening the body, a summary of a paragraph's length in it: the standfirst
    after it was taken for a paragraph of the text, the box's summary for the text before it."""
    box = ("<div><h3>À lire aussi</h3><div><h4><a href='/faits-divers/incendie/'>Incendie rue des Lilas</a></h4>"
           "<p>Les pompiers sont intervenus dans la nuit de dimanche à lundi pour un feu de cuisine, rue des Lilas."
           "</p></div></div>")
    assert extract(body=box + standfirst + BODY, description=LEAD)["lead"] == LEAD


def test_drupal_s_standfirst_field_of_one_value_is_the_lead():
    """Drupal 8 and later wrap a field's one value in ``div.field__item``: the standfirst's field,
    ``field--name-field-chapo``, was refused as a list's item."""
    chapo = ("<div class='field field--name-field-chapo field--type-text-long field--label-hidden field__item'><p>Une "
             "carotte de sédiments du lac révèle trois siècles de crues oubliées dans la vallée.</p></div>")
    record = extracted(article_page(header=chapo))
    assert record["lead"] == ("Une carotte de sédiments du lac révèle trois siècles de crues oubliées dans la "
                              "vallée.")


def test_an_author_s_biography_in_a_box_after_the_headline_is_no_lead():
    """Blowfish sets the author's box under the headline, its name and biography in unclassed <div>s two levels
    inside ``div.author``: the biography was the standfirst."""
    box = ("<div class='flex author'><img class='rounded-full' src='/img/martine.jpg'><div class='place-self-center'>"
           "<div class='font-semibold'>Martine Leclerc</div><div class='text-sm'>Présidente de l'association Les "
           "Jardins du Mail, jardinière depuis trente ans.</div></div></div>")
    page = article_page(header=box)
    assert extracted(page)["lead"] is None


def test_a_newsletter_s_offer_after_the_headline_is_no_lead_the_sentence_after_it_is():
    """A page without a description, a newsletter's offer between its headline and its first sentence: the offer
    was the standfirst."""
    offer = ("<div><p>Inscrivez-vous à notre newsletter pour recevoir chaque matin l'essentiel de l'actualité de votre "
             "commune.</p><form><input type='email'><button>Je m'inscris</button></form></div>")
    own = f"<p>{LEAD}</p>"
    assert extracted(article_page(header=offer))["lead"] is None
    assert extracted(article_page(header=offer + own))["lead"] == LEAD


def test_another_story_s_summary_under_a_box_s_heading_after_the_headline_is_no_lead():
    """A page without a description, a box of another story between its headline and its text (``<h3>À lire
    aussi</h3>``, a linked title, a summary): the summary was the standfirst, the first sentence after the headline."""
    box = ("<div><h3>À lire aussi</h3><div><h4><a href='/faits-divers/incendie/'>Incendie rue des Lilas</a></h4>"
           "<p>Les pompiers sont intervenus dans la nuit de dimanche à lundi pour un feu de cuisine.</p></div></div>")
    record = extracted(article_page(header=box))
    assert record["lead"] is None
    own = "<p>Le conseil municipal a adopté mardi un plan de rénovation des écoles étalé sur six ans.</p>"
    assert extracted(article_page(header=own + box))["lead"] == LEAD  # the article's own first sentence stays


_FIRST = "Comme chaque printemps, les hirondelles rustiques ont retrouvé leurs nids sous les poutres de l'étable."
_SECOND = "Monsieur Lebrun, qui tient la ferme, laisse toujours une fenêtre ouverte pour elles, comme chaque année."
_OFFER = ("<div><p>Inscrivez-vous à notre lettre pour recevoir chaque semaine les nouvelles du bocage et de ses "
          "oiseaux.</p><form><input type='email'><button>Je m'inscris</button></form></div>")


@pytest.mark.parametrize("body", [
    # Over-blog writes a post's paragraphs as <div>s
    f"<div>{_FIRST}</div><div>&nbsp;</div><div>{_SECOND}</div>{_OFFER}<div>{_SECOND}</div>",
    # Clubic types its text between line breaks, its first line in bold
    f"<div><strong>{_FIRST}</strong><br><br>{_SECOND}<br><br>{_SECOND}</div>{_OFFER}",
])
def test_a_first_block_of_a_text_in_divs_or_in_lines_repeated_as_description_is_no_lead(body):
    """A text written in ``<div>``s, or typed in lines, whose description is its first block: a paragraph of another
    kind in the body (a newsletter's offer in a ``<p>``) made that block a standfirst, out of the body."""
    record = extract(body=body, description=_FIRST)
    assert record["lead"] is None and record["sections"][0]["paragraphs"][0] == _FIRST


def test_a_block_classed_apart_before_a_text_in_divs_stays_the_standfirst():
    apart = f"<div class='intro'>{_FIRST}</div><div>{_SECOND}</div>{_OFFER}<div>{_SECOND}</div>"
    assert extract(body=apart, description=_FIRST)["lead"] == _FIRST


def test_a_first_paragraph_styled_as_the_next_ones_repeated_as_description_is_no_lead():
    """An editor's pasted text: every paragraph in a ``<span style="color: #000000;">``, the description (an excerpt the
    CMS made) opening the first: the same style as the next paragraph's does not set it apart; a style of its own
    does."""
    first = "LINDI : il est 20 heures, et Aïcha tient encore son étal près de la sortie de la gare routière."
    paragraphs = [first, "Ses clients sont surtout les voyageurs qui descendent des cars venus de la capitale.",
                  "Elle dit pouvoir travailler tard grâce aux lampadaires solaires installés dans la ville."]
    body = "".join(f"<p><span style='color: #000000;'>{text}</span></p>" for text in paragraphs)
    record = extract(body=body, description=first[:60] + "…")
    assert (record["lead"], record["sections"][0]["paragraphs"]) == (None, paragraphs)
    own = f"<p><span style='font-size: 20px;'>{first}</span></p>" + body.split("</p>", 1)[1]
    assert extract(body=own, description=first[:60] + "…")["lead"] == first


def test_the_subtitle_of_the_headline_s_hgroup_is_the_lead_a_kicker_is_not():
    header = f"<hgroup><h3>Würzburg</h3><h1>Le titre visible</h1><h3>Société</h3><h2>{LEAD}</h2></hgroup>"
    page = article_page("", header, headline="")
    assert extracted(page)["lead"] == LEAD
    header = "<div class='titres'><h1>Le titre visible</h1><h2>Société</h2></div>"
    assert extracted(article_page("", header, headline=""))["lead"] is None  # no description, no class, no hgroup
    header = f"<div class='titres'><h1>Le titre visible</h1><h2>{LEAD}</h2></div>"  # but a sentence: the opening lead
    assert extracted(article_page("", header, headline=""))["lead"] == LEAD


def test_substack_s_newsletter_post_is_the_article_not_a_newsletter_box():
    header = f"<h3 class='subtitle subtitle-HEEcLo'>{LEAD}</h3>"
    page = article_page("", header).replace("<article>", "<article class='typography newsletter-post post'>")
    assert extracted(page)["lead"] == LEAD


def test_classed_standfirst_inside_the_body_before_its_text():
    record = extract(body=f"<p class='article-chapo'>{LEAD}</p>" + BODY, description="Autre chose.")
    assert record["lead"] == LEAD


@pytest.mark.parametrize("subtitle", [f"<h2 class='sous-titre'>{LEAD}</h2>", f"<p class='article-soustitre'>{LEAD}</p>"])
def test_a_standfirst_classed_in_french_as_a_subtitle_is_the_lead(subtitle):
    """``sous-titre``: the subtitle under the headline, as ``subtitle`` is, beside a description it does not open."""
    assert extract(header=subtitle, description="Toutes les nouvelles de la commune.")["lead"] == LEAD


def test_joomla_k2_s_intro_text_is_the_lead():
    """K2 opens every class name with "item" (``itemIntroText``): the word that names a list's items is a whole word."""
    body = f"<div class='itemIntroText'><p><strong>{LEAD}</strong></p></div><div class='itemFullText'>{BODY}</div>"
    assert extract(body=body, description="Autre chose.")["lead"] == LEAD
    listed = f"<div class='list-item intro'><p>{LEAD}</p></div><div class='itemFullText'>{BODY}</div>"
    assert extract(body=listed, description="Autre chose.")["lead"] is None


def test_ez_publish_s_short_attribute_is_the_lead_and_not_the_body():
    """eZ Publish's article template: the ``short`` attribute (its standfirst) above the ``long`` one (its text)."""
    body = (f"<div class='attribute-short'><p>{LEAD}</p></div>"
            f"<div class='attribute-long'>{BODY}</div>")
    record = extract(body=body, description="Toutes les nouvelles de la commune.")
    assert record["lead"] == LEAD
    assert LEAD not in [paragraph for section in record["sections"] for paragraph in section["paragraphs"]]
    assert len([paragraph for section in record["sections"] for paragraph in section["paragraphs"]]) == 5


def test_drupal_s_body_field_typed_text_with_summary_is_no_lead():
    three = "".join(f"<p>Paragraphe {n} du corps, avec assez de mots pour former un vrai texte suivi.</p>" for n in (1, 2, 3))
    body = f"<div class='field field-name-body field-type-text-with-summary'><div class='field-items'>{three}</div></div>"
    assert extract(body=body, description="Autre chose.")["lead"] is None  # the body, whose three paragraphs stay
    summary = f"<div class='field field-name-field-summary'><p>{LEAD}</p></div>" + body
    assert extract(body=summary, description="Autre chose.")["lead"] == LEAD


def test_teasers_galleries_and_author_boxes_are_no_lead():
    teaser = f"<div class='teaser-summary'><a href='/autre'>{LEAD}</a></div>"
    gallery = f"<div class='gallery-summary'>{LEAD}</div>"
    author = f"<div class='avatar-description'>{LEAD}</div>"
    for block in (teaser, gallery, author):
        assert extract(header=block, description="Autre chose.")["lead"] is None


def test_summary_after_the_body_is_no_lead():
    after = f"<div class='related'><div class='excerpt'>{LEAD}</div></div><div class='summary'>{LEAD}</div>"
    assert extract(after=after, description="Autre chose.")["lead"] is None


def test_the_body_only_paragraph_repeated_as_description_stays_the_body():
    only = "Le seul paragraphe de l’article dit tout ce qu’il y a à dire sur la séance du conseil, en détail."
    body = f"<p>{only}</p><div class='wp-caption'><img src='a.jpg'><p class='wp-caption-text'>" \
           "Une légende assez longue pour compter comme un paragraphe si on ne la reconnaissait pas. © AFP</p></div>"
    record = extract(body=body, description=only[:60] + " […]")
    assert record["lead"] is None
    assert record["sections"][0]["paragraphs"] == [only]



def test_an_excerpt_of_the_bodys_plain_first_paragraph_is_no_lead_even_beside_a_short_quote():
    """A WordPress page whose description is the automatic excerpt of a body made of one paragraph and a quote."""
    opening = ("Les députés ont dévoilé leur feuille de route pour la rentrée dans l’indifférence générale. "
               "De son côté, le gouvernement a promis un remaniement avant l’automne après un long bras de fer. "
               "« Nous avons beaucoup appris cette saison », a déclaré le ministre, visiblement ému.")
    site = SampleSite(articles=0)
    article = site.add_article(Article(
        headline="Les députés présentent leur feuille de route", author="Claire Morel", category="Politique",
        published=DEFAULT_NOW, modified=DEFAULT_NOW,
        sections=[Section(None, None, [opening, "« C’est une étape importante pour le pays. Il s’agit d’une première depuis dix ans. »"], kinds=["p", "quote"])],
        captions=[Caption("Les sénateurs à Toulouse, le 20 juillet 2025.", "/wp-content/uploads/2025/07/a.jpg", "OneMedia",
                          credit_format="copyright", style="classic", section=0),
                  Caption("Le président à Toulouse, le 19 juillet 2025.", "/wp-content/uploads/2025/07/b.jpg", "AFP",
                          style="block", section=0)],
        tags=["Assemblée"], image_url=None))
    record = extract_article(site.respond("GET", article.path).body, article.url,
                             page_class=page_class_for(article.url, "onemedia.fr"))
    assert record["lead"] is None
    assert record["sections"][0]["paragraphs"][0] == opening


def no_description(header: str) -> dict:
    """The record of the article page without a description whose header (after the headline) is ``header``."""
    return extracted(article_page("", header))


def test_the_first_sentence_between_the_headline_and_the_body_is_the_lead_of_a_page_without_description():
    for header in (f"<p><strong>{LEAD}</strong></p>", f"<div class='haut'><p>{LEAD}</p></div>",
                   f"<p>Par Léa Roy</p><p>Publié le 3 mars 2021 à 10h05</p><div>{LEAD}</div>",
                   f"<h2>{LEAD}</h2>", f"<h2 class='titre-2'>Le titre visible</h2><p class='accroche-x'>{LEAD}</p>"):
        record = no_description(header)
        assert record["lead"] == LEAD, header
        assert record["text"].splitlines()[0] == LEAD
        assert LEAD not in [p for section in record["sections"] for p in section["paragraphs"]]


def test_a_caption_a_line_that_is_no_sentence_or_a_text_after_another_one_is_no_opening_lead():
    for header in (
        f"<div class='photo'><img src='/a.jpg'><div>{LEAD}</div></div>",  # an image's text
        f"<div class='legende'>{LEAD}</div>",
        "<p>Le Journal Test, édition de Lyon, rubrique société, mis en ligne mardi soir</p>",  # no sentence's end
        f"<p>Les coulisses de l’en-tête ne disent rien de l’article, sans point final</p><p>{LEAD}</p>",
        f"<p><a href='/autre-article'>{LEAD}</a></p>",  # a link to another story
        f"<div class='avatar-description'>{LEAD}</div>",  # an author's box
        f"<div class='encart-pub'><p>{LEAD}</p></div>",  # an advertisement's
        "<h2>Les écoles de la commune</h2>",  # a heading that says no sentence, and no block after it
    ):
        assert no_description(header)["lead"] is None, header
        assert extract(header, description="Toute l'actualité de la commune.")["lead"] is None, header


def test_a_consent_banner_s_words_after_the_headline_are_no_lead():
    """A cookie notice between the headline and the body (a banner without its tool's name) was the standfirst of
    pages whose description no block gives, and of pages without a description."""
    notice = ("<div><p>Nous utilisons des cookies pour améliorer votre expérience et mesurer l'audience de notre site. "
              "En poursuivant votre navigation, vous acceptez leur utilisation.</p><button>Accepter</button></div>")
    assert no_description(notice)["lead"] is None
    assert extract(notice, description="Toute l'actualité de la commune.")["lead"] is None


def test_a_page_whose_description_no_block_gives_keeps_its_opening_sentence_as_the_lead():
    """A site whose every page says the site's description (``Toute l'actualité de Trifouilly.``): the sentence
    between the headline and the body was no lead, and outside the body, its text was lost."""
    record = extract(header=f"<p><strong>{LEAD}</strong></p>", description="Toute l'actualité de la commune.")
    assert record["lead"] == LEAD
    assert record["text"].splitlines()[0] == LEAD


EPISODE = ("<html lang='fr'><head><meta charset='utf-8'><title>Les abeilles de la vallée - Radio Vallon</title>{head}"
           "</head><body><main><div class='episode'><h1>Les abeilles de la vallée</h1>"
           "<p class='diffusion'>Diffusé le 12 mars 2024</p><div class='player'><audio src='/a.mp3'></audio></div>"
           "<div class='episode-description'>{description}</div></div></main>"
           "<footer><p>© 2024 Radio Vallon</p></footer></body></html>")
VIDEO = EPISODE.replace("'episode'", "'video-page'").replace("episode-description", "video-description")
DESCRIPTION = ("Cette semaine, l'émission part à la rencontre d'un apiculteur de Saint-Fons, qui raconte la saison "
               "difficile de ses quarante ruches, entre sécheresse et frelons asiatiques.")


@pytest.mark.parametrize("page", [EPISODE, VIDEO])
def test_a_description_that_is_the_page_s_whole_text_is_its_body(page):
    """A podcast's or a video's page: its text is the episode's description, classed as a lead would be (a video
    page's and its description's classes are no player's)."""
    for head in ("", "<meta property='og:type' content='article'>"):
        record = extracted(page.format(head=head, description=DESCRIPTION),
                           "https://www.radio-vallon.example/podcasts/la-vie-au-vert/les-abeilles")
        assert (record["lead"], record["sections"]) == (None, [
            {"heading": None, "level": None, "paragraphs": [DESCRIPTION]}]), head
        assert record["text"] == DESCRIPTION


def test_a_description_before_the_body_stays_its_lead():
    page = EPISODE.format(head="", description=DESCRIPTION).replace("</div></main>", f"{BODY}</div></main>")
    record = extracted(page, "https://www.radio-vallon.example/podcasts/la-vie-au-vert/les-abeilles")
    assert record["lead"] == DESCRIPTION
    assert DESCRIPTION not in [paragraph for section in record["sections"] for paragraph in section["paragraphs"]]


def test_spip_s_standfirst_that_the_description_gives_is_the_lead_rather_than_its_subtitle_above_it():
    """SPIP's article: the subtitle (``soustitre``) then the standfirst (``chapo``), both classed as a lead's; the
    page's description opens the standfirst. Without a description, or when it opens neither, the first one is."""
    subtitle = "<p class='soustitre'>Six années de travaux pour toutes les écoles de la commune</p>"
    header = f"{subtitle}<div class='chapo'><p>{LEAD}</p></div>"
    assert extract(header=header)["lead"] == LEAD
    for description in ("", "Toutes les nouvelles de la commune, chaque semaine, par la mairie."):
        assert extract(header=header, description=description)["lead"].startswith("Six années")


_NOTICES = [
    "<div><p>Nous utilisons des cookies pour améliorer votre expérience et mesurer l'audience de notre site. En "
    "poursuivant votre navigation, vous acceptez leur utilisation.</p><button>Accepter</button></div>",
    "<div><p>Inscrivez-vous à notre newsletter pour recevoir chaque matin l'essentiel de l'actualité de votre commune."
    "</p></div>",
]


@pytest.mark.parametrize("notice", _NOTICES, ids=["cookies", "newsletter"])
@pytest.mark.parametrize("body_class", ["content", None])
@pytest.mark.parametrize("in_header", [True, False])
def test_a_line_of_furniture_after_the_headline_weighs_nothing_in_the_body_s_search(notice, body_class, in_header):
    """A cookie notice or a newsletter's offer between the headline and the standfirst is no text: the content finder
    weighed it as a paragraph, widened the body to the whole article to hold it, and the standfirst, inside that body,
    was no standfirst (sometimes the notice and the standfirst became its first paragraphs)."""
    paragraphs = "".join(f"<p>Paragraphe {n} du corps de l’article, avec assez de mots pour former un vrai texte "
                         "suivi, et une phrase de plus.</p>" for n in range(1, 4))
    header = (f"<h1>Le titre visible</h1>{notice}<p class='hat'><strong>ÉDUCATION</strong> <span>{LEAD}</span></p>"
              "<div><p>Léa Roy</p><p>Publié le 12/03/24 à 19h49</p></div>")
    header = f"<header>{header}</header>" if in_header else header
    body = f"<div class='{body_class}'>{paragraphs}</div>" if body_class else f"<div>{paragraphs}</div>"
    page = (f"<html lang='fr'><head><meta charset='utf-8'><meta property='og:type' content='article'><meta "
            f"property='og:description' content='{LEAD}'></head><body><article>{header}{body}</article></body></html>")
    record = extracted(page)
    assert record["lead"] == LEAD
    assert len([paragraph for section in record["sections"] for paragraph in section["paragraphs"]]) == 3


@pytest.mark.parametrize("notice", _NOTICES, ids=["cookies", "newsletter"])
def test_a_line_of_furniture_before_the_standfirst_in_the_body_s_block_opens_no_text(notice):
    """A page whose headline, standfirst and text share one block: a cookie notice or a newsletter's offer between the
    headline and the standfirst (classed ``intro``) was the text's first long paragraph, and the standfirst, after it,
    was read as the body's own."""
    paragraphs = "".join(f"<p>Paragraphe {n} du corps de l’article, avec assez de mots pour former un vrai texte "
                         "suivi, et une phrase de plus.</p>" for n in range(1, 4))
    page = ("<html lang='fr'><head><meta charset='utf-8'></head><body><div><h1>Le titre visible</h1>"
            f"{notice}<p>Par Marc Petit</p><p class='intro'>{LEAD}</p>{paragraphs}</div></body></html>")
    assert extracted(page)["lead"] == LEAD


@pytest.mark.parametrize("unseen", [
    "<div class='visually-hidden'>Vous lisez un article du Journal Test, édition de Lyon, rubrique société.</div>",
    "<div class='screen-reader-text'>Un article de Léa Roy, publié le 23 janvier 2024 dans la rubrique société."
    "</div>",
    "<div hidden>Vous lisez un article du Journal Test, édition de Lyon, rubrique société.</div>",
    "<div style='display: none'>Vous lisez un article du Journal Test, édition de Lyon, rubrique société.</div>",
])
def test_a_line_the_reader_does_not_see_before_the_standfirst_does_not_hide_it(unseen):
    """On a page without a description, the first block after the headline that reads as a standfirst is one: a block
    for screen readers or hidden, before it, is passed over (it ended the search, and the standfirst, outside the
    body, was lost)."""
    record = extracted(article_page(header=f"{unseen}<p>{LEAD}</p>"))
    assert record["lead"] == LEAD


def test_a_shown_block_that_is_no_standfirst_still_ends_the_search():
    """The first text the reader sees after the headline is no standfirst (a line of details): none further down is."""
    details = "<div>Vous lisez un article du Journal Test, édition de Lyon, rubrique société</div>"
    assert extracted(article_page(header=f"{details}<p>{LEAD}</p>"))["lead"] is None


@pytest.mark.parametrize("standfirst", [
    "Le conseil municipal a adopté mardi un plan de rénovation des écoles étalé sur six ans et de ses cantines",
    "Le conseil municipal a voté mardi soir un budget en hausse de 4 %, porté par les investissements dans les "
    "écoles",
])
@pytest.mark.parametrize("form", ["<p>{}</p>", "<h2>{}</h2>", "<div class='x1'><p><strong>{}</strong></p></div>"])
def test_a_standfirst_without_its_full_stop_is_the_opening_lead(standfirst, form):
    """Fifteen words or more after the headline, outside the body, read as a standfirst without a full stop (a
    subtitle, a standfirst whose site writes none): on a page without a description, its text was lost."""
    assert no_description(form.format(standfirst))["lead"] == standfirst


@pytest.mark.parametrize("caption", [
    "Le maire de Trifouilly devant la nouvelle école lors de son inauguration, mardi 4 mars — Photo Léa Roy",
    "Les élus du conseil municipal réunis mardi soir pour voter le budget de la commune. IMAGO/Léa Roy",
])
def test_a_caption_without_a_full_stop_under_an_image_after_the_headline_is_no_opening_lead(caption):
    """Under an image, fifteen words without a full stop are its caption, which ends with its credit; the
    standfirst's text stays the first sentence after the headline that is no caption."""
    header = f"<div class='x1'><div class='x2'><img src='/ecole.jpg'></div><div class='x3'>{caption}</div></div>"
    assert no_description(header)["lead"] is None


_AD_SLOTS = "<div class='row'><div class='col-12'></div><div class='col-12'></div></div>" * 30


@pytest.mark.parametrize("described", [True, False])
def test_a_standfirst_after_an_ad_s_empty_slots_is_found(described):
    """Ninety empty blocks (an ad's slots, filled by a script) between the headline and the standfirst take no place
    among the elements after the headline where it is looked for: the standfirst, outside the body, was lost."""
    head = f"<meta property='og:description' content='{LEAD}'>" if described else ""
    assert extracted(article_page(head, _AD_SLOTS + f"<p>{LEAD}</p>"))["lead"] == LEAD


@pytest.mark.parametrize("line", [
    "Accueil > Actualités > Société > Politique locale > Conseil municipal > Budget > Écoles > Trifouilly > Mars 2025",
    "Politique Société Économie Culture Sport Sciences Santé Environnement International Faits divers Météo Trafic",
    "Partager sur Facebook Partager sur Twitter Partager sur LinkedIn Partager par e-mail Imprimer l'article Envoyer",
    "Temps de lecture 3 minutes Partager cet article sur les réseaux sociaux Facebook Twitter WhatsApp LinkedIn Email",
    "Ecrit par Léa Roy et Paul Martin avec la collaboration de Anne Petit et de Jean Dupont pour Le Journal Test",
])
def test_a_breadcrumb_a_menu_or_buttons_typed_as_text_is_no_standfirst_without_a_full_stop(line):
    """Fifteen words without a full stop read as a standfirst when most are in lower case, as a sentence's are: a
    breadcrumb, a menu, a share bar's labels or a byline typed as text capitalise most of theirs."""
    assert no_description(f"<p>{line}</p>")["lead"] is None
