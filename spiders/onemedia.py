"""onemedia.fr: ``scrapy crawl onemedia [-a base_url=URL]``."""

from spiders.base import NewsSiteSpider


class OnemediaSpider(NewsSiteSpider):
    name = "onemedia"
    default_base_url = "https://onemedia.fr/"
    site_domain = "onemedia.fr"

    def parse(self, response):
        """One article page read as the pipelines read it: its record.

        The contracts of ``scrapy check onemedia -a base_url=URL`` read the oldest article of the
        offline sample site (``newsarchive sample-site``) served at URL.

        @url_path france/la-prefecture-alerte-sur-la-penurie-de-medecins-generalistes-au-terme-d-une-reunion-de-plusieurs-heures/
        @returns items 1 1
        @returns requests 0 0
        @scrapes url headline authors byline published modified category breadcrumb sections tags copyright
        @complete_record
        """
        yield from super().parse(response)
