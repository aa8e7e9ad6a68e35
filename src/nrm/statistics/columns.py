"""The extract's column whitelist: every column an extract may hold, its type and its meaning.

Nothing else is ever written. Names, aliases, dates of birth, contact details, officer details,
languages and the victim's account are not in the list, and the extract's query never selects them.
"""

import pyarrow as pa

# name -> (type, meaning). docs/statistics.md prints the same list.
COLUMNS: dict[str, tuple[pa.DataType, str]] = {
    "pseudonym": (
        pa.string(),
        "keyed hash (HMAC-SHA256, NRM_EXTRACT_KEY) of the referral reference",
    ),
    "source": (pa.string(), "where the row comes from: `nrm` (the case store) or `ctdc`"),
    "referral_year": (pa.int16(), "calendar year of the referral date"),
    "referral_quarter": (pa.int8(), "calendar quarter (1-4) of the referral date"),
    "nation": (
        pa.string(),
        "UK country the referral is counted in (code; the Isle of Man in England: `uk_country`)",
    ),
    "police_region": (pa.string(), "police region of presentation (code)"),
    "exploitation_region": (pa.string(), "region of exploitation (code)"),
    "exploitation_country": (pa.string(), "country of exploitation, ISO alpha-3 (overseas only)"),
    "exploitation_type": (pa.string(), "exploitation type (code)"),
    "exploitation_sub_types": (pa.string(), "exploitation sub-types (codes, `;`-separated)"),
    "gender": (pa.string(), "gender (code)"),
    "age_group": (pa.string(), "age group at the time of exploitation (`adult` / `minor`)"),
    "nationality": (pa.string(), "the nationality the statistics count (`nationality_key`)"),
    "claimed_nationality": (pa.string(), "first claimed nationality, ISO alpha-3"),
    "assessed_nationality": (pa.string(), "assessed nationality, ISO alpha-3, if any"),
    "competent_authority": (pa.string(), "competent authority (code)"),
    "linked_immigration_interest": (pa.bool_(), "linked immigration interest"),
    "first_responder_type": (pa.string(), "type of the referring organisation (code)"),
    "rg_outcome": (pa.string(), "latest reasonable grounds outcome (code; `pending` if none)"),
    "rg_days": (pa.int32(), "days from referral to the reasonable grounds decision"),
    "cg_outcome": (pa.string(), "latest conclusive grounds outcome (code; `pending` if none)"),
    "cg_days": (pa.int32(), "days from referral to the conclusive grounds decision"),
}

SCHEMA = pa.schema([pa.field(name, kind) for name, (kind, _meaning) in COLUMNS.items()])


def empty_columns() -> dict[str, list[object]]:
    return {name: [] for name in COLUMNS}
