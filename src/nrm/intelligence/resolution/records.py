"""The person records that resolution reads: one row per mention of a person in a referral or an
intelligence report, whichever form they arrive in (a list of ``PersonRecord``, a pandas frame or
an Arrow table with the same column names).
"""

from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date

import pandas as pd
import pyarrow as pa

# Messages of the errors raised for input that cannot be resolved.
RECORDS_MISSING_COLUMNS = "The person records lack the columns: {columns}."
RECORDS_DUPLICATE_IDS = "Record ids must be unique; repeated: {ids}."
RECORDS_WRONG_TYPE = (
    "Person records must be PersonRecord items, a pandas DataFrame or an Arrow table."
)


@dataclass(frozen=True)
class PersonRecord:
    """One mention of a person. ``estimated_age`` is an age someone judged, on
    ``age_estimated_on``, usually when the date of birth is not known; ``gender`` is a code of
    ``standard.codes.Gender``; ``nationality`` an ISO 3166 alpha-3 code; ``phone`` any form.
    ``encountered_on`` is the date of the referral or of the event the report describes, and
    ``region`` where the person was encountered or exploited, a code of
    ``standard.codes.PoliceRegion`` (a referral's police region or region of exploitation, a
    report's location)."""

    record_id: str
    source: str  # a code of ``standard.intelligence_codes.PersonRecordSource``, carried through
    forenames: str | None
    surname: str | None
    date_of_birth: date | None = None
    estimated_age: int | None = None
    age_estimated_on: date | None = None
    gender: str | None = None
    nationality: str | None = None
    phone: str | None = None
    encountered_on: date | None = None
    region: str | None = None


COLUMNS: tuple[str, ...] = tuple(field.name for field in fields(PersonRecord))
# Columns that may be left out of a frame or table (they are then taken as all missing).
OPTIONAL_COLUMNS: frozenset[str] = frozenset(
    {"phone", "estimated_age", "age_estimated_on", "encountered_on", "region"}
)


def records_frame(*, records: Sequence[PersonRecord] | pd.DataFrame | pa.Table) -> pd.DataFrame:
    """The records as a pandas frame with exactly ``COLUMNS`` (extra columns dropped, optional
    ones added as missing), record ids as text and checked to be unique."""
    if isinstance(records, pa.Table):
        frame = records.to_pandas()
    elif isinstance(records, pd.DataFrame):
        frame = records.copy()
    elif isinstance(records, Sequence) and all(isinstance(r, PersonRecord) for r in records):
        frame = pd.DataFrame([asdict(r) for r in records], columns=list(COLUMNS))
    else:
        raise TypeError(RECORDS_WRONG_TYPE)
    for column in OPTIONAL_COLUMNS - set(frame.columns):
        frame[column] = None
    missing = [column for column in COLUMNS if column not in frame.columns]
    if missing:
        raise ValueError(RECORDS_MISSING_COLUMNS.format(columns=", ".join(missing)))
    frame = frame[list(COLUMNS)].reset_index(drop=True)
    frame["record_id"] = frame["record_id"].astype(str)
    repeated = frame["record_id"][frame["record_id"].duplicated()].unique()
    if len(repeated):
        raise ValueError(RECORDS_DUPLICATE_IDS.format(ids=", ".join(map(str, repeated[:5]))))
    return frame
