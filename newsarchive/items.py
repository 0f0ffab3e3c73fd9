"""Items passed between the spiders and the pipelines."""

from __future__ import annotations

import scrapy

from newsarchive.extraction import extract_article
from newsarchive.extraction.attributes import refuse_crowded
from newsarchive.sites.registry import page_class_for


class RawPage(scrapy.Item):
    """A fetched page, as the spider saw it. Nothing is parsed yet."""

    url = scrapy.Field()  # URL requested
    final_url = scrapy.Field()  # URL after redirects
    status = scrapy.Field()  # HTTP status code
    headers = scrapy.Field()  # dict of lower-cased header name -> value
    body = scrapy.Field()  # raw bytes
    fetched_at = scrapy.Field()  # ISO 8601 UTC time of the fetch
    site = scrapy.Field()  # site key of the crawled host, e.g. "onemedia.fr"
    extractor_site = scrapy.Field()  # domain whose page class reads the page (see NewsSiteSpider.site_domain)
    sitemap_lastmod = scrapy.Field()  # lastmod from the sitemap, if any
    warc = scrapy.Field()  # where the response record lies (newsarchive.warc.files.RecordLocation), or None


class ArticleItem(scrapy.Item):
    """An extracted article: the record of newsarchive.extraction plus the raw page."""

    record = scrapy.Field()  # dict, see docs/architecture.md
    raw = scrapy.Field()  # the RawPage it came from (dict)
    fingerprint = scrapy.Field()  # content fingerprint of the normalised body
    derived = scrapy.Field()  # its stems and signature, computed ahead by an extraction worker (or None)


def page_record(raw, limits=None, max_attributes: int | None = None) -> dict:
    """The article record of a raw page (a RawPage or its dict), extracted in this process; raises NotAnArticle for
    other pages, and :class:`~newsarchive.extraction.attributes.CrowdedPage` for a page with a tag of more than
    ``max_attributes`` attributes (None: ``NEWSARCHIVE_MAX_ATTRIBUTES``'s default), never handed to the parser (its
    time is quadratic in them: hours for 200,000). ``limits``: the :class:`~newsarchive.extraction.ExtractionLimits`
    of the crawl (None: the defaults)."""
    refuse_crowded(raw["body"], raw["headers"], max_attributes)
    return extract_article(raw["body"], raw["final_url"], headers=raw["headers"], fetched_at=raw["fetched_at"],
                           page_class=page_class_for(raw["final_url"], raw.get("extractor_site")), limits=limits)
