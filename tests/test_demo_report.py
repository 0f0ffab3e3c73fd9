"""The end of the demo: the commands it suggests work on the archive it wrote and show something."""

import shlex

from newsarchive.analysis.synthetic import build_archive
from newsarchive.cli import main
from newsarchive.runs.demo_report import next_commands


def test_the_suggested_search_finds_articles_even_when_the_most_used_tag_is_not_in_the_text(tmp_path, capsys):
    db_path = tmp_path / "demo.db"
    build_archive(db_path, 40)  # the demo's sample site: its most used tag, Météo, is in no article's text
    search_command = shlex.split(next_commands(db_path)[0])
    assert search_command[1] == "search"
    word = search_command[2]

    assert main(["search", word, "--db", str(db_path)]) == 0
    output = capsys.readouterr().out
    assert "No article matches" not in output
    assert f"match {word!r}" in output or f"matches {word!r}" in output


def test_an_archive_without_tags_still_gets_a_search_to_try(tmp_path):
    db_path = tmp_path / "demo.db"
    build_archive(db_path, 0)
    assert shlex.split(next_commands(db_path)[0])[1:3] == ["search", "France"]
