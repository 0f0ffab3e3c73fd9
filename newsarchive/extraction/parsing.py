"""Decoding and parsing of HTML pages: a page's bytes, in the encoding it declares or really has, into an lxml tree."""

from __future__ import annotations

import codecs
import logging
import re
import threading

import lxml.html
from lxml import etree
from w3lib.encoding import (
    html_body_declared_encoding,
    html_to_unicode,
    http_content_type_encoding,
    read_bom,
)

logger = logging.getLogger(__name__)

_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*\?>")
# Text encoded twice in UTF-8, its UTF-8 read as windows-1252 (or Latin-1) and written as UTF-8 again (a site whose
# database and pages disagree on their encoding), told by the page's title: a French letter is "Ã" or "Å" and the
# character its continuation byte reads as ("é": "Ã©", "œ": "Å“"), a sign "Â" and one ("«": "Â«"), a quotation mark
# or a dash "â€" and one ("’": "â€™"). The bytes windows-1252 leaves undefined are read as Latin-1 reads them.
_UNDEFINED_IN_CP1252 = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
_CP1252_BYTES = {
    bytes([byte]).decode("cp1252"): byte for byte in range(0x80, 0x100) if byte not in _UNDEFINED_IN_CP1252
}
_CONTINUATION = "".join(re.escape(bytes([byte]).decode("cp1252", "ignore") or chr(byte)) for byte in range(0x80, 0xC0))
_DOUBLE_ENCODED = re.compile(f"[ÃÅ][{_CONTINUATION}]|Â[\xa0-\xbf]|â[€\x80][{_CONTINUATION}]")
_local = threading.local()
# libxml2 stops reporting a parse's errors after 100: a longer log may have left an encoding error out.
_MAX_TRUSTED_ERRORS = 50


class EmptyDocument(ValueError):
    """The page has no HTML content to parse."""


def decode_html(body: bytes | str, headers: dict | None = None) -> str:
    """Return the page as text.

    The encoding comes from the BOM, the HTTP ``Content-Type`` charset or the ``<meta charset>``
    (w3lib's order). Two common mistakes are then corrected: a page declared (or defaulting to)
    UTF-8 that is really windows-1252, and a page declared in another encoding (Latin-1, windows-1252,
    GB2312...) that is really UTF-8: non-ASCII text that decodes as UTF-8 is UTF-8 (a third, text
    encoded twice in UTF-8, is told by the parsed page's title: :func:`parse_page`).
    """
    if isinstance(body, str):
        return body
    encoding, text = html_to_unicode(header_value(headers, "content-type"), body)
    codec = codecs.lookup(encoding).name
    if codec == "utf-8" and "\ufffd" in text and _mostly_invalid_utf8(text, body):
        logger.debug("page is not valid UTF-8, decoding it as windows-1252")
        return body.decode("cp1252", errors="replace")
    if not codec.startswith(("utf-8", "utf-16", "utf-32")) and _is_multibyte_utf8(body):
        logger.debug("page declared %s is valid UTF-8, decoding it as UTF-8", encoding)
        return body.decode("utf-8")
    return text


def undone_double_encoding(text: str) -> str:
    """``text`` with each character encoded twice in UTF-8 (``Ã©tÃ©``: its UTF-8 read as windows-1252 or Latin-1,
    then written in UTF-8 again) read once (``été``): a site's articles so, around its template's text written
    right."""
    return _DOUBLE_ENCODED.sub(_read_once, text)


def _read_once(match: re.Match) -> str:
    """A character encoded twice, read once: its characters' windows-1252 bytes (those windows-1252 leaves undefined,
    ``\x9d`` in ``â€\x9d`` for "”", as Latin-1 reads them), read as UTF-8."""
    twice = match.group(0)
    try:
        return bytes(_CP1252_BYTES.get(char, ord(char)) for char in twice).decode("utf-8")
    except (ValueError, UnicodeDecodeError):  # (a character beyond Latin-1 that windows-1252 does not write)
        return twice


def page_bytes(body: bytes | str, headers: dict | None = None) -> bytes:
    """The page as UTF-8 bytes for the parser, read as :func:`decode_html` reads it.

    A page that declares (or defaults to) UTF-8 and is valid UTF-8 is passed on as it is, without
    the round trip through text.
    """
    if isinstance(body, bytes) and _declared_codec(body, headers) == "utf-8":
        unmarked = body.removeprefix(codecs.BOM_UTF8)
        try:
            unmarked.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return unmarked
    return decode_html(body, headers).encode("utf-8", "replace")


def parse_page(body: bytes | str, headers: dict | None = None) -> lxml.html.HtmlElement:
    """``parse_html(page_bytes(body, headers))``, with a page that declares (or defaults to) UTF-8 handed to the
    parser as it is: the parser reports bytes that are not UTF-8 (then the page is read as :func:`page_bytes`
    reads it), which saves checking the whole page in Python first. A page whose title is encoded twice in UTF-8
    (``Ã©tÃ©``) is read again, each character so encoded read once (:func:`undone_double_encoding`)."""
    root = _parsed(body, headers)
    title = root.find("head/title")
    if title is not None and title.text and _DOUBLE_ENCODED.search(title.text):
        logger.debug("page encoded twice in UTF-8, read once")
        root = parse_html(undone_double_encoding(page_bytes(body, headers).decode("utf-8", "replace")))
    return root


def _parsed(body: bytes | str, headers: dict | None) -> lxml.html.HtmlElement:
    if isinstance(body, bytes) and _declared_codec(body, headers) == "utf-8":
        try:
            root = parse_html(body.removeprefix(codecs.BOM_UTF8))
        except EmptyDocument:
            root = None  # told again, or not, by the reading below
        if root is not None and _read_as_utf8(_parser().error_log):
            return root
    return parse_html(page_bytes(body, headers))


def _read_as_utf8(errors) -> bool:
    """Whether the parser's log tells that it read valid UTF-8: no encoding error, nothing fatal, and fewer
    entries than libxml2 reports before it stops reporting (_MAX_TRUSTED_ERRORS)."""
    return len(errors) < _MAX_TRUSTED_ERRORS and not any(
        error.type == etree.ErrorTypes.ERR_INVALID_ENCODING or error.level == etree.ErrorLevels.FATAL
        for error in errors
    )


def _declared_codec(body: bytes, headers: dict | None) -> str | None:
    """The codec the page's BOM, HTTP charset or ``<meta charset>`` names (UTF-8 by default)."""
    bom_encoding, _ = read_bom(body)
    encoding = bom_encoding or http_content_type_encoding(header_value(headers, "content-type")) \
        or html_body_declared_encoding(body) or "utf-8"
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


def header_value(headers: dict | None, name: str) -> str | None:
    """The value of one HTTP header from a dict with any name case and str/bytes/list values."""
    for key, value in (headers or {}).items():
        key = key.decode("latin-1") if isinstance(key, bytes) else str(key)
        if key.lower() != name:
            continue
        if isinstance(value, (list, tuple)):
            value = value[0] if value else None
        return value.decode("latin-1") if isinstance(value, bytes) else value
    return None


def _mostly_invalid_utf8(text: str, body: bytes) -> bool:
    if body.startswith(codecs.BOM_UTF8):
        return False
    invalid = text.count("\ufffd") - body.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return invalid > 0 and invalid * 2 >= non_ascii


def _is_multibyte_utf8(body: bytes) -> bool:
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _parser() -> etree.HTMLParser:
    """An HTML parser whose elements are all ``lxml.html.HtmlElement``: a fixed class lookup done in C,
    where lxml.html's own parser calls a Python lookup for every element it hands out. ``id`` values are not
    gathered into the document's table of IDs (nothing reads it: no XPath ``id()``), which saves filling and
    freeing it on every page."""
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = etree.HTMLParser(
            encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True, collect_ids=False
        )
        parser.set_element_class_lookup(etree.ElementDefaultClassLookup(element=lxml.html.HtmlElement))
    return parser


def parse_html(text: str | bytes) -> lxml.html.HtmlElement:
    """Parse (possibly truncated or malformed) HTML text, or UTF-8 bytes, into an lxml document root."""
    if isinstance(text, str):
        text = text.encode("utf-8", "replace")
    text = _XML_DECLARATION.sub(b"", text, count=1)
    if not text.strip():
        raise EmptyDocument("empty page")
    try:
        root = lxml.html.document_fromstring(text, parser=_parser())
    except (etree.ParserError, ValueError) as exc:
        raise EmptyDocument(f"unparsable page: {exc}") from exc
    if root is None or len(root) == 0:
        raise EmptyDocument("empty page")
    return root
