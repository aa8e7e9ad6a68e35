"""Differentially private synthetic records in the CTDC layout: ``dp_synthetic_rows``.

Microsoft's Synthetic Data Showcase (``pac-synth``, MIT licence) computes the counts of every
combination of up to ``REPORTING_LENGTH`` attributes with differential privacy (epsilon, and a
delta set from the number of records) and synthesises records from those noisy counts alone.
The attributes are CTDC's quasi-identifiers and the NRM's decision, each as one column
(``ATTRIBUTES``; the exploitation type as its code). Utility is measured against the real rows
(``utility``): for each attribute, the total variation distance between the real and the
synthetic shares, and the largest difference of a count.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pacsynth

from nrm.standard import ctdc
from nrm.standard.codes import ExploitationType
from nrm.standard.ctdc_layout import COLUMNS, DECISION, MISSING, exploitation_flags

Row = dict[str, str]
TYPE = "exploitationType"
ATTRIBUTES = (
    "yearOfRegistration",
    "gender",
    "ageBroad",
    "majorityStatusAtExploit",
    "citizenship",
    TYPE,
    "CountryOfExploitation",
    DECISION,
)
REPORTING_LENGTH = 3
EPSILON = 4.0


@dataclass(frozen=True)
class Utility:
    attribute: str
    distance: float  # total variation distance of the shares, 0 (same) to 1
    largest_difference: int  # of a count, synthetic less real

    def line(self) -> str:
        return (
            f"{self.attribute}: total variation distance {self.distance:.3f}, "
            f"largest count difference {self.largest_difference:+d}"
        )


def _compact(row: Row) -> list[str]:
    values = {**row, TYPE: ctdc.ctdc_exploitation_type(row)}
    return [values[a] if values[a] != MISSING else "" for a in ATTRIBUTES]


def _full(values: Sequence[str]) -> Row:
    found = dict(zip(ATTRIBUTES, (v or MISSING for v in values), strict=True))
    etype = found.pop(TYPE)
    if etype == MISSING:
        etype = ExploitationType.NOT_RECORDED.value
    row = dict.fromkeys(COLUMNS, MISSING)
    row.update(found)
    row["Datasource"] = "Synthetic"
    row.update(exploitation_flags({"exploitation_type": etype}))
    return row


def dp_synthetic_rows(rows: Sequence[Row], *, epsilon: float = EPSILON) -> list[Row]:
    """Synthetic rows of the CTDC layout, differentially private for ``epsilon``."""
    data = [list(ATTRIBUTES), *(_compact(row) for row in rows)]
    parameters = (
        pacsynth.DpAggregateSeededParametersBuilder()
        .reporting_length(REPORTING_LENGTH)
        .epsilon(epsilon)
        .build()
    )
    synthesizer = pacsynth.DpAggregateSeededSynthesizer(parameters)
    synthesizer.fit(pacsynth.Dataset(data))
    sampled = synthesizer.sample()
    header, records = sampled[0], sampled[1:]
    order = [header.index(a) for a in ATTRIBUTES]
    return [_full([record[i] for i in order]) for record in records]


def utility(real: Sequence[Row], synthetic: Sequence[Row]) -> list[Utility]:
    """How far the synthetic rows' counts of each attribute are from the real ones."""
    found = []
    for attribute in ATTRIBUTES:
        if attribute == TYPE:
            a = Counter(ctdc.ctdc_exploitation_type(r) for r in real)
            b = Counter(ctdc.ctdc_exploitation_type(r) for r in synthetic)
        else:
            a = Counter(r[attribute] for r in real)
            b = Counter(r[attribute] for r in synthetic)
        total_a, total_b = max(sum(a.values()), 1), max(sum(b.values()), 1)
        keys = set(a) | set(b)
        distance = sum(abs(a[v] / total_a - b[v] / total_b) for v in keys) / 2
        largest = max(keys, key=lambda v: abs(b[v] - a[v]))
        found.append(Utility(attribute, distance, b[largest] - a[largest]))
    return found
