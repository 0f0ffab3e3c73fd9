"""``scrapy parse``: Scrapy's command, never touching the archive (``NEWSARCHIVE_STORE`` off).

``scrapy parse --spider onemedia URL`` prints the article record of one page, read by the spider's
``parse`` callback exactly as the pipelines would read it; nothing is stored and no run is recorded
(``-s NEWSARCHIVE_STORE=1 --pipelines`` would store it).
"""

from __future__ import annotations

from scrapy.commands.parse import Command as ScrapyParseCommand
from scrapy.settings import SETTINGS_PRIORITIES

# above the project's settings and the spider's, below the command line's -s
ABOVE_PROJECT = (SETTINGS_PRIORITIES["spider"] + SETTINGS_PRIORITIES["cmdline"]) // 2


class Command(ScrapyParseCommand):
    def process_options(self, args, opts) -> None:
        super().process_options(args, opts)
        self.settings.set("NEWSARCHIVE_STORE", False, priority=ABOVE_PROJECT)
