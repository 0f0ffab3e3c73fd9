import re
import struct

import pytest
from analysis_archive import ARTICLES, FIRST_FETCH, build_archive, later, publish

from newsarchive.analysis.access import AnalysisError
from newsarchive.analysis.filters import ArticleFilter, Condition, build_condition
from newsarchive.analysis.history import article_revisions
from newsarchive.analysis.plot import plot_articles
from newsarchive.analysis.render import format_revisions, format_table, value_diff
from newsarchive.analysis.runs import duration_seconds, list_runs, run_details
from newsarchive.analysis.stats import dimension_counts, period_counts, period_of, totals
from newsarchive.analysis.synthetic import article_item
from newsarchive.storage import Archive


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("stats") / "archive.db"
    build_archive(path, raw_pages=False)
    with Archive.open(path, create=False) as opened:
        yield opened


def test_totals(archive):
    counts = totals(archive.database, Condition())
    assert counts["articles"] == len(ARTICLES) and counts["undated"] == 0
    assert counts["first_published"].startswith("2025-07-28") and counts["last_published"].startswith("2025-08-11")
    assert counts["words"] == sum(article.word_count for article in ARTICLES)
    assert counts["revisions"] == 0


@pytest.mark.parametrize(("by", "expected"), [
    ("day", {"2025-07-28": 1, "2025-08-04": 1, "2025-08-05": 1, "2025-08-06": 1, "2025-08-11": 1}),
    ("week", {"2025-W31": 1, "2025-W32": 3, "2025-W33": 1}),
    ("month", {"2025-07": 1, "2025-08": 4}),
])
def test_period_counts(archive, by, expected):
    assert dict(period_counts(archive.database, Condition(), by)) == expected


def test_periods_are_iso_weeks_and_months():
    assert period_of("2025-01-01", "week") == "2025-W01"
    assert period_of("2024-12-30", "week") == "2025-W01"
    assert period_of("2027-01-01", "week") == "2026-W53"
    assert period_of("2025-08-06", "month") == "2025-08"
    with pytest.raises(ValueError):
        period_counts(None, Condition(), "year")


def test_dimension_counts_most_frequent_first(archive):
    db = archive.database
    assert dimension_counts(db, Condition(), "tag", top=2) == [("Commerce", 2), ("Croissance", 2)]
    assert dimension_counts(db, Condition(), "author")[0] == ("Sara", 2)
    assert dict(dimension_counts(db, Condition(), "category")) == {
        "International": 1, "France": 1, "Économie": 1, "Politique": 1, "Sport": 1}
    august = build_condition(db, ArticleFilter(since="2025-08-01", tags=["croissance"]))
    assert dimension_counts(db, august, "category") == [("Politique", 1), ("Économie", 1)]
    assert dimension_counts(db, august, "site") == [("onemedia.fr", 2)]


def test_runs_history(archive):
    runs = list_runs(archive.database)
    assert [(run["id"], run["status"], run["pages_fetched"], run["errors"]) for run in runs] == [
        (2, "interrupted", 3, 2), (1, "success", 12, 0)]
    assert runs[0]["duration_s"] is not None and runs[0]["duration_s"] >= 0
    assert len(list_runs(archive.database, limit=1)) == 1
    details = run_details(archive.database, 1)
    assert details["stats"]["newsarchive/articles_new"] == 5 and "NEWSARCHIVE_DB" in details["settings"]
    assert run_details(archive.database, 42) is None
    assert duration_seconds("2025-08-01T10:00:00+00:00", "2025-08-01T10:01:30+00:00") == 90
    assert duration_seconds("2025-08-01T10:00:00+00:00", None) is None


def test_plot_writes_a_png(archive, tmp_path):
    target = tmp_path / "articles.png"
    assert plot_articles(archive.database, Condition(), target) == 5
    header = target.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert width > 1000 and height > 700  # 12 x 8 inches at 100 dpi, legend included
    nothing = build_condition(archive.database, ArticleFilter(since="2030-01-01"))
    with pytest.raises(AnalysisError, match="no dated article"):
        plot_articles(archive.database, nothing, tmp_path / "empty.png")


def test_revisions_give_before_and_after(tmp_path):
    path = tmp_path / "archive.db"
    ids = build_archive(path, ARTICLES[:1], raw_pages=False, runs=False)
    site, (article,) = publish(ARTICLES[:1])
    second, third = later(FIRST_FETCH, 24), later(FIRST_FETCH, 48)
    with Archive.open(path) as archive:
        for fetched_at, headline, tags in ((second, "Titre corrigé", ["Commerce"]),
                                           (third, "Titre corrigé deux fois", ["Commerce"])):
            item = article_item(site, article)
            item["record"].update(headline=headline, tags=tags)
            item["raw"]["fetched_at"] = fetched_at
            archive.save_articles([item])
        revisions = article_revisions(archive.database, ids[article.headline])
        changes_view = archive.database.execute(
            "SELECT field, previous_value FROM article_changes ORDER BY revision_id, field").fetchall()
    assert [revision["seen_at"] for revision in revisions] == [second, third]
    assert revisions[0]["changes"]["headline"] == {"before": article.headline, "after": "Titre corrigé"}
    assert revisions[0]["changes"]["tags"] == {"before": ["États-Unis", "Commerce"], "after": ["Commerce"]}
    assert revisions[1]["changes"]["headline"] == {"before": "Titre corrigé", "after": "Titre corrigé deux fois"}
    assert "tags" not in revisions[1]["changes"]
    assert ("headline", article.headline) in changes_view
    assert ("tags", '["États-Unis","Commerce"]') in changes_view
    text = format_revisions(revisions)
    assert f"- {article.headline}" in text and "+ Titre corrigé deux fois" in text


def test_long_values_are_shown_as_a_diff():
    before = [{"heading": None, "paragraphs": ["Un.", "Deux."]}]
    after = [{"heading": None, "paragraphs": ["Un.", "Deux.", "Mise à jour : trois."]}]
    assert value_diff("sections", before, after)[-1] == "+Mise à jour : trois."
    assert value_diff("lead", None, "Nouveau chapeau") == ["- (none)", "+ Nouveau chapeau"]
    assert format_revisions([]).startswith("No revision")


def test_tables_align_numbers_right():
    assert format_table(["name", "n"], [["a", 5], ["bb", 10]]).splitlines() == [
        "name   n", "----  --", "a      5", "bb    10"]


def test_a_daily_chart_of_many_days_stacks_its_categories_per_week(tmp_path):
    from newsarchive.analysis.synthetic import build_archive as build_synthetic_archive

    path = tmp_path / "months.db"
    build_synthetic_archive(path, 400)
    with Archive.open(path) as months:
        target = tmp_path / "days.svg"
        days = plot_articles(months.database, Condition(), target, by="day")
    assert days > 62
    svg = target.read_text(encoding="utf-8")
    assert "<!-- Per category, per week (stacked) -->" in svg and "<!-- articles per week -->" in svg
    assert len(re.findall(r'id="bar-\d{4}-\d\d-\d\d"', svg)) == days  # the totals stay daily


def _right_edge(svg: str, gid: str) -> float:
    """The largest x of the paths of the SVG group ``gid``."""
    group = re.search(rf'<g id="{re.escape(gid)}">(.*?)</g>', svg, re.S).group(1)
    return max(float(x) for x in re.findall(r"[ML] (-?[\d.]+) ", group))


@pytest.mark.parametrize("by, last", [("month", "2025-08"), ("week", "2025-W33")])
def test_the_stacked_categories_draw_the_last_period_too(archive, tmp_path, by, last):
    target = tmp_path / f"{by}.svg"
    plot_articles(archive.database, Condition(), target, by=by)
    svg = target.read_text(encoding="utf-8")
    stacks = re.findall(r'<g id="(stack-[^"]+)">', svg)
    assert stacks
    # the areas reach as far right as the bar of the last period (a step ends where the next period begins)
    assert max(_right_edge(svg, gid) for gid in stacks) >= _right_edge(svg, f"bar-{last}")
