"""Crawl runs: the archive lock, the run record, how a run ends (status, exit status, summary) and the commands that run them."""
