"""People resolution brings together in the network: two reports' mentions of one person are
one node, and a person resolved with an NRM referral's subject is that referral's node."""

from typing import Any

import pytest

from nrm.accounts.models import Organisation, User
from nrm.cases.referrals.services import referral_submit
from nrm.intelligence.selectors import network_visible
from nrm.intelligence.services import intelligence_report_submit
from tests.intelligence.runs import stored_run

pytestmark = pytest.mark.django_db


def _victim_nodes(analyst: User) -> set[str]:
    network = network_visible(actor=analyst)
    return {key for key, node in network.nodes.items() if key.startswith("person:")
            and "Testa" in node.name}  # fmt: skip


def test_mentions_resolved_together_are_one_node_and_meet_the_nrm_record(
    officer: User,
    analyst: User,
    make_user: Any,
    organisation: Organisation,
    valid_intelligence_report: dict[str, Any],
    valid_referral: dict[str, Any],
) -> None:
    first = intelligence_report_submit(actor=officer, data=valid_intelligence_report,
                                       organisation=organisation)  # fmt: skip
    second = intelligence_report_submit(actor=officer, data=valid_intelligence_report,
                                        organisation=organisation)  # fmt: skip
    one = f"mention:{first.entities.get(key='e2').pk}"
    two = f"mention:{second.entities.get(key='e2').pk}"
    assert len(_victim_nodes(analyst)) == 2  # no resolution yet: each mention its own node
    stored_run([one, two], review=[], matched=[(one, two)])
    assert _victim_nodes(analyst) == {f"person:resolved:{min(int(one[8:]), int(two[8:]))}"}
    referral = referral_submit(
        actor=make_user("responder", organisation), data=valid_referral, organisation=organisation
    )
    person = f"referral:{referral.pk}"
    stored_run([one, two, person], review=[], matched=[(one, two), (one, person)])
    assert _victim_nodes(analyst) == {f"person:nrm:{referral.reference}"}
