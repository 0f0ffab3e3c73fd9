"""The sites the crawler knows: their declarations, URL rules (WordPress or generic) and page classes."""
