"""The demo's risk profiles, screening and hits (docs/border.md), told as the Nigerian case
study (``border_plan``), dated back from the day the demo is built.

In the order they happened: the demo intelligence analyst writes, revises, activates and
retires the profiles (``border_plan.STEPS``); the demo entry clearance officer screens each
fortnight's visa applications and the demo Border Force duty officer each fortnight's
passenger manifest (``border_records``) against the profiles active that day; the officers
review the hits a few days later and record what they decided. A hit is never a decision: every
outcome is an officer's. The hits of the latest fortnight are not reviewed yet.
"""

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from nrm.accounts.models import User
from nrm.border.profile_models import Hit
from nrm.border.profile_services import (
    profile_activate,
    profile_create,
    profile_retire,
    profile_revise,
)
from nrm.border.screening_services import hit_outcome_record, records_screen
from nrm.demo import border_plan as plan
from nrm.demo.border_records import Batch, border_batches
from nrm.standard import border_codes as bc

ANALYST = "demo-intelligence-analyst"
SCREENS = {
    str(bc.RecordKind.VISA_APPLICATION): "demo-entry-clearance-officer",
    str(bc.RecordKind.PASSENGER): "demo-border-force-duty-officer",
}
# The time of day of each kind of event.
AT = {
    "profile": time(11, 0),
    str(bc.RecordKind.VISA_APPLICATION): time(9, 30),
    str(bc.RecordKind.PASSENGER): time(14, 0),
}
OUTCOME_WEIGHTS = {
    plan.FIRST: [
        (bc.HitOutcome.NO_FURTHER_ACTION, 30), (bc.HitOutcome.MORE_SCRUTINY, 35),
        (bc.HitOutcome.REFUSED, 20), (bc.HitOutcome.REFERRED, 15),
    ],
    plan.SECOND: [
        (bc.HitOutcome.NO_FURTHER_ACTION, 20), (bc.HitOutcome.MORE_SCRUTINY, 40),
        (bc.HitOutcome.REFUSED, 20), (bc.HitOutcome.REFERRED, 20),
    ],
}  # fmt: skip


@dataclass
class BorderFigures:
    profiles: dict[str, int] = field(default_factory=dict)  # plan name → profile id
    versions: int = 0
    applications: int = 0
    passengers: int = 0
    batches: int = 0
    hits: Counter[str] = field(default_factory=Counter)  # by plan name
    outcomes: Counter[str] = field(default_factory=Counter)
    unreviewed: int = 0


def _at(today: date, days: int, moment: time) -> datetime:
    return timezone.make_aware(datetime.combine(today - timedelta(days=days), moment))


def _profile_step(step: plan.ProfileStep, at: datetime, analyst: User, f: BorderFigures) -> None:
    if step.action == "write":
        assert step.data is not None
        data = step.data | {
            "review_on": (at.date() + timedelta(days=step.review)).isoformat(),
            "expires_on": (at.date() + timedelta(days=step.expires)).isoformat(),
        }
        if step.profile in f.profiles:
            profile_revise(actor=analyst, profile_id=f.profiles[step.profile], data=data, at=at)
        else:
            version = profile_create(actor=analyst, data=data, at=at)
            f.profiles[step.profile] = version.profile_id
        f.versions += 1
    elif step.action == "activate":
        profile_activate(actor=analyst, profile_id=f.profiles[step.profile], at=at)
    else:
        profile_retire(actor=analyst, profile_id=f.profiles[step.profile], at=at)


def _screen(batch: Batch, at: datetime, users: dict[str, User], f: BorderFigures) -> list[Hit]:
    result = records_screen(actor=users[SCREENS[batch.kind]], records=batch.records, at=at)
    assert not result.invalid, result.invalid  # the demo's records are valid
    if batch.kind == bc.RecordKind.VISA_APPLICATION:
        f.applications += result.screened
    else:
        f.passengers += result.screened
    f.batches += 1
    return [hit for hits in result.hits.values() for hit in hits]


def demo_border_create(*, now: datetime, users: dict[str, User]) -> BorderFigures:
    """The demo's profiles, screenings, hits and outcomes, dated back from ``now``."""
    today = timezone.localdate(now)
    figures = BorderFigures()
    analyst = users[ANALYST]
    events: list[tuple[int, time, plan.ProfileStep | Batch]] = [
        *((s.days, AT["profile"], s) for s in plan.STEPS),
        *((b.days, AT[b.kind], b) for b in border_batches()),
    ]
    hits: list[tuple[Hit, int]] = []
    for days, moment, event in sorted(events, key=lambda e: (-e[0], e[1])):
        at = _at(today, days, moment)
        if isinstance(event, plan.ProfileStep):
            _profile_step(event, at, analyst, figures)
        else:
            hits += [(hit, days) for hit in _screen(event, at, users, figures)]
    names = {pk: name for name, pk in figures.profiles.items()}
    rng = random.Random("demo-border-outcomes")
    for hit, days in hits:
        name = names[hit.version.profile_id]
        figures.hits[name] += 1
        if days <= plan.UNREVIEWED_WITHIN:
            figures.unreviewed += 1
            continue
        outcomes, weights = zip(*OUTCOME_WEIGHTS[name], strict=True)
        outcome = rng.choices(outcomes, weights=weights)[0]
        reviewed_at = hit.screened_at + timedelta(days=rng.randint(1, 5), hours=rng.randint(0, 3))
        hit_outcome_record(
            actor=users[SCREENS[hit.record_kind]],
            hit_id=hit.pk,
            data={"outcome": outcome.value},
            at=reviewed_at,
        )
        figures.outcomes[outcome.value] += 1
    return figures
