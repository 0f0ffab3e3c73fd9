"""Spider contracts of ``scrapy check``: a page named relative to the crawled site, a complete record.

``@url_path PATH`` requests PATH under the spider's ``base_url`` (so ``scrapy check onemedia -a
base_url=http://127.0.0.1:8000/`` checks a local copy of the site); ``@complete_record`` fails unless
every item is an article record that feed exports can write: JSON-serialisable, with a headline, a
publication date in ISO 8601 with its offset and body sections.
"""

from __future__ import annotations

import json
from datetime import datetime
from urllib.parse import urljoin

from itemadapter import ItemAdapter, is_item
from scrapy.contracts import Contract
from scrapy.exceptions import ContractFail


class UrlPathContract(Contract):
    name = "url_path"

    def __init__(self, method, *args):
        super().__init__(method, *args)
        self.spider = getattr(method, "__self__", None)

    def adjust_request_args(self, args: dict) -> dict:
        base_url = getattr(self.spider, "base_url", None)
        if not base_url:
            raise ContractFail("@url_path needs a spider with a base_url")
        args["url"] = urljoin(base_url, self.args[0])
        return args


class CompleteRecordContract(Contract):
    name = "complete_record"

    def post_process(self, output: list) -> None:
        for item in output:
            if is_item(item):
                problem = record_problem(ItemAdapter(item).asdict())
                if problem:
                    raise ContractFail(problem)


def record_problem(record: dict) -> str | None:
    """What keeps ``record`` from being a complete, exportable article record (None: nothing)."""
    try:
        json.dumps(record)
    except (TypeError, ValueError) as exc:
        return f"not JSON-serialisable: {exc}"
    if not record.get("headline"):
        return "no headline"
    try:
        published = datetime.fromisoformat(record.get("published") or "")
    except ValueError:
        return f"publication date not ISO 8601: {record.get('published')!r}"
    if published.utcoffset() is None:
        return f"publication date without offset: {record.get('published')!r}"
    if not any(section.get("paragraphs") for section in record.get("sections") or ()):
        return "no body sections"
    return None
