"""Clustering a whole set of texts at once: the same clusters as adding them one by one, much faster.

Signatures are computed in batches; candidate pairs are the articles sharing an LSH band key (found by
sorting the keys, band by band); their similarities are compared with numpy; each article then joins,
in id order, the cluster of its most similar earlier candidate, as :class:`NearDuplicates` does when
the articles are stored one after the other. :func:`rebuild` rewrites an archive's cluster tables.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

import numpy as np

from newsarchive.clusters.index import MATCH_THRESHOLD, signer
from newsarchive.clusters.signatures import LSH_BANDS, to_blob
from newsarchive.extraction import record_text

logger = logging.getLogger(__name__)

READ_BATCH = 2000
_SIGNATURE_BATCH = 100  # texts whose shingles are hashed in one numpy pass (about 10 MB at a time)
_PAIR_CHUNK = 20_000
_MAX_GROUP = 40  # articles sharing one band key beyond which each is compared with its _NEIGHBOURS earlier ones
_NEIGHBOURS = 10


def cluster_texts(texts: Iterable[tuple[int, str]], threshold: float = MATCH_THRESHOLD) -> dict:
    """Cluster ``(id, text)`` pairs given in id order; returns ``{"ids", "signatures", "keys", "members",
    "too_short"}`` where ``members`` maps each clustered id to ``(cluster_id, matched_id or None, similarity or
    None)`` and ``too_short`` counts the texts with too few words to be signed (left out of every cluster)."""
    ids, signatures, too_short = _signatures(texts)
    keys = signer().band_keys(signatures) if ids else np.empty((0, LSH_BANDS), dtype=np.int64)
    first, second = _candidate_pairs(keys)
    members = _assign(np.asarray(ids, dtype=np.int64), signatures, first, second, threshold)
    return {"ids": ids, "signatures": signatures, "keys": keys, "members": members, "too_short": too_short}


def _signatures(texts: Iterable[tuple[int, str]]) -> tuple[list[int], np.ndarray, int]:
    ids, rows, batch, read = [], [], [], 0
    for item in texts:
        read += 1
        batch.append(item)
        if len(batch) == _SIGNATURE_BATCH:
            _sign(batch, ids, rows)
            batch = []
    _sign(batch, ids, rows)
    return ids, (np.vstack(rows) if rows else np.empty((0, 0), dtype=np.uint32)), read - len(ids)


def _sign(batch: list[tuple[int, str]], ids: list[int], rows: list[np.ndarray]) -> None:
    for (article_id, _), signature in zip(batch, signer().signatures([text for _, text in batch])):
        if signature is not None:
            ids.append(article_id)
            rows.append(signature)


def _candidate_pairs(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions (earlier, later) of the signatures that share at least one band key."""
    count = len(keys)
    codes = []
    for band in range(keys.shape[1]):
        order = np.argsort(keys[:, band], kind="stable")
        ordered = keys[order, band]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        sizes = np.diff(np.r_[starts, count])
        pairs = starts[sizes == 2]  # most shared keys are shared by two articles: paired at once
        codes.append(_codes(order[pairs], order[pairs + 1], count))
        for start, size in zip(starts[sizes > 2].tolist(), sizes[sizes > 2].tolist()):
            group = np.sort(order[start:start + size])
            if size > _MAX_GROUP:  # a key many articles share (a stock phrase): each is paired with its neighbours
                codes.extend(_codes(group[:-step], group[step:], count) for step in range(1, _NEIGHBOURS + 1))
                continue
            earlier, later = np.triu_indices(size, k=1)
            codes.append(_codes(group[earlier], group[later], count))
    unique = np.unique(np.concatenate(codes)) if codes else np.empty(0, dtype=np.int64)
    return unique // count, unique % count


def _codes(first: np.ndarray, second: np.ndarray, count: int) -> np.ndarray:
    """Pairs of positions as one integer each, the earlier position first."""
    low, high = np.minimum(first, second), np.maximum(first, second)
    return low.astype(np.int64) * count + high


def _assign(ids: np.ndarray, signatures: np.ndarray, first: np.ndarray, second: np.ndarray,
            threshold: float) -> dict[int, tuple]:
    scores = np.concatenate([
        np.count_nonzero(signatures[first[i:i + _PAIR_CHUNK]] == signatures[second[i:i + _PAIR_CHUNK]], axis=1)
        for i in range(0, len(first), _PAIR_CHUNK)
    ]) / signatures.shape[1] if len(first) else np.empty(0)
    keep = scores >= threshold
    first, second, scores = first[keep], second[keep], scores[keep]
    if not len(second):
        return {}
    # for each later article, its most similar earlier one (the earliest among equals)
    order = np.lexsort((first, -scores, second))
    first, second, scores = first[order], second[order], scores[order]
    best = np.r_[True, second[1:] != second[:-1]]
    cluster_of: dict[int, int] = {}
    members: dict[int, tuple] = {}
    for earlier, later, score in zip(first[best].tolist(), second[best].tolist(), scores[best].tolist()):
        matched, article = int(ids[earlier]), int(ids[later])
        cluster_id = cluster_of.setdefault(matched, matched)
        members.setdefault(matched, (cluster_id, None, None))
        cluster_of[article] = cluster_id
        members[article] = (cluster_id, matched, round(score, 4))
    return members


def rebuild(db, batch_size: int = READ_BATCH) -> dict[str, int]:
    """Recompute every signature and cluster of the archive ``db`` (inside the caller's transaction)."""
    result = cluster_texts(_article_texts(db, batch_size))
    for table in ("cluster_members", "minhash_bands", "article_minhashes"):
        db.execute(f"DELETE FROM {table}")
    ids, signatures, keys = result["ids"], result["signatures"], result["keys"]
    db.conn.executemany("INSERT INTO article_minhashes (article_id, signature) VALUES (?, ?)",
                        ((article_id, to_blob(signatures[row])) for row, article_id in enumerate(ids)))
    flat_ids = np.repeat(np.asarray(ids, dtype=np.int64), keys.shape[1])
    order = np.argsort(keys.ravel(), kind="stable")
    db.conn.executemany("INSERT OR IGNORE INTO minhash_bands (band_key, article_id) VALUES (?, ?)",
                        zip(keys.ravel()[order].tolist(), flat_ids[order].tolist()))
    db.conn.executemany(
        "INSERT INTO cluster_members (article_id, cluster_id, matched_id, similarity, clustered_at) "
        "VALUES (?, ?, ?, ?, datetime('now'))",
        ((article_id, *member) for article_id, member in sorted(result["members"].items())))
    clusters = len({member[0] for member in result["members"].values()})
    logger.info("Clustered %d articles: %d clusters, %d articles in them; %d articles too short to compare",
                len(ids), clusters, len(result["members"]), result["too_short"])
    return {"articles": len(ids), "clusters": clusters, "clustered": len(result["members"]),
            "too_short": result["too_short"]}


def _article_texts(db, batch_size: int) -> Iterator[tuple[int, str]]:
    last = 0
    while True:
        rows = db.execute("SELECT id, lead, body FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                          [last, batch_size]).fetchall()
        if not rows:
            return
        for article_id, lead, body in rows:
            yield article_id, record_text(lead, body or "") or ""  # headlines are rewritten by every outlet
        last = rows[-1][0]

