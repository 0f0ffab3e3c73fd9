"""The entry content of an article: sections, lists, quotes, captioned images and tags."""

from __future__ import annotations

import zlib
from itertools import groupby

from newsarchive.sample_site.model import LIST_ITEM, QUOTE, Article, Caption, Section, slugify
from newsarchive.sample_site.render.markup import attr, link, text


PAYWALL = ('<div class="paywall"><p>Article réservé aux abonnés. Il vous reste {percent} % de cet article à lire.</p>'
           '<a href="{url}">Je m’abonne</a></div>')


def entry_content(site, article: Article) -> str:
    placed = _captions_by_section(article)
    parts = []
    for index, section in enumerate(article.shown_sections):
        parts.append(section_html(section))
        parts += [caption_html(caption) for caption in placed.get(index, [])]
    if article.teaser is not None:
        shown = sum(len(paragraph.split()) for section in article.shown_sections for paragraph in section.paragraphs)
        percent = 100 - 100 * shown // max(article.word_count, 1)
        parts.append(PAYWALL.format(percent=percent, url=attr(site.url("abonnement/"))))
    parts.append('<div class="penci-single-link-pages"></div>')
    if article.tags:
        parts.append(tags_html(site, article.tags))
    return (
        '<div class="post-entry blockquote-style-1">\n'
        '<div class="inner-post-entry entry-content" id="penci-post-entry-inline">\n'
        + "\n".join(parts)
        + "\n</div>\n</div>"
    )


def _captions_by_section(article: Article) -> dict[int, list[Caption]]:
    placed: dict[int, list[Caption]] = {}
    count = len(article.sections)
    for caption in article.captions:
        index = caption.section % count if count else 0
        placed.setdefault(index, []).append(caption)
    return placed


def section_html(section: Section) -> str:
    parts = []
    if section.heading:
        parts.append(f'<h{section.level or 2} class="wp-block-heading">{text(section.heading)}</h{section.level or 2}>')
    indexed = list(enumerate(section.paragraphs))
    for kind, run in groupby(indexed, key=lambda pair: section.kind(pair[0])):
        paragraphs = [paragraph for _, paragraph in run]
        parts.append(_run_html(kind, paragraphs))
    return "\n".join(parts)


def _run_html(kind: str, paragraphs: list[str]) -> str:
    if kind == LIST_ITEM:
        items = "".join(f"<li>{text(item)}</li>" for item in paragraphs)
        return f'<ul class="wp-block-list">{items}</ul>'
    inner = "\n".join(f"<p>{text(paragraph)}</p>" for paragraph in paragraphs)
    if kind == QUOTE:
        return f'<blockquote class="wp-block-quote is-layout-flow">{inner}</blockquote>'
    return inner


def attachment_id(image_url: str | None) -> int:
    return 1000 + zlib.crc32((image_url or "").encode()) % 90000


def caption_html(caption: Caption) -> str:
    image_id = attachment_id(caption.image_url)
    src = attr(caption.image_url or "")
    if caption.style == "classic":
        return (
            f'<div id="attachment_{image_id}" style="width: 1034px" class="wp-caption aligncenter">'
            f'<img decoding="async" aria-describedby="caption-attachment-{image_id}" '
            f'class="size-full wp-image-{image_id}" src="{src}" alt="" width="1024" height="683">'
            f'<p id="caption-attachment-{image_id}" class="wp-caption-text">{text(caption.rendered_text)}</p></div>'
        )
    credit = ""
    if caption.credit:
        credit = f" <em>{text(caption.rendered_text[len(caption.text):].strip())}</em>"
    return (
        '<figure class="wp-block-image size-large">'
        f'<img decoding="async" width="1024" height="576" src="{src}" alt="{attr(caption.text)}" '
        f'class="wp-image-{image_id}"><figcaption class="wp-element-caption">{text(caption.text)}{credit}'
        "</figcaption></figure>"
    )


def tags_html(site, tags: list[str]) -> str:
    links = "\n".join(link(site.url(f"tag/{slugify(tag)}/"), tag, rel="tag") for tag in tags)
    return f'<div class="post-tags">{links}</div>'
