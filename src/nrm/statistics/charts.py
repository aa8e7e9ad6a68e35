"""Charts (SVG and PNG, matplotlib) for every spec that declares one."""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from nrm.statistics.present import Presented

# SVG text stays text (smaller, faster, searchable); a fixed salt makes the files reproducible.
matplotlib.rcParams["svg.fonttype"] = "none"
matplotlib.rcParams["svg.hashsalt"] = "open-nrm"

_COLOURS = ["#1d70b8", "#f47738", "#00703c", "#d4351c", "#4c2c92", "#b58840", "#5694ca", "#85994b"]


def chart_series(table: Presented) -> tuple[list[str], list[str], list[list[float]]]:
    """Categories (rows), series names (count columns) and values; suppressed cells as 0."""
    result = table.result
    spec = result.spec
    body = [row for row, r in zip(table.rows, result.rows, strict=True) if not r.is_total]
    categories = [" ".join(str(v) for v in row[: len(spec.rows)]) for row in body]
    width = len(result.column_keys)
    names = result.column_labels if result.column_keys != [()] else ["Referrals"]
    values = [
        [
            float(v) if isinstance(v, int) else 0.0
            for v in row[len(spec.rows) : len(spec.rows) + width]
        ]
        for row in body
    ]
    return categories, names, values


def chart_draw(table: Presented, out: Path) -> list[Path]:
    """Draw the spec's chart; return the SVG and PNG files (none if the spec has no chart)."""
    kind = table.result.spec.chart
    if kind is None:
        return []
    categories, names, values = chart_series(table)
    figure, axes = plt.subplots(figsize=(8, 4.5), dpi=100)
    if kind == "pie":
        axes.pie([v[0] for v in values], labels=categories, colors=_COLOURS,
                 autopct="%1.0f%%", startangle=90, counterclock=False)  # fmt: skip
        axes.axis("equal")
    elif kind == "line":
        for k, (category, series) in enumerate(zip(categories, values, strict=True)):
            axes.plot(names, series, marker="o", label=category, color=_COLOURS[k % 8])
        axes.legend(fontsize=8)
        axes.set_ylabel("Referrals")
    else:
        positions = range(len(categories))
        left = [0.0] * len(categories)
        height = 0.8 / (1 if kind in ("stacked", "barh") else max(1, len(names)))
        for j, name in enumerate(names):
            series = [row[j] for row in values]
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
    axes.set_title(f"{table.number}: {table.title}", fontsize=10)
    figure.tight_layout()
    files = []
    for suffix in ("svg", "png"):
        path = out / f"{table.id}.{suffix}"
        figure.savefig(path, format=suffix)
        files.append(path)
    plt.close(figure)
    return files
