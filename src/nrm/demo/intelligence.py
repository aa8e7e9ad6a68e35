"""A handful of demo intelligence reports (2012), so that the intelligence pages show something:
reports from a police force, Border Force, the UKHTC and an NGO, graded differently, some shared
only on conditions, naming fictional people, groups, places, phones, vehicles and businesses.
Two people are the subjects of demo NRM referrals, so an analyst can follow them to the NRM
record. The group uses the phone the car wash's controller uses, so the group's network (its
link chart) joins the two reports. Written through the intelligence service, like every door."""

from typing import Any

from nrm.accounts.actors import DEMO
from nrm.cases.models import Referral
from nrm.demo.generator import DEMO_TODAY
from nrm.intelligence.services import intelligence_report_submit

_CAR_WASH = {
    "organisation": "met-police",
    "source_kind": "police_force",
    "officer": "DC Demo Example",
    "received_date": "2012-03-12",
    "events_date": "2012-03-01",
    "source_evaluation": "2",
    "intelligence_assessment": "B",
    "handling_code": "P",
    "narrative": "A member of the public reports young men driven each morning to a hand car wash "
    "and collected late at night. They do not appear to be paid and sleep above the premises.",
    "entities": [
        {"key": "e1", "type": "person", "person_role": "suspect", "given_name": "Demo",
         "family_name": "Controller", "gender": "male", "nationality": "ALB"},
        {"key": "e2", "type": "person", "person_role": "potential_victim"},
        {"key": "e3", "type": "location", "address": "Unit 4, Example Trading Estate, London",
         "postcode": "E1 6AN", "premises_type": "car_wash"},
        {"key": "e4", "type": "vehicle", "vehicle_registration": "AB12 CDE"},
        {"key": "e5", "type": "phone", "phone": "07911 123456"},
    ],
    "links": [
        {"from_key": "e1", "to_key": "e2", "type": "controls", "confidence": "unconfirmed"},
        {"from_key": "e2", "to_key": "e3", "type": "exploited_at", "confidence": "confirmed"},
        {"from_key": "e1", "to_key": "e4", "type": "uses_vehicle", "confidence": "confirmed"},
        {"from_key": "e1", "to_key": "e5", "type": "uses_phone", "confidence": "tentative"},
    ],
}  # fmt: skip

_OCG = {
    "organisation": "nca-ukhtc",
    "source_kind": "ukhtc",
    "officer": "Analyst Demo",
    "received_date": "2012-05-02",
    "source_evaluation": "1",
    "intelligence_assessment": "A",
    "handling_code": "C",
    "handling_conditions": ["nca-ukhtc", "met-police"],
    "narrative": "A group recruits women abroad with offers of work and moves them between "
    "rented flats used as brothels; members also launder the proceeds through a nail bar.",
    "entities": [
        {"key": "g", "type": "ocg", "ocg_name": "Demo Group One", "ocg_nationality": "mixed",
         "ocg_activities": ["trafficking_sexual", "money_laundering", "immigration_crime"]},
        {"key": "m", "type": "person", "person_role": "suspect", "given_name": "Demo",
         "family_name": "Recruiter", "gender": "female"},
        {"key": "v", "type": "person", "person_role": "potential_victim"},
        {"key": "f", "type": "location", "address": "Flat 2, 10 Sample Street, Birmingham",
         "postcode": "B1 1AA", "premises_type": "brothel"},
        {"key": "b", "type": "business", "business_name": "Demo Nails Ltd",
         "company_number": "01234567"},
        {"key": "ph", "type": "phone", "phone": "+44 7911 123456"},
    ],
    "links": [
        {"from_key": "m", "to_key": "g", "type": "member_of", "confidence": "confirmed"},
        {"from_key": "v", "to_key": "m", "type": "recruited_by", "confidence": "confirmed"},
        {"from_key": "v", "to_key": "f", "type": "exploited_at", "confidence": "unconfirmed"},
        {"from_key": "g", "to_key": "b", "type": "owns", "confidence": "tentative"},
        {"from_key": "g", "to_key": "ph", "type": "uses_phone", "confidence": "unconfirmed"},
    ],
}  # fmt: skip

_PORT = {
    "organisation": "home-office-border-force",
    "source_kind": "border_force",
    "officer": "BFO Demo",
    "received_date": "2012-07-19",
    "events_date": "2012-07-18",
    "source_evaluation": "2",
    "intelligence_assessment": "C",
    "handling_code": "P",
    "narrative": "Two young travellers arriving together could not say where they would stay; "
    "a man waiting for them left the arrivals hall when officers approached.",
    "entities": [
        {"key": "p1", "type": "person", "person_role": "potential_victim", "estimated_age": 16,
         "gender": "female", "nationality": "VNM"},
        {"key": "p2", "type": "person", "person_role": "associate", "gender": "male"},
        {"key": "l", "type": "location", "address": "Arrivals hall, Example Airport",
         "premises_type": "port"},
    ],
    "links": [
        {"from_key": "p1", "to_key": "p2", "type": "moved_by", "confidence": "tentative"},
    ],
}  # fmt: skip

_FARM = {
    "organisation": "west-midlands-police",
    "source_kind": "ngo",
    "officer": "PC Demo Farm",
    "received_date": "2012-09-03",
    "source_evaluation": "3",
    "intelligence_assessment": "D",
    "handling_code": "P",
    "narrative": "An outreach worker heard that workers at a farm hand their wages to a gang "
    "master who also controls a cannabis factory nearby. Not yet corroborated.",
    "entities": [
        {"key": "gm", "type": "person", "person_role": "suspect", "family_name": "Sampleman"},
        {"key": "farm", "type": "location", "postcode": "WR1 1AA", "premises_type": "farm"},
        {"key": "cf", "type": "location", "postcode": "WR2 2BB",
         "premises_type": "cannabis_factory"},
        {"key": "ph", "type": "phone", "phone": "+40 712 345 678"},
    ],
    "links": [
        {"from_key": "gm", "to_key": "farm", "type": "controls", "confidence": "tentative"},
        {"from_key": "gm", "to_key": "cf", "type": "controls", "confidence": "tentative"},
        {"from_key": "gm", "to_key": "ph", "type": "uses_phone", "confidence": "unconfirmed"},
    ],
}  # fmt: skip

DEMO_REPORTS: tuple[dict[str, Any], ...] = (_CAR_WASH, _OCG, _PORT, _FARM)


def _subject(report: dict[str, Any], key: str, referral: Referral) -> None:
    """Make the person ``key`` of ``report`` the subject of the demo referral ``referral``."""
    person = referral.person
    for entity in report["entities"]:
        if entity["key"] == key:
            entity.update(
                nrm_reference=referral.reference,
                given_name=person.given_name or None,
                family_name=person.family_name or None,
                gender=person.gender,
            )


def demo_intelligence_create() -> int:
    """Record the demo reports (two of their victims linked to the first demo referrals of 2012
    in London, when there are any); return how many."""
    reports = [{**report, "entities": [dict(e) for e in report["entities"]]}
               for report in DEMO_REPORTS]  # fmt: skip
    subjects = list(
        Referral.objects.filter(
            police_region="london", referral_date__year=2012, person__isnull=False
        )
        .select_related("person")
        .order_by("id")[:2]
    )
    for report, key, referral in zip(reports[:2], ("e2", "v"), subjects, strict=False):
        _subject(report, key, referral)
    for report in reports:
        intelligence_report_submit(actor=DEMO, data=report, today=DEMO_TODAY, door="demo")
    return len(reports)
