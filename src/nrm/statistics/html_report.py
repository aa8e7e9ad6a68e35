"""The HTML report page: every table and chart with its title, notes and the methodology, in
one self-contained file (charts inlined as SVG, no external assets), readable offline."""

import re
from html import escape
from pathlib import Path

from nrm.statistics.chartdata import chart_data
from nrm.statistics.present import Presented

METHODOLOGY = (
    "Counts are referrals to the National Referral Mechanism, counted by the calendar year of "
    "the referral date from a pseudonymised extract of the case store (one row per referral, "
    "no names or dates of birth). Each table is a declared specification evaluated by one "
    "engine; percentages are computed from exact counts and rounded half away from zero. By UK "
    "country, the Isle of Man is counted in England. Age group is the age at the time of "
    "exploitation; an age-disputed person counts as a minor, and an estimated age stands for "
    "the latest date of birth it allows. Nationality is counted as the data standard records "
    "it: a disputed nationality counts under its composite ('UK (claimed) Nigeria "
    "(possible)'), never under either country; several claimed nationalities count as one set. "
    "Positions rank the largest count 1; equal counts share a position; a row with nothing "
    "counted in a year has none (N/A). See docs/statistics.md."
)

_STYLE = """
body{font-family:Arial,sans-serif;margin:2em;max-width:70em;color:#0b0c0c}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #b1b4b6;padding:.25em .5em}
td.n{text-align:right}th{background:#f3f2f1;text-align:left}caption{font-weight:bold;text-align:left}
.notes{color:#505a5f;font-size:.9em}figure{margin:1em 0}svg{max-width:100%;height:auto}
.no-chart{border-left:5px solid #b1b4b6;padding:.5em 1em}
"""


def _svg(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    start = text.find("<svg")
    text = text[start:] if start >= 0 else ""
    return re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.DOTALL)


def _table(table: Presented) -> str:
    head = "".join(f"<th scope='col'>{escape(h)}</th>" for h in table.header)
    body = []
    for row in table.rows:
        cells = "".join(
            f"<td class='n'>{v}</td>" if isinstance(v, int) else f"<td>{escape(str(v or ''))}</td>"
            for v in row
        )
        body.append(f"<tr>{cells}</tr>")
    return (
        f"<table><caption>{escape(table.number)}: {escape(table.title)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def _figure(table: Presented, chart: Path | None) -> str:
    """The chart inlined, or the sentence saying why there is none to show."""
    data = chart_data(table)
    if data is None:
        return ""
    if data.blank is not None:
        return f"<p class='no-chart' id='{table.id}-no-chart'>{escape(data.blank)}</p>"
    if chart is None:
        return ""
    caption = f"<figcaption>{escape(data.footnote)}</figcaption>" if data.footnote else ""
    return f"<figure>{_svg(chart)}{caption}</figure>"


TITLE = "National Referral Mechanism statistics"


def html_write(
    tables: list[Presented],
    charts: dict[str, Path],
    out: Path,
    *,
    year: int,
    public: bool,
    title: str = TITLE,
    methodology: str = METHODOLOGY,
) -> Path:
    sections = []
    for table in tables:
        figure = _figure(table, charts.get(table.id))
        notes = "".join(f"<p>{escape(note)}</p>" for note in table.notes)
        sections.append(
            f"<section id='{table.id}'><h2>{escape(table.number)}: {escape(table.title)}</h2>"
            f"{figure}{_table(table)}<div class='notes'>{notes}</div></section>"
        )
    contents = "".join(
        f"<li><a href='#{t.id}'>{escape(t.number)}: {escape(t.title)}</a></li>" for t in tables
    )
    kind = "public (disclosure controlled)" if public else "internal (exact counts)"
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}, {year}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(title)}, {year}</h1><p>Edition: {kind}.</p>"
        f"<h2>Methodology</h2><p>{escape(methodology)}</p><h2>Contents</h2><ol>{contents}</ol>"
        f"{''.join(sections)}</body></html>"
    )
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
