"""Access, teasers and agencies from the page to the archive: stored, exported, filtered, counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsarchive.cli import main
from newsarchive.extraction import extract_article
from newsarchive.sites.registry import page_class_for
from newsarchive.storage import Archive

GOLDEN = Path(__file__).parent / "golden" / "generic"
CASES = ("paywall-jsonld-haspart", "paywall-piano-content-tier", "paywall-poool-full-text",
         "free-wire-copy-avec-afp", "regional-publie-le")


def golden_record(case: str) -> dict:
    given = json.loads((GOLDEN / case / "expected.json").read_text(encoding="utf-8"))["input"]
    return extract_article((GOLDEN / case / "page.html").read_bytes(), given["url"], fetched_at=given["fetched_at"],
                           page_class=page_class_for(given["url"]))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("access") / "archive.db"
    with Archive.open(path) as archive:
        archive.save_articles([{"record": golden_record(case), "raw": {}, "fingerprint": None} for case in CASES])
    return str(path)


def exported(db, capsys, *args) -> list[dict]:
    assert main(["export", "--db", db, "--format", "jsonl", *args]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_extract_prints_access_truncated_and_agencies(capsys):
    page = GOLDEN / "paywall-jsonld-haspart" / "page.html"
    url = json.loads((page.parent / "expected.json").read_text(encoding="utf-8"))["input"]["url"]
    assert main(["extract", str(page), "--url", url]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["access"], record["truncated"], record["agencies"]) == ("subscribers", True, [])


def test_export_keeps_the_keys_of_extract(db, capsys):
    records = {record["headline"]: record for record in exported(db, capsys)}
    for case in CASES:
        extracted = golden_record(case)
        stored = records[extracted["headline"]]
        for key in ("access", "truncated", "access_signals", "agencies"):
            assert stored[key] == extracted[key], (case, key)


def test_export_and_search_filters(db, capsys):
    subscribers = exported(db, capsys, "--access", "subscribers")
    assert sorted(record["truncated"] for record in subscribers) == [False, True, True]
    assert [r["headline"] for r in exported(db, capsys, "--agency", "Agence France-Presse")] == [
        "Grève à la SNCF : trafic perturbé sur les TER jeudi"]
    assert main(["search", "--db", db, "--json", "--access", "free", "TER"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [hit["headline"] for hit in found["results"]] == ["Grève à la SNCF : trafic perturbé sur les TER jeudi"]


def test_bad_access_value_is_a_usage_error(db, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["export", "--db", db, "--access", "paying"])
    assert stopped.value.code == 2


def test_stats_share_of_subscriber_articles_per_site_and_month(db, capsys):
    assert main(["stats", "--db", db, "--json"]) == 0
    shares = {(row["site"], row["month"]): row for row in json.loads(capsys.readouterr().out)["access_per_site_month"]}
    assert shares[("quotidien-du-soir.example", "2025-10")] == {
        "site": "quotidien-du-soir.example", "month": "2025-10", "articles": 1, "subscribers": 1,
        "subscribers_percent": 100.0, "truncated": 1}
    assert shares[("courrier-du-centre.example", "2025-11")]["subscribers"] == 0
    assert main(["stats", "--db", db]) == 0
    assert "Subscriber-only articles per site and month:" in capsys.readouterr().out


def test_refetch_refreshes_access_without_a_revision(tmp_path):
    record = golden_record("paywall-poool-full-text")
    with Archive.open(tmp_path / "a.db") as archive:
        archive.save_articles([{"record": record, "raw": {}, "fingerprint": None}])
        result = archive.save_articles([{"record": {**record, "access": "free", "agencies": ["AFP"]}, "raw": {},
                                         "fingerprint": None}])
        row = archive.database.execute("SELECT access, agencies FROM articles").fetchone()
        revisions = archive.database.execute("SELECT count(*) FROM revisions").fetchone()[0]
    assert result.unchanged == 1 and row == ("free", '["AFP"]') and revisions == 0
