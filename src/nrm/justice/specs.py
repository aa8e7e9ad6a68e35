"""The report's chapter 4 tables, declared as specs for the statistics engine over the
extracts of ``nrm.justice.extract``. Each says its counting basis in its notes; the two bases
of convictions (``rules.py``) are never mixed in one table.

For a report year Y, the tables by financial year show Y-1 to Y (2012: 2011-12 and 2012-13) and
the tables of convictions the calendar years up to Y, as the report of 2013 published them.
"""

from nrm.justice.extract import PRINCIPAL
from nrm.standard import justice_codes as jc
from nrm.standard.codes import Nation
from nrm.statistics.specs.model import Spec

_SEXUAL, _PROSTITUTION = jc.OffenceCategory.SEXUAL.value, jc.OffenceCategory.PROSTITUTION.value
_OTHER, _LABOUR = jc.OffenceCategory.OTHER_PURPOSES.value, jc.OffenceCategory.FORCED_LABOUR.value
_THREE = ((_SEXUAL,), (_OTHER,), (_LABOUR,))
_CONVICTED = ("outcome", (jc.ChargeOutcome.CONVICTED.value,))
_PRINCIPAL = ("principal", (PRINCIPAL,))
_ENGLAND, _WALES = Nation.ENGLAND.value, Nation.WALES.value
_ENGLAND_WALES = ("court_nation", (_ENGLAND, _WALES))

BY_CHARGE = (
    "One count for each offence charged, by the financial year (1 April to 31 March) of the "
    "date it was charged, whatever its outcome. "
)
PRINCIPAL_BASIS = (
    "Principal offence basis: one count for each defendant in each proceeding who was "
    "convicted, under the offence with the heaviest sentence (as the Ministry of Justice "
    "counts), by the calendar year of the conviction; a defendant whose heaviest sentence was "
    "for another offence is not counted here."
)
ALL_OFFENCES_BASIS = (
    "All-offence basis: one count for each offence that resulted in a conviction, by the "
    "calendar year of the conviction; a defendant convicted of several offences is counted "
    "once for each."
)


def _charged(number: str, spec_id: str, title: str, where: tuple[str, tuple[str, ...]],
             counted: str, notes: str) -> Spec:  # fmt: skip
    return Spec(
        id=spec_id,
        number=number,
        title=title,
        rows=("purpose",),
        columns=("financial_year",),
        years=(-1, 0),
        where=(where, ("purpose", (_SEXUAL, _OTHER, _LABOUR))),
        fixed_rows=_THREE,
        total_column=True,
        year_column="financial_year",
        counted=counted,
        notes=BY_CHARGE + notes,
    )


T11 = _charged(
    "Table 11",
    "t11",
    "Offences charged at magistrates' courts in England",
    ("court_nation", (_ENGLAND,)),
    "Offences charged",
    "Crown Prosecution Service prosecutions in the courts of England.",
)
T12 = _charged(
    "Table 12",
    "t12",
    "Offences charged at magistrates' courts in Wales",
    ("court_nation", (_WALES,)),
    "Offences charged",
    "Crown Prosecution Service prosecutions in the courts of Wales.",
)
T13 = _charged(
    "Table 13",
    "t13",
    "Decisions to prosecute in Northern Ireland",
    ("authority", (jc.ProsecutingAuthority.PPS.value,)),
    "Decisions to prosecute",
    "Decisions of the Public Prosecution Service for Northern Ireland to prosecute, counted "
    "by the date of the decision.",
)
T14 = _charged(
    "Table 14",
    "t14",
    "Decisions to prosecute in Scotland",
    ("authority", (jc.ProsecutingAuthority.COPFS.value,)),
    "Decisions to prosecute",
    "Decisions of the Crown Office and Procurator Fiscal Service to prosecute, counted by the "
    "date of the decision. Trafficking for prostitution (Criminal Justice (Scotland) Act 2003, "
    "section 22) is counted as trafficking for sexual exploitation.",
)
T15 = Spec(
    id="t15",
    number="Table 15",
    title="Convictions for trafficking offences in England and Wales, principal offence basis",
    rows=("purpose",),
    columns=("outcome_year",),
    years=(-3, -2, -1, 0),
    where=(_ENGLAND_WALES, _CONVICTED, _PRINCIPAL, ("purpose", (_SEXUAL, _OTHER))),
    fixed_rows=((_SEXUAL,), (_OTHER,)),
    total_row=True,
    total_column=True,
    year_column="outcome_year",
    counted="Defendants convicted",
    notes=PRINCIPAL_BASIS,
)
T16 = Spec(
    id="t16",
    number="Table 16",
    title="Convictions for trafficking offences in England and Wales, all-offence basis",
    rows=("purpose",),
    columns=("outcome_year",),
    years=(-3, -2, -1, 0),
    where=(_ENGLAND_WALES, _CONVICTED, ("purpose", (_SEXUAL, _OTHER, _LABOUR))),
    fixed_rows=_THREE,
    total_row=True,
    total_column=True,
    year_column="outcome_year",
    counted="Offences convicted",
    notes=ALL_OFFENCES_BASIS,
)
T17 = Spec(
    id="t17",
    number="Table 17",
    title="Convictions for trafficking offences in Scotland, principal offence basis",
    rows=("offence_category",),
    columns=("outcome_year",),
    years=(-2, -1, 0),
    where=(
        ("authority", (jc.ProsecutingAuthority.COPFS.value,)),
        _CONVICTED,
        _PRINCIPAL,
        ("offence_category", (_PROSTITUTION, _OTHER)),
    ),
    fixed_rows=((_PROSTITUTION,), (_OTHER,)),
    total_row=True,
    total_column=True,
    year_column="outcome_year",
    counted="People convicted",
    notes=PRINCIPAL_BASIS.replace("(as the Ministry of Justice counts)",
                                  "(as Scotland's criminal proceedings statistics count)"),
)  # fmt: skip
CHARGE_SPECS = (T11, T12, T13, T14, T15, T16, T17)

_MEASURES = tuple((m.value,) for m in jc.RecoveryMeasure)
T19 = Spec(
    id="t19-cash-seizures",
    number="Table 19",
    title="Cash seizures in trafficking cases",
    rows=("jurisdiction",),
    columns=("recovery",),
    where=(("kind", (jc.RecoveryKind.CASH_SEIZURE.value,)),),
    fixed_rows=tuple((j.value,) for j in jc.Jurisdiction),
    fixed_columns=_MEASURES,
    year_column="recovery_year",
    measure="amount",
    money=(jc.RecoveryMeasure.VALUE.value, jc.RecoveryMeasure.IN_COURT_VALUE.value),
    counted="Cash seizures",
    notes="Cash seized in the calendar year, by the jurisdiction of the prosecuting "
    "authority: how many seizures and their value, and of those the seizures still going "
    "through the court process and their value (the report gives these in footnotes).",
)
RECOVERY_SPECS = (T19,)

# The justice overview's tables (``/justice/``): every jurisdiction, five years to the year
# chosen, trafficking offences only, on the same extract and bases as the tables above.
OVERVIEW_YEARS = (-4, -3, -2, -1, 0)
_JURISDICTIONS = tuple((j.value,) for j in jc.Jurisdiction)
_TRAFFICKING = ("purpose", (_SEXUAL, _OTHER, _LABOUR))


def _overview(spec_id: str, title: str, year_column: str, counted: str, notes: str,
              *where: tuple[str, tuple[str, ...]]) -> Spec:  # fmt: skip
    return Spec(
        id=spec_id,
        number=counted,
        title=title,
        rows=("jurisdiction",),
        columns=(year_column,),
        years=OVERVIEW_YEARS,
        where=(*where, _TRAFFICKING),
        fixed_rows=_JURISDICTIONS,
        total_row=True,
        year_column=year_column,
        counted=counted,
        notes=notes,
    )


OVERVIEW_CHARGED = _overview(
    "justice-charged",
    "Trafficking offences charged or decided to be prosecuted, by financial year",
    "financial_year",
    "Offences charged",
    BY_CHARGE + "In Northern Ireland and Scotland, decisions to prosecute.",
)
OVERVIEW_CONVICTED = _overview(
    "justice-convicted",
    "Defendants convicted of trafficking, principal offence basis, by calendar year",
    "outcome_year",
    "Defendants convicted",
    PRINCIPAL_BASIS,
    _CONVICTED,
    _PRINCIPAL,
)
OVERVIEW_OFFENCES_CONVICTED = _overview(
    "justice-offences-convicted",
    "Trafficking offences resulting in a conviction, all-offence basis, by calendar year",
    "outcome_year",
    "Offences convicted",
    ALL_OFFENCES_BASIS,
    _CONVICTED,
)
OVERVIEW_SPECS = (OVERVIEW_CHARGED, OVERVIEW_CONVICTED, OVERVIEW_OFFENCES_CONVICTED)
