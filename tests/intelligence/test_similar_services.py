"""Similar accounts in the case store: the batch run finds every pair of near copies and groups
them, replacing the previous run's; each new account is checked against the earlier ones once
its referral is saved (through every door), without ever failing the referral; an analyst marks
a group as reviewed. Every write is audited, and no account text is stored or logged outside the
account itself."""

import argparse
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation, User
from nrm.accounts.permissions import CapabilityDenied
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.referrals.importers import ImportOptions, referrals_import
from nrm.intelligence import errors
from nrm.intelligence.commands import cmd_intelligence
from nrm.intelligence.models import (
    AccountBandKey,
    SimilarAccountCluster,
    SimilarAccountMember,
    SimilarAccountPair,
    SimilarAccountsRun,
    SimilarClusterReview,
)
from nrm.intelligence.similar.incremental import BANDS
from nrm.intelligence.similar_selectors import similar_cluster_get
from nrm.intelligence.similar_services import (
    CHECK_FAILED,
    referrals_saved_receive,
    similar_accounts_check,
    similar_accounts_run,
    similar_cluster_review,
)
from tests.cases.referrals.csvfiles import write_csv
from tests.intelligence.similar_accounts import BASE, NEAR_COPY, UNRELATED, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def responder(make_user: Callable[..., User], organisation: Organisation) -> User:
    return make_user("responder", organisation)


def _audit_text() -> str:
    return json.dumps(list(AuditEvent.objects.values_list("detail", flat=True)))


def test_a_run_finds_every_pair_of_near_copies_and_groups_them(
    responder: User, organisation: Organisation, valid_referral: dict[str, Any]
) -> None:
    base = submit(responder, organisation, valid_referral, BASE)
    copy = submit(responder, organisation, valid_referral, NEAR_COPY, referral_date="2012-06-20")
    again = submit(responder, organisation, valid_referral, BASE.upper())
    submit(responder, organisation, valid_referral, UNRELATED)
    submit(responder, organisation, valid_referral, None)
    submit(responder, organisation, valid_referral, "...")  # no words: never similar

    run = similar_accounts_run(actor=OPERATOR)

    assert (run.accounts, run.pairs, run.clusters) == (4, 3, 1)
    pairs = SimilarAccountPair.objects.filter(run=run).order_by("referral_l_id", "referral_r_id")
    assert [(p.referral_l_id, p.referral_r_id) for p in pairs] == [
        (base.pk, copy.pk), (base.pk, again.pk), (copy.pk, again.pk),
    ]  # fmt: skip
    assert SimilarAccountPair.objects.get(referral_l=base, referral_r=again).jaccard == 1.0
    cluster = SimilarAccountCluster.objects.get(run=run)
    assert (cluster.first_referral_id, cluster.size) == (base.pk, 3)
    assert (str(cluster.first_date), str(cluster.last_date)) == ("2012-05-14", "2012-06-20")
    members = SimilarAccountMember.objects.filter(cluster=cluster)
    assert sorted(members.values_list("referral_id", flat=True)) == [base.pk, copy.pk, again.pk]
    event = AuditEvent.objects.get(verb=AuditVerb.SIMILAR_RUN)
    assert event.detail["pairs"] == 3 and event.detail["clusters"] == 1
    assert "restaurant" not in _audit_text()
    # every account with words is in the index of the check at submission
    assert AccountBandKey.objects.count() == 4 * BANDS


def test_a_run_replaces_the_previous_runs_pairs_and_clusters(
    responder: User, organisation: Organisation, valid_referral: dict[str, Any]
) -> None:
    submit(responder, organisation, valid_referral, BASE)
    submit(responder, organisation, valid_referral, NEAR_COPY)
    first = similar_accounts_run(actor=OPERATOR)
    second = similar_accounts_run(actor=OPERATOR)
    assert SimilarAccountsRun.objects.count() == 2
    assert not SimilarAccountPair.objects.filter(run=first).exists()
    assert not SimilarAccountCluster.objects.filter(run=first).exists()
    assert SimilarAccountCluster.objects.filter(run=second).count() == 1
    assert AccountBandKey.objects.count() == 2 * BANDS  # indexed once


def test_only_an_actor_who_may_review_similar_accounts_runs_the_search(
    make_user: Callable[..., User], organisation: Organisation
) -> None:
    officer = make_user("intel", organisation, DefaultRole.INTELLIGENCE_OFFICER)
    with pytest.raises(CapabilityDenied):
        similar_accounts_run(actor=officer)
    assert AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count() == 1
    assert not SimilarAccountsRun.objects.exists()


def test_a_new_account_is_checked_against_the_earlier_ones_once_its_referral_is_saved(
    responder: User,
    organisation: Organisation,
    valid_referral: dict[str, Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        base = submit(responder, organisation, valid_referral, BASE)
        submit(responder, organisation, valid_referral, UNRELATED)
    assert not SimilarAccountPair.objects.exists()
    assert AccountBandKey.objects.count() == 2 * BANDS
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        copy = submit(responder, organisation, valid_referral, NEAR_COPY)
    assert len(callbacks) == 1
    (pair,) = SimilarAccountPair.objects.all()
    assert (pair.run, pair.referral_l_id, pair.referral_r_id) == (None, base.pk, copy.pk)
    assert 0.8 <= pair.jaccard < 1.0
    event = AuditEvent.objects.filter(verb=AuditVerb.SIMILAR_CHECK).latest("seq")
    assert event.detail["references"] == [copy.reference]
    assert event.detail["system"] == "similar accounts check"
    assert "restaurant" not in _audit_text()
    # checked once: asking again changes nothing
    similar_accounts_check(actor=OPERATOR, referral_ids=[copy.pk])
    assert SimilarAccountPair.objects.count() == 1


def test_the_check_keeps_the_nearest_earlier_accounts_most_similar_first(
    responder: User,
    organisation: Organisation,
    valid_referral: dict[str, Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        same = submit(responder, organisation, valid_referral, BASE)
        near = submit(responder, organisation, valid_referral, NEAR_COPY)
        new = submit(responder, organisation, valid_referral, BASE + " Thank you.")
    found = SimilarAccountPair.objects.filter(referral_r=new).order_by("-jaccard")
    assert [p.referral_l_id for p in found] == [same.pk, near.pk]


def test_accounts_imported_from_a_csv_file_are_checked_too(
    organisation: Organisation,
    valid_referral: dict[str, Any],
    tmp_path: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    rows = [{**valid_referral, "account": text} for text in (BASE, UNRELATED, NEAR_COPY)]
    path = write_csv(tmp_path / "referrals.csv", rows)
    with django_capture_on_commit_callbacks(execute=True):
        result = referrals_import(ImportOptions(path=path, organisation_code=organisation.code))
    assert result.saved == 3
    assert AccountBandKey.objects.count() == 3 * BANDS
    assert SimilarAccountPair.objects.count() == 1


def test_a_save_of_very_many_referrals_leaves_their_accounts_to_the_next_search(
    django_capture_on_commit_callbacks: Any,
) -> None:
    with (
        mock.patch("nrm.intelligence.similar_services.CHECK_LIMIT", 2),
        django_capture_on_commit_callbacks() as callbacks,
    ):
        referrals_saved_receive(referral_ids=[1, 2, 3])
        referrals_saved_receive(referral_ids=[4, 5])
    assert len(callbacks) == 1


def test_a_failing_check_never_fails_the_referral_and_logs_its_reference_alone(
    responder: User,
    organisation: Organisation,
    valid_referral: dict[str, Any],
    django_capture_on_commit_callbacks: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    failure = ValueError(f"cannot compare {BASE}")
    with (
        mock.patch("nrm.intelligence.similar_services.similar_accounts_check", side_effect=failure),
        caplog.at_level(logging.ERROR, logger="nrm.intelligence.similar_services"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        referral = submit(responder, organisation, valid_referral, BASE)
    assert referral.pk is not None
    (record,) = caplog.records
    assert record.msg == CHECK_FAILED
    assert record.getMessage() == CHECK_FAILED % ("ValueError", referral.reference)
    assert "restaurant" not in caplog.text


def test_the_command_compares_every_account_and_prints_counts_alone(
    responder: User,
    organisation: Organisation,
    valid_referral: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    for text in (BASE, NEAR_COPY, UNRELATED):
        submit(responder, organisation, valid_referral, text)
    assert cmd_intelligence(argparse.Namespace(action="similar-accounts")) == 0
    printed = capsys.readouterr().out
    assert printed == "3 accounts compared: 1 pair at least 80% alike, in 1 group for review\n"


def test_an_analyst_marks_a_group_reviewed_and_the_review_holds_while_it_is_unchanged(
    responder: User,
    organisation: Organisation,
    valid_referral: dict[str, Any],
    make_user: Callable[..., User],
) -> None:
    analyst = make_user("analyst", organisation, DefaultRole.INTELLIGENCE_ANALYST)
    submit(responder, organisation, valid_referral, BASE)
    submit(responder, organisation, valid_referral, NEAR_COPY)
    run = similar_accounts_run(actor=OPERATOR)
    cluster = SimilarAccountCluster.objects.get(run=run)
    review = similar_cluster_review(
        actor=analyst, cluster_id=cluster.pk, note="  Same adviser, see the notes  "
    )
    assert (review.note, review.reviewed_by) == ("Same adviser, see the notes", analyst)
    event = AuditEvent.objects.get(verb=AuditVerb.SIMILAR_REVIEW)
    assert event.detail["note_given"] is True and "adviser" not in json.dumps(event.detail)
    # a later run with the same accounts: still reviewed
    later = similar_accounts_run(actor=OPERATOR)
    read = similar_cluster_get(
        actor=analyst, cluster_id=SimilarAccountCluster.objects.get(run=later).pk
    )
    assert read is not None and read.review == review and read.reviewed_as_is
    # an account joins: reviewed before, changed since
    submit(responder, organisation, valid_referral, BASE)
    newest = similar_accounts_run(actor=OPERATOR)
    read = similar_cluster_get(
        actor=analyst, cluster_id=SimilarAccountCluster.objects.get(run=newest).pk
    )
    assert read is not None and read.review == review and not read.reviewed_as_is
    with pytest.raises(errors.ClusterNotFound):
        similar_cluster_review(actor=analyst, cluster_id=cluster.pk)  # of an earlier run
    assert SimilarClusterReview.objects.count() == 1
