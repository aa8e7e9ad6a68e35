"""Release-safe rows: k-anonymity and l-diversity by generalisation first, suppression after.

The rows are those of a CTDC-layout export (``standard.ctdc_layout``); the quasi-identifiers
and their hierarchies are in ``release_levels``. ``release_rows`` works in three steps:

1. **Generalisation** (full domain, one level per quasi-identifier for every row): for each
   share of ``BUDGETS``, the combination of levels that loses least and leaves at most that
   share of the rows at risk (in a class smaller than ``k``, or with fewer than ``l``
   sensitive values) is a candidate.
2. **Local suppression of values**: in the rows still at risk, one quasi-identifier at a time
   (``LOCAL_ORDER``), the value is withheld (``-99``) where that makes the row safe.
3. **Suppression of rows**: the rows still at risk are left out.

Of the candidates, the one that loses least after steps 2 and 3 is released, and its loss is
reported: rows suppressed and, per quasi-identifier, its level and the values generalised (by
the level) and withheld (locally).
"""

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import product

from nrm.statistics.release_levels import (
    LEVELS,
    MISSING,
    QI_COLUMNS,
    QUASI_IDENTIFIERS,
    SENSITIVE,
    Context,
    Row,
    Values,
)

__all__ = ["QI_COLUMNS", "QUASI_IDENTIFIERS", "SENSITIVE", "Loss", "Released", "release_rows"]

# The order in which values of rows at risk are withheld: the most detailed first.
LOCAL_ORDER = (
    "country of exploitation",
    "age",
    "citizenship",
    "year",
    "exploitation type",
    "gender",
)
NAMES = list(QUASI_IDENTIFIERS)
BUDGETS = (0.0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0)  # shares of rows left at risk
# How much a value of each quasi-identifier is worth to readers: the NRM's statistics count by
# nationality, type of exploitation and year first; by gender; by age group (minor or adult)
# rather than age band; the country of exploitation is mostly the UK.
WEIGHTS = {
    "year": 2.0,
    "gender": 1.0,
    "age": 0.5,
    "citizenship": 3.0,
    "exploitation type": 2.0,
    "country of exploitation": 1.0,
}


@dataclass
class Loss:
    """What the release gave up."""

    rows_in: int = 0
    suppressed_k: int = 0
    suppressed_l: int = 0
    levels: dict[str, str] = field(default_factory=dict)
    cells_generalised: dict[str, int] = field(default_factory=dict)
    cells_withheld: dict[str, int] = field(default_factory=dict)

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
                f"{name}: {self.levels[name]}; {self.cells_generalised[name]} values generalised, "
                f"{self.cells_withheld[name]} withheld in rows at risk"
            )
        return found


@dataclass(frozen=True)
class Released:
    rows: list[Row]
    loss: Loss


def class_key(row: Mapping[str, str], columns: Sequence[str] = QI_COLUMNS) -> tuple[str, ...]:
    return tuple(row[c] for c in columns)


def _at_risk(
    keys: Sequence[tuple[Values, ...]], sensitive: Sequence[str], k: int, l_div: int
) -> tuple[set[int], set[int]]:
    """Indexes of rows in classes smaller than k, and of rows in classes of k or more with
    fewer than ``l_div`` distinct sensitive values."""
    classes: dict[tuple[Values, ...], list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        classes[key].append(index)
    small: set[int] = set()
    uniform: set[int] = set()
    for members in classes.values():
        if len(members) < k:
            small.update(members)
        elif l_div > 1 and len({sensitive[i] for i in members}) < l_div:
            uniform.update(members)
    return small, uniform


def _generalised(rows: Sequence[Row], context: Context) -> dict[str, list[list[Values]]]:
    """Each quasi-identifier's values of every row at each of its levels."""
    found: dict[str, list[list[Values]]] = {}
    for name, columns in QUASI_IDENTIFIERS.items():
        exact = [tuple(row[c] for c in columns) for row in rows]
        found[name] = [[step(v, context) for v in exact] for _label, step in LEVELS[name]]
    return found


def _keys(
    values: dict[str, list[list[Values]]], combo: Sequence[int], n: int
) -> list[list[Values]]:
    return [[values[q][level][i] for q, level in zip(NAMES, combo, strict=True)] for i in range(n)]


def _candidates(
    values: dict[str, list[list[Values]]], sensitive: Sequence[str], k: int, l_div: int
) -> list[tuple[float, tuple[int, ...]]]:
    """For each share of ``BUDGETS``, the combination of levels that loses least and leaves at
    most that share of the rows at risk, with its loss: every value it changes, weighted by the
    height of its level in its hierarchy (withheld 1; the first of four levels 1/3) and by
    ``WEIGHTS``, per row."""
    n = max(len(sensitive), 1)
    changed = {
        q: [sum(v != e for v, e in zip(level, values[q][0], strict=True)) for level in values[q]]
        for q in NAMES
    }

    def cost(combo: tuple[int, ...]) -> tuple[float, int]:
        spent = sum(
            WEIGHTS[q] * changed[q][level] * level / (len(LEVELS[q]) - 1)
            for q, level in zip(NAMES, combo, strict=True)
        )
        return spent / n, sum(combo)

    found: dict[float, tuple[float, tuple[int, ...]]] = {}
    for combo in sorted(product(*(range(len(LEVELS[q])) for q in NAMES)), key=cost):
        keys = [tuple(key) for key in _keys(values, combo, len(sensitive))]
        risk = sum(map(len, _at_risk(keys, sensitive, k, l_div))) / n
        for budget in BUDGETS:
            if budget not in found and risk <= budget:
                found[budget] = (cost(combo)[0], combo)
        if len(found) == len(BUDGETS):
            break
    return list(found.values())


def _locally_withheld(
    keys: list[list[Values]], sensitive: Sequence[str], k: int, l_div: int
) -> tuple[set[int], set[int]]:
    """Withhold values of the rows at risk, one quasi-identifier at a time (``LOCAL_ORDER``),
    where that makes them safe (``keys`` changed in place); the rows still at risk."""
    small, uniform = _at_risk([tuple(key) for key in keys], sensitive, k, l_div)
    for name in LOCAL_ORDER:
        position = NAMES.index(name)
        trial = [list(key) for key in keys]
        for index in small | uniform:
            trial[index][position] = tuple(MISSING for _ in trial[index][position])
        t_small, t_uniform = _at_risk([tuple(key) for key in trial], sensitive, k, l_div)
        for index in (small | uniform) - (t_small | t_uniform):  # made safe: keep the change
            keys[index] = trial[index]
        small, uniform = _at_risk([tuple(key) for key in keys], sensitive, k, l_div)
    return small, uniform


def release_rows(
    rows: Sequence[Row], *, k: int = 11, l_div: int = 1, sensitive: str = SENSITIVE
) -> Released:
    """``rows`` made k-anonymous (and l-diverse in ``sensitive``) over ``QUASI_IDENTIFIERS``:
    of the candidate generalisations (``_candidates``), each followed by local suppression, the
    one that loses least in all (a row suppressed loses every quasi-identifier's weight, a
    value withheld its own)."""
    counts = {c: Counter(row[c] for row in rows) for c in ("citizenship", "CountryOfExploitation")}
    values = _generalised(rows, Context(k=k, counts=counts))
    secret = [row[sensitive] for row in rows]
    n = max(len(rows), 1)
    best: tuple[float, tuple[int, ...], list[list[Values]], set[int], set[int]] | None = None
    for spent, combo in _candidates(values, secret, k, l_div):
        keys = _keys(values, combo, len(rows))
        small, uniform = _locally_withheld(keys, secret, k, l_div)
        held = sum(
            WEIGHTS[q] * (key[p] != values[q][combo[p]][i])
            for i, key in enumerate(keys)
            for p, q in enumerate(NAMES)
        )
        total = spent + (held + len(small | uniform) * sum(WEIGHTS.values())) / n
        if best is None or total < best[0]:
            best = (total, combo, keys, small, uniform)
    assert best is not None, "the most general combination is always a candidate"
    _total, combo, keys, small, uniform = best
    gone = small | uniform
    loss = Loss(rows_in=len(rows), suppressed_k=len(small), suppressed_l=len(uniform))
    kept = []
    for index, row in enumerate(rows):
        if index not in gone:
            new = dict(row)
            for name, value in zip(NAMES, keys[index], strict=True):
                new.update(zip(QUASI_IDENTIFIERS[name], value, strict=True))
            kept.append(new)
    for position, (name, level) in enumerate(zip(NAMES, combo, strict=True)):
        loss.levels[name] = LEVELS[name][level][0]
        loss.cells_generalised[name] = sum(
            values[name][level][i] != values[name][0][i] for i in range(len(rows)) if i not in gone
        )
        loss.cells_withheld[name] = sum(
            keys[i][position] != values[name][level][i] for i in range(len(rows)) if i not in gone
        )
    return Released(kept, loss)
