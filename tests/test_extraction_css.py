"""Site selectors matched in one pass (newsarchive.extraction.css) give exactly the elements of lxml's CSSSelector."""

from __future__ import annotations

import tomllib
from pathlib import Path

import lxml.html
import pytest
from lxml.cssselect import CSSSelector

from newsarchive.extraction.css import SelectorPlan
from newsarchive.extraction.selectors import Selection

ROOT = Path(__file__).parent.parent
ONEMEDIA = tomllib.loads((ROOT / "newsarchive/sites/declarations/onemedia.toml").read_text(encoding="utf-8"))

PAGE = """<html><body class="single">
<div class="post-box-meta-single"><span class="author vcard">Par <a class="author-url" href="/a/">Léa</a></span>
  <time class="entry-date published" datetime="2025-08-06T14:32:00+02:00">6 août</time>
  <time class="updated" datetime="2025-08-07">7 août</time></div>
<div class="outer"><div class="inner"><p class="x">un</p></div><p class="x">deux</p></div>
<section><div class="outer"><span><p class="x">trois</p></span></div></section>
<p class="	tabbed
  x	">tabs and new lines</p>
<p class="a\u00a0x">a non-breaking space is no separator for CSS</p>
<p class="xx">a longer class</p>
<div id="footer-copyright">© 2025</div><div id="footer-copyright-2">no</div>
<div class="post-tags"><a rel="tag" href="/t/1">un</a><a rel="nofollow tag" href="/t/2">deux</a>
  <a rel="tags" href="/t/3">non</a><a href="/t/4">non</a></div>
<ul><li><a href="/1">1</a></li><li><span><a href="/2">2</a></span></li></ul>
<h1 class="single-post-title">Titre</h1>
</body></html>"""

SELECTORS = [
    *ONEMEDIA["selectors"].values(),
    ".x", "p.x", ".outer > p", ".outer p", "body .outer p.x", "section .outer > span > p", ".outer > .inner > p",
    "body > div > p", "html", "html > body", "body", "li > a", "ul a", "ul > li a, li > a", "h1, .x, h1",
    "a[rel~=tag]", "a[rel=tag]", "a[href]", "[rel~=tag]", "*", "#footer-copyright", "div#footer-copyright",
    ".xx", ".a", ".single .outer p", "time.published.entry-date", "a:first-child", "p + p", "li:not(.x) a",
]


def documents():
    yield lxml.html.document_fromstring(PAGE)
    for page in sorted((ROOT / "tests/golden").glob("*/*/page.html")):
        yield lxml.html.document_fromstring(page.read_bytes())


@pytest.mark.parametrize("css", SELECTORS)
def test_one_pass_gives_the_elements_of_cssselector(css):
    compared = 0
    for doc in documents():
        found = Selection(doc, SELECTORS).select(css)
        expected = CSSSelector(css)(doc)
        assert found == expected, css
        compared += len(expected)
    assert compared or css in ("a[rel=tag]", ".a")


def test_the_usual_theme_selectors_are_read_in_python_and_the_rest_by_lxml():
    plan = SelectorPlan(SELECTORS)
    assert set(ONEMEDIA["selectors"].values()) <= set(plan.selectors)
    assert {"a:first-child", "p + p", "li:not(.x) a", "*", "[rel~=tag]"}.isdisjoint(plan.selectors)


def test_class_tokens_are_separated_as_cssselector_separates_them():
    doc = lxml.html.document_fromstring(PAGE)
    texts = [p.text for p in Selection(doc, [".x"]).select(".x")]
    assert "tabs and new lines" in texts
    assert "a non-breaking space is no separator for CSS" not in texts
