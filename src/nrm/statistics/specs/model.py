"""What a table spec declares. The engine (``nrm.statistics.engine``) evaluates any spec."""

import calendar
from dataclasses import dataclass

from django.db import models

from nrm.standard import border_codes as bc
from nrm.standard import codes
from nrm.standard import justice_codes as jc
from nrm.standard.intelligence_codes import OcgActivity

# The code list behind each coded extract column: labels come from the data standard.
CODE_LISTS: dict[str, type[models.TextChoices]] = {
    "nation": codes.Nation,
    "police_region": codes.PoliceRegion,
    "exploitation_region": codes.ExploitationRegion,
    "exploitation_type": codes.ExploitationType,
    "gender": codes.Gender,
    "age_group": codes.AgeGroup,
    "competent_authority": codes.CompetentAuthority,
    "first_responder_type": codes.FirstResponderType,
    "rg_outcome": codes.DecisionOutcome,
    "cg_outcome": codes.DecisionOutcome,
    "exploitation_sub_type": codes.ExploitationSubType,
    "ocg_activity": OcgActivity,  # the OCG extract of nrm.intelligence.ocg_tables
    "ocg_trafficking": OcgActivity,
    # the prosecutions' and asset recovery's extracts of nrm.justice.extract
    "offence_category": jc.OffenceCategory,
    "purpose": jc.OffenceCategory,
    "offence": jc.Offence,
    "outcome": jc.ChargeOutcome,
    "jurisdiction": jc.Jurisdiction,
    "court_nation": codes.Nation,
    "recovery": jc.RecoveryMeasure,
    "principal": jc.Principal,
    "kind": jc.RecoveryKind,
    "authority": jc.ProsecutingAuthority,
    "support_region": codes.SupportRegion,  # the support extract (``support_extract``)
    "hit_review": bc.HitReview,
    "hit_outcome": bc.HitOutcome,  # the risk profiles' hits extract (``nrm.border.profile_tables``)
}

# Year columns that hold another kind of year than the calendar's, by the first calendar year of
# each: how a year is written (2011 -> "2011-12", the financial year from 1 April 2011; 2012 ->
# "1 July 2012 to 30 June 2013", the Salvation Army's contract year). ``next`` is the next
# year's last two digits, ``following`` the next year in full.
PERIOD_LABELS: dict[str, str] = {
    "financial_year": "{year}-{next:02d}",
    "support_year": "1 July {year} to 30 June {following}",
}


# Columns that hold a month as "YYYY-MM", written "March 2012".
MONTH_COLUMNS: frozenset[str] = frozenset({"hit_month"})


def month_label(value: str) -> str:
    """A month held as "YYYY-MM" as tables write it ("2012-03": "March 2012")."""
    year, month = value.split("-")
    return f"{calendar.month_name[int(month)]} {year}"


def period_label(column: str, year: int) -> str:
    """A year of the year column ``column`` as tables write it."""
    pattern = PERIOD_LABELS.get(column)
    if pattern is None:
        return str(year)
    return pattern.format(year=year, next=(year + 1) % 100, following=year + 1)


# Notes of the tables the counting rules concern (docs/statistics.md, "the counting rules").
ISLE_OF_MAN_IN_ENGLAND = "The Isle of Man is counted in England."
NO_POSITION_NOTE = "A country with no referrals in a year has no position in it (N/A)."

# An extract column that says what a row counts, in extracts with rows of several kinds.
UNIT = "unit"

DIMENSION_LABELS: dict[str, str] = {
    "nation": "UK country",
    "police_region": "Police region or country of presentation",
    "exploitation_region": "Region or country of exploitation",
    "exploitation_type": "Exploitation type",
    "gender": "Gender",
    "age_group": "Age group",
    "nationality": "Nationality",
    "competent_authority": "Competent authority",
    "first_responder_type": "First responder type",
    "rg_outcome": "Reasonable grounds decision",
    "cg_outcome": "Conclusive grounds decision",
    "referral_year": "Year",
    "referral_quarter": "Quarter",
    "linked_immigration_interest": "Linked immigration interest",
    "exploitation_sub_type": "Where or how",
    "operation": "Operation",
    "offence_category": "Offence",
    "purpose": "Offence",
    "offence": "Offence",
    "outcome": "Outcome",
    "jurisdiction": "Jurisdiction",
    "court_nation": "Country of the court",
    "authority": "Prosecuting authority",
    "financial_year": "Financial year",
    "outcome_year": "Year",
    "recovery": "Cash seizures",
    "support_region": "Support region",
    "hit_month": "Month",
    "hit_review": "Review",
    "hit_outcome": "Outcome",
}


@dataclass(frozen=True)
class Spec:
    """One table or figure, declared.

    ``rows`` and ``columns`` are extract columns: the measure (referrals counted) is broken down
    by the rows and pivoted by the columns. ``years`` are offsets from the report year
    (``(-1, 0)``: the previous year and the report year). ``where`` keeps rows whose column holds
    one of the codes given. Comparisons: ``share`` (% of the column total), ``change`` (% change
    of the last year column on the one before). Ranking: ``top`` keeps the rows ranked ``top`` or
    better (ties kept) by the last column (``top_by="last"``) or the row total
    (``top_by="total"``), within each value of ``top_within`` when given; ``positions`` adds each
    row's rank in every column, among all rows. ``decimals`` rounds percentages (half away from
    zero). ``year_column`` is the extract column the years are read from (another extract than
    the referrals' names its own). ``measure`` sums that extract column instead of counting
    rows; ``money`` names the values of the last column dimension whose sums are amounts in
    pence, shown in pounds; each follows the column counting the same records, and public
    outputs show an amount only where that count is shown.
    ``fixed_rows`` are listed first, in that order, even with nothing counted (a published
    table's rows of nil); rows found beyond them follow. ``fixed_columns`` the same for columns.
    """

    id: str
    number: str
    title: str
    rows: tuple[str, ...]
    columns: tuple[str, ...] = ()
    years: tuple[int, ...] = (0,)
    where: tuple[tuple[str, tuple[str, ...]], ...] = ()
    total_row: bool = False
    total_column: bool = False
    share: bool = False
    change: bool = False
    top: int | None = None
    top_by: str = "last"
    top_within: str | None = None
    positions: bool = False
    decimals: int = 0
    chart: str | None = None
    notes: str = ""
    counted: str = "Referrals"  # what one row of the extract is, in the table's description
    year_column: str = "referral_year"
    measure: str | None = None
    money: tuple[str, ...] = ()
    fixed_rows: tuple[tuple[str, ...], ...] = ()
    fixed_columns: tuple[tuple[str, ...], ...] = ()

    @property
    def is_figure(self) -> bool:
        return self.number.startswith("Fig")

    def year_range(self, year: int) -> list[int]:
        return [year + offset for offset in self.years]
