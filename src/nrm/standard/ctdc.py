"""Mapping of the IOM Counter Trafficking Data Collaborative (CTDC) global dataset to the data
standard, so that the statistics specs run on international data (docs/statistics.md).

The CTDC file has one row per victim registration: ``yearOfRegistration``, ``gender``,
``ageBroad``, ``majorityStatus``, ``majorityStatusAtExploit``, ``citizenship`` (ISO alpha-2),
``CountryOfExploitation`` (ISO alpha-2), flags ``isForcedLabour``, ``isSexualExploit``,
``isOtherExploit``, ``isForcedMarriage``, ``isOrganRemoval``, ``typeOfLabour…`` and others.
Missing values are written as empty, ``-99`` or ``-``.
"""

from collections.abc import Mapping

from nrm.standard.codes import AgeGroup, ExploitationType, Gender
from nrm.standard.nationality import UNKNOWN, country_code, country_name

MISSING = frozenset({"", "-99", "-", "na", "n/a", "null"})

GENDER: dict[str, str] = {
    "female": Gender.FEMALE,
    "male": Gender.MALE,
    "transgender/nonconforming": Gender.OTHER,
    "transgender": Gender.OTHER,
}

# ageBroad bands (CTDC writes ranges with a double hyphen): 0-17 are minors.
MINOR_AGE_BANDS = frozenset({"0--8", "9--17", "0-8", "9-17"})
ADULT_AGE_BANDS = frozenset(
    {"18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+",
     "18-20", "21-23", "24-26", "27-29", "30-38", "39-47"}
)  # fmt: skip

MAJORITY: dict[str, str] = {"adult": AgeGroup.ADULT, "minor": AgeGroup.MINOR}

# The first flag set, in this order, gives the exploitation type (the NRM records one type).
TYPE_FLAGS: tuple[tuple[str, str], ...] = (
    ("isSexualExploit", ExploitationType.SEXUAL),
    ("typeOfLabourDomesticWork", ExploitationType.DOMESTIC_SERVITUDE),
    ("isForcedLabour", ExploitationType.LABOUR),
    ("isOrganRemoval", ExploitationType.ORGAN_HARVESTING),
    ("typeOfExploitBegging", ExploitationType.CRIMINAL),
    ("typeOfExploitPettyCrime", ExploitationType.CRIMINAL),
)


def missing(value: str | None) -> bool:
    return value is None or value.strip().lower() in MISSING


def _flag(row: Mapping[str, str], name: str) -> bool:
    value = row.get(name)
    return not missing(value) and str(value).strip().lower() in ("1", "true", "yes")


def ctdc_gender(value: str | None) -> str:
    if missing(value):
        return Gender.NOT_RECORDED
    return GENDER.get(str(value).strip().lower(), Gender.NOT_RECORDED)


def ctdc_age_group(row: Mapping[str, str]) -> str | None:
    """Age at exploitation where recorded, else at registration, else from the age band."""
    for name in ("majorityStatusAtExploit", "majorityStatus"):
        value = row.get(name)
        if not missing(value) and str(value).strip().lower() in MAJORITY:
            return MAJORITY[str(value).strip().lower()]
    band = str(row.get("ageBroad") or "").strip()
    if band in MINOR_AGE_BANDS:
        return AgeGroup.MINOR
    if band in ADULT_AGE_BANDS:
        return AgeGroup.ADULT
    return None


def ctdc_exploitation_type(row: Mapping[str, str]) -> str:
    for name, code in TYPE_FLAGS:
        if _flag(row, name):
            return code
    return ExploitationType.NOT_RECORDED


def ctdc_country(value: str | None) -> str | None:
    """An ISO alpha-2 code as the standard's alpha-3 code; None when missing or unknown."""
    if missing(value):
        return None
    return country_code(str(value).strip())


def ctdc_nationality(value: str | None) -> str:
    """The nationality the statistics count: the country's table name, or "Unknown"."""
    code = ctdc_country(value)
    return country_name(code or UNKNOWN)


def ctdc_forced_marriage(row: Mapping[str, str]) -> bool:
    """Forced marriage is a means in the standard, not a type: kept as a sub-type note."""
    return _flag(row, "isForcedMarriage")
