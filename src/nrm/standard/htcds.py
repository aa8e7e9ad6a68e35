"""Referral records of the data standard as HTCDS v2.0 rows, and HTCDS rows as records.

An export is four CSV tables (docs/htcds.md): cases (``cas_``, ``prs_``, ``con_`` and ``vic_``
fields, one row per referral, as IOM's spreadsheet template lays them out), historic trafficking
events (``hte_``, the exploitation's country, region and start), organisations (``org_``, the
first responders) and perpetrators (``per_``; the NRM records none, so the table is empty).
What HTCDS has no place for travels exactly in ``nrm_`` extension columns, so a file written
here reads back as the same record; a partner's file without them is read through the HTCDS
fields alone (``htcds_codes.FROM_*``).

``case_row`` writes, ``record_from_htcds`` reads: the record it returns is plain data for
``standard.validation.referral_validate`` (every door's check), with the problems of values
HTCDS does not allow, each naming the HTCDS column. Pure: no database, no files.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pycountry

from nrm.standard import htcds_codes as hc
from nrm.standard.codes import (
    ADULT_AGE,
    AgeGroup,
    CompetentAuthority,
    DecisionOutcome,
    ExploitationMeans,
    ExploitationRegion,
    ExploitationSubType,
    ExploitationType,
    FirstResponderType,
    Gender,
)
from nrm.standard.nationality import country_code

SEPARATOR = ";"  # multi-select values, as HTCDS's multi-select spreadsheet template writes them
CASES, EVENTS, ORGANISATIONS, PERPETRATORS = (
    "cases.csv",
    "historic_trafficking_events.csv",
    "organisations.csv",
    "perpetrators.csv",
)
EXPLOITATION = "Exploitation"  # hte_Type
UK_ALPHA_2 = "GB"
_NO_ALPHA_2 = {"XKX": "XK"}  # Kosovo: the user-assigned code in common use

# The HTCDS columns written for a case, then the extension columns.
HTCDS_CASE_COLUMNS = (
    "cas_Id",
    "prs_Id",
    "cas_Status",
    "cas_ReferringOrganisation",
    "cas_IncomingReferralDate",
    "con_Consent",
    "prs_Gender",
    "prs_Citizenship",
    "vic_AgeWhenTrafficked",
    hc.STATUS,
    hc.DECIDER,
    hc.TYPE,
    hc.INDUSTRY,
    hc.SEX_TYPE,
)
# Each extension column and the field of the standard it carries exactly.
EXTENSION: dict[str, str] = {
    "nrm_Nation": "nation",
    "nrm_PoliceRegion": "police_region",
    "nrm_ExploitationRegion": "exploitation_region",
    "nrm_ExploitationType": "exploitation_type",
    "nrm_ExploitationSubTypes": "exploitation_sub_types",
    "nrm_AgeGroup": "age_group",
    "nrm_Citizenship": "claimed_nationalities",
    "nrm_AssessedCitizenship": "assessed_nationality",
    "nrm_AssessedCitizenshipCertainty": "assessed_nationality_certainty",
    "nrm_LinkedImmigrationInterest": "linked_immigration_interest",
    "nrm_CompetentAuthority": "competent_authority",
    "nrm_RgOutcome": "rg_outcome",
    "nrm_RgDate": "rg_date",
    "nrm_CgOutcome": "cg_outcome",
    "nrm_CgDate": "cg_date",
    "nrm_ExploitationEnd": "exploitation_end",
}
CASE_COLUMNS = (*HTCDS_CASE_COLUMNS, *EXTENSION)
EVENT_COLUMNS = ("cas_Id", "hte_Type", "hte_Country", "hte_State", "hte_Date")
ORGANISATION_COLUMNS = ("org_Name", "org_Type")
PERPETRATOR_COLUMNS = ("cas_Id", "prs_Id", "per_RoleInProcess")
# HTCDS fields a partner's file may hold that are read into the record (identifying ones
# included: a partner's case file names the person; an export never writes them).
READ_ONLY_COLUMNS: dict[str, str] = {
    "prs_FirstName": "given_name",
    "prs_SecondName": "family_name",
    "prs_Birthdate": "date_of_birth",
}
# Where each field of the standard is read from (the column an error names).
FIELD_COLUMNS: dict[str, str] = {
    "referral_date": "cas_IncomingReferralDate",
    "first_responder_organisation": "cas_ReferringOrganisation",
    "consent": "con_Consent",
    "gender": "prs_Gender",
    "exploitation_means": hc.TYPE,
    "exploitation_country": "hte_Country",
    "exploitation_start": "hte_Date",
    **{name: column for column, name in READ_ONLY_COLUMNS.items()},
    **{name: column for column, name in EXTENSION.items()},
}
# Every HTCDS v2.0 field a case row may carry and that is not read (ignored, never refused).
IGNORED_HTCDS_COLUMNS = frozenset(
    [
        "cas_CaseOwner",
        "prs_Salutation",
        "prs_MiddleName",
        "prs_Title",
        "prs_Email",
        "prs_HomePhone",
        "prs_MobilePhone",
        "prs_MailingCity",
        "prs_MailingCountry",
        "prs_MailingState",
        "prs_MailingStreet",
        "prs_MailingPostalCode",
        "prs_MailingLongitude",
        "prs_MailingLatitude",
        "prs_Deceased",
        "prs_MaritalStatus",
        "prs_NumberOfChildren",
        "prs_PrimaryLanguage",
        "prs_SecondaryLanguage",
        "prs_HighestLevelOfEducation",
        "prs_IdentityNumber",
        "vic_AgreementToManagePersonalData",
        "vic_RelationshipToTrafficker",
        "vic_RecruitmentWebsitesAndApps",
        "vic_MethodOfRecruitment",
        "vic_LocationOfRecruitment",
        "vic_MethodsOfControl",
        "vic_LocationOfExploitation",
        "vic_ExploitationWebsitesAndApps",
        "vic_Vulnerabilities",
        "vic_DetailsOfVulnerabilities",
        "cas_ReferringPrimaryCaseWorker",
        "cas_ReasonForIncomingReferral",
        "cas_IncomingReferralDetails",
        "cas_ReferredOrganisation",
        "cas_ReferredPrimaryCaseWorker",
        "cas_ReasonForOutgoingReferral",
        "cas_OutgoingReferralDate",
        "cas_OutgoingReferralDetails",
        "cas_ReasonForCaseClosure",
    ]
)

NOT_A_VALUE = "{value!r} is not a value of {column}; it can be {allowed}"
NOT_A_COUNTRY = "{value!r} is not an ISO 3166 country code"
NOT_AN_AGE = "{value!r} is not an age in whole years"


def alpha_2(code: str) -> str | None:
    """An alpha-3 code of the standard as ISO 3166 alpha-2; None for stateless and unknown."""
    if code in _NO_ALPHA_2:
        return _NO_ALPHA_2[code]
    country = pycountry.countries.get(alpha_3=code)
    return str(country.alpha_2) if country is not None else None


def alpha_3(value: str) -> str | None:
    """An ISO 3166 code (alpha-2 as HTCDS writes it, or alpha-3) as the standard's alpha-3."""
    text = value.strip().upper()
    reverse = {two: three for three, two in _NO_ALPHA_2.items()}
    if text in reverse:
        return reverse[text]
    return country_code(text) if len(text) in (2, 3) and text.isalpha() else None


def _join(values: Sequence[str]) -> str:
    return SEPARATOR.join(dict.fromkeys(v for v in values if v))


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(SEPARATOR) if part.strip()]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return _join([_text(v) for v in value])
    return str(value.value if hasattr(value, "value") else value)


def trafficking_status(rg: str, cg: str) -> str:
    """vic_TraffickingStatus from the decisions: a positive conclusive grounds decision is an
    actual victim, a negative decision at either stage is not a victim, anything else (pending,
    a positive reasonable grounds decision, suspended, withdrawn) a possible victim."""
    if cg == DecisionOutcome.POSITIVE:
        outcome = DecisionOutcome.POSITIVE
    elif DecisionOutcome.NEGATIVE in (rg, cg):
        outcome = DecisionOutcome.NEGATIVE
    else:
        outcome = DecisionOutcome.PENDING
    return hc.TO_HTCDS[DecisionOutcome][outcome][1]


@dataclass(frozen=True)
class CaseFacts:
    """One referral as an export reads it: pseudonyms, the record's non-identifying fields
    (names of the standard), the first responder's type and the age when trafficked."""

    case_id: str
    person_id: str
    record: Mapping[str, Any]
    responder_type: str | None = None
    age_when_trafficked: int | None = None
    age_at_referral: int | None = None


def case_row(facts: CaseFacts) -> dict[str, str]:
    """The cases table's row of a referral (``CASE_COLUMNS``)."""
    r = facts.record
    etype, subs = r["exploitation_type"], list(r.get("exploitation_sub_types") or [])
    means = list(r.get("exploitation_means") or [])
    types = [hc.htcds_value(ExploitationType, etype)]
    types += [hc.htcds_value(ExploitationMeans, m) for m in means]
    types += [hc.htcds_value(ExploitationSubType, s) for s in subs]
    mapped = [found for found in types if found]
    by_field: dict[str, list[str]] = {}
    for column, value in mapped:
        by_field.setdefault(column, []).append(value)
    rg, cg = str(r.get("rg_outcome") or "pending"), str(r.get("cg_outcome") or "pending")
    authority = r.get("competent_authority")
    decider = hc.htcds_value(CompetentAuthority, authority) if authority else None
    claimed = list(r.get("claimed_nationalities") or [])
    row = {
        "cas_Id": facts.case_id,
        "prs_Id": facts.person_id,
        "cas_Status": "Active" if cg == DecisionOutcome.PENDING else "Closed",
        "cas_ReferringOrganisation": _text(r.get("first_responder_organisation")),
        "cas_IncomingReferralDate": _text(r["referral_date"]),
        "con_Consent": _text(r.get("consent")),
        "prs_Gender": (hc.htcds_value(Gender, r["gender"]) or ("", ""))[1],
        "prs_Citizenship": _join([alpha_2(c) or "" for c in claimed]),
        "vic_AgeWhenTrafficked": _text(facts.age_when_trafficked),
        hc.STATUS: trafficking_status(rg, cg),
        hc.DECIDER: decider[1] if decider else "",
        hc.TYPE: _join(by_field.get(hc.TYPE, [])),
        hc.INDUSTRY: (by_field.get(hc.INDUSTRY) or [""])[0],  # a single picklist in v2.0
        hc.SEX_TYPE: _join(by_field.get(hc.SEX_TYPE, [])),
    }
    row.update({column: _text(r.get(name)) for column, name in EXTENSION.items()})
    return row


def event_rows(facts: CaseFacts) -> list[dict[str, str]]:
    """The historic trafficking events of a referral: its exploitation, when anything of its
    place or start is known."""
    r = facts.record
    region, country = str(r.get("exploitation_region") or ""), r.get("exploitation_country")
    state = hc.htcds_value(ExploitationRegion, region)
    where = alpha_2(country) if country else (UK_ALPHA_2 if state else None)
    start = r.get("exploitation_start")
    if where is None and start is None:
        return []
    return [
        {
            "cas_Id": facts.case_id,
            "hte_Type": EXPLOITATION,
            "hte_Country": where or "",
            "hte_State": state[1] if state else "",
            "hte_Date": _text(start),
        }
    ]


def organisation_row(code: str, responder_type: str | None) -> dict[str, str]:
    found = (
        hc.htcds_value(FirstResponderType, responder_type) if responder_type is not None else None
    )
    return {"org_Name": code, "org_Type": found[1] if found else ""}


@dataclass
class Read:
    """A record read from HTCDS rows: data for the standard's validation, and the problems
    of values HTCDS itself does not allow, as (column, value, message)."""

    data: dict[str, Any] = field(default_factory=dict)
    problems: list[tuple[str, str, str]] = field(default_factory=list)

    def refuse(self, column: str, value: str, message: str) -> None:
        self.problems.append((column, value, message))


def _picked(read: Read, column: str, value: str, allowed: Sequence[str]) -> list[str]:
    chosen = []
    for part in _split(value):
        if part in allowed:
            chosen.append(part)
        else:
            choices = ", ".join(allowed)
            read.refuse(
                column, part, NOT_A_VALUE.format(value=part, column=column, allowed=choices)
            )
    return chosen


def _read_types(read: Read, row: Mapping[str, str]) -> None:
    types = _picked(read, hc.TYPE, row.get(hc.TYPE, ""), list(hc.FROM_TYPE))
    found = [hc.FROM_TYPE[t] for t in hc.FROM_TYPE if t in types and hc.FROM_TYPE[t]]
    etype = found[0] if found else ExploitationType.NOT_RECORDED
    read.data["exploitation_type"] = etype
    read.data["exploitation_means"] = [hc.FROM_MEANS[t] for t in types if t in hc.FROM_MEANS]
    subs = [hc.FROM_TYPE_SUB[t] for t in types if t in hc.FROM_TYPE_SUB]
    industries = _picked(read, hc.INDUSTRY, row.get(hc.INDUSTRY, ""), hc.INDUSTRIES)
    sex = _picked(read, hc.SEX_TYPE, row.get(hc.SEX_TYPE, ""), list(hc.FROM_SEX_TYPE))
    if etype == ExploitationType.LABOUR:
        subs += [hc.FROM_INDUSTRY.get(i, ExploitationSubType.LABOUR_OTHER) for i in industries]
    if etype == ExploitationType.SEXUAL:
        subs += [hc.FROM_SEX_TYPE[s] for s in sex]
    read.data["exploitation_sub_types"] = list(dict.fromkeys(subs))


def _read_event(read: Read, event: Mapping[str, str] | None) -> None:
    if not event:
        return
    country, state = event.get("hte_Country", "").strip(), event.get("hte_State", "").strip()
    if event.get("hte_Date", "").strip():
        read.data["exploitation_start"] = event["hte_Date"].strip()
    if not country:
        return
    code = alpha_3(country)
    if code is None:
        read.refuse("hte_Country", country, NOT_A_COUNTRY.format(value=country))
    elif country.upper() == UK_ALPHA_2:
        region = hc.FROM_STATE.get(state)
        read.data["exploitation_region"] = region or ExploitationRegion.NOT_RECORDED
    else:
        read.data["exploitation_region"] = ExploitationRegion.OVERSEAS
        read.data["exploitation_country"] = code


def record_from_htcds(row: Mapping[str, str], event: Mapping[str, str] | None = None) -> Read:
    """The referral record of a cases row (and its exploitation event): HTCDS fields first,
    then the exact values of any ``nrm_`` extension columns given."""
    read = Read()
    for column, name in {
        "cas_IncomingReferralDate": "referral_date",
        "cas_ReferringOrganisation": "first_responder_organisation",
        "con_Consent": "consent",
        **READ_ONLY_COLUMNS,
    }.items():
        if row.get(column, "").strip():
            read.data[name] = row[column].strip()
    gender = row.get("prs_Gender", "").strip()
    if gender:
        picked = _picked(read, "prs_Gender", gender, list(hc.FROM_GENDER))
        if picked:
            read.data["gender"] = hc.FROM_GENDER[picked[0]]
    claimed = []
    for value in _split(row.get("prs_Citizenship")):
        code = alpha_3(value)
        if code is None:
            read.refuse("prs_Citizenship", value, NOT_A_COUNTRY.format(value=value))
        else:
            claimed.append(code)
    if claimed:
        read.data["claimed_nationalities"] = claimed
    age = row.get("vic_AgeWhenTrafficked", "").strip()
    if age and not age.isdigit():
        read.refuse("vic_AgeWhenTrafficked", age, NOT_AN_AGE.format(value=age))
    elif age:
        read.data["age_group"] = AgeGroup.MINOR if int(age) < ADULT_AGE else AgeGroup.ADULT
    _read_types(read, row)
    _read_event(read, event)
    for column, name in EXTENSION.items():
        value = row.get(column, "").strip()
        if value:
            read.data[name] = _split(value) if name in _LISTS else value
    return read


_LISTS = frozenset({"exploitation_sub_types", "claimed_nationalities"})
