"""Errors of the extraction package."""


class NotAnArticle(Exception):
    """The page is not an article (listing, empty or unparsable page, no headline, no body)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
