"""Datasette integration: the archive's metadata (titles, descriptions, facets, search) as a plugin.

Installed with newsarchive, the plugin (entry point ``newsarchive`` of group ``datasette``) makes
``datasette data/archive.db`` show the archive with its metadata, whatever the file's name.
``metadata.json`` is also a plain Datasette metadata file (``datasette archive.db -m ...``) for a
database named ``archive``.
"""
