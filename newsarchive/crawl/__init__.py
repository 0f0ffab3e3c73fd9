"""The crawl machinery: discovery, listings, incremental state, scope, and the downloader's guards."""
