"""Reading the clusters of an archive: each with its articles, filtered by site and date, for ``newsarchive dupes``."""

from __future__ import annotations

import json
from collections.abc import Iterator

from newsarchive.analysis.filters import Condition, placeholders
from newsarchive.clusters.signatures import MIN_WORDS

MEMBER_COLUMNS = ("cluster_id", "id", "url", "site", "headline", "published", "agencies", "access", "truncated",
                  "word_count", "matched_id", "similarity")


def clusters(db, condition: Condition, *, limit: int | None = None) -> Iterator[dict]:
    """Clusters holding at least one article that matches ``condition`` (on the articles aliased ``a``),
    newest first (by their latest publication), each with all its articles in publication order."""
    sql = (f"SELECT m.cluster_id, max(coalesce(a.published, a.first_seen)) AS latest FROM cluster_members m "
           f"JOIN articles a ON a.id = m.article_id WHERE m.cluster_id IN (SELECT m2.cluster_id FROM cluster_members m2 "
           f"JOIN articles a ON a.id = m2.article_id WHERE {condition.sql}) "
           f"GROUP BY m.cluster_id ORDER BY latest DESC, m.cluster_id DESC")
    if limit:
        sql += f" LIMIT {int(limit)}"
    cluster_ids = [row[0] for row in db.execute(sql, condition.params)]
    for start in range(0, len(cluster_ids), 200):
        batch = cluster_ids[start:start + 200]
        members = _members(db, batch)
        for cluster_id in batch:
            yield _cluster(cluster_id, members.get(cluster_id, []))


def _members(db, cluster_ids: list[int]) -> dict[int, list[dict]]:
    rows = db.execute(
        f"SELECT m.cluster_id, a.id, a.url, a.site, a.headline, a.published, a.agencies, a.access, a.truncated, "
        f"a.word_count, m.matched_id, m.similarity FROM cluster_members m JOIN articles a ON a.id = m.article_id "
        f"WHERE m.cluster_id IN ({placeholders(cluster_ids)}) "
        f"ORDER BY m.cluster_id, coalesce(a.published, a.first_seen), a.id", cluster_ids)
    grouped: dict[int, list[dict]] = {}
    for row in rows:
        member = dict(zip(MEMBER_COLUMNS, row))
        member["agencies"] = json.loads(member["agencies"]) if member["agencies"] else []
        member["truncated"] = bool(member["truncated"])
        grouped.setdefault(member.pop("cluster_id"), []).append(member)
    return grouped


def _cluster(cluster_id: int, members: list[dict]) -> dict:
    agencies = sorted({agency for member in members for agency in member["agencies"]})
    return {
        "cluster_id": cluster_id,
        "size": len(members),
        "sites": sorted({member["site"] for member in members}),
        "agencies": agencies,
        "first_published": members[0]["published"] if members else None,
        "urls": [member["url"] for member in members],
        "articles": members,
    }


def unclustered_count(db) -> int:
    """Articles long enough to cluster that have no signature yet (stored before clusters were kept)."""
    return db.execute("SELECT count(*) FROM articles a WHERE a.word_count >= ? AND NOT EXISTS "
                      "(SELECT 1 FROM article_minhashes m WHERE m.article_id = a.id)", [MIN_WORDS]).fetchone()[0]


def paragraphs(db, article_id: int) -> list[str] | None:
    """The lead and body paragraphs of an article, or None when there is no such article."""
    row = db.execute("SELECT lead FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        return None
    found = [row[0]] if row[0] else []
    for (text,) in db.execute("SELECT paragraphs FROM sections WHERE article_id = ? ORDER BY position", [article_id]):
        found.extend(json.loads(text))
    return found
