import json

import pytest
from analysis_archive import build_archive

from newsarchive.cli import main


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-runs") / "archive.db"
    build_archive(path, raw_pages=False)
    return str(path)


def test_runs_table_newest_first(db, capsys):
    assert main(["runs", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:5] == ["run", "spider", "started", "duration", "s"]
    assert lines[2].split()[0:2] == ["2", "onemedia"] and "interrupted" in lines[2]
    assert lines[3].split()[0:2] == ["1", "onemedia"] and "success" in lines[3]


def test_runs_json_and_limit(db, capsys):
    assert main(["runs", "--db", db, "--json", "--limit", "1"]) == 0
    runs = json.loads(capsys.readouterr().out)
    assert [(run["id"], run["status"], run["pages_fetched"], run["errors"]) for run in runs] == [
        (2, "interrupted", 3, 2)]


def test_one_run_in_full(db, capsys):
    assert main(["runs", "1", "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Run 1 of onemedia: success (finished)")
    assert "  newsarchive/articles_new: 5" in out and "NEWSARCHIVE_DB = " in out
    assert main(["runs", "1", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["stats"]["response_received_count"] == 12


def test_unknown_run_and_empty_history(db, tmp_path, capsys):
    assert main(["runs", "7", "--db", db]) == 2
    assert "newsarchive runs: no run 7 in" in capsys.readouterr().err
    empty = tmp_path / "archive.db"
    build_archive(empty, raw_pages=False, runs=False)
    assert main(["runs", "--db", str(empty)]) == 0
    assert capsys.readouterr().out.strip() == "No crawl run recorded in this archive."
