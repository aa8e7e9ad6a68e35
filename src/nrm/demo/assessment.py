"""Demo intelligence for the UKHTC strategic assessment of 2011 and 2012: graded reports naming
potential victims the NRM does not know, people the NRM knows (some by their NRM reference,
most only by name, spelt as the source heard it, for resolution to find) and people two
reports name. ``assessment_plan`` says how many of whom; this module writes them, through the
intelligence service's check and save like every door, in one transaction.

Every person is invented (``names``); the operation is fictional.
"""

import itertools
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from difflib import SequenceMatcher
from typing import Any

from django.db import transaction

from nrm.accounts.actors import DEMO
from nrm.audit.models import AuditVerb
from nrm.cases.models import Referral
from nrm.demo import assessment_plan as plan
from nrm.demo import names
from nrm.demo.people import DEMO_TODAY, years_before
from nrm.demo.repeats import respelt
from nrm.intelligence.assessment.extract import Resolved, people_resolved
from nrm.intelligence.assessment.rules import INTELLIGENCE, NRM, PersonYear
from nrm.intelligence.models import Entity
from nrm.intelligence.people import REFERRAL, record_parts, referral_nationality
from nrm.intelligence.services import (
    Organisations,
    intelligence_report_check,
    intelligence_report_save,
)
from nrm.standard.nationality import country_code

YEARS = (2011, 2012)
_SOURCES = (
    ("met-police", "police_force"), ("west-midlands-police", "police_force"),
    ("greater-manchester-police", "police_force"), ("police-scotland", "police_force"),
    ("home-office-border-force", "border_force"), ("nca-ukhtc", "ukhtc"),
    ("salvation-army", "ngo"), ("unseen", "ngo"), ("nca-ukhtc", "overseas_partner"),
)  # fmt: skip
_NARRATIVES = {
    "sexual": "Officers visiting an address found people who appeared to be controlled by others "
    "and advertised for sex.",
    "labour": "Workers at a site said they were paid little or nothing and housed by the people "
    "who brought them here.",
    "domestic_servitude": "A neighbour reported someone who looks after a family's house and "
    "children and is never seen out alone.",
    "criminal": "People found at a property growing cannabis said they had been brought there "
    "and could not leave.",
    "not_recorded": "A partner agency reports people who may have been trafficked; how they "
    "were exploited is not known yet.",
    "organ_harvesting": "A hospital reports a patient who says they were brought here to have "
    "an organ removed for someone else.",
}
_OPERATION_TEXT = (
    f"During {plan.OPERATION} officers boarded fishing vessels and found crew members from the "
    "Philippines working without pay, their documents held by the skipper."
)
_LABOUR_SUBS = (
    "labour_ground_works", "labour_food_processing", "labour_maritime", "labour_agriculture",
    "labour_factory", "labour_construction", "labour_car_wash", "labour_nail_bar",
    "labour_restaurant",
)  # fmt: skip
_OTHER_TYPES = (("labour", 55), ("domestic_servitude", 30), ("criminal", 15))
_TYPES_2011 = (("sexual", 45), ("labour", 30), ("domestic_servitude", 12), ("criminal", 5),
               ("not_recorded", 8))  # fmt: skip


@dataclass
class Victim:
    """A potential victim one report names."""

    nationality: str  # as counted ("Vietnam")
    minor: bool
    etype: str = "not_recorded"
    subs: list[str] = field(default_factory=list)
    named: bool = True
    given: str = ""
    family: str = ""
    born: date | None = None
    gender: str = ""
    reference: str | None = None  # the NRM referral the report names them as the subject of
    operation: str = ""


def _baseline(resolved: Resolved, year: int) -> tuple[plan.Baseline, list[PersonYear]]:
    people = [p for p in resolved.people() if p.year == year]
    minors = Counter(p.nationality for p in people if p.age_group == "minor")
    adults = Counter(p.nationality for p in people if p.age_group == "adult")
    return plan.Baseline(len(people), minors, adults), people


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in weighted], weights=[w for _, w in weighted])[0]


def _gender(rng: random.Random, etype: str) -> str:
    female = {"sexual": 0.85, "domestic_servitude": 0.7, "labour": 0.3}.get(etype, 0.5)
    return "female" if rng.random() < female else "male"


def _duplicates(year: int, people: list[PersonYear], rng: random.Random) -> list[Victim]:
    """Mentions of people the NRM knows, by a referral of ``year``."""
    known = [p for p in people if p.sources == NRM and p.person.startswith(REFERRAL)]
    ids = [record_parts(p.person)[1] for p in known]
    referrals = {
        r.pk: r
        for r in Referral.objects.filter(pk__in=ids, referral_date__year=year)
        .select_related("person")
        .prefetch_related("nationalities")
    }
    chosen = [r for pk, r in sorted(referrals.items()) if r.person.family_name]
    step = max(1, len(chosen) // plan.DUPLICATES[year])
    victims = []
    for n, referral in enumerate(chosen[::step][: plan.DUPLICATES[year]]):
        person = referral.person
        victims.append(Victim(
            nationality=referral_nationality(referral) or "",
            minor=referral.age_group == "minor",
            etype=referral.exploitation_type,
            given=respelt(person.given_name, n % 3),
            family=person.family_name,
            born=person.date_of_birth,
            gender=person.gender,
            reference=referral.reference if rng.random() < 0.4 else None,
        ))  # fmt: skip
    return victims


def _new(year: int, base: plan.Baseline, rng: random.Random) -> list[Victim]:
    minors = plan.minors_added(year, base)
    adults = plan.adults_added(year, base, sum(minors.values()))
    victims = [Victim(_code(c), True) for c, n in sorted(minors.items()) for _ in range(n)]
    victims += [Victim(_code(c), False) for c, n in sorted(adults.items()) for _ in range(n)]
    rng.shuffle(victims)
    return victims


def _code(country: str) -> str:
    code = country_code(country)
    if code is None:
        raise plan.PlanImpossible(f"no country code for {country}")
    return code


def _types(year: int, victims: list[Victim], people: list[PersonYear],
           existing: list[Any], dups: list[Victim], rng: random.Random) -> None:  # fmt: skip
    """Exploitation of the new victims: in 2012 to the published not recorded and sexual
    exploitation encounters by setting; in 2011 by shares."""
    if year != 2012:
        for v in victims:
            v.etype = _pick(rng, _TYPES_2011)
            v.subs = (
                [rng.choice(_LABOUR_SUBS)] if v.etype == "labour" and rng.random() < 0.7 else []
            )
        return
    filipino = _code(plan.OPERATION_COUNTRY)
    operation = [v for v in victims if v.nationality == filipino and not v.minor]
    for v in operation[: plan.OPERATION_VICTIMS]:
        v.etype, v.subs, v.operation = "labour", ["labour_maritime"], plan.OPERATION
    pool = [v for v in victims if not v.operation]
    blank = plan.NOT_RECORDED_2012 - sum(p.exploitation_types == ("not_recorded",) for p in people)
    seen = Counter(
        e.sub_types[0] if e.sub_types else "" for e in existing if e.exploitation_type == "sexual"
    )
    sexual = (
        plan.SEXUAL_ENCOUNTERS_2012 - sum(seen.values()) - sum(d.etype == "sexual" for d in dups)
    )
    settings = [s for s, n in plan.SEXUAL_SETTINGS_2012.items() for _ in range(n - seen[s])]
    if blank < 0 or sexual < len(settings) or blank + sexual > len(pool):
        raise plan.PlanImpossible("2012: exploitation types cannot reach the published figures")
    for n, v in enumerate(pool):
        if n < blank:
            v.etype = "not_recorded"
        elif n < blank + sexual:
            v.etype = "sexual"
            at = n - blank
            v.subs = [settings[at]] if at < len(settings) else []
        else:
            v.etype = _pick(rng, _OTHER_TYPES)
            v.subs = (
                [rng.choice(_LABOUR_SUBS)] if v.etype == "labour" and rng.random() < 0.7 else []
            )


def _day(year: int, rng: random.Random) -> date:
    return date(year, 1, 1) + timedelta(days=rng.randint(0, 364))


def _birth(on: date, minor: bool, rng: random.Random) -> date:
    """A date of birth that makes the person a child (12-17) or an adult (20-45) on ``on``."""
    age = rng.randint(12, 17) if minor else rng.randint(20, 45)
    return years_before(on, age + 1) + timedelta(days=rng.randint(1, 360))


class _Names:
    """Invented names no one in the case store or the demo intelligence has. A new person is
    never alike someone already named: of the same nationality and gender, born on the same
    day, or born within about a year under a similar given or family name. Such people would be
    the assessment's to tell apart (and it may not), not the demo's."""

    def __init__(self) -> None:
        referred = Referral.objects.values_list(
            "person__given_name", "person__family_name", "person__date_of_birth",
            "nationalities__country", "person__gender",
        )  # fmt: skip
        named = Entity.objects.filter(type="person").values_list(
            "given_name", "family_name", "date_of_birth", "nationality", "gender"
        )
        self.taken: set[tuple[str, str]] = set()
        self.people: dict[tuple[str, str], list[tuple[date, str, str]]] = defaultdict(list)
        for given, family, born, nationality, gender in [*referred, *named]:
            self.taken.add((given, family))
            if born is not None:
                self.people[(nationality, gender)].append((born, given, family))

    def alike(self, v: "Victim", born: date) -> bool:
        for other, given, family in self.people[(v.nationality, v.gender)]:
            days = abs((other - born).days)
            if days == 0 or (
                days <= CLOSE_BIRTHS and (_similar(given, v.given) or _similar(family, v.family))
            ):
                return True
        return False

    def add(self, v: "Victim") -> None:
        assert v.born is not None
        self.people[(v.nationality, v.gender)].append((v.born, v.given, v.family))

    def new(self, rng: random.Random) -> tuple[str, str]:
        """A name no one has (a double-barrelled family name once the common ones run out)."""
        for tries in itertools.count():
            found = names.person_name(rng)
            if tries > 20:
                found = (found[0], f"{found[1]}-{names.person_name(rng)[1]}")
            if found not in self.taken:
                self.taken.add(found)
                return found
        raise AssertionError("unreachable")


CLOSE_BIRTHS = 400  # days


def _similar(one: str, other: str) -> bool:
    return bool(one and other) and SequenceMatcher(None, one, other).ratio() >= 0.75


def _entity(key: str, v: Victim, on: date, rng: random.Random) -> dict[str, Any]:
    entity: dict[str, Any] = {"key": key, "type": "person", "person_role": "potential_victim",
                              "nationality": v.nationality, "gender": v.gender}  # fmt: skip
    if v.named:
        entity.update(given_name=v.given, family_name=v.family,
                      date_of_birth=v.born.isoformat() if v.born else None)  # fmt: skip
    else:
        entity["estimated_age"] = rng.randint(13, 17) if v.minor else rng.randint(20, 40)
    if v.etype != "not_recorded":
        entity["exploitation_type"] = v.etype
        entity["exploitation_sub_types"] = list(v.subs)
    if v.reference:
        entity["nrm_reference"] = v.reference
    return {k: value for k, value in entity.items() if value not in (None, "")}


def _report(n: int, victims: list[Victim], on: date, rng: random.Random) -> dict[str, Any]:
    organisation, kind = _SOURCES[n % len(_SOURCES)]
    conditions = rng.random() < 0.1
    operation = victims[0].operation
    report: dict[str, Any] = {
        "organisation": organisation, "source_kind": kind,
        "officer": names.officer_name(rng),
        "received_date": min(on + timedelta(days=rng.randint(0, 14)), DEMO_TODAY).isoformat(),
        "events_date": on.isoformat(),
        "source_evaluation": rng.choice("1122223"),
        "intelligence_assessment": rng.choice("AABBBCCD"),
        "handling_code": "C" if conditions else "P",
        "handling_conditions": ["nca-ukhtc"] if conditions else [],
        "narrative": _OPERATION_TEXT if operation else _NARRATIVES[victims[0].etype],
        "operation": operation or None,
    }  # fmt: skip
    report["entities"] = [_entity(f"v{i + 1}", v, on, rng) for i, v in enumerate(victims)]
    return {k: value for k, value in report.items() if value not in (None, [])}


def _identities(victims: list[Victim], people: _Names, rng: random.Random) -> None:
    for v in victims:
        v.gender = v.gender or _gender(rng, v.etype)
        if v.named and not v.family:
            v.given, v.family = people.new(rng)


def _year_reports(year: int, resolved: Resolved, people: _Names) -> list[dict[str, Any]]:
    rng = random.Random(f"open-nrm-demo/assessment/{year}")
    base, persons = _baseline(resolved, year)
    existing = [e for e in resolved.encounters if e.source == INTELLIGENCE and e.year == year]
    dups = _duplicates(year, persons, rng)
    new = _new(year, base, rng)
    _types(year, new, persons, existing, dups, rng)
    for v in new:
        v.named = bool(v.operation) or rng.random() >= 0.1
    _identities(new, people, rng)
    groups: list[tuple[list[Victim], date]] = []
    operation = [v for v in new if v.operation]
    if operation:
        groups.append((operation, _day(year, rng)))
    rest = [v for v in new if not v.operation] + dups
    rng.shuffle(rest)
    while rest:
        size = rng.choice((1, 1, 2, 2, 3, 4))
        groups.append((rest[:size], _day(year, rng)))
        rest = rest[size:]
    for members, on in groups:
        for v in members:
            if v.named and v.born is None:
                born = _birth(on, v.minor, rng)
                while people.alike(v, born):  # another name and date of birth
                    v.given, v.family = people.new(rng)
                    born = _birth(on, v.minor, rng)
                v.born = born
                people.add(v)
    # Some adults a second report names again, their given name spelt differently.
    twice = [
        v for v in new if v.named and not v.minor and v.etype in ("labour", "domestic_servitude")
    ]
    for v in twice[: plan.REPEATED[year]]:
        again = Victim(v.nationality, False, v.etype, list(v.subs), True, respelt(v.given, 1),
                       v.family, v.born, v.gender)  # fmt: skip
        groups.append(([again], _day(year, rng)))
    return [_report(n, members, on, rng) for n, (members, on) in enumerate(groups)]


def demo_assessment_intelligence() -> int:
    """Record the demo intelligence of the strategic assessment; return how many reports (none
    without the demo referrals of those years, which it completes)."""
    if not Referral.objects.filter(referral_date__year__in=YEARS).exists():
        return 0
    resolved = people_resolved(years=YEARS)
    people = _Names()
    reports = [r for year in YEARS for r in _year_reports(year, resolved, people)]
    known = Organisations()
    with transaction.atomic():
        for data in reports:
            checked = intelligence_report_check(data, own=None, known=known, today=DEMO_TODAY)
            if isinstance(checked, list):
                raise plan.PlanImpossible("; ".join(f"{e.field}: {e.message}" for e in checked))
            intelligence_report_save(actor=DEMO, checked=checked,
                                     verb=AuditVerb.INTELLIGENCE_SUBMIT, door="demo")  # fmt: skip
    return len(reports)
