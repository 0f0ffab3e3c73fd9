"""The Redis connection of workers and the writer, from a ``redis://HOST:PORT/N`` URL."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import redis


def connect(url: str) -> redis.Redis:
    """A client of the Redis server at ``url`` (bytes in, bytes out); raises ValueError for a bad URL."""
    if not url or not url.startswith(("redis://", "rediss://", "unix://")):
        raise ValueError(f"not a Redis URL: {url!r} (expected redis://HOST:PORT/N)")
    # imported on the first connection: every crawl loads the modules that may connect, few connect, and the
    # client's import (0.07 s) would add to each crawl's start-up
    import redis

    return redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=10, health_check_interval=30)
