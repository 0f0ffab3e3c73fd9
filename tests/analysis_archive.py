"""Small archives for the analysis and CLI tests: a few invented articles with known words, tags and dates.

The articles are published on a SampleSite, so each stored item has the real page the site renders
(for ``reextract``) and the site's ground truth as its record.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from newsarchive.analysis.synthetic import article_item
from newsarchive.sample_site import Article, Caption, SampleSite, Section
from newsarchive.storage import Archive

SITE_URL = "https://onemedia.fr/"


def at(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(f"{day}T{hour:02d}:00:00").replace(tzinfo=timezone.utc)


def make_article(headline, category, author, tags, day, paragraphs, *, heading=None, lead=None, captions=()):
    sections = [Section(None, None, list(paragraphs[:1]))]
    if heading:
        sections.append(Section(heading, 2, list(paragraphs[1:])))
    else:
        sections[0].paragraphs += paragraphs[1:]
    published = at(day)
    return Article(headline=headline, author=author, category=category, published=published,
                   modified=published, sections=sections, tags=list(tags), lead=lead,
                   captions=[Caption(text, f"wp-content/uploads/2025/08/{index}.jpg", credit)
                             for index, (text, credit) in enumerate(captions)])


ARTICLES = [
    make_article(
        "Les États-Unis relèvent leurs droits de douane sur l’acier", "International", "Julien Morel",
        ["États-Unis", "Commerce"], "2025-08-04",
        ["Washington a annoncé mardi une hausse des taxes sur l’acier importé.",
         "Les industriels européens redoutent une guerre commerciale.",
         "Bruxelles prépare une riposte mesurée."],
        heading="Une riposte européenne", captions=[("Un haut fourneau en Lorraine.", "AFP")]),
    make_article(
        "Canicule : l’école ouvre ses portes aux familles", "France", "Sara", ["Canicule", "Éducation"],
        "2025-08-05",
        ["À Lyon, une école climatisée accueille les familles pendant la vague de chaleur.",
         "La préfecture a déclenché le plan canicule."],
        lead="Une initiative inédite de la mairie."),
    make_article(
        "La Banque de France revoit sa prévision de croissance", "Économie", "Camille Lefèvre",
        ["Croissance", "Commerce"], "2025-08-06",
        ["Le gouverneur a présenté des chiffres prudents pour l’année.",
         "Le gouvernement espère un rebond à l’automne."]),
    make_article(
        "Le gouvernement présente son projet de loi de finances", "Politique", "Sara",
        ["Budget", "Croissance"], "2025-08-11",
        ["Le projet de loi de finances prévoit des économies importantes.",
         "L’opposition dénonce un budget injuste."],
        heading="Des économies dans tous les ministères"),
    make_article(
        "Tour de France : une étape de montagne décisive", "Sport", "Inès Benali", ["Cyclisme"], "2025-07-28",
        ["Le maillot jaune a résisté dans la dernière ascension.",
         "Les favoris se sont neutralisés jusqu’au sommet."]),
]
FIRST_FETCH = "2025-08-12T08:00:00+00:00"


def publish(articles=ARTICLES, base_url: str = SITE_URL) -> tuple[SampleSite, list[Article]]:
    site = SampleSite(articles=0, base_url=base_url)
    published = [site.add_article(article) for article in articles]
    return site, published


def build_archive(path: Path, articles=ARTICLES, *, raw_pages: bool = True, runs: bool = True,
                  base_url: str = SITE_URL) -> dict[str, int]:
    """Write the articles into a new archive at ``path``; returns their ids by headline."""
    site, published = publish(articles, base_url)
    items = [article_item(site, article, keep_raw_page=raw_pages) for article in published]
    for item in items:
        item["raw"]["fetched_at"] = FIRST_FETCH
    with Archive.open(path) as archive:
        archive.save_articles(items)
        if runs:
            record_runs(archive)
        return {article.headline: archive.article_id(article.url) for article in published}


def record_runs(archive: Archive) -> None:
    first = archive.start_run("onemedia", {"NEWSARCHIVE_DB": str(archive.path)})
    archive.finish_run(first, status="success", finish_reason="finished", stats={
        "response_received_count": 12, "newsarchive/articles_new": 5, "log_count/ERROR": 0})
    second = archive.start_run("onemedia", {})
    archive.finish_run(second, status="interrupted", finish_reason="shutdown", stats={
        "response_received_count": 3, "log_count/ERROR": 2})


def copy_archive(source: Path, target: Path) -> Path:
    """A copy of a closed archive (its WAL was checkpointed when it was closed)."""
    shutil.copyfile(source, target)
    return target


def later(iso: str, hours: int) -> str:
    return (datetime.fromisoformat(iso) + timedelta(hours=hours)).isoformat()
