"""Synthetic extracts of any size, for benchmarks and backend comparisons (never for statistics).

Rows follow the extract schema with plausible, skewed distributions (a few nationalities and
regions dominate, as in the real data); generated column-wise with numpy and Arrow, so ten
million rows take seconds.
"""

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from nrm.standard import codes
from nrm.statistics.columns import SCHEMA

_NATIONALITIES = (
    "Nigeria", "Vietnam", "Albania", "Romania", "China", "Slovakia", "Poland", "Lithuania", "UK",
    "Pakistan", "Czech Republic", "Uganda", "Hungary", "India", "Bangladesh", "Afghanistan",
    "Eritrea", "Ghana", "Zimbabwe", "Philippines", "Latvia", "Sierra Leone", "Sri Lanka",
    "Cameroon", "Somalia", "Gambia", "Iran", "Sudan", "Ethiopia", "Malaysia", "Thailand", "Brazil",
    "Bulgaria", "Jamaica", "Kenya", "Morocco", "Egypt", "Iraq", "Angola", "Burundi", "Senegal",
    "Unknown", "UK (claimed) Nigeria (possible)", "China (claimed) Unknown (assessed)",
)  # fmt: skip


def _skewed(size: int) -> np.ndarray:
    weights = 1.0 / np.arange(1, size + 1) ** 1.1
    return weights / weights.sum()


def _column(rng: np.random.Generator, n: int, values: list[str], skew: bool = True) -> pa.Array:
    p = _skewed(len(values)) if skew else None
    indices = rng.choice(len(values), size=n, p=p).astype(np.int32)
    array = pa.DictionaryArray.from_arrays(pa.array(indices), pa.array(values))
    return pc.cast(array, pa.string())


def _days(rng: np.random.Generator, n: int, low: int, high: int, missing: float) -> pa.Array:
    values = rng.integers(low, high, size=n).astype(np.int32)
    return pa.array(values, mask=rng.random(n) < missing)


def synthetic_extract(rows: int, *, seed: int = 2012, years: tuple[int, ...] = (2009, 2010,
                      2011, 2012)) -> pa.Table:  # fmt: skip
    rng = np.random.default_rng(seed)
    year_weights = np.arange(1, len(years) + 1, dtype=float)
    columns = {
        "pseudonym": pc.cast(pa.array(np.arange(rows, dtype=np.int64)), pa.string()),
        "source": pa.array(np.full(rows, "nrm", dtype=object), pa.string()),
        "referral_year": pa.array(
            rng.choice(
                np.array(years, dtype=np.int16), size=rows, p=year_weights / year_weights.sum()
            )
        ),
        "referral_quarter": pa.array(rng.integers(1, 5, size=rows).astype(np.int8)),
        "nation": _column(rng, rows, list(codes.Nation.values)[:4]),
        "police_region": _column(rng, rows, list(codes.PoliceRegion.values), skew=False),
        "exploitation_region": _column(
            rng, rows, list(codes.ExploitationRegion.values), skew=False
        ),
        "exploitation_country": _column(rng, rows, ["", "ITA", "FRA", "NGA", "VNM"]),
        "exploitation_type": _column(rng, rows, list(codes.ExploitationType.values)),
        "exploitation_sub_types": _column(rng, rows, ["", "sexual_brothel", "labour_factory"]),
        "gender": _column(rng, rows, ["female", "male", "not_recorded"]),
        "age_group": _column(rng, rows, ["adult", "minor"]),
        "nationality": _column(rng, rows, list(_NATIONALITIES)),
        "claimed_nationality": _column(rng, rows, ["NGA", "VNM", "ALB", "ROU", "CHN"]),
        "assessed_nationality": _column(rng, rows, ["", "NGA", "XXX"]),
        "competent_authority": _column(rng, rows, ["home_office", "ukhtc", "home_office_ukhtc"]),
        "linked_immigration_interest": pa.array(rng.random(rows) < 0.7),
        "first_responder_type": _column(rng, rows, list(codes.FirstResponderType.values)),
        "rg_outcome": _column(rng, rows, list(codes.DecisionOutcome.values)),
        "rg_days": _days(rng, rows, 1, 60, 0.1),
        "cg_outcome": _column(rng, rows, list(codes.DecisionOutcome.values)),
        "cg_days": _days(rng, rows, 45, 400, 0.4),
    }
    return pa.Table.from_pydict(columns, schema=SCHEMA)
