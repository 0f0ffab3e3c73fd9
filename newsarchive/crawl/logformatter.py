"""Log lines for items that name the page instead of dumping it (a raw page holds the whole body)."""

from __future__ import annotations

from scrapy import logformatter
from itemadapter import ItemAdapter


def describe_item(item) -> str:
    """A short label of an item: its URL, not its content."""
    adapter = ItemAdapter(item)
    if "record" in adapter and adapter.get("record"):
        return f"<article {adapter['record'].get('url')}>"
    if "headline" in adapter:  # the record itself, after the pipelines
        return f"<article {adapter.get('url')}>"
    return f"<{type(item).__name__} {adapter.get('final_url') or adapter.get('url')}>"


class NewsLogFormatter(logformatter.LogFormatter):
    def scraped(self, item, response, spider):
        result = super().scraped(item, response, spider)
        result["args"]["item"] = describe_item(item)
        return result

    def dropped(self, item, exception, response, spider):
        result = super().dropped(item, exception, response, spider)
        result["msg"] = "Dropped: %(exception)s"
        return result

    def item_error(self, item, exception, response, spider):
        result = super().item_error(item, exception, response, spider)
        result["args"]["item"] = describe_item(item)
        return result
