"""A PNG of articles per day over time, in total and per category (matplotlib, no display needed)."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from newsarchive.analysis.access import AnalysisError
from newsarchive.analysis.filters import Condition
from newsarchive.analysis.stats import category_daily_counts, daily_counts

logger = logging.getLogger(__name__)

MAX_CATEGORIES = 8  # the others are drawn together as "autres"
FIGURE_SIZE = (12, 8)


def plot_articles_per_day(db, condition: Condition, path: str | Path) -> int:
    """Draw the chart into ``path`` (PNG); returns the number of days drawn."""
    daily = daily_counts(db, condition)
    if not daily:
        raise AnalysisError("no dated article to plot")
    figure = _figure()
    total_axes, category_axes = figure.subplots(2, 1, sharex=True)
    days = [date.fromisoformat(day) for day, _ in daily]
    total_axes.bar(days, [count for _, count in daily], width=1.0, color="#3b6ea5")
    total_axes.set_title("Articles per day")
    total_axes.set_ylabel("articles")
    _draw_categories(category_axes, category_daily_counts(db, condition))
    figure.autofmt_xdate()
    figure.tight_layout()
    try:
        figure.savefig(str(path), format="png", dpi=100)
    except OSError as exc:
        raise AnalysisError(f"cannot write {path}: {exc.strerror or exc}") from exc
    logger.info("Plotted %d days into %s", len(days), path)
    return len(days)


def _figure() -> Figure:
    figure = Figure(figsize=FIGURE_SIZE)
    FigureCanvasAgg(figure)
    return figure


def _draw_categories(axes, per_category: dict[str, list[tuple[str, int]]]) -> None:
    ranked = sorted(per_category, key=lambda name: -sum(count for _, count in per_category[name]))
    shown, others = ranked[:MAX_CATEGORIES], ranked[MAX_CATEGORIES:]
    series = {name: dict(per_category[name]) for name in shown}
    if others:
        merged: dict[str, int] = {}
        for name in others:
            for day, count in per_category[name]:
                merged[day] = merged.get(day, 0) + count
        series["autres"] = merged
    all_days = sorted({day for counts in series.values() for day in counts})
    x = [date.fromisoformat(day) for day in all_days]
    stacks = [[counts.get(day, 0) for day in all_days] for counts in series.values()]
    axes.stackplot(x, *stacks, labels=list(series), step="mid")
    axes.set_title("Articles per day and category")
    axes.set_ylabel("articles")
    axes.legend(loc="upper left", fontsize="small", ncols=3)
