"""The demo case store, counted back out of the database through the statistics extract,
reproduces every published figure: the verification finds no unexplained difference."""

from datetime import date
from typing import Any

import pytest

from nrm.accounts.services import organisations_seed
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.models import Referral
from nrm.demo import plan_2012
from nrm.demo.build import demo_referrals_load
from nrm.demo.surges import demo_surges_check
from nrm.intelligence.surveillance_models import SurgeAlert
from nrm.standard.surveillance_codes import Frequency, SeriesKind
from nrm.statistics.engine import backend_connect, referrals_table
from nrm.statistics.extract import extract_table
from nrm.statistics.published.verify import verify, verify_lines

pytestmark = pytest.mark.django_db

YEARS = (2009, 2010, 2011, 2012)  # every year the published tables cover


@pytest.fixture
def demo_store(db: Any) -> int:
    organisations_seed()
    return demo_referrals_load()


def _new(year: int) -> list[str]:
    """The unexplained differences of ``year`` in the case store as it is now."""
    referrals = referrals_table(backend_connect(), extract_table())
    lines = verify_lines(verify(referrals, year=year))
    return [line for line in lines if line.startswith("[NEW]")]


def test_the_demo_store_reproduces_every_published_figure(demo_store: int) -> None:
    assert demo_store == 3381
    referrals = referrals_table(backend_connect(), extract_table())
    for year in YEARS:
        verifier = verify(referrals, year=year)
        assert verifier.checks, year
        assert [c for c in verifier.discrepancies if not c.explained] == [], year


def test_verifying_the_store_would_notice_a_changed_record(demo_store: int) -> None:
    referral = Referral.objects.filter(referral_date__year=2012, nation="wales").first()
    assert referral is not None
    referral.nation = "scotland"
    referral.police_region = "scotland"
    referral.save()
    differences = _new(2012)
    assert "[NEW] Table 1: Wales 2012: published 34, should be 33" in differences
    assert "[NEW] Table 1: Scotland 2012: published 96, should be 97" in differences


def test_every_demo_referral_is_audited_as_loaded(demo_store: int) -> None:
    assert AuditEvent.objects.filter(verb=AuditVerb.REFERRAL_IMPORT).count() == demo_store


def test_the_demo_checks_alert_the_albanian_rise_in_april_2012(demo_store: int) -> None:
    """The demo's surge checks over the case store (paras 3.5-3.6): Albania is alerted for
    April 2012, the month its rise starts, and for no month before."""
    assert demo_surges_check() > 0
    albania = SurgeAlert.objects.filter(
        kind=SeriesKind.NATIONALITY, frequency=Frequency.MONTH, nationality="Albania"
    )
    first = albania.order_by("period_start").first()
    assert first is not None and first.period_start == date(2012, 4, 1)
    assert first.observed == plan_2012.ALBANIA_MONTHS[4] and first.score > 1
