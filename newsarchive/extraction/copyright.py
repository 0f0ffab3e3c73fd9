"""The copyright line of a page: ``© 2024 Le Journal``, ``Droits d’auteur … Tous droits réservés``, its licence
(``Contenu sous licence Creative Commons BY-SA``)."""

from __future__ import annotations

import re
from itertools import islice
from operator import itemgetter
from typing import Any

from lxml import etree

from newsarchive.extraction.footer_texts import LEFT_OUT, colophon_line, texts_backwards
from newsarchive.extraction.heuristics import hints
from newsarchive.extraction.html import all_text, element_text, is_inside
from newsarchive.extraction.index import PageIndex
from newsarchive.extraction.metadata import is_copyright_text
from newsarchive.extraction.sections import HEADING_LEVELS
from newsarchive.extraction.vocabulary.classes import COPYRIGHT_BLOCK_HINTS
from newsarchive.extraction.vocabulary.furniture_wording import RESERVED_RIGHTS
from newsarchive.extraction.vocabulary.images import CAPTION_HINTS
from newsarchive.extraction.vocabulary.labels import FOOTER_MENU_ITEM, SITE_MAKER_CREDIT, SITE_MAKER_OPENING
from newsarchive.text import SPACED_SEPARATOR, clean_text, holds_any, reduced_text, without_outer_separators
from newsarchive.urls import is_home_address

_NOT_IN = "not(" + " or ".join(f"ancestor::{tag}" for tag in LEFT_OUT) + ")"
# The visible texts of a block and its line breaks (a break before a link alone, no text after it, parts lines too)
_TEXTS_AND_BREAKS = etree.XPath(f".//text()[{_NOT_IN}] | .//br[{_NOT_IN}]")
_SEPARATOR_ONLY = re.compile(r"^[\s|·•–—-]*$")
# A line's text that ends with its mark or year, before the link to the rights' holder: "© 2010–2022, ", "© " (read
# in its last _HOLDER_CHARS characters).
_MARK_WORDS = r"©|\(c\)|copyright"  # the copyright's mark, drawn, typed or written
_HOLDER_BEFORE = re.compile(rf"(?:{_MARK_WORDS}|\d{{4}})\s*,?\s*$", re.IGNORECASE)  # (20 Minutes: "© Copyright <a>")
_HOLDER_CHARS = 40
# A cheap first test (is_copyright_text() decides): plain substring searches, several times faster than one search
# of their alternation on a whole block's text, whose every other character opens a branch ("o", "r", "i").
_MARKERS = ("©", "(c)", "(C)", "opyright", "OPYRIGHT", "roits", "ROITS", "ights", "ight Reserved", "ight reserved",
            "IGHT RESERVED", "ommons", "OMMONS", "CC BY", "CC-BY", "CC\xa0BY", "CC0")
_MARKS = ("©", "(c)", "(C)")
_MARKED_YEARS = re.compile(rf"{_MARK_WORDS}|\d{{4}}", re.IGNORECASE)  # what a mark's line says besides a name
_NAMED = re.compile(r"[^\W\d_]{2}")
# A line that says more than its mark: a name or a year (Plone's "<abbr title="Copyright">©</abbr>" alone is none)
_SAYS_MORE = re.compile(r"[^\W\d_]{2}|\d{4}")
_MARK = re.compile(_MARK_WORDS, re.IGNORECASE)  # (the word alone says no more: a report form's "Copyright")
_MAX_COPYRIGHT = 220
_IMAGE_BLOCK_TAGS = frozenset({"figure", "figcaption", "dl"})  # an image's block (SPIP's dl.spip_documents)
# The reserved rights closing their sentence, another sentence after them (France 24's "… Tous droits réservés. France
# 24 n'est pas responsable des contenus…"): the line ends with them.
_RIGHTS_SENTENCE_END = re.compile(rf"(?:{RESERVED_RIGHTS})\s*\.(?=\s+[^\W\d_])", re.IGNORECASE)
_LICENCE_ADDRESS = re.compile(r"creativecommons\.org/|/licen[cs]es?/", re.IGNORECASE)
_PAGE_END_BLOCKS = 3
_LINE_SPANS = 3  # the styled elements read before a line's last (Astro Paper's mark, bar and rights)
# What a copyright's line says besides a licence (a line of a licence alone says none of these)
_RIGHTS_MARK = re.compile(rf"{_MARK_WORDS}|droits|rights|rechte|derechos|direitos", re.IGNORECASE)
_STYLED_LINE_TAGS = frozenset({"small", "span", "em", "strong", "b", "i", "font"})  # a line set in a style of its own
# A postal address (a postcode and its town) or a telephone number: a footer's piece beside its copyright, no part of it
# ("© 2025 Club nautique de Carnac · Port en Drô, 56340 Carnac").
_ADDRESS_OR_PHONE = re.compile(r"(?<![\d-])\d{5}\s+[^\W\d_]|(?<!\d)(?:\+33\s?|0)[1-9](?:[\s.]?\d{2}){4}(?!\d)")


def copyright_line(index: PageIndex) -> str | None:
    """The last copyright line of the page footer (``<footer>``, ``.footer``, ``role=contentinfo``),
    else of the end of the page (the last blocks of ``<body>``, their captions and figures left out:
    ``p.wp-caption-text``, SPIP's ``dl.spip_documents``, whose credits are the photos')."""
    placed = [(index.positions[footer], footer) for footer in index.by_tag["footer"]]
    placed += [(hinted.position, hinted.element) for hinted in index.matching(COPYRIGHT_BLOCK_HINTS)]
    footers = _outermost(placed)
    for footer in reversed(footers):
        line = _last_line_in(footer)
        if line:
            return line
    body = index.doc.find("body")
    ending = [child for child in body if isinstance(child.tag, str) and child.tag not in LEFT_OUT][-_PAGE_END_BLOCKS:] \
        if body is not None else []  # (the scripts after the page's blocks left out)
    # none of the footers' texts is a copyright line wherever it is read from, nor a caption's (its photo's credit)
    read = frozenset((*footers, *(media for media in index.media
                                   if media.tag in _IMAGE_BLOCK_TAGS or CAPTION_HINTS.search(hints(media)))))
    for block in reversed(ending):
        line = _last_line_in(block, read)
        if line:
            return line
    return colophon_line(footers)


def says_more(line: str, declared: str | None) -> bool:
    """Whether the footer's copyright ``line`` is the page's rather than the rights its metadata declare: they declare
    none, or only a name (``<meta name="rights" content="Clicanoo.re">``), or the line says them and more (``Copyright
    Le Réveil`` declared, ``Copyright © 2006 - 2025 Le Réveil`` shown)."""
    if not declared or not is_copyright_text(declared):
        return True
    holder = reduced_text(_MARKED_YEARS.sub(" ", declared))
    return len(line) > len(declared) and bool(holder) and holder in reduced_text(line)


def _outermost(placed: list[tuple[int, Any]]) -> list:
    """The elements of ``(position in the page, element)`` pairs that are not inside another one, in page order."""
    kept: list = []
    for _, element in sorted(placed, key=itemgetter(0)):
        # in page order, an element inside one of those kept is inside the last one kept (those after it are in it)
        if kept and is_inside(element, kept[-1]):
            continue
        kept.append(element)
    return kept


def _last_line_in(root, read=frozenset()) -> str | None:
    """The last copyright line of the texts under ``root``, those of the ``read`` elements left out; a line that says a
    licence alone gives way to a copyright's line before it (Greenpeace's ``© Greenpeace France 2025``, then ``Sauf
    mention contraire, les textes de ce site sont publiés sous licence CC BY 4.0.``)."""
    if root in read or not holds_any(all_text(root), _MARKERS):
        return None  # a cheap test before the walk of every text
    licence = None
    for text, block in texts_backwards(root, read):
        if not holds_any(text, _MARKERS) or not is_copyright_text(text):
            continue
        line = _line_at(text, _line_holder(block))
        if line and _RIGHTS_MARK.search(line):
            return line
        licence = licence or line
    return licence


def _line_at(text: str, block) -> str | None:
    """The copyright line that a copyright text of ``block`` is in, or None."""
    link = _link_of(block, None)
    if link is not None and _is_no_line(link, text):
        return _licence_line(link)  # "Contenu sous licence <a rel="license">CC BY-SA 4.0</a>"
    line = _line_without_outer_links(block)
    if len(line) > _MAX_COPYRIGHT:
        line = _to_rights_sentence_end(clean_text(text))
    if len(line) <= _MAX_COPYRIGHT:  # (a short line: the credit's pattern reads to its end from each maker's word)
        line = _without_maker(without_outer_separators(SITE_MAKER_CREDIT.sub("", _without_menu_items(line))))
    if line and is_copyright_text(line) and len(line) <= _MAX_COPYRIGHT and _SAYS_MORE.search(_MARK.sub("", line)):
        return _to_rights_sentence_end(line)
    return None


def _to_rights_sentence_end(line: str) -> str:
    """A line to the end of its sentence reserving the rights (``© 2025 X. Tous droits réservés.``, without the legal
    text a publisher writes after it in the same paragraph), else the line."""
    rights = _RIGHTS_SENTENCE_END.search(line)
    return line[:rights.end()] if rights else line


def _line_holder(element):
    """The block whose line an element in a line of its own after a break is (``© 2020 Le Journal<br><small>Tous droits
    réservés</small>``: the line goes on from the one before), or whose line the spans before it open with the mark
    (Astro Paper's ``<span>Copyright © 2025</span><span> | </span><span>Tous droits réservés.</span>``), else the
    element."""
    if element.tag not in _STYLED_LINE_TAGS:
        return element
    previous = element.getprevious()
    if previous is not None and previous.tag == "br" and not (previous.tail or "").strip():
        return element.getparent()
    text = element_text(element)
    if not holds_any(text, _MARKS) and _RIGHTS_MARK.search(text) and _marked_spans_before(element):
        return element.getparent()  # (a licence's line after the mark's is a line of its own: Greenpeace's)
    return element


def _marked_spans_before(element) -> bool:
    """Whether styled elements alone come before `element` in its parent, the first holding the copyright's mark."""
    before = list(islice(element.itersiblings(preceding=True), _LINE_SPANS))[::-1]
    if not before or (element.getparent().text or "").strip() or before[0].getprevious() is not None:
        return False
    return all(sibling.tag in _STYLED_LINE_TAGS for sibling in before) and holds_any(element_text(before[0]), _MARKS)


def _without_maker(line: str) -> str:
    """A line opening with the site maker's credit from its mark on when a name follows the mark (``Propulsé par
    WordPress © 2024 Le Journal``); none when the mark is the maker's (``Site réalisé par WebAgence © 2024``):
    the site's copyright is looked for in the texts before it."""
    if not SITE_MAKER_OPENING.match(line):
        return line
    mark = min((line.find(mark) for mark in _MARKS if mark in line), default=-1)
    holder = line[mark:] if mark >= 0 else ""
    return holder if _NAMED.search(_MARKED_YEARS.sub("", holder)) else ""


def _without_menu_items(line: str) -> str:
    """The line without the pieces at its ends, between separators, that are the footer's menu (``Mentions légales``,
    ``Plan du site``), the site's address (``· Port en Drô, 56340 Carnac``) or the site maker's credit opening it
    (``Site propulsé par SPIP | © 2024 …``)."""
    pieces = SPACED_SEPARATOR.split(line)  # [piece, separator, piece, …] (not a year's range: 2003-2024)
    if len(pieces) < 3:
        return line
    while len(pieces) >= 3 and _is_menu_or_credit(pieces[-1]):
        del pieces[-2:]
    while len(pieces) >= 3 and _is_menu_or_credit(pieces[0]):
        del pieces[:2]
    return "".join(pieces)


def _is_menu_or_credit(piece: str) -> bool:
    """Whether a piece of a footer's line is a menu's item, the site maker's credit or the site's address."""
    return not holds_any(piece, _MARKERS) and (
        FOOTER_MENU_ITEM.fullmatch(piece) is not None or SITE_MAKER_CREDIT.match(piece.strip()) is not None
        or _ADDRESS_OR_PHONE.search(piece) is not None)


def _line_without_outer_links(block) -> str:
    """The block's text without the links before or after it (``… 2025 – Contact | Mentions légales``), but for the
    link to the rights' holder right after the mark or the year (``© 2010–2022, <a>The Conversation</a>``); of a
    block written in lines (``Mairie, 1 place de l'Église<br>© 2009 Commune de Saint-Julien``), from its copyright's
    line."""
    pieces = _from_copyright_line([(node, _link_of(_holder(node), block) if isinstance(node, str) else None)
                                   for node in _TEXTS_AND_BREAKS(block)])
    while pieces and (pieces[-1][1] is not None or _SEPARATOR_ONLY.match(pieces[-1][0])):
        link, before = pieces[-1][1], len(pieces) - 1
        while link is not None and before > 0 and pieces[before - 1][1] is link:
            before -= 1  # the link's other texts (<a>The <b>Conversation</b></a>)
        if link is not None and _HOLDER_BEFORE.search(_text_before(pieces, before)) \
                and not FOOTER_MENU_ITEM.fullmatch(clean_text("".join(text for text, _ in pieces[before:]))):
            break  # the rights' holder: "© 2010–2022, <a>The Conversation France</a>"
        del pieces[before:]
    while pieces and (pieces[0][1] is not None or _SEPARATOR_ONLY.match(pieces[0][0])) \
            and not _holder_before_mark(pieces):
        pieces.pop(0)
    return without_outer_separators(clean_text("".join(text for text, _ in pieces)))


def _holder_before_mark(pieces: list[tuple[str, object]]) -> bool:
    """Whether the line opens with the link to the rights' holder, the mark right after it (Ghost's Casper: ``<a>Le
    Courrier du Vercors</a> © 2025``)."""
    link = pieces[0][1]
    if link is None:
        return False
    after = next((index for index, (_, other) in enumerate(pieces) if other is not link), len(pieces))
    name = clean_text("".join(text for text, _ in pieces[:after]))
    return after < len(pieces) and _MARK.match(pieces[after][0].lstrip()) is not None \
        and not FOOTER_MENU_ITEM.fullmatch(name)


def _text_before(pieces: list[tuple[str, object]], end: int) -> str:
    """The last ``_HOLDER_CHARS`` characters (about) of the pieces' text before ``end``: a bounded read, however many
    links a footer's line ends with."""
    texts: list[str] = []
    size = 0
    for text, _ in reversed(pieces[max(0, end - _HOLDER_CHARS):end]):
        texts.append(text)
        size += len(text)
        if size >= _HOLDER_CHARS:
            break
    return "".join(reversed(texts))[-_HOLDER_CHARS:]


def _from_copyright_line(pieces: list[tuple]) -> list[tuple[str, object]]:
    """``(text, the link it is in or None)`` of the text nodes of the copyright's lines (lines part at ``<br>``): from
    the first that holds a copyright marker, to the last before a line without one once they name the holder (an
    address, a motto before or after them is no part of the copyright: ``© 2024 Le Courrier<br>12 place du
    Marché``; ``Copyright ©<br>2024 Le Journal`` names it on its second line)."""
    lines: list[list[tuple[str, object]]] = [[]]
    for node, linked in pieces:
        if not isinstance(node, str):  # a <br>
            lines.append([(" ", None)])  # the break parts two words
            continue
        lines[-1].append((str(node), linked))
    texts = ["".join(text for text, _ in line) for line in lines]
    first = next((at for at, text in enumerate(texts) if holds_any(text, _MARKERS)), 0)
    last = first
    while last + 1 < len(lines) and (is_copyright_text(texts[last + 1])
                                     or not _NAMED.search(_MARKED_YEARS.sub("", " ".join(texts[first:last + 1])))):
        last += 1
    return [piece for line in lines[first:last + 1] for piece in line]


def _holder(text_node):
    """The element a text node is in (the parent of the element whose tail it is)."""
    owner = text_node.getparent()
    return owner.getparent() if text_node.is_tail else owner


def _is_no_line(link, text: str) -> bool:
    """Whether a link holding a copyright text is no copyright line: a label leading to a page about the rights
    (``<a href="/droits">Droits et copyright</a>``) or to a licence; not the site's mark and name linked to a home page
    (``<a href="/">© Le Journal 2024</a>``, Hugo's Ananke)."""
    return not (is_home_address(link.get("href")) and holds_any(text, _MARKS))


def _licence_line(link) -> str | None:
    """The short line that a link to a licence (``rel="license"``, Creative Commons' address) is in, else the link's
    own text, when it says the licence: ``Contenu sous licence <a rel="license">CC BY-SA 4.0</a>``, Creative Commons'
    badge (``Cette œuvre est mise à disposition selon les termes de la <a>Licence Creative Commons …</a>``)."""
    if "license" not in (link.get("rel") or "").lower() and not _LICENCE_ADDRESS.search(link.get("href") or ""):
        return None
    for holder in (link.getparent(), link):  # (a link of a page has a parent)
        line = element_text(holder)
        for heading in holder.iterchildren(*HEADING_LEVELS):  # a box's title: "Licence"
            line = line.removeprefix(element_text(heading)).strip()
        line = without_outer_separators(line)
        if line and len(line) <= _MAX_COPYRIGHT and is_copyright_text(line):
            return line
    return None


def _link_of(owner, block):
    """The ``<a>`` that ``owner`` (an element holding a text) is or is inside (below ``block``, or anywhere when
    ``block`` is None), else None."""
    while owner is not None and owner is not block:
        if owner.tag == "a":
            return owner
        owner = owner.getparent()
    return None
