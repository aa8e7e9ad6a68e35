"""How the review queue reads on the web: each pair waiting for review as two records side by
side, in words (where the record comes from, the names, the date of birth or the age someone
judged, gender, nationality, when and where the person was encountered), and how likely the two
are one person, in words and as a percentage."""

from datetime import date
from typing import Any

from django.urls import reverse

from nrm.cases.models import Referral
from nrm.cases.referrals.display import country, day
from nrm.intelligence.models import Entity, PairDecision
from nrm.intelligence.people import (
    MENTION,
    mention_person_record,
    record_parts,
    referral_person_record,
)
from nrm.intelligence.resolution import PersonRecord
from nrm.intelligence.review import AnyPair, ReviewPage
from nrm.standard import codes
from nrm.standard import intelligence_codes as icodes

NOT_RECORDED = "Not recorded"
# How likely, in words: the first whose lower bound the probability reaches.
LIKELIHOOD = ((0.9, "Very likely the same person"), (0.8, "Likely the same person"))
POSSIBLY = "Possibly the same person"
STATED = "One person, as an intelligence report says"
SAME, DIFFERENT = "Same person", "Different people"
BY_OPERATOR = "The operator"


def _label(code_list: Any, value: str) -> str:
    return str(code_list(value).label)


def likelihood(probability: float) -> str:
    """How likely a pair is one person, in words."""
    return next((words for bound, words in LIKELIHOOD if probability >= bound), POSSIBLY)


def percentage(probability: float) -> str:
    """The probability as a whole percentage, rounded down (never shown as 100% or as the match
    threshold when it is below it)."""
    return f"{int(probability * 100)}%"


def _born(record: PersonRecord) -> tuple[str, str]:
    if record.date_of_birth is not None:
        return "Date of birth", day(record.date_of_birth)
    if record.estimated_age is not None:
        when: date | None = record.age_estimated_on
        age = f"About {record.estimated_age} years old"
        return "Age", f"{age} in {when:%B %Y}" if when else age
    return "Date of birth", NOT_RECORDED


def _encountered(record: PersonRecord) -> str:
    parts = []
    if record.encountered_on is not None:
        parts.append(day(record.encountered_on))
    if record.region:
        parts.append(_label(codes.PoliceRegion, record.region))
    return ", ".join(parts) or NOT_RECORDED


def _rows(record: PersonRecord, extra: list[tuple[str, str]]) -> list[dict[str, str]]:
    name = " ".join(part for part in (record.forenames, record.surname) if part)
    rows = [
        ("Name", name or NOT_RECORDED),
        _born(record),
        ("Gender", _label(codes.Gender, record.gender) if record.gender else NOT_RECORDED),
        ("Nationality", country(record.nationality) if record.nationality else NOT_RECORDED),
        ("Encountered", _encountered(record)),
        *extra,
    ]
    return [{"key": key, "value": value} for key, value in rows]


def _mention(entity: Entity) -> dict[str, Any]:
    report = entity.report
    role = _label(icodes.PersonRole, entity.person_role) if entity.person_role else ""
    return {
        "source": "Intelligence report",
        "reference": report.reference,
        "url": reverse("intelligence:report", args=[report.reference]),
        "grading": report.grading,
        "rows": _rows(mention_person_record(entity), [("Named as", role or NOT_RECORDED)]),
    }


def _referral(referral: Referral) -> dict[str, Any]:
    return {
        "source": "NRM referral",
        "reference": referral.reference,
        "url": "",
        "grading": "",
        "rows": _rows(referral_person_record(referral), []),
    }


def _record(read: ReviewPage, record_id: str) -> dict[str, Any] | None:
    kind, pk = record_parts(record_id)
    if kind == MENTION:
        entity = read.mentions.get(pk)
        return _mention(entity) if entity is not None else None
    referral = read.referrals.get(pk)
    return _referral(referral) if referral is not None else None


def _failing(pair: AnyPair, failed: dict[str, Any] | None) -> dict[str, str] | None:
    """The refused decision on ``pair``, if it was the one refused: the reason typed and the
    messages by field."""
    if failed is None or failed.get("pair") != str(pair.pk):
        return None
    messages = {error["field"]: error["text"] for error in failed.get("errors", [])}
    return {
        "reason": failed.get("reason", ""),
        "reason_error": messages.get("reason", ""),
        "decision_error": messages.get("decision", ""),
    }


def _decision(decision: PairDecision) -> dict[str, Any]:
    who = decision.decided_by
    return {
        "same": decision.accepted,
        "words": SAME if decision.accepted else DIFFERENT,
        "when": decision.decided_at,
        "by": (who.get_full_name() or who.username) if who is not None else BY_OPERATOR,
        "reason": decision.reason,
    }


def _pair(read: ReviewPage, pair: AnyPair, failed: dict[str, Any] | None) -> dict[str, Any] | None:
    left, right = _record(read, pair.record_l), _record(read, pair.record_r)
    if left is None or right is None:  # a record no longer held
        return None
    probability = pair.match_probability
    return {
        "id": pair.pk,
        "record_l": pair.record_l,
        "record_r": pair.record_r,
        "records": [left, right],
        "failing": _failing(pair, failed),
        "likelihood": STATED if probability is None else likelihood(probability),
        "percentage": "" if probability is None else percentage(probability),
        "decision": _decision(pair) if isinstance(pair, PairDecision) else None,
    }


def review_context(read: ReviewPage, failed: dict[str, Any] | None = None) -> dict[str, Any]:
    """What the review queue, or the page of decisions, shows of ``read``: pairs whose records
    are both still held; ``failed``, a refused decision (the pair's id, the reason typed, the
    errors)."""
    pairs = [row for pair in read.page or [] if (row := _pair(read, pair, failed)) is not None]
    return {
        "run": read.run,
        "page_obj": read.page,
        "pairs": pairs,
        "waiting": read.page.paginator.count if read.page is not None else 0,
    }
