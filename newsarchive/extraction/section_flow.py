"""Collects a body's paragraphs and headings while its tree is walked (:mod:`.sections`), then finishes its sections:
the pieces of text of a block joined into lines, line breaks, links and bold runs measured, furniture lines and dates
left out; repeated sections dropped, bold lines made sub-headings."""

from __future__ import annotations

import re

from newsarchive.dates import is_bare_date, is_date_line
from newsarchive.text import clean_non_space_length, clean_text, non_space_length

from .furniture_lines import is_furniture_heading, is_furniture_line
from .credits import is_labelled_credit, is_photo_label, split_credit
from .page_text import TEXT_BLOCKS
from .vocabulary.labels import SOURCE_LINE

# Marks a <br> in collected text (NUL cannot occur in parsed HTML text).
_LINE_BREAK = "\x00"

# A line in bold that ends so is no sub-heading: a sentence, a label, an interview's question ("Pourquoi… ?")
_SENTENCE_END = re.compile(r"[.,;:…?]$")
# Blocks whose paragraph in bold alone may be a sub-heading: paragraphs, a layout cell's ("td") or a text block's lines.
_BOLD_LINE_BLOCKS = frozenset({"p", "div", "td", *TEXT_BLOCKS})
_LETTERS = re.compile(r"[^\W\d_]{2}")
# A paragraph at least this long written again word for word is the page's text written twice (for wide screens and
# for phones, both shown at some width): kept once. A shorter one may repeat (a refrain, an answer's "Oui.").
_MIN_REPEATED_CHARS = 50


class SectionFlow:
    """Collects paragraphs and headings while the content tree is walked."""

    def __init__(self, skip_keys: set[str], left_out: set):
        self.skip_keys = skip_keys
        self.left_out = left_out  # blocks of no body text: an image and its caption (image_lines), a sign-up box
        self.longest_skip_key = max(map(len, skip_keys), default=-1)
        self.sections: list[dict] = [new_section(None, None)]
        self.parts: list[str] = []
        self.link_chars = 0
        self.bold_chars = 0
        self.marks: list[tuple[int, int, int]] = []  # (part, link characters, bold characters) of the block's runs
        # whether the line since the last <br>, in text typed in lines, holds text in bold, and text not in bold
        self.line_bold = self.line_plain = False
        self.layout_cells: set = set()  # the table cells that are blocks of the page's layout (_is_layout_cell)
        self.block = "div"
        self.drop_cap = ""
        self.written: set[str] = set()  # the paragraphs of _MIN_REPEATED_CHARS or more kept

    def add(self, text: str | None, in_link: bool, in_bold: bool, typed: bool = False) -> None:
        """Add a piece of text: in a link, in bold, typed in lines (whose lines are measured, :meth:`line_break`)."""
        if not text:
            return
        self.parts.append(text)
        if in_link or in_bold:
            size = non_space_length(text)
            links, bold = size if in_link else 0, size if in_bold else 0
            self.link_chars += links
            self.bold_chars += bold
            self.marks.append((len(self.parts) - 1, links, bold))
        if typed and not self.line_plain and not text.isspace():
            if in_bold:
                self.line_bold = True
            else:
                self.line_plain = True

    def line_break(self, typed: bool = False) -> None:
        """A ``<br>``: a space in a paragraph; but in text typed in lines (a paragraph's, a ``<div>``'s, an old page's
        layout cell, text typed in the page's ``<article>``), the end of a line in bold alone (``<b>Un nouveau
        bureau</b><br>Le bureau a été…``, its title or a sub-heading), which is a paragraph of its own."""
        alone = typed and self.line_bold and not self.line_plain
        self.parts.append(_LINE_BREAK * (2 if alone else 1))
        self.line_bold = self.line_plain = False

    def flush(self, next_block: str = "div") -> None:
        link_chars, bold_chars, block = self.link_chars, self.bold_chars, self.block
        parts, marks = self.parts, self.marks
        self.link_chars = self.bold_chars = 0
        self.line_bold = self.line_plain = False
        self.block = next_block
        if not parts:  # most blocks end where the previous one did
            return
        raw = "".join(parts)
        self.parts, self.marks = [], []
        pieces = _pieces(parts, marks) if _LINE_BREAK in raw else [(raw, link_chars, bold_chars)]
        if len(pieces) > 1 and self.is_skipped(clean_text(raw.replace(_LINE_BREAK, " "))):
            return  # a text left out, set on lines of its own: the byline "<b>Léa Roy</b><br>Correspondante"
        for piece, link_chars, bold_chars in pieces:  # (each line of a block of lines measured alone)
            text = clean_text(piece.replace(_LINE_BREAK, " "))
            if len(text) == 1 and text.isalpha():
                self.drop_cap = text  # a decorated first letter, set apart from its paragraph
                continue
            if not text or self.is_skipped(text) or text in self.written:  # (a long one written twice)
                continue
            size = clean_non_space_length(text)
            if _keep_paragraph(text, link_chars, size):
                bold = bold_chars and block in _BOLD_LINE_BLOCKS and bold_chars >= size > 0
                self._append((self.drop_cap + text, bool(bold) and _heading_like(text)))
                if len(text) >= _MIN_REPEATED_CHARS:
                    self.written.add(text)

    def is_skipped(self, text: str) -> bool:
        """Whether `text` is one of the texts left out (the headline, the lead...). Case folding makes no text
        shorter: a text longer than all of them is not folded."""
        return len(text) <= self.longest_skip_key and text.casefold() in self.skip_keys

    def _dated_skip(self, text: str) -> bool:
        """Whether a heading is a text left out with a date before or after it: the headline repeated over the text
        with its day (Bridge's ``<h2 class="entry_title"><span class="date">22 janv</span> Titre</h2>``)."""
        folded = text.casefold()
        for key in self.skip_keys:
            if key and key != folded and (folded.startswith(key) or folded.endswith(key)):
                rest = folded.replace(key, "", 1).strip(" -–—|·,:")
                if rest and is_bare_date(rest):
                    return True
        return False

    def _append(self, paragraph: tuple[str, bool]) -> None:
        """Add a paragraph: its text, and whether it could be a bold sub-heading."""
        self.sections[-1]["paragraphs"].append(paragraph)
        self.drop_cap = ""

    def heading(self, text: str, level: int) -> None:
        self.flush()
        if self.is_skipped(text) or self._dated_skip(text):
            return
        section = new_section(text, level)
        section["junk"] = is_furniture_heading(text)
        self.sections.append(section)


def _pieces(parts: list[str], marks: list[tuple[int, int, int]]) -> list[tuple[str, int, int]]:
    """``(text, link characters, bold characters)`` of a block's pieces parted by blank lines (two line breaks or more
    between two texts, spaces at most besides), from the block's ``parts`` and the ``marks`` of its runs in links or in
    bold: a piece is measured alone, as a paragraph of its own is."""
    marked = {part: (links, bold) for part, links, bold in marks}
    pieces: list[tuple[str, int, int]] = []
    current: list[str] = []
    links = bold = breaks = 0
    for index, part in enumerate(parts):
        if part[0] == _LINE_BREAK:
            breaks += len(part)
        elif not part.isspace():
            if breaks >= 2 and current:
                pieces.append(("".join(current), links, bold))
                current, links, bold = [], 0, 0
            breaks = 0
        if index in marked:
            links, bold = links + marked[index][0], bold + marked[index][1]
        current.append(part)
    pieces.append(("".join(current), links, bold))
    return pieces


def new_section(heading: str | None, level: int | None) -> dict:
    return {"heading": heading, "level": level, "paragraphs": []}


def _keep_paragraph(text: str, link_chars: int, size: int) -> bool:
    if SOURCE_LINE.match(text):
        return link_chars < 0.9 * size  # the text's source ("Source : <a>Département du Cantal</a>"), no credit's
    if is_furniture_line(text, link_chars, size=size):
        return False
    # not a bare photo credit or label ("Photo d'illustration / AFP", "Photo Léa Roy"), nor a line of dates ("Mis en
    # ligne le 12 février 2009", "14 mars 2023": the record's dates say it)
    if len(text) > 100:
        return True
    own_text = split_credit(text)[0]
    return bool(own_text) and not is_photo_label(own_text) and not is_labelled_credit(own_text) \
        and not is_date_line(text) and not is_bare_date(text)


def _heading_like(text: str) -> bool:
    return (len(text) <= 120 and len(text.split()) <= 16 and not _SENTENCE_END.search(text)
            and bool(_LETTERS.search(text)))


def finished_sections(sections: list[dict]) -> list[dict]:
    """The flow's sections as the body gives them: those repeating an earlier one left out, short bold-only
    paragraphs followed by text made sub-headings, the furniture's and the empty ones left out."""
    return _finish(_promote_bold_lines(_without_repeated_sections(sections)))


def _without_repeated_sections(sections: list[dict]) -> list[dict]:
    """The sections but those that repeat an earlier one: its heading over paragraphs it holds, if any (a text written
    twice, for wide screens and for phones: its long paragraphs are kept once already, :class:`.SectionFlow`). The
    same heading over other paragraphs is another section (``Infos pratiques`` under each place of a guide)."""
    held: dict[str, set[str]] = {}  # heading -> the paragraphs of its sections
    kept = []
    for section in sections:
        texts = [text for text, _ in section["paragraphs"]]
        heading = section["heading"]
        if heading is not None and heading in held and all(text in held[heading] for text in texts):
            continue
        if heading is not None:
            held.setdefault(heading, set()).update(texts)
        kept.append(section)
    return kept


def _promote_bold_lines(sections: list[dict]) -> list[dict]:
    """Split sections on short bold-only paragraphs that are followed by text."""
    out = []
    for section in sections:
        current = new_section(section["heading"], section["level"])
        current["junk"] = section.get("junk", False)
        out.append(current)
        paragraphs = section["paragraphs"]  # (text, whether it could be a bold sub-heading)
        for index, (text, bold_line) in enumerate(paragraphs):
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            opens_body = index == 0 and section["heading"] is None  # a kicker or a byline
            if bold_line and not opens_body and following is not None and not following[1]:
                current = new_section(text, (section["level"] or 1) + 1)
                out.append(current)
            else:
                current["paragraphs"].append(text)
    return out


def _finish(sections: list[dict]) -> list[dict]:
    kept = [s for s in sections if not s.pop("junk", False)]
    while kept and not kept[-1]["paragraphs"]:
        kept.pop()
    out = []
    for index, section in enumerate(kept):
        if section["paragraphs"] or (section["heading"] is not None and _deeper_follows(kept, index)):
            out.append(section)
    return out


def _deeper_follows(sections: list[dict], index: int) -> bool:
    level = sections[index]["level"] or 0
    following = sections[index + 1] if index + 1 < len(sections) else None
    return following is not None and (following["level"] or 0) > level
