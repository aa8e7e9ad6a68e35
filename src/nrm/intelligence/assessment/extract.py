"""The assessment extract: every encounter with a potential victim in a year and the year
before (NRM referrals, and potential victims named by intelligence reports), resolved into
people (``nrm.intelligence.resolution``), as one pseudonymised table the statistics engine
counts.

The table holds rows of four units, each spec selecting one (``unit``): ``person`` (a resolved
person in a year, ``rules.person_year``), ``exploitation`` (a person and one type of
exploitation), ``labour`` (a person and one labour sub-type) and ``encounter`` (a mention in an
intelligence report, for the figures the assessment gives per encounter). No name, date of
birth or reference is in it: a person is a keyed hash (``NRM_EXTRACT_KEY``) of their resolved
cluster, which stands for nobody outside one extract's key.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
from django.db.models import Q

from nrm.intelligence.assessment.rules import (
    INTELLIGENCE,
    NOT_RECORDED,
    NRM,
    Encounter,
    PersonYear,
    person_year,
)
from nrm.intelligence.models import Entity
from nrm.intelligence.people import (
    Pair,
    known_pairs,
    mention_date,
    mention_person_record,
    referral_person_record,
    referrals_in,
    victims_in,
)
from nrm.intelligence.resolution import PersonRecord, people_resolve
from nrm.intelligence.resolution.stored import model_stored
from nrm.intelligence.review import decided_pairs
from nrm.standard.nationality import nationality_key
from nrm.standard.rules import age_group_at_exploitation
from nrm.statistics.extract import extract_key, nationality_counted, nationality_parts, pseudonym

COLUMNS: dict[str, tuple[pa.DataType, str]] = {
    "unit": (pa.string(), "what a row counts: `person`, `exploitation`, `labour` or `encounter`"),
    "person": (pa.string(), "keyed hash (HMAC-SHA256, NRM_EXTRACT_KEY) of the resolved person"),
    "referral_year": (pa.int16(), "the calendar year the person was encountered"),
    "age_group": (pa.string(), "age group at the time of exploitation (`adult` / `minor`)"),
    "nationality": (pa.string(), "the nationality counted (as in the NRM statistics)"),
    "exploitation_type": (pa.string(), "exploitation type (code; `not_recorded` if none)"),
    "exploitation_sub_type": (
        pa.string(),
        "labour sub-type, or an encounter's first sub-type (code; empty: not recorded)",
    ),
    "operation": (
        pa.string(),
        "encounters: keyed hash of the operation the intelligence comes from (its name is "
        "the report's free text)",
    ),
    "source": (pa.string(), "persons: known to the `nrm`, to `intelligence`, or `both`"),
}
OPERATION_CHARACTERS = 12  # of an operation's keyed hash: enough to tell operations apart
SCHEMA = pa.schema([pa.field(name, kind) for name, (kind, _meaning) in COLUMNS.items()])


@dataclass(frozen=True)
class Assessment:
    """The extract of ``year`` and the resolution behind it, in numbers."""

    year: int
    table: pa.Table
    records: int  # encounters read
    people: int  # resolved people, over both years
    review: int  # pairs resolution left for an analyst, not yet decided


def _referral_encounter(referral: Any) -> Encounter:
    parts = nationality_parts(
        (n.country, n.basis, n.certainty)
        for n in sorted(referral.nationalities.all(), key=lambda n: (n.position, n.pk))
    )
    return Encounter(
        record_id=referral_person_record(referral).record_id,
        source=NRM,
        on=referral.referral_date,
        nationality=nationality_counted(parts),
        age_group=referral.age_group or None,
        exploitation_type=referral.exploitation_type or NOT_RECORDED,
        sub_types=tuple(referral.exploitation_sub_types or ()),
    )


def _mention_encounter(entity: Entity) -> Encounter:
    on = mention_date(entity)
    group = age_group_at_exploitation(
        referral_date=on, date_of_birth=entity.date_of_birth, estimated_age=entity.estimated_age
    )
    return Encounter(
        record_id=mention_person_record(entity).record_id,
        source=INTELLIGENCE,
        on=on,
        nationality=nationality_key([entity.nationality], None, None)
        if entity.nationality
        else None,
        age_group=group.value if group is not None else None,
        exploitation_type=entity.exploitation_type or NOT_RECORDED,
        sub_types=tuple(entity.exploitation_sub_types or ()),
        operation=entity.report.operation,
    )


def encounters_gather(
    years: Iterable[int], reports: Q | None = None
) -> tuple[list[PersonRecord], list[Encounter], list[Pair]]:
    """The person records, encounters and report-stated pairs of ``years``: every referral and
    every potential victim named by the reports ``reports`` selects (every report when None)."""
    wanted = list(years)
    referrals = referrals_in(wanted)
    victims = victims_in(Q() if reports is None else reports, wanted)
    records = [referral_person_record(r) for r in referrals]
    records += [mention_person_record(e) for e in victims]
    encounters = [_referral_encounter(r) for r in referrals]
    encounters += [_mention_encounter(e) for e in victims]
    return records, encounters, known_pairs(victims)


def people_years(encounters: Sequence[Encounter], clusters: dict[str, str]) -> list[PersonYear]:
    """Each resolved person in each year they were encountered (``rules.person_year``)."""
    grouped: dict[tuple[str, int], list[Encounter]] = defaultdict(list)
    for encounter in encounters:
        grouped[(clusters[encounter.record_id], encounter.year)].append(encounter)
    return [person_year(person, year, found) for (person, year), found in sorted(grouped.items())]


def _rows(people: Sequence[PersonYear], encounters: Sequence[Encounter],
          clusters: dict[str, str], key: bytes) -> dict[str, list[Any]]:  # fmt: skip
    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}

    def add(**values: Any) -> None:
        for name in COLUMNS:
            columns[name].append(values.get(name))

    hashed: dict[str, str] = {}

    def who(cluster: str) -> str:
        if cluster not in hashed:
            hashed[cluster] = pseudonym(cluster, key)
        return hashed[cluster]

    for p in people:
        common = {"person": who(p.person), "referral_year": p.year, "age_group": p.age_group,
                  "nationality": p.nationality}  # fmt: skip
        add(unit="person", source=p.sources, **common)
        for etype in p.exploitation_types:
            add(unit="exploitation", exploitation_type=etype, **common)
        for sub in p.labour_sub_types:
            add(unit="labour", exploitation_type="labour",
                exploitation_sub_type=None if sub == NOT_RECORDED else sub, **common)  # fmt: skip
    for e in encounters:
        if e.source != INTELLIGENCE:
            continue
        add(unit="encounter", person=who(clusters[e.record_id]), referral_year=e.year,
            age_group=e.age_group, nationality=e.nationality or "Unknown",
            exploitation_type=e.exploitation_type,
            exploitation_sub_type=e.sub_types[0] if e.sub_types else None,
            operation=pseudonym(e.operation, key)[:OPERATION_CHARACTERS] if e.operation else None,
            source=INTELLIGENCE)  # fmt: skip
    return columns


@dataclass(frozen=True)
class Resolved:
    """Encounters of some years, the resolved person (cluster) of each, and the resolution's
    numbers."""

    encounters: list[Encounter]
    clusters: dict[str, str]  # record id -> cluster id (the smallest record id in it)
    records: int
    review: int

    def people(self) -> list[PersonYear]:
        return people_years(self.encounters, self.clusters)


def people_resolved(
    *,
    years: Iterable[int],
    accepted: Iterable[Pair] = (),
    rejected: Iterable[Pair] = (),
    reports: Q | None = None,
) -> Resolved:
    """The encounters of ``years`` resolved into people by the stored model
    (``resolution.stored``: one or two years of records hold too few duplicates to train one),
    with the pairs reports state and analysts accepted in the review queue (and ``accepted``)
    taken as one person, and those they rejected (and ``rejected``) kept apart."""
    records, encounters, known = encounters_gather(years, reports)
    decided_accepted, decided_rejected = decided_pairs()
    accepted = [*decided_accepted, *accepted]
    rejected = [*decided_rejected, *rejected]
    if len(records) < 2:
        clusters = {r.record_id: r.record_id for r in records}
        return Resolved(encounters, clusters, len(records), 0)
    resolution = people_resolve(records=records, model=model_stored(),
                                accepted=[*known, *accepted], rejected=rejected)  # fmt: skip
    frame = resolution.clusters
    clusters = dict(zip(frame["record_id"], frame["cluster_id"], strict=True))
    return Resolved(encounters, clusters, len(records), len(resolution.review))


def assessment_build(
    *,
    year: int,
    accepted: Iterable[Pair] = (),
    rejected: Iterable[Pair] = (),
    reports: Q | None = None,
) -> Assessment:
    """The assessment extract of ``year`` (and the year before, for the changes): the
    encounters resolved into people (``people_resolved``) and counted by
    ``rules.person_year``."""
    key = extract_key()
    resolved = people_resolved(
        years=(year - 1, year), accepted=accepted, rejected=rejected, reports=reports
    )
    people = resolved.people()
    table = pa.table(_rows(people, resolved.encounters, resolved.clusters, key), schema=SCHEMA)
    return Assessment(
        year=year,
        table=table,
        records=resolved.records,
        people=len(set(resolved.clusters.values())),
        review=resolved.review,
    )
