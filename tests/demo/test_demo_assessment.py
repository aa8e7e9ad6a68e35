"""The demo's strategic assessment: the demo referrals (with their repeat referrals) and the
demo intelligence of 2011 and 2012, resolved into people and counted once each, reproduce every
published strategic-assessment figure (Table 10 and the assessment's figures in the text); only
the publication's own known inconsistencies differ."""

from typing import Any

import pyarrow as pa
import pytest

from nrm.accounts.services import organisations_seed
from nrm.demo.assessment import demo_assessment_intelligence
from nrm.demo.build import demo_referrals_load
from nrm.demo.intelligence import demo_intelligence_create
from nrm.intelligence.assessment.checks import assessment_checker, check_assessment
from nrm.intelligence.assessment.extract import Assessment, assessment_build
from nrm.intelligence.assessment.write import assessment_table
from nrm.intelligence.models import Entity
from nrm.statistics.engine import backend_connect, referrals_table
from nrm.statistics.extract import extract_table
from nrm.statistics.published.known import KNOWN_ASSESSMENT
from nrm.statistics.published.verifier import Verifier
from nrm.statistics.published.verify import verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessed(db: Any) -> Assessment:
    organisations_seed()
    demo_referrals_load()
    demo_intelligence_create()
    assert demo_assessment_intelligence() > 1000
    return assessment_build(year=2012)


def test_every_published_assessment_figure_is_reproduced_and_only_known_ones_differ(
    assessed: Assessment,
) -> None:
    table = assessment_table(assessed)
    alone = Verifier(table, year=2012, reference=None)
    check_assessment(alone, table)
    assert len(alone.checks) == 58  # Table 10: 40 cells; the text: 14 counts and 4 shares
    assert {(c.table, c.cell) for c in alone.discrepancies} == set(KNOWN_ASSESSMENT)
    referrals = referrals_table(backend_connect(), extract_table())
    verifier = verify(referrals, year=2012, checkers=[assessment_checker(table)])
    assert len(verifier.checks) == len(verify(referrals, year=2012).checks) + 58
    assert [c for c in verifier.discrepancies if not c.explained] == []


def test_people_the_nrm_referred_twice_and_reports_named_again_are_counted_once(
    assessed: Assessment,
) -> None:
    encounters = assessed.table.filter(pa.compute.equal(assessed.table["unit"], "encounter"))
    people = assessed.table.filter(pa.compute.equal(assessed.table["unit"], "person"))
    assert assessed.records > assessed.people  # repeat referrals, people reported again
    assert Entity.objects.filter(referral__isnull=False).count() > 50  # named by reference
    # an intelligence encounter of someone the NRM knows adds no person
    both = [s for s in people.column("source").to_pylist() if s == "both"]
    assert len(both) >= 300
    assert encounters.num_rows > 1000


def test_the_extract_holds_no_name_date_of_birth_reference_or_operation_name(
    assessed: Assessment,
) -> None:
    text = str(assessed.table.to_pylist())
    entity = Entity.objects.exclude(family_name="").exclude(report__operation="").first()
    assert entity is not None
    for secret in (entity.family_name, entity.report.operation, entity.report.reference,
                   str(entity.date_of_birth)):  # fmt: skip
        assert secret not in text
