"""The Salvation Army's contract year 1 July 2012 to 30 June 2013 (the report's second Table 19,
para 5.26): 746 people referred to it for support, by region.

The demo refers for support, through the support services, every adult of the historical
referrals whom the Salvation Army supports (England and Wales) and whose positive reasonable
grounds decision falls in that year, on the day of the decision. They are fewer than 746, so
the rest are referrals of January to June 2013, loaded like the historical ones (with their
positive decision) before their support referrals are made: nothing published for 2012 and
earlier changes. Each support referral gets a region of the published table, near the police
region of presentation where the table allows (a demo choice: support regions are recorded, not
derived, ``nrm.support.services.support_region_check``); the provider accepts each the next day.
"""

import random
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from nrm.accounts.models import User
from nrm.cases.models import Referral
from nrm.demo.people import DEMO_TODAY, Person, to_record
from nrm.standard.codes import SALVATION_ARMY, DecisionOutcome, DecisionStage, SupportRegion
from nrm.support.selectors import support_provider_for
from nrm.support.services import support_referral_accept, support_referral_create

START, END = date(2012, 7, 1), date(2013, 6, 30)

# Table 19 (chapter 5): the Salvation Army's referrals of the year by region, 746 in all.
PLAN: dict[str, int] = {
    SupportRegion.EAST: 15,
    SupportRegion.EAST_MIDLANDS: 17,
    SupportRegion.NORTH_EAST: 24,
    SupportRegion.NORTH_WEST: 64,
    SupportRegion.NOT_KNOWN: 14,
    SupportRegion.SOUTH: 50,
    SupportRegion.SOUTH_EAST: 301,
    SupportRegion.SOUTH_WEST: 17,
    SupportRegion.WALES: 25,
    SupportRegion.WEST_MIDLANDS: 102,
    SupportRegion.YORKSHIRE: 117,
}

# The support regions a person presented in a police region is given first (the demo's choice).
NEAR: dict[str, tuple[str, ...]] = {
    "eastern": (SupportRegion.EAST,),
    "east_midlands": (SupportRegion.EAST_MIDLANDS,),
    "north_east": (SupportRegion.YORKSHIRE, SupportRegion.NORTH_EAST),
    "north_west": (SupportRegion.NORTH_WEST,),
    "london": (SupportRegion.SOUTH_EAST,),
    "south_east": (SupportRegion.SOUTH_EAST, SupportRegion.SOUTH),
    "south_west": (SupportRegion.SOUTH_WEST,),
    "west_midlands": (SupportRegion.WEST_MIDLANDS,),
    "wales": (SupportRegion.WALES,),
    "not_recorded": (SupportRegion.NOT_KNOWN,),
    "isle_of_man": (SupportRegion.NOT_KNOWN,),
}
# The police region of presentation of a 2013 person supported in a region.
PRESENTED_IN: dict[str, str] = {
    SupportRegion.EAST: "eastern",
    SupportRegion.EAST_MIDLANDS: "east_midlands",
    SupportRegion.NORTH_EAST: "north_east",
    SupportRegion.NORTH_WEST: "north_west",
    SupportRegion.NOT_KNOWN: "not_recorded",
    SupportRegion.SOUTH: "south_east",
    SupportRegion.SOUTH_EAST: "london",
    SupportRegion.SOUTH_WEST: "south_west",
    SupportRegion.WALES: "wales",
    SupportRegion.WEST_MIDLANDS: "west_midlands",
    SupportRegion.YORKSHIRE: "north_east",
}
NATIONALITIES = ("NGA", "ALB", "VNM", "ROU", "CHN", "POL", "LTU", "SVK", "HUN", "GBR", "CZE")
EEA_OR_UK = frozenset({"ROU", "POL", "LTU", "SVK", "HUN", "GBR", "CZE"})
TYPES = ("sexual", "labour", "domestic_servitude", "sexual", "labour")
RESPONDERS = ("salvation-army", "home-office-ukvi", "unseen", "medaille-trust")
FIRST_2013, LAST_2013 = date(2013, 1, 2), date(2013, 6, 14)  # referral dates of 2013
DECISION_AFTER = timedelta(days=7)  # their reasonable grounds decisions
CONCLUDED_AFTER = timedelta(days=60)  # and their conclusive grounds decisions


def _supported(referral: Referral) -> bool:
    provider = support_provider_for(referral=referral)
    return provider is not None and provider.code == SALVATION_ARMY


def _decided_in_year() -> list[tuple[Referral, date]]:
    """The Salvation Army's people with a positive reasonable grounds decision in the year."""
    found = (
        Referral.objects.filter(
            decisions__stage=DecisionStage.REASONABLE_GROUNDS,
            decisions__outcome=DecisionOutcome.POSITIVE,
            decisions__decided_on__range=(START, END),
        )
        .select_related("organisation")
        .order_by("id")
        .distinct()
    )
    dated = []
    for referral in found:
        if not _supported(referral):
            continue
        decision = (
            referral.decisions.filter(stage=DecisionStage.REASONABLE_GROUNDS)
            .order_by("-decided_on")
            .first()
        )
        if decision is not None and decision.outcome == DecisionOutcome.POSITIVE:
            dated.append((referral, decision.decided_on))
    return dated


def regions_assign(police_regions: list[str], plan: dict[str, int]) -> list[str]:
    """A region of ``plan`` for each person presented in ``police_regions`` (in order): a near
    one while the plan has room, else the one with the most room (Wales only when nothing else
    has room: it is kept for people in Wales). Raises when the plan has too little room."""
    room = Counter(plan)
    given = []
    for police in police_regions:
        near = [r for r in NEAR.get(police, ()) if room[r] > 0]
        if near:
            region = near[0]
        else:
            others = [r for r in plan if room[r] > 0]
            outside_wales = [r for r in others if r != SupportRegion.WALES]
            region = max(outside_wales or others, key=lambda r: room[r])
        room[region] -= 1
        given.append(region)
    return given


def people_2013(regions: list[str]) -> list[Person]:
    """One adult referred in January to June 2013 for each of ``regions``, with a positive
    reasonable grounds decision a week later."""
    rng = random.Random("open-nrm-demo/support-year/people")
    span = (LAST_2013 - FIRST_2013).days
    people = []
    for index, region in enumerate(regions):
        nationality = NATIONALITIES[index % len(NATIONALITIES)]
        police = PRESENTED_IN[region]
        day = FIRST_2013 + timedelta(days=index * span // max(1, len(regions) - 1))
        etype = TYPES[index % len(TYPES)]
        person = Person(
            2013,
            "adult",
            (nationality,),
            gender="female" if etype != "labour" or index % 3 == 0 else "male",
            etype=etype,
            nation="wales" if police == "wales" else "england",
            police_region=police,
            exploitation_region=police if rng.random() < 0.85 else "not_recorded",
            referral_date=day,
            organisation=RESPONDERS[index % len(RESPONDERS)],
            authority="ukhtc" if nationality in EEA_OR_UK else "home_office",
            rg_outcome=DecisionOutcome.POSITIVE.value,
            rg_date=day + DECISION_AFTER,
        )
        concluded = day + DECISION_AFTER + CONCLUDED_AFTER
        if concluded <= DEMO_TODAY:  # else still in the recovery period on the demo's today
            person.cg_date = concluded
            person.cg_outcome = (
                DecisionOutcome.NEGATIVE.value if index % 4 == 3 else DecisionOutcome.POSITIVE.value
            )
        person.responder_type = "home_office" if "home-office" in person.organisation else "ngo"
        people.append(person)
    return people


def records_2013(regions: list[str]) -> list[dict[str, Any]]:
    """Their records; without the person's account, so the search for similar accounts finds
    only the demo's planted group (docs/demo-data.md)."""
    rng = random.Random("open-nrm-demo/support-year/records")
    return [{**to_record(person, rng), "account": None} for person in people_2013(regions)]


def _moment(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def demo_support_year_create(
    *, users: dict[str, User], load: Callable[[list[dict[str, Any]]], int]
) -> int:
    """Refer the year's 746 people to the Salvation Army (loading the 2013 referrals needed
    with ``load``); returns how many referrals of 2013 were loaded (none, and no support
    referral made, without the demo referrals of 2012, which it completes)."""
    if not Referral.objects.filter(referral_date__year=START.year).exists():
        return 0
    decided = _decided_in_year()
    in_wales = [(r, d) for r, d in decided if r.nation == "wales"]
    elsewhere = [(r, d) for r, d in decided if r.nation != "wales"]
    room = Counter(PLAN)
    wales = regions_assign([r.police_region for r, _d in in_wales], {"wales": room["wales"]})
    room.subtract(wales)
    rest = regions_assign(
        [r.police_region for r, _d in elsewhere], {k: v for k, v in room.items() if k != "wales"}
    )
    room.subtract(rest)
    remaining = [region for region in PLAN for _ in range(room[region])]
    before = Referral.objects.order_by("-id").values_list("id", flat=True).first() or 0
    loaded = load(records_2013(remaining)) if remaining else 0
    new = Referral.objects.filter(id__gt=before).select_related("organisation").order_by("id")
    everyone = [
        *zip(in_wales, wales, strict=True),
        *zip(elsewhere, rest, strict=True),
        *zip(((r, r.referral_date + DECISION_AFTER) for r in new), remaining, strict=True),
    ]
    caseworker = users["demo-caseworker"]
    provider = users["demo-support-provider"]
    for (referral, decided_on), region in everyone:
        support = support_referral_create(
            referral=referral,
            actor=caseworker,
            at=_moment(decided_on, 10),
            region="" if region == SupportRegion.NOT_KNOWN else region,
        )
        assert support is not None and support.provider.code == SALVATION_ARMY
        support_referral_accept(
            support_referral=support, actor=provider, at=_moment(decided_on + timedelta(1), 11)
        )
    return loaded
