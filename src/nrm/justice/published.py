"""The verification of the report's chapter 4 (``nrm verify-published``): every cell of Tables
11-17 and of the cash seizures' Table 19 the reference recovered, compared with the tables
counted from the case store, and the figures of paras 4.11, 4.14, 4.21 and 4.22.

Cells the reference marks as reconstructed are checked and said to be reconstructed; cells it
did not recover are not checked and are said to be missing. The chapter's known
inconsistencies (the table para 4.11 cites, the years para 4.12 gives) are reported as known.
"""

from collections.abc import Callable
from datetime import date

from django.db.models import QuerySet, Sum

from nrm.justice.models import AssetRecovery, Charge, Defendant
from nrm.justice.rules import financial_year
from nrm.standard import justice_codes as jc
from nrm.statistics.engine import label
from nrm.statistics.published.known import PARA_4_11, PARA_4_12
from nrm.statistics.published.verifier import Verifier
from nrm.statistics.result import Result
from nrm.statistics.specs.model import period_label

_CATEGORY = {str(c.label): c.value for c in jc.OffenceCategory}
_JURISDICTION = {str(j.label): j.value for j in jc.Jurisdiction}
TOTAL = "Total"
RECONSTRUCTED = "reconstructed"
NOT_RECOVERED = ("uncertain", "not_in_extraction")
NOT_CHECKED = (
    "Para 4.9 (148 cases the Crown Prosecution Service flagged in 2012, 103 convicted; six "
    "prosecuted in Wales, four convicted) and para 4.20 (£836,624 recovered in England and Wales "
    "from January to August 2013) are not checked: the case store records offences charged, "
    "not flagged cases, and the demo's records end on 30 June 2013"
)
_TABLES = (
    ("Table 11", "t11", "t11_offences_charged_magistrates_england.csv", "offences_charged"),
    ("Table 12", "t12", "t12_offences_charged_magistrates_wales.csv", "offences_charged"),
    ("Table 13", "t13", "t13_decisions_to_prosecute_northern_ireland.csv",
     "decisions_to_prosecute"),
    ("Table 14", "t14", "t14_decisions_to_prosecute_scotland.csv", "decisions_to_prosecute"),
    ("Table 15", "t15", "t15_convictions_england_wales_principal_offence.csv", "convictions"),
    ("Table 16", "t16", "t16_convictions_england_wales_all_offences.csv", "convictions"),
    ("Table 17", "t17", "t17_convictions_scotland.csv", "convictions"),
)  # fmt: skip


def _cell(result: Result, year: str, category: str) -> int | None:
    """The computed count of a published (year, offence) cell; None when the table has no
    such year or offence."""
    years = [label(result.spec.year_column, key[0]) for key in result.column_keys]
    row = result.total() if category == TOTAL else result.row(_CATEGORY.get(category))
    if row is None:
        return None
    if year == TOTAL:
        return row.total
    return row.counts[years.index(year)] if year in years else None


def _check_table(v: Verifier, results: dict[str, Result], number: str, spec_id: str,
                 name: str, column: str) -> None:  # fmt: skip
    result = results[spec_id]
    for r in v.load(name):
        cell = f"{r['year']} {r['offence_category']}"
        status = r.get("status", "recovered")
        computed = _cell(result, r["year"], r["offence_category"])
        if status in NOT_RECOVERED:
            v.notes.append(f"{number}: {cell}: not recovered from the publication, not checked "
                           f"(counted here: {computed})")  # fmt: skip
            continue
        if computed is None:  # a year outside the report year's table
            continue
        v.count(number, cell, r[column], computed)
        if status == RECONSTRUCTED:
            note = f"{number}: {cell}: checked against {r[column]}, a value the reference "
            v.notes.append(note + "reconstructed rather than read from the publication")


def _check_seizures(v: Verifier, result: Result) -> None:
    for r in v.load("t19a_cash_seizures_2012.csv"):
        row = result.row(_JURISDICTION[r["jurisdiction"]])
        counts = row.counts if row is not None else [0] * len(result.column_keys)
        at = {key[0]: n for key, n in zip(result.column_keys, counts, strict=True)}
        where = r["jurisdiction"]
        v.count("Table 19", f"{where} cash seizures", r["cash_seizures_2012"], at["number"])
        v.count("Table 19", f"{where} value (£)", r["cash_seizures_value_gbp_2012"],
                at["value"] // 100)  # fmt: skip
        exact = at["value"] % 100 == 0
        v.fact("Table 19", f"{where} value in whole pounds", "yes", "yes" if exact else "no",
               exact)  # fmt: skip
        footnote = f"{where} footnote"
        v.count("Table 19", f"{footnote}: seizures going through the court process",
                r["seizures_still_in_court_process"], at["in_court_number"])  # fmt: skip
        v.count("Table 19", f"{footnote}: value going through the court process (£)",
                r["value_still_in_court_process_gbp"], at["in_court_value"] // 100)  # fmt: skip


def _paragraph(v: Verifier, key: str) -> int:
    found = next(r for r in v.load("paragraph_figures.csv") if r["id"] == key)
    return int(found["value"])


def _check_paragraphs(v: Verifier, results: dict[str, Result]) -> None:
    year = v.year
    scotland = Defendant.objects.filter(prosecution__authority=jc.ProsecutingAuthority.COPFS)
    decided = [
        d
        for d in scotland.prefetch_related("charges")
        if any(financial_year(c.charged_on) == year for c in d.charges.all())
    ]
    outcomes = {o: 0 for o in jc.ChargeOutcome}
    for d in decided:
        outcomes[jc.ChargeOutcome(d.charges.all()[0].outcome)] += 1
    fy = period_label("financial_year", year)
    text = f"para 4.11: people the Crown Office decided to prosecute in {fy}"
    v.count("Text", text, _paragraph(v, "r_copfs_prosecuted"), len(decided))
    for key, outcome in (
        ("r_copfs_convicted", jc.ChargeOutcome.CONVICTED),
        ("r_copfs_acquitted", jc.ChargeOutcome.ACQUITTED),
        ("r_copfs_ongoing", jc.ChargeOutcome.ONGOING),
        ("r_copfs_no_further", jc.ChargeOutcome.NO_FURTHER_PROCEEDINGS),
    ):
        cell = f"{text}: {str(outcome.label).lower()}"
        v.count("Text", cell, _paragraph(v, key), outcomes[outcome])
    scotland_decisions = sum(
        row.counts[[k[0] for k in results["t14"].column_keys].index(year)]
        for row in results["t14"].rows
        if not row.is_total
    )
    v.fact("Text", "para 4.11: the table of Scotland's ten prosecutions", "Table 13",
           f"Table 14 ({scotland_decisions} decisions in {fy}; Table 13 is Northern Ireland)",
           False)  # fmt: skip
    v.fact("Text", "para 4.12: the years of Table 15", str(year),
           " to ".join(results["t15"].column_labels[:: len(results["t15"].column_labels) - 1]),
           False)  # fmt: skip
    v.covered |= {PARA_4_11, PARA_4_12}
    convicted_ni = _ni_convictions(year)
    cell = f"para 4.14: convictions in Northern Ireland for sexual exploitation, {year}"
    v.count("Text", cell, _paragraph(v, "r_ni_convictions_2012"), convicted_ni)
    orders = AssetRecovery.objects.filter(kind=jc.RecoveryKind.CONFISCATION_ORDER,
                                          recorded_on__year=year)  # fmt: skip
    ni_orders = orders.filter(authority=jc.ProsecutingAuthority.PPS)
    v.count("Text", f"para 4.21: confiscation orders in Northern Ireland, {year} (£)",
            _paragraph(v, "r_confiscation_ni_2012"), _pounds(ni_orders))  # fmt: skip
    scottish = AssetRecovery.objects.filter(kind=jc.RecoveryKind.CONFISCATION_ORDER,
                                            authority=jc.ProsecutingAuthority.COPFS)  # fmt: skip
    v.count("Text", "para 4.22: Scotland's confiscation orders (£)",
            _paragraph(v, "r_confiscation_scotland"), _pounds(scottish))  # fmt: skip
    v.notes.append(NOT_CHECKED)


def _pounds(recoveries: QuerySet[AssetRecovery]) -> int:
    total = recoveries.aggregate(total=Sum("amount_pence"))["total"]
    return (total or 0) // 100


def _ni_convictions(year: int) -> int:
    return Charge.objects.filter(
        defendant__prosecution__authority=jc.ProsecutingAuthority.PPS,
        outcome=jc.ChargeOutcome.CONVICTED,
        outcome_on__gte=date(year, 1, 1),
        outcome_on__lte=date(year, 12, 31),
        offence=jc.Offence.SEXUAL_OFFENCES_ACT_S57_59,
    ).count()


def justice_checker(results: list[Result]) -> Callable[[Verifier], None]:
    """A checker for ``nrm.statistics.published.verify`` of the chapter 4 ``results`` (those
    of ``nrm.justice.tables.justice_tables`` for the verified year)."""
    by_id = {r.spec.id: r for r in results}

    def check(v: Verifier) -> None:
        if v.year != 2012:  # the only year chapter 4 was published for
            return
        for number, spec_id, name, column in _TABLES:
            _check_table(v, by_id, number, spec_id, name, column)
        _check_seizures(v, by_id["t19-cash-seizures"])
        _check_paragraphs(v, by_id)

    return check
