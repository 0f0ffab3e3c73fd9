"""``scrapy parse``: Scrapy's command, never touching the archive (``NEWSARCHIVE_STORE`` off).

``scrapy parse --spider onemedia URL`` prints the article record of one page, read by the spider's
``parse`` callback exactly as the pipelines would read it; nothing is stored and no run is recorded
(``-s NEWSARCHIVE_STORE=1 --pipelines`` would store it).
"""

from __future__ import annotations

from scrapy.commands.parse import Command as ScrapyParseCommand

from newsarchive.runs.scrapy_commands.no_archive import leave_archive_untouched


class Command(ScrapyParseCommand):
    def process_options(self, args, opts) -> None:
        super().process_options(args, opts)
        leave_archive_untouched(self.settings)
