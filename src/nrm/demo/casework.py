"""Live demo casework: referrals of the last months at every stage of the process, some of them
overdue, made through the same services caseworkers use (so the timeline, audit and notices are
real). Dates count back from the day the demo is built; people are plainly fictional."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from nrm.accounts.models import User
from nrm.cases.casework.services.decisions import case_event_record
from nrm.cases.casework.services.edits import case_reallocate, review_record
from nrm.cases.models import Case
from nrm.cases.referrals.services import referral_submit
from nrm.cases.stages import Event
from nrm.standard.codes import CompetentAuthority

NATIONALITIES = ["NGA", "VNM", "ALB", "CHN", "ROU", "ERI", "SVK", "UGA"]


@dataclass(frozen=True)
class Plan:
    """A demo case: received ``days_ago``, then ``steps`` of (event, days after receipt)."""

    days_ago: int
    steps: tuple[tuple[str, int], ...] = ()


PLANS: list[Plan] = [
    # awaiting the RG decision: due later, due about now, overdue
    *(Plan(d) for d in (0, 1, 2, 3, 5, 6, 7, 9, 12, 16, 23)),
    # in the recovery and reflection period: review not yet due, review due, CG upcoming,
    # CG overdue
    Plan(12, (("rg_positive", 3),)),
    Plan(20, (("rg_positive", 4),)),
    Plan(38, (("rg_positive", 2),)),
    Plan(44, (("rg_positive", 4), ("review", 34))),
    Plan(52, (("rg_positive", 5),)),
    Plan(70, (("rg_positive", 4), ("review", 34))),
    # extended recovery period
    Plan(60, (("rg_positive", 3), ("review", 33), ("extend_recovery", 40))),
    # suspended: before the RG and in recovery
    Plan(15, (("suspend", 4),)),
    Plan(40, (("rg_positive", 4), ("suspend", 20))),
    # reconsideration requested after a negative RG: awaiting the RG again
    Plan(30, (("rg_negative", 4), ("reconsider", 12))),
    # concluded
    Plan(80, (("rg_positive", 4), ("review", 34), ("cg_positive", 50))),
    Plan(90, (("rg_positive", 5), ("review", 35), ("cg_negative", 52))),
    Plan(25, (("rg_negative", 3),)),
    Plan(33, (("withdraw", 6),)),
    # reallocated to UKHTC (reason recorded)
    Plan(4, (("reallocate", 1),)),
]


def _referral(index: int, received: date) -> dict[str, Any]:
    nationality = NATIONALITIES[index % len(NATIONALITIES)]
    return {
        "referral_date": received.isoformat(),
        "nation": "england",
        "police_region": "london",
        "first_responder_officer": "PC Demo Officer",
        "consent": True,
        "linked_immigration_interest": True,
        "given_name": f"Demo{index:02d}",
        "family_name": "Fictional",
        "estimated_age": 20 + index % 25,
        "gender": "female" if index % 3 else "male",
        "claimed_nationalities": [nationality],
        "languages": ["eng"],
        "exploitation_type": ("sexual", "labour", "domestic_servitude", "criminal")[index % 4],
        "exploitation_region": "london",
        "exploitation_end": (received - timedelta(days=10)).isoformat(),
        "account": "A fictional account written for the demonstration.",
    }


def _step(event: str, *, case: Case, on: date, users: dict[str, User]) -> None:
    reference, version = case.referral.reference, case.version
    if event == "review":
        review_record(
            actor=users["caseworker"], reference=reference, on=on, expected_version=version
        )
        return
    if event == "reallocate":
        case_reallocate(
            actor=users["manager"],
            reference=reference,
            authority=CompetentAuthority.UKHTC,
            reason="British national with no immigration interest (demo)",
            expected_version=version,
        )
        return
    actor = {
        "reconsider": users["first_responder"],
        "extend_recovery": users["manager"],
    }.get(event, users["caseworker"])
    case_event_record(
        actor=actor,
        reference=reference,
        event=Event(event),
        on=on,
        expected_version=version,
        reasons="Fictional reasons for the demonstration"
        if "negative" in event
        or event
        in (
            "reconsider",
            "extend_recovery",
        )
        else "",
        extend_days=14 if event == "extend_recovery" else 0,
    )


def demo_casework_create(*, today: date, users: dict[str, User]) -> int:
    """Create the live demo cases; returns how many."""
    responder = users["first_responder"]
    for index, plan in enumerate(PLANS):
        received = today - timedelta(days=plan.days_ago)
        referral = referral_submit(
            actor=responder,
            data=_referral(index, received),
            organisation=responder.organisation,
            door="demo",
        )
        for event, after in plan.steps:
            case = Case.objects.select_related("referral").get(pk=referral.pk)
            _step(event, case=case, on=received + timedelta(days=after), users=users)
    return len(PLANS)
