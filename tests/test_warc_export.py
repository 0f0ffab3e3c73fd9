"""export --format warc writes every version as served; import-warc reads it back; index-warc indexes for pywb."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys

import pytest
from crawling import ROOT, query, successful_crawl
from mockserver import MockServer
from warcfiles import warc_files, warcio_check, warcio_index

from newsarchive.cli import build_parser
from newsarchive.warc.reader import read_page

COMPARED = "url, site, headline, byline, category, lead, body, published, modified, fingerprint"


def newsarchive(*arguments) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsarchive", *map(str, arguments)], cwd=ROOT,
                          capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def crawled_twice(tmp_path_factory):
    """An archive of 12 articles crawled twice, 2 of them edited in between."""
    db_path = tmp_path_factory.mktemp("source") / "archive.db"
    with MockServer(articles=12) as server:
        successful_crawl("onemedia", server.url, db_path)
        server.advance(edit=2, hours=3)
        successful_crawl("onemedia", server.url, db_path, "-s", "NEWSARCHIVE_FULL_CRAWL=1")
    assert query(db_path, "SELECT count(*) FROM revisions")[0][0] == 2
    return db_path


def archive_content(db_path) -> tuple:
    articles = sorted(tuple(row) for row in query(db_path, f"SELECT {COMPARED} FROM articles"))
    versions = sorted(tuple(row) for row in query(
        db_path, "SELECT a.url, v.version, v.seen_at, v.http_status FROM article_versions v "
                 "JOIN articles a ON a.id = v.article_id"))
    return articles, versions


def test_an_exported_archive_imports_into_an_empty_one_with_the_same_articles_and_versions(crawled_twice, tmp_path):
    exported = tmp_path / "export.warc.gz"
    result = newsarchive("export", "--db", crawled_twice, "--format", "warc", "-o", exported)
    assert result.returncode == 0, result.stderr
    articles, versions = (query(crawled_twice, f"SELECT count(*) FROM {table}")[0][0]
                          for table in ("articles", "article_versions"))
    assert f"Exported {articles} articles, {versions} versions" in result.stdout and versions == articles + 2
    warcio_check([exported])
    responses = [e for e in warcio_index([exported]) if e["warc-type"] == "response"]
    assert len(responses) == versions

    copy = tmp_path / "copy" / "archive.db"
    copy.parent.mkdir()
    imported = newsarchive("import-warc", exported, "--site", "onemedia.fr", "--db", copy)
    assert imported.returncode == 0, imported.stderr[-3000:]
    assert archive_content(copy) == archive_content(crawled_twice)
    assert query(copy, "SELECT count(*) FROM revisions")[0][0] == 2


def test_a_version_without_a_record_is_exported_from_the_cached_page(crawled_twice, tmp_path):
    db_path = tmp_path / "archive.db"
    shutil.copy(crawled_twice, db_path)
    (tmp_path / "warc").symlink_to(crawled_twice.parent / "warc")
    with sqlite3.connect(db_path) as connection:  # as if archived before WARC writing
        connection.execute("UPDATE article_versions SET warc_file = NULL WHERE article_id = 1")
    exported = tmp_path / "export.warc.gz"
    assert newsarchive("export", "--db", db_path, "--format", "warc", "-o", exported, "--limit", "1").returncode == 0
    (record,) = [e for e in warcio_index([exported]) if e["warc-type"] == "response"]
    page = read_page(exported, int(record["offset"]))
    cached = query(db_path, "SELECT final_url FROM raw_pages WHERE article_id = 1")[0][0]
    assert page["url"] == cached and b"</html>" in page["body"]


def test_index_warc_writes_a_cdxj_index_that_points_at_each_record(crawled_twice):
    result = newsarchive("index-warc", "--db", crawled_twice)
    assert result.returncode == 0, result.stderr
    warc_dir = crawled_twice.parent / "warc"
    lines = (warc_dir / "index.cdxj").read_text().splitlines()
    captures = [e for e in warcio_index(warc_files(warc_dir)) if e["warc-type"] in ("response", "revisit")]
    assert len(lines) == len(captures) and lines == sorted(lines)
    for line in lines[:: max(1, len(lines) // 10)]:
        surt, timestamp, fields = line.split(" ", 2)
        entry = json.loads(fields)
        assert len(timestamp) == 14 and timestamp.isdigit() and surt.startswith("1,0,0,127:")  # SURT: the host reversed
        if entry.get("status") == "200":
            page = read_page(warc_dir / entry["filename"], int(entry["offset"]))
            assert page["url"] == entry["url"]


def test_export_warc_needs_a_file(crawled_twice):
    result = newsarchive("export", "--db", crawled_twice, "--format", "warc")
    assert result.returncode == 2 and "-o FILE.warc.gz" in result.stderr


def test_the_commands_of_the_web_archive_section_of_the_readme_exist():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("\n## Your archive as a web archive")
    section = text[start:text.index("\n## ", start + 1)]
    commands = [line.split("  #")[0].strip() for block in re.findall(r"```sh\n(.*?)```", section, re.DOTALL)
                for line in block.splitlines() if line.startswith("newsarchive ")]
    assert len(commands) == 7
    for command in commands:
        argv = shlex.split(command)[1:]
        assert build_parser(argv).parse_args(argv).run, command  # an unknown option exits with status 2
