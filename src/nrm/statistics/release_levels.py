"""The quasi-identifiers of a public CTDC-layout release and their hierarchies of
generalisation (``LEVELS``), least general first; the last level of each but the age withholds
it (``-99``, CTDC's "not given"): the age is never coarser than minor or adult. Used by
``release``; documented in docs/statistics.md."""

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

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
RARE = (1, 5, 20)  # a country is rare below this many times k rows, at successive levels
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


def _rare_to_region(column: str, times: int) -> Step:
    """Countries with fewer than ``times`` x k rows in the input as their region."""

    def step(values: Values, context: Context) -> Values:
        rare = context.counts[column][values[0]] < times * context.k
        return (_region(values[0]),) if rare else values

    return step


def _countries(column: str) -> tuple[tuple[str, Step], ...]:
    rare = tuple(
        (f"countries with fewer than {times}k rows as their region", _rare_to_region(column, times))
        for times in RARE
    )
    return (("country", _keep), *rare, ("region", _all_to_region), ("withheld", _withheld))


def _all_to_region(values: Values, context: Context) -> Values:
    return (_region(values[0]),)


# The levels of each quasi-identifier, least general first; the last withholds it.
LEVELS: dict[str, tuple[tuple[str, Step], ...]] = {
    "year": (("year", _keep), ("period of 3 years", _period), ("withheld", _withheld)),
    "gender": (("gender", _keep), ("withheld", _withheld)),
    "age": (
        ("age band", _keep),
        ("coarse age band", _coarse_age),
        ("minor or adult", _majority_only),  # never withheld whole: the NRM counts by it
    ),
    "citizenship": _countries("citizenship"),
    "exploitation type": (("type", _keep), ("withheld", _withheld)),
    "country of exploitation": _countries("CountryOfExploitation"),
}
