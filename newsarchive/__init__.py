"""newsarchive: a Scrapy-based scraper and archiver for French news sites."""

__version__ = "0.1.0"
