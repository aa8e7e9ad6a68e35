"""``nrm extract --from-ctdc FILE.csv``: a CTDC global-dataset file as an extract, through the
mapping in ``nrm.standard.ctdc``. Columns the CTDC format lacks (UK nation, police region,
competent authority, decisions) are left empty; ``source`` is ``ctdc``."""

import csv
from pathlib import Path

import pyarrow as pa

from nrm.standard import ctdc
from nrm.standard.codes import DecisionOutcome
from nrm.statistics.columns import SCHEMA, empty_columns
from nrm.statistics.extract import extract_key, pseudonym

NOT_CTDC = "{name}: not a CTDC file: no column {column}"
BAD_YEAR = "{name}, line {line}: yearOfRegistration {value!r} is not a year"
FORCED_MARRIAGE = "sham_or_forced_marriage"
REQUIRED = ("yearOfRegistration", "gender", "citizenship")


class CtdcFormatError(Exception):
    """The file is not in the CTDC format; nothing is written."""


def _dialect(sample: str) -> str:
    first = sample.splitlines()[0] if sample else ""
    return ";" if first.count(";") > first.count(",") else ","


def ctdc_table(path: Path) -> pa.Table:
    key = extract_key()
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(text.splitlines(), delimiter=_dialect(text))
    for column in REQUIRED:
        if column not in (reader.fieldnames or []):
            raise CtdcFormatError(NOT_CTDC.format(name=path.name, column=column))
    columns = empty_columns()
    for number, row in enumerate(reader, start=2):
        raw = (row.get("yearOfRegistration") or "").strip()
        if not raw.isdigit():
            raise CtdcFormatError(BAD_YEAR.format(name=path.name, line=number, value=raw))
        country = ctdc.ctdc_country(row.get("CountryOfExploitation"))
        values = {
            "pseudonym": pseudonym(f"ctdc:{path.name}:{number}", key),
            "source": "ctdc",
            "referral_year": int(raw),
            "referral_quarter": None,
            "nation": None,
            "police_region": None,
            "exploitation_region": None,
            "exploitation_country": country,
            "exploitation_type": ctdc.ctdc_exploitation_type(row),
            "exploitation_sub_types": FORCED_MARRIAGE if ctdc.ctdc_forced_marriage(row) else "",
            "gender": ctdc.ctdc_gender(row.get("gender")),
            "age_group": ctdc.ctdc_age_group(row),
            "nationality": ctdc.ctdc_nationality(row.get("citizenship")),
            "claimed_nationality": ctdc.ctdc_country(row.get("citizenship")),
            "assessed_nationality": None,
            "competent_authority": None,
            "linked_immigration_interest": False,
            "first_responder_type": None,
            "rg_outcome": DecisionOutcome.PENDING.value,
            "rg_days": None,
            "cg_outcome": DecisionOutcome.PENDING.value,
            "cg_days": None,
        }
        for name, value in values.items():
            columns[name].append(value)
    return pa.Table.from_pydict(columns, schema=SCHEMA)
