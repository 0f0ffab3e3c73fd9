"""Captions written into the text's flow (an image, a line break, its caption in one block): read as captions, left
out of the body; the blocks that only look like them stay body text."""

from __future__ import annotations

import lxml.html
import pytest

from newsarchive.extraction import extract_article
from newsarchive.extraction.content import captions_from, sections_from
from newsarchive.extraction.image_lines import image_line_captions

URL = "https://balades.exemple.fr/2019/06/le-tour-du-lac.html"
FIRST = ("Partie du parking vers 9 heures, j’ai fait le tour par la rive nord, puis je suis montée jusqu’au col. "
         "Le sentier est bien balisé, mais il reste quelques plaques de neige sous les hêtres.")
SECOND = ("Du sommet, la vue sur les roches et sur toute la chaîne est magnifique. Comptez trois heures et demie de "
          "marche, pique-nique compris, pour un peu plus de 400 mètres de dénivelé.")
THIRD = ("Au retour, on peut s’arrêter à l’auberge du lac, qui sert une excellente truffade le week-end. Attention, "
         "elle ferme le lundi et le mardi hors saison, et il vaut mieux réserver.")


def page(*blocks: str) -> str:
    body = "".join(blocks)
    return f"<html lang='fr'><body><div class='post'><h1>Le tour du lac</h1><div class='post-body'>{body}</div></div>" \
           "</body></html>"


def paragraphs(html: str) -> list[str]:
    return [p for section in sections_from(lxml.html.fromstring(html), base_url=URL) for p in section["paragraphs"]]


def captions(html: str) -> list[tuple]:
    return [(c["text"], c["credit"], c["image_url"])
            for c in captions_from(lxml.html.fromstring(html), base_url=URL)]


IN_ITALICS = ('<p><a href="/img/lac.jpg"><img src="/img/lac-300.jpg"></a><br><em>Le lac au petit matin, '
              'vu de la rive nord (photo : Martine Gidel)</em></p>')
CENTRED = '<div style="text-align: center;"><img src="/img/col.jpg"><br>Le col sous la neige, fin avril</div>'
FIGURE = '<figure><img src="/img/auberge.jpg"><figcaption>L’auberge du lac et sa terrasse</figcaption></figure>'


def test_an_image_then_a_line_break_and_its_caption_is_a_caption_not_body_text():
    html = page(f"<p>{FIRST}</p>", IN_ITALICS, f"<p>{SECOND}</p>", CENTRED, f"<p>{THIRD}</p>")
    assert captions(html) == [
        ("Le lac au petit matin, vu de la rive nord", "Martine Gidel", "https://balades.exemple.fr/img/lac-300.jpg"),
        ("Le col sous la neige, fin avril", None, "https://balades.exemple.fr/img/col.jpg"),
    ]
    assert paragraphs(html) == [FIRST, SECOND, THIRD]


def test_an_amp_image_then_its_caption_in_the_flow_is_a_caption():
    html = page(f"<p>{FIRST}</p>", CENTRED.replace(
        '<img src="/img/col.jpg">', '<amp-img src="/img/col.jpg" width="800" height="600" layout="responsive"></amp-img>'), f"<p>{SECOND}</p>")
    assert captions(html) == [("Le col sous la neige, fin avril", None, "https://balades.exemple.fr/img/col.jpg")]
    assert paragraphs(html) == [FIRST, SECOND]


def test_captions_in_the_flow_and_figures_are_in_page_order():
    html = page(f"<p>{FIRST}</p>", CENTRED, FIGURE, IN_ITALICS, f"<p>{SECOND}</p>")
    assert [text for text, _, _ in captions(html)] == [
        "Le col sous la neige, fin avril", "L’auberge du lac et sa terrasse", "Le lac au petit matin, vu de la rive nord"]


def test_the_record_of_a_blog_post_with_captions_in_the_flow():
    record = extract_article(page(f"<p>{FIRST}</p>", IN_ITALICS, f"<p>{SECOND}</p><p>{THIRD}</p>"), URL)
    assert [c["text"] for c in record["captions"]] == ["Le lac au petit matin, vu de la rive nord"]
    assert "petit matin" not in record["text"]
    assert record["sources"]["captions"] == "heuristic"


@pytest.mark.parametrize("block", [
    # an image floated beside the start of a paragraph
    f'<p><img src="/img/logo.png" align="left">{SECOND}</p>',
    # a paragraph after the image and a line break: too long for a caption
    f'<p><img src="/img/lac.jpg"><br><em>{SECOND} {THIRD}</em></p>',
    # a line after the image, neither set apart by its type nor centred
    '<p><img src="/img/lac.jpg"><br>Le lac au petit matin, vu de la rive nord</p>',
    # text before the image
    '<p>Voici le lac : <img src="/img/lac.jpg"><br><em>Le lac au petit matin, vu de la rive nord</em></p>',
    # a link in the line after the image: a pointer to another page
    '<p><img src="/img/lac.jpg"><br><em>Lire aussi <a href="/autre.html">notre balade au lac Pavin</a></em></p>',
    # two images in the block
    '<p><img src="/img/a.jpg"><br><img src="/img/b.jpg"><br><em>Le lac au petit matin, vu de la rive nord</em></p>',
    # more than the caption after the line break
    '<p><img src="/img/lac.jpg"><br><em>Le lac au petit matin</em> et la suite du texte de ce paragraphe.</p>',
    # italics after the image, more text after them
    '<p><img src="/img/lac.jpg">\n<em>Le lac au petit matin</em>, puis la suite du texte de ce paragraphe.</p>',
])
def test_blocks_that_only_look_like_an_image_and_its_caption_stay_body_text(block):
    html = page(f"<p>{FIRST}</p>", block, f"<p>{THIRD}</p>")
    assert image_line_captions(lxml.html.fromstring(html)) == []
    assert captions(html) == []


def test_an_image_then_italics_alone_in_its_block_is_a_caption_not_body_text():
    """Jekyll's Chirpy writes a caption in italics on the line after the image, in the same paragraph, without a line
    break (``![Le lac](lac.jpg)\n_Le lac au petit matin_``): it was a paragraph of the text."""
    block = '<p><a href="/img/lac.jpg" class="popup img-link"><img src="/img/lac.jpg"></a>\n<em>Le lac au petit matin, ' \
            'vu de la rive nord. Photo : Martine Gidel</em></p>'
    html = page(f"<p>{FIRST}</p>", block, f"<p>{SECOND}</p>")
    assert paragraphs(html) == [FIRST, SECOND]
    assert captions(html) == [("Le lac au petit matin, vu de la rive nord.", "Martine Gidel",
                               "https://balades.exemple.fr/img/lac.jpg")]


# Weebly's image element: the image, then its caption in a block of its own in small type, without a line break
BLOCK_BELOW = ('<div class="wsite-image"><a><img src="/img/pont.jpg"></a>'
               '<div style="display:block;font-size:90%">Le vieux pont, rebâti en 1854</div></div>')


def test_an_image_then_a_block_of_its_own_in_small_type_is_a_caption_not_body_text():
    html = page(f"<p>{FIRST}</p>", BLOCK_BELOW, f"<p>{SECOND}</p>")
    assert captions(html) == [("Le vieux pont, rebâti en 1854", None, "https://balades.exemple.fr/img/pont.jpg")]
    assert paragraphs(html) == [FIRST, SECOND]
    plain = BLOCK_BELOW.replace(' style="display:block;font-size:90%"', "").replace("1854", f"1854. {THIRD}")
    assert image_line_captions(lxml.html.fromstring(page(plain))) == []  # a paragraph after an image stays text


@pytest.mark.parametrize(("run", "caption"), [
    ("<span style='font-size: 11pt; font-family: Arial; font-weight: 400;'>{}</span>", False),  # Google Docs' paste
    ("<span lang='FR' style='font-size:12.0pt;font-family:\"Arial\",sans-serif'>{}</span>", False),  # Word's
    ("<span style='font-size: 16px'>{}</span>", False),
    ("<font face='Verdana' size='2'>{}</font>", False),
    ("<span style='font-size: 9pt'>{}</span>", True),
    ("<span style='font-size: .8em'>{}</span>", True),
    ("<span style='font-size: 12px'>{}</span>", True),
    ("<font size='1'>{}</font>", True),
])
def test_a_line_after_an_image_is_its_caption_in_a_smaller_type_than_a_text_s_only(run, caption):
    image = "<p><span style='font-size: 11pt'><img src='/img/pont.jpg'></span></p>"
    line = "Le vieux pont, rebâti en 1854 après la crue, que la commune veut restaurer cette année."
    html = page(f"<p>{FIRST}</p>", image, f"<p>{run.format(line)}</p>", f"<p>{SECOND}</p>")
    assert (captions(html) == [(line, None, "https://balades.exemple.fr/img/pont.jpg")]) is caption
    assert paragraphs(html) == ([FIRST, SECOND] if caption else [FIRST, line, SECOND])


NEXT_BLOCK = ('<p style="text-align: center;"><img src="/img/gue.jpg"></p>'
              '<p style="text-align: center;"><em>Le gué de la Couze, à la sortie du village</em></p>')
SMALL_BELOW = ('<div class="separator"><a href="/img/pont.jpg"><img src="/img/pont-s.jpg"></a></div>'
               '<div><span style="font-size: x-small;">Le vieux pont, rebâti en 1854</span></div>')


def test_an_image_alone_in_its_block_and_its_caption_alone_in_the_next_one():
    html = page(f"<p>{FIRST}</p>", NEXT_BLOCK, f"<p>{SECOND}</p>", SMALL_BELOW, f"<p>{THIRD}</p>")
    assert captions(html) == [
        ("Le gué de la Couze, à la sortie du village", None, "https://balades.exemple.fr/img/gue.jpg"),
        ("Le vieux pont, rebâti en 1854", None, "https://balades.exemple.fr/img/pont-s.jpg"),
    ]
    assert paragraphs(html) == [FIRST, SECOND, THIRD]


@pytest.mark.parametrize("line", [
    "<em>Le gué de la Couze, à la sortie du village. Photo : Martine Gidel</em>",
    "<em>Le gué de la Couze, à la sortie du village (photo Martine Gidel)</em>",
    "<i>Le gué de la Couze, à la sortie du village. © Martine Gidel</i>",
])
def test_an_image_alone_in_its_block_and_an_italic_line_naming_its_credit_in_the_next_one(line):
    """Neither block centred nor in small type, an italic line after an image names the photo's credit: a caption (the
    classic editor's image, then the line typed under it in italics)."""
    html = page(f"<p>{FIRST}</p>", f'<p><img src="/img/gue.jpg"></p><p>{line}</p>', f"<p>{SECOND}</p>")
    assert captions(html) == [("Le gué de la Couze, à la sortie du village" + ("" if "(" in line else "."),
                               "Martine Gidel", "https://balades.exemple.fr/img/gue.jpg")]
    assert paragraphs(html) == [FIRST, SECOND]


@pytest.mark.parametrize("image", ['<figure class="tmblr-full"><img src="/img/gue.jpg"></figure>',
                                   '<figure><a href="/img/gue-grand.jpg"><img src="/img/gue.jpg"></a></figure>'])
def test_a_figure_of_one_image_without_caption_and_the_italic_line_naming_its_credit_after_it(image):
    """Tumblr sets each picture of a post in a ``<figure class="tmblr-full">`` without caption, and the post's writer
    types the caption in the next line: it was a paragraph of the text."""
    line = "<p><i>Le gué de la Couze, à la sortie du village. Photo : Martine Gidel</i></p>"
    html = page(f"<p>{FIRST}</p>", image, line, f"<p>{SECOND}</p>")
    assert captions(html) == [("Le gué de la Couze, à la sortie du village.", "Martine Gidel",
                               "https://balades.exemple.fr/img/gue.jpg")]
    assert paragraphs(html) == [FIRST, SECOND]
    captioned = image.replace("</figure>", "<figcaption>Le gué</figcaption></figure>")  # its own caption: the line is text
    assert [text for text, _, _ in captions(page(f"<p>{FIRST}</p>", captioned, line))] == ["Le gué"]


@pytest.mark.parametrize("blocks", [
    # an italic line after an image, neither of them centred nor in small type: a note of the text as much
    '<p><img src="/img/gue.jpg"></p><p><em>Cet article a été mis à jour avec la réaction du maire.</em></p>',
    # text between the image's block and the next one
    '<p style="text-align: center;"><img src="/img/gue.jpg"></p>Puis <p style="text-align: center;"><em>'
    'Le gué de la Couze, à la sortie du village</em></p>',
    # a next block of more than the caption
    '<p style="text-align: center;"><img src="/img/gue.jpg"></p><p><em>Le gué de la Couze</em> et la suite du '
    'texte de ce paragraphe, qui continue.</p>',
    # a coloured line after a centred image: colour says nothing of a caption
    '<p style="text-align: center;"><img src="/img/gue.jpg"></p><p><span style="color: #999999;">Le gué de la '
    'Couze, à la sortie du village</span></p>',
    '<p align="center"><img src="/img/gue.jpg"></p><p><font color="navy">Le gué de la Couze, à la sortie du '
    'village</font></p>',
    # an image that is not alone in its block
    '<p style="text-align: center;"><img src="/img/gue.jpg"> Le gué</p><p style="text-align: center;"><em>'
    'Le gué de la Couze, à la sortie du village</em></p>',
])
def test_a_next_block_that_is_no_caption_stays_body_text(blocks):
    html = page(f"<p>{FIRST}</p>", blocks, f"<p>{SECOND}</p>")
    assert captions(html) == []


def test_a_caption_in_the_flow_inside_a_figure_is_the_figures():
    html = page(f"<p>{FIRST}</p>", f"<figure>{CENTRED}<figcaption>La légende de la figure</figcaption></figure>")
    assert [text for text, _, _ in captions(html)] == ["La légende de la figure"]


def test_blank_lines_around_the_caption_are_allowed():
    block = '<p><br><img src="/img/lac.jpg"><br><br><small>Le lac au petit matin, vu de la rive nord</small><br></p>'
    html = page(f"<p>{FIRST}</p>", block, f"<p>{SECOND}</p>")
    assert [text for text, _, _ in captions(html)] == ["Le lac au petit matin, vu de la rive nord"]
    assert paragraphs(html) == [FIRST, SECOND]


def test_a_block_is_read_once_whatever_it_holds():
    """A block of 100,000 images, or an image with 100,000 line breaks before or after its caption, is read in one
    pass: reading each image's block again, or cutting the breaks one by one, would not end."""
    many_images = "<p>" + "<img src='/a.jpg'><br>" * 100_000 + "</p>"
    breaks = "<br>" * 100_000
    before = f"<p><img src='/b.jpg'>{breaks}<em>Le lac au petit matin, vu de la rive nord</em></p>"
    after = f"<p><img src='/c.jpg'><br><em>Le col sous la neige, fin avril</em>{breaks}</p>"
    root = lxml.html.fromstring(f"<div>{many_images}{before}{after}</div>")
    assert [caption.text for _, caption, _ in image_line_captions(root)] == [
        "Le lac au petit matin, vu de la rive nord", "Le col sous la neige, fin avril"]


PLACEHOLDER = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
LAZY = f'<img src="{PLACEHOLDER}" data-lazy-src="/img/lac-300.jpg" class="lazyload">'
NOSCRIPT_COPY = '<noscript><img src="/img/lac-300.jpg"></noscript>'


@pytest.mark.parametrize("image", [LAZY + NOSCRIPT_COPY, NOSCRIPT_COPY + LAZY], ids=["copy after", "copy before"])
@pytest.mark.parametrize("form", [
    "<p>{image}<br><em>Le lac au petit matin, vu de la rive nord</em></p>",
    '<p style="text-align: center;">{image}</p><p style="text-align: center;"><em>Le lac au petit matin, vu de la '
    'rive nord</em></p>',
], ids=["after a line break", "in the next block"])
def test_a_lazy_loaded_image_and_its_noscript_copy_are_one_image_with_its_caption(form, image):
    # a lazy-loading plugin's markup: the image with its address in data-lazy-src, and a copy for browsers without
    # scripts in a <noscript>, which no browser running scripts shows
    html = page(f"<p>{FIRST}</p>", form.format(image=image), f"<p>{SECOND}</p>")
    assert captions(html) == [
        ("Le lac au petit matin, vu de la rive nord", None, "https://balades.exemple.fr/img/lac-300.jpg")]
    assert paragraphs(html) == [FIRST, SECOND]
