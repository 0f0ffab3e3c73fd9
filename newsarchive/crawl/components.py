"""Scrapy's own components that their setting turns off are taken out of Scrapy's base lists, so that a crawl does
not even import them.

Scrapy imports every listed component to let it refuse itself (``NotConfigured``), and setting one to ``None`` in
``EXTENSIONS`` or ``DOWNLOADER_MIDDLEWARES`` imports it too (the keys given there are loaded to match them with the
base list's). A crawl of this project, whose settings turn cookies, the remote control and the telnet console off,
thus loaded aiohttp, tldextract with requests, and Twisted's conch for components that never run: 0.4 s of CPU of
each crawl's start (a crawl of a closed port, 2.0 s -> 1.6 s). An add-on (``ADDONS``), so that the settings it reads
are the crawl's own: ``-s COOKIES_ENABLED=True`` still turns the cookies middleware on.
"""

from __future__ import annotations

# (the setting that turns the component on, the component setting whose base list holds it, the component)
SWITCHED_COMPONENTS = (
    ("COOKIES_ENABLED", "DOWNLOADER_MIDDLEWARES", "scrapy.downloadermiddlewares.cookies.CookiesMiddleware"),
    ("REMOTE_CONTROL_ENABLED", "EXTENSIONS", "scrapy.extensions.remote_control.RemoteControl"),
    ("TELNETCONSOLE_ENABLED", "EXTENSIONS", "scrapy.extensions.telnet.TelnetConsole"),
)


class LeaveOutSwitchedOffComponents:
    def update_settings(self, settings) -> None:
        for switch, name, component in SWITCHED_COMPONENTS:
            if settings.getbool(switch):
                continue
            base = f"{name}_BASE"
            components = {path: order for path, order in settings.getdict(base).items() if path != component}
            settings.set(base, components, priority=settings.getpriority(base) or "default")
