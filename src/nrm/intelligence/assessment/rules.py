"""What a resolved person counts as in a year: the one rule the assessment applies.

A person is counted in a year when at least one of their encounters (a referral, or a mention
as a potential victim in an intelligence report) falls in it. Within that year:

- **nationality and age group**: those of their latest NRM referral of the year, which a first
  responder recorded with the person in front of them and a competent authority may have
  assessed; without one, those of the latest intelligence mention that records them; else
  unknown (nationality) and not recorded (age group);
- **exploitation**: every type recorded by any of their encounters in the year, each counted
  once (a person exploited in two ways is two instances, as Fig. 9 counts them); *not recorded*
  only when no encounter records a type;
- **labour exploitation sub-types**: every labour sub-type recorded in the year; *not recorded*
  for a person exploited for labour whose encounters record none.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from nrm.standard.codes import SUB_TYPE_PARENT, ExploitationType

NOT_RECORDED = ExploitationType.NOT_RECORDED.value
UNKNOWN_NATIONALITY = "Unknown"
NRM = "nrm"
INTELLIGENCE = "intelligence"


@dataclass(frozen=True)
class Encounter:
    """One record of a potential victim, as the assessment counts it (no personal data):
    ``nationality`` as the statistics count it (``standard.nationality.nationality_key``),
    ``age_group`` a code of ``standard.codes.AgeGroup`` or None when nothing tells."""

    record_id: str
    source: str  # NRM or INTELLIGENCE
    on: date
    nationality: str | None
    age_group: str | None
    exploitation_type: str
    sub_types: tuple[str, ...] = ()
    operation: str = ""

    @property
    def year(self) -> int:
        return self.on.year


@dataclass(frozen=True)
class PersonYear:
    """What a resolved person counts as in one year."""

    person: str
    year: int
    nationality: str
    age_group: str | None
    exploitation_types: tuple[str, ...]
    labour_sub_types: tuple[str, ...]
    sources: str  # "nrm", "intelligence" or "both"


def _latest(encounters: Sequence[Encounter], attribute: str) -> str | None:
    for source in (NRM, INTELLIGENCE):
        found = [e for e in encounters if e.source == source and getattr(e, attribute) is not None]
        if found:
            return str(getattr(max(found, key=lambda e: (e.on, e.record_id)), attribute))
    return None


def person_year(person: str, year: int, encounters: Sequence[Encounter]) -> PersonYear:
    """The rule of the module docstring, for a person's encounters in ``year``."""
    types = sorted({e.exploitation_type for e in encounters} - {NOT_RECORDED})
    labour = ExploitationType.LABOUR.value
    subs = sorted({s for e in encounters for s in e.sub_types if SUB_TYPE_PARENT.get(s) == labour})
    if labour in types and not subs:
        subs = [NOT_RECORDED]
    sources = {e.source for e in encounters}
    return PersonYear(
        person=person,
        year=year,
        nationality=_latest(encounters, "nationality") or UNKNOWN_NATIONALITY,
        age_group=_latest(encounters, "age_group"),
        exploitation_types=tuple(types or [NOT_RECORDED]),
        labour_sub_types=tuple(subs),
        sources="both" if len(sources) > 1 else next(iter(sources)),
    )
