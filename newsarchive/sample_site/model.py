"""What the sample site publishes: articles and their parts, as plain data.

An :class:`Article` is both what the site renders and the ground truth an extraction or a crawl
is compared with: its ``sections``, ``captions``, ``tags`` and dates are what an extractor
should find on the rendered page.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

COPYRIGHT = "Droits d’auteur © 2024 – onemedia.fr – Tous droits réservés"
SITE_NAME = "OneMedia"
PARENT_CATEGORY = "Actualité"

#: How a paragraph of a section is rendered (the text is the same in the ground truth).
PARAGRAPH, LIST_ITEM, QUOTE = "p", "li", "quote"

#: How an image caption gives its credit: ``Crédit : AFP``, ``© Reuters``, ``Photo : Jean Dupont``.
CREDIT_FORMATS = {
    "credit": "Crédit\u00a0: {}",
    "copyright": "© {}",
    "photo": "Photo\u00a0: {}",
}


def slugify(text: str) -> str:
    """WordPress-like slug: accents dropped, lower case, words joined by hyphens."""
    text = text.replace("’", "-").replace("'", "-").replace("œ", "oe").replace("Œ", "oe")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@dataclass(frozen=True)
class Category:
    name: str
    slug: str
    term_id: int


@dataclass
class Section:
    """A run of the body under one sub-heading (``heading`` None for the opening section).

    ``kinds`` says how each paragraph is rendered (``p``, ``li`` or ``quote``); consecutive list
    items form one list, consecutive quotes one block quote. Missing kinds mean plain paragraphs.
    """

    heading: str | None
    level: int | None
    paragraphs: list[str]
    kinds: list[str] = field(default_factory=list)

    def kind(self, index: int) -> str:
        return self.kinds[index] if index < len(self.kinds) else PARAGRAPH


@dataclass
class Caption:
    """An image in the body with its caption.

    ``text`` is the caption without the credit, ``credit`` the credited name (``AFP``), shown in
    the way ``credit_format`` names (a key of :data:`CREDIT_FORMATS`). ``style`` is ``block``
    (block-editor ``figure.wp-block-image``) or ``classic`` (``div.wp-caption``). The image is
    placed after the paragraphs of section ``section`` (negative indexes count from the end).
    """

    text: str
    image_url: str | None
    credit: str | None = None
    credit_format: str = "credit"
    style: str = "block"
    section: int = -1

    @property
    def rendered_text(self) -> str:
        if not self.credit:
            return self.text
        return f"{self.text} {CREDIT_FORMATS[self.credit_format].format(self.credit)}"


@dataclass
class Article:
    """One post of the site, with everything an extractor is expected to find on its page.

    ``published``/``modified`` are aware datetimes. ``path`` is the permalink path
    (``/<category_slug>/<slug>/``); ``url`` and ``alias_urls`` are filled in by the site from its
    base URL. ``alias_paths`` are further paths that serve the same page (same canonical).
    ``date_style`` chooses the visible date line (see ``newsarchive.sample_site.frenchdates``).
    ``image_url`` is the featured image (None: no featured image). ``access`` is what the page declares
    (``free``, ``subscribers``; None: nothing); ``teaser`` is how many body paragraphs a subscriber-only
    page shows before its subscription prompt (None: the whole body).
    """

    headline: str
    author: str
    category: str
    published: datetime
    modified: datetime
    sections: list[Section]
    captions: list[Caption] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    lead: str | None = None
    image_url: str | None = None
    slug: str = ""
    post_id: int = 0
    date_style: str | None = None
    alias_paths: list[str] = field(default_factory=list)
    url: str = ""
    alias_urls: list[str] = field(default_factory=list)
    access: str | None = None
    teaser: int | None = None

    def __post_init__(self) -> None:
        if not self.slug:
            self.slug = slugify(self.headline)

    @property
    def category_slug(self) -> str:
        return slugify(self.category)

    @property
    def author_slug(self) -> str:
        return slugify(self.author)

    @property
    def path(self) -> str:
        return f"/{self.category_slug}/{self.slug}/"

    @property
    def breadcrumb(self) -> list[str]:
        return ["Home", PARENT_CATEGORY, self.headline]

    @property
    def copyright(self) -> str:
        return COPYRIGHT

    @property
    def paragraphs(self) -> list[str]:
        return [text for section in self.sections for text in section.paragraphs]

    @property
    def shown_sections(self) -> list[Section]:
        """The sections the page shows: all of them, or the first ``teaser`` paragraphs of a paywalled page."""
        if self.teaser is None:
            return self.sections
        shown, left = [], self.teaser
        for section in self.sections:
            if left <= 0:
                break
            shown.append(Section(section.heading, section.level, section.paragraphs[:left], section.kinds[:left]))
            left -= len(section.paragraphs)
        return shown

    @property
    def word_count(self) -> int:
        return sum(len(text.split()) for text in self.paragraphs)

    @property
    def is_updated(self) -> bool:
        return self.modified > self.published
