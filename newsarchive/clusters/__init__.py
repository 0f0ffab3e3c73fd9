"""Near-duplicate clusters across the archive: the same dispatch published by several outlets, with edits.

:mod:`.signatures` (MinHash signatures and LSH bands, datasketch's scheme in numpy), :mod:`.index` (clusters kept in the
archive as articles are stored), :mod:`.rebuild` (all at once), :mod:`.listing` and :mod:`.diff` (for
``newsarchive dupes``), :mod:`.corpus` (a generated corpus of wire copies with its truth, to measure them).
"""
