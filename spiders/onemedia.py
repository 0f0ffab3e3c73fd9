"""onemedia.fr: ``scrapy crawl onemedia [-a base_url=URL]``."""

from spiders.base import NewsSiteSpider


class OnemediaSpider(NewsSiteSpider):
    name = "onemedia"
    default_base_url = "https://onemedia.fr/"
    site_domain = "onemedia.fr"
