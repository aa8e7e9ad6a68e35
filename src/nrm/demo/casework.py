"""Live demo casework: referrals of the last months at every stage of the process, some of them
overdue, made through the same services caseworkers and support providers use (so the
timeline, audit and notices are real). Dates count back from the day the demo is built; people
are plainly fictional.

Each case's support follows its history: the person is referred for support on the day of the
positive reasonable grounds decision, the provider accepts the next day and starts the support
that day (one recent referral is still waiting for the provider's answer), and the support ends
a week after the conclusive grounds decision. The manager assigns some open cases to the demo
caseworker."""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from nrm.accounts.models import User
from nrm.cases.casework.services.decisions import case_event_record
from nrm.cases.casework.services.edits import case_assign, case_reallocate, review_record
from nrm.cases.models import Case, Referral
from nrm.cases.referrals.services import referral_submit
from nrm.cases.stages import Event
from nrm.demo.victim_accounts import demo_account
from nrm.standard.codes import (
    CompetentAuthority,
    ExitRoute,
    SupportService,
    SupportType,
)
from nrm.support.models import SupportReferral
from nrm.support.selectors import open_episode_of
from nrm.support.services import (
    support_episode_close,
    support_episode_start,
    support_referral_accept,
    support_referral_create,
)

NATIONALITIES = ["NGA", "VNM", "ALB", "CHN", "ROU", "ERI", "SVK", "UGA"]
LANGUAGES = {"NGA": ["eng", "yor"], "VNM": ["vie"], "ALB": ["sqi"], "CHN": ["zho"]}
SUPPORT_ENDS_AFTER_CG_DAYS = 7
EXIT_AFTER = {
    Event.CG_POSITIVE: ExitRoute.INDEPENDENT_LIVING_UK,
    Event.CG_NEGATIVE: ExitRoute.RETURN_TO_ORIGIN,
}


@dataclass(frozen=True)
class Plan:
    """A demo case: received ``days_ago``, then ``steps`` of (event, days after receipt).
    ``child``: the person is 15 (support from children's services); ``assigned``: the manager
    assigns it to the demo caseworker; ``answered``: the provider has answered the support
    referral."""

    days_ago: int
    steps: tuple[tuple[str, int], ...] = ()
    child: bool = False
    assigned: bool = False
    answered: bool = True


PLANS: list[Plan] = [
    # awaiting the RG decision: due later, due about now, overdue
    *(Plan(d, assigned=d in (2, 5, 9, 16)) for d in (0, 1, 2, 3, 5, 6, 7, 9, 12, 16, 23)),
    # in the recovery and reflection period: support not yet answered, review not yet due,
    # review due, CG upcoming, CG overdue
    Plan(6, (("rg_positive", 5),), answered=False),
    Plan(12, (("rg_positive", 3),), assigned=True),
    Plan(20, (("rg_positive", 4),)),
    Plan(38, (("rg_positive", 2),), assigned=True),
    Plan(44, (("rg_positive", 4), ("review", 34)), assigned=True),
    Plan(52, (("rg_positive", 5),), assigned=True),
    Plan(70, (("rg_positive", 4), ("review", 34))),
    # a child, supported by children's services
    Plan(26, (("rg_positive", 3),), child=True, assigned=True),
    # extended recovery period
    Plan(60, (("rg_positive", 3), ("review", 33), ("extend_recovery", 40)), assigned=True),
    # suspended: before the RG and in recovery
    Plan(15, (("suspend", 4),)),
    Plan(40, (("rg_positive", 4), ("suspend", 20)), assigned=True),
    # reconsideration requested after a negative RG: awaiting the RG again
    Plan(30, (("rg_negative", 4), ("reconsider", 12)), assigned=True),
    # concluded
    Plan(80, (("rg_positive", 4), ("review", 34), ("cg_positive", 50))),
    Plan(90, (("rg_positive", 5), ("review", 35), ("cg_negative", 52))),
    Plan(25, (("rg_negative", 3),)),
    Plan(33, (("withdraw", 6),)),
    # reallocated to UKHTC (reason recorded)
    Plan(4, (("reallocate", 1),)),
]


def _referral(index: int, received: date, *, child: bool) -> dict[str, Any]:
    nationality = NATIONALITIES[index % len(NATIONALITIES)]
    exploitation = ("sexual", "labour", "domestic_servitude", "criminal")[index % 4]
    return {
        "referral_date": received.isoformat(),
        "nation": "england",
        "police_region": "london",
        "first_responder_officer": "PC Demo Officer",
        "consent": True,
        "linked_immigration_interest": True,
        "given_name": f"Demo{index:02d}",
        "family_name": "Fictional",
        "estimated_age": 15 if child else 20 + index % 25,
        "gender": "female" if index % 3 else "male",
        "claimed_nationalities": [nationality],
        "languages": LANGUAGES.get(nationality, ["eng"]),
        "interpreter_needed": nationality in LANGUAGES,
        "exploitation_type": exploitation,
        "exploitation_region": "london",
        "exploitation_end": (received - timedelta(days=10)).isoformat(),
        "account": demo_account(exploitation, random.Random(f"open-nrm-demo/live/{index}")),
    }


def _moment(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _provider_user(support: SupportReferral, users: dict[str, User]) -> User:
    return next(u for u in users.values() if u.organisation_id == support.provider_id)


def _support_offer(referral: Referral, *, on: date, users: dict[str, User]) -> Any:
    """The person's referral for support, dated the day of the positive reasonable grounds
    decision about to be recorded (``at``, as an import of past cases dates it); the decision
    finds it open and does not refer the person a second time."""
    return support_referral_create(
        referral=referral, actor=users["demo-caseworker"], at=_moment(on, 10)
    )


def _support_start(support: SupportReferral, *, on: date, users: dict[str, User]) -> None:
    """The provider accepts the support referral ``on`` that day and starts the support."""
    provider = _provider_user(support, users)
    support_referral_accept(support_referral=support, actor=provider, at=_moment(on, 11))
    support_episode_start(
        support_referral=support,
        actor=provider,
        support_type=SupportType.MANAGED_ACCOMMODATION,
        start=on,
        services=[SupportService.ACCOMMODATION, SupportService.MEDICAL, SupportService.LEGAL],
    )


def _support_end(
    support: SupportReferral, event: Event, *, on: date, users: dict[str, User]
) -> None:
    episode = open_episode_of(support_referral=support)
    if episode is not None:
        support_episode_close(
            episode=episode,
            actor=_provider_user(support, users),
            end=on,
            exit_route=EXIT_AFTER[event],
        )


def _step(event: str, *, case: Case, on: date, users: dict[str, User]) -> None:
    reference, version = case.referral.reference, case.version
    if event == "review":
        review_record(
            actor=users["demo-caseworker"], reference=reference, on=on, expected_version=version
        )
        return
    if event == "reallocate":
        case_reallocate(
            actor=users["demo-manager"],
            reference=reference,
            authority=CompetentAuthority.UKHTC,
            reason="British national with no immigration interest (demo)",
            expected_version=version,
        )
        return
    actor = {
        "reconsider": users["demo-first-responder"],
        "extend_recovery": users["demo-manager"],
    }.get(event, users["demo-caseworker"])
    case_event_record(
        actor=actor,
        reference=reference,
        event=Event(event),
        on=on,
        expected_version=version,
        reasons="Fictional reasons for the demonstration"
        if "negative" in event or event in ("reconsider", "extend_recovery")
        else "",
        extend_days=14 if event == "extend_recovery" else 0,
    )


def _case(referral: Referral) -> Case:
    return Case.objects.select_related("referral").get(pk=referral.pk)


def demo_casework_create(*, today: date, users: dict[str, User]) -> int:
    """Create the live demo cases; returns how many. ``users``: the demo accounts by username
    (``demo-caseworker``, ``demo-manager``, ``demo-first-responder`` and the support
    providers')."""
    responder = users["demo-first-responder"]
    for index, plan in enumerate(PLANS):
        received = today - timedelta(days=plan.days_ago)
        referral = referral_submit(
            actor=responder,
            data=_referral(index, received, child=plan.child),
            organisation=responder.organisation,
            door="demo",
        )
        support = None
        for event, after in plan.steps:
            on = received + timedelta(days=after)
            if event == Event.RG_POSITIVE:
                support = _support_offer(referral, on=on, users=users)
            _step(event, case=_case(referral), on=on, users=users)
            if event == Event.RG_POSITIVE and support is not None and plan.answered:
                _support_start(support, on=min(on + timedelta(days=1), today), users=users)
            if event in EXIT_AFTER and support is not None:
                ends = min(on + timedelta(days=SUPPORT_ENDS_AFTER_CG_DAYS), today)
                _support_end(support, Event(event), on=ends, users=users)
        if plan.assigned:
            case = _case(referral)
            case_assign(
                actor=users["demo-manager"],
                reference=case.referral.reference,
                assignee=users["demo-caseworker"],
                expected_version=case.version,
            )
    return len(PLANS)
