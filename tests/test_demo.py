"""``newsarchive demo``: the README's first command crawls the offline site and prints a summary."""

import re
import subprocess
import sys

from crawling import ROOT, query


def test_demo_crawls_the_sample_site_and_summarises_the_archive(tmp_path):
    db_path = tmp_path / "data" / "archive.db"
    result = subprocess.run(
        [sys.executable, "-m", "newsarchive", "demo", "--db", str(db_path), "--articles", "12", "--log-level", "WARNING"],
        cwd=ROOT, capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    summary = re.search(r"Archive summary: (\d+) articles, (\d+) sections, (\d+) captions, (\d+) tags", result.stdout)
    assert summary, result.stdout
    articles, sections, captions, tags = map(int, summary.groups())
    assert articles == 12 == query(db_path, "SELECT count(*) FROM articles")[0][0]
    assert sections == query(db_path, "SELECT count(*) FROM sections")[0][0] >= articles
    assert captions == query(db_path, "SELECT count(*) FROM captions")[0][0]
    assert tags == query(db_path, "SELECT count(*) FROM tags")[0][0] > 0
    assert "Errors and skips: none" in result.stdout
