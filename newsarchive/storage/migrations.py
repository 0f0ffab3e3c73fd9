"""The archive schema, as an ordered set of sqlite-utils migrations.

Never edit an applied migration: add a new function below the last one instead. Positions of
sections, captions, authors and tags start at 0 and follow the order of the page.
JSON columns hold UTF-8 JSON text (query them with SQLite's ``json_each``/``->>``).
"""

from __future__ import annotations

from sqlite_utils.migrations import Migrations

from newsarchive.storage import stems

MIGRATION_SET = "newsarchive"
FTS_TOKENIZER = "unicode61 remove_diacritics 2"

migrations = Migrations(MIGRATION_SET)

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


@migrations(name="m001_initial_schema")
def m001_initial_schema(db):
    for script in (ARTICLES, ARTICLE_URLS, CONTENT, RAW_PAGES, HISTORY, FULL_TEXT):
        db.executescript(script)


class NewerSchema(Exception):
    """The archive was written by a newer newsarchive: its schema has migrations this code does not know."""


def check_not_newer(db) -> None:
    """Raise :class:`NewerSchema`, naming both schema versions, when ``db`` holds unknown migrations."""
    known = [migration.name for migration in migrations._migrations]
    unknown = [migration.name for migration in migrations.applied(db) if migration.name not in known]
    if unknown:
        raise NewerSchema(f"its schema version is {unknown[-1]}, newer than this newsarchive's {known[-1]}: "
                          f"upgrade newsarchive to use it")


def apply_migrations(db) -> list[str]:
    """Apply the pending migrations to ``db``; returns the names of those applied."""
    pending = [migration.name for migration in migrations.pending(db)]
    migrations.apply(db)
    return pending


ANALYSIS_VIEWS = """
CREATE VIEW articles_flat AS
SELECT
    a.id, a.url, a.site, a.headline, a.byline,
    (SELECT json_group_array(name) FROM (
        SELECT n.name FROM article_authors x JOIN authors n ON n.id = x.author_id
        WHERE x.article_id = a.id ORDER BY x.position)) AS authors,
    a.category,
    (SELECT json_group_array(name) FROM (
        SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id
        WHERE x.article_id = a.id ORDER BY x.position)) AS tags,
    a.published, substr(a.published, 1, 10) AS published_day, a.modified, a.lead, a.word_count,
    (SELECT count(*) FROM sections s WHERE s.article_id = a.id) AS sections,
    (SELECT count(*) FROM captions c WHERE c.article_id = a.id) AS captions,
    (SELECT count(*) FROM revisions r WHERE r.article_id = a.id) AS revisions,
    a.language, a.image_url, a.copyright, a.first_seen, a.last_seen, a.removed_at
FROM articles a;

CREATE VIEW articles_per_day AS
SELECT substr(published, 1, 10) AS day, site, category, count(*) AS articles, sum(word_count) AS words
FROM articles
WHERE published IS NOT NULL
GROUP BY day, site, category;

CREATE VIEW tag_cooccurrence AS
SELECT t.name AS tag, o.name AS other_tag, count(*) AS articles
FROM article_tags x
JOIN article_tags y ON y.article_id = x.article_id AND y.tag_id <> x.tag_id
JOIN tags t ON t.id = x.tag_id
JOIN tags o ON o.id = y.tag_id
GROUP BY x.tag_id, y.tag_id;

CREATE VIEW article_changes AS
SELECT r.id AS revision_id, r.article_id, a.url, a.headline, r.seen_at, f.value AS field,
       json_extract(r.previous, '$.' || f.value) AS previous_value
FROM revisions r
JOIN articles a ON a.id = r.article_id
JOIN json_each(r.changed_fields) f;
"""


@migrations(name="m002_analysis_views")
def m002_analysis_views(db):
    """Views for analysts: articles with authors and tags flattened (JSON arrays), articles per day
    per category, tag co-occurrence (each pair in both orders), and one row per changed field."""
    db.executescript(ANALYSIS_VIEWS)


RUN_OUTCOME = """
ALTER TABLE runs ADD COLUMN pages_failed INTEGER;      -- pages that could not be fetched
ALTER TABLE runs ADD COLUMN articles_removed INTEGER;  -- articles newly marked removed (404/410)
ALTER TABLE runs ADD COLUMN pid INTEGER;               -- process that ran the crawl
ALTER TABLE runs ADD COLUMN host TEXT;
"""


@migrations(name="m003_run_outcome")
def m003_run_outcome(db):
    """Runs also record failed pages, removed articles, and the process (pid, host) that ran them."""
    db.executescript(RUN_OUTCOME)


@migrations(name="m004_raw_page_extractor_site")
def m004_raw_page_extractor_site(db):
    """Raw pages record whose page class read them (``onemedia.fr`` for an offline copy on 127.0.0.1),
    so that ``newsarchive reextract`` reads them the same way."""
    db.execute("ALTER TABLE raw_pages ADD COLUMN extractor_site TEXT")


ACCESS_AND_AGENCIES = """
ALTER TABLE articles ADD COLUMN access TEXT;            -- free, subscribers or unknown
ALTER TABLE articles ADD COLUMN truncated INTEGER;      -- 1 when the stored body is a teaser
ALTER TABLE articles ADD COLUMN access_signals TEXT;    -- JSON list: what decided access and truncated
ALTER TABLE articles ADD COLUMN agencies TEXT;          -- JSON list of the news agencies the text comes from
CREATE INDEX idx_articles_access ON articles(access);
"""


@migrations(name="m005_access_and_agencies")
def m005_access_and_agencies(db):
    """Articles say who may read them (``access``), whether the stored body is a teaser (``truncated``)
    and which news agencies their text comes from (``agencies``)."""
    db.executescript(ACCESS_AND_AGENCIES)


CLUSTERS = """
CREATE TABLE article_minhashes (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature BLOB NOT NULL             -- MinHash of the lead and body's five-word shingles (128 uint32)
);
CREATE TABLE minhash_bands (
    band_key INTEGER NOT NULL,          -- one LSH band of a signature, mixed into 64 bits
    article_id INTEGER NOT NULL,
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
CREATE TABLE cluster_members (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    cluster_id INTEGER NOT NULL,        -- id of the cluster's first article
    matched_id INTEGER,                 -- the member it was found nearest to (NULL for the first)
    similarity REAL,                    -- estimated Jaccard similarity with matched_id (NULL for the first)
    clustered_at TEXT NOT NULL
);
CREATE INDEX idx_cluster_members_cluster_id ON cluster_members(cluster_id);

CREATE VIEW article_clusters AS
SELECT m.cluster_id, m.article_id, a.url, a.site, a.headline, a.published, a.agencies, a.access, a.truncated,
       a.word_count, m.matched_id, m.similarity,
       (SELECT count(*) FROM cluster_members o WHERE o.cluster_id = m.cluster_id) AS cluster_size
FROM cluster_members m
JOIN articles a ON a.id = m.article_id;

CREATE VIEW clusters AS
SELECT m.cluster_id, count(*) AS articles, count(DISTINCT a.site) AS sites,
       min(a.published) AS first_published, max(a.published) AS last_published,
       (SELECT headline FROM articles f WHERE f.id = m.cluster_id) AS headline,
       json_group_array(a.url) AS urls
FROM cluster_members m
JOIN articles a ON a.id = m.article_id
GROUP BY m.cluster_id;
"""


@migrations(name="m006_near_duplicate_clusters")
def m006_near_duplicate_clusters(db):
    """Near-duplicate clusters (newsarchive.clusters): MinHash signatures, their LSH bands, the members of
    each cluster with their similarity, and two views: ``article_clusters`` (one row per member) and
    ``clusters`` (one row per cluster). Articles stored before are clustered by ``newsarchive dupes --rebuild``."""
    db.executescript(CLUSTERS)


@migrations(name="m007_french_stems")
def m007_french_stems(db):
    """French full-text search: ``article_stems`` (headline, lead and body, each word replaced by its
    stem) and ``articles_stems_fts``, its FTS5 index showing the original text (see
    :mod:`newsarchive.storage.stems`); existing articles are stemmed here, with a progress bar."""
    for statement in stems.schema(FTS_TOKENIZER):
        db.execute(statement)
    stems.restem_missing(db)


ARTICLE_VERSIONS = """
CREATE TABLE article_versions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,           -- 1: the first fetch; then one per fetch that changed the article
    seen_at TEXT NOT NULL,              -- fetch time (the WARC-Date for an imported record)
    url TEXT,                           -- URL the page was served at
    http_status INTEGER,
    warc_file TEXT,                     -- relative to the archive's directory, or absolute; NULL: no record
    warc_offset INTEGER,                -- of the response record's gzip member
    warc_length INTEGER,
    warc_record_id TEXT,
    warc_payload_digest TEXT,           -- e.g. sha1:..., as in the record
    extractor_site TEXT,                -- whose page class read it (as raw_pages.extractor_site)
    PRIMARY KEY (article_id, version)
)
"""
ARTICLE_VERSIONS_FROM_HISTORY = (
    "CREATE INDEX idx_article_versions_warc_file ON article_versions(warc_file)",
    "INSERT INTO article_versions (article_id, version, seen_at) SELECT id, 1, first_seen FROM articles",
    "INSERT INTO article_versions (article_id, version, seen_at) SELECT article_id, "
    "1 + row_number() OVER (PARTITION BY article_id ORDER BY id), seen_at FROM revisions",
)


@migrations(name="m008_article_versions")
def m008_article_versions(db):
    """Every fetched version of an article, pointing to its WARC record. Articles archived before keep
    a version per known state (the first fetch, then each revision) without a record; ``raw_pages``
    stays the cache of the latest page (see "Your archive as a web archive" in the README).

    Statement by statement, inside the migration's transaction (``executescript`` would commit each
    one on its own: slower, and a kill could leave the migration half applied)."""
    for statement in (ARTICLE_VERSIONS, *ARTICLE_VERSIONS_FROM_HISTORY):
        db.execute(statement)
