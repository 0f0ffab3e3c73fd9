"""Field values with the layer that supplied them, and the choice among candidate values."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

SITE, JSONLD, OPENGRAPH, META, HEURISTIC = "site", "jsonld", "opengraph", "meta", "heuristic"

_NON_ALNUM = re.compile(r"[\W_]+")


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


def _agreement_key(text: str) -> str:
    return _NON_ALNUM.sub("", text.casefold())


def most_agreed(candidates) -> Sourced | None:
    """The value that most ``(layer, value)`` candidates agree on (case and punctuation aside);
    between equally supported values, the one of the earliest layer."""
    votes: dict[str, int] = {}
    present = [(layer, value) for layer, value in candidates if value]
    for _, value in present:
        key = _agreement_key(value)
        votes[key] = votes.get(key, 0) + 1
    if not present:
        return None
    best = max(votes.values())
    layer, value = next((l, v) for l, v in present if votes[_agreement_key(v)] == best)
    return Sourced(value, layer)
