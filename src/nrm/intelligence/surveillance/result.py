"""The result of assessing one period of one count series."""

from dataclasses import dataclass

FARRINGTON = "farrington"
EARS_C1 = "ears-c1"
EARS_C2 = "ears-c2"
EARS_C3 = "ears-c3"
NOT_ASSESSED = "not assessed"


@dataclass(frozen=True)
class Assessment:
    """One period of one series: what was counted, what was expected, and whether it alarms.

    ``expected`` and ``upper`` are the fitted count and the upper threshold (None when the
    period could not be assessed); ``score`` is the exceedance score
    ``(observed - expected) / (upper - expected)``, above 1 when the count is over the
    threshold; ``alarm`` is the method's alarm rule. ``method`` is one of ``"farrington"``,
    ``"ears-c1"``, ``"ears-c2"``, ``"ears-c3"`` or ``"not assessed"``; ``reason`` says in
    words why the period was not assessed or why it cannot alarm (too few referrals), and is
    empty otherwise.
    """

    observed: int
    expected: float | None
    upper: float | None
    score: float | None
    alarm: bool
    method: str
    reason: str = ""


def exceedance(observed: float, expected: float, upper: float) -> float:
    """``(observed - expected) / (upper - expected)``, with a threshold at or below the
    expected count (a very small expected count whose upper quantile is 0) read as no room:
    infinite when the count is above the threshold, 0 otherwise."""
    room = upper - expected
    if room > 0:
        return (observed - expected) / room
    return float("inf") if observed > upper else 0.0
