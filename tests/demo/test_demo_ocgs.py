"""The demo groups show the pattern of the strategic assessment's chapter 2 in the OCG
tables of 2012."""

from fractions import Fraction

import pytest

from nrm.accounts.actors import DEMO
from nrm.config.bootstrap import database_prepare
from nrm.demo.intelligence_ocgs import GROUPS, demo_ocgs_create
from nrm.intelligence.models import IntelligenceReport
from nrm.intelligence.ocg_selectors import ocg_register
from nrm.intelligence.ocg_specs import ANY_TRAFFICKING, NOT_ONE_COUNTRY
from nrm.intelligence.ocg_tables import nationality_label, ocg_extracts, ocg_tables_from

pytestmark = pytest.mark.django_db

TOP_FIVE_2012 = [nationality_label(c) for c in ("NGA", "VNM", "ALB", "ROU", "CHN")]


def test_the_demo_groups_show_the_pattern_of_chapter_2() -> None:
    database_prepare()
    assert demo_ocgs_create() == len(GROUPS) == IntelligenceReport.objects.count()
    groups = ocg_register(actor=DEMO)
    assert 30 <= len(groups) <= 40
    alder = next(g for g in groups if g.name == "Demo Group Alder")
    assert alder.nationality == "NGA" and len(alder.reports) == 2  # the 2012 report decides
    extracts = ocg_extracts(groups, year=2012, sources=TOP_FIVE_2012)
    results = {r.spec.id: r for r in ocg_tables_from(extracts, year=2012, sources=TOP_FIVE_2012)}
    unknown = results["ocg-unknown"].row(NOT_ONE_COUNTRY)
    assert unknown is not None and unknown.shares[0] is not None
    assert unknown.shares[0] > Fraction(50)  # more than half unknown or mixed
    members = {r.key[0]: r.counts[0] for r in results["ocg-members"].rows}
    counted = {r.key[0]: r.total for r in results["ocg-sources"].rows}
    sizes = {name: Fraction(members[name], counted[name]) for name in counted if counted[name]}
    largest = min(sizes[name] for name in TOP_FIVE_2012)
    assert all(size < largest for name, size in sizes.items() if name not in TOP_FIVE_2012)
    activities = results["ocg-activities"]
    column = activities.column_keys.index((ANY_TRAFFICKING,))
    linked = {r.key[0]: r.counts[column] for r in activities.rows}
    for activity in ("immigration_crime", "sexual_offences", "violence", "money_laundering"):
        assert linked[activity] > 2 * linked["drugs"], activity
