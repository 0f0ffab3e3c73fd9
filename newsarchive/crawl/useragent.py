"""The User-Agent names whoever runs the crawl: ``NEWSARCHIVE_CONTACT`` (a URL or ``mailto:``) goes into it.

An add-on (``ADDONS``), so that ``-s NEWSARCHIVE_CONTACT=...`` or the environment variable of the same
name sets the contact before Scrapy's User-Agent middleware reads ``USER_AGENT``. A ``USER_AGENT``
given on the command line or by a spider is kept as it is.
"""

from __future__ import annotations

from newsarchive import __version__


def user_agent(contact: str) -> str:
    return f"newsarchive/{__version__} (research news archiver; +{contact})"


class ContactUserAgent:
    def update_settings(self, settings) -> None:
        contact = (settings.get("NEWSARCHIVE_CONTACT") or "").strip()
        if contact:  # at the project's priority: a USER_AGENT given by a spider or with -s stays
            settings.set("USER_AGENT", user_agent(contact), priority="project")
