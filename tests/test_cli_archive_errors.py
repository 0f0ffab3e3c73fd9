"""Every analysis subcommand refuses a missing, foreign or empty database, and never creates one."""

import sqlite3

import pytest

from newsarchive.cli import build_parser, main

COMMANDS = [
    ["search", "acier"],
    ["show", "1"],
    ["export", "--format", "csv"],
    ["stats"],
    ["reextract", "--dry-run"],
    ["runs"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command[0])
def test_missing_archive_is_refused_and_not_created(tmp_path, capsys, command):
    missing = tmp_path / "nothing.db"
    assert main([*command, "--db", str(missing)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"newsarchive {command[0]}: no archive at {missing}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command[0])
def test_foreign_database_is_refused_and_left_untouched(tmp_path, capsys, command):
    foreign = tmp_path / "shop.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL)")
    connection.close()
    assert main([*command, "--db", str(foreign)]) == 2
    assert "is an SQLite database but not a newsarchive archive" in capsys.readouterr().err
    with sqlite3.connect(foreign) as connection:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    connection.close()
    assert tables == ["orders"]


@pytest.mark.parametrize("content", [b"", b"plain text, not SQLite\n" * 50], ids=["empty", "text"])
def test_files_that_are_not_archives_are_refused(tmp_path, capsys, content):
    path = tmp_path / "archive.db"
    path.write_bytes(content)
    assert main(["stats", "--db", str(path)]) == 2
    assert "not a newsarchive archive" in capsys.readouterr().err
    assert path.read_bytes() == content


def test_db_defaults_to_the_environment_variable(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSARCHIVE_DB", str(tmp_path / "env.db"))
    assert main(["runs"]) == 2
    assert f"no archive at {tmp_path / 'env.db'}" in capsys.readouterr().err


def test_help_lists_every_command_with_examples(capsys):
    parser = build_parser()
    help_text = parser.format_help()
    for name in ("search", "show", "export", "stats", "reextract", "runs"):
        assert name in help_text
        with pytest.raises(SystemExit):
            main([name, "--help"])
        assert "examples:" in capsys.readouterr().out
