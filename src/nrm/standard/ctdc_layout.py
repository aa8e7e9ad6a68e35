"""Referral records in the layout of the CTDC global dataset: the columns ``ctdc.py`` reads
(so ``nrm extract --from-ctdc`` counts a written file as it counts CTDC's own), one row per
referral, missing values as ``-99``. Pure: no database, no files.

Every code of the code lists a CTDC row carries is mapped (``TO_CTDC``) or declared unmappable
(``UNMAPPABLE``), as for HTCDS (docs/htcds.md). ``nrmDecision`` is the one column CTDC does not
have: the NRM's decision, the sensitive attribute of a public release (docs/statistics.md).
"""

from collections.abc import Mapping
from typing import Any

from django.db import models

from nrm.standard.codes import (
    ADULT_AGE,
    AgeGroup,
    DecisionOutcome,
    DecisionStage,
    ExploitationMeans,
    ExploitationRegion,
    ExploitationSubType,
    ExploitationType,
    Gender,
)
from nrm.standard.htcds import CaseFacts, alpha_2

MISSING = "-99"
UK_ALPHA_2 = "GB"
DATASOURCE = "Case Management"
DECISION = "nrmDecision"
TYPE_FLAGS = (
    "isForcedLabour",
    "isSexualExploit",
    "isOtherExploit",
    "isOrganRemoval",
    "typeOfLabourDomesticWork",
    "typeOfExploitBegging",
    "typeOfExploitPettyCrime",
)
SUB_TYPE_FLAGS = (
    "typeOfLabourAgriculture",
    "typeOfLabourConstruction",
    "typeOfLabourHospitality",
    "typeOfLabourManufacturing",
    "typeOfLabourOther",
    "typeOfSexProstitution",
    "typeOfSexPrivateSexualServices",
    "typeOfSexRemoteInteractiveServices",
)
COLUMNS = (
    "yearOfRegistration",
    "Datasource",
    "gender",
    "ageBroad",
    "majorityStatus",
    "majorityStatusAtExploit",
    "majorityEntry",
    "citizenship",
    *TYPE_FLAGS,
    "isForcedMarriage",
    *SUB_TYPE_FLAGS,
    "CountryOfExploitation",
    DECISION,
)

# ageBroad bands as CTDC writes them (lower bound, label), youngest first.
AGE_BANDS: tuple[tuple[int, str], ...] = (
    (0, "0--8"),
    (9, "9--17"),
    (18, "18--20"),
    (21, "21--23"),
    (24, "24--26"),
    (27, "27--29"),
    (30, "30--38"),
    (39, "39--47"),
    (48, "48+"),
)

# The CTDC column(s) set to 1 for each code; the others of TYPE_FLAGS are 0 (when the type is
# recorded) and of SUB_TYPE_FLAGS 0 (or -99 when no sub-type is recorded).
TO_CTDC: dict[type[models.TextChoices], dict[str, tuple[str, ...]]] = {
    Gender: {
        Gender.FEMALE: ("gender=Female",),
        Gender.MALE: ("gender=Male",),
        Gender.OTHER: ("gender=Transgender/NonConforming",),
    },
    AgeGroup: {
        AgeGroup.ADULT: ("majorityStatusAtExploit=Adult",),
        AgeGroup.MINOR: ("majorityStatusAtExploit=Minor",),
    },
    ExploitationType: {
        ExploitationType.SEXUAL: ("isSexualExploit",),
        ExploitationType.LABOUR: ("isForcedLabour",),
        ExploitationType.DOMESTIC_SERVITUDE: ("isForcedLabour", "typeOfLabourDomesticWork"),
        ExploitationType.ORGAN_HARVESTING: ("isOrganRemoval",),
        ExploitationType.CRIMINAL: ("isOtherExploit", "typeOfExploitPettyCrime"),
    },
    ExploitationMeans: {ExploitationMeans.SHAM_OR_FORCED_MARRIAGE: ("isForcedMarriage",)},
    ExploitationSubType: {
        ExploitationSubType.LABOUR_AGRICULTURE: ("typeOfLabourAgriculture",),
        ExploitationSubType.LABOUR_MARITIME: ("typeOfLabourAgriculture",),
        ExploitationSubType.LABOUR_CONSTRUCTION: ("typeOfLabourConstruction",),
        ExploitationSubType.LABOUR_GROUND_WORKS: ("typeOfLabourConstruction",),
        ExploitationSubType.LABOUR_RESTAURANT: ("typeOfLabourHospitality",),
        ExploitationSubType.LABOUR_FACTORY: ("typeOfLabourManufacturing",),
        ExploitationSubType.LABOUR_FOOD_PROCESSING: ("typeOfLabourManufacturing",),
        ExploitationSubType.LABOUR_NAIL_BAR: ("typeOfLabourOther",),
        ExploitationSubType.LABOUR_CAR_WASH: ("typeOfLabourOther",),
        ExploitationSubType.LABOUR_OTHER: ("typeOfLabourOther",),
        ExploitationSubType.SEXUAL_BROTHEL: ("typeOfSexProstitution",),
        ExploitationSubType.SEXUAL_ON_STREET: ("typeOfSexProstitution",),
        ExploitationSubType.SEXUAL_ONLINE: ("typeOfSexProstitution",),
        ExploitationSubType.SEXUAL_PRIVATE_RESIDENCE: ("typeOfSexPrivateSexualServices",),
        ExploitationSubType.CRIMINAL_BEGGING: ("typeOfExploitBegging",),
    },
}
UNMAPPABLE: dict[type[models.TextChoices], dict[str, str]] = {
    Gender: {Gender.NOT_RECORDED: "written as -99"},
    ExploitationType: {ExploitationType.NOT_RECORDED: "every type flag -99"},
    ExploitationMeans: {
        ExploitationMeans.ILLEGAL_ADOPTION: "CTDC has no adoption flag; isOtherExploit is set",
    },
    ExploitationSubType: {
        ExploitationSubType.SEXUAL_OTHER: "CTDC has no other sexual exploitation column",
        **{
            sub.value: "CTDC's criminal exploitation is typeOfExploitPettyCrime, set by the type"
            for sub in ExploitationSubType
            if sub.value.startswith("criminal_") and sub != ExploitationSubType.CRIMINAL_BEGGING
        },
    },
}
CTDC_CODE_LISTS = (Gender, AgeGroup, ExploitationType, ExploitationMeans, ExploitationSubType)


def age_band(age: int | None) -> str:
    if age is None:
        return MISSING
    return [label for low, label in AGE_BANDS if age >= low][-1]


def decision(rg: str, cg: str) -> str:
    """The NRM's latest decision: ``cg_positive``, ``rg_negative``, ``pending``…"""
    if cg != DecisionOutcome.PENDING:
        return f"{DecisionStage.CONCLUSIVE_GROUNDS.value}_{cg}"
    if rg != DecisionOutcome.PENDING:
        return f"{DecisionStage.REASONABLE_GROUNDS.value}_{rg}"
    return DecisionOutcome.PENDING.value


def exploitation_flags(record: Mapping[str, Any]) -> dict[str, str]:
    """The type, sub-type and means columns of a record (``exploitation_type``,
    ``exploitation_sub_types``, ``exploitation_means``)."""
    etype = str(record["exploitation_type"])
    subs = [str(s) for s in record.get("exploitation_sub_types") or []]
    means = [str(m) for m in record.get("exploitation_means") or []]
    known = etype != ExploitationType.NOT_RECORDED
    flags = {name: "0" if known else MISSING for name in TYPE_FLAGS}
    flags.update({name: "0" if subs else MISSING for name in SUB_TYPE_FLAGS})
    for name in TO_CTDC[ExploitationType].get(etype, ()):
        flags[name] = "1"
    for sub in subs:
        for name in TO_CTDC[ExploitationSubType].get(sub, ()):
            flags[name] = "1"
    if ExploitationMeans.ILLEGAL_ADOPTION in means:
        flags["isOtherExploit"] = "1"
    flags["isForcedMarriage"] = "1" if ExploitationMeans.SHAM_OR_FORCED_MARRIAGE in means else "0"
    return flags


def _country(record: Mapping[str, Any]) -> str:
    country = record.get("exploitation_country")
    if country:
        return alpha_2(str(country)) or MISSING
    region = str(record.get("exploitation_region") or ExploitationRegion.NOT_RECORDED)
    overseas = (
        ExploitationRegion.OVERSEAS,
        ExploitationRegion.MULTIPLE,
        ExploitationRegion.NOT_RECORDED,
    )
    return UK_ALPHA_2 if region not in overseas else MISSING


def ctdc_row(facts: CaseFacts) -> dict[str, str]:
    """A referral as a row of the CTDC global dataset (``COLUMNS``)."""
    r = facts.record
    gender = TO_CTDC[Gender].get(str(r["gender"]))
    group = TO_CTDC[AgeGroup][str(r["age_group"])][0].split("=")[1]
    age = facts.age_at_referral
    claimed = list(r.get("claimed_nationalities") or [])
    row = {
        "yearOfRegistration": str(r["referral_date"].year),
        "Datasource": DATASOURCE,
        "gender": gender[0].split("=")[1] if gender else MISSING,
        "ageBroad": age_band(age),
        "majorityStatus": MISSING if age is None else ("Minor" if age < ADULT_AGE else "Adult"),
        "majorityStatusAtExploit": group,
        "majorityEntry": MISSING,
        "citizenship": (alpha_2(claimed[0]) if claimed else None) or MISSING,
        **exploitation_flags(r),
        "CountryOfExploitation": _country(r),
        DECISION: decision(str(r.get("rg_outcome")), str(r.get("cg_outcome"))),
    }
    return {name: row[name] for name in COLUMNS}
