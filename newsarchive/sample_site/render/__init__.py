"""HTML and XML rendering of the sample site's pages (strings in, strings out)."""
