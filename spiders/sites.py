"""One spider per site profile: ``scrapy crawl onemedia`` is ``scrapy crawl news -a profile=onemedia``.

Scrapy's spider loader finds here a class per profile (:mod:`newsarchive.sites.profiles`) of the bundled
folder and of the folders of the ``NEWSARCHIVE_PROFILES_DIR`` environment variable (spiders are listed
before settings are read): named after the profile, taking ``-a base_url=URL`` (a copy of the site at
another address) and the scheduling arguments, and checked by ``scrapy check NAME`` against the page its
profile's ``[check]`` names. Nothing else differs from the ``news`` spider: the same code reads the
profile, discovers, classifies URLs and extracts.
"""

from __future__ import annotations

import re

from newsarchive.sites.catalog import load_profiles
from newsarchive.sites.profiles import Check, SiteProfile
from spiders.news import NewsSpider

_CONTRACTS = """One article page read as the pipelines read it: its record.

The contracts of ``scrapy check {name} -a base_url=URL`` read {url_path} of the site served at URL.

@url_path {url_path}
@returns items 1 1
@returns requests 0 0
@scrapes {fields}
@complete_record
"""


class SiteSpider(NewsSpider):
    """The ``news`` spider with the profile ``profile_name``: subclassed once per profile by :func:`site_spider`."""

    name = None  # not a spider of its own: the spider loader lists only the subclasses
    profile_name: str
    own_arguments = ("base_url",)

    @classmethod
    def check_arguments(cls, settings, *, base_url=None, **arguments) -> None:
        super().check_arguments(settings, profile=cls.profile_name, base_url=base_url, **arguments)

    @classmethod
    def from_crawler(cls, crawler, *args, base_url=None, **kwargs):
        return super().from_crawler(crawler, *args, profile=cls.profile_name, base_url=base_url, **kwargs)


def site_spider(profile: SiteProfile) -> type[SiteSpider]:
    """The spider class of ``profile``, with the contracts of its ``[check]``."""
    attributes = {
        "name": profile.name, "profile_name": profile.name, "__module__": __name__,
        "__doc__": f"{', '.join(profile.domains)}: ``scrapy crawl {profile.name} [-a base_url=URL]``.",
    }  # fmt: skip
    if profile.check is not None:
        attributes["parse"] = _checked_parse(profile.name, profile.check)
    class_name = "".join(part.capitalize() for part in re.split(r"[^a-z0-9]+", profile.name) if part) + "Spider"
    return type(class_name, (SiteSpider,), attributes)


def _checked_parse(name: str, check: Check):
    def parse(self, response):
        yield from NewsSpider.parse(self, response)

    parse.__doc__ = _CONTRACTS.format(name=name, url_path=check.url_path, fields=" ".join(check.fields))
    return parse


def _define_site_spiders(namespace: dict) -> None:
    """A class in ``namespace`` (this module's) per profile but one named like the ``news`` spider."""
    for profile in load_profiles().profiles.values():
        if profile.name != NewsSpider.name:
            spider = site_spider(profile)
            while spider.__name__ in namespace:  # profiles "le-journal" and "le_journal"
                spider.__name__ += "_"
            namespace[spider.__name__] = spider


_define_site_spiders(globals())
