"""The chapter 4 tables of a year, counted on the extracts of the case store's prosecutions and
asset recovery with the statistics engine; registered with the report as a section
(``nrm.statistics.sections``) by the composition root."""

from nrm.justice.extract import charges_table, recoveries_table
from nrm.justice.specs import CHARGE_SPECS, RECOVERY_SPECS
from nrm.statistics.engine import backend_connect, referrals_table, specs_evaluate
from nrm.statistics.result import Result
from nrm.statistics.sections import Section

SECTION_ID = "justice"


def justice_tables(year: int) -> list[Result]:
    """Tables 11 to 17 and the cash seizures' Table 19 for the report ``year``."""
    con = backend_connect()
    charges = referrals_table(con, charges_table(), name="charges")
    recoveries = referrals_table(con, recoveries_table(), name="recoveries")
    return [
        *specs_evaluate(CHARGE_SPECS, charges, year=year),
        *specs_evaluate(RECOVERY_SPECS, recoveries, year=year),
    ]


SECTION = Section(
    id=SECTION_ID, title="Prosecutions, convictions and asset recovery", evaluate=justice_tables
)
