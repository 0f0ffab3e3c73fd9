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


def test_the_demo_keeps_its_warc_files_apart_and_replaces_them_on_each_run(tmp_path):
    db_path = tmp_path / "data" / "demo.db"
    command = [sys.executable, "-m", "newsarchive", "demo", "--db", str(db_path), "--articles", "3",
               "--log-level", "WARNING"]
    for _ in range(2):
        assert subprocess.run(command, cwd=ROOT, capture_output=True, timeout=180).returncode == 0
    written = sorted(path.name for path in (tmp_path / "data" / "demo-warc").iterdir())
    assert len(written) == 1 and written[0].endswith(".warc.gz")  # the second run's file only
    assert not (tmp_path / "data" / "warc").exists()  # where the real archive's WARC files go
    stored = {row[0] for row in query(db_path, "SELECT DISTINCT warc_file FROM article_versions")}
    assert stored == {f"demo-warc/{written[0]}"}
