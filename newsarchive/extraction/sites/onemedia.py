"""onemedia.fr: WordPress with a PenciDesign (Soledad) theme and Yoast SEO; see docs/onemedia-markup.md.

Only the theme's selectors are given: the structured data (Yoast JSON-LD, OpenGraph) and the generic
heuristics of :class:`ArticlePage` take over for any field whose selector stops matching.
"""

from typing import ClassVar

from newsarchive.extraction.page import ArticlePage
from newsarchive.extraction.registry import register


@register("onemedia.fr")
class OnemediaPage(ArticlePage):
    selectors: ClassVar[dict[str, str]] = {
        "content": ".inner-post-entry",
        "headline": "h1.single-post-title, .single-header h1.entry-title",
        "byline": ".author-post .author.vcard, .post-box-meta-single .author",
        "authors": ".author-post .author-url, .post-box-meta-single .author-url",
        "category": ".penci-standard-cat .penci-cat-name, .penci-single-cat .penci-cat-name",
        "breadcrumb": ".penci-breadcrumb",
        "tags": ".post-tags a[rel~=tag]",
        "copyright": "#footer-copyright",
        "published": ".post-box-meta-single time.published, .post-box-meta-single time.entry-date",
        "modified": ".post-box-meta-single time.updated",
    }
    optional: ClassVar[frozenset[str]] = frozenset({"published", "modified"})  # the <time> is on some pages only
