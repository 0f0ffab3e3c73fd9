"""MinHash signatures of article texts, their LSH band keys, and the similarity they estimate.

A text is cut into overlapping runs of five words (shingles, case-folded): a rewrite that keeps a
sentence keeps its shingles, while two stories on one topic share words but few five-word runs. Words
are hashed once with CRC-32 and each shingle's value is the mixed hash of its words, computed for the
whole text at once with numpy (hashing each shingle in Python with SHA-1, as MinHash libraries do by default,
costs more than the MinHash itself).

The MinHash is datasketch's ``affine32`` scheme, computed here with numpy over many texts at once: each value
pre-mixed by the MurmurHash3 finalizer, then permuted by ``a * h + b`` modulo 2**32 (``a`` odd) with the
permutations numpy's legacy ``RandomState`` draws from a fixed seed; the LSH bands (``b`` bands of ``r`` values)
are the ones datasketch's ``MinHashLSH`` chooses for LSH_THRESHOLD and LSH_WEIGHTS. The archive keeps signatures
and band keys: they must not change when a library does (datasketch's default scheme changed in its 2.0), and the
tests check them against datasketch's own MinHash and LSH (a test dependency only: importing datasketch loads
scipy, a second of every worker's and writer's start-up). A band key is the band's values mixed into one signed
64-bit integer, so that the bands can live in an SQLite index.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

NUM_PERM = 128
BANDED_PERM = 64  # the LSH bands use the first 64 values; the similarity all 128 (half the noise)
SEED = 1
SHINGLE_WORDS = 5
MIN_WORDS = 30  # shorter texts are too little to tell a copy from a coincidence
LSH_THRESHOLD = 0.3  # the Jaccard similarity the bands are tuned to find (false negatives weighed 9 to 1)
LSH_WEIGHTS = (0.1, 0.9)
# datasketch's MinHashLSH(threshold=LSH_THRESHOLD, num_perm=BANDED_PERM, weights=LSH_WEIGHTS) (its integrals need
# scipy): 32 bands of 2 values, checked by tests/test_clusters.py
LSH_BANDS, LSH_ROWS = 32, 2

_WORD = re.compile(r"\w+")
_MULTIPLIERS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                         0xFF51AFD7ED558CCD], dtype=np.uint64)
_BAND_MIX = np.uint64(0x94D049BB133111EB)
# MurmurHash3's 32-bit finalizer: (shift, multiplier, shift, multiplier, shift)
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


class _WordHashes(dict):
    """CRC-32 of each word, computed on first sight."""

    def __missing__(self, word: str) -> int:
        value = self[word] = zlib.crc32(word.encode("utf-8"))
        return value


class Signer:
    """Computes MinHash signatures and LSH band keys; one per process is enough (it holds no article)."""

    def __init__(self):
        self.permutations = permutations(NUM_PERM, SEED)
        self._word_hashes = _WordHashes()

    def words(self, text: str) -> list[str]:
        return _WORD.findall(text.casefold())

    def shingles(self, words: list[str]) -> np.ndarray:
        """The 32-bit values of the text's five-word shingles (repeats do not change a MinHash)."""
        cache = self._word_hashes
        if len(cache) > 1_000_000:
            cache.clear()
        ids = np.fromiter(map(cache.__getitem__, words), dtype=np.uint64, count=len(words))
        count = len(ids) - SHINGLE_WORDS + 1
        mixed = np.zeros(count, dtype=np.uint64)
        for offset in range(SHINGLE_WORDS):
            mixed += ids[offset:offset + count] * _MULTIPLIERS[offset]
        return (mixed >> np.uint64(32)).astype(np.uint32)

    def signature(self, text: str) -> np.ndarray | None:
        """The MinHash values (uint32) of ``text``, or None when it has fewer than MIN_WORDS words."""
        return self.signatures([text])[0]

    def signatures(self, texts: list[str]) -> list[np.ndarray | None]:
        """:meth:`signature` of many texts at once: the permutations applied to all the texts' shingles in one
        numpy pass, then the minimum of each text's columns."""
        shingles = [self.shingles(words) if len(words) >= MIN_WORDS else None
                    for words in (self.words(text or "") for text in texts)]
        present = [values for values in shingles if values is not None]
        if not present:
            return [None] * len(texts)
        a, b = self.permutations
        mixed = premixed(np.concatenate(present)).reshape(1, -1)
        starts = np.cumsum([0] + [len(values) for values in present[:-1]])
        minima = iter(np.minimum.reduceat(a[:, None] * mixed + b[:, None], starts, axis=1).T)  # one row a text
        return [None if values is None else next(minima) for values in shingles]

    def band_keys(self, signatures: np.ndarray) -> np.ndarray:
        """One int64 key per band of each signature (rows: signatures, columns: bands)."""
        signatures = np.atleast_2d(signatures)
        used = signatures[:, :LSH_BANDS * LSH_ROWS].astype(np.uint64).reshape(len(signatures), LSH_BANDS, LSH_ROWS)
        keys = np.zeros((len(signatures), LSH_BANDS), dtype=np.uint64)
        for row in range(LSH_ROWS):
            keys = (keys ^ used[:, :, row]) * _MULTIPLIERS[row]
        keys ^= np.arange(LSH_BANDS, dtype=np.uint64) * _BAND_MIX
        return keys.view(np.int64)


def permutations(num_perm: int, seed: int) -> np.ndarray:
    """The ``(a, b)`` rows (uint32) of the ``num_perm`` permutations ``h -> a * h + b`` modulo 2**32 drawn from
    ``seed``, ``a`` odd (a bijection): datasketch's ``affine32`` draws. numpy's ``RandomState`` stream is frozen
    by numpy's compatibility policy, so the same seed gives the same permutations in every version."""
    generator = np.random.RandomState(seed)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return np.array([a, b])


def premixed(values: np.ndarray) -> np.ndarray:
    """``values`` (uint32) through MurmurHash3's finalizer, a bijection that spreads structured inputs."""
    first_shift, first_multiplier, second_shift, second_multiplier, last_shift = _FMIX32
    values = values ^ (values >> first_shift)
    values = values * first_multiplier
    values = values ^ (values >> second_shift)
    values = values * second_multiplier
    return values ^ (values >> last_shift)


def similarity(signature: np.ndarray, others: np.ndarray) -> np.ndarray:
    """The Jaccard similarity each of ``others`` has with ``signature``, as MinHash estimates it
    (the share of equal values, as datasketch's ``MinHash.jaccard``)."""
    return np.count_nonzero(np.atleast_2d(others) == signature, axis=1) / signature.shape[0]


def to_blob(signature: np.ndarray) -> bytes:
    return signature.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")
