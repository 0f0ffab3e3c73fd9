"""Decoding of JSON-LD scripts as pages write them: :mod:`json` plus a tolerant cleanup (HTML comments, CDATA
wrappers, trailing commas, raw control characters, several objects in one script) and a bound on nesting."""

from __future__ import annotations

import html
import json
import logging
import re

logger = logging.getLogger(__name__)

# A JSON string: its runs of plain characters read at once (an alternation tested at each character is several times
# slower on the long scripts of large sites).
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_WRAPPERS = re.compile(r"^\s*(?:<!--|/\*\s*<!\[CDATA\[\s*\*/|//\s*<!\[CDATA\[|<!\[CDATA\[)|"
                       r"(?:-->|/\*\s*\]\]>\s*\*/|//\s*\]\]>|\]\]>)\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class TooDeep(ValueError):
    """A JSON-LD script nested deeper than the limit (left out: a hostile page, never an article's data)."""


def parse_jsonld(text: str, max_depth: int | None = None) -> list:
    """Decode one JSON-LD script, tolerating the usual mistakes; [] when it cannot be read.

    String values are HTML-unescaped: many sites write ``&quot;`` or ``&#8217;`` inside JSON-LD.
    Raises :class:`TooDeep` for a script whose arrays and objects nest deeper than ``max_depth``.
    """
    text = _unwrapped(text.strip())
    if not text:
        return []
    if max_depth is not None and _opening_brackets(text) > max_depth and nesting_depth(text, max_depth) > max_depth:
        raise TooDeep(f"JSON-LD nested deeper than {max_depth} levels")
    values = _decode(text)
    return [_unescaped(value) for value in values] if "&" in text else values


def _unwrapped(text: str) -> str:
    """A stripped script without its comment or CDATA wrappers. The closing wrappers end the text: a script that
    ends otherwise is searched for an opening one only, at its start (a whole search costs a test at every
    character of large scripts)."""
    if text.endswith(("-->", "*/", "]]>")):
        return _WRAPPERS.sub("", text).strip()
    opening = _WRAPPERS.match(text)
    return text[opening.end():].strip() if opening else text


def _opening_brackets(text: str) -> int:
    """How many ``[`` and ``{`` a JSON text holds: no nesting is deeper (most scripts hold a few dozen)."""
    return text.count("[") + text.count("{")


def nesting_depth(text: str, stop_above: int | None = None) -> int:
    """How deep the arrays and objects of a JSON text nest (brackets inside strings ignored), in linear
    time; the count stops once past ``stop_above``."""
    depth = deepest = 0
    for bracket in _NOT_BRACKETS.sub("", _JSON_STRING.sub("", text)):  # the brackets outside strings, in order
        if bracket in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if stop_above is not None and deepest > stop_above:
                    break
        elif depth:
            depth -= 1
    return deepest


def _decode(text: str) -> list:
    for candidate in (text, _TRAILING_COMMA.sub(r"\1", _CONTROL.sub(" ", text))):
        try:
            return [json.loads(candidate, strict=False)]
        except ValueError:
            continue
    return _decode_concatenated(_TRAILING_COMMA.sub(r"\1", _CONTROL.sub(" ", text)))


def _unescaped(value):
    """``value`` with its strings HTML-unescaped; its arrays and objects (fresh from :mod:`json`) changed in place."""
    if isinstance(value, str):
        return html.unescape(value) if "&" in value else value
    if isinstance(value, (list, dict)):
        _unescape_inside(value)
    return value


def _unescape_inside(container: list | dict) -> None:
    items = container.items() if isinstance(container, dict) else enumerate(container)
    for key, item in items:  # values replaced, keys kept: the container keeps its size while it is read
        if isinstance(item, str):
            if "&" in item:
                container[key] = html.unescape(item)
        elif isinstance(item, (list, dict)):
            _unescape_inside(item)


def _decode_concatenated(text: str) -> list:
    decoder = json.JSONDecoder(strict=False)
    values, position = [], 0
    while position < len(text):
        start = min((i for i in (text.find("{", position), text.find("[", position)) if i >= 0), default=-1)
        if start < 0:
            break
        try:
            value, position = decoder.raw_decode(text, start)
        except ValueError:
            logger.debug("unreadable JSON-LD script skipped")
            break
        values.append(value)
    return values
