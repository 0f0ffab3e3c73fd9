"""The revision history of an article: for each change, every field's value before and after.

The ``revisions`` table keeps the values a change replaced; the value that replaced them is the
one kept by the next revision of the same field, or the article's current value.
"""

from __future__ import annotations

import json

from newsarchive.storage.writer import ArticleWriter


def article_revisions(db, article_id: int) -> list[dict]:
    """The revisions of an article, oldest first: ``{id, seen_at, changes: {field: {before, after}}}``."""
    rows = db.execute(
        "SELECT id, seen_at, changed_fields, previous FROM revisions WHERE article_id = ? ORDER BY seen_at, id",
        [article_id]).fetchall()
    if not rows:
        return []
    after = ArticleWriter(db).load_content(article_id)
    revisions = []
    for revision_id, seen_at, changed, previous in reversed(rows):
        previous = json.loads(previous)
        changes = {name: {"before": previous.get(name), "after": after.get(name)} for name in json.loads(changed)}
        revisions.append({"id": revision_id, "seen_at": seen_at, "changes": changes})
        after = {**after, **previous}
    return revisions[::-1]
