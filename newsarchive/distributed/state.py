"""What the archive holds, published in Redis by the writer and read by the workers when their crawl starts.

The writer publishes the state of every site of the archive (:func:`publish_state`) when it starts,
then that of each article it stores (:func:`publish_articles`), so workers decide as a single
process does which articles to fetch again (:mod:`newsarchive.crawl.incremental`). A worker that finds
nothing published waits ``NEWSARCHIVE_REDIS_STATE_WAIT`` seconds for the writer, then fetches every page.
"""

from __future__ import annotations

import json
import logging
import time

from newsarchive.distributed.connection import connect
from newsarchive.distributed.keys import STATE_READY, state_key
from newsarchive.storage.incremental import STATE_COLUMNS, STATE_QUERY, ArticleState

logger = logging.getLogger(__name__)

CHUNK = 1000


def publish_state(server, db) -> int:
    """Publish the state of every article of every site in the archive; returns the URLs published."""
    sites = [site for (site,) in db.execute("SELECT DISTINCT site FROM articles")]
    published = 0
    for site in sites:  # written aside, then renamed: a worker never reads half a state
        fresh = f"{state_key(site)}:publishing"
        server.delete(fresh)
        count = _publish(server, fresh, db.execute(STATE_QUERY, [site]))
        if count:
            server.rename(fresh, state_key(site))
        else:
            server.delete(state_key(site))
        published += count
    server.set(STATE_READY, time.time())
    return published


def publish_articles(server, db, urls: list[str]) -> int:
    """Publish the state of the stored articles reached under ``urls`` (after a batch is committed)."""
    published = 0
    for start in range(0, len(urls), CHUNK):
        chunk = urls[start:start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        rows = db.execute(
            f"SELECT a.site, {STATE_COLUMNS} FROM article_urls u JOIN articles a ON a.id = u.article_id "
            f"WHERE a.id IN (SELECT article_id FROM article_urls WHERE url IN ({marks}))", chunk).fetchall()
        by_site: dict[str, list] = {}
        for site, *values in rows:
            by_site.setdefault(site, []).append(values)
        for site, values in by_site.items():
            published += _publish(server, state_key(site), values)
    return published


def _publish(server, key: str, rows) -> int:
    pipe = server.pipeline(transaction=False)
    count = 0
    for url, *values in rows:
        pipe.hset(key, url, json.dumps(values))
        count += 1
        if count % CHUNK == 0:
            pipe.execute()
    pipe.execute()
    return count


def read_published_state(redis_url: str, site: str, wait: float) -> dict[str, ArticleState]:
    """The state the writer published for ``site``; {} (fetch everything) when no writer published
    any within ``wait`` seconds."""
    server = connect(redis_url)
    deadline = time.monotonic() + wait
    while not server.exists(STATE_READY):
        if time.monotonic() >= deadline:
            logger.warning("No archive state published in Redis (is newsarchive store running?): "
                           "fetching every page")
            return {}
        time.sleep(0.5)
    return {url.decode(): ArticleState(*json.loads(values)) for url, values in server.hgetall(state_key(site)).items()}
