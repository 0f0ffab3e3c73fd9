"""The Redis connection of workers and the writer, from a ``redis://HOST:PORT/N`` URL."""

from __future__ import annotations

import redis


def connect(url: str) -> redis.Redis:
    """A client of the Redis server at ``url`` (bytes in, bytes out); raises ValueError for a bad URL."""
    if not url or not url.startswith(("redis://", "rediss://", "unix://")):
        raise ValueError(f"not a Redis URL: {url!r} (expected redis://HOST:PORT/N)")
    return redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=10, health_check_interval=30)
