import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from analysis_archive import ARTICLES, build_archive

from newsarchive.cli import main


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-export") / "archive.db"
    build_archive(path, raw_pages=False, runs=False)
    return str(path)


def test_jsonl_to_stdout_by_default(db, capsys):
    assert main(["export", "--db", db]) == 0
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert [record["headline"] for record in records] == [article.headline for article in ARTICLES]
    assert records[0]["sections"][1]["heading"] == "Une riposte européenne"
    assert records[0]["captions"][0]["text"] == "Un haut fourneau en Lorraine."
    assert err == ""  # no progress bar in a pipe


def test_csv_with_filters_to_stdout(db, capsys):
    assert main(["export", "--db", db, "--format", "csv", "--tag", "croissance", "--since", "2025-08-07"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["headline"] for row in rows] == [ARTICLES[3].headline]
    assert rows[0]["tags"] == "Budget | Croissance" and rows[0]["authors"] == "Sara"


@pytest.mark.parametrize(("suffix", "reader"), [
    ("jsonl", lambda path: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]),
    ("csv", lambda path: list(csv.DictReader(path.open(encoding="utf-8", newline="")))),
    ("parquet", lambda path: pq.read_table(path).to_pylist()),
])
def test_format_follows_the_file_suffix(db, tmp_path, capsys, suffix, reader):
    target = tmp_path / f"articles.{suffix}"
    assert main(["export", "--db", db, "-o", str(target), "--limit", "3"]) == 0
    assert capsys.readouterr().out == f"Exported 3 articles to {target} ({suffix}).\n"
    assert [row["headline"] for row in reader(target)] == [article.headline for article in ARTICLES[:3]]


def test_explicit_format_wins_over_the_suffix(db, tmp_path, capsys):
    target = tmp_path / "articles.txt"
    assert main(["export", "--db", db, "--format", "parquet", "--output", str(target), "--category", "sport"]) == 0
    assert pq.read_table(target).column("category").to_pylist() == ["Sport"]


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "parquet"], "Parquet is a binary format: give a file with -o"),
    (["-o", "/nonexistent-dir/out.csv"], "no directory /nonexistent-dir"),
    (["--until", "31/12/2025"], "--until: '31/12/2025' is not a date"),
])
def test_export_errors(db, capsys, args, message):
    assert main(["export", "--db", db, *args]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("newsarchive export: ") and message in err


def test_unknown_format_is_a_usage_error(db, capsys):
    with pytest.raises(SystemExit):
        main(["export", "--db", db, "--format", "xml"])
    assert "invalid choice: 'xml'" in capsys.readouterr().err


def test_a_file_whose_extension_names_no_format_is_refused(db, tmp_path, capsys):
    target = tmp_path / "articles.xlsx"
    assert main(["export", "--db", db, "-o", str(target)]) == 2
    assert "newsarchive export: cannot tell the format of 'articles.xlsx'" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())
