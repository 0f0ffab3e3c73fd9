"""A blog's day header gives its posts' day, their footers the time (Canalblog, Blogger): the two make the date."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract_article

URL = "https://balades.blog.example/archives/randonnee-au-lac.html"
FETCHED_AT = "2025-01-15T10:00:00+00:00"
TEXT = ("Partie du parking du lac vers 9 heures, j'ai fait le tour par la rive nord, puis je suis montée jusqu'au "
        "puy. Le sentier est bien balisé, mais il reste quelques plaques de neige sous les hêtres.")


def blog_page(footer: str, header: str = "03 avril 2016", after: str = "") -> bytes:
    """A Canalblog-like post: the day header above it, its footer under its text, then ``after``."""
    return f"""<html lang="fr"><head><meta charset="utf-8"><title>Randonnée au lac - Les balades</title></head>
<body><div id="content"><div class="blogbody"><div class="date-header">{header}</div>
<div class="article"><h2 class="articletitle">Randonnée au lac</h2>
<div class="articlebody"><p>{TEXT}</p><p>{TEXT}</p><p>{TEXT}</p></div>
<p class="itemfooter">{footer}</p>{after}</div></div></div></body></html>""".encode()


def published(page: bytes) -> tuple[str | None, str | None]:
    record = extract_article(page, URL, fetched_at=FETCHED_AT)
    return record["published"], record["published_raw"]


@pytest.mark.parametrize("footer, time", [
    ("Posté par Martine Gidel à 18:04 - Sancy - Commentaires [2]", "18:04"),
    ("Publié par Léa Roy à 10h21 dans Randonnées", "10h21"),
])
def test_the_day_header_and_the_post_footer_s_time_make_the_date(footer, time):
    day, hour, minute = "2016-04-03", *time.replace("h", ":").split(":")
    assert published(blog_page(footer)) == (f"{day}T{hour}:{minute}:00+02:00", f"03 avril 2016 à {time}")


def test_a_day_header_with_its_own_time_keeps_it():
    assert published(blog_page("Posté par Léa Roy à 18:04", header="03 avril 2016 à 09h30")) == (
        "2016-04-03T09:30:00+02:00", "03 avril 2016 à 09h30")


@pytest.mark.parametrize("footer, after", [
    ("Posté par Martine Gidel - Sancy", ""),  # no time
    ("Posté par Martine Gidel à 18:04", '<p class="itemfooter">Posté par Paul Roy à 19:12</p>'),  # two posts' times
    ("Posté par Martine Gidel", '<div class="comment">Posté par Paul, le 5 avril 2016 à 19:00</div>'),  # a comment
])
def test_without_one_post_time_the_day_header_gives_the_day_only(footer, after):
    assert published(blog_page(footer, after=after)) == ("2016-04-03", "03 avril 2016")


def test_day_header_class_words_are_date_class_words():
    """Day headers are looked for among the elements with a date class word: whatever label the day-header words
    match (a class named for a day, a header, a date header), the match must hold a date class word."""
    from newsarchive.extraction.vocabulary.classes import DATE_HINTS, DAY_HEADER_HINTS

    labels = ["date-header", "dateheader", "post-date_header", "day-header", "dayheader", "day_header", "header",
              "entry-header", "posts-header"]
    matched = [found.group() for found in map(DAY_HEADER_HINTS.search, labels) if found]
    assert matched  # the day headers of the templates read above
    assert all(DATE_HINTS.search(words) for words in matched), matched


def hautetfort_page(footer: str) -> bytes:
    """A Hautetfort (Typepad) post: the blog's name in the banner's <h1>, the day in an h2.date, the post's title in
    an <h3>, its footer's time before where it is filed."""
    return f"""<html lang="fr"><head><meta charset="utf-8"><title>Randonnée au lac : Les balades</title></head>
<body><div id="banner"><h1 id="banner-header"><a href="/">Les balades</a></h1>
<h2 id="banner-description">Carnets de randonnée en Auvergne</h2></div>
<div id="center"><div class="content"><h2 class="date"><span>03/04/2016</span></h2>
<div class="entry"><h3 id="p1"><a href="{URL}">Randonnée au lac</a></h3>
<div class="entrybody"><p>{TEXT}</p><p>{TEXT}</p><p>{TEXT}</p></div>
<p class="posted">{footer}</p></div></div></div></body></html>""".encode()


@pytest.mark.parametrize("footer, raw", [
    ('18:45 Publié dans <a href="/randonnees/">Randonnées</a> | <a href="#comments">Commentaires (2)</a>',
     "03/04/2016 à 18:45"),
    ('Posted at 06:45 PM in <a href="/randonnees/">Randonnées</a>', "03/04/2016 à 06:45 PM"),
    ('<a href="/randonnees/">Randonnées</a> | <a href="#comments">Commentaires (2)</a>', "03/04/2016"),
])
def test_typepad_s_day_header_and_the_time_before_where_the_post_is_filed(footer, raw):
    record = extract_article(hautetfort_page(footer), URL, fetched_at=FETCHED_AT)
    assert (record["headline"], record["published_raw"], record["lead"]) == ("Randonnée au lac", raw, None)
    assert record["published"].startswith("2016-04-03")


def blogger_classic_page(timestamp: str) -> bytes:
    """Blogger's classic 'Simple' post: the blog's name in an <h1>, the day header above the posts' container, the
    post (div.post.hentry) titled in an <h3>, its footer's author, time and labels on several lines."""
    return f"""<html lang="fr"><head><meta charset="utf-8"><title>Les balades: Randonnée au lac</title></head>
<body><div class="header"><h1 class="title"><a href="/">Les balades</a></h1>
<p class="description"><span>Carnets de randonnée en Auvergne, par des marcheurs du dimanche</span></p></div>
<div class="blog-posts hfeed"><div class="date-outer"><h2 class="date-header"><span>dimanche 3 avril 2016</span></h2>
<div class="date-posts"><div class="post-outer"><div class="post hentry"><h3 class="post-title entry-title">Randonnée au lac</h3>
<div class="post-body entry-content" itemprop="description articleBody">{TEXT}<br><br>{TEXT}<br><br>{TEXT}</div>
<div class="post-footer"><div class="post-footer-line"><span class="post-author vcard">Publié par
<span class="fn"><a class="g-profile" href="/profile/1" rel="author">Léa Roy</a></span></span>
<span class="post-timestamp">à {timestamp}</span></div>
<div class="post-footer-line"><span class="post-labels">Libellés : <a href="/search/label/lac" rel="tag">lac</a>,
<a href="/search/label/Auvergne" rel="tag">Auvergne</a></span></div></div></div></div></div></div></div>
</body></html>""".encode()


@pytest.mark.parametrize("timestamp, published, raw", [
    ("<a class='timestamp-link' href='#'>18:04</a>", "2016-04-03T18:04:00+02:00", "dimanche 3 avril 2016 à 18:04"),
    ("<a class='timestamp-link' href='#'><abbr class='published' title='2016-04-03T18:04:00+02:00'>18:04</abbr></a>",
     "2016-04-03T18:04:00+02:00", "2016-04-03T18:04:00+02:00"),
])
def test_blogger_s_classic_post_its_title_day_header_footer_and_labels(timestamp, published, raw):
    record = extract_article(blogger_classic_page(timestamp), URL, fetched_at=FETCHED_AT)
    assert (record["headline"], record["lead"]) == ("Randonnée au lac", None)
    assert (record["published"], record["published_raw"]) == (published, raw)
    assert (record["authors"], record["tags"]) == (["Léa Roy"], ["lac", "Auvergne"])
