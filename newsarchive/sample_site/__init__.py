"""A generated offline copy of onemedia.fr (WordPress, Soledad theme, Yoast SEO) and its HTTP server.

``SampleSite`` holds the articles (the ground truth) and answers requests; ``running_site()`` serves
one from a background thread; ``newsarchive sample-site`` serves one from the command line.
"""

from newsarchive.sample_site.faults import FAULT_DESCRIPTIONS, FAULT_PATHS
from newsarchive.sample_site.model import COPYRIGHT, Article, Caption, Category, Section
from newsarchive.sample_site.server import SampleSiteHTTPServer, running_site
from newsarchive.sample_site.site import SampleSite

__all__ = [
    "COPYRIGHT", "FAULT_DESCRIPTIONS", "FAULT_PATHS", "Article", "Caption", "Category", "SampleSite",
    "SampleSiteHTTPServer", "Section", "running_site",
]
