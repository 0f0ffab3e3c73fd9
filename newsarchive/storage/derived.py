"""What the archive's writer derives from an article's text, computed ahead where the article is extracted.

Storing an article stems its headline, lead and body (the French full-text index) and signs its text
(MinHash and LSH band keys, for the near-duplicate clusters): CPU-bound work that a crawl with
extraction workers does in the worker, right after the extraction (:mod:`newsarchive.parallel.extraction`),
instead of in the crawl process. The values carry a checksum of the texts they were computed from: the
writer uses them only when its own texts give the same checksum, and computes them itself otherwise
(an in-process crawl, a Redis writer, a record changed on the way).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsarchive.extraction import record_text
from newsarchive.storage.rows import stored_texts
from newsarchive.storage.stems import STEMMED_COLUMNS, stems_of

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True, eq=False)  # numpy arrays: compared by identity
class TextDerivatives:
    """The stems of an article's stored texts and its signature, with the checksum of those texts."""

    checksum: int
    stems: tuple[str | None, ...]  # of STEMMED_COLUMNS, in that order
    signature: np.ndarray | None  # MinHash values; None: too short to sign
    band_keys: np.ndarray | None  # LSH band keys of the signature

    def matches(self, texts: dict) -> bool:
        """Whether these values were computed from ``texts`` (column -> stored text)."""
        return self.checksum == texts_checksum(texts)


def texts_checksum(texts: dict) -> int:
    """CRC-32 of the stored texts (column -> text or None), None told apart from the empty text."""
    checksum = 0
    for column in STEMMED_COLUMNS:
        text = texts.get(column)
        checksum = zlib.crc32(b"\x00" if text is None else b"\x01" + text.encode("utf-8", "surrogatepass"),
                              checksum)
    return checksum


def signed_text(texts: dict) -> str:
    """The text an article is signed by for the near-duplicate clusters: its lead, then its body."""
    return record_text(texts.get("lead"), texts.get("body") or "") or ""


def derive(record: dict) -> TextDerivatives:
    """The stems and signature of the texts the archive will store for ``record`` (an extracted article).

    Raises :class:`~newsarchive.storage.MalformedRecord` when the record cannot be stored."""
    from newsarchive.clusters.index import signer  # numpy, loaded where first needed

    texts = stored_texts(record)
    signature = signer().signature(signed_text(texts))
    return TextDerivatives(
        checksum=texts_checksum(texts),
        stems=stems_of(texts),
        signature=signature,
        band_keys=None if signature is None else signer().band_keys(signature)[0],
    )
