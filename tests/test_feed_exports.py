"""Scrapy's feed exports write the article record: ``scrapy crawl onemedia -O out.jsonl|json|csv|xml``."""

import csv
import json
import subprocess
import sys

import pytest
from crawling import FAST_LOCAL, ROOT, query, successful_crawl
from lxml import etree
from mockserver import MockServer

from newsarchive.extraction import extract_article
from newsarchive.sample_site import SampleSite
from newsarchive.sites.registry import page_class_for

ARTICLES = 6
ORACLE = "france/la-prefecture-alerte-sur-la-penurie-de-medecins-generalistes-au-terme-d-une-reunion-de-plusieurs-heures/"


@pytest.fixture(scope="module")
def small_site():
    with MockServer(articles=ARTICLES) as server:
        yield server


def extract_keys(base_url: str) -> list[str]:
    """The keys of ``newsarchive extract``'s record, in order, for a page of the sample site."""
    site = SampleSite(articles=ARTICLES, base_url=base_url)
    page = site.respond("GET", "/" + ORACLE)
    return list(extract_article(page.body, base_url + ORACLE, page_class=page_class_for(base_url, "onemedia.fr")))


@pytest.fixture(scope="module")
def exports(small_site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("feeds")
    outputs = {kind: folder / f"out.{kind}" for kind in ("jsonl", "json", "csv", "xml")}
    arguments = [argument for path in outputs.values() for argument in ("-O", str(path))]
    successful_crawl("onemedia", small_site.url, folder / "archive.db", *arguments,
                     "-s", "NEWSARCHIVE_CONTACT=mailto:lab@example.org")
    return folder, outputs


def test_the_crawl_named_the_contact_in_its_user_agent(exports):
    folder, _ = exports
    settings = json.loads(query(folder / "archive.db", "SELECT settings FROM runs")[0]["settings"])
    assert settings["USER_AGENT"].endswith("+mailto:lab@example.org)")


def test_json_lines_and_json_hold_one_record_per_article_with_the_keys_of_extract(exports, small_site):
    folder, outputs = exports
    keys = extract_keys(small_site.url)
    lines = [json.loads(line) for line in outputs["jsonl"].read_text(encoding="utf-8").splitlines()]
    listed = json.loads(outputs["json"].read_text(encoding="utf-8"))
    stored = {row["url"] for row in query(folder / "archive.db", "SELECT url FROM articles")}
    assert len(stored) == ARTICLES
    for records in (lines, listed):
        assert {record["url"] for record in records} == stored
        assert all(list(record) == keys for record in records)
        assert all(record["sections"][0]["paragraphs"] for record in records)


def test_csv_has_flat_columns_with_lists_joined(exports, small_site):
    _, outputs = exports
    with outputs["csv"].open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == ARTICLES
    assert list(rows[0]) == extract_keys(small_site.url)
    records = {record["url"]: record for record in map(json.loads, outputs["jsonl"].read_text().splitlines())}
    for row in rows:
        record = records[row["url"]]
        assert row["tags"] == " | ".join(record["tags"])
        assert row["authors"] == " | ".join(record["authors"])
        assert record["sections"][0]["paragraphs"][0] in row["sections"].splitlines()
        assert not any(cell.startswith(("[", "{")) for cell in row.values())
        assert row["word_count"] == str(record["word_count"])


def test_xml_has_one_item_per_article_with_nested_sections(exports, small_site):
    _, outputs = exports
    items = etree.parse(str(outputs["xml"])).getroot().findall("item")
    assert len(items) == ARTICLES
    assert [child.tag for child in items[0]] == extract_keys(small_site.url)
    paragraphs = items[0].findall("sections/value/paragraphs/value")
    assert paragraphs and all(paragraph.text for paragraph in paragraphs)


def test_feed_export_without_the_archive(small_site, tmp_path):
    db_path = tmp_path / "archive.db"
    output = tmp_path / "out.jsonl"
    result = successful_crawl("onemedia", small_site.url, db_path, "-s", "NEWSARCHIVE_STORE=0", "-O", str(output))
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert len({record["url"] for record in records}) == ARTICLES
    assert list(tmp_path.iterdir()) == [output]  # no archive, no lock
    assert " WARNING: " not in result.stderr  # what the user switched off is not warned about


def test_components_switched_off_are_not_warned_about(small_site, tmp_path):
    result = successful_crawl("onemedia", small_site.url, tmp_path / "archive.db", "-s", "NEWSARCHIVE_WARC=0",
                              "-s", "NEWSARCHIVE_DEDUP_ENABLED=0", "-s", "NEWSARCHIVE_MAX_PAGES_PER_SITE=0")
    assert " WARNING: " not in result.stderr and "Disabled" not in result.stderr


def test_scrapy_parse_prints_the_record_without_touching_the_archive(small_site, tmp_path):
    db_path = tmp_path / "archive.db"
    command = [sys.executable, "-m", "scrapy", "parse", "--spider", "onemedia", "-a", f"base_url={small_site.url}",
               "-s", f"NEWSARCHIVE_DB={db_path}", *FAST_LOCAL, "--nolog", small_site.url + ORACLE]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "# Scraped Items" in result.stdout
    assert "'headline': 'La préfecture alerte sur la pénurie" in result.stdout
    assert "'published': '2025-" in result.stdout
    assert not db_path.exists() and not list(tmp_path.iterdir())


def test_scrapy_check_runs_the_spider_contracts_against_the_sample_site(small_site, tmp_path):
    db_path = tmp_path / "archive.db"
    command = [sys.executable, "-m", "scrapy", "check", "onemedia", "-s", f"NEWSARCHIVE_DB={db_path}",
               "-a", f"base_url={small_site.url}"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    ran = int(result.stderr.split("Ran ")[1].split()[0])
    assert ran == 4 and "OK" in result.stderr
    assert not list(tmp_path.iterdir())  # no archive, run, lock or WARC file
    failing = subprocess.run([*command[:-1], f"base_url={small_site.url}missing/"], cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
    assert failing.returncode == 1
