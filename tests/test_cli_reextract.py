import json
import sqlite3

import pytest
from analysis_archive import build_archive

from newsarchive.cli import main


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "archive.db"
    build_archive(path, raw_pages=True, runs=False)
    assert main(["reextract", "--db", str(path)]) == 0  # in step with the current extractors
    connection = sqlite3.connect(path)
    connection.execute("UPDATE articles SET headline = 'Ancien titre', lead = 'Ancien chapeau' WHERE id = 4")
    connection.commit()
    connection.close()
    return str(path)


def headline(db, article_id):
    connection = sqlite3.connect(db)
    try:
        return connection.execute("SELECT headline FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    finally:
        connection.close()


def test_dry_run_reports_per_field_and_changes_nothing(db, capsys):
    assert main(["reextract", "--db", db, "--dry-run", "--list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("Re-extracted 5 stored pages: 1 articles would change, 4 unchanged, "
                      "0 no longer articles, 0 failed.")
    assert out[1:4] == ["Fields that would change (articles):", "  headline: 1", "  lead: 1"] or \
        out[1:4] == ["Fields that would change (articles):", "  lead: 1", "  headline: 1"]
    assert out[-1].startswith("  4 https://onemedia.fr/politique/") and out[-1].endswith(": headline, lead")
    assert headline(db, 4) == "Ancien titre"


def test_reextract_updates_and_reports_as_json(db, capsys):
    assert main(["reextract", "--db", db, "--json", "--category", "politique"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {"dry_run": False, "pages": 1, "changed": 1, "unchanged": 0, "not_article": 0,
                      "failed": 0, "fields": {"headline": 1, "lead": 1}}
    assert headline(db, 4) == "Le gouvernement présente son projet de loi de finances"
    assert main(["show", "4", "--db", db, "--revisions", "--json"]) == 0
    changes = json.loads(capsys.readouterr().out)["revisions"][-1]["changes"]
    assert changes["headline"]["before"] == "Ancien titre"


def test_limit_counts_pages(db, capsys):
    assert main(["reextract", "--db", db, "--dry-run", "--json", "--limit", "2"]) == 0
    assert json.loads(capsys.readouterr().out)["pages"] == 2


def test_failures_are_reported_with_a_non_zero_status(db, capsys):
    connection = sqlite3.connect(db)
    connection.execute("UPDATE raw_pages SET body = x'00ff' WHERE article_id = 1")
    connection.commit()
    connection.close()
    assert main(["reextract", "--db", db, "--dry-run"]) == 1
    out, err = capsys.readouterr()
    assert "1 failed" in out.splitlines()[0]
    assert "1 pages could not be re-extracted" in err


def test_extractor_site_option_reads_a_local_copy_like_the_site(tmp_path, capsys):
    reports = []
    for name, base_url, extra in (("site", "https://onemedia.fr/", []),
                                  ("copy", "http://127.0.0.1:8000/", ["--extractor-site", "onemedia.fr"])):
        path = tmp_path / f"{name}.db"
        build_archive(path, raw_pages=True, runs=False, base_url=base_url)
        assert main(["reextract", "--db", str(path), "--dry-run", "--json", *extra]) == 0
        reports.append(json.loads(capsys.readouterr().out))
    assert reports[0] == reports[1]
