"""The generated onemedia.fr: its articles (the ground truth), and the answer to each request."""

from __future__ import annotations

import dataclasses
import itertools
import logging
import random
import threading
from datetime import datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit

from newsarchive.sample_site import vocabulary as vocab
from newsarchive.sample_site.catalog import Catalog
from newsarchive.sample_site.corpus import ArticleWriter, revise, timeline
from newsarchive.sample_site.model import PARENT_CATEGORY, Article, Caption, Category, slugify
from newsarchive.sample_site.routes import Router

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://onemedia.fr/"
DEFAULT_ARTICLES = 40
DEFAULT_SEED = 1
#: The site's clock when it is generated; the newest article was published shortly before.
DEFAULT_NOW = datetime(2025, 8, 20, 8, 0, tzinfo=timezone.utc)
MIB = 1024 * 1024
FIRST_POST_ID = 120
TESTS_CATEGORY = Category("Tests", "tests", 99)


class SampleSite:
    """An offline onemedia.fr with ``articles`` generated articles, served from memory.

    ``articles`` (the property) is the ground truth, newest first. Pages link with absolute URLs
    built from ``base_url``. ``with_faults`` links the bad-input pages of
    :data:`newsarchive.sample_site.faults.FAULT_PATHS` from ``/category/tests/`` (they answer
    by URL either way).
    """

    def __init__(
        self,
        articles: int = DEFAULT_ARTICLES,
        seed: int = DEFAULT_SEED,
        base_url: str = DEFAULT_BASE_URL,
        *,
        with_faults: bool = False,
        sitemap_size: int = 1000,
        page_size: int = 10,
        oversized_bytes: int = 6 * MIB,
        now: datetime = DEFAULT_NOW,
    ):
        if articles < 0 or sitemap_size < 1 or page_size < 1:
            raise ValueError("articles must be >= 0, sitemap_size and page_size >= 1")
        self.base_url = base_url.rstrip("/") + "/"
        self.seed = seed
        self.with_faults = with_faults
        self.sitemap_size = sitemap_size
        self.page_size = page_size
        self.oversized_bytes = oversized_bytes
        self.now = now
        self.lock = threading.RLock()
        self.catalog = Catalog()
        self._categories = {
            slugify(name): Category(name, slugify(name), 2 + index)
            for index, name in enumerate((PARENT_CATEGORY, *vocab.CATEGORIES))
        }
        self._generated = 0
        self._next_post_id = FIRST_POST_ID
        self._advances = 0
        self._publish_generated(timeline(seed, articles, now - timedelta(minutes=40), now))
        self._make_duplicate()
        self.router = Router(self)

    # -- ground truth -------------------------------------------------------------------------

    @property
    def articles(self) -> list[Article]:
        """Every published article, newest first."""
        with self.lock:
            return list(self.catalog.newest)

    @property
    def categories(self) -> list[Category]:
        """Categories that hold articles (the parent ``Actualité`` excluded)."""
        with self.lock:
            return [category for slug, category in self._categories.items()
                    if any(article.category_slug == slug for article, _ in self.catalog.group(f"category:{slug}"))]

    @property
    def authors(self) -> list[str]:
        with self.lock:
            return sorted({article.author for article in self.catalog.newest})

    @property
    def duplicate(self) -> Article | None:
        """The article also served under a second URL (``alias_urls``), if any."""
        with self.lock:
            return next((article for article in self.catalog.newest if article.alias_paths), None)

    def article(self, url_or_path: str) -> Article | None:
        """The article served at a URL or path (aliases included), or None."""
        return self.catalog.by_path.get(urlsplit(url_or_path).path or "/")

    def url(self, path: str) -> str:
        return self.base_url + path.lstrip("/")

    # -- changes ------------------------------------------------------------------------------

    def add_article(self, article: Article) -> Article:
        """Publish an article built elsewhere; returns the stored copy, with ``url`` and IDs set.

        Relative image URLs are made absolute; a slug already taken gets a ``-2`` suffix.
        """
        with self.lock:
            return self._publish(dataclasses.replace(article))

    def _publish_generated(self, moments: list[tuple[datetime, datetime]]) -> list[Article]:
        published = []
        for first, last in moments:
            writer = ArticleWriter(self.seed, self._generated)
            self._generated += 1
            published.append(self._publish(writer.write(first, last)))
        return published

    def _publish(self, article: Article) -> Article:
        if not article.post_id:
            article.post_id = self._next_post_id
            self._next_post_id += 3
        article.slug = self._free_slug(article)
        article.url = self.url(article.path)
        article.alias_urls = [self.url(path) for path in article.alias_paths]
        article.image_url = article.image_url and urljoin(self.base_url, article.image_url)
        article.captions = self._placed_captions(article)
        self.category(article.category_slug, article.category)
        self.catalog.add(article)
        return article

    def _placed_captions(self, article: Article) -> list[Caption]:
        """Captions with absolute image URLs, in page order (by the section they follow)."""
        count = max(len(article.sections), 1)
        captions = [
            dataclasses.replace(caption, image_url=caption.image_url and urljoin(self.base_url, caption.image_url))
            for caption in article.captions
        ]
        return sorted(captions, key=lambda caption: caption.section % count)

    def _free_slug(self, article: Article) -> str:
        base, slug, number = article.slug, article.slug, 1
        while self.catalog.path_taken(f"/{article.category_slug}/{slug}/"):
            number += 1
            slug = f"{base}-{number}"
        return slug

    def advance(self, new: int = 0, edit: int = 0, delete: int = 0, hours: float = 1.0) -> dict:
        """Let ``hours`` pass: publish ``new`` articles, edit ``edit`` and delete ``delete`` existing ones.

        Edited articles get a new modified date (so new ``lastmod``, ``ETag`` and ``Last-Modified``),
        an update paragraph and sometimes a new headline; deleted ones answer 410. Returns the new
        clock and the URLs of each kind of change.
        """
        if min(new, edit, delete) < 0 or hours <= 0:
            raise ValueError("counts must be >= 0 and hours > 0")
        with self.lock:
            start, self.now = self.now, self.now + timedelta(hours=hours)
            rng = random.Random(f"{self.seed}:advance:{self._advances}")
            self._advances += 1
            existing = list(self.catalog.newest)
            edited = rng.sample(existing, min(edit, len(existing)))
            edited_ids = {id(article) for article in edited}
            others = [article for article in existing if id(article) not in edited_ids]
            deleted = rng.sample(others, min(delete, len(others)))
            step = (self.now - start) / (new + 1)
            added = self._publish_generated([(start + step * (i + 1),) * 2 for i in range(new)])
            for article in edited:
                latest = max(article.modified, start) + timedelta(minutes=1)
                modified = min(latest + timedelta(minutes=rng.randint(0, 30)), self.now)
                self.catalog.replace(article, revise(article, modified, rng))
            for article in deleted:
                self.catalog.remove(article)
        logger.info("Sample site now %s: %d new, %d edited, %d deleted", self.now, new, len(edited), len(deleted))
        return {"now": self.now.isoformat(), "new": [article.url for article in added],
                "edited": [article.url for article in edited], "deleted": [article.url for article in deleted]}

    def _make_duplicate(self) -> Article | None:
        """Give one article a second URL, under another category, listed in that category."""
        newest = self.catalog.newest
        if len(newest) < 2:
            return None
        article = newest[len(newest) // 2]
        other = next(category for slug, category in self._categories.items()
                     if slug not in (article.category_slug, slugify(PARENT_CATEGORY)))
        alias = f"/{other.slug}/{article.slug}/"
        if self.catalog.path_taken(alias):
            return None
        updated = dataclasses.replace(article, alias_paths=[alias], alias_urls=[self.url(alias)])
        self.catalog.replace(article, updated)
        return updated

    # -- what the renderers ask -----------------------------------------------------------------

    def category(self, slug: str, name: str | None = None) -> Category:
        """The category of a slug, created (with ``name``) when new."""
        if slug not in self._categories:
            self._categories[slug] = Category(name or slug, slug, 10 + len(self._categories))
        return self._categories[slug]

    def has_category(self, slug: str) -> bool:
        return slug in self._categories or (self.with_faults and slug == TESTS_CATEGORY.slug)

    def menu_categories(self) -> list[Category]:
        return [self._categories[slugify(PARENT_CATEGORY)], *self.categories]

    def footer_categories(self) -> list[tuple[str, str]]:
        return [(TESTS_CATEGORY.slug, TESTS_CATEGORY.name)] if self.with_faults else []

    def category_size(self, slug: str) -> int:
        return len(self.category_entries(slug))

    def category_entries(self, slug: str) -> list[tuple[Article, str]]:
        if slug == slugify(PARENT_CATEGORY):
            return self.catalog.all_entries
        return self.catalog.group(f"category:{slug}")

    def recent(self, count: int) -> list[Article]:
        return self.catalog.newest[:count]

    def tag_slug(self, tag: str) -> str:
        return slugify(tag)

    def neighbours(self, article: Article) -> tuple[Article | None, Article | None]:
        """The previous (older) and next (newer) posts."""
        newest = self.catalog.newest
        position = self.catalog.position(article)
        if position is None:
            return None, None
        older = newest[position + 1] if position + 1 < len(newest) else None
        return older, newest[position - 1] if position else None

    def related(self, article: Article, count: int) -> list[Article]:
        entries = self.catalog.group(f"category:{article.category_slug}")
        return list(itertools.islice((other for other, _ in entries if other is not article), count))

    # -- serving --------------------------------------------------------------------------------

    def respond(self, method: str, target: str, headers=None):
        """The :class:`~newsarchive.sample_site.routes.Response` to a request for ``target``."""
        with self.lock:
            return self.router.respond(method, target, headers or {})
