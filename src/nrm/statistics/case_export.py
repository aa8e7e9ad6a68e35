"""The case records an export reads: ``cases_for_export``, a selector of the case store.

Pseudonymised: the referral's reference becomes its keyed hash (``extract.pseudonym``, the same
as the extract's, so export rows and extract rows of one referral can be linked by whoever holds
both); no names, aliases, date of birth, contact details, officers, languages or account are
read. The age is read only as whole years (when trafficked, and at referral), from the date of
birth or the estimated age, for HTCDS's age when trafficked and CTDC's age band.
"""

from collections.abc import Iterator
from datetime import date
from typing import Any

from nrm.cases.models import Decision, Referral
from nrm.standard.codes import DecisionOutcome, DecisionStage
from nrm.standard.htcds import CaseFacts
from nrm.standard.rules import age_on
from nrm.statistics.extract import extract_key, nationalities_of, pseudonym

CHUNK = 2000
_FIELDS = (
    "id",
    "reference",
    "referral_date",
    "nation",
    "police_region",
    "consent",
    "linked_immigration_interest",
    "competent_authority",
    "age_group",
    "exploitation_type",
    "exploitation_sub_types",
    "exploitation_means",
    "exploitation_region",
    "exploitation_country",
    "exploitation_start",
    "exploitation_end",
    "organisation__code",
    "organisation__responder_type",
    "person__gender",
    "person__date_of_birth",
    "person__estimated_age",
)
CASE_PREFIX = "case:"  # the case id is the keyed hash of this and the reference


def _latest(ids: list[int]) -> dict[tuple[int, str], tuple[str, date]]:
    latest: dict[tuple[int, str], tuple[str, date]] = {}
    rows = (
        Decision.objects.filter(referral_id__in=ids)
        .order_by("referral_id", "decided_on", "id")
        .values_list("referral_id", "stage", "outcome", "decided_on")
    )
    for referral_id, stage, outcome, decided_on in rows:
        latest[(referral_id, stage)] = (outcome, decided_on)
    return latest


def _ages(
    referral_date: date, start: date | None, born: date | None, estimated: int | None
) -> tuple[int | None, int | None]:
    """Whole years when trafficked (at the start of the exploitation, else at referral) and
    at referral."""
    if born is not None:
        return age_on(born, start or referral_date), age_on(born, referral_date)
    if estimated is not None:
        before = (referral_date - start).days // 365 if start else 0
        return max(estimated - before, 0), estimated
    return None, None


def _facts(row: dict[str, Any], key: bytes, extra: tuple[Any, Any]) -> CaseFacts:
    (claimed, assessed, certainty), latest = extra
    rg = latest.get((row["id"], DecisionStage.REASONABLE_GROUNDS))
    cg = latest.get((row["id"], DecisionStage.CONCLUSIVE_GROUNDS))
    when, at_referral = _ages(
        row["referral_date"],
        row["exploitation_start"],
        row["person__date_of_birth"],
        row["person__estimated_age"],
    )
    record = {
        "referral_date": row["referral_date"],
        "nation": row["nation"],
        "police_region": row["police_region"],
        "first_responder_organisation": row["organisation__code"],
        "consent": row["consent"],
        "linked_immigration_interest": row["linked_immigration_interest"],
        "competent_authority": row["competent_authority"] or None,
        "age_group": row["age_group"],
        "gender": row["person__gender"],
        "claimed_nationalities": list(claimed),
        "assessed_nationality": assessed,
        "assessed_nationality_certainty": certainty,
        "exploitation_type": row["exploitation_type"],
        "exploitation_sub_types": list(row["exploitation_sub_types"] or []),
        "exploitation_means": list(row["exploitation_means"] or []),
        "exploitation_region": row["exploitation_region"],
        "exploitation_country": row["exploitation_country"] or None,
        "exploitation_start": row["exploitation_start"],
        "exploitation_end": row["exploitation_end"],
        "rg_outcome": rg[0] if rg else DecisionOutcome.PENDING.value,
        "rg_date": rg[1] if rg else None,
        "cg_outcome": cg[0] if cg else DecisionOutcome.PENDING.value,
        "cg_date": cg[1] if cg else None,
    }
    return CaseFacts(
        case_id=pseudonym(CASE_PREFIX + row["reference"], key),
        person_id=pseudonym(row["reference"], key),
        record=record,
        responder_type=row["organisation__responder_type"] or None,
        age_when_trafficked=when,
        age_at_referral=at_referral,
    )


def cases_for_export(*, year: int | None = None) -> Iterator[CaseFacts]:
    """Every referral of the case store (of ``year``, by referral date), pseudonymised, in
    reference order. Raises ``ExtractKeyMissing`` without a key for the pseudonyms."""
    key = extract_key()
    found = Referral.objects.order_by("reference")
    if year is not None:
        found = found.filter(referral_date__year=year)
    ids = list(found.values_list("id", flat=True))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        nationalities = nationalities_of(chunk)
        latest = _latest(chunk)
        rows = Referral.objects.filter(id__in=chunk).order_by("reference").values(*_FIELDS)
        for row in rows:
            yield _facts(row, key, (nationalities[row["id"]], latest))
