"""The rules across the fields of the criminal justice records. Each yields
(field, message, code, value), as ``nrm.standard.rules`` does for referrals."""

from collections.abc import Iterator

from nrm.standard import justice_codes as jc
from nrm.standard.codes import Nation
from nrm.standard.justice_schema import AssetRecoveryRecord, ChargeRecord, ProsecutionRecord
from nrm.standard.justice_words import charge_name, victim_name
from nrm.standard.rules import Problem
from nrm.standard.words import long_date, one_of, sentence

WRONG_COURT = "The {authority} does not prosecute in the courts of {nation}. Choose {allowed}"
OFFENCE_NOT_THERE = (
    "{Offence}, the offence {charge} is charged with, is not an offence in the courts of "
    "{nation}. Check the offence or the nation of the court"
)
OUTCOME_NEEDS_DATE = "Enter the date of the outcome of {charge}"
ONGOING_HAS_NO_DATE = (
    "Remove the date of the outcome of {charge}, or choose its outcome: proceedings ongoing have "
    "no outcome yet"
)
OUTCOME_BEFORE_CHARGE = (
    "The date of the outcome of {charge} must be on or after {charged}, the date it was charged"
)
SENTENCE_ONLY_ON_CONVICTION = (
    "Remove the sentence of {charge}, or choose convicted as its outcome: only an offence "
    "convicted has a sentence"
)
MONTHS_ONLY_FOR_CUSTODY = (
    "Remove the months in custody of {charge}: its sentence is not immediate or suspended custody"
)
MONTHS_FOR_CUSTODY = "Enter how many months the custodial sentence for {charge} is"
FINE_ONLY_FOR_FINE = "Remove the amount of the fine for {charge}: its sentence is not a fine"
FINE_AMOUNT = "Enter the amount of the fine for {charge}, in pence"
SAME_VICTIM_TWICE = (
    "Give each victim's NRM reference once only: {victim} is the same as an earlier one"
)
WRONG_STATUS = "A {kind} cannot be {status}. Choose {allowed}"


def _nation(code: str) -> str:
    return str(Nation(code).label)


def _charge_rules(where: str, charge: str, nation: str, c: ChargeRecord) -> Iterator[Problem]:
    if nation not in jc.OFFENCE_NATIONS[c.offence]:
        message = OFFENCE_NOT_THERE.format(
            Offence=sentence(str(jc.Offence(c.offence).label)),
            charge=charge,
            nation=_nation(nation),
        )
        yield f"{where}.offence", message, "offence_not_in_nation", c.offence
    ongoing = c.outcome == jc.ChargeOutcome.ONGOING
    if ongoing and c.outcome_on is not None:
        message = ONGOING_HAS_NO_DATE.format(charge=charge)
        yield f"{where}.outcome_on", message, "date_not_allowed", str(c.outcome_on)
    if not ongoing and c.outcome_on is None:
        yield f"{where}.outcome_on", OUTCOME_NEEDS_DATE.format(charge=charge), "missing", None
    if c.outcome_on is not None and c.outcome_on < c.charged_on:
        message = OUTCOME_BEFORE_CHARGE.format(charge=charge, charged=long_date(c.charged_on))
        yield f"{where}.outcome_on", message, "outcome_before_charge", str(c.outcome_on)
    if c.sentence is not None and c.outcome != jc.ChargeOutcome.CONVICTED:
        message = SENTENCE_ONLY_ON_CONVICTION.format(charge=charge)
        yield f"{where}.sentence", message, "not_allowed", c.sentence
    custodial = c.sentence in jc.CUSTODIAL
    if c.custody_months is not None and not custodial:
        message = MONTHS_ONLY_FOR_CUSTODY.format(charge=charge)
        yield f"{where}.custody_months", message, "not_allowed", None
    if custodial and c.custody_months is None:
        yield f"{where}.custody_months", MONTHS_FOR_CUSTODY.format(charge=charge), "missing", None
    fine = c.sentence == jc.SentenceKind.FINE
    if c.fine_pence is not None and not fine:
        message = FINE_ONLY_FOR_FINE.format(charge=charge)
        yield f"{where}.fine_pence", message, "not_allowed", None
    if fine and c.fine_pence is None:
        yield f"{where}.fine_pence", FINE_AMOUNT.format(charge=charge), "missing", None


def prosecution_rules(p: ProsecutionRecord) -> Iterator[Problem]:
    allowed = jc.AUTHORITY_NATIONS[jc.ProsecutingAuthority(p.authority)]
    if p.court_nation not in allowed:
        message = WRONG_COURT.format(
            authority=jc.ProsecutingAuthority(p.authority).label,
            nation=_nation(p.court_nation),
            allowed=one_of([str(n.label) for n in allowed]),
        )
        yield "court_nation", message, "wrong_court", p.court_nation
    for d, defendant in enumerate(p.defendants):
        for n, charge in enumerate(defendant.charges):
            where = f"defendants[{d}].charges[{n}]"
            yield from _charge_rules(where, charge_name(d, n), p.court_nation, charge)
    seen: set[str] = set()
    for n, reference in enumerate(p.victim_references):
        if reference in seen:
            message = SAME_VICTIM_TWICE.format(victim=victim_name(n))
            yield f"victim_references[{n}]", message, "duplicate", reference
        seen.add(reference)


def recovery_rules(r: AssetRecoveryRecord) -> Iterator[Problem]:
    allowed = jc.AUTHORITY_NATIONS[jc.ProsecutingAuthority(r.authority)]
    if r.nation not in allowed:
        message = WRONG_COURT.format(
            authority=jc.ProsecutingAuthority(r.authority).label,
            nation=_nation(r.nation),
            allowed=one_of([str(n.label) for n in allowed]),
        )
        yield "nation", message, "wrong_court", r.nation
    statuses = jc.RECOVERY_STATUSES[jc.RecoveryKind(r.kind)]
    if r.status not in statuses:
        message = WRONG_STATUS.format(
            kind=str(jc.RecoveryKind(r.kind).label).lower(),
            status=str(jc.RecoveryStatus(r.status).label).lower(),
            allowed=one_of([str(s.label).lower() for s in statuses]),
        )
        yield "status", message, "wrong_status", r.status
