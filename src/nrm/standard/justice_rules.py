"""The rules across the fields of the criminal justice records. Each yields
(field, message, code, value), as ``nrm.standard.rules`` does for referrals."""

from collections.abc import Iterator

from nrm.standard import justice_codes as jc
from nrm.standard.codes import Nation
from nrm.standard.justice_schema import AssetRecoveryRecord, ChargeRecord, ProsecutionRecord
from nrm.standard.rules import Problem
from nrm.standard.words import long_date, one_of

WRONG_COURT = "The {authority} does not prosecute in the courts of {nation}. Choose {allowed}"
OFFENCE_NOT_THERE = (
    "{offence} is not an offence in the courts of {nation}. Check the offence or the court"
)
OUTCOME_NEEDS_DATE = "Enter the date of the outcome"
ONGOING_HAS_NO_DATE = "Remove the date of the outcome, or choose the outcome"
OUTCOME_BEFORE_CHARGE = "The date of the outcome must be on or after {charged}, the date charged"
SENTENCE_ONLY_ON_CONVICTION = "Remove the sentence: only an offence convicted has a sentence"
MONTHS_ONLY_FOR_CUSTODY = "Remove the months in custody: the sentence is not a custodial one"
MONTHS_FOR_CUSTODY = "Enter how many months the custodial sentence is"
FINE_ONLY_FOR_FINE = "Remove the amount of the fine: the sentence is not a fine"
FINE_AMOUNT = "Enter the amount of the fine"
SAME_VICTIM_TWICE = "Each victim's NRM reference can be given once only"
WRONG_STATUS = "A {kind} cannot be {status}. Choose {allowed}"


def _nation(code: str) -> str:
    return str(Nation(code).label)


def _charge_rules(where: str, nation: str, c: ChargeRecord) -> Iterator[Problem]:
    if nation not in jc.OFFENCE_NATIONS[c.offence]:
        offence = jc.Offence(c.offence).label
        yield (f"{where}.offence", OFFENCE_NOT_THERE.format(offence=offence,
               nation=_nation(nation)), "offence_not_in_nation", c.offence)  # fmt: skip
    ongoing = c.outcome == jc.ChargeOutcome.ONGOING
    if ongoing and c.outcome_on is not None:
        yield f"{where}.outcome_on", ONGOING_HAS_NO_DATE, "date_not_allowed", str(c.outcome_on)
    if not ongoing and c.outcome_on is None:
        yield f"{where}.outcome_on", OUTCOME_NEEDS_DATE, "missing", None
    if c.outcome_on is not None and c.outcome_on < c.charged_on:
        message = OUTCOME_BEFORE_CHARGE.format(charged=long_date(c.charged_on))
        yield f"{where}.outcome_on", message, "outcome_before_charge", str(c.outcome_on)
    if c.sentence is not None and c.outcome != jc.ChargeOutcome.CONVICTED:
        yield f"{where}.sentence", SENTENCE_ONLY_ON_CONVICTION, "not_allowed", c.sentence
    custodial = c.sentence in jc.CUSTODIAL
    if c.custody_months is not None and not custodial:
        yield f"{where}.custody_months", MONTHS_ONLY_FOR_CUSTODY, "not_allowed", None
    if custodial and c.custody_months is None:
        yield f"{where}.custody_months", MONTHS_FOR_CUSTODY, "missing", None
    fine = c.sentence == jc.SentenceKind.FINE
    if c.fine_pence is not None and not fine:
        yield f"{where}.fine_pence", FINE_ONLY_FOR_FINE, "not_allowed", None
    if fine and c.fine_pence is None:
        yield f"{where}.fine_pence", FINE_AMOUNT, "missing", None


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
            yield from _charge_rules(f"defendants[{d}].charges[{n}]", p.court_nation, charge)
    if len(set(p.victim_references)) != len(p.victim_references):
        yield "victim_references", SAME_VICTIM_TWICE, "duplicate", None


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
