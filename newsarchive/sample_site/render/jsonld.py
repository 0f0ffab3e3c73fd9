"""Yoast-style JSON-LD ``@graph`` and OpenGraph ``<meta>`` tags."""

from __future__ import annotations

import hashlib
import json

from newsarchive.sample_site.frenchdates import iso_utc
from newsarchive.sample_site.model import SITE_NAME, Article
from newsarchive.sample_site.render.markup import attr


def person_id(site, name: str) -> str:
    return site.url(f"#/schema/person/{hashlib.md5(name.encode()).hexdigest()}")


def script(graph: list[dict]) -> str:
    data = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False)
    data = data.replace("</", "<\\/")
    return f'<script type="application/ld+json" class="yoast-schema-graph">{data}</script>'


def site_nodes(site) -> list[dict]:
    return [
        {
            "@type": "WebSite", "@id": site.url("#website"), "url": site.url(""), "name": SITE_NAME,
            "description": "L’actualité en France et dans le monde", "publisher": {"@id": site.url("#organization")},
            "potentialAction": [{
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": site.url("?s={search_term_string}")},
                "query-input": {"@type": "PropertyValueSpecification", "valueRequired": True,
                                "valueName": "search_term_string"},
            }],
            "inLanguage": "fr-FR",
        },
        {
            "@type": "Organization", "@id": site.url("#organization"), "name": SITE_NAME, "url": site.url(""),
            "logo": {"@type": "ImageObject", "inLanguage": "fr-FR", "@id": site.url("#/schema/logo/image/"),
                     "url": site.url("wp-content/uploads/2024/01/logo-onemedia.png"), "caption": SITE_NAME},
        },
    ]


def article_graph(site, article: Article, canonical: str) -> list[dict]:
    news = {
        "@type": "NewsArticle", "@id": f"{canonical}#article", "isPartOf": {"@id": f"{canonical}#webpage"},
        "author": {"name": article.author, "@id": person_id(site, article.author)},
        "headline": article.headline,
        "datePublished": iso_utc(article.published), "dateModified": iso_utc(article.modified),
        "mainEntityOfPage": {"@id": f"{canonical}#webpage"}, "wordCount": article.word_count,
        "commentCount": 0, "publisher": {"@id": site.url("#organization")},
        "keywords": list(article.tags), "articleSection": [article.category], "inLanguage": "fr-FR",
    }
    page = {
        "@type": "WebPage", "@id": f"{canonical}#webpage", "url": canonical,
        "name": page_title(article.headline), "isPartOf": {"@id": site.url("#website")},
        "datePublished": iso_utc(article.published), "dateModified": iso_utc(article.modified),
        "breadcrumb": {"@id": f"{canonical}#breadcrumb"}, "inLanguage": "fr-FR",
        "potentialAction": [{"@type": "ReadAction", "target": [canonical]}],
    }
    if article.access:
        news["isAccessibleForFree"] = article.access == "free"
    if not article.headline:
        del news["headline"], page["name"]
    graph = [news, page]
    if article.image_url:
        news["image"] = page["primaryImageOfPage"] = {"@id": f"{canonical}#primaryimage"}
        news["thumbnailUrl"] = page["thumbnailUrl"] = article.image_url
        graph.append(_primary_image(article, canonical))
    graph.append(_breadcrumb(site, article, canonical))
    graph += site_nodes(site)
    graph.append({
        "@type": "Person", "@id": person_id(site, article.author), "name": article.author,
        "url": site.url(f"author/{article.author_slug}/"),
    })
    return graph


def _primary_image(article: Article, canonical: str) -> dict:
    return {
        "@type": "ImageObject", "inLanguage": "fr-FR", "@id": f"{canonical}#primaryimage",
        "url": article.image_url, "contentUrl": article.image_url, "width": 1200, "height": 675,
        "caption": article.headline,
    }


def _breadcrumb(site, article: Article, canonical: str) -> dict:
    crumbs = [{"@type": "ListItem", "position": 1, "name": "Accueil", "item": site.url("")}]
    if article.headline:
        crumbs.append({"@type": "ListItem", "position": 2, "name": article.headline})
    return {"@type": "BreadcrumbList", "@id": f"{canonical}#breadcrumb", "itemListElement": crumbs}


def listing_graph(site, url: str, name: str) -> list[dict]:
    page = {
        "@type": "CollectionPage", "@id": url, "url": url, "name": name,
        "isPartOf": {"@id": site.url("#website")}, "inLanguage": "fr-FR",
    }
    return [page, *site_nodes(site)]


def page_title(headline: str) -> str:
    return f"{headline} - {SITE_NAME}" if headline else SITE_NAME


def meta(name_or_property: str, content: str) -> str:
    key = "property" if name_or_property.startswith(("og:", "article:")) else "name"
    return f'<meta {key}="{attr(name_or_property)}" content="{attr(content)}">'


def article_meta(article: Article, canonical: str, description: str) -> list[str]:
    tags = [
        meta("description", description),
        meta("og:locale", "fr_FR"),
        meta("og:type", "article"),
    ]
    if article.headline:
        tags.append(meta("og:title", article.headline))
    tags += [
        meta("og:description", description),
        meta("og:url", canonical),
        meta("og:site_name", SITE_NAME),
        meta("article:publisher", "https://www.facebook.com/onemedia.fr"),
        meta("article:published_time", iso_utc(article.published)),
        meta("article:modified_time", iso_utc(article.modified)),
    ]
    if article.image_url:
        tags += [meta("og:image", article.image_url), meta("og:image:width", "1200"),
                 meta("og:image:height", "675"), meta("og:image:type", "image/jpeg")]
    tags += [meta("author", article.author), meta("twitter:card", "summary_large_image"),
             meta("twitter:label1", "Écrit par"), meta("twitter:data1", article.author)]
    return tags
