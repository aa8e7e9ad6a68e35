"""The similar-accounts pages for the hub's intelligence analyst: the queue of groups, a group
with what its referrals share, two accounts side by side with the shared passages marked (and
everything else escaped), and marking a group as reviewed. Every read is audited; two accounts
that are not a lead are not shown; the caseworker's pages say nothing about groups."""

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.models import Referral
from nrm.intelligence.models import SimilarAccountCluster, SimilarClusterReview
from nrm.intelligence.similar import shingle_hashes
from nrm.intelligence.similar_pages import passages
from nrm.intelligence.similar_services import similar_accounts_run
from nrm.intelligence.similar_views import NOTE_LIMIT, NOTE_TOO_LONG, NOTE_UNREADABLE
from tests.intelligence.similar_accounts import BASE, NEAR_COPY, UNRELATED, submit

pytestmark = pytest.mark.django_db

LEAD = "A group of similar accounts is a lead for analysis, not a finding about anyone"


def _marked(account: dict[str, Any]) -> list[str]:
    return [part["text"] for line in account["lines"] for part in line if part["marked"]]


def test_the_passages_shared_with_the_other_account_are_marked() -> None:
    shown = passages(NEAR_COPY, shingle_hashes(BASE))
    marked = _marked(shown)
    assert len(marked) == 2  # all but the changed word
    assert marked[0].startswith("A man I met") and marked[0].endswith("above a shop with")
    assert marked[1].startswith("other women and was made")
    assert "three" not in "".join(marked)
    assert shown["words"] == len(NEAR_COPY.split()) and shown["shared"] == shown["words"] - 1


def test_nothing_is_marked_in_an_account_with_nothing_in_common() -> None:
    shown = passages(UNRELATED, shingle_hashes(BASE))
    assert _marked(shown) == []
    assert "".join(part["text"] for part in shown["lines"][0]) == UNRELATED


def test_line_breaks_become_lines_and_punctuation_stays_as_written() -> None:
    text = "I was taken to a flat.\n\nThey kept my passport, my phone — and my money!"
    shown = passages(text, shingle_hashes(text))
    assert [["".join(p["text"] for p in line)] for line in shown["lines"]] == [
        ["I was taken to a flat."],
        ["They kept my passport, my phone — and my money!"],
    ]
    assert _marked(shown) == [
        "I was taken to a flat.",  # one passage, across the line break
        "They kept my passport, my phone — and my money",
    ]


@pytest.fixture
def leads(
    make_user: Callable[..., User], organisation: Organisation, valid_referral: dict[str, Any]
) -> dict[str, Referral]:
    """Three referrals whose accounts are near copies (one with markup in it), one not; the
    search run."""
    responder = make_user("responder", organisation)
    found = {
        "base": submit(responder, organisation, valid_referral, BASE),
        "copy": submit(
            responder, organisation, valid_referral, NEAR_COPY + " <script>alert(1)</script>"
        ),
        "upper": submit(responder, organisation, valid_referral, BASE.upper(),
                        claimed_nationalities=["ALB"], referral_date="2012-07-02"),
        "other": submit(responder, organisation, valid_referral, UNRELATED),
    }  # fmt: skip
    similar_accounts_run(actor=OPERATOR)
    return found


@pytest.fixture
def analyst_client(make_user: Callable[..., User], signed_in: Callable[[User], Client]) -> Client:
    hub = Organisation.objects.create(code="nca-ukhtc", name="NCA / UKHTC")
    return signed_in(make_user("analyst", hub, DefaultRole.INTELLIGENCE_ANALYST))


def test_the_queue_lists_the_groups_with_their_dates_nationalities_and_organisations(
    leads: dict[str, Referral], analyst_client: Client
) -> None:
    index = analyst_client.get("/intelligence/").content.decode()
    assert "Review accounts that are near copies of other accounts" in index
    response = analyst_client.get("/intelligence/similar-accounts/")
    page = response.content.decode()
    assert response.status_code == 200
    assert LEAD in page
    assert "3 accounts" in page and "14 May to 2 July 2012" in page
    assert "Nigeria (2), Albania (1)" in page
    assert "Metropolitan Police Service (3)" in page and "Not reviewed" in page
    assert "restaurant" not in page.lower()  # no account text in the queue
    event = AuditEvent.objects.filter(verb=AuditVerb.SIMILAR_READ).latest("seq")
    assert event.detail["clusters"] == [SimilarAccountCluster.objects.get().pk]


def test_a_group_shows_what_its_referrals_share_and_its_pairs(
    leads: dict[str, Referral], analyst_client: Client
) -> None:
    cluster = SimilarAccountCluster.objects.get()
    response = analyst_client.get(f"/intelligence/similar-accounts/{cluster.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Group of 3 similar accounts" in page and LEAD in page
    for shared in ("First responder organisations", "Nationality claimed", "Sexual exploitation"):
        assert shared in page
    for name in ("base", "copy", "upper"):
        assert leads[name].reference in page
    assert leads["other"].reference not in page
    assert page.count("Compare the accounts") == 3
    assert "restaurant" not in page.lower()
    event = AuditEvent.objects.filter(verb=AuditVerb.SIMILAR_READ).latest("seq")
    assert sorted(event.detail["references"]) == sorted(
        leads[n].reference for n in ("base", "copy", "upper")
    )
    assert analyst_client.get("/intelligence/similar-accounts/999999/").status_code == 404


def test_two_accounts_side_by_side_mark_the_shared_passages_and_escape_the_rest(
    leads: dict[str, Referral], analyst_client: Client
) -> None:
    left, right = leads["base"].reference, leads["copy"].reference
    response = analyst_client.get(f"/intelligence/similar-accounts/compare/{left}/{right}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert LEAD in page and "% alike" in page
    assert "<mark>A man I met at a cafe" in page
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    event = AuditEvent.objects.get(verb=AuditVerb.SIMILAR_ACCOUNTS_READ)
    assert event.detail["references"] == [left, right]
    assert "restaurant" not in json.dumps(event.detail)


def test_two_accounts_that_are_not_a_lead_are_not_shown(
    leads: dict[str, Referral], analyst_client: Client
) -> None:
    denied = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count()
    for left, right in (("base", "other"), ("base", "base")):
        pair = f"{leads[left].reference}/{leads[right].reference}"
        response = analyst_client.get(f"/intelligence/similar-accounts/compare/{pair}/")
        assert response.status_code == 404
        assert "restaurant" not in response.content.decode().lower()
    assert (
        analyst_client.get("/intelligence/similar-accounts/compare/NRM-X/NRM-Y/").status_code == 404
    )
    assert AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count() == denied + 3
    assert not AuditEvent.objects.filter(verb=AuditVerb.SIMILAR_ACCOUNTS_READ).exists()


def test_pairs_found_when_referrals_are_made_are_listed_until_the_next_search(
    leads: dict[str, Referral],
    analyst_client: Client,
    make_user: Callable[..., User],
    organisation: Organisation,
    valid_referral: dict[str, Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    responder = make_user("responder-2", organisation)
    with django_capture_on_commit_callbacks(execute=True):
        late = submit(responder, organisation, valid_referral, UNRELATED + " Thank you.")
    page = analyst_client.get("/intelligence/similar-accounts/").content.decode()
    assert "Near copies found when referrals were made since then" in page
    assert late.reference in page and leads["other"].reference in page
    compare = f"/intelligence/similar-accounts/compare/{leads['other'].reference}/{late.reference}/"
    assert compare in page
    assert analyst_client.get(compare).status_code == 200
    similar_accounts_run(actor=OPERATOR)
    page = analyst_client.get("/intelligence/similar-accounts/").content.decode()
    assert late.reference not in page and "2 accounts" in page


def test_an_analyst_marks_a_group_as_reviewed_with_a_note(
    leads: dict[str, Referral], analyst_client: Client
) -> None:
    cluster = SimilarAccountCluster.objects.get()
    url = f"/intelligence/similar-accounts/{cluster.pk}/reviewed/"
    refused = analyst_client.post(url, {"note": "x" * (NOTE_LIMIT + 1)})
    assert refused.status_code == 400
    assert NOTE_TOO_LONG in refused.content.decode()
    unreadable = analyst_client.post(url, {"note": "a\x00b"})
    assert unreadable.status_code == 400 and NOTE_UNREADABLE in unreadable.content.decode()
    assert not SimilarClusterReview.objects.exists()
    response = analyst_client.post(url, {"note": "Same adviser <b>named</b>"}, follow=True)
    page = response.content.decode()
    assert "You marked this group of accounts as reviewed." in page
    assert "Same adviser &lt;b&gt;named&lt;/b&gt;" in page
    assert re.search(r"Reviewed</strong> by", page)
    queue = analyst_client.get("/intelligence/similar-accounts/").content.decode()
    assert "Not reviewed" not in queue and "Reviewed" in queue
    assert analyst_client.post("/intelligence/similar-accounts/999999/reviewed/").status_code == 404


def test_the_caseworkers_pages_say_nothing_about_groups_of_accounts(
    leads: dict[str, Referral],
    make_user: Callable[..., User],
    signed_in: Callable[[User], Client],
) -> None:
    authority = Organisation.objects.create(
        code="home-office-ca", name="Home Office CA", competent_authority="home_office"
    )
    caseworker = signed_in(make_user("caseworker", authority, DefaultRole.CASEWORKER))
    for name in ("base", "copy"):
        response = caseworker.get(f"/casework/cases/{leads[name].reference}/")
        assert response.status_code == 200
        page = response.content.decode().lower()
        assert "restaurant" in page  # they read the account itself
        for word in ("similar", "near cop", "group of"):
            assert word not in page, word
    assert caseworker.get("/intelligence/similar-accounts/").status_code == 403
