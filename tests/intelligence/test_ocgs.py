"""The OCG register: the rule that describes a group, who and what belongs to it, and who may
see it."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.intelligence.ocg_selectors import ocg_get, ocg_list, ocg_register
from nrm.intelligence.ocgs import OcgMention, ocg_derive
from nrm.intelligence.services import intelligence_report_submit

from .ocg_fixtures import ocg_report


def _mention(n: int, received: str, grading: str, nationality: str = "", *activities: str) -> Any:
    return OcgMention(n, f"INT-{n}", date.fromisoformat(received), grading, nationality,
                      tuple(activities))  # fmt: skip


def test_the_latest_report_that_gives_a_nationality_decides_it() -> None:
    derived = ocg_derive([
        _mention(1, "2012-01-01", "1A", "ALB", "drugs"),
        _mention(2, "2012-05-01", "3E", "mixed"),
        _mention(3, "2012-09-01", "1A", "", "violence", "trafficking_sexual"),
    ])  # fmt: skip
    assert derived.nationality == "mixed"
    assert derived.activities == ("trafficking_sexual", "violence", "drugs")  # code-list order


def test_on_the_same_day_the_better_graded_report_decides_the_nationality() -> None:
    same_day = [_mention(1, "2012-05-01", "2C", "ROU"), _mention(2, "2012-05-01", "1C", "VNM"),
                _mention(3, "2012-05-01", "1D", "NGA")]  # fmt: skip
    assert ocg_derive(same_day).nationality == "VNM"


@given(st.lists(
    st.tuples(st.dates(date(2011, 1, 1), date(2011, 1, 3)), st.sampled_from(["1A", "2B", "3E"]),
              st.sampled_from(["", "ALB", "mixed"]),
              st.lists(st.sampled_from(["drugs", "violence", "trafficking_labour"]))),
    max_size=6,
), st.randoms())  # fmt: skip
def test_the_rule_does_not_depend_on_the_order_of_the_mentions(rows: Any, random: Any) -> None:
    mentions = [OcgMention(n, f"INT-{n:02d}", day, grading, nationality, tuple(activities))
                for n, (day, grading, nationality, activities) in enumerate(rows)]  # fmt: skip
    shuffled = list(mentions)
    random.shuffle(shuffled)
    assert ocg_derive(shuffled) == ocg_derive(mentions)


def test_a_group_no_report_gives_a_nationality_for_is_not_recorded() -> None:
    assert ocg_derive([_mention(1, "2012-05-01", "2B")]).nationality == "not_recorded"
    assert ocg_derive([]).activities == ()


pytestmark = pytest.mark.django_db


@pytest.fixture
def recorded(
    officer: User,
    other_organisation: Organisation,
    make_user: Callable[..., User],
    valid_intelligence_report: dict[str, Any],
) -> None:
    """Demo Ring in two P reports of two forces (the later says Albanian) and in a C report
    of the other force shared with no one (which says Vietnamese, later still); Sample Crew in
    the officer's report only."""
    base = valid_intelligence_report
    other = make_user("other-officer", other_organisation, DefaultRole.INTELLIGENCE_OFFICER)
    own = officer.organisation
    for actor, home, data in (
        (officer, own, ocg_report(base, "Demo Ring", nationality="mixed", members=2, victims=1,
                                  activities=("trafficking_sexual",), received="2012-02-01",
                                  place="E1 6AN")),
        (other, other_organisation, ocg_report(base, "DEMO  ring", nationality="ALB", members=1,
                                               activities=("violence",), received="2012-04-01")),
        (other, other_organisation, ocg_report(base, "Demo Ring", nationality="VNM", members=3,
                                               received="2012-08-01", handling_code="C",
                                               handling_conditions=[other_organisation.code])),
        (officer, own, ocg_report(base, "Sample Crew", activities=("drugs",))),
    ):  # fmt: skip
        intelligence_report_submit(actor=actor, data=data, organisation=home)


@pytest.mark.usefixtures("recorded")
def test_an_analyst_sees_a_group_as_its_mentions_in_the_reports_they_may_see(
    analyst: User,
) -> None:
    ring = ocg_get(actor=analyst, key="demo-ring")
    assert ring is not None
    assert ring.name == "Demo Ring"
    assert ring.nationality == "ALB"  # the C report, later, is not theirs to see
    assert ring.activities == ("trafficking_sexual", "violence")
    assert len(ring.members) == 3 and len(ring.victims) == 1 and len(ring.locations) == 1
    assert len(ring.reports) == 2 and ring.trafficking
    assert [g.key for g in ocg_register(actor=analyst)] == ["demo-ring", "sample-crew"]


@pytest.mark.usefixtures("recorded")
def test_the_force_a_c_report_is_shared_with_sees_what_it_says(
    make_user: Callable[..., User], other_organisation: Organisation
) -> None:
    reader = make_user("other-reader", other_organisation, DefaultRole.INTELLIGENCE_OFFICER)
    ring = ocg_get(actor=reader, key="demo-ring")
    assert ring is not None and ring.nationality == "VNM" and len(ring.members) == 4
    assert ocg_get(actor=reader, key="sample-crew") is None  # the officer's own report


@pytest.mark.usefixtures("recorded")
def test_a_group_outside_the_readers_scope_is_not_found_and_the_attempt_audited(
    officer: User,
) -> None:
    ring = ocg_get(actor=officer, key="demo-ring")
    assert ring is not None and ring.nationality == "mixed" and len(ring.reports) == 1
    assert ocg_get(actor=officer, key="no-such-group") is None
    denied = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).latest("id")
    assert denied.detail["ocg"] == "no-such-group"


@pytest.mark.usefixtures("recorded")
def test_the_list_filters_by_nationality_and_activity_and_is_audited(analyst: User) -> None:
    assert [g.key for g in ocg_list(actor=analyst, activity="drugs").groups] == ["sample-crew"]
    listing = ocg_list(actor=analyst, nationality="ALB", activity="violence")
    assert [g.key for g in listing.groups] == ["demo-ring"]
    assert listing.nationalities == ["ALB", "not_recorded"]
    event = AuditEvent.objects.filter(verb=AuditVerb.INTELLIGENCE_LIST).latest("id")
    assert event.detail["ocgs"] == ["demo-ring"] and len(event.detail["references"]) == 2
    assert ocg_list(actor=analyst, nationality="VNM").groups == []


@pytest.mark.usefixtures("recorded")
def test_a_read_is_audited_with_the_reports_that_name_the_group(analyst: User) -> None:
    ring = ocg_get(actor=analyst, key="demo-ring")
    assert ring is not None
    event = AuditEvent.objects.filter(verb=AuditVerb.INTELLIGENCE_READ).latest("id")
    assert event.detail == {"ocg": "demo-ring", "references": list(ring.reports)}


@pytest.mark.usefixtures("recorded")
def test_the_register_as_of_a_day_reads_only_reports_received_by_then(analyst: User) -> None:
    (ring,) = [g for g in ocg_register(actor=analyst, until=date(2012, 3, 1))]
    assert ring.nationality == "mixed" and len(ring.members) == 2


@pytest.mark.usefixtures("recorded")
def test_users_without_intelligence_see_no_groups(make_user: Callable[..., User],
                                                  organisation: Organisation) -> None:  # fmt: skip
    responder = make_user("responder", organisation)
    assert ocg_register(actor=responder) == []
