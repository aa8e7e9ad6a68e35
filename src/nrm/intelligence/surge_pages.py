"""How surge detection reads on the web and in the command's output: a series and its period in
words, and a sparkline of its recent counts drawn as SVG on the server."""

import math
from collections.abc import Sequence
from datetime import date
from typing import Protocol
from xml.sax.saxutils import quoteattr

from nrm.accounts.models import Organisation
from nrm.standard import codes
from nrm.standard.surveillance_codes import Frequency, SeriesKind

QUARTER_MONTHS = {1: "January to March", 4: "April to June", 7: "July to September"}
QUARTER_MONTHS[10] = "October to December"
METHOD_WORDS = {
    "farrington": "Farrington flexible",
    "ears-c1": "EARS C1",
    "ears-c2": "EARS C2",
    "ears-c3": "EARS C3",
}
NOT_ASSESSED = "Not assessed: too little history"
# Why a period has no threshold, by the start of the detector's reason.
NO_THRESHOLD = {
    "under": "Too little history to set a threshold",
    "constant": "No threshold: the same count in every period before",
    "fewer": "Too few referrals lately to raise an alert",
}
SPARK_WIDTH, SPARK_HEIGHT = 96, 24


class Series(Protocol):
    kind: str
    frequency: str
    nationality: str
    exploitation_type: str
    nation: str
    responder: str
    period_start: date


def _label(code_list: type[codes.models.TextChoices], value: str) -> str:
    try:
        return str(code_list(value).label)
    except ValueError:
        return value or "Not recorded"


def organisation_name(code: str) -> str:
    found = Organisation.objects.filter(code=code).values_list("name", flat=True).first()
    return found or "Not recorded"


def series_words(series: Series) -> str:
    """What the series counts, in words: "Albania, sexual exploitation", "Scotland"."""
    if series.kind == SeriesKind.NATION:
        return _label(codes.Nation, series.nation)
    if series.kind == SeriesKind.RESPONDER:
        return organisation_name(series.responder)
    if series.kind == SeriesKind.NATIONALITY_TYPE:
        if series.exploitation_type == codes.ExploitationType.NOT_RECORDED:
            return f"{series.nationality}, type of exploitation not recorded"
        kind = _label(codes.ExploitationType, series.exploitation_type)
        return f"{series.nationality}, {kind[0].lower()}{kind[1:]}"
    return series.nationality


def period_words(start: date, frequency: str, complete: bool = True) -> str:
    """ "April 2012", "July to September 2012", "April 2012 so far"."""
    if frequency == Frequency.QUARTER:
        words = f"{QUARTER_MONTHS[start.month]} {start.year}"
    else:
        words = f"{start:%B %Y}"
    return words if complete else f"{words} so far"


def no_threshold(method: str, reason: str) -> str:
    """Why a period has no threshold (or cannot alarm), in words; empty when it has one."""
    if not reason:
        return "" if method in METHOD_WORDS else NO_THRESHOLD["under"]
    return next(
        (words for start, words in NO_THRESHOLD.items() if reason.startswith(start)),
        "No threshold could be set",
    )


def score_words(score: float | None) -> str:
    """The exceedance score to two places, in words when it is infinite (a count above a
    threshold of 0)."""
    if score is None:
        return ""
    if math.isinf(score):
        return "Above a threshold of 0"
    return f"{score:.2f}"


def method_words(method: str) -> str:
    return METHOD_WORDS.get(method, NOT_ASSESSED)


def sparkline(counts: Sequence[int], latest: int, unit: str) -> str:
    """The recent counts and the latest as a line, the latest ringed; with its words for
    screen readers."""
    values = [*counts, latest]
    top = max(max(values), 1)
    step = SPARK_WIDTH / max(len(values) - 1, 1)

    def y(value: int) -> float:
        return round(SPARK_HEIGHT - 3 - (SPARK_HEIGHT - 6) * value / top, 1)

    points = " ".join(f"{round(i * step, 1)},{y(v)}" for i, v in enumerate(values))
    label = (
        f"The last {len(values)} {unit}s: from {min(values)} to {max(values)} referrals,"
        f" {latest} in the latest"
    )
    last_x = round((len(values) - 1) * step, 1)
    return (
        f'<svg class="nrm-sparkline" viewBox="-3 0 {SPARK_WIDTH + 6} {SPARK_HEIGHT}"'
        f' width="{SPARK_WIDTH + 6}" height="{SPARK_HEIGHT}" role="img"'
        f" aria-label={quoteattr(label)}>"
        f'<polyline points="{points}" fill="none" stroke="#1d70b8" stroke-width="1.5"/>'
        f'<circle cx="{last_x}" cy="{y(latest)}" r="2.5" fill="#0b0c0c"/></svg>'
    )
