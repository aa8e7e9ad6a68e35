"""The demo's accounts: varied generated accounts that are never near copies of each other, and
one planted group of near-identical accounts on Albanian referrals of 2012, which both the
batch search and the check at submission find in the demo case store."""

from collections import Counter
from typing import Any

import pytest

from nrm.accounts.actors import DEMO
from nrm.accounts.services import organisations_seed
from nrm.cases.models import Nationality, Referral
from nrm.demo.build import demo_referrals_load
from nrm.demo.generator import generate_records
from nrm.demo.victim_accounts import ALBANIAN_GROUP
from nrm.intelligence.models import SimilarAccountCluster, SimilarAccountMember, SimilarAccountPair
from nrm.intelligence.similar import similar_clusters, similar_pairs
from nrm.intelligence.similar_services import similar_accounts_run


def _albanian_2012(record: dict[str, Any]) -> bool:
    return record["referral_date"].startswith("2012") and "ALB" in record["claimed_nationalities"]


def test_the_demo_accounts_are_varied_but_for_one_planted_albanian_group() -> None:
    records = generate_records()
    accounts = {f"{n:05d}": r["account"] for n, r in enumerate(records) if r["account"]}
    assert 450 <= len(accounts) <= 600
    grouped = similar_clusters(similar_pairs(accounts))
    clusters = Counter(grouped.values())
    assert list(clusters.values()) == [ALBANIAN_GROUP]  # no other group, however small
    members = [records[int(account)] for account in grouped]
    ordinary = [text for account, text in accounts.items() if account not in grouped]
    assert len(set(ordinary)) == len(ordinary)
    assert all(_albanian_2012(record) for record in members)
    assert sum(_albanian_2012(r) for r in records) > ALBANIAN_GROUP  # chosen among more
    assert any("tirana" in r["account"].lower() for r in members)  # the planted story
    assert records == generate_records()  # deterministic


@pytest.mark.django_db
def test_the_search_finds_the_albanian_group_in_the_demo_store(
    django_capture_on_commit_callbacks: Any,
) -> None:
    organisations_seed()
    with django_capture_on_commit_callbacks(execute=True):
        demo_referrals_load()  # each account checked against the earlier ones as it is saved
    run = similar_accounts_run(actor=DEMO)
    (cluster,) = SimilarAccountCluster.objects.filter(run=run)
    assert (cluster.size, run.clusters) == (ALBANIAN_GROUP, 1)
    assert cluster.first_date.year == cluster.last_date.year == 2012
    members = SimilarAccountMember.objects.filter(cluster=cluster).values("referral_id")
    claimed = Nationality.objects.filter(referral__in=members, basis="claimed", position=0)
    assert set(claimed.values_list("country", flat=True)) == {"ALB"}
    # the check at submission found the group too: every member but the first has an earlier one
    found = SimilarAccountPair.objects.filter(run__isnull=True)
    later = set(found.values_list("referral_r_id", flat=True))
    ids = sorted(Referral.objects.filter(pk__in=members).values_list("pk", flat=True))
    assert later == set(ids[1:])
    assert set(found.values_list("referral_l_id", flat=True)) <= set(ids)
