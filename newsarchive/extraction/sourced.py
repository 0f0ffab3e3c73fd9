"""Field values with the layer that supplied them, and the choice among candidate values."""

from __future__ import annotations

from typing import Any, NamedTuple

from newsarchive.text import reduced_text

SITE, JSONLD, OPENGRAPH, META, HEURISTIC = "site", "jsonld", "opengraph", "meta", "heuristic"


class Sourced(NamedTuple):
    """A field value and its layer: ``site``, ``jsonld``, ``opengraph``, ``meta`` or ``heuristic``."""

    value: Any
    source: str


def first_found(*layers) -> Sourced | None:
    """The first non-empty result of ``(layer, function)`` pairs, called in order."""
    for layer, read in layers:
        value = read()
        if value:
            return Sourced(value, layer)
    return None


def most_agreed(candidates) -> Sourced | None:
    """The value that most ``(layer, value)`` candidates agree on (case and punctuation aside);
    between equally supported values, the one of the earliest layer."""
    votes: dict[str, int] = {}
    present = [(layer, value) for layer, value in candidates if value]
    for _, value in present:
        key = reduced_text(value)
        votes[key] = votes.get(key, 0) + 1
    if not present:
        return None
    best = max(votes.values())
    layer, value = next((l, v) for l, v in present if votes[reduced_text(v)] == best)
    return Sourced(value, layer)
