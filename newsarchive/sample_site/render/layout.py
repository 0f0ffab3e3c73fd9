"""The theme's page frame: head, header menu, sidebar widgets and footer."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsarchive.sample_site.model import COPYRIGHT, SITE_NAME
from newsarchive.sample_site.render.markup import attr, link, text

STATIC_PAGES = {"contact": "Contact", "mentions-legales": "Mentions légales"}


@dataclass
class PageFrame:
    """What changes from one page to the next around the main column."""

    title: str
    body_class: str
    main: str
    canonical: str | None = None
    head: list[str] = field(default_factory=list)
    breadcrumb: str = ""


def document(site, frame: PageFrame) -> str:
    return "\n".join((
        "<!DOCTYPE html>",
        '<html lang="fr-FR">',
        _head(site, frame),
        f'<body class="{attr(frame.body_class)}">',
        '<div class="wrapper-boxed header-style-header-1">',
        header(site),
        frame.breadcrumb,
        '<div class="container container-single penci_sidebar right-sidebar">',
        '<div id="main" class="penci-main-sticky-sidebar"><div class="theiaStickySidebar">',
        frame.main,
        "</div></div>",
        sidebar(site),
        "</div>",
        footer(site),
        "</div>",
        f'<script src="{attr(site.url("wp-content/themes/soledad/js/main.js"))}" id="main-scripts-js"></script>',
        "</body>",
        "</html>",
    ))


def _head(site, frame: PageFrame) -> str:
    lines = [
        "<head>",
        '<meta charset="UTF-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{text(frame.title)}</title>",
        '<meta name="robots" content="index, follow, max-image-preview:large">',
    ]
    if frame.canonical:
        lines.append(f'<link rel="canonical" href="{attr(frame.canonical)}">')
    lines += frame.head
    lines += [
        f'<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} &raquo; Flux" '
        f'href="{attr(site.url("feed/"))}">',
        f'<link rel="stylesheet" id="penci-soledad-css" href="{attr(site.url("wp-content/themes/soledad/style.css"))}" '
        'type="text/css" media="all">',
        f'<link rel="https://api.w.org/" href="{attr(site.url("wp-json/"))}">',
        '<meta name="generator" content="WordPress 6.6.2">',
        "</head>",
    ]
    return "\n".join(lines)


def header(site) -> str:
    items = [f'<li class="menu-item menu-item-home">{link(site.url(""), "Accueil")}</li>']
    for category in site.menu_categories():
        items.append(f'<li class="menu-item menu-item-type-taxonomy">'
                     f'{link(site.url(f"category/{category.slug}/"), category.name)}</li>')
    return (
        '<header id="header" class="header-header-1 has-bottom-line">\n'
        '<div class="inner-header penci-header-second"><div class="container">'
        f'<div id="logo"><a href="{attr(site.url(""))}"><img class="penci-mainlogo" '
        f'src="{attr(site.url("wp-content/uploads/2024/01/logo-onemedia.png"))}" alt="{SITE_NAME}"></a></div>'
        "</div></div>\n"
        '<nav id="navigation" class="header-layout-bottom header-1 menu-style-1" role="navigation">'
        '<div class="container"><ul id="menu-main" class="menu">'
        + "".join(items)
        + "</ul>"
        f'<div id="top-search" class="penci-top-search"><form role="search" method="get" class="pc-searchform" '
        f'action="{attr(site.url(""))}"><input type="text" class="search-input" placeholder="Rechercher..." name="s">'
        "</form></div></div></nav>\n</header>"
    )


def sidebar(site) -> str:
    recent = "".join(
        f"<li>{link(article.url, article.headline)}</li>" for article in site.recent(5)
    )
    categories = "".join(
        f'<li class="cat-item cat-item-{category.term_id}">'
        f'{link(site.url(f"category/{category.slug}/"), category.name)} '
        f'<span class="category-item-count">({site.category_size(category.slug)})</span></li>'
        for category in site.menu_categories()
    )
    return (
        '<div id="sidebar" class="penci-sidebar-right penci-sidebar-content style-1 pcalign-left">'
        '<div class="theiaStickySidebar">\n'
        '<aside id="recent-posts-2" class="widget widget_recent_entries">'
        '<h3 class="widget-title penci-border-arrow"><span class="inner-arrow">Articles récents</span></h3>'
        f"<ul>{recent}</ul></aside>\n"
        '<aside id="categories-2" class="widget widget_categories">'
        '<h3 class="widget-title penci-border-arrow"><span class="inner-arrow">Catégories</span></h3>'
        f"<ul>{categories}</ul></aside>\n"
        '<aside id="text-3" class="widget widget_text">'
        '<h3 class="widget-title penci-border-arrow"><span class="inner-arrow">Newsletter</span></h3>'
        '<div class="textwidget"><p>Recevez chaque matin l’essentiel de l’actualité.</p>'
        '<form class="mc4wp-form" method="post"><input type="email" name="EMAIL" placeholder="Votre e-mail">'
        '<input type="submit" value="S’inscrire"></form></div></aside>\n'
        "</div></div>"
    )


def footer(site) -> str:
    links = [(site.url(f"{slug}/"), label) for slug, label in STATIC_PAGES.items()]
    links += [(site.url(f"category/{slug}/"), label) for slug, label in site.footer_categories()]
    items = "".join(f'<li class="menu-item">{link(href, label)}</li>' for href, label in links)
    return (
        '<footer id="footer-section" class="penci-footer-social-media penci-lazy footer-social-remove-radius">\n'
        '<div class="footer-socials-section"><div class="container"><ul class="footer-socials">'
        '<li><a href="https://www.facebook.com/onemedia.fr" target="_blank" rel="noreferrer">'
        '<i class="penci-faicon fa fa-facebook"></i><span>Facebook</span></a></li>'
        '<li><a href="https://twitter.com/onemedia_fr" target="_blank" rel="noreferrer">'
        '<i class="penci-faicon fa fa-twitter"></i><span>Twitter</span></a></li>'
        "</ul></div></div>\n"
        f'<div class="footer-menu-wrap"><div class="container"><ul class="footer-menu">{items}</ul></div></div>\n'
        f'<div class="container"><div id="footer-copyright"><p>{text(COPYRIGHT)}</p></div>'
        '<div class="go-to-top-parent"><a href="#" class="go-to-top"><span><i class="penci-faicon fa fa-angle-up">'
        "</i><br>Back To Top</span></a></div></div>\n"
        "</footer>"
    )


def breadcrumb(site, last: str | None) -> str:
    separator = '<i class="penci-faicon fa fa-angle-right"></i>'
    crumbs = [
        f'<span><a class="crumb" href="{attr(site.url(""))}">Home</a></span>',
        f'<span><a class="crumb" href="{attr(site.url("category/actualite/"))}">Actualité</a></span>',
    ]
    if last:
        crumbs.append(f"<span>{text(last)}</span>")
    return f'<div class="container penci-breadcrumb single-breadcrumb">{f" {separator} ".join(crumbs)}</div>'
