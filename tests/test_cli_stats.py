import json
import re

import pytest
from analysis_archive import build_archive

from newsarchive.cli import main


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-stats") / "archive.db"
    build_archive(path, raw_pages=False)
    return str(path)


def stats_json(db, capsys, *args):
    assert main(["stats", "--db", db, "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_counts(db, capsys):
    counts = stats_json(db, capsys, "--by", "week")
    assert counts["totals"]["articles"] == 5
    assert counts["per_week"] == {"2025-W31": 1, "2025-W32": 3, "2025-W33": 1}
    assert counts["per_tag"]["Commerce"] == 2 and counts["per_author"]["Sara"] == 2
    assert counts["per_category"]["Économie"] == 1 and counts["per_site"] == {"onemedia.fr": 5}
    assert [run["status"] for run in counts["runs"]] == ["interrupted", "success"]


def test_filters_apply_to_every_count(db, capsys):
    counts = stats_json(db, capsys, "--by", "day", "--author", "sara", "--top", "1")
    assert counts["totals"]["articles"] == 2
    assert counts["per_day"] == {"2025-08-05": 1, "2025-08-11": 1}
    assert len(counts["per_tag"]) == 1 and counts["per_author"] == {"Sara": 2}


def test_text_report(db, capsys):
    assert main(["stats", "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("5 articles (0 undated), published 2025-07-28T12:00:00+02:00 to 2025-08-11T12:00:00+02:00")
    headings = ("Articles per month:", "Categories:", "Top tags:", "Top authors:", "Sites:", "Crawl runs (latest 2):")
    for heading in headings:
        assert heading in out
    assert "2025-07         1" in out and "2025-08         4" in out
    assert "interrupted" in out


def test_plot(db, tmp_path, capsys):
    target = tmp_path / "plot.png"
    assert main(["stats", "--db", db, "--plot", str(target), "--by", "day"]) == 0
    assert capsys.readouterr().out.rstrip().endswith(f"Plot written to {target}")
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plot_errors(db, tmp_path, capsys):
    assert main(["stats", "--db", db, "--plot", str(tmp_path / "empty.png"), "--since", "2030-01-01"]) == 2
    assert "no dated article to plot" in capsys.readouterr().err
    assert main(["stats", "--db", db, "--plot", str(tmp_path / "missing" / "plot.png")]) == 2
    assert "newsarchive stats: cannot write" in capsys.readouterr().err


def chart_ids(path) -> list[str]:
    """The periods of the total bars of an SVG chart (their ids)."""
    return re.findall(r'id="bar-([^"]+)"', path.read_text(encoding="utf-8"))


def test_by_changes_the_bucket_of_the_chart(db, tmp_path, capsys):
    charts = {}
    for by in ("day", "week", "month"):
        charts[by] = tmp_path / f"{by}.svg"
        assert main(["stats", "--db", db, "--by", by, "--plot", str(charts[by])]) == 0
        capsys.readouterr()
    for by, chart in charts.items():
        assert chart_ids(chart) == list(stats_json(db, capsys, "--by", by)[f"per_{by}"])
    assert chart_ids(charts["week"]) == ["2025-W31", "2025-W32", "2025-W33"]
    assert len(chart_ids(charts["day"])) > 3 and chart_ids(charts["month"]) == ["2025-07", "2025-08"]
    svg = charts["week"].read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    for text in ("Articles per week, onemedia.fr, 2025-W31 to 2025-W33 (5 articles)", "articles per week",
                 "week (ISO, from Monday)", "Économie", "category"):
        assert f"<!-- {text} -->" in svg, text


def test_the_chart_format_follows_the_extension(db, tmp_path, capsys):
    pdf = tmp_path / "chart.pdf"
    assert main(["stats", "--db", db, "--plot", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert main(["stats", "--db", db, "--plot", str(tmp_path / "chart.jpg")]) == 2
    assert "cannot draw a chart as 'chart.jpg': give a file ending in .png, .svg, .pdf" in capsys.readouterr().err
    assert not (tmp_path / "chart.jpg").exists()
