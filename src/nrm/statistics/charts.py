"""Charts (SVG and PNG, matplotlib) for every spec that declares one.

What a chart shows is decided by ``chartdata``: a figure with nothing to draw gets an image that
says so (``ChartData.blank``), and a chart with withheld counts carries a note that they are not
drawn; a pie with a withheld slice shows no percentages, which would be of a partial total.
"""

import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from nrm.statistics.chartdata import ChartData, chart_data
from nrm.statistics.present import Presented

# SVG text stays text (smaller, faster, searchable); a fixed salt makes the files reproducible.
matplotlib.rcParams["svg.fonttype"] = "none"
matplotlib.rcParams["svg.hashsalt"] = "open-nrm"

_COLOURS = ["#1d70b8", "#f47738", "#00703c", "#d4351c", "#4c2c92", "#b58840", "#5694ca", "#85994b"]
_INK = "#0b0c0c"


def _pie(axes: Axes, data: ChartData) -> None:
    percentages = None if data.withheld else "%1.0f%%"
    axes.pie([row[0] for row in data.values], labels=data.categories, colors=_COLOURS,
             autopct=percentages, startangle=90, counterclock=False)  # fmt: skip
    axes.axis("equal")


def _line(axes: Axes, data: ChartData) -> None:
    for k, (category, series) in enumerate(zip(data.categories, data.values, strict=True)):
        axes.plot(data.series, series, marker="o", label=category, color=_COLOURS[k % 8])
    axes.legend(fontsize=8)
    axes.set_ylabel("Referrals")


def _bars(axes: Axes, data: ChartData) -> None:
    kind, names, categories = data.kind, data.series, data.categories
    positions = range(len(categories))
    left = [0] * len(categories)
    height = 0.8 / (1 if kind in ("stacked", "barh") else max(1, len(names)))
    for j, name in enumerate(names):
        series = [row[j] for row in data.values]
        colour = _COLOURS[j % 8]
        if kind == "stacked":
            axes.barh(list(positions), series, left=left, label=name, color=colour)
            left = [a + b for a, b in zip(left, series, strict=True)]
        elif kind == "barh":
            offset = [p + j * height / max(1, len(names)) for p in positions]
            axes.barh(offset, series, height=height / max(1, len(names)), label=name,
                      color=colour)  # fmt: skip
        else:
            offset = [p + j * height for p in positions]
            axes.bar(offset, series, width=height, label=name, color=colour)
    if kind == "bar":
        axes.set_xticks(list(positions), categories, rotation=30, ha="right", fontsize=8)
    else:
        axes.set_yticks(list(positions), categories, fontsize=8)
        axes.invert_yaxis()
    if len(names) > 1:
        axes.legend(fontsize=8)


def _blank(axes: Axes, reason: str) -> None:
    axes.axis("off")
    axes.text(0.5, 0.5, textwrap.fill(reason, 60), ha="center", va="center", fontsize=11,
              color=_INK, transform=axes.transAxes)  # fmt: skip


def chart_draw(table: Presented, out: Path) -> list[Path]:
    """Draw the spec's chart; return the SVG and PNG files (none if the spec has no chart)."""
    data = chart_data(table)
    if data is None:
        return []
    figure, axes = plt.subplots(figsize=(8, 4.5), dpi=100)
    try:
        return _draw(figure, axes, data, table, out)
    finally:
        plt.close(figure)


def _draw(figure: Figure, axes: Axes, data: ChartData, table: Presented, out: Path) -> list[Path]:
    if data.blank is not None:
        _blank(axes, data.blank)
    elif data.kind == "pie":
        _pie(axes, data)
    elif data.kind == "line":
        _line(axes, data)
    else:
        _bars(axes, data)
    axes.set_title(f"{table.number}: {table.title}", fontsize=10)
    if data.footnote:
        figure.text(0.01, 0.01, data.footnote, fontsize=8, color=_INK)
    figure.tight_layout(rect=(0, 0.04, 1, 1) if data.footnote else (0, 0, 1, 1))
    files = []
    for suffix in ("svg", "png"):
        path = out / f"{table.id}.{suffix}"
        figure.savefig(path, format=suffix)
        files.append(path)
    return files
