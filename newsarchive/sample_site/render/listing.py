"""Pages that are not articles: home and archive listings, static pages, search and errors."""

from __future__ import annotations

from dataclasses import dataclass

from newsarchive.sample_site import frenchdates as fd
from newsarchive.sample_site.model import SITE_NAME, Article
from newsarchive.sample_site.render import jsonld
from newsarchive.sample_site.render.layout import STATIC_PAGES, PageFrame, document
from newsarchive.sample_site.render.markup import attr, excerpt, link, text


@dataclass
class Listing:
    """One page of an archive: ``entries`` are (article, link URL) pairs, newest first."""

    title: str
    heading: str
    base_path: str  # "" for the home page, "category/france/" for an archive
    page: int
    pages: int
    entries: list[tuple[Article, str]]
    body_class: str = "archive"


def page_path(base_path: str, page: int) -> str:
    return base_path if page <= 1 else f"{base_path}page/{page}/"


def listing_page(site, listing: Listing) -> str:
    url = site.url(page_path(listing.base_path, listing.page))
    head = [jsonld.meta("og:type", "website"), jsonld.meta("og:url", url), jsonld.meta("og:title", listing.title)]
    if listing.page > 1:
        head.append(f'<link rel="prev" href="{attr(site.url(page_path(listing.base_path, listing.page - 1)))}">')
    if listing.page < listing.pages:
        head.append(f'<link rel="next" href="{attr(site.url(page_path(listing.base_path, listing.page + 1)))}">')
    head.append(jsonld.script(jsonld.listing_graph(site, url, listing.title)))
    items = "\n".join(_item(site, article, href) for article, href in listing.entries)
    heading = f'<div class="archive-box"><h1 class="page-title">{text(listing.heading)}</h1></div>'
    main = (
        f'{heading if listing.heading else ""}\n<ul class="penci-wrapper-data penci-grid">\n{items}\n</ul>\n'
        + pagination(site, listing)
    )
    return document(site, PageFrame(title=listing.title, body_class=listing.body_class, main=main,
                                    canonical=url, head=head))


def _item(site, article: Article, href: str) -> str:
    updated = ""
    if article.is_updated:
        updated = (f' <span class="penci-updated">Mis à jour le <time class="updated" '
                   f'datetime="{fd.iso_local(article.modified)}">{text(fd.short_date(article.modified))}</time></span>')
    thumb = ""
    if article.image_url:
        thumb = (f'<div class="thumbnail"><a class="penci-image-holder" href="{attr(href)}">'
                 f'<img src="{attr(article.image_url)}" alt="{attr(article.headline)}"></a></div>')
    category = link(site.url(f"category/{article.category_slug}/"), article.category, class_="penci-cat-name")
    return (
        f'<li class="list-post penci-item-listp"><article id="post-{article.post_id}" class="item hentry">'
        f"{thumb}<div class=\"content-list-right content-list-center\"><div class=\"header-list-style\">"
        f'<span class="cat">{category}'
        f'</span><h2 class="penci-entry-title entry-title grid-title">{link(href, article.headline)}</h2>'
        f'<div class="grid-post-box-meta"><span class="otherl-date-author author-italic author vcard">by '
        f'{link(site.url(f"author/{article.author_slug}/"), article.author, class_="author-url url fn n")}</span>'
        f'<span class="otherl-date"><time class="entry-date published" datetime="{fd.iso_local(article.published)}">'
        f"{text(fd.short_date(article.published))}</time></span>{updated}</div></div>"
        f'<div class="item-content entry-content"><p>{text(excerpt(article.paragraphs, 200))}</p></div>'
        "</div></article></li>"
    )


def pagination(site, listing: Listing) -> str:
    if listing.pages <= 1:
        return ""
    parts = []
    if listing.page > 1:
        parts.append(link(site.url(page_path(listing.base_path, listing.page - 1)), "‹ Précédent",
                          class_="prev page-numbers"))
    shown = sorted({1, listing.pages, *range(max(1, listing.page - 2), min(listing.pages, listing.page + 2) + 1)})
    previous = 0
    for number in shown:
        if number > previous + 1:
            parts.append('<span class="page-numbers dots">…</span>')
        if number == listing.page:
            parts.append(f'<span aria-current="page" class="page-numbers current">{number}</span>')
        else:
            parts.append(link(site.url(page_path(listing.base_path, number)), str(number), class_="page-numbers"))
        previous = number
    if listing.page < listing.pages:
        parts.append(link(site.url(page_path(listing.base_path, listing.page + 1)), "Suivant ›",
                          class_="next page-numbers"))
    items = "".join(f"<li>{part}</li>" for part in parts)
    return f'<div class="penci-pagination align-left"><ul class="page-numbers">{items}</ul></div>'


STATIC_TEXTS = {
    "contact": (
        "Pour contacter la rédaction, écrivez-nous à redaction@onemedia.fr.",
        "Les communiqués de presse sont lus chaque jour par l’équipe de permanence.",
    ),
    "mentions-legales": (
        "Le site onemedia.fr est édité par OneMedia, société par actions simplifiée.",
        "Directrice de la publication : Sara. Hébergement : prestataire situé dans l’Union européenne.",
    ),
}


def static_page(site, slug: str) -> str:
    title = STATIC_PAGES[slug]
    body = "\n".join(f"<p>{text(paragraph)}</p>" for paragraph in STATIC_TEXTS[slug])
    url = site.url(f"{slug}/")
    main = (f'<article class="post type-page status-publish hentry"><div class="header-standard header-classic">'
            f'<h1 class="post-title page-title">{text(title)}</h1></div>'
            f'<div class="post-entry"><div class="inner-post-entry entry-content">{body}</div></div></article>')
    head = [jsonld.meta("og:type", "website"), jsonld.meta("og:title", title), jsonld.meta("og:url", url),
            jsonld.script(jsonld.listing_graph(site, url, title))]
    return document(site, PageFrame(title=f"{title} - {SITE_NAME}", body_class="page-template-default page",
                                    main=main, canonical=url, head=head))


ERROR_TEXTS = {
    403: ("Accès refusé", "Vous n’avez pas l’autorisation d’accéder à cette page."),
    404: ("Page introuvable", "Oups ! Cette page est introuvable. Essayez une recherche."),
    410: ("Contenu supprimé", "Ce contenu a été retiré du site et n’est plus disponible."),
    500: ("Erreur interne", "Une erreur est survenue. Veuillez réessayer plus tard."),
}


def error_page(site, status: int) -> str:
    title, message = ERROR_TEXTS.get(status, ERROR_TEXTS[500])
    main = (f'<div class="error-404"><h1 class="page-title">{status}</h1>'
            f'<p class="sub-heading-text-404">{text(message)}</p>'
            f'<form role="search" method="get" action="{attr(site.url(""))}"><input type="text" name="s"></form>'
            f'<p class="go-back-home">{link(site.url(""), "Retour à l’accueil")}</p></div>')
    return document(site, PageFrame(title=f"{title} - {SITE_NAME}", body_class="error404", main=main))
