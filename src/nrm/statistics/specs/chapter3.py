"""Chapter 3: referrals since the NRM began (Tables 22-25), over the report year and the three
years before it."""

from nrm.standard.codes import AgeGroup
from nrm.statistics.specs.model import NO_POSITION_NOTE, Spec

_FOUR_YEARS = (-3, -2, -1, 0)
_YEAR = "referral_year"
_ADULTS = (("age_group", (AgeGroup.ADULT.value,)),)
_MINORS = (("age_group", (AgeGroup.MINOR.value,)),)

CHAPTER_3: tuple[Spec, ...] = (
    Spec(
        id="t22",
        number="Table 22",
        title="Adults and children referred, by year",
        rows=("age_group",),
        columns=(_YEAR,),
        years=_FOUR_YEARS,
        total_row=True,
        total_column=True,
        chart="bar",
        notes="The NRM began on 1 April 2009: 2009 covers April to December only.",
    ),
    Spec(
        id="t23",
        number="Table 23",
        title="Top ten countries of origin of adults, four years combined",
        rows=("nationality",),
        columns=(_YEAR,),
        years=_FOUR_YEARS,
        where=_ADULTS,
        total_column=True,
        top=10,
        top_by="total",
        positions=True,
        notes=NO_POSITION_NOTE,
    ),
    Spec(
        id="t24",
        number="Table 24",
        title="Top ten countries of origin of adults, each year",
        rows=(_YEAR, "nationality"),
        years=_FOUR_YEARS,
        where=_ADULTS,
        top=10,
        top_within=_YEAR,
        positions=True,
    ),
    Spec(
        id="t25",
        number="Table 25",
        title="Top ten countries of origin of children, four years combined",
        rows=("nationality",),
        columns=(_YEAR,),
        years=_FOUR_YEARS,
        where=_MINORS,
        total_column=True,
        top=10,
        top_by="total",
        positions=True,
        notes=NO_POSITION_NOTE,
    ),
)
