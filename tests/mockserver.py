"""The sample site in a subprocess that listens on port 0 and prints its URL, for tests that crawl it."""

from newsarchive.sample_site.process import SampleServerProcess as MockServer

__all__ = ["MockServer"]
