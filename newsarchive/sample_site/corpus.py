"""Invented French articles, generated deterministically from a seed.

Article number ``n`` of seed ``s`` is always the same, whatever else is generated: each one draws
from its own ``random.Random`` seeded with ``(s, n, revision)``.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import datetime, timedelta

from newsarchive.sample_site import vocabulary as vocab
from newsarchive.sample_site.frenchdates import DATE_STYLES, short_date
from newsarchive.sample_site.model import LIST_ITEM, PARAGRAPH, QUOTE, Article, Caption, Section, slugify

LEAD_EVERY = 10  # article numbers 3, 13, 23... have a standfirst


IRREGULAR_PLURALS = {
    "prévoit": "prévoient", "promet": "promettent", "réunit": "réunissent",
    "perd": "perdent", "suspend": "suspendent", "défend": "défendent",
}


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def agree(actor: str, verb: str) -> str:
    """The verb (``lance``, ``a lancé``) in the plural when the actor is plural (``les …``)."""
    if not actor.startswith("les "):
        return verb
    first, _, rest = verb.partition(" ")
    if first == "a":
        plural = "ont"
    else:
        plural = IRREGULAR_PLURALS.get(first, first + "nt" if first.endswith("e") else first)
    return f"{plural} {rest}".strip()


class ArticleWriter:
    """Writes the article of one number (and revision) from its own random generator."""

    def __init__(self, seed: int, number: int, revision: int = 0):
        self.rng = random.Random(f"{seed}:{number}:{revision}")
        self.number = number
        self.category = vocab.CATEGORIES[(number * 5) % len(vocab.CATEGORIES)]
        self.actors, self.actions, self.tag_pool = vocab.TOPICS[self.category]

    def write(self, published: datetime, modified: datetime) -> Article:
        rng = self.rng
        headline = self.headline()
        has_images = rng.random() < 0.8
        image_url = self.image_path(published, slugify(headline), 0) if has_images else None
        sections = self.sections()
        return Article(
            headline=headline,
            author=rng.choice(vocab.AUTHORS),
            category=self.category,
            published=published,
            modified=modified,
            sections=sections,
            captions=self.captions(published, headline, len(sections)) if has_images else [],
            tags=self.tags(),
            lead=self.lead() if self.number % LEAD_EVERY == 3 else None,
            image_url=image_url,
            date_style=rng.choice(DATE_STYLES + (None, None)),
        )

    def headline(self) -> str:
        rng = self.rng
        actor = rng.choice(self.actors)
        present, _, obj = rng.choice(self.actions)
        present = agree(actor, present)
        form = rng.randrange(4)
        if form == 1:
            return f"{rng.choice(vocab.PLACES)} : {actor} {present} {obj}"
        if form == 2:
            return f"« {rng.choice(vocab.QUOTES)} » : {actor} {present} {obj}"
        if form == 3:
            return capitalize(f"{actor} {present} {obj} {rng.choice(vocab.CIRCUMSTANCES)}")
        return capitalize(f"{actor} {present} {obj}")

    def sentence(self) -> str:
        rng = self.rng
        kind = rng.randrange(5)
        if kind == 0:
            return f"« {rng.choice(vocab.QUOTES)} », a déclaré {rng.choice(vocab.SPEAKERS)}."
        if kind == 1:
            return rng.choice(vocab.COMMENTS)
        _, perfect, obj = rng.choice(self.actions)
        actor = rng.choice(self.actors)
        perfect = agree(actor, perfect)
        if kind == 2:
            return f"À {rng.choice(vocab.PLACES)}, {actor} {perfect} {obj}."
        opener = rng.choice(vocab.OPENERS)
        text = f"{opener}{actor} {perfect} {obj} {rng.choice(vocab.CIRCUMSTANCES)}."
        return capitalize(text)

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 4)))

    def sections(self) -> list[Section]:
        rng = self.rng
        count = rng.choice((1, 1, 2, 3, 3, 4, 5))
        headings = rng.sample(vocab.HEADINGS, count - 1)
        sections = [self.section(None, None)]
        for heading in headings:
            sections.append(self.section(heading, 2))
            if rng.random() < 0.08:
                sections.append(self.section(rng.choice(vocab.SUBHEADINGS), 3))
        return sections

    def section(self, heading: str | None, level: int | None) -> Section:
        rng = self.rng
        paragraphs = [self.paragraph() for _ in range(rng.randint(1, 4))]
        kinds = [PARAGRAPH] * len(paragraphs)
        extra = rng.random()
        if extra < 0.12:
            items = [capitalize(item) for item in rng.sample(vocab.LIST_ITEMS, rng.randint(2, 4))]
            paragraphs += ["Le dispositif prévoit notamment :", *items]
            kinds += [PARAGRAPH] + [LIST_ITEM] * len(items)
        elif extra < 0.22:
            quote = f"« {rng.choice(vocab.QUOTES)}. {rng.choice(vocab.COMMENTS)} »"
            paragraphs.insert(1, quote)
            kinds.insert(1, QUOTE)
        return Section(heading, level, paragraphs, kinds)

    def captions(self, published: datetime, headline: str, section_count: int) -> list[Caption]:
        rng = self.rng
        captions = []
        for position in range(rng.choice((0, 1, 1, 2))):
            taken = published - timedelta(days=rng.randint(0, 3))
            text = capitalize(
                f"{rng.choice(self.actors)} {rng.choice(vocab.CAPTION_SCENES)} "
                f"à {rng.choice(vocab.PLACES)}, le {short_date(taken)}."
            )
            credited = rng.random() < 0.75
            captions.append(Caption(
                text=text,
                image_url=self.image_path(published, slugify(headline), position + 1),
                credit=rng.choice(vocab.PHOTOGRAPHERS) if credited else None,
                credit_format=rng.choice(("credit", "copyright", "photo")),
                style=("block", "classic")[(self.number + position) % 2],
                section=rng.randrange(section_count),
            ))
        return captions

    def tags(self) -> list[str]:
        rng = self.rng
        tags = rng.sample(self.tag_pool, rng.randint(1, 4))
        if rng.random() < 0.4:
            tags.append(rng.choice(vocab.PLACES))
        return tags

    def lead(self) -> str:
        return f"{capitalize(self.rng.choice(self.actors))} a tranché. {self.rng.choice(vocab.COMMENTS)}"

    @staticmethod
    def image_path(published: datetime, slug: str, position: int) -> str:
        """Image path, relative to the site's base URL (made absolute when rendered)."""
        name = "-".join(slug.split("-")[:5])
        suffix = f"-{position}" if position else ""
        return f"wp-content/uploads/{published:%Y/%m}/{name}{suffix}.jpg"


def timeline(seed: int, count: int, newest: datetime, now: datetime) -> list[tuple[datetime, datetime]]:
    """(published, modified) of ``count`` articles, oldest first, the newest published at ``newest``.

    About a third of the articles were updated after publication, never later than ``now``.
    """
    rng = random.Random(f"{seed}:timeline")
    published = newest
    moments = []
    for _ in range(count):
        modified = published
        if rng.random() < 0.3:
            modified = min(published + timedelta(minutes=rng.randint(20, 4320)), now - timedelta(minutes=5))
        moments.append((published, max(modified, published)))
        published -= timedelta(minutes=rng.randint(45, 540))
    return moments[::-1]


def revise(article: Article, modified: datetime, rng: random.Random) -> Article:
    """A corrected version of an article: an update paragraph at the end, sometimes a new headline."""
    comment = rng.choice(vocab.COMMENTS)
    update = f"Mise à jour : {comment[:1].lower()}{comment[1:]}"
    last = article.sections[-1] if article.sections else Section(None, None, [])
    revised_last = Section(last.heading, last.level, [*last.paragraphs, update], [*last.kinds])
    headline = article.headline
    if rng.random() < 0.4:
        headline = f"{headline} (actualisé)"
    sections = [*article.sections[:-1], revised_last]
    return dataclasses.replace(article, headline=headline, sections=sections, modified=modified)
