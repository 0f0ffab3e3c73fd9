"""The page index: what one walk over a page lists for the readers."""

from __future__ import annotations

import re

from newsarchive.extraction import index as index_module
from newsarchive.extraction.index import MAX_LINK_CANDIDATES, PageIndex
from newsarchive.extraction.parsing import parse_html
from newsarchive.extraction.vocabulary.classes import BYLINE_HINTS
from newsarchive.extraction.vocabulary.images import MEDIA_WORDS
from newsarchive.extraction.vocabulary.indexed import INDEX_OR_MEDIA_HINT, INDEXED_HINTS

PAGE = """<html><head><meta property="og:title" content="T"></head><body>
<div class="Post-Byline" id="auteur">Par Léa</div>
<span role="note" class="x">sans mot</span>
<div class="photo-wrap"><img src="a.jpg"></div>
<figure><figcaption>Une légende</figcaption></figure>
<div itemscope itemtype="https://schema.org/NewsArticle"><h1>Titre</h1></div>
<a href="/tag/climat/" rel="">climat</a> <a href="/auteur/lea/" rel="author">Léa</a> <a href="/x/">x</a>
</body></html>""".encode()


def test_the_index_lists_hinted_elements_with_their_joined_lowered_label_and_position():
    index = PageIndex(parse_html(PAGE))
    hinted = index.matching(BYLINE_HINTS)
    assert [h.element.text for h in hinted] == ["Par Léa"]
    assert hinted[0].label == "post-byline auteur"  # class then id, in the element's attribute order
    assert index.elements[hinted[0].position] is hinted[0].element


def test_media_holds_figures_and_elements_named_like_images_in_page_order():
    index = PageIndex(parse_html(PAGE))
    assert [element.tag for element in index.media] == ["div", "figure", "figcaption"]
    assert all("photo" not in h.label for h in index.hinted)  # an image word alone is no reader's hint


def test_links_with_a_rel_and_links_to_tag_pages():
    index = PageIndex(parse_html(PAGE))
    assert [a.text for a in index.rel_links] == ["Léa"]  # an empty rel is none
    assert [a.text for a in index.rel_links_with("author")] == ["Léa"]
    assert [a.text for a in index.tag_links] == ["climat"]
    assert [e.get("itemtype") for e in index.itemscopes] == ["https://schema.org/NewsArticle"]


def test_links_kept_are_bounded():
    links = "".join(f'<a rel="tag" href="/tag/t{n}/">t{n}</a>' for n in range(MAX_LINK_CANDIDATES + 5))
    index = PageIndex(parse_html(f"<html><body>{links}</body></html>".encode()))
    assert len(index.rel_links) == len(index.tag_links) == MAX_LINK_CANDIDATES
    assert index.rel_links[-1].text == f"t{MAX_LINK_CANDIDATES - 1}"


def test_the_label_kinds_kept_between_pages_are_bounded(monkeypatch):
    monkeypatch.setattr(index_module, "_MAX_KINDS", 3)
    monkeypatch.setattr(index_module, "_KINDS", {})
    spans = "".join(f'<span class="c{n}">x</span>' for n in range(10))
    PageIndex(parse_html(f'<html><body>{spans}<p class="byline">Par Léa</p></body></html>'.encode()))
    assert len(index_module._KINDS) <= 3
    index = PageIndex(parse_html(f'<html><body>{spans}<p class="byline">Par Léa</p></body></html>'.encode()))
    assert [h.element.text for h in index.matching(BYLINE_HINTS)] == ["Par Léa"]


def test_the_answers_kept_between_pages_are_bounded_and_still_right(monkeypatch):
    # the tag addresses and the labels' matches are kept from page to page: at most the bound and one page's new ones
    monkeypatch.setattr(index_module, "_MAX_KINDS", 3)
    monkeypatch.setattr(index_module, "_TAG_ADDRESSES", {})
    monkeypatch.setattr(index_module, "_MATCHES", {})
    for first in (0, 10, 0):
        links = "".join(f'<a class="byline b{n}" href="/tag/t{n}/">t{n}</a><a href="/p{n}/">p</a>'
                        for n in range(first, first + 5))
        index = PageIndex(parse_html(f"<html><body>{links}</body></html>".encode()))
        assert [a.text for a in index.tag_links] == [f"t{n}" for n in range(first, first + 5)]
        assert [h.element.text for h in index.matching(BYLINE_HINTS)] == [f"t{n}" for n in range(first, first + 5)]
        assert len(index_module._TAG_ADDRESSES) <= 3 + 10
        assert all(len(answers) <= 3 + 5 for answers in index_module._MATCHES.values())


def test_the_first_search_of_a_label_finds_every_index_and_media_word():
    words = [*(word for words in INDEXED_HINTS.values() for word in words), *MEDIA_WORDS]
    assert all(INDEX_OR_MEDIA_HINT.search(f"x-{word}-y") for word in words)
    assert not INDEX_OR_MEDIA_HINT.search("container row col-md-8")


def test_matching_stops_at_its_limit_counting_only_the_elements_of_its_tags_and_scope():
    page = parse_html(
        b"<html><body><section><span class='byline'>a</span><p class='byline'>b</p><p class='byline'>c</p></section>"
        b"<p class='byline'>d</p></body></html>"
    )
    index, section = PageIndex(page), page.find(".//section")
    texts = lambda found: [hinted.element.text for hinted in found]  # noqa: E731
    assert texts(index.matching(BYLINE_HINTS, ("p",), section)) == ["b", "c"]
    assert texts(index.matching(BYLINE_HINTS, ("p",), section, limit=1)) == ["b"]
    assert texts(index.matching(BYLINE_HINTS, limit=3)) == ["a", "b", "c"]


def test_labels_matching_narrows_a_list_of_hinted_elements_by_another_pattern():
    index = PageIndex(parse_html(PAGE))
    hinted = index.matching(BYLINE_HINTS)
    assert index_module.labels_matching(re.compile("auteur"), hinted) == hinted
    assert index_module.labels_matching(re.compile("nowhere"), hinted) == []
