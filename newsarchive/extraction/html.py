"""Decoding and parsing of HTML pages, and small text helpers shared by the extractors."""

from __future__ import annotations

import codecs
import logging
import re
import threading
from itertools import pairwise

import lxml.html
from lxml import etree
from w3lib.encoding import (
    html_body_declared_encoding,
    html_to_unicode,
    http_content_type_encoding,
    read_bom,
)

from newsarchive.text import clean_text

logger = logging.getLogger(__name__)

_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*\?>")
_NOT_SHOWN = ("script", "style", "noscript", "template", "rt", "rp")  # elements whose text is not shown
_NOT_SHOWN_TAGS = frozenset(_NOT_SHOWN)
IMAGE_TAGS = ("img", "amp-img")  # the elements of an image (AMP pages write <amp-img>)
_CLOSING = frozenset(",.;:!?)]}»”’'")
# A piece ending with a French elision (``d'``, ``l'``, ``qu'``) runs on into the next one: ``d'<em>Enquête</em>``.
_ELIDED_END = re.compile(r"(?<![^\W\d_])(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]$", re.IGNORECASE)
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
    GB2312...) that is really UTF-8: non-ASCII text that decodes as UTF-8 is UTF-8.
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
    reads it), which saves checking the whole page in Python first."""
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


def spaced_text(element) -> str:
    """The visible text of an element with a space between the texts of its elements: for lines made of
    separate pieces (``<span>Par</span><a>Léa Roy</a><time>…</time>``), where ``element_text`` would glue them."""
    if element is None:
        return ""
    pieces = [piece for piece in _visible_pieces(element) if piece]
    joined = pieces[:1]
    for previous, piece in pairwise(pieces):
        if not previous[-1].isspace() and not piece[0].isspace() and piece[0] not in _CLOSING \
                and not (previous[-1] in "'’" and _ELIDED_END.search(previous[-8:])):
            joined.append(" ")
        joined.append(piece)
    return clean_text("".join(joined))


def element_text(element) -> str:
    """The visible text of an element, whitespace collapsed (script, style and ruby annotations left out), a line
    break a space (``Le budget voté.<br>Les élus…``: serialised, the text glues the two lines)."""
    if element is None:
        return ""
    if next(element.iter(*_NOT_SHOWN, "br"), None) is None and next(element.iterancestors(*_NOT_SHOWN), None) is None:
        return clean_text(all_text(element))  # the text serialised at once, in C
    return clean_text("".join(_shown_texts(element)))


def all_text(element) -> str:
    """The text of an element and of its descendants, shown or not (scripts included), as it is: what lxml's
    ``text_content()`` gives, serialised at once in C (about 2.5 times faster, and a plain ``str``)."""
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def partly_shown(root) -> set:
    """``root`` and its descendants whose visible text is not their whole text (:func:`all_text`): those that hold a
    script, style, noscript, template or ruby annotation (leaving it out glues the texts around it) and those inside
    one. The others' :func:`element_text` is ``clean_text(all_text(element))`` (but for the space of a line break), and
    a part of ``root``'s."""
    if next(root.iterancestors(*_NOT_SHOWN), None) is not None:
        return set(root.iter())
    partly = set()
    for unshown in root.iter(*_NOT_SHOWN):
        if unshown in partly:
            continue
        partly.update(unshown.iter())
        for ancestor in unshown.iterancestors():
            if ancestor in partly:
                break
            partly.add(ancestor)
            if ancestor is root:
                break
    return partly


def text_before(element, at_most: int) -> str:
    """The last ``at_most`` characters of the text right before an element (its label: ``Mis à jour le <time>``,
    ``Publié dans <a>``): its previous sibling's tail, else its parent's text."""
    previous = element.getprevious()
    text = previous.tail if previous is not None else element.getparent().text
    return (text or "")[-at_most:]


def following_elements(element, limit: int) -> list:
    """The first ``limit`` elements after ``element`` in page order, its own descendants left out (XPath's
    ``following::*[position() <= limit]``, without the query's reading of every following node of the page)."""
    found = []
    node = element
    while node is not None:
        for sibling in node.itersiblings():
            for following in sibling.iter():
                if isinstance(following.tag, str):
                    found.append(following)
                    if len(found) >= limit:
                        return found
        node = node.getparent()
    return found


def _visible_pieces(element):
    """The texts of an element and of its descendants (its tail left out) that are shown, in page order."""
    return element.itertext() if _shows_all(element) else _shown_texts(element)


def _shown_texts(element) -> list[str]:
    """The texts of an element and of its descendants (its tail left out) outside script, style, noscript, template
    and ruby annotations, in page order: a walk that passes over those subtrees (several times faster than a query
    testing the ancestors of every text; no recursion: pages nest deep)."""
    if element.tag in _NOT_SHOWN_TAGS or next(element.iterancestors(*_NOT_SHOWN), None) is not None:
        return []
    texts = [element.text] if element.text else []
    stack = [(element, iter(element))]
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if stack and node.tail:  # a closed element's tail belongs to its parent's text
                texts.append(node.tail)
        elif isinstance(child.tag, str) and child.tag not in _NOT_SHOWN_TAGS:
            if child.tag == "br":
                texts.append(" ")
            if child.text:
                texts.append(child.text)
            stack.append((child, iter(child)))
        elif child.tail:
            texts.append(child.tail)
    return texts


def _shows_all(element) -> bool:
    """True when no text of the element is left out: it holds no script, style, noscript, template or ruby
    annotation, and sits in none (then its text is read in one C call, where the query of the shown texts tests
    the ancestors of every text)."""
    return next(element.iter(*_NOT_SHOWN), None) is None and next(element.iterancestors(*_NOT_SHOWN), None) is None


# The text nodes outside <script> and <style>, in page order: XSLT's built-in rules copy the text of every node, and
# the one template leaves those two elements out.
_TEXT_OUTSIDE_SCRIPTS = b"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="utf-8"/><xsl:template match="script|style"/></xsl:stylesheet>"""


def text_outside_scripts(element) -> str:
    """The texts of an element and of its descendants outside scripts and styles, joined as they are (what
    ``".//text()[not(ancestor::script or ancestor::style)]"`` reads, serialised at once in C): the cheap first test
    of the text a page shows, whose scripts and styles are most of its whole text (:func:`all_text`)."""
    transform = getattr(_local, "text_outside_scripts", None)
    if transform is None:  # one per thread, as the parser
        transform = _local.text_outside_scripts = etree.XSLT(etree.XML(_TEXT_OUTSIDE_SCRIPTS))
    try:
        return str(transform(element))
    except etree.XSLTApplyError:  # a page too deep for the transform: the whole text holds it
        return all_text(element)
