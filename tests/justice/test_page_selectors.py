"""The hub's reads of prosecutions: the overview counted by the rules (financial years for
charges, calendar years for convictions, the principal offence), the list and its filters,
one prosecution, the prosecutions of a case, and who may read them (every read audited)."""

from collections.abc import Callable

import pytest

from nrm.accounts.models import Organisation, User
from nrm.accounts.permissions import CapabilityDenied
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.justice.page_selectors import (
    PER_PAGE,
    ListFilters,
    case_prosecutions,
    defendant_prosecutions,
    justice_overview,
    overview_years,
    prosecution_get,
    prosecution_list,
)
from nrm.justice.pages import overview_rows

from .factories import (
    ACQUITTED,
    CONVICTED,
    CUSTODY,
    OTHER,
    S4,
    S57,
    charge,
    prosecution_make,
    recovery_make,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(refer: Callable[[str], str]) -> dict[str, object]:
    """Referrals: one in 2011, two in 2012. Prosecution A (CPS, England) of Xavi and Yann,
    victims the 2011 and one 2012 referral; prosecution B (COPFS, Scotland) of Zoe, acquitted."""
    old, new, _ = refer("2011-07-01"), refer("2012-02-01"), refer("2012-08-01")
    a = prosecution_make(
        "A-1",
        [
            ("Xavi Example", [
                charge(S57, "2012-03-31", CONVICTED, "2012-10-01", CUSTODY, months=60),
                charge(S4, "2012-04-01", CONVICTED, "2012-10-01", CUSTODY, months=24),
            ]),
            ("Yann Example", [
                charge(OTHER, "2012-05-01", CONVICTED, "2013-01-10", CUSTODY, months=96),
                charge(S57, "2012-05-01", CONVICTED, "2013-01-10", CUSTODY, months=12),
            ]),
        ],
        victims=[old, new],
    )  # fmt: skip
    b = prosecution_make(
        "B-1",
        [("Zoe Example", [charge(S4, "2012-06-01", ACQUITTED, "2013-02-01")])],
        authority="copfs",
        court_nation="scotland",
    )
    recovery_make(a, 150_000_000)
    return {"a": a, "b": b, "old": old, "new": new}


def test_the_overview_counts_charges_by_financial_year_and_convictions_by_calendar_year(
    hub_analyst: User, two: dict[str, object]
) -> None:
    rows = {r["year"]: r for r in overview_rows(justice_overview(actor=hub_analyst, year=2013))}
    assert sorted(rows) == [2009, 2010, 2011, 2012, 2013]
    assert [rows[y]["referrals"] for y in (2011, 2012, 2013)] == [1, 2, 0]
    # charged on 31 March 2012: 2011-12; from 1 April: 2012-13 (another offence not counted)
    assert [rows[y]["charged"] for y in (2011, 2012)] == [1, 3]
    assert rows[2012]["financial_year"] == "2012-13"
    # Xavi in 2012; Yann's heaviest sentence is for another offence, so he is not counted
    assert [rows[y]["convicted"] for y in (2012, 2013)] == [1, 0]
    # all offences: Xavi's two in 2012, Yann's trafficking offence in 2013
    assert [rows[y]["offences_convicted"] for y in (2012, 2013)] == [2, 1]
    assert AuditEvent.objects.filter(verb=AuditVerb.PROSECUTION_LIST).count() == 1
    assert overview_years()[0] == 2013


def test_one_prosecution_marks_each_defendants_principal_offence(
    hub_analyst: User, two: dict[str, object]
) -> None:
    read = prosecution_get(actor=hub_analyst, prosecution_id=two["a"].pk)  # type: ignore[attr-defined]
    assert read is not None
    xavi, yann = read.defendants
    assert [c.principal for c in xavi.charges] == [True, False]  # 60 months before 24
    assert [c.principal for c in yann.charges] == [True, False]  # another offence, 96 months
    assert read.recovered_pence == 150_000_000
    assert read.victims == sorted([two["old"], two["new"]])  # type: ignore[type-var]
    assert AuditEvent.objects.filter(verb=AuditVerb.PROSECUTION_READ).count() == 1
    denied = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count()
    assert prosecution_get(actor=hub_analyst, prosecution_id=999_999) is None
    assert AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count() == denied + 1


def test_the_list_filters_by_authority_financial_year_and_outcome(
    hub_analyst: User, two: dict[str, object]
) -> None:
    def refs(**chosen: object) -> list[str]:
        found = prosecution_list(actor=hub_analyst, filters=ListFilters(**chosen))  # type: ignore[arg-type]
        return [r.case_reference for r in found.object_list]

    assert refs() == ["B-1", "A-1"]  # by authority (copfs, cps), then reference
    assert refs(authority="copfs") == ["B-1"]
    assert refs(year=2011) == ["A-1"]  # only A has an offence charged in 2011-12
    assert sorted(refs(year=2012)) == ["A-1", "B-1"]
    assert refs(outcome="acquitted") == ["B-1"]
    assert refs(authority="cps", outcome="acquitted") == []
    listed = AuditEvent.objects.filter(verb=AuditVerb.PROSECUTION_LIST).last()
    assert listed is not None and listed.detail["filters"]["outcome"] == "acquitted"
    assert listed.detail["prosecutions"] == []


def test_the_list_shows_fifty_a_page_and_audits_those_shown(
    hub_analyst: User, two: dict[str, object]
) -> None:
    for n in range(PER_PAGE):
        prosecution_make(f"P-{n:03d}", [("Someone Example", [charge(S57, "2012-06-01")])])
    first = prosecution_list(actor=hub_analyst, filters=ListFilters())
    second = prosecution_list(actor=hub_analyst, filters=ListFilters(), page=2)
    assert (len(first.object_list), len(second.object_list)) == (PER_PAGE, 2)
    listed = AuditEvent.objects.filter(verb=AuditVerb.PROSECUTION_LIST).last()
    assert listed is not None and listed.detail["page"] == 2
    assert listed.detail["prosecutions"] == [r.id for r in second.object_list]


def test_a_case_leads_to_the_prosecutions_it_is_a_victim_in(
    hub_analyst: User, two: dict[str, object], refer: Callable[[str], str]
) -> None:
    found = case_prosecutions(actor=hub_analyst, reference=str(two["old"]))
    assert found is not None and [r.case_reference for r in found] == ["A-1"]
    event = AuditEvent.objects.filter(verb=AuditVerb.PROSECUTION_READ).last()
    assert event is not None and event.detail["reference"] == two["old"]
    unrelated = refer("2012-09-09")
    assert case_prosecutions(actor=hub_analyst, reference=unrelated) == []
    assert case_prosecutions(actor=hub_analyst, reference="NRM-NOPE") is None


def test_defendants_lead_to_their_prosecutions_for_a_higher_layer(
    hub_analyst: User, two: dict[str, object]
) -> None:
    zoe = two["b"].defendants.get()  # type: ignore[attr-defined]
    found = defendant_prosecutions(actor=hub_analyst, defendant_ids=[zoe.pk], via={"ocg": "g"})
    assert [r.case_reference for r in found] == ["B-1"]
    event = AuditEvent.objects.filter(verb=AuditVerb.PROSECUTION_READ).last()
    assert event is not None and event.detail["ocg"] == "g"
    assert defendant_prosecutions(actor=hub_analyst, defendant_ids=[], via={}) == []


def test_only_those_who_read_prosecutions_may_read_them(
    make_user: Callable[..., User], organisation: Organisation, two: dict[str, object]
) -> None:
    responder = make_user("someone", organisation)
    for read in (
        lambda: prosecution_list(actor=responder, filters=ListFilters()),
        lambda: justice_overview(actor=responder, year=2012),
        lambda: prosecution_get(actor=responder, prosecution_id=two["a"].pk),  # type: ignore[attr-defined]
        lambda: case_prosecutions(actor=responder, reference=str(two["old"])),
    ):
        with pytest.raises(CapabilityDenied):
            read()
    assert AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count() == 4
    assert not AuditEvent.objects.filter(verb=AuditVerb.PROSECUTION_READ).exists()
