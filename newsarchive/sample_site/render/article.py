"""A single post page, as the Soledad theme and Yoast write it."""

from __future__ import annotations

from urllib.parse import quote

from newsarchive.sample_site import frenchdates as fd
from newsarchive.sample_site.model import Article
from newsarchive.sample_site.render import jsonld
from newsarchive.sample_site.render.body import entry_content
from newsarchive.sample_site.render.layout import PageFrame, breadcrumb, document
from newsarchive.sample_site.render.markup import attr, excerpt, link, text


def article_page(site, article: Article) -> str:
    canonical = article.url
    description = article.lead or excerpt(article.paragraphs)
    head = jsonld.article_meta(article, canonical, description)
    head.append(f'<link rel="amphtml" href="{attr(canonical)}amp/">')
    head.append(jsonld.script(jsonld.article_graph(site, article, canonical)))
    classes = f"post type-post status-publish format-standard hentry category-{article.category_slug}"
    if article.image_url:
        classes += " has-post-thumbnail"
    classes += "".join(f" tag-{site.tag_slug(tag)}" for tag in article.tags)
    main = "\n".join((
        f'<article id="post-{article.post_id}" class="{classes}">',
        _header(site, article),
        _featured_image(article),
        _category_label(site, article),
        _lead(article),
        entry_content(site, article),
        _share_box(article),
        _post_pagination(site, article),
        _related(site, article),
        _comments(site, article),
        "</article>",
    ))
    return document(site, PageFrame(
        title=jsonld.page_title(article.headline),
        body_class=f"post-template-default single single-post postid-{article.post_id} single-format-standard",
        main=main,
        canonical=canonical,
        head=head,
        breadcrumb=breadcrumb(site, article.headline),
    ))


def _header(site, article: Article) -> str:
    title = f'<h1 class="post-title single-post-title entry-title">{text(article.headline)}</h1>'
    author_url = site.url(f"author/{article.author_slug}/")
    byline = (
        '<span class="author-post byline"><span class="author vcard">by '
        f'<a class="author-url url fn n" href="{attr(author_url)}">{text(article.author)}</a></span></span>'
    )
    return (
        '<div class="header-standard header-classic single-header">\n'
        + (title + "\n" if article.headline else "")
        + f'<div class="post-box-meta-single">{byline}{date_line(article)}</div>\n</div>'
    )


def date_line(article: Article) -> str:
    """The visible publication (and update) date, in the article's ``date_style``."""
    style, published, modified = article.date_style, article.published, article.modified
    if style is None:
        return ""
    if style == "numeric":
        line = f"Publié le {fd.numeric_date(published)}"
        if article.is_updated:
            line += f" – Mis à jour le {fd.numeric_date(modified)}"
        return f'<span class="penci-posted-on">{text(line)}</span>'
    shown = {"long": fd.long_date, "short": fd.short_date, "abbreviated": fd.abbreviated_date}[style]
    line = (f'<span><time class="entry-date published" datetime="{fd.iso_local(published)}">'
            f"{text(shown(published))}</time></span>")
    if article.is_updated:
        line += (f'<span><time class="updated" datetime="{fd.iso_local(modified)}">'
                 f"Mis à jour le {text(fd.short_date(modified))}</time></span>")
    return line


def _featured_image(article: Article) -> str:
    if not article.image_url:
        return ""
    src, alt = attr(article.image_url), attr(article.headline)
    return (f'<div class="post-image"><img class="attachment-penci-full-thumb size-penci-full-thumb '
            f'wp-post-image" src="{src}" alt="{alt}" title="{alt}" width="1200" height="675"></div>')


def _category_label(site, article: Article) -> str:
    category = site.category(article.category_slug)
    href = site.url(f"category/{article.category_slug}/")
    return (
        '<div class="penci-standard-cat penci-single-cat"><span class="cat">'
        f'<a class="penci-cat-name penci-cat-{category.term_id}" href="{attr(href)}" rel="category tag">'
        f"{text(article.category)}</a></span></div>"
    )


def _lead(article: Article) -> str:
    return f'<p class="penci-single-excerpt">{text(article.lead)}</p>' if article.lead else ""


def _share_box(article: Article) -> str:
    target = quote(article.url, safe="")
    networks = (
        ("facebook", f"https://www.facebook.com/sharer/sharer.php?u={target}", "Facebook"),
        ("twitter", f"https://twitter.com/intent/tweet?text={target}", "Twitter"),
        ("pinterest", f"https://pinterest.com/pin/create/button/?url={target}", "Pinterest"),
        ("email", f"mailto:?subject=OneMedia&body={target}", "Email"),
    )
    buttons = "".join(
        f'<a class="new-ver-share post-share-item post-share-{name}" target="_blank" rel="noreferrer" '
        f'href="{attr(href)}"><i class="penci-faicon fa fa-{name}"></i><span class="dt-share">{label}</span></a>'
        for name, href, label in networks
    )
    return (f'<div class="tags-share-box single-post-share tags-share-box-s1"><div class="post-share">'
            f'<span class="share-title">Partager</span>{buttons}</div></div>')


def _post_pagination(site, article: Article) -> str:
    older, newer = site.neighbours(article)
    parts = []
    if older:
        parts.append(f'<div class="prev-post"><div class="prev-post-title"><span>previous post</span></div>'
                     f"{link(older.url, older.headline)}</div>")
    if newer:
        parts.append(f'<div class="next-post"><div class="next-post-title"><span>next post</span></div>'
                     f"{link(newer.url, newer.headline)}</div>")
    return f'<div class="post-pagination">{"".join(parts)}</div>'


def _related(site, article: Article) -> str:
    items = "".join(
        '<div class="item-related">'
        + (f'<a class="related-thumb" href="{attr(other.url)}"><img src="{attr(other.image_url)}" alt=""></a>'
           if other.image_url else "")
        + f'<h3>{link(other.url, other.headline)}</h3>'
        + f'<span class="date">{text(fd.short_date(other.published))}</span></div>'
        for other in site.related(article, 3)
    )
    return (
        '<div class="post-related"><div class="post-title-box"><h4 class="post-box-title">You may also like</h4>'
        f'</div><div class="penci-owl-carousel penci-related-carousel">{items}</div></div>'
    )


def _comments(site, article: Article) -> str:
    return (
        '<div class="post-comments no-comment-yet penci-comments-hide-0" id="comments">'
        '<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">'
        '<span>Leave a Comment</span></h3>'
        f'<form action="{attr(site.url("wp-comments-post.php"))}" method="post" id="commentform" class="comment-form">'
        '<p class="comment-form-comment"><textarea id="comment" name="comment" cols="45" rows="8" '
        'placeholder="Your Comment" aria-required="true"></textarea></p>'
        '<p class="comment-form-author"><input id="author" name="author" type="text" placeholder="Name*"></p>'
        '<p class="comment-form-email"><input id="email" name="email" type="text" placeholder="Email*"></p>'
        '<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Submit">'
        f'<input type="hidden" name="comment_post_ID" value="{article.post_id}" id="comment_post_ID"></p>'
        "</form></div></div>"
    )
