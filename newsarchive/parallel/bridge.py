"""Await a ``concurrent.futures.Future`` from the reactor thread, whichever reactor runs."""

from __future__ import annotations

from concurrent.futures import Future

from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import defer


def future_to_deferred(future: Future) -> defer.Deferred:
    """A Deferred fired on the reactor thread with the future's result (or its exception)."""
    from twisted.internet import reactor

    deferred: defer.Deferred = defer.Deferred()

    def settle(done: Future) -> None:
        exception = done.exception()
        if exception is not None:
            reactor.callFromThread(deferred.errback, exception)
        else:
            reactor.callFromThread(deferred.callback, done.result())

    future.add_done_callback(settle)
    return deferred


async def wait_for(future: Future):
    """The result of ``future``, awaited without blocking the reactor."""
    return await maybe_deferred_to_future(future_to_deferred(future))
