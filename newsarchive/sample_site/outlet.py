"""A second outlet for the sample site: it republishes some of the first outlet's articles as agency copy,
edited, and keeps some of its own articles for subscribers.

The first outlet is the sample site of the same seed and size (``newsarchive sample-site``); the second
(``newsarchive sample-site --republisher``) has its own articles, generated from another seed, of which
one in PAYWALL_EVERY shows only its first paragraph and a subscription prompt (JSON-LD
``isAccessibleForFree: false``, « Article réservé aux abonnés »), and a rewrite of one first-outlet
article in REWRITE_EVERY (those long enough to be recognised): a new headline and author, a ``Paris
(AFP) –`` dateline, some sentences rewritten, the last paragraph cut and one of its own added, published
two hours later. :func:`ground_truth` says what a crawl of both outlets must find.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import timedelta

from newsarchive.sample_site import vocabulary as vocab
from newsarchive.sample_site.corpus import ArticleWriter
from newsarchive.sample_site.model import Article, Section
from newsarchive.sample_site.site import SampleSite

REWRITE_EVERY = 4
PAYWALL_EVERY = 3
MIN_REWRITTEN_WORDS = 80  # shorter articles are not republished: too little text to recognise a copy
OWN_SEED_OFFSET = 1000
AGENCY = "AFP"
DATELINE = "Paris (AFP) – "
TEASER_PARAGRAPHS = 1


def republisher_site(articles: int, seed: int, base_url: str, **options) -> SampleSite:
    """The second outlet of the sample site of ``articles`` articles and ``seed``."""
    site = SampleSite(articles=max(articles // 2, 1), seed=seed + OWN_SEED_OFFSET, base_url=base_url, **options)
    for position, article in enumerate(site.articles):
        if position % PAYWALL_EVERY == 1:
            site.catalog.replace(article, dataclasses.replace(article, access="subscribers", teaser=TEASER_PARAGRAPHS))
    for article in republished(SampleSite(articles=articles, seed=seed)):
        site.add_article(rewrite(article, random.Random(f"{seed}:rewrite:{article.slug}")))
    return site


def republished(source: SampleSite) -> list[Article]:
    """The first outlet's articles the second one republishes."""
    long_enough = [article for article in reversed(source.articles) if article.word_count >= MIN_REWRITTEN_WORDS]
    return long_enough[::REWRITE_EVERY]


def rewrite(article: Article, rng: random.Random) -> Article:
    """The second outlet's edit of ``article``: a dateline, some sentences rewritten, the end changed."""
    writer = ArticleWriter(rng.randrange(10**6), rng.randrange(10**6))
    writer.category, writer.actors, writer.actions = article.category, *vocab.TOPICS[article.category][:2]
    sections = [Section(s.heading, s.level, list(s.paragraphs), list(s.kinds)) for s in article.sections]
    for section in sections:
        for index, paragraph in enumerate(section.paragraphs):
            sentences = paragraph.split(". ")
            if len(sentences) > 1 and rng.random() < 0.3:
                sentences[rng.randrange(len(sentences))] = writer.sentence().rstrip(".")
                section.paragraphs[index] = ". ".join(sentences)
    if len(sections[-1].paragraphs) > 1:
        sections[-1].paragraphs.pop()
        sections[-1].kinds = sections[-1].kinds[:len(sections[-1].paragraphs)]
    sections[-1].paragraphs.append(writer.paragraph())
    first = sections[0]
    first.paragraphs[0] = DATELINE + first.paragraphs[0]
    later = article.published + timedelta(hours=2)
    return Article(
        headline=writer.headline(), author=rng.choice(vocab.AUTHORS), category=article.category,
        published=later, modified=later, sections=sections, tags=list(article.tags),
        date_style=article.date_style, access="free",
    )


def ground_truth(first_url: str, second_url: str, articles: int, seed: int) -> dict:
    """What a crawl of both outlets finds: the clusters (first outlet's URL, second's), the access and
    truncated flags of the second outlet's articles, and the agencies of its rewrites."""
    source = SampleSite(articles=articles, seed=seed, base_url=first_url)
    outlet = republisher_site(articles, seed, second_url)
    copies = {(copy.headline, copy.published): copy for copy in outlet.articles if copy.access == "free"}
    pairs = []
    for original in republished(source):
        copy = rewrite(original, random.Random(f"{seed}:rewrite:{original.slug}"))
        pairs.append((original.url, copies[(copy.headline, copy.published)].url))
    access = {article.url: (article.access or "unknown", article.teaser is not None) for article in outlet.articles}
    return {"clusters": sorted(pairs), "access": access,
            "agencies": {copy.url: [AGENCY] for copy in copies.values()}}
