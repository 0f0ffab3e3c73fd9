"""Work off Scrapy's reactor thread: extraction in worker processes, archive writes in a writer thread."""
