"""Article pages for the extraction tests, built from the parts a test changes: the head, the article's header,
its body, what follows the body inside the article and what lies before and after it on the page."""

from __future__ import annotations

import json

from newsarchive.extraction import extract_article

URL = "https://www.journal-test.example/societe/2025/03/01/un-article.html"
HEADLINE = "<h1>Le titre visible</h1>"
BODY = "".join(
    f"<p>Paragraphe {n} du corps de l’article, avec assez de mots pour former un vrai texte suivi.</p>"
    for n in range(1, 6)
)
FOOTER = "<footer><p>© Le Journal Test 2025</p></footer>"
_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def retold(text: str, times: int) -> list[str]:
    """``text`` told ``times`` times, each a paragraph of its own (a paragraph written again word for word is the
    page's text written twice, kept once: each names another day)."""
    return [f"{text} Et ce {_DAYS[n % 7]}-là encore ({n + 1})." for n in range(times)]
SITE_NAME = "<meta property='og:site_name' content='Le Journal Test'>"


def article_page(head: str = "", header: str = "", *, headline: str = HEADLINE, body: str = BODY, after: str = "",
                 before: str = "", end: str = FOOTER, og_type: str = "article") -> str:
    """A French article page: ``<header>`` holds the headline then ``header``, ``body`` is the article's text, ``after``
    follows it inside the article; ``before`` and ``end`` lie outside ``<main>`` (``end`` is the page's footer)."""
    og = f"<meta property='og:type' content='{og_type}'>" if og_type else ""
    return (
        f"<html lang='fr'><head><meta charset='utf-8'>{og}{head}</head><body>{before}"
        f"<main><article><header>{headline}{header}</header>"
        f"<div class='article-body'>{body}</div>{after}</article></main>{end}</body></html>"
    )


def jsonld(value) -> str:
    """A JSON-LD script holding ``value`` (a string is written as it is, to test broken JSON)."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return f'<script type="application/ld+json">{text}</script>'


def extracted(html: str | bytes, url: str = URL, **options) -> dict:
    """The record ``extract_article`` gives for the page at ``url``."""
    return extract_article(html.encode("utf-8") if isinstance(html, str) else html, url, **options)
