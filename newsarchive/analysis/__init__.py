"""Working with an archive once it is crawled: search, records, export, statistics, re-extraction.

The ``newsarchive`` subcommands ``search``, ``show``, ``export``, ``stats``, ``reextract`` and
``runs`` are thin wrappers around these modules; scripts can use them directly.
"""
