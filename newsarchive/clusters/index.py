"""Near-duplicate clusters kept in the archive, updated one article at a time as articles are stored.

Each article with enough text has its MinHash signature in ``article_minhashes`` and its LSH band keys
in ``minhash_bands`` (an SQLite index: nothing to load before a crawl, and a rolled-back batch leaves
no trace). A new article looks up the articles sharing a band, estimates its similarity with each, and
joins the cluster of the most similar one when that similarity reaches MATCH_THRESHOLD; the two become
a cluster when the other was alone. A cluster is named after its first article (``cluster_id``) and
never merged with another; each member keeps the member it matched and the similarity. Only articles
in a cluster of two or more have a row in ``cluster_members``.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import NamedTuple

import numpy as np

from newsarchive.clusters.signatures import Signer, from_blob, similarity, to_blob

logger = logging.getLogger(__name__)

MATCH_THRESHOLD = 0.25  # estimated Jaccard similarity of five-word shingles to join a cluster
MAX_CANDIDATES = 30  # articles compared at most, those sharing the most band keys first: bounded work per article

_signer: Signer | None = None


def signer() -> Signer:
    """The process's Signer (its permutations are drawn once)."""
    global _signer
    if _signer is None:
        _signer = Signer()
    return _signer


class Placement(NamedTuple):
    """Where an article was placed: its cluster (None when alone), the member it matched, the similarity."""

    cluster_id: int | None
    matched_id: int | None
    similarity: float | None


class NearDuplicates:
    """The clusters of one archive database (a sqlite-utils Database), inside the caller's transaction."""

    def __init__(self, db, threshold: float = MATCH_THRESHOLD):
        self.db = db
        self.threshold = threshold

    @property
    def signer(self) -> Signer:
        return signer()

    def place(self, article_id: int, text: str,
              signed: tuple[np.ndarray | None, np.ndarray | None] | None = None) -> Placement:
        """Store the signature of a new or changed article and put it in a cluster when it has a near copy.

        A changed article leaves its cluster and is placed again, unless the cluster is named after it.
        ``signed``: the text's signature and band keys when they were computed ahead (the Signer's values).
        """
        signature, keys = signed if signed is not None else (self.signer.signature(text), None)
        previous = self._stored_signature(article_id)
        if previous is not None and signature is not None and np.array_equal(previous, signature):
            return self.placement(article_id)
        if previous is not None:
            self._forget(article_id, previous)
        current = self.placement(article_id)
        if current.cluster_id is not None and (signature is None or current.cluster_id != article_id):
            self._leave_cluster(article_id, current.cluster_id)
            current = Placement(None, None, None)
        if signature is None:
            return current
        if keys is None:
            keys = self.signer.band_keys(signature)[0]
        found = current if current.cluster_id is not None else self._join_best(article_id, signature, keys)
        self.db.execute("INSERT INTO article_minhashes (article_id, signature) VALUES (?, ?)",
                        [article_id, to_blob(signature)])
        self.db.conn.executemany("INSERT OR IGNORE INTO minhash_bands (band_key, article_id) VALUES (?, ?)",
                                 [(int(key), article_id) for key in keys])
        return found

    def placement(self, article_id: int) -> Placement:
        row = self.db.execute("SELECT cluster_id, matched_id, similarity FROM cluster_members WHERE article_id = ?",
                              [article_id]).fetchone()
        return Placement(*row) if row else Placement(None, None, None)

    def _join_best(self, article_id: int, signature: np.ndarray, keys: np.ndarray) -> Placement:
        ids, signatures = self._candidates(article_id, keys)
        if not ids:
            return Placement(None, None, None)
        scores = similarity(signature, signatures)
        best = int(np.argmax(scores))
        if scores[best] < self.threshold:
            return Placement(None, None, None)
        matched, score = ids[best], round(float(scores[best]), 4)
        cluster_id = self.placement(matched).cluster_id
        if cluster_id is None:
            cluster_id = matched
            self._add_member(matched, cluster_id, None, None)
        self._add_member(article_id, cluster_id, matched, score)
        return Placement(cluster_id, matched, score)

    def _candidates(self, article_id: int, keys: np.ndarray) -> tuple[list[int], np.ndarray]:
        marks = ", ".join("?" for _ in keys)
        rows = self.db.execute(
            f"SELECT b.article_id, m.signature FROM (SELECT article_id, count(*) AS shared FROM minhash_bands "
            f"WHERE band_key IN ({marks}) AND article_id <> ? GROUP BY article_id ORDER BY shared DESC, article_id "
            f"LIMIT {MAX_CANDIDATES}) b JOIN article_minhashes m ON m.article_id = b.article_id",
            [*(int(key) for key in keys), article_id]).fetchall()
        if not rows:
            return [], np.empty((0, 0))
        rows.sort()  # between equally similar members, the earliest
        return [row[0] for row in rows], np.vstack([from_blob(row[1]) for row in rows])

    def _add_member(self, article_id: int, cluster_id: int, matched_id: int | None, score: float | None) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO cluster_members (article_id, cluster_id, matched_id, similarity, clustered_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [article_id, cluster_id, matched_id, score, datetime.now(timezone.utc).isoformat(timespec="seconds")])

    def _stored_signature(self, article_id: int) -> np.ndarray | None:
        row = self.db.execute("SELECT signature FROM article_minhashes WHERE article_id = ?", [article_id]).fetchone()
        return from_blob(row[0]) if row else None

    def _forget(self, article_id: int, signature: np.ndarray) -> None:
        keys = self.signer.band_keys(signature)[0]
        self.db.conn.executemany("DELETE FROM minhash_bands WHERE band_key = ? AND article_id = ?",
                                 [(int(key), article_id) for key in keys])
        self.db.execute("DELETE FROM article_minhashes WHERE article_id = ?", [article_id])

    def _leave_cluster(self, article_id: int, cluster_id: int) -> None:
        """The article leaves its cluster; a cluster left with one article is no cluster any more."""
        self.db.execute("DELETE FROM cluster_members WHERE article_id = ?", [article_id])
        left = self.db.execute("SELECT article_id FROM cluster_members WHERE cluster_id = ?", [cluster_id]).fetchall()
        if len(left) == 1:
            self.db.execute("DELETE FROM cluster_members WHERE article_id = ?", [left[0][0]])
