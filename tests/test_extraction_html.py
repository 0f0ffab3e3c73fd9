"""Decoding and parsing of pages (charsets declared, missing, wrong; BOM; malformed and empty HTML) and the visible text
of their elements."""

from __future__ import annotations

import codecs

import lxml.html
import pytest
from lxml import etree

from newsarchive.extraction.html import (
    drop_drawings_text,
    element_text,
    holds_few_nodes,
    label_before,
    spaced_apart,
    spaced_text,
    text_outside_scripts,
)
from newsarchive.extraction.parsing import (
    _MAX_TRUSTED_ERRORS,
    EmptyDocument,
    _parser,
    decode_html,
    header_value,
    page_bytes,
    parse_html,
    parse_page,
    undone_double_encoding,
)
from newsarchive.text import clean_text

FRENCH = "Élection à Saint-Étienne : l’équipe sortante réélue, « très nette » victoire"


def page(text: str, head: str = "") -> str:
    return f"<html><head>{head}<title>t</title></head><body><p>{text}</p></body></html>"


@pytest.mark.parametrize(
    "head, headers",
    [
        ("", None),  # no declaration at all
        ('<meta charset="utf-8">', None),  # wrong <meta>
        ("", {"Content-Type": "text/html; charset=UTF-8"}),  # wrong HTTP header
    ],
    ids=["undeclared", "meta-says-utf8", "header-says-utf8"],
)
def test_windows_1252_page_with_missing_or_wrong_charset_is_decoded_right(head, headers):
    body = page(FRENCH, head).encode("cp1252")
    assert FRENCH in decode_html(body, headers)


def test_windows_1252_declared_as_latin1_is_decoded_with_typographic_quotes():
    body = page(FRENCH, '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">').encode("cp1252")
    assert FRENCH in decode_html(body)


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252", "gb2312"])
def test_utf8_page_declared_in_another_encoding_is_decoded_as_utf8(declared):
    body = page(FRENCH).encode("utf-8")
    assert FRENCH in decode_html(body, {"content-type": f"text/html; charset={declared}"})


def test_utf8_page_with_one_stray_byte_stays_utf8():
    body = page(FRENCH).encode("utf-8").replace(b"<title>t", b"<title>\xe9t")
    text = decode_html(body)
    assert FRENCH in text
    assert "\ufffd" in text


def _twice(text: str) -> str:
    """``text`` encoded twice in UTF-8: its UTF-8 read as windows-1252 (the bytes it leaves undefined as Latin-1
    reads them, as browsers do), as a site whose database and pages disagree on their encoding writes it."""
    return "".join(bytes([byte]).decode("cp1252", "ignore") or chr(byte) for byte in text.encode("utf-8"))


@pytest.mark.parametrize("headers", [None, {"Content-Type": "text/html; charset=iso-8859-1"}])
def test_a_page_encoded_twice_in_utf8_is_read_once(headers):
    """``Ã‰lection Ã\xa0 Saint-Ã‰tienne : lâ€™Ã©quipe…`` was the page's text: no date could be read in it (``PubliÃ©
    le 12 dÃ©cembre``), no word searched."""
    text = FRENCH + " — cœur, « guillemets », “anglais”, 3 °C…"
    body = (f"<html><head><meta charset='utf-8'><title>{_twice(FRENCH)}</title></head><body><p>{_twice(text)}</p>"
            "<p>Mentions légales</p></body></html>").encode("utf-8")  # (the template's own text written right)
    doc = parse_page(body, headers)
    assert element_text(doc.find(".//title")) == FRENCH
    assert [element_text(p) for p in doc.iter("p")] == [text, "Mentions légales"]


@pytest.mark.parametrize("text", [
    "« CAFÉ» déjà", "Âge et château : âme, ÉTÉ», Œuvre", "Le codage « Ã© » remplace « é » sur les pages mal encodées.",
])
def test_text_written_right_is_no_text_encoded_twice(text):
    assert undone_double_encoding(text) == text or "Ã©" in text
    page = f"<html><head><title>Titre</title></head><body><p>{text}</p></body></html>".encode("utf-8")
    assert element_text(parse_page(page).find(".//p")) == text  # the title tells: read as it is


def test_declared_legacy_encoding_is_honoured_for_real_legacy_bytes():
    russian = "Город готовится к зиме"
    body = page(russian, '<meta charset="windows-1251">').encode("cp1251")
    assert russian in decode_html(body)


def test_utf8_bom_is_removed():
    text = decode_html(codecs.BOM_UTF8 + page(FRENCH).encode("utf-8"))
    assert text.startswith("<html>")
    assert FRENCH in text


def test_str_body_is_returned_unchanged():
    assert decode_html(page(FRENCH)) == page(FRENCH)


def test_header_value_ignores_name_case_and_accepts_bytes_and_lists():
    assert header_value({"Content-Type": "text/html"}, "content-type") == "text/html"
    assert header_value({b"Content-Language": [b"fr-FR"]}, "content-language") == "fr-FR"
    assert header_value(None, "content-type") is None


def test_truncated_and_malformed_html_is_parsed():
    doc = parse_html("<html><body><div><h1>Titre</h1><p>Premier paragraphe<p>Second <b>gras")
    assert element_text(doc.find(".//h1")) == "Titre"
    assert [element_text(p) for p in doc.iter("p")] == ["Premier paragraphe", "Second gras"]


def test_xml_declaration_in_text_does_not_break_parsing():
    doc = parse_html('<?xml version="1.0" encoding="iso-8859-1"?>' + page(FRENCH))
    assert element_text(doc.find(".//p")) == FRENCH


@pytest.mark.parametrize("text", ["", "   \n ", "<!-- only a comment -->"])
def test_empty_pages_raise_empty_document(text):
    with pytest.raises(EmptyDocument):
        parse_html(text)


def test_element_text_collapses_whitespace_and_leaves_scripts_out():
    doc = parse_html(page("Prix&nbsp;:\n  12\u00a0€ <script>var x = 1;</script><style>p{}</style>fin"))
    assert element_text(doc.find(".//p")) == "Prix : 12 € fin"
    assert clean_text("  a \t\n b\u202fc ") == "a b c"


def test_an_icon_s_drawing_is_no_part_of_an_element_s_text_once_drawings_are_left_out():
    """An <svg>'s <title> is a tooltip: a byline's icon named its author ``Icône Léa Roy``. The text after the drawing
    stays."""
    doc = parse_html(page("<span class='author'><svg><title>Icône</title><path d='M0 0'/></svg>Léa Roy</span>"))
    assert element_text(doc.find(".//span")) == "IcôneLéa Roy"
    drop_drawings_text(doc.iter("svg"))
    assert element_text(doc.find(".//span")) == "Léa Roy"
    assert spaced_text(doc.find(".//span")) == "Léa Roy"


@pytest.mark.parametrize("inner", ["Le budget est voté.<br>Les élus sont partis.",
                                   "Le budget est voté.<br><script>x = 1;</script>Les élus sont partis.",
                                   "<b>Le budget est voté.<br></b>Les élus sont partis."])
def test_a_line_break_in_an_element_s_text_is_a_space(inner):
    """Serialised, the text glued the two lines (``voté.Les``): a standfirst, a caption, a byline written on two lines."""
    assert element_text(parse_html(page(inner)).find(".//p")) == "Le budget est voté. Les élus sont partis."


@pytest.mark.parametrize("inner", ["<p>Le budget est voté.</p><p>Les élus sont partis.</p>",
                                   "<p>Le budget est voté.</p><div>Les élus sont partis.</div>",
                                   "<ul><li>Le budget est voté.</li><li>Les élus sont partis.</li></ul>"])
def test_the_blocks_of_a_block_are_apart_in_its_text(inner):
    """A standfirst in two paragraphs read ``voté.Les élus`` (minified pages write no space between blocks)."""
    assert element_text(parse_html(f"<html><body><div>{inner}</div></body></html>").find(".//div")) == (
        "Le budget est voté. Les élus sont partis.")
    assert element_text(parse_html(page("Le <b>budget</b> est <a href='/v'>voté</a>.")).find(".//p")) == (
        "Le budget est voté.")  # inline elements are no blocks


def test_text_outside_scripts_is_every_text_node_outside_scripts_and_styles():
    doc = parse_html(page("Prix <script>var abonné = 1;</script><b>12 €</b><style>p{}</style><noscript>n</noscript>"
                          "<svg><style>s</style><text>t</text></svg>"))
    paragraph = doc.find(".//p")
    assert text_outside_scripts(paragraph) == "Prix 12 €nt"
    assert text_outside_scripts(doc) == "".join(doc.xpath("//text()[not(ancestor::script or ancestor::style)]"))
    deep = node = lxml.html.Element("div")  # deeper than the transform goes (the parser stops at 2,048 levels)
    for _ in range(4000):
        node = etree.SubElement(node, "div")
    node.text = "abonné"
    assert text_outside_scripts(deep) == "abonné"


def test_page_bytes_passes_valid_utf8_through_and_decodes_the_rest():
    utf8 = "<html><head><meta charset='utf-8'></head><body><p>Été</p></body></html>".encode()
    assert page_bytes(utf8) == utf8
    cp1252 = "<html><head><meta charset='utf-8'></head><body><p>Été déjà</p></body></html>".encode("cp1252")
    assert "Été déjà" in page_bytes(cp1252).decode("utf-8")
    latin = "<html><head><meta charset='iso-8859-1'></head><body><p>Noël</p></body></html>".encode("latin-1")
    assert "Noël" in page_bytes(latin).decode("utf-8")
    assert parse_html(b"<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>") is not None


MANY_ERRORS = "".join(f"<p>{n}</b></p>" for n in range(120))  # more parse errors than libxml2 reports


@pytest.mark.parametrize("body", [
    page(FRENCH, "<meta charset='utf-8'>").encode(),
    codecs.BOM_UTF8 + page(FRENCH).encode(),
    page(FRENCH, "<meta charset='utf-8'>").encode("cp1252"),  # mostly not UTF-8: read as windows-1252
    page(FRENCH).encode() + b"<p>un octet \xe9 perdu</p>",  # one stray byte: UTF-8 with a replacement
    page(MANY_ERRORS + FRENCH).encode("cp1252"),
    page(MANY_ERRORS + FRENCH).encode() + b"\xff",
    page("Noël à Zürich", "<meta charset='iso-8859-1'>").encode("latin-1"),
    page(FRENCH, "<meta charset='iso-8859-1'>").encode(),
    page(FRENCH),
    b"<html><body><p>x\xed\xa0\x80y \xc0\xaf \xf4\x90\x80\x80</p></body></html>",  # surrogate, overlong, too high
])
def test_parse_page_reads_a_page_as_page_bytes_does(body):
    assert etree.tostring(parse_page(body)) == etree.tostring(parse_html(page_bytes(body)))


def test_the_parse_log_is_full_on_a_page_with_many_errors_but_not_of_repeated_ids():
    parse_html(page(MANY_ERRORS).encode())
    assert len(_parser().error_log) >= _MAX_TRUSTED_ERRORS  # parse_page then reads such a page as page_bytes does
    repeated_ids = "".join(f"<p id='x'>{n}</p>" for n in range(120))  # no table of IDs is kept: no error for each
    parse_html(f"<html><body>{repeated_ids}</body></html>".encode())
    assert len(_parser().error_log) == 0


@pytest.mark.parametrize("body", [b"", b"  \n ", "".encode("utf-16"), b"\xef\xbb\xbf"])
def test_parse_page_refuses_empty_pages(body):
    with pytest.raises(EmptyDocument):
        parse_page(body)


def test_spaced_text_separates_pieces_but_not_punctuation():
    doc = parse_html("<html><body><div id='b'><span>Par</span><a>Léa Roy</a>, <em>à Lyon</em></div></body></html>")
    assert spaced_text(doc.get_element_by_id("b")) == "Par Léa Roy, à Lyon"


@pytest.mark.parametrize("markup, text", [
    ("Un texte de <strong>Léa Roy</strong> d'<em>Enquête</em>", "Un texte de Léa Roy d'Enquête"),
    ("<span>Lu dans l’</span><em>Humanité</em>", "Lu dans l’Humanité"),
    ("<span>Jusqu'</span><b>ici</b>", "Jusqu'ici"),
    ("<span>Les élèves'</span><b>Union</b>", "Les élèves' Union"),  # no elision: a word's end
])
def test_spaced_text_runs_a_french_elision_on_into_the_next_piece(markup, text):
    """``d'<em>Enquête</em>`` was ``d' Enquête``: the apostrophe of an elision joins the next word."""
    doc = parse_html(f"<html><body><p id='b'>{markup}</p></body></html>")
    assert spaced_text(doc.get_element_by_id("b")) == text


@pytest.mark.parametrize("html, apart", [
    ("<p><a>Léa Roy</a> <a>Paul Martin</a>\n</p>", True),
    ("<p><a>Léa Roy</a>\u00a0<a>Paul Martin</a></p>", True),
    ("<p><a>Léa Roy</a> et <a>Paul Martin</a></p>", False),
    ("<p><a>Léa Roy</a> <a>Paul Martin</a>, à Lyon</p>", False),
])
def test_items_spaced_apart_have_nothing_but_spaces_after_them(html, apart):
    paragraph = lxml.html.fragment_fromstring(html)
    assert spaced_apart(paragraph) is apart


@pytest.mark.parametrize("html, label", [
    ("<p>Publié dans <a id='x'>Politique</a></p>", "Publié dans "),  # the text before it
    ("<p><span>Publié dans</span> <a id='x'>Politique</a></p>", "Publié dans"),  # an element of its own
    ("<p><strong><i class='fa fa-folder'></i> Catégories : </strong><a id='x'>Politique</a></p>", "Catégories :"),
    # the label before the element that holds the link alone (Jekyll's Minimal Mistakes), a level or two up
    ("<p><strong>Catégories :</strong><span><a id='x'>Politique</a></span></p>", "Catégories :"),
    ("<p><strong>Catégories :</strong><span><em><a id='x'>Politique</a></em></span></p>", "Catégories :"),
    ("<p><strong><em>Par</em> Léa</strong> <a id='x'>Politique</a></p>", ""),  # text in the element's elements
    ("<p><strong>Catégories :</strong><span><a id='x'>Politique</a>, <a>Société</a></span></p>", ""),  # not alone
])
def test_the_label_before_an_element(html, label):
    doc = lxml.html.fromstring(f"<div>{html}</div>")
    assert label_before(doc.get_element_by_id("x"), 40).strip() == label.strip()


def test_the_label_before_an_element_is_looked_for_a_few_levels_up_only():
    paragraph = lxml.html.fromstring("<div><p><strong>Catégories :</strong><span></span></p></div>").find(".//span")
    for _ in range(3000):  # each element holds the next alone
        paragraph = etree.SubElement(paragraph, "span")
    link = etree.SubElement(paragraph, "a")
    link.text = "Politique"
    assert label_before(link, 40) == ""


@pytest.mark.parametrize(("copies", "icons", "few"), [
    (False, 4, True),  # 1 + 4 × 2 nodes
    (True, 4, True),  # and a <noscript> copy of each icon, not counted
    (False, 6, False),  # 1 + 6 × 2 nodes: more than 12
    (True, 6, False),
    (True, 40, False),  # far more than 12 nodes: not read further
])
def test_a_lazy_loaded_image_s_noscript_copy_is_no_node_of_a_small_element(copies, icons, few):
    icon = "<span><img data-src='/i.svg'>{}</span>".format("<noscript><img src='/i.svg'></noscript>" if copies else "")
    line = lxml.html.fromstring(f"<div>{icon * icons}</div>")
    assert holds_few_nodes(line, 12) is few
