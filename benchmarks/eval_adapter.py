"""Adapter for the eval-dev scorer: ``extract(page_path, url) -> dict`` in the scorer's output shape.

    PYTHONPATH=. python ../shared/eval-dev/score.py --py benchmarks.eval_adapter:extract

It runs the same code as ``newsarchive extract`` and returns the same record (``text`` is the lead, then the
body), except that captions are given as their texts, as the scorer reads them; benchmarks/bench_eval.py
scores both this adapter and the command.
"""

from __future__ import annotations

from pathlib import Path

from newsarchive.extraction import NotAnArticle, extract_article


def extract(page_path: str, url: str) -> dict:
    body = Path(page_path).read_bytes()
    try:
        record = extract_article(body, url)
    except NotAnArticle as exc:
        return {"_unsupported": True, "reason": exc.reason}
    record["captions"] = [caption["text"] for caption in record["captions"]]
    return record
