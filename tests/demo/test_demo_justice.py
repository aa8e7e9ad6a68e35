"""The demo's prosecutions and seizures reproduce every recovered cell of the report's chapter 4
(Tables 11-17 and the cash seizures' Table 19 with its footnotes), and its paragraph figures."""

from typing import Any

import ibis
import pytest

from nrm.config.bootstrap import database_prepare
from nrm.demo.justice import demo_justice_create
from nrm.justice.models import AssetRecovery, Charge
from nrm.justice.published import justice_checker
from nrm.justice.tables import justice_tables
from nrm.statistics.present import result_present
from nrm.statistics.published.figures import figures_load
from nrm.statistics.published.verifier import Verifier
from nrm.statistics.published.verify import verify_lines

pytestmark = pytest.mark.django_db
WORDS = {1: "One", 2: "Two", 3: "Three"}


@pytest.fixture
def tables(db: Any) -> dict[str, Any]:
    database_prepare()
    demo_justice_create()
    return {r.spec.id: r for r in justice_tables(2012)}


def test_every_recovered_cell_of_chapter_4_is_reproduced(tables: dict[str, Any]) -> None:
    verifier = Verifier(ibis.memtable({"unused": [1]}), year=2012, reference=None)
    justice_checker(list(tables.values()))(verifier)
    assert len(verifier.checks) >= 100
    wrong = [c for c in verifier.checks if not c.ok and not c.known]
    assert wrong == []
    known = {c.cell for c in verifier.checks if not c.ok}
    assert known == {
        "para 4.11: the table of Scotland's ten prosecutions",
        "para 4.12: the years of Table 15",
    }
    lines = "\n".join(verify_lines(verifier))
    assert "Table 17: 2011 Total: not recovered from the publication, not checked" in lines
    assert "Table 14: 2011-12 Offence of forced labour and servitude: checked against 2, a " \
        "value the reference reconstructed" in lines  # fmt: skip
    assert "Para 4.11 cites" not in lines.split("not computed from referral records")[-1]


def test_seizures_in_pence_reproduce_the_published_pounds_and_footnotes(
    tables: dict[str, Any],
) -> None:
    assert all(a % 100 == 0 for a in AssetRecovery.objects.values_list("amount_pence", flat=True))
    shown = {row[0]: row for row in result_present(tables["t19-cash-seizures"]).rows}
    for r in figures_load("t19a_cash_seizures_2012.csv"):
        _, number, value, in_court, in_court_value = shown[r["jurisdiction"]]
        assert str(number) == r["published_count_text"].rstrip("*†")
        assert value == r["published_value_text"]
        seizures = "seizure" if in_court == 1 else "seizures"
        footnote = f"{WORDS[in_court]} {seizures}, representing {in_court_value}"
        assert footnote in r["footnote_published"], (footnote, r["footnote_published"])


def test_the_demo_convicts_nobody_in_wales_in_2012(tables: dict[str, Any]) -> None:
    assert not Charge.objects.filter(defendant__prosecution__court_nation="wales",
                                     outcome="convicted").exists()  # fmt: skip
