"""The strategic assessment's tables and figures, declared as specs on the statistics engine
(``nrm.statistics.specs.model.Spec``) over the assessment extract (``extract``). Each spec
counts one unit of the extract: people, instances of exploitation, labour sub-types or
encounters reported in intelligence."""

from nrm.standard.codes import AgeGroup, ExploitationType
from nrm.statistics.specs.model import Spec

_PEOPLE = ("unit", ("person",))
_MINORS = ("age_group", (AgeGroup.MINOR.value,))
_YEAR = "referral_year"
_NOTE = (
    "Potential victims known to the NRM or reported in intelligence, each person counted once "
    "a year however often they were referred or reported (see the methodology note)."
)

ASSESSMENT: tuple[Spec, ...] = (
    Spec(
        id="sa_people",
        number="Figure A",
        title="Potential victims, adults and children, on the year before",
        rows=("age_group",),
        columns=(_YEAR,),
        years=(-1, 0),
        where=(_PEOPLE,),
        total_row=True,
        share=True,
        change=True,
        counted="Potential victims",
        notes=_NOTE + " Paragraph 1.27.",
    ),
    Spec(
        id="fig08",
        number="Fig. 8",
        title="Top ten nationalities of potential victims, on the year before",
        rows=("nationality",),
        columns=(_YEAR,),
        years=(-1, 0),
        where=(_PEOPLE,),
        change=True,
        top=10,
        chart="bar",
        counted="Potential victims",
        notes=_NOTE + " Paragraph 1.24.",
    ),
    Spec(
        id="fig09",
        number="Fig. 9",
        title="Instances of exploitation, by type",
        rows=("exploitation_type",),
        where=(("unit", ("exploitation",)),),
        total_row=True,
        chart="bar",
        counted="Instances of exploitation",
        notes="A person exploited in more than one way is an instance of each; Not recorded: "
        "no referral or report of the person in the year says how. Paragraph 1.25.",
    ),
    Spec(
        id="fig10",
        number="Fig. 10",
        title="Labour exploitation, by sub-type",
        rows=("exploitation_sub_type",),
        where=(("unit", ("labour",)),),
        total_row=True,
        chart="bar",
        counted="Potential victims of labour exploitation",
        notes="People exploited for labour, once for each sub-type recorded in the year; Not "
        "recorded: none was.",
    ),
    Spec(
        id="t10",
        number="Table 10",
        title="Top ten countries of origin of potential victims who were minors, on the year "
        "before",
        rows=("nationality",),
        columns=(_YEAR,),
        years=(-1, 0),
        where=(_PEOPLE, _MINORS),
        change=True,
        top=10,
        positions=True,
        counted="Potential victims",
        notes=_NOTE + " Minors: under 18 when the exploitation began. Paragraph 1.28.",
    ),
    Spec(
        id="sa_sexual_settings",
        number="Table B",
        title="Encounters with potential victims of sexual exploitation reported in "
        "intelligence, by setting",
        rows=("exploitation_sub_type",),
        where=(("unit", ("encounter",)), ("exploitation_type", (ExploitationType.SEXUAL.value,))),
        total_row=True,
        share=True,
        counted="Encounters",
        notes="Every report of an encounter counts, adults and children; a setting is the "
        "first sub-type the report records. Paragraph 3.15.",
    ),
    Spec(
        id="sa_operations",
        number="Table C",
        title="Potential victims reported in intelligence from named operations, by nationality",
        rows=("operation", "nationality"),
        where=(("unit", ("encounter",)),),
        counted="Encounters",
        notes="Encounters in reports that name the operation they come from. Paragraph 1.24.",
    ),
)

BY_ID = {spec.id: spec for spec in ASSESSMENT}
