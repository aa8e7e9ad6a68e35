"""Person records turned into the columns the comparisons and blocking rules read.

- ``forenames_f``, ``surname_f``: folded names (``folding.name_fold``); ``forename1_f`` the
  first forename; ``forenames_k``, ``forename1_k``, ``surname_k`` their sound keys, and
  ``given_f`` and ``given_k`` the last forename and its key (the given name of "Văn Hùng");
  ``full_name_f`` both folded names together; ``surname_common`` whether the surname's key is
  carried by at least ``COMMON_SURNAME_SHARE`` of the records; ``names_by_chance`` how many
  records would carry both the surname and the forenames (their keys) if names were drawn
  independently: the number of records times the two shares. Unlike counting the records with
  the full name, it is not raised by the person's own other records (each share is mostly other
  people's), so it tells a name many people share (Nguyễn Văn Hùng, Scott Moore) from a rare one
  repeated by one person. Both are measured on the records resolved together, so in a small
  batch resolved with a trained model every name looks rarer than it is.
- ``dob`` and ``dob_swapped``: the date of birth, and the same date with day and month
  exchanged where that is also a date (day ≤ 12, day ≠ month), so a swapped date can be found by
  an exact join.
- ``birth_year``: the date of birth as a decimal year, or where it is missing the estimated age
  taken back from the day it was estimated (mid-year of the possible range); ``birth_year_block``
  its whole year, for blocking. ``dob_known`` says which of the two it is.
- ``gender`` (``not_recorded`` → missing), ``nationality`` upper case, ``phone`` as its last
  ten digits, ``region`` lower case (``not_recorded``, ``overseas`` and ``multiple`` → missing:
  they place nobody), ``encountered_on`` a timestamp (a day).
"""

import numpy as np
import pandas as pd

from nrm.intelligence.resolution.folding import name_fold, name_key
from nrm.standard.codes import ExploitationRegion, Gender

_DAYS_PER_YEAR = 365.25
# A surname (sound key) carried by at least this share of the records is common.
COMMON_SURNAME_SHARE = 0.0025


def _folded(values: pd.Series, function: object) -> pd.Series:
    """``function`` applied once per distinct value (names repeat a great deal)."""
    distinct = values.dropna().unique()
    mapping = {value: function(value) for value in distinct}  # type: ignore[operator]
    return values.map(mapping).astype(object).where(values.notna(), None)


def _decimal_year(dates: pd.Series) -> pd.Series:
    return dates.dt.year + (dates.dt.day_of_year - 0.5) / _DAYS_PER_YEAR


def records_prepare(*, frame: pd.DataFrame) -> pd.DataFrame:
    """The columns Splink works on, one row per record of ``records.records_frame``."""
    prepared = pd.DataFrame({"unique_id": frame["record_id"].astype(str)})
    prepared["source"] = frame["source"].astype(object)
    prepared["forenames_f"] = _folded(frame["forenames"], name_fold)
    prepared["surname_f"] = _folded(frame["surname"], name_fold)
    first = prepared["forenames_f"].str.split(" ").str[0]
    prepared["forename1_f"] = first.where(first.notna(), None)
    full_name = prepared["forenames_f"] + "|" + prepared["surname_f"]
    prepared["full_name_f"] = full_name.where(full_name.notna(), None)
    last = prepared["forenames_f"].str.split(" ").str[-1]
    prepared["given_f"] = last.where(last.notna(), None)
    prepared["given_k"] = _folded(prepared["given_f"], name_key)
    prepared["forenames_k"] = _folded(prepared["forenames_f"], name_key)
    prepared["forename1_k"] = _folded(prepared["forename1_f"], name_key)
    prepared["surname_k"] = _folded(prepared["surname_f"], name_key)
    surname_share = prepared["surname_k"].map(prepared["surname_k"].value_counts(normalize=True))
    prepared["surname_common"] = surname_share.fillna(0) >= COMMON_SURNAME_SHARE
    forenames_share = prepared["forenames_k"].map(
        prepared["forenames_k"].value_counts(normalize=True)
    )
    prepared["names_by_chance"] = (len(prepared) * surname_share * forenames_share).fillna(0.0)

    dob = pd.to_datetime(frame["date_of_birth"], errors="coerce")
    # Timestamps (a day), not dates as objects: the type is known even when all are missing.
    prepared["dob"] = dob.dt.normalize()
    swappable = dob.notna() & (dob.dt.day <= 12) & (dob.dt.day != dob.dt.month)
    swapped = pd.to_datetime(
        pd.DataFrame(
            {
                "year": dob.dt.year.where(swappable, 2000),
                "month": dob.dt.day.where(swappable, 1),
                "day": dob.dt.month.where(swappable, 1),
            }
        ),
        errors="coerce",
    )
    prepared["dob_swapped"] = swapped.dt.normalize().where(swappable)

    estimated_on = pd.to_datetime(frame["age_estimated_on"], errors="coerce")
    age = pd.to_numeric(frame["estimated_age"], errors="coerce")
    from_age = _decimal_year(estimated_on) - age - 0.5
    birth_year = _decimal_year(dob).where(dob.notna(), from_age)
    prepared["dob_known"] = dob.notna()
    prepared["birth_year"] = birth_year.astype(float)
    prepared["birth_year_block"] = np.floor(birth_year).astype("Int64")

    gender = frame["gender"].astype(object)
    prepared["gender"] = gender.where(gender.notna() & (gender != Gender.NOT_RECORDED), None)
    nationality = frame["nationality"].astype(object).str.strip().str.upper()
    prepared["nationality"] = nationality.where(nationality.notna() & (nationality != ""), None)
    digits = frame["phone"].astype(object).str.replace(r"\D", "", regex=True).str[-10:]
    prepared["phone"] = digits.where(digits.notna() & (digits.str.len() >= 7), None)
    region = frame["region"].astype(object).str.strip().str.lower()
    unplaced = [
        ExploitationRegion.NOT_RECORDED.value,
        ExploitationRegion.OVERSEAS.value,
        ExploitationRegion.MULTIPLE.value,
        "",
    ]
    prepared["region"] = region.where(region.notna() & ~region.isin(unplaced), None)
    # A timestamp column, not dates as objects, so that its type is known when all are missing.
    prepared["encountered_on"] = pd.to_datetime(frame["encountered_on"], errors="coerce")
    return prepared
