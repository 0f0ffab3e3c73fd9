"""The example queries of the README's "Querying the archive" section run on a real archive."""

import copy
import json
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest
from analysis_archive import ARTICLES, FIRST_FETCH, later, make_article, publish, record_runs

from newsarchive.analysis.synthetic import article_item

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


TODAY = datetime.now(timezone.utc).date().isoformat()
DOCS_ARTICLES = [
    *ARTICLES,
    make_article("Un article", "France", "Sara", ["Inflation", "Budget"], "2025-08-12",
                 ["Un article sur les prix.", "Les ménages réduisent leurs dépenses."]),
    make_article("Les États-Unis élargissent leurs sanctions", "International", "Julien Morel",
                 ["Inflation", "États-Unis"], TODAY,
                 ["Washington a annoncé de nouvelles sanctions économiques.", "Les marchés ont reculé."]),
]


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory):
    """An archive where every README query has something to find: a revised headline at the documented
    URL, co-occurring tags, an article published this month, fields supplied by a fallback layer."""
    path = tmp_path_factory.mktemp("docs") / "archive.db"
    site, published = publish(DOCS_ARTICLES)
    items = [article_item(site, article, keep_raw_page=True) for article in published]
    for item in items:
        item["raw"]["fetched_at"] = FIRST_FETCH
    items[-1]["record"]["sources"] = {"published": "jsonld", "headline": "site"}
    revised = copy.deepcopy(next(item for item in items if item["record"]["headline"] == "Un article"))
    revised["record"]["headline"] = "Un article corrigé"
    revised["raw"]["fetched_at"] = later(FIRST_FETCH, 6)
    with Archive.open(path) as archive:
        archive.save_articles(items)
        archive.save_articles([revised])
        record_runs(archive)
    return path


def test_there_are_ten_example_queries():
    assert len(documented(SQL_BLOCK)) >= 10


def test_every_example_query_finds_something(archive_path):
    assert documented_url() == "https://onemedia.fr/france/un-article/"
    with Archive.open(archive_path, create=False) as archive:
        for query in documented(SQL_BLOCK):
            rows = archive.database.execute(query).fetchall()
            assert rows, query


def documented_url() -> str:
    return re.search(r"url = '([^']+)'", querying_section()).group(1)


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
        out, err = capsys.readouterr()
        assert status == 0, (command, err)
        written = [argv[i + 1] for i, arg in enumerate(argv) if arg in ("-o", "--plot")]
        if written:
            assert (tmp_path / written[0]).stat().st_size > 0, command
        else:
            assert out.strip(), command


def _unquote(arg: str) -> str:
    return arg[1:-1] if arg.startswith("'") and arg.endswith("'") else arg


def test_the_export_keys_are_those_the_readme_names(archive_path, tmp_path):
    from newsarchive.extraction.record import RECORD_KEYS

    sentence = re.search(r"JSON Lines and Parquet\s+keep the keys of `newsarchive extract` but (.*?), plus the "
                         r"archive's\s+(.*?)\.\s", querying_section(), re.DOTALL)
    assert sentence, "the README no longer says which keys the exports keep"
    left_out, added = (set(re.findall(r"`(\w+)`", part)) for part in sentence.groups())
    target = tmp_path / "articles.jsonl"
    assert main(["export", "--db", str(archive_path), "-o", str(target), "--limit", "1"]) == 0
    exported = set(json.loads(target.read_text(encoding="utf-8").splitlines()[0]))
    assert exported == (set(RECORD_KEYS) - left_out) | added


def test_the_readme_names_every_export_file_extension():
    from newsarchive.analysis.export import SUFFIXES

    listed = re.search(r"refuses a file whose extension names no format\s+\((.*?);", querying_section(), re.DOTALL)
    assert re.findall(r"`(\.[\w.]+)`", listed.group(1)) == list(SUFFIXES)
