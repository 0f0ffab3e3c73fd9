import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from analysis_archive import ARTICLES, build_archive

from newsarchive.analysis.access import AnalysisError
from newsarchive.analysis.export import export_articles, guess_format, open_writer
from newsarchive.analysis.filters import ArticleFilter, Condition, build_condition
from newsarchive.analysis.progress import progress_bar
from newsarchive.analysis.records import ArticleReader
from newsarchive.analysis.synthetic import article_record
from newsarchive.analysis.writers import CSV_COLUMNS, flat_row
from newsarchive.extraction import FIELDS
from newsarchive.storage import Archive

EXTRACT_KEYS = set(FIELDS)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "archive.db"
    build_archive(path, raw_pages=False, runs=False)
    with Archive.open(path, create=False) as opened:
        yield opened


@pytest.fixture(scope="module")
def records(archive):
    return ArticleReader(archive.database).records(list(range(1, len(ARTICLES) + 1)))


def test_records_read_back_what_was_stored(records):
    assert len(records) == len(ARTICLES)
    first = records[0]
    assert EXTRACT_KEYS <= set(first)
    expected = article_record(ARTICLES[0])
    for key in ("headline", "authors", "category", "tags", "sections", "copyright", "published", "breadcrumb"):
        assert first[key] == expected[key], key
    assert first["captions"] == [{"text": "Un haut fourneau en Lorraine.", "credit": "AFP", "position": 0,
                                  "image_url": "https://onemedia.fr/wp-content/uploads/2025/08/0.jpg"}]
    assert first["sections"][1]["heading"] == "Une riposte européenne"
    assert first["text"].splitlines() == [
        "Washington a annoncé mardi une hausse des taxes sur l’acier importé.",
        "Une riposte européenne",
        "Les industriels européens redoutent une guerre commerciale.",
        "Bruxelles prépare une riposte mesurée."]
    assert first["id"] == 1 and first["urls"] == [first["url"]]
    assert first["first_seen"] and first["removed_at"] is None


def test_records_keep_the_order_asked_and_skip_unknown_ids(archive):
    reader = ArticleReader(archive.database)
    assert [record["id"] for record in reader.records([3, 99, 1])] == [3, 1]
    assert reader.record(99) is None and reader.records([]) == []


def test_batches_follow_ids_and_respect_the_limit(archive):
    reader = ArticleReader(archive.database)
    batches = list(reader.iter_batches(Condition(), batch_size=2))
    assert [[record["id"] for record in batch] for batch in batches] == [[1, 2], [3, 4], [5]]
    limited = list(reader.iter_batches(Condition(), batch_size=2, limit=3))
    assert [len(batch) for batch in limited] == [2, 1]
    condition = build_condition(archive.database, ArticleFilter(tags=["croissance"]))
    assert [r["id"] for batch in reader.iter_batches(condition) for r in batch] == [3, 4]
    assert reader.count(condition) == 2


def test_csv_rows_are_flat(records):
    row = flat_row(records[3])
    assert set(row) == set(CSV_COLUMNS)
    assert row["tags"] == "Budget | Croissance"
    assert row["headings"] == "Des économies dans tous les ministères"
    assert row["body"].startswith("Le projet de loi de finances") and "\n" in row["body"]
    assert row["breadcrumb"].startswith("Home | Actualité | ")
    with_lead = flat_row(records[1])
    assert with_lead["lead"] == "Une initiative inédite de la mairie."
    assert with_lead["body"].startswith("À Lyon") and records[1]["text"].startswith(with_lead["lead"])


@pytest.mark.parametrize("export_format", ["jsonl", "csv", "parquet"])
def test_export_to_a_file_in_each_format(archive, tmp_path, export_format):
    target = tmp_path / f"out.{export_format}"
    reader = ArticleReader(archive.database)
    with open_writer(export_format, str(target)) as writer:
        written = export_articles(reader, Condition(), writer)
    assert written == len(ARTICLES)
    assert not list(tmp_path.glob(".*.part"))
    rows = _read(target, export_format)
    assert [row["headline"] for row in rows] == [article.headline for article in ARTICLES]
    if export_format == "csv":
        assert rows[0]["tags"] == "États-Unis | Commerce"
    else:
        assert rows[0]["tags"] == ["États-Unis", "Commerce"]
        assert rows[0]["sections"][1]["paragraphs"] == [
            "Les industriels européens redoutent une guerre commerciale.", "Bruxelles prépare une riposte mesurée."]
        assert rows[0]["captions"][0]["credit"] == "AFP"


def _read(path, export_format):
    if export_format == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if export_format == "csv":
        with path.open(encoding="utf-8", newline="") as stream:
            return list(csv.DictReader(stream))
    return pq.read_table(path).to_pylist()


def test_parquet_row_groups_stay_small(archive, tmp_path, monkeypatch):
    monkeypatch.setattr("newsarchive.analysis.export.EXPORT_BATCH", 2)
    target = tmp_path / "out.parquet"
    with open_writer("parquet", str(target)) as writer:
        writer.row_group_size = 2
        export_articles(ArticleReader(archive.database), Condition(), writer)
    metadata = pq.ParquetFile(target).metadata
    assert metadata.num_rows == len(ARTICLES) and metadata.num_row_groups == 3


def test_failed_export_leaves_no_file(archive, tmp_path):
    target = tmp_path / "out.jsonl"
    with pytest.raises(RuntimeError):
        with open_writer("jsonl", str(target)) as writer:
            writer.write([{"headline": "x"}])
            raise RuntimeError("interrupted")
    assert list(tmp_path.iterdir()) == []


def test_bad_destinations_and_formats(tmp_path):
    with pytest.raises(AnalysisError, match="binary format"):
        with open_writer("parquet", None):
            pass
    with pytest.raises(AnalysisError, match="unknown format"):
        with open_writer("xml", None):
            pass
    with pytest.raises(AnalysisError, match="no directory"):
        with open_writer("csv", str(tmp_path / "missing" / "out.csv")):
            pass
    with pytest.raises(AnalysisError, match="is a directory"):
        with open_writer("csv", str(tmp_path)):
            pass


def test_format_is_guessed_from_the_suffix():
    assert guess_format("a/b.CSV") == "csv"
    assert guess_format("x.parquet") == "parquet"
    assert guess_format("x.ndjson") == "jsonl"
    with pytest.raises(AnalysisError, match=r"cannot tell the format of 'x.xlsx': give a file ending in .jsonl"):
        guess_format("x.xlsx")
    assert guess_format(None) == "jsonl" and guess_format("a/tube") == "jsonl"


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_shows_on_a_terminal_only(archive):
    terminal, pipe = FakeTerminal(), io.StringIO()
    for stream in (terminal, pipe):
        with progress_bar(len(ARTICLES), "article", "export", stream=stream) as progress:
            with open_writer("jsonl", None) as writer:
                export_articles(ArticleReader(archive.database), Condition(), writer, progress=progress)
    assert "export" in terminal.getvalue() and "5/5" in terminal.getvalue()
    assert pipe.getvalue() == ""
