"""The archive's first schema, created by migration ``m001_initial_schema``: its tables, full-text index and
triggers, as SQL (frozen: later changes are later migrations in :mod:`newsarchive.storage.migrations`)."""

from __future__ import annotations

FTS_TOKENIZER = "unicode61 remove_diacritics 2"


ARTICLES = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,           -- canonical URL
    site TEXT NOT NULL,
    headline TEXT,
    byline TEXT,                        -- raw byline text, e.g. "by Sara"
    category TEXT,
    breadcrumb TEXT,                    -- JSON list of labels
    lead TEXT,
    body TEXT,                          -- plain text of all sections
    published TEXT,                     -- ISO 8601 with UTC offset
    published_raw TEXT,
    modified TEXT,
    modified_raw TEXT,
    language TEXT,
    image_url TEXT,
    copyright TEXT,
    word_count INTEGER,
    fingerprint TEXT,                   -- content fingerprint of headline + body
    sources TEXT,                       -- JSON {field: extraction layer}
    warnings TEXT,                      -- JSON list of warning codes
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    fetched_at TEXT,
    http_status INTEGER,
    etag TEXT,
    last_modified TEXT,
    sitemap_lastmod TEXT,
    removed_at TEXT,                    -- set when the page answered 404/410 on a re-check
    extractor_version TEXT
);
CREATE INDEX idx_articles_published ON articles(published);
CREATE INDEX idx_articles_category ON articles(category);
CREATE INDEX idx_articles_site ON articles(site);
CREATE INDEX idx_articles_fingerprint ON articles(fingerprint);
"""

ARTICLE_URLS = """
CREATE TABLE article_urls (
    url TEXT PRIMARY KEY,               -- every URL the article was reached under
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
);
CREATE INDEX idx_article_urls_article_id ON article_urls(article_id);
"""

CONTENT = """
CREATE TABLE sections (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    heading TEXT,                       -- NULL for the opening section
    level INTEGER,                      -- 2 for <h2>, ...
    paragraphs TEXT NOT NULL,           -- JSON list of paragraph texts
    text TEXT NOT NULL,                 -- paragraphs joined by newlines
    PRIMARY KEY (article_id, position)
);
CREATE TABLE captions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT,
    image_url TEXT,
    credit TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE TABLE authors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE article_authors (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL REFERENCES authors(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX idx_article_authors_author_id ON article_authors(author_id);
CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,                 -- label as first seen
    slug TEXT NOT NULL UNIQUE           -- casefolded, accent-folded
);
CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX idx_article_tags_tag_id ON article_tags(tag_id);
"""

RAW_PAGES = """
CREATE TABLE raw_pages (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    url TEXT,
    final_url TEXT,
    status INTEGER,
    headers TEXT,                       -- JSON {lower-cased name: value}
    fetched_at TEXT,
    encoding TEXT,                      -- charset declared by the server, if any
    body BLOB,                          -- compressed page body
    compression TEXT NOT NULL           -- "zlib" or "identity"
);
"""

HISTORY = """
CREATE TABLE revisions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seen_at TEXT NOT NULL,              -- fetch time of the version that replaced these values
    changed_fields TEXT NOT NULL,       -- JSON list of field names
    previous TEXT NOT NULL              -- JSON {field: value before the change}
);
CREATE INDEX idx_revisions_article_id ON revisions(article_id);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    spider TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,               -- running, success, finished_with_errors, interrupted, failed
    finish_reason TEXT,
    settings TEXT,                      -- JSON
    stats TEXT,                         -- JSON of the crawler stats at the end
    pages_fetched INTEGER,
    pages_not_modified INTEGER,
    articles_new INTEGER,
    articles_updated INTEGER,
    articles_unchanged INTEGER,
    articles_merged INTEGER,
    errors INTEGER
);
"""

FULL_TEXT = f"""
CREATE VIRTUAL TABLE articles_fts USING fts5(
    headline, lead, body,
    content="articles", content_rowid="id",
    tokenize="{FTS_TOKENIZER}"
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, headline, lead, body)
    VALUES (new.id, new.headline, new.lead, new.body);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, headline, lead, body)
    VALUES ('delete', old.id, old.headline, old.lead, old.body);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF headline, lead, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, headline, lead, body)
    VALUES ('delete', old.id, old.headline, old.lead, old.body);
    INSERT INTO articles_fts (rowid, headline, lead, body)
    VALUES (new.id, new.headline, new.lead, new.body);
END;
"""
