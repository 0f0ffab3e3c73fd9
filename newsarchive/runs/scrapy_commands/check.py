"""``scrapy check``: Scrapy's command, never touching the archive (``NEWSARCHIVE_STORE`` off).

``scrapy check onemedia -a base_url=URL`` runs the spider's contracts against a copy of the site; the
contracts read the callbacks' output themselves, so nothing would be stored, and the run is not
recorded in the archive nor written to WARC files either.
"""

from __future__ import annotations

from scrapy.commands.check import Command as ScrapyCheckCommand

from newsarchive.runs.scrapy_commands.no_archive import leave_archive_untouched


class Command(ScrapyCheckCommand):
    def process_options(self, args, opts) -> None:
        super().process_options(args, opts)
        leave_archive_untouched(self.settings)
