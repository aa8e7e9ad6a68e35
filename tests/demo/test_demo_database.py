"""The demo case store, counted back out of the database, reproduces every published count."""

from typing import Any

import pytest

from nrm.accounts.services import organisations_seed
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.models import Referral
from nrm.cases.referrals.build import referral_as_record
from nrm.demo.build import demo_referrals_load
from nrm.demo.published import compare_with_reference

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_store(db: Any) -> int:
    organisations_seed()
    return demo_referrals_load()


def _records() -> list[dict[str, Any]]:
    queryset = Referral.objects.select_related("person", "organisation").prefetch_related(
        "nationalities", "decisions"
    )
    return [referral_as_record(referral) for referral in queryset]


def test_the_demo_store_reproduces_every_published_count(demo_store: int) -> None:
    assert demo_store == 3381
    assert compare_with_reference(_records()) == []


def test_counting_the_store_would_notice_a_changed_record(demo_store: int) -> None:
    referral = Referral.objects.filter(referral_date__year=2012, nation="wales").first()
    assert referral is not None
    referral.nation = "scotland"
    referral.police_region = "scotland"
    referral.save()
    differences = compare_with_reference(_records())
    assert any("Table 1" in line and "Wales" in line for line in differences)


def test_every_demo_referral_is_audited_as_loaded(demo_store: int) -> None:
    assert AuditEvent.objects.filter(verb=AuditVerb.REFERRAL_IMPORT).count() == demo_store
