"""The stemmed shadow of the full-text index: ``article_stems`` and ``articles_stems_fts``, kept in step.

``article_stems`` holds each article's headline, lead and body with every word replaced by its
French stem (see :mod:`newsarchive.fulltext.french`). ``articles_stems_fts`` is an FTS5 index of
those stems whose content table is ``articles``: it matches stems, while ``snippet()`` and
``highlight()`` show (and mark) the original words. Triggers in plain SQL keep the index equal to
``article_stems``, and drop an article's stems as soon as its text changes or it is deleted, by
whatever client; the archive's writer stems every article it stores, and an archive opened with
missing stems gets them back (:func:`catch_up`).
"""

from __future__ import annotations

import logging
from newsarchive.fulltext.french import stemmed_text

logger = logging.getLogger(__name__)

STEMMED_COLUMNS = ("headline", "lead", "body")
BATCH = 500


def schema(tokenizer: str) -> list[str]:
    """The statements creating the shadow table, its FTS5 index and the triggers that keep them in
    step (separate statements, so that they run inside the caller's transaction)."""
    return [statement.strip() + ";" for statement in f"""
CREATE TABLE article_stems (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    headline TEXT,                      -- the headline, each word replaced by its stem
    lead TEXT,
    body TEXT
);

CREATE VIRTUAL TABLE articles_stems_fts USING fts5(
    headline, lead, body,
    content="articles", content_rowid="id",
    tokenize="{tokenizer}"
);

CREATE TRIGGER article_stems_ai AFTER INSERT ON article_stems BEGIN
    INSERT INTO articles_stems_fts (rowid, headline, lead, body)
    VALUES (new.article_id, new.headline, new.lead, new.body);
END;

CREATE TRIGGER article_stems_ad AFTER DELETE ON article_stems BEGIN
    INSERT INTO articles_stems_fts (articles_stems_fts, rowid, headline, lead, body)
    VALUES ('delete', old.article_id, old.headline, old.lead, old.body);
END;

CREATE TRIGGER article_stems_au AFTER UPDATE ON article_stems BEGIN
    INSERT INTO articles_stems_fts (articles_stems_fts, rowid, headline, lead, body)
    VALUES ('delete', old.article_id, old.headline, old.lead, old.body);
    INSERT INTO articles_stems_fts (rowid, headline, lead, body)
    VALUES (new.article_id, new.headline, new.lead, new.body);
END;

CREATE TRIGGER articles_stems_stale AFTER UPDATE OF headline, lead, body ON articles BEGIN
    DELETE FROM article_stems WHERE article_id = old.id;
END;

CREATE TRIGGER articles_stems_gone AFTER DELETE ON articles BEGIN
    DELETE FROM article_stems WHERE article_id = old.id;
END
""".split(";\n\n")]


_INSERT_STEMS = "INSERT INTO article_stems (article_id, headline, lead, body) VALUES (?, ?, ?, ?)"


def store_stems(db, article_id: int, texts: dict, stems: tuple[str | None, ...] | None = None) -> None:
    """Stem and index one article's ``texts`` (headline, lead, body), replacing its stems; ``stems``:
    those texts already stemmed (:func:`stems_of`)."""
    db.execute("DELETE FROM article_stems WHERE article_id = ?", [article_id])
    db.execute(_INSERT_STEMS, [article_id, *(stems if stems is not None else stems_of(texts))])


def stems_of(texts: dict) -> tuple[str | None, ...]:
    """The stemmed form of each of STEMMED_COLUMNS in ``texts`` (column -> text or None)."""
    return tuple(stemmed_text(texts.get(column)) for column in STEMMED_COLUMNS)


def missing_count(db) -> int:
    """Articles without stems (new to a migrated archive, or edited by another SQLite client)."""
    articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]  # counted on an index
    # one small row per indexed article (the triggers keep the index equal to article_stems)
    return articles - db.execute("SELECT count(*) FROM articles_stems_fts_docsize").fetchone()[0]


def catch_up(db, progress=None) -> int:
    """Stem every article that has no stems, in batches; returns how many were stemmed.

    The caller holds the transaction; ``progress`` (a tqdm-like bar) is advanced per batch.
    """
    done, after = 0, 0
    while True:
        rows = db.execute(
            "SELECT a.id, a.headline, a.lead, a.body FROM articles a WHERE a.id > ? AND NOT EXISTS "
            "(SELECT 1 FROM article_stems s WHERE s.article_id = a.id) ORDER BY a.id LIMIT ?",
            [after, BATCH]).fetchall()
        if not rows:
            return done
        _insert(db, rows)
        done, after = done + len(rows), rows[-1][0]
        if progress is not None:
            progress.update(len(rows))


def _insert(db, rows: list[tuple]) -> None:
    """Insert the stems of ``(article_id, headline, lead, body)`` rows that have none."""
    db.conn.executemany(
        _INSERT_STEMS,
        [(article_id, *(stemmed_text(text) for text in texts)) for article_id, *texts in rows])


def restem_missing(db) -> int:
    """:func:`catch_up` with a progress bar (shown on a terminal only); returns the articles stemmed."""
    from newsarchive.analysis.progress import progress_bar

    missing = missing_count(db)
    if missing <= 0:
        return 0
    logger.info("Stemming %d articles for French full-text search", missing)
    with progress_bar(missing, "articles", "French search index") as bar:
        return catch_up(db, bar)
