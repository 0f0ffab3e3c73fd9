"""Pages whose dates agree give no date conflict: every article of a generated sample site, extracted as crawled."""

from __future__ import annotations

from newsarchive.extraction import extract_article
from newsarchive.sample_site import SampleSite
from newsarchive.sample_site import frenchdates as fd
from newsarchive.sites.registry import page_class_for

ARTICLES = 200  # a few of them in each date style, with and without an update, and bylines of every length


def test_no_article_of_the_sample_site_reports_a_date_conflict_when_its_dates_agree():
    """The sample site shows each article's published (and updated) day beside its byline, the same day as its
    metadata (``by Julien Morel`` ``18 août 2025`` ``Mis à jour le 20 août 2025``, in elements of their own): the
    published date is right and no ``date_conflict`` warning is logged."""
    site = SampleSite(articles=ARTICLES)
    conflicts, dated = {}, 0
    for article in site.articles:
        record = extract_article(site.respond("GET", article.path).body, article.url, fetched_at=site.now,
                                 page_class=page_class_for(article.url, "onemedia.fr"))
        assert record["published"] == fd.iso_local(article.published)
        found = [warning for warning in record["warnings"] if warning.startswith("date_conflict")]
        if found:
            conflicts[article.path] = found
        dated += article.date_style is not None
    assert dated > ARTICLES // 2  # most pages show their dates: the visible evidence is read and compared
    assert conflicts == {}
