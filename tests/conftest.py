"""Shared fixtures: the sample site over HTTP and its ground truth."""

from __future__ import annotations

import pytest
from mockserver import MockServer

from newsarchive.sample_site import SampleSite


@pytest.fixture(scope="session")
def sample_server():
    """The default sample site (40 articles, bad-input pages linked) served in a subprocess.

    Shared by the whole session: do not make time pass on it (start your own ``MockServer``).
    """
    with MockServer(extra_args=("--with-faults",)) as server:
        yield server


@pytest.fixture
def sample_site(sample_server):
    """An in-process ``SampleSite`` equal to the one ``sample_server`` serves (same URLs): the ground truth."""
    return SampleSite(base_url=sample_server.url, with_faults=True)
