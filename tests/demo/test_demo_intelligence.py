from typing import Any

import pytest

from nrm.accounts.models import Organisation
from nrm.cases.referrals.services import referral_submit
from nrm.config.bootstrap import database_prepare
from nrm.demo.intelligence import DEMO_REPORTS, demo_intelligence_create
from nrm.intelligence.models import Entity, IntelligenceReport

pytestmark = pytest.mark.django_db


def test_the_demo_records_its_reports_and_links_two_victims_to_demo_referrals(
    make_user: Any, valid_referral: dict[str, Any]
) -> None:
    database_prepare()
    police = Organisation.objects.get(code="met-police")
    referral = referral_submit(
        actor=make_user("responder", police), data=valid_referral, organisation=police
    )
    assert demo_intelligence_create() == len(DEMO_REPORTS) == IntelligenceReport.objects.count()
    linked = Entity.objects.get(referral=referral)
    assert linked.person_role == "potential_victim" and linked.given_name == "Testa"
    assert IntelligenceReport.objects.filter(handling_code="C").exists()
    assert "nrm_reference" not in DEMO_REPORTS[0]["entities"][1]  # the plans stay as written
