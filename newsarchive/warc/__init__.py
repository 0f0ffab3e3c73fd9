"""The archive as a web archive: WARC files written during the crawl, read back, imported, exported, indexed."""
