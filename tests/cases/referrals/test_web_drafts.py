"""Save and come back later: drafts of the organisation, audited, deleted on submit."""

from typing import Any

import pytest
from django.test import Client

from nrm.audit.models import AuditEvent, AuditVerb
from nrm.cases.models import AnonymousNotification, ReferralDraft
from nrm.cases.referrals.views.journey import DRAFT_SAVED
from nrm.standard.messages import TEXT_NUL
from tests.cases.referrals.web import ANSWERS, answer, complete_draft, draft_id_of, start

pytestmark = pytest.mark.django_db


def _draft_events(draft: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(target_type="cases.referraldraft", target_id=draft))


def test_save_and_come_back_later_keeps_a_half_filled_page(web: Client) -> None:
    half = {"given_name": "Testa", "date_of_birth_0": "3", "action": "save"}
    draft = start(web)
    response = answer(web, draft, "person", half)
    assert response["Location"] == "/referrals/"
    assert DRAFT_SAVED in web.get("/referrals/").content.decode()
    person = web.get(f"/referrals/drafts/{draft}/person/")
    assert person.context["form"]["given_name"].value() == "Testa"
    assert person.context["form"].errors == {}
    tasks = web.get(f"/referrals/drafts/{draft}/")
    assert tasks.context["tasks"][1]["status"] == "incomplete"


def test_the_first_page_saved_for_later_makes_a_draft_even_when_incomplete(web: Client) -> None:
    response = web.post("/referrals/new/", {"nation": "wales", "action": "save"})
    assert response["Location"] == "/referrals/"
    assert ReferralDraft.objects.get().data["sections"]["about"]["nation"] == ["wales"]


def test_drafts_are_listed_on_the_index_for_the_whole_organisation(
    web: Client, colleague: Client
) -> None:
    draft = start(web)
    listed = [d["draft"].pk for d in colleague.get("/referrals/").context["drafts"]]
    assert [str(pk) for pk in listed] == [draft]
    assert colleague.get(f"/referrals/drafts/{draft}/person/").status_code == 200


def test_another_organisations_draft_is_not_found_and_the_attempt_is_audited(
    web: Client, outsider: Client
) -> None:
    draft = start(web)
    assert outsider.get("/referrals/").context["drafts"] == []
    for path in ("", "person/", "check/"):
        response = outsider.get(f"/referrals/drafts/{draft}/{path}")
        assert response.status_code == 404, path
    response = outsider.post(f"/referrals/drafts/{draft}/person/", ANSWERS["person"])
    assert response.status_code == 404
    denied = AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED, detail__draft=draft)
    assert denied.count() == 4
    assert "person" not in ReferralDraft.objects.get().data["sections"]


def test_a_malformed_draft_id_is_not_found(web: Client) -> None:
    assert web.get("/referrals/drafts/not-a-draft/").status_code == 404


def test_every_read_and_write_of_a_draft_is_audited(web: Client) -> None:
    draft = start(web)
    web.get(f"/referrals/drafts/{draft}/person/")
    answer(web, draft, "person")
    events = [(e.verb, e.detail.get("draft")) for e in _draft_events(draft)]
    assert events == [
        (AuditVerb.DRAFT_WRITE, "created"),
        (AuditVerb.DRAFT_READ, True),
        (AuditVerb.DRAFT_READ, True),
        (AuditVerb.DRAFT_WRITE, "saved"),
    ]


def test_the_audit_holds_no_answers(web: Client) -> None:
    draft = complete_draft(web)
    details = str([e.detail for e in _draft_events(draft)])
    assert "Testa" not in details and "fictional" not in details


def test_submitting_deletes_the_draft_with_an_audited_record(web: Client) -> None:
    draft = complete_draft(web)
    web.post(f"/referrals/drafts/{draft}/check/")
    assert not ReferralDraft.objects.exists()
    assert _draft_events(draft)[-1].detail == {"draft": "submitted"}


def test_a_draft_can_be_deleted(web: Client) -> None:
    draft = start(web)
    assert web.post(f"/referrals/drafts/{draft}/delete/")["Location"] == "/referrals/"
    assert not ReferralDraft.objects.exists()
    assert _draft_events(draft)[-1].detail == {"draft": "deleted"}


def test_an_adult_who_declines_is_offered_an_anonymous_notification(web: Client) -> None:
    draft = complete_draft(web)
    response = answer(web, draft, "consent", {"consent": "no"})
    assert response["Location"] == f"/referrals/drafts/{draft}/declined/"
    offer = web.get(response["Location"])
    assert f"/referrals/notifications/new/?draft={draft}" in offer.content.decode()


def test_the_notification_from_a_declined_referral_keeps_nothing_identifying(
    web: Client,
) -> None:
    draft = complete_draft(web)
    answer(web, draft, "consent", {"consent": "no"})
    form = web.get(f"/referrals/notifications/new/?draft={draft}").context["form"]
    assert form.initial["nationality"] == "Nigeria" and form.initial["gender"] == "female"
    posted: dict[str, Any] = {
        "notification_date_0": "14",
        "notification_date_1": "5",
        "notification_date_2": "2012",
        "nation": "england",
        "gender": "female",
        "nationality": "Nigeria",
        "exploitation_type": "sexual",
    }
    response = web.post(f"/referrals/notifications/new/?draft={draft}", posted)
    notification = AnonymousNotification.objects.get()
    assert response["Location"] == f"/referrals/notifications/{notification.reference}/"
    assert notification.nationality == "NGA"
    assert not ReferralDraft.objects.exists()
    assert _draft_events(draft)[-1].detail == {"draft": "replaced_by_notification"}


def test_a_new_page_saved_returns_the_draft_address(web: Client) -> None:
    response = web.post("/referrals/new/", ANSWERS["about"])
    assert response["Location"] == f"/referrals/drafts/{draft_id_of(response)}/"


def test_text_the_case_store_cannot_hold_is_refused_on_the_page_and_nothing_is_saved(
    web: Client,
) -> None:
    draft = start(web)
    before = ReferralDraft.objects.get(pk=draft).data
    person = {**ANSWERS["person"], "given_name": "Tes\x00ta", "action": "save"}
    response = answer(web, draft, "person", person)
    assert response.status_code == 200
    assert TEXT_NUL in response.content.decode()
    assert ReferralDraft.objects.get(pk=draft).data == before
