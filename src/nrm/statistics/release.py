"""Release-safe rows: k-anonymity and l-diversity by generalisation first, suppression after.

The rows are those of a CTDC-layout export (``standard.ctdc_layout``). The quasi-identifiers are
those CTDC declares for its public file: year, gender, age, citizenship, type of exploitation
and country of exploitation (``QUASI_IDENTIFIERS``: some span several columns, e.g. the age is
the age band and both majority statuses). ``release_rows`` raises each quasi-identifier's level
of generalisation (``LEVELS``), one step at a time, choosing the step that leaves fewest rows in
classes smaller than ``k`` (or with fewer than ``l`` sensitive values), until at most
``max_suppressed`` of the rows are at risk; those rows are then suppressed (left out). The loss
is reported: rows suppressed and, per quasi-identifier, its level and cells generalised.
"""

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from nrm.standard.ctdc_layout import DECISION, MISSING, TYPE_FLAGS
from nrm.standard.regions import country_region

Row = dict[str, str]
QUASI_IDENTIFIERS: dict[str, tuple[str, ...]] = {
    "year": ("yearOfRegistration",),
    "gender": ("gender",),
    "age": ("ageBroad", "majorityStatus", "majorityStatusAtExploit"),
    "citizenship": ("citizenship",),
    "exploitation type": (*TYPE_FLAGS, "isForcedMarriage"),
    "country of exploitation": ("CountryOfExploitation",),
}
QI_COLUMNS = tuple(column for columns in QUASI_IDENTIFIERS.values() for column in columns)
SENSITIVE = DECISION
PERIOD = 3  # years a period spans when years are generalised
COARSE_AGE = {
    "0--8": "0--17",
    "9--17": "0--17",
    "18--20": "18--29",
    "21--23": "18--29",
    "24--26": "18--29",
    "27--29": "18--29",
    "30--38": "30--47",
    "39--47": "30--47",
}

Values = tuple[str, ...]
Step = Callable[[Values, "Context"], Values]


@dataclass(frozen=True)
class Context:
    """What a generalisation step may look at besides the value: how often each value of a
    column occurs in the whole input, and k."""

    k: int
    counts: Mapping[str, Counter[str]]


def _keep(values: Values, context: Context) -> Values:
    return values


def _withheld(values: Values, context: Context) -> Values:
    return tuple(MISSING for _ in values)


def _period(values: Values, context: Context) -> Values:
    year = values[0]
    if not year.isdigit():
        return values
    start = int(year) - int(year) % PERIOD
    return (f"{start}-{start + PERIOD - 1}",)


def _coarse_age(values: Values, context: Context) -> Values:
    band, *rest = values
    return (COARSE_AGE.get(band, band), *rest)


def _majority_only(values: Values, context: Context) -> Values:
    return (MISSING, *values[1:])


def _region(value: str) -> str:
    return MISSING if value == MISSING else country_region(value) or MISSING


def _rare_to_region(column: str) -> Step:
    def step(values: Values, context: Context) -> Values:
        rare = context.counts[column][values[0]] < context.k
        return (_region(values[0]),) if rare else values

    return step


def _all_to_region(values: Values, context: Context) -> Values:
    return (_region(values[0]),)


# The levels of each quasi-identifier, least general first; the last withholds it.
LEVELS: dict[str, tuple[tuple[str, Step], ...]] = {
    "year": (("year", _keep), ("period of 3 years", _period), ("withheld", _withheld)),
    "gender": (("gender", _keep), ("withheld", _withheld)),
    "age": (
        ("age band", _keep),
        ("coarse age band", _coarse_age),
        ("minor or adult", _majority_only),
        ("withheld", _withheld),
    ),
    "citizenship": (
        ("country", _keep),
        ("rare countries as their region", _rare_to_region("citizenship")),
        ("region", _all_to_region),
        ("withheld", _withheld),
    ),
    "exploitation type": (("type", _keep), ("withheld", _withheld)),
    "country of exploitation": (
        ("country", _keep),
        ("rare countries as their region", _rare_to_region("CountryOfExploitation")),
        ("region", _all_to_region),
        ("withheld", _withheld),
    ),
}
# Which quasi-identifier to generalise first when two steps leave as many rows at risk.
PREFERENCE = ("age", "citizenship", "country of exploitation", "year", "gender")


@dataclass
class Loss:
    """What the release gave up."""

    rows_in: int = 0
    suppressed_k: int = 0
    suppressed_l: int = 0
    levels: dict[str, str] = field(default_factory=dict)
    cells_generalised: dict[str, int] = field(default_factory=dict)

    @property
    def suppressed(self) -> int:
        return self.suppressed_k + self.suppressed_l

    def lines(self) -> list[str]:
        share = self.suppressed / self.rows_in if self.rows_in else 0.0
        found = [
            f"rows: {self.rows_in} in, {self.rows_in - self.suppressed} released, "
            f"{self.suppressed} suppressed ({share:.1%}: {self.suppressed_k} in classes "
            f"smaller than k, {self.suppressed_l} in classes with too few sensitive values)"
        ]
        for name in QUASI_IDENTIFIERS:
            found.append(
                f"{name}: {self.levels[name]}, {self.cells_generalised[name]} cells generalised"
            )
        return found


@dataclass(frozen=True)
class Released:
    rows: list[Row]
    loss: Loss


def _apply(rows: Sequence[Row], levels: Mapping[str, int], context: Context) -> list[Row]:
    out = []
    for row in rows:
        new = dict(row)
        for name, columns in QUASI_IDENTIFIERS.items():
            step = LEVELS[name][levels[name]][1]
            values = step(tuple(row[c] for c in columns), context)
            new.update(zip(columns, values, strict=True))
        out.append(new)
    return out


def class_key(row: Mapping[str, str], columns: Sequence[str] = QI_COLUMNS) -> tuple[str, ...]:
    return tuple(row[c] for c in columns)


def _at_risk(rows: Sequence[Row], k: int, l_div: int, sensitive: str) -> tuple[set[int], set[int]]:
    """Indexes of rows in classes smaller than k, and of rows in classes of k or more with
    fewer than ``l_div`` distinct sensitive values."""
    classes: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, row in enumerate(rows):
        classes[class_key(row)].append(index)
    small: set[int] = set()
    uniform: set[int] = set()
    for members in classes.values():
        if len(members) < k:
            small.update(members)
        elif len({rows[i][sensitive] for i in members}) < l_div:
            uniform.update(members)
    return small, uniform


def release_rows(
    rows: Sequence[Row],
    *,
    k: int = 11,
    l_div: int = 1,
    sensitive: str = SENSITIVE,
    max_suppressed: float = 0.05,
) -> Released:
    """``rows`` made k-anonymous (and l-diverse in ``sensitive``) over ``QUASI_IDENTIFIERS``."""
    counts = {c: Counter(row[c] for row in rows) for c in ("citizenship", "CountryOfExploitation")}
    context = Context(k=k, counts=counts)
    levels = dict.fromkeys(QUASI_IDENTIFIERS, 0)
    current = _apply(rows, levels, context)
    risk = sum(map(len, _at_risk(current, k, l_div, sensitive)))
    while risk > max_suppressed * len(rows):
        best: tuple[int, int, dict[str, int], list[Row]] | None = None
        for rank, name in enumerate([*PREFERENCE, *QUASI_IDENTIFIERS]):
            if levels[name] + 1 >= len(LEVELS[name]):
                continue
            trial = {**levels, name: levels[name] + 1}
            candidate = _apply(rows, trial, context)
            trial_risk = sum(map(len, _at_risk(candidate, k, l_div, sensitive)))
            if best is None or (trial_risk, rank) < (best[0], best[1]):
                best = (trial_risk, rank, trial, candidate)
        if best is None or best[0] >= risk:
            break
        risk, _rank, levels, current = best
    small, uniform = _at_risk(current, k, l_div, sensitive)
    kept = [row for index, row in enumerate(current) if index not in small | uniform]
    loss = Loss(rows_in=len(rows), suppressed_k=len(small), suppressed_l=len(uniform))
    for name, columns in QUASI_IDENTIFIERS.items():
        loss.levels[name] = LEVELS[name][levels[name]][0]
        loss.cells_generalised[name] = sum(
            1
            for index, row in enumerate(current)
            if index not in small | uniform
            for c in columns
            if row[c] != rows[index][c]
        )
    return Released(kept, loss)
