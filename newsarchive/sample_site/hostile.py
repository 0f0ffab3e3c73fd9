"""Hostile documents for tests and benchmarks: pathological pages, gzip bombs, sitemap traps, headers that never end.

Each function returns the bytes a hostile site would serve (:func:`header_flood`, a route of the loopback server
that writes them as it goes); none needs a network. The article pages
are ordinary French article pages with one pathological part, so that what can be read of them is
known: the headline, a body of :data:`PARAGRAPHS` paragraphs and whatever the function adds.
"""

from __future__ import annotations

import gzip
import json

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
PARAGRAPHS = 8
_PADDING_BLOCK = 1024 * 1024  # inflated bytes per gzip member of a bomb


def article_page(headline: str, *, head: str = "", body: str = "", published: str = "2025-08-06T14:32:00+02:00",
                 visible_date: str = "", after_headline: str = "") -> bytes:
    """A plain article page; ``head``, ``after_headline`` and ``body`` (after the text) are added as they are (raw
    HTML)."""
    paragraphs = "".join(
        f"<p>{headline} : paragraphe {number}, avec assez de texte pour être lu comme le corps d'un article, "
        f"des virgules, des mots et une phrase complète.</p>" for number in range(1, PARAGRAPHS + 1))
    date_meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    date_line = f'<p class="post-date">{visible_date}</p>' if visible_date else ""
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{headline}</title>'
            f'<meta property="og:title" content="{headline}">{date_meta}{head}</head><body><article>'
            f'<h1 class="entry-title">{headline}</h1>{after_headline}{date_line}'
            f'<div class="entry-content">{paragraphs}</div>'
            f'{body}</article></body></html>').encode()


def tag_cloud_page(headline: str, tags: int = 10_000) -> bytes:
    """An article followed by ``tags`` links to tag pages, each in its own block (the costliest layout)."""
    links = "".join(f'<div><span><a href="/tag/sujet-{n}/">Sujet {n}</a></span></div>' for n in range(tags))
    return article_page(headline, body=f'<div class="nuage">{links}</div>')


def nested_page(headline: str, depth: int = 100_000) -> bytes:
    """An article followed by ``depth`` nested elements."""
    return article_page(headline, body="<div>" * depth + "fond" + "</div>" * depth)


def empty_blocks_page(headline: str, depth: int = 5_000) -> bytes:
    """An article whose headline is followed by ``depth`` nested empty blocks before its text (an ad's slots gone
    mad): what follows the headline is read for its byline and standfirst."""
    return article_page(headline, after_headline="<div>" * depth + "</div>" * depth)


def crowded_tag(attributes: int = 200_000) -> str:
    """One ``<div>`` of ``attributes`` attributes, each named apart: libxml2 takes hours to parse 200,000."""
    return "<div " + " ".join(f'data-a{number}="v"' for number in range(attributes)) + "></div>"


def deep_jsonld_page(headline: str, depth: int = 100_000) -> bytes:
    """An article whose JSON-LD nests ``depth`` arrays inside a NewsArticle."""
    script = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
              f'{json.dumps(headline)}, "about": ' + "[" * depth + "]" * depth + "}</script>")
    return article_page(headline, head=script)


def number_headline_page(headline: str) -> bytes:
    """An article whose JSON-LD headline is a (huge) number; its ``<h1>`` is the headline."""
    script = ('<script type="application/ld+json">{"@type": "NewsArticle", '
              '"headline": 123456789012345678901234567890, "wordCount": 1e999}</script>')
    return article_page(headline, head=script).replace(f'content="{headline}"'.encode(), b'content=""', 1)


def extreme_dates_page(headline: str, published: str = "0001-01-01T00:00:00+14:00",
                       visible_date: str = "il y a 99999999999999999999 jours") -> bytes:
    """An article whose dates are out of the range of dates."""
    return article_page(headline, published=published, visible_date=visible_date)


def sitemap(urls: list[str]) -> bytes:
    entries = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="{SITEMAP_NS}">{entries}</urlset>'.encode()


def sitemap_index(urls: list[str]) -> bytes:
    entries = "".join(f"<sitemap><loc>{url}</loc></sitemap>" for url in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="{SITEMAP_NS}">{entries}</sitemapindex>'.encode()


def gzip_bomb_sitemap(urls: list[str], inflated_bytes: int) -> bytes:
    """A gzip sitemap listing ``urls`` first, then padded with blanks to about ``inflated_bytes`` once
    inflated (gzip members of 1 MiB of blanks: 3 GB inflate from about 3 MB)."""
    head, tail = sitemap(urls).split(b"</urlset>")
    block = gzip.compress(b" " * _PADDING_BLOCK, 9)
    return gzip.compress(head, 9) + block * (inflated_bytes // _PADDING_BLOCK) + gzip.compress(tail + b"</urlset>", 9)


HEADER_LINE = 100  # bytes of each header line of a header flood, "\r\n" included


def header_flood(page: bytes, header_bytes: int | None):
    """A route of :mod:`.loopback` that answers ``page`` after about ``header_bytes`` bytes of headers (lines of
    :data:`HEADER_LINE` bytes), or after headers that never end (None) until the client leaves."""
    def answer(handler) -> None:
        padding, sent = b"x" * (HEADER_LINE - 22), 0
        try:
            handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n")
            while header_bytes is None or sent < header_bytes:
                first = sent // HEADER_LINE
                block = b"".join(b"X-Padding-%08d: %s\r\n" % (first + line, padding) for line in range(640))
                handler.wfile.write(block)  # 64,000 bytes a write
                sent += len(block)
            handler.wfile.write(b"Content-Length: %d\r\n\r\n%s" % (len(page), page))
        except OSError:
            pass  # the client left
        handler.close_connection = True
    return answer
