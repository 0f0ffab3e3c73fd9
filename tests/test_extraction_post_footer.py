"""The byline of a blog post's footer (newsarchive.extraction.post_footer), alone and in the article record."""

import lxml.html
import pytest

from article_pages import article_page, extracted
from newsarchive.extraction.post_footer import posted_by

UNDATED_URL = "https://www.petit-journal.example/actualites/le-budget-vote/"


@pytest.mark.parametrize("footer, byline", [
    ("<div class='post-footer'>Posté par Léa Roy le 12/03/2024 à 10:05</div>",
     "Posté par Léa Roy le 12/03/2024 à 10:05"),
    ("<p><small>Article publié le 12 mars 2024 à 10h05 par Léa Roy</small></p>",
     "Article publié le 12 mars 2024 à 10h05 par Léa Roy"),
    ("<div class='infos'><p>Écrit par Léa Roy le 12 mars 2024</p><p>Partager</p></div>",
     "Écrit par Léa Roy le 12 mars 2024"),
    ("<p>Posté par Léa Roy à 18:04</p>", "Posté par Léa Roy"),  # Blogger's: the time bounds the name
    ("<dl class='infos'><dd>Posté par Léa Roy le 12/03/2024</dd></dl>", "Posté par Léa Roy le 12/03/2024"),
    ("<section>Écrit par Léa Roy le 12 mars 2024</section>", "Écrit par Léa Roy le 12 mars 2024"),
])
def test_the_one_signed_and_dated_line_of_a_post_is_its_byline(footer, byline):
    scope = lxml.html.fragment_fromstring(f"<article><h1>Le budget voté</h1><p>Le texte.</p>{footer}</article>")
    assert posted_by(scope) == byline


@pytest.mark.parametrize("footer", [
    "<p>Posté par Léa Roy le 12/03/2024</p><p>Posté par Paul Martin le 13/03/2024</p>",  # a page of posts
    "<p>Publié par Météo-France le 12 mars, le bulletin annonce des orages sur la région.</p>",  # a sentence
    "<p>Posté par Léa Roy</p>",  # no date: not a post's footer
])
def test_no_byline_from_several_lines_a_sentence_or_a_line_without_a_date(footer):
    scope = lxml.html.fragment_fromstring(f"<article><h1>Le budget voté</h1><p>Le texte.</p>{footer}</article>")
    assert posted_by(scope) is None


def test_many_signed_lines_are_a_page_of_posts_read_no_further():
    """The same line many times (a page of posts by one author, or a hostile page) gives none, and the reading stops
    after a few: each line was compared with all those before it (5,000 lines took 12 s)."""
    lines = "<p>Posté par Léa Roy le 12/03/2024</p>" * 5000
    assert posted_by(lxml.html.fragment_fromstring(f"<article><h1>Le budget voté</h1>{lines}</article>")) is None


def test_a_post_signed_in_its_footer_has_its_author():
    """``Posté par Léa Roy le 12/03/2024 à 10:05`` after the text named no author: only Blogger's form, the name and
    the time, was read."""
    footer = "<div class='post-footer'>Posté par Léa Roy le 12/03/2024 à 10:05</div>"
    assert extracted(article_page(after=footer), UNDATED_URL)["authors"] == ["Léa Roy"]


def test_a_post_dated_in_its_footer_alone_has_its_date_and_time():
    """No date near the headline, the post's footer signs and dates it: the day and the time, where htmldate's last
    resort gave the day alone."""
    lines = "<br><br>".join(f"Ligne {n} du texte de l'article, tapée entre deux sauts de ligne." for n in range(8))
    html = (f"<html lang='fr'><head><meta charset='utf-8'></head><body><article><h1>Le budget voté</h1>{lines}"
            f"<p class='infos'>Posté par Léa Roy le 12/03/2024 à 10:05</p></article></body></html>")
    record = extracted(html, UNDATED_URL, fetched_at="2024-03-20T09:00:00Z")
    assert (record["published"], record["published_raw"]) == ("2024-03-12T10:05:00+01:00", "12/03/2024 à 10:05")


def test_a_date_near_the_headline_outranks_the_post_footers():
    footer = "<div class='post-footer'>Posté par Léa Roy le 12/03/2024 à 10:05</div>"
    html = article_page(header="<p class='date'>Publié le 11 mars 2024 à 08h00</p>", after=footer)
    assert extracted(html, UNDATED_URL, fetched_at="2024-03-20T09:00:00Z")["published"] == "2024-03-11T08:00:00+01:00"


def test_a_number_near_the_headline_that_is_no_date_leaves_the_post_s_footer_its_date():
    """A page without ``<article>`` nor ``<main>``: the lines near the headline are its container's siblings, the
    site's footer among them, whose licence's number (``CC BY-SA 4.0``) made it a text that may show a date; none
    did, and the post's footer was read no more (the last resort's day alone)."""
    lines = "<br><br>".join(f"Ligne {n} du texte de l'article, tapée entre deux sauts de ligne." for n in range(8))
    html = (f"<html lang='fr'><head><meta charset='utf-8'></head><body><div><a href='/'>Accueil</a></div>"
            f"<div><h1>Le budget voté</h1>{lines}<p>Posté par Léa Roy le 12/03/2024 à 10:05</p></div>"
            "<div><p>Textes sous licence Creative Commons BY-SA 4.0 – Les Amis du Lavoir</p></div></body></html>")
    record = extracted(html, UNDATED_URL, fetched_at="2024-03-20T09:00:00Z")
    assert (record["published"], record["published_raw"]) == ("2024-03-12T10:05:00+01:00", "12/03/2024 à 10:05")


@pytest.mark.parametrize("near", [
    "<p><a href='/actualites/'>Actualités</a> | Mis à jour le 14 mars 2024</p>",  # a modified date alone
    "<div><p>Écouter l'article</p><audio src='/a.mp3' controls></audio><span>03:25</span></div>",  # a length
])
def test_a_text_near_the_headline_that_dates_no_publication_leaves_the_post_s_footer_its_date(near):
    """The post's footer was read only when no text near the headline wrote a date: a modified date alone, or the
    length of the article's audio, left the published date to the last resort's day."""
    lines = "<br><br>".join(f"Ligne {n} du texte de l'article, tapée entre deux sauts de ligne." for n in range(8))
    html = (f"<html lang='fr'><head><meta charset='utf-8'></head><body><article><h1>Le budget voté</h1>{near}{lines}"
            f"<p class='infos'>Posté par Léa Roy le 12/03/2024 à 10:05</p></article></body></html>")
    record = extracted(html, UNDATED_URL, fetched_at="2024-03-20T09:00:00Z")
    assert (record["published"], record["published_raw"]) == ("2024-03-12T10:05:00+01:00", "12/03/2024 à 10:05")
