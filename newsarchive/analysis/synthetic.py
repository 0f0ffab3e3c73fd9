"""Archives built from the generated sample site without crawling it, for benchmarks and trials.

The records are the site's ground truth (what a perfect extraction of each page gives), so building
is cheap; the raw page, when asked for, is the page the site serves, so that ``reextract`` has
something real to work on. Everything goes through :meth:`Archive.save_articles`, like a crawl.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import timedelta
from pathlib import Path

from newsarchive.dates import PARIS
from newsarchive.sample_site import Article, SampleSite
from newsarchive.storage import Archive, SaveResult

logger = logging.getLogger(__name__)

FETCH_DELAY = timedelta(hours=2)  # between the last modification of an article and its fetch


def article_record(article: Article) -> dict:
    """The record a perfect extraction of the article's page gives (the keys of ``newsarchive extract``)."""
    return {
        "url": article.url,
        "canonical_url": article.url,
        "site": "onemedia.fr",
        "headline": article.headline,
        "title": article.headline,
        "authors": [article.author],
        "byline": f"by {article.author}",
        "published": article.published.astimezone(PARIS).isoformat(),
        "published_raw": article.published.isoformat(),
        "modified": article.modified.astimezone(PARIS).isoformat(),
        "modified_raw": article.modified.isoformat(),
        "category": article.category,
        "breadcrumb": article.breadcrumb,
        "lead": article.lead,
        "sections": [{"heading": section.heading, "level": section.level, "paragraphs": list(section.paragraphs)}
                     for section in article.sections],
        "captions": [{"text": caption.text, "image_url": caption.image_url, "credit": caption.credit,
                      "position": position} for position, caption in enumerate(article.captions)],
        "tags": list(article.tags),
        "copyright": article.copyright,
        "language": "fr",
        "image_url": article.image_url,
        "word_count": article.word_count,
        "sources": {},
        "warnings": [],
    }


def article_item(site: SampleSite, article: Article, *, keep_raw_page: bool = False) -> dict:
    """The item a crawl of the article would store: record, raw page (body only when kept), fingerprint."""
    fetched_at = (article.modified + FETCH_DELAY).isoformat()
    raw = {"url": article.url, "final_url": article.url, "status": 200, "fetched_at": fetched_at,
           "site": "onemedia.fr", "headers": {}, "sitemap_lastmod": article.modified.isoformat()}
    if keep_raw_page:
        response = site.respond("GET", article.path)
        raw["headers"] = {name.lower(): value for name, value in response.header_items()}
        raw["body"] = response.body
    return {"record": article_record(article), "raw": raw, "fingerprint": None}


def build_archive(path: str | Path, articles: int, *, raw_pages: int = 0, seed: int = 1,
                  batch_size: int = 500) -> SaveResult:
    """Write the ``articles`` of a sample site into the archive at ``path``, the newest ``raw_pages``
    of them with their page; returns what was stored."""
    site = SampleSite(articles=articles, seed=seed)
    result = SaveResult()
    with Archive.open(path) as archive:
        for batch in _batches(_items(site, raw_pages), batch_size):
            result += archive.save_articles(batch)
            logger.info("Stored %d articles in %s", result.total, path)
    return result


def _items(site: SampleSite, raw_pages: int) -> Iterator[dict]:
    for position, article in enumerate(site.articles):
        yield article_item(site, article, keep_raw_page=position < raw_pages)


def _batches(items: Iterable[dict], size: int) -> Iterator[list[dict]]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
