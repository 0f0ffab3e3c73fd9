"""A chart of articles over time, in total and per category, for a paper (matplotlib, no display needed).

The bucket is the day, ISO week or month of ``--by``; the title names the site(s) and the period; both
panels have axis labels; the categories are stacked areas (the largest ones, the rest as "other
categories") with their legend outside the data, drawn per week when more than
:data:`MAX_DAILY_CATEGORY_PERIODS` days would make daily stacks unreadable stripes. The format follows the
file's extension: PNG, SVG or
PDF; any other extension is an error. Each bar of the totals carries its period as its SVG id
(``bar-2025-W32``), each category's area its name (``stack-Sport``).
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from newsarchive.analysis.access import AnalysisError
from newsarchive.analysis.filters import Condition
from newsarchive.analysis.stats import category_daily_counts, dimension_counts, period_counts, period_of

logger = logging.getLogger(__name__)

CHART_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
MAX_CATEGORIES = 8  # the others are drawn together
OTHERS = "other categories"
FIGURE_SIZE = (12, 8)
PERIOD_NAMES = {"day": "day", "week": "week (ISO, from Monday)", "month": "month"}
MAX_SITES_NAMED = 3
MAX_DAILY_CATEGORY_PERIODS = 62  # more days than this: the categories are stacked per week


def chart_format(path: str | Path) -> str:
    """The format named by the file's extension; raises AnalysisError for any other extension."""
    suffix = Path(path).suffix.lower()
    if suffix not in CHART_FORMATS:
        raise AnalysisError(f"cannot draw a chart as {Path(path).name!r}: give a file ending in "
                            f"{', '.join(CHART_FORMATS)}")
    return CHART_FORMATS[suffix]


def plot_articles(db, condition: Condition, path: str | Path, by: str = "day") -> int:
    """Draw the chart into ``path``; returns the number of periods drawn."""
    file_format = chart_format(path)
    totals = period_counts(db, condition, by)
    if not totals:
        raise AnalysisError("no dated article to plot")
    figure = Figure(figsize=FIGURE_SIZE)
    FigureCanvasAgg(figure)
    total_axes, category_axes = figure.subplots(2, 1, sharex=True)
    figure.suptitle(chart_title(db, condition, by, totals), fontsize="large")
    starts = [period_start(period, by) for period, _ in totals]
    bars = total_axes.bar(starts, [count for _, count in totals], width=_bar_width(by), align="edge",
                          color="#3b6ea5")
    for bar, (period, _) in zip(bars, totals):
        bar.set_gid(f"bar-{period}")
    total_axes.set_title("All articles", loc="left", fontsize="medium")
    total_axes.set_ylabel(f"articles per {by}")
    category_by = "week" if by == "day" and len(totals) > MAX_DAILY_CATEGORY_PERIODS else by
    _draw_categories(category_axes, category_period_counts(db, condition, category_by), category_by)
    category_axes.set_xlabel(PERIOD_NAMES[by])
    figure.autofmt_xdate()
    try:
        figure.savefig(str(path), format=file_format, dpi=100, bbox_inches="tight")
    except OSError as exc:
        raise AnalysisError(f"cannot write {path}: {exc.strerror or exc}") from exc
    logger.info("Plotted %d periods (%s) into %s", len(totals), by, path)
    return len(totals)


def chart_title(db, condition: Condition, by: str, totals: list[tuple[str, int]]) -> str:
    """``Articles per week, onemedia.fr, 2025-W23 to 2025-W34 (1,234 articles)``"""
    sites = [name for name, _ in dimension_counts(db, condition, "site")]
    named = ", ".join(sites[:MAX_SITES_NAMED]) + (f" and {len(sites) - MAX_SITES_NAMED} more"
                                                   if len(sites) > MAX_SITES_NAMED else "")
    first, last = totals[0][0], totals[-1][0]
    period = first if first == last else f"{first} to {last}"
    articles = sum(count for _, count in totals)
    return f"Articles per {by}, {named}, {period} ({articles:,} articles)"


def period_start(period: str, by: str) -> date:
    """The first day of a period named by :func:`~newsarchive.analysis.stats.period_of`."""
    if by == "week":
        year, week = period.split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    if by == "month":
        return date.fromisoformat(f"{period}-01")
    return date.fromisoformat(period)


def _period_end(period: str, by: str) -> date:
    """The first day after a week or a month."""
    start = period_start(period, by)
    if by == "week":
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def category_period_counts(db, condition: Condition, by: str) -> dict[str, Counter]:
    """Per category, articles per period."""
    return {
        category: Counter({period: count for period, count in _summed(days, by).items()})
        for category, days in category_daily_counts(db, condition).items()
    }


def _summed(days: list[tuple[str, int]], by: str) -> Counter:
    counts: Counter[str] = Counter()
    for day, count in days:
        counts[period_of(day, by)] += count
    return counts


def _bar_width(by: str) -> float:
    return {"day": 0.9, "week": 6.0, "month": 26.0}[by]


def _draw_categories(axes, per_category: dict[str, Counter], by: str) -> None:
    ranked = sorted(per_category, key=lambda name: (-sum(per_category[name].values()), name))
    series = {name: per_category[name] for name in ranked[:MAX_CATEGORIES]}
    if len(ranked) > MAX_CATEGORIES:
        series[OTHERS] = sum((per_category[name] for name in ranked[MAX_CATEGORIES:]), Counter())
    periods = sorted({period for counts in series.values() for period in counts})
    starts = [period_start(period, by) for period in periods]
    stacks = [[counts.get(period, 0) for period in periods] for counts in series.values()]
    if by != "day":  # a step is drawn up to the next x: the last period needs its end
        starts.append(_period_end(periods[-1], by))
        stacks = [stack + stack[-1:] for stack in stacks]
    areas = axes.stackplot(starts, *stacks, labels=list(series), step="post" if by != "day" else None)
    for area, name in zip(areas, series):
        area.set_gid(f"stack-{name}")
    axes.set_title(f"Per category, per {by} (stacked)", loc="left", fontsize="medium")
    axes.set_ylabel(f"articles per {by}")
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", title="category", frameon=False)
