"""The people the case store and intelligence record, as person records for resolution
(``nrm.intelligence.resolution``): one for the person of each NRM referral and one for each
person an intelligence report names.

A record's id says where it comes from: ``referral:<id>`` or ``mention:<id>`` (the entity of the
report). A report that names the subject of an NRM referral says, itself, that the two records
are one person: ``known_pairs`` gives those pairs, which resolution takes as accepted. The
records hold personal data: they stay in the process that resolves them and never leave it
(extracts carry only pseudonymous ids and the counted facts).
"""

from collections.abc import Iterable
from datetime import date

from django.db.models import Q

from nrm.cases.models import Referral
from nrm.intelligence.models import Entity, IntelligenceReport, Link
from nrm.intelligence.resolution import PersonRecord
from nrm.standard.intelligence_codes import EntityType, LinkType, PersonRecordSource, PersonRole

REFERRAL = "referral"
MENTION = "mention"
Pair = tuple[str, str]


def record_id(kind: str, pk: int) -> str:
    """The record id of a referral's person (``REFERRAL``) or a report's person (``MENTION``)."""
    return f"{kind}:{pk}"


def record_parts(value: str) -> tuple[str, int]:
    """The kind and primary key a record id names; ``ValueError`` when it names neither."""
    kind, _, pk = value.partition(":")
    if kind not in (REFERRAL, MENTION) or not pk.isdigit():
        raise ValueError(f"not a person record id: {value!r}")
    return kind, int(pk)


def mention_date(entity: Entity) -> date:
    """When the person was encountered, by the report: its events' date, else when received."""
    report = entity.report
    return report.events_date or report.received_date


def referral_nationality(referral: Referral) -> str | None:
    """The nationality a referral's person record carries: the first claimed one, else the
    assessed one (with its nationalities loaded)."""
    found = sorted(
        referral.nationalities.all(), key=lambda n: (n.basis != "claimed", n.position, n.pk)
    )
    return found[0].country if found else None


def referral_person_record(referral: Referral) -> PersonRecord:
    """The person of a referral (with its person and nationalities loaded)."""
    person = getattr(referral, "person", None)
    return PersonRecord(
        record_id=record_id(REFERRAL, referral.pk),
        source=PersonRecordSource.REFERRAL.value,
        forenames=(person.given_name or None) if person else None,
        surname=(person.family_name or None) if person else None,
        date_of_birth=person.date_of_birth if person else None,
        estimated_age=person.estimated_age if person else None,
        age_estimated_on=referral.referral_date,
        gender=(person.gender or None) if person else None,
        nationality=referral_nationality(referral),
        encountered_on=referral.referral_date,
        region=referral.police_region or None,
    )


def mention_person_record(entity: Entity, phone: str | None = None) -> PersonRecord:
    """A person a report names (with its report loaded); ``phone``, the number the report
    says they use (``mention_phones``)."""
    when = mention_date(entity)
    return PersonRecord(
        record_id=record_id(MENTION, entity.pk),
        source=PersonRecordSource.INTELLIGENCE_REPORT.value,
        forenames=entity.given_name or None,
        surname=entity.family_name or None,
        date_of_birth=entity.date_of_birth,
        estimated_age=entity.estimated_age,
        age_estimated_on=when,
        gender=entity.gender or None,
        nationality=entity.nationality or None,
        encountered_on=when,
        phone=phone or None,
    )


def mention_phones(mentions: Iterable[Entity]) -> dict[int, str]:
    """The phone each person uses, by the report naming them: the number of the phone entity
    a ``uses_phone`` link of that report joins them to (the first link when there are several)."""
    wanted = {entity.pk for entity in mentions}
    found: dict[int, str] = {}
    links = Link.objects.filter(
        type=LinkType.USES_PHONE, from_entity__in=wanted, to_entity__type=EntityType.PHONE
    ).order_by("pk")
    for person, phone in links.values_list("from_entity_id", "to_entity__phone"):
        if phone:
            found.setdefault(person, phone)
    return found


def referrals_in(years: Iterable[int] | None = None) -> "list[Referral]":
    """The referrals of ``years`` (every year when None), with what their records need."""
    found = Referral.objects.select_related("person").prefetch_related("nationalities")
    if years is not None:
        found = found.filter(referral_date__year__in=list(years))
    return list(found.order_by("pk"))


def victims_in(reports: Q, years: Iterable[int] | None = None) -> list[Entity]:
    """The potential victims named by the reports ``reports`` selects, encountered in
    ``years`` (every year when None)."""
    found = Entity.objects.select_related("report").filter(
        type=EntityType.PERSON, person_role=PersonRole.POTENTIAL_VICTIM
    )
    found = found.filter(report__in=IntelligenceReport.objects.filter(reports).values("pk"))
    if years is None:
        return list(found.order_by("pk"))
    wanted = set(years)
    return [e for e in found.order_by("pk") if mention_date(e).year in wanted]


def people_in(reports: Q) -> list[Entity]:
    """Every person (victim, suspect or associate) named by the reports ``reports`` selects."""
    found = Entity.objects.select_related("report").filter(type=EntityType.PERSON)
    found = found.filter(report__in=IntelligenceReport.objects.filter(reports).values("pk"))
    return list(found.order_by("pk"))


def known_pairs(mentions: Iterable[Entity]) -> list[Pair]:
    """The pairs a report itself says are one person: a person it names and the subject of the
    NRM referral it gives for them."""
    return [
        (record_id(MENTION, e.pk), record_id(REFERRAL, e.referral_id))
        for e in mentions
        if e.referral_id is not None
    ]
