"""The example queries of the README's "Querying the archive" section run on a real archive."""

import re
from pathlib import Path

import pytest
from analysis_archive import build_archive

from newsarchive.cli import main
from newsarchive.storage import Archive

README = Path(__file__).resolve().parents[1] / "README.md"
SQL_BLOCK = re.compile(r"```sql\n(.*?)```", re.DOTALL)
SHELL_BLOCK = re.compile(r"```sh\n(.*?)```", re.DOTALL)


def querying_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Querying the archive")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def documented(pattern):
    return pattern.findall(querying_section())


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("docs") / "archive.db"
    build_archive(path, raw_pages=True)
    return path


def test_there_are_ten_example_queries():
    assert len(documented(SQL_BLOCK)) >= 10


def test_every_example_query_runs(archive_path):
    with Archive.open(archive_path, create=False) as archive:
        for query in documented(SQL_BLOCK):
            archive.database.execute(query).fetchall()


def test_the_search_example_finds_the_article(archive_path):
    query = next(block for block in documented(SQL_BLOCK) if "articles_fts MATCH" in block)
    with Archive.open(archive_path, create=False) as archive:
        rows = archive.database.execute(query.replace("sanctions", "acier")).fetchall()
    assert [row[2] for row in rows] == ["Les États-Unis relèvent leurs droits de douane sur l’acier"]
    assert "[États-Unis]" in rows[0][3] or "[acier]" in rows[0][3]


def test_every_documented_command_parses(archive_path, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    commands = [line.split("#")[0].split("|")[0].strip() for block in documented(SHELL_BLOCK)
                for line in block.splitlines() if line.startswith("newsarchive ")]
    assert len(commands) >= 15
    for command in commands:
        argv = [_unquote(arg) for arg in re.findall(r"'[^']*'|\S+", command)[1:]]
        if argv[0] == "show":
            argv[1] = "1"
        if argv[0] == "runs" and len(argv) > 1:
            argv[1] = "1"
        status = main([*argv, "--db", str(archive_path)])
        assert status in (0, 1), (command, capsys.readouterr().err)
        capsys.readouterr()


def _unquote(arg: str) -> str:
    return arg[1:-1] if arg.startswith("'") and arg.endswith("'") else arg
