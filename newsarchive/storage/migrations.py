"""The archive schema, as an ordered set of sqlite-utils migrations.

Never edit an applied migration: add a new function below the last one instead. Positions of
sections, captions, authors and tags start at 0 and follow the order of the page.
JSON columns hold UTF-8 JSON text (query them with SQLite's ``json_each``/``->>``).
"""

from __future__ import annotations

from sqlite_utils.migrations import Migrations

from newsarchive.storage import stems
from newsarchive.storage.initial_schema import (
    ARTICLE_URLS,
    ARTICLES,
    CONTENT,
    FTS_TOKENIZER,
    FULL_TEXT,
    HISTORY,
    RAW_PAGES,
)

MIGRATION_SET = "newsarchive"

migrations = Migrations(MIGRATION_SET)


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
