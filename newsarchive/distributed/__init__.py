"""Crawling on many machines: scrapy-redis workers that push records to Redis, one writer that archives them.

A worker is the usual ``scrapy crawl SPIDER ... -s NEWSARCHIVE_REDIS_URL=redis://HOST:PORT/N``: its
requests go through a queue and a duplicate filter shared in Redis (one of each per spider and site,
:mod:`.scheduler`), and its extracted records, with their compressed raw pages, are pushed to Redis
(:mod:`.pipeline`) instead of an archive. ``newsarchive store --redis URL --db PATH`` is the single
writer (:mod:`.writer`): it holds the archive lock, drains the records into the archive and
publishes what the archive holds (:mod:`.state`) so that workers skip unchanged articles.
"""
