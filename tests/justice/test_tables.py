"""The chapter 4 tables counted from recorded prosecutions and seizures: financial years,
both counting bases, nil rows, money in pence."""

from datetime import date

from nrm.accounts.actors import OPERATOR
from nrm.justice.services import recovery_save
from nrm.justice.tables import justice_tables
from nrm.standard.justice_schema import AssetRecoveryRecord
from nrm.statistics.disclosure import DisclosureRule
from nrm.statistics.present import result_present
from tests.justice.conftest import TODAY, charge

S, OP, F, X = "soa2003_s57_59", "aitoc2004_s4", "cja2009_s71", "other"


def _tables(year=2012):
    return {r.spec.id: r for r in justice_tables(year)}


def test_offences_charged_are_counted_by_the_financial_year_of_the_charge(record_prosecution):
    record_prosecution([charge(S, "2011-03-31"), charge(S, "2011-04-01")],
                       [charge(OP, "2013-03-31"), charge(F, "2013-04-01")])  # fmt: skip
    record_prosecution([charge(S, "2012-06-01")], nation="wales")
    t11 = _tables()["t11"]
    assert t11.column_labels == ["2011-12", "2012-13"]
    assert t11.count(("sexual",), (2011,)) == 1  # 31 March 2011 is in 2010-11
    assert t11.count(("other_purposes",), (2012,)) == 1  # 1 April 2013 is in 2013-14
    assert t11.count(("forced_labour",), (2012,)) == 0
    assert [r.key for r in t11.rows] == [("sexual",), ("other_purposes",), ("forced_labour",)]
    assert _tables()["t12"].count(("sexual",), (2012,)) == 1
    assert _tables()["t12"].count(("sexual",), (2011,)) == 0


def test_principal_and_all_offence_bases_are_never_mixed(record_prosecution):
    # one defendant convicted of three trafficking offences: one principal, three in all
    record_prosecution([
        charge(S, "2011-05-01", "convicted", "2012-02-01", 60),
        charge(S, "2011-05-01", "convicted", "2012-02-01", 30),
        charge(OP, "2011-05-01", "convicted", "2012-02-01", 20),
    ])  # fmt: skip
    # another offence has the heaviest sentence: in all offences, not on the principal basis
    record_prosecution([
        charge(X, "2011-05-01", "convicted", "2012-03-01", 120),
        charge(F, "2011-05-01", "convicted", "2012-03-01", 24),
    ])  # fmt: skip
    # acquitted, and convicted in another year
    record_prosecution([charge(S, "2011-05-01", "acquitted", "2012-03-01")],
                       [charge(OP, "2010-05-01", "convicted", "2011-03-01", 12)])  # fmt: skip
    tables = _tables()
    t15, t16 = tables["t15"], tables["t16"]
    assert t15.count(("sexual",), (2012,)) == 1
    assert t15.count(("other_purposes",), (2012,)) == 0
    assert t15.count(("other_purposes",), (2011,)) == 1
    assert t16.count(("sexual",), (2012,)) == 2
    assert t16.count(("other_purposes",), (2012,)) == 1
    assert t16.count(("forced_labour",), (2012,)) == 1
    assert t15.total().total == 2 and t16.total().total == 5
    assert "Principal offence basis" in t15.spec.notes
    assert "All-offence basis" in t16.spec.notes


def test_scotland_counts_trafficking_for_prostitution_as_sexual_exploitation_in_decisions(
    record_prosecution,
):
    record_prosecution([charge("cjsa2003_s22", "2012-05-01", "convicted", "2012-09-01", 30)],
                       authority="copfs", nation="scotland")  # fmt: skip
    tables = _tables()
    assert tables["t14"].count(("sexual",), (2012,)) == 1
    assert tables["t17"].count(("prostitution",), (2012,)) == 1
    assert tables["t13"].total() is None and tables["t13"].rows[0].total == 0


def _seize(authority, nation, pounds, status, on="2012-05-01"):
    record = AssetRecoveryRecord.model_validate(
        {"kind": "cash_seizure", "authority": authority, "nation": nation,
         "amount_pence": pounds, "status": status, "recorded_on": on},
        context={"today": TODAY},
    )  # fmt: skip
    recovery_save(actor=OPERATOR, record=record)


def test_seizures_are_counted_and_summed_in_pence_and_shown_in_pounds(record_prosecution):
    record_prosecution([charge(S, "2012-05-01")])
    _seize("cps", "england", 250_050, "in_court_process")
    _seize("cps", "wales", 100_000, "forfeited")
    _seize("pps", "northern_ireland", 99, "forfeited")
    _seize("pps", "northern_ireland", 5_00, "returned", on="2011-12-31")
    t19 = _tables()["t19-cash-seizures"]
    assert t19.count(("england_wales",), ("number",)) == 2
    assert t19.count(("england_wales",), ("value",)) == 350_050
    assert t19.count(("england_wales",), ("in_court_number",)) == 1
    assert t19.count(("england_wales",), ("in_court_value",)) == 250_050
    assert t19.count(("northern_ireland",), ("value",)) == 99
    shown = result_present(t19)
    assert shown.rows[0] == ["England and Wales", 2, "£3,500.50", 1, "£2,500.50"]
    assert shown.rows[1] == ["Northern Ireland", 1, "£0.99", 0, "£0"]
    assert shown.rows[2] == ["Scotland", 0, "£0", 0, "£0"]
    # public: an amount is shown only where its row's counts are
    public = result_present(t19, DisclosureRule(threshold=2))
    assert public.rows[0] == ["England and Wales", 2, "£3,500.50", "[c]", "[c]"]
    assert public.rows[1][1] == "[c]" and public.rows[1][2] == "[c]"
    assert date(2012, 1, 1).year == t19.year


def test_recording_a_prosecution_again_keeps_its_defendants_and_replaces_their_offences(
    record_prosecution,
):
    from nrm.audit.models import AuditEvent
    from nrm.justice.models import Charge, Defendant, Prosecution
    from nrm.justice.services import prosecution_save
    from nrm.standard.justice_schema import ProsecutionRecord

    first = record_prosecution([charge(S, "2012-05-01")], [charge(OP, "2012-05-01")])
    kept, dropped = list(Defendant.objects.filter(prosecution=first).order_by("id"))
    again = ProsecutionRecord.model_validate(
        {"authority": "cps", "case_reference": first.case_reference, "court_nation": "england",
         "defendants": [{"name": kept.name, "charges": [
             charge(S, "2012-05-01", "convicted", "2013-01-10", 30)]}]},
        context={"today": TODAY},
    )  # fmt: skip
    prosecution_save(actor=OPERATOR, record=again)
    assert Prosecution.objects.count() == 1
    assert list(Defendant.objects.values_list("id", flat=True)) == [kept.id]
    assert list(Charge.objects.values_list("outcome", flat=True)) == ["convicted"]
    update = AuditEvent.objects.filter(verb="prosecution.update").get()
    assert update.detail["defendants_removed"] == 1
    assert not Defendant.objects.filter(id=dropped.id).exists()
