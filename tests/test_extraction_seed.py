"""The seed article, rendered at run time into a page with the onemedia.fr markup, must come out exactly right.

The seed file (../shared/seeds/) is the rendered text of a real page, top to bottom: breadcrumb, headline,
``by <author>``, the featured image's alt text, the category, the body (sub-headings are the lines without
final punctuation), the two image captions, the tag line (``a | b | c``), "You may also like",
"Leave a Comment" and the copyright line. The test is skipped when ../shared is absent.

The no-break spaces of the rendered text (inside « ») are ``&nbsp;`` in the page, as on the real site; the
record turns them into plain spaces, so the expected values are the seed lines with whitespace collapsed.
"""

from __future__ import annotations

import html

import pytest
from seed import SEED, seed_parts

from newsarchive.extraction import extract_article
from newsarchive.sites.registry import page_class_for

URL = "https://onemedia.fr/actualite/seed-article/"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared seed article not available")


def escape(text: str) -> str:
    return html.escape(text).replace("\xa0", "&nbsp;")


def _body_html(seed: dict) -> str:
    parts = []
    for section in seed["sections"]:
        if section["heading"]:
            parts.append(f'<h2 class="wp-block-heading">{escape(section["heading"])}</h2>')
        parts.extend(f"<p>{escape(p)}</p>" for p in section["paragraphs"])
    first, second = (escape(c) for c in seed["captions"])
    parts.append(
        '<figure class="wp-block-image size-large"><img src="/wp-content/uploads/2025/08/one.jpg" alt="">'
        f'<figcaption class="wp-element-caption">{first}</figcaption></figure>'
    )
    parts.append(
        '<div id="attachment_12" class="wp-caption aligncenter"><img class="size-full wp-image-12"'
        f' src="/wp-content/uploads/2025/08/two.jpg"><p class="wp-caption-text">{second}</p></div>'
    )
    tags = "".join(
        f'<a href="https://onemedia.fr/tag/{i}/" rel="tag">{escape(tag)}</a>' for i, tag in enumerate(seed["tags"])
    )
    parts.append(f'<div class="penci-single-link-pages"></div><div class="post-tags">{tags}</div>')
    return "\n".join(parts)


def render_page(seed: dict) -> str:
    """The seed article in the markup of docs/onemedia-markup.md, with all the page furniture."""
    headline, author = escape(seed["headline"]), escape(seed["author"])
    category = escape(seed["category"])
    return f"""<!DOCTYPE html>
<html lang="fr-FR"><head><meta charset="UTF-8"><title>{headline} - OneMedia</title>
<link rel="canonical" href="{URL}">
<meta property="og:type" content="article"><meta property="og:title" content="{headline}">
<meta property="og:site_name" content="OneMedia"><meta property="og:url" content="{URL}">
<meta property="article:published_time" content="2025-08-06T12:32:00+00:00">
<meta property="og:image" content="https://onemedia.fr/wp-content/uploads/2025/08/featured.jpg">
<meta name="author" content="{author}">
</head>
<body class="post-template-default single single-post postid-7 single-format-standard">
<header id="header"><nav id="navigation"><ul class="menu">
<li class="menu-item"><a href="https://onemedia.fr/category/actualite/">Actualité</a></li>
<li class="menu-item"><a href="https://onemedia.fr/category/france/">{category}</a></li></ul></nav></header>
<div class="container penci-breadcrumb single-breadcrumb">
<span><a class="crumb" href="https://onemedia.fr/">Home</a></span><i class="penci-faicon fa fa-angle-right"></i>
<span><a class="crumb" href="https://onemedia.fr/category/actualite/">Actualité</a></span>
<i class="penci-faicon fa fa-angle-right"></i><span>{headline}</span></div>
<div class="container container-single penci_sidebar"><div id="main" class="penci-main-sticky-sidebar">
<div class="theiaStickySidebar"><article id="post-7" class="post type-post hentry category-france">
<div class="header-standard header-classic single-header">
<h1 class="post-title single-post-title entry-title">{headline}</h1>
<div class="post-box-meta-single"><span class="author-post byline"><span class="author vcard">by
<a class="author-url url fn n" href="https://onemedia.fr/author/sara/">{author}</a></span></span></div></div>
<div class="post-image"><img class="attachment-penci-full-thumb wp-post-image" src="/wp-content/uploads/featured.jpg"
 alt="{headline}" title="{headline}"></div>
<div class="penci-standard-cat penci-single-cat"><span class="cat"><a class="penci-cat-name penci-cat-12"
 href="https://onemedia.fr/category/france/" rel="category tag">{category}</a></span></div>
<div class="post-entry blockquote-style-1"><div class="inner-post-entry entry-content" id="penci-post-entry-inline">
{_body_html(seed)}
</div></div>
<div class="tags-share-box single-post-share tags-share-box-s1"><a class="penci-post-share" href="#">Facebook</a>
<a href="#">Twitter</a><a href="#">Pinterest</a><a href="#">Email</a></div>
<div class="post-pagination"><a href="https://onemedia.fr/france/precedent/">Article précédent</a></div>
<div class="post-related"><div class="post-title-box"><h4 class="post-box-title">You may also like</h4></div>
<div class="item-related"><h3><a href="https://onemedia.fr/france/autre/">Un autre article lié</a></h3></div></div>
<div class="post-comments no-comment-yet" id="comments"><div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title"><span>Leave a Comment</span></h3>
<form action="https://onemedia.fr/wp-comments-post.php" method="post" id="commentform" class="comment-form">
<p class="comment-form-comment"><textarea name="comment"></textarea></p></form></div></div>
</article></div></div>
<div id="sidebar" class="penci-sidebar-right"><aside class="widget"><h4>Articles récents</h4>
<ul><li><a href="https://onemedia.fr/france/recent/">Un article récent</a></li></ul></aside></div></div>
<footer id="footer-section"><div class="footer-menu-wrap"><ul class="footer-menu">
<li><a href="/contact/">Contact</a></li></ul></div><div id="footer-copyright"><p>{escape(seed["copyright"])}</p></div></footer>
</body></html>"""


def collapsed(value):
    """The seed value as the record holds it: every run of whitespace (no-break spaces too) one space."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [collapsed(item) for item in value]
    if isinstance(value, dict):
        return {key: collapsed(item) for key, item in value.items()}
    return value


@pytest.fixture(scope="module")
def seed_and_record():
    seed = seed_parts()
    record = extract_article(render_page(seed).encode("utf-8"), URL, fetched_at="2025-08-08T10:00:00Z",
                             page_class=page_class_for(URL))
    return collapsed(seed), record


def test_seed_headline(seed_and_record):
    seed, record = seed_and_record
    assert record["headline"] == seed["headline"]
    assert record["sources"]["headline"] == "site"


def test_seed_byline_and_authors(seed_and_record):
    seed, record = seed_and_record
    assert record["authors"] == [seed["author"]] == ["Sara"]
    assert record["byline"] == seed["byline"] == "by Sara"


def test_seed_category_and_breadcrumb(seed_and_record):
    seed, record = seed_and_record
    assert record["category"] == seed["category"] == "France"
    assert record["breadcrumb"] == ["Home", "Actualité", seed["headline"]]
    assert " ".join(record["breadcrumb"]) == seed["crumbs"]


def test_seed_sections(seed_and_record):
    seed, record = seed_and_record
    got = [(s["heading"], s["level"], s["paragraphs"]) for s in record["sections"]]
    expected = [(s["heading"], s["level"], s["paragraphs"]) for s in seed["sections"]]
    assert len([h for h, _, _ in expected if h]) == 5
    assert got == expected


def test_seed_captions(seed_and_record):
    seed, record = seed_and_record
    assert [c["text"] for c in record["captions"]] == seed["captions"]
    assert [c["image_url"] for c in record["captions"]] == [
        "https://onemedia.fr/wp-content/uploads/2025/08/one.jpg",
        "https://onemedia.fr/wp-content/uploads/2025/08/two.jpg",
    ]


def test_seed_tags(seed_and_record):
    seed, record = seed_and_record
    assert record["tags"] == seed["tags"]
    assert len(record["tags"]) == 9 and " " in record["tags"][0]


def test_seed_copyright(seed_and_record):
    seed, record = seed_and_record
    assert record["copyright"] == seed["copyright"]
    assert record["copyright"].startswith("Droits d’auteur ©")


def test_seed_dates_and_page_metadata(seed_and_record):
    _, record = seed_and_record
    assert record["published"] == "2025-08-06T14:32:00+02:00"
    assert record["language"] == "fr"
    assert record["canonical_url"] == URL
    assert record["site"] == "onemedia.fr"


@pytest.mark.parametrize(
    "furniture",
    ["You may also like", "Leave a Comment", "Facebook", "Pinterest", "Un autre article lié", "Article précédent",
     "Articles récents", "Un article récent", "Contact"],
)
def test_seed_has_no_page_furniture(seed_and_record, furniture):
    _, record = seed_and_record
    texts = [record["text"], *record["tags"], *(c["text"] for c in record["captions"])]
    assert not any(furniture in text for text in texts)


def test_seed_headline_is_not_a_paragraph(seed_and_record):
    seed, record = seed_and_record
    paragraphs = [p for s in record["sections"] for p in s["paragraphs"]]
    assert seed["headline"] not in paragraphs
    assert seed["headline"] not in record["text"].splitlines()
