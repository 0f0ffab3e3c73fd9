"""import-warc backfills an archive from WARC files written by another tool, through the crawl's pipelines."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta, timezone
from io import BytesIO
from urllib.parse import urlsplit

import pytest
from crawling import ROOT, last_run_stats, query
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsarchive.sample_site import SampleSite
from newsarchive.warc.reader import WarcReadError, iter_responses

BASE = "https://onemedia.fr/"


def served(site: SampleSite, url: str):
    parts = urlsplit(url)
    return site.respond("GET", parts.path + (f"?{parts.query}" if parts.query else ""))


def write_response(writer: WARCWriter, url: str, status: int, content_type: str, body: bytes, date: str) -> None:
    http_headers = StatusAndHeaders(f"{status} OK", [("Content-Type", content_type)], protocol="HTTP/1.0")
    record = writer.create_warc_record(url, "response", payload=BytesIO(body), length=len(body),
                                       http_headers=http_headers, warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def warc_date(moment) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def other_tool_warc(path, site: SampleSite, articles: int) -> tuple[list[str], str]:
    """A WARC as a generic crawler writes it: articles, an edited one twice, and records of every other kind.

    The first records are dated 5 minutes after the site's clock, the second fetch of the edited
    article 5 minutes after the edit (20 hours later)."""
    first_date = warc_date(site.now + timedelta(minutes=5))
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True, warc_version="1.0")
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "some-other-crawler/1.0"}))
        write_response(writer, BASE + "robots.txt", 200, "text/plain", b"User-agent: *\n", first_date)
        write_response(writer, BASE + "logo.png", 200, "image/png", b"\x89PNG\r\n\x1a\n....", first_date)
        write_response(writer, BASE + "wp-json/x", 200, "application/json", b'{"a": 1}', first_date)
        write_response(writer, BASE + "nope/", 404, "text/html", b"<html><body>Not found</body></html>", first_date)
        home = served(site, BASE)
        write_response(writer, BASE, 200, "text/html; charset=UTF-8", home.body, first_date)  # not an article
        writer.write_record(writer.create_warc_record(BASE, "metadata", payload=BytesIO(b"outlinks: 3\n"),
                                                      warc_content_type="application/warc-fields"))
        urls = [article.url for article in site.articles[:articles]]
        for url in urls:
            write_response(writer, url, 200, "text/html; charset=UTF-8", served(site, url).body, first_date)
        edited = site.advance(edit=1, hours=20)["edited"][0]
        second_date = warc_date(site.now + timedelta(minutes=5))
        write_response(writer, edited, 200, "text/html; charset=UTF-8", served(site, edited).body, second_date)
        writer.write_record(writer.create_revisit_record(urls[0], "sha1:AAAA", urls[0], first_date))
    return urls, edited, first_date, second_date


def import_warc(db_path, *files, extra=()) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "newsarchive", "import-warc", *map(str, files), "--db", str(db_path), *extra]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("import")
    site = SampleSite(articles=8, base_url=BASE)
    urls, edited, *dates = other_tool_warc(tmp / "other.warc.gz", site, articles=8)
    result = import_warc(tmp / "archive.db", tmp / "other.warc.gz")
    return tmp / "archive.db", urls, edited, result, site, [d.replace("Z", "+00:00") for d in dates]


def test_a_foreign_warc_imports_into_an_empty_archive(imported):
    db_path, urls, edited, result, _, _ = imported
    assert result.returncode == 0, result.stderr[-3000:]
    assert "8 new, 1 updated" in result.stdout
    assert {row["url"] for row in query(db_path, "SELECT url FROM articles")} == set(urls)
    stats = last_run_stats(db_path)
    assert stats["newsarchive/warc/skipped/not_html"] == 4  # robots.txt, the image, the JSON, the 404
    assert stats["newsarchive/not_article"] == 1  # the home page
    assert query(db_path, "SELECT spider, status FROM runs")[0][:] == ("import-warc", "success")
    assert "date_unparsed" not in result.stderr  # published before the WARC-Date: believable
    assert query(db_path, "SELECT count(*) FROM articles WHERE published IS NULL")[0][0] == 0


def test_imported_versions_are_dated_by_the_warc_and_point_into_the_file(imported):
    db_path, urls, edited, _, _, (first_date, second_date) = imported
    versions = query(db_path, "SELECT a.url, v.version, v.seen_at, v.warc_file, v.warc_offset FROM article_versions v "
                              "JOIN articles a ON a.id = v.article_id ORDER BY a.url, v.version")
    assert len(versions) == 9
    assert {v["seen_at"] for v in versions if v["version"] == 1} == {first_date}
    assert [v["seen_at"] for v in versions if v["url"] == edited] == [first_date, second_date]
    assert all(v["warc_file"] == "other.warc.gz" for v in versions)  # beside the archive: a relative path
    first_seen = query(db_path, "SELECT first_seen, last_seen FROM articles WHERE url = ?", (edited,))[0]
    assert tuple(first_seen) == (first_date, second_date)
    assert query(db_path, "SELECT count(*) FROM revisions")[0][0] == 1


def test_show_raw_reads_each_imported_version_from_the_foreign_file(imported):
    db_path, _, edited, _, site, _ = imported
    show = [sys.executable, "-m", "newsarchive", "show", edited, "--db", str(db_path), "--raw"]
    second = subprocess.run([*show, "--version", "2"], capture_output=True, timeout=60)
    first = subprocess.run([*show, "--version", "1"], capture_output=True, timeout=60)
    assert second.stdout == served(site, edited).body
    assert first.returncode == 0 and first.stdout != second.stdout


def test_a_missing_or_broken_file_is_a_clear_error(tmp_path):
    missing = import_warc(tmp_path / "archive.db", tmp_path / "absent.warc.gz")
    assert missing.returncode == 2 and "no such file" in missing.stderr
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(b"this is not a WARC file at all\n" * 10)
    result = import_warc(tmp_path / "archive.db", broken)
    assert result.returncode == 1 and "Cannot import from" in result.stderr


@pytest.mark.parametrize("damage", ["cut short", "bogus length"])
def test_a_record_the_file_ends_inside_is_an_error_not_a_silent_loss(tmp_path, damage):
    path = tmp_path / "damaged.warc"
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        write_response(writer, BASE + "robots.txt", 200, "text/plain", b"User-agent: *\n", "2025-08-06T10:00:00Z")
        write_response(writer, BASE + "un-article/", 200, "text/html", b"<html><body><h1>Titre</h1></body></html>",
                       "2025-08-06T10:00:00Z")
    data = path.read_bytes()
    if damage == "cut short":  # the last record loses its end
        path.write_bytes(data[:-30])
    else:  # the first record claims the rest of the file, the article's record with it
        path.write_bytes(data.replace(b"Content-Length: ", b"Content-Length: 9999999", 1))
    with pytest.raises(WarcReadError, match="is cut short"):
        list(iter_responses(path))
