"""The site's articles and the indexes its pages need (newest first, by modification, category, tag, author).

The indexes are rebuilt once after a change, so that serving a page costs the same whatever the
size of the site.
"""

from __future__ import annotations

from collections import defaultdict

from newsarchive.sample_site.model import Article, slugify


class Catalog:
    """Articles by path, with sorted indexes rebuilt lazily after each change."""

    def __init__(self) -> None:
        self._articles: list[Article] = []
        self.by_path: dict[str, Article] = {}
        self.removed: dict[str, Article] = {}
        self.tag_names: dict[str, str] = {}
        self._dirty = True
        self._newest: list[Article] = []
        self._all_entries: list[tuple[Article, str]] = []
        self._by_modified: list[Article] = []
        self._position: dict[int, int] = {}
        self._groups: dict[str, list[tuple[Article, str]]] = {}

    def __len__(self) -> int:
        return len(self._articles)

    def add(self, article: Article) -> None:
        self._articles.append(article)
        self._index_paths(article)
        for tag in article.tags:
            self.tag_names.setdefault(slugify(tag), tag)
        self._dirty = True

    def replace(self, old: Article, new: Article) -> None:
        self._articles[self._find(old)] = new
        self._index_paths(new)
        for tag in new.tags:
            self.tag_names.setdefault(slugify(tag), tag)
        self._dirty = True

    def remove(self, article: Article) -> None:
        del self._articles[self._find(article)]
        for path in (article.path, *article.alias_paths):
            self.by_path.pop(path, None)
            self.removed[path] = article
        self._dirty = True

    def _find(self, article: Article) -> int:
        return next(index for index, item in enumerate(self._articles) if item is article)

    def _index_paths(self, article: Article) -> None:
        for path in (article.path, *article.alias_paths):
            self.by_path[path] = article

    def path_taken(self, path: str) -> bool:
        return path in self.by_path or path in self.removed

    @property
    def newest(self) -> list[Article]:
        self._refresh()
        return self._newest

    @property
    def all_entries(self) -> list[tuple[Article, str]]:
        """(article, URL) of every article, newest first: the home page and the parent category."""
        self._refresh()
        return self._all_entries

    @property
    def by_modified(self) -> list[Article]:
        """Every article by modification date, oldest first (the order of the post sitemaps)."""
        self._refresh()
        return self._by_modified

    @property
    def newest_modified(self):
        """The latest modification date of an article, None for an empty site."""
        self._refresh()
        return self._by_modified[-1].modified if self._by_modified else None

    def group(self, key: str) -> list[tuple[Article, str]]:
        """Entries (article, link URL) of ``category:<slug>``, ``tag:<slug>`` or ``author:<slug>``."""
        self._refresh()
        return self._groups.get(key, [])

    def position(self, article: Article) -> int | None:
        """Index of a published article in :attr:`newest`, None for an article not in the catalog."""
        self._refresh()
        return self._position.get(id(article))

    def _refresh(self) -> None:
        if not self._dirty:
            return
        self._newest = sorted(self._articles, key=lambda item: (item.published, item.post_id), reverse=True)
        self._position = {id(article): index for index, article in enumerate(self._newest)}
        self._all_entries = [(article, article.url) for article in self._newest]
        self._by_modified = sorted(self._articles, key=lambda item: (item.modified, item.post_id))
        groups: dict[str, list[tuple[Article, str]]] = defaultdict(list)
        for article in self._newest:
            groups[f"category:{article.category_slug}"].append((article, article.url))
            for alias_path, alias_url in zip(article.alias_paths, article.alias_urls, strict=True):
                groups[f"category:{alias_path.strip('/').split('/')[0]}"].append((article, alias_url))
            groups[f"author:{article.author_slug}"].append((article, article.url))
            for tag in dict.fromkeys(slugify(tag) for tag in article.tags):
                groups[f"tag:{tag}"].append((article, article.url))
        self._groups = dict(groups)
        self._dirty = False
