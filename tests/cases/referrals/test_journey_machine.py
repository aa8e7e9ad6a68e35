"""The referral journey as a state machine, driven through Django's test client: Hypothesis
answers the sections in random orders, saves pages half-filled, changes answers from check your
answers (the person between adult and child by date of birth or estimated age, an age
disputed, consent declined), goes back and submits. At every step no page fails, the task list
says what a model of the journey says, a child is never asked for consent, an adult who
declines is led to the anonymous notification, and an unfinished draft is refused with a page
that names what is missing."""

import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from nrm.cases.models import AnonymousNotification, Referral, ReferralDraft
from nrm.cases.referrals.journey import SECTIONS
from tests.cases.referrals.web import ANSWERS, draft_id_of

pytestmark = pytest.mark.django_db

ADULT, CHILD = "adult", "child"
NO_BIRTH = {"date_of_birth_0": "", "date_of_birth_1": "", "date_of_birth_2": ""}
# The person's answers, with the age group they give (referred 14 May 2012, exploited from
# 1 June 2011): by date of birth, by estimated age, or an age disputed.
PERSONS: dict[str, tuple[dict[str, Any], str]] = {
    "adult by date of birth": (ANSWERS["person"], ADULT),
    "child by date of birth": ({**ANSWERS["person"], "date_of_birth_2": "2000"}, CHILD),
    "adult by estimated age": ({**ANSWERS["person"], **NO_BIRTH, "estimated_age": "30"}, ADULT),
    "child by estimated age": ({**ANSWERS["person"], **NO_BIRTH, "estimated_age": "12"}, CHILD),
    "age disputed": (
        {**ANSWERS["person"], **NO_BIRTH, "estimated_age": "30", "age_disputed": "yes"},
        CHILD,
    ),
}
# Pages that are refused whatever else was answered; nothing of them is saved on Continue.
REFUSED = {
    "about": {
        **ANSWERS["about"],
        **{"referral_date_0": "31", "referral_date_1": "2", "referral_date_2": "2026"},
        **{"nation": "wales", "police_region": "london", "first_responder_officer": ""},
    },
    "person": {**ANSWERS["person"], "date_of_birth_0": "30"},
    "exploitation": {**ANSWERS["exploitation"], "exploitation_region": "overseas"},
}
OTHERS = ("about", "exploitation", "account")
BACK_LINK = re.compile(r'<a href="([^"]+)" class="govuk-back-link"')
CHILD_CONSENT = "The person is a child, so no consent is needed"


@dataclass
class Model:
    """What the journey should hold: the sections completed and started, the person's age
    group, and the consent answer kept (with whether it completes the section)."""

    draft: str = ""
    done: set[str] = field(default_factory=set)
    started: set[str] = field(default_factory=set)
    age: str | None = None
    consent: str = ""
    consent_done: bool = False

    def status(self, section: str) -> str:
        if section == "consent":
            if "person" not in self.done or self.age is None:
                return "cannot_start"
            if self.age == CHILD or self.consent_done:
                return "completed"
        elif section in self.done:
            return "completed"
        return "incomplete" if section in self.started else "not_started"

    def ready(self) -> bool:
        return all(self.status(section) == "completed" for section in SECTIONS)

    def next_section(self) -> str | None:
        todo = [s for s in SECTIONS if self.status(s) in ("incomplete", "not_started")]
        return todo[0] if todo else None


class Journey(RuleBasedStateMachine):
    client: Client

    def __init__(self) -> None:
        super().__init__()
        self.model = Model()
        self.page = ""

    # Requests: none may fail, and the last page's text is kept to go back from.
    def get(self, url: str) -> Any:
        response = self.client.get(url)
        assert response.status_code < 500, url
        if response.status_code == 200:
            self.page = response.content.decode()
        return response

    def post(self, url: str, data: dict[str, Any]) -> Any:
        response = self.client.post(url, data)
        assert response.status_code < 500, url
        if response.status_code == 200:
            self.page = response.content.decode()
        return response

    def url(self, section: str = "", from_check: bool = False) -> str:
        page = f"/referrals/drafts/{self.model.draft}/" + (f"{section}/" if section else "")
        return page + ("?return=check" if from_check else "")

    def expect_next(self, response: Any, *, saved: bool, from_check: bool) -> None:
        """A page answered leads to the referrals (saved for later), else to the first section
        that needs answers or check your answers (from there), else the task list."""
        assert response.status_code == 302, response.content.decode()[-2000:]
        following = self.model.next_section()
        if saved:
            expected = "/referrals/"
        elif not from_check:
            expected = self.url()
        elif following is None:
            expected = self.url("check")
        else:
            expected = self.url(following, from_check=True)
        assert response["Location"] == expected

    # Rules
    @precondition(lambda self: not self.model.draft)
    @rule()
    def start(self) -> None:
        response = self.post("/referrals/new/", ANSWERS["about"])
        self.model = Model(draft=draft_id_of(response), done={"about"}, started={"about"})
        assert response["Location"] == self.url()

    @precondition(lambda self: self.model.draft)
    @rule(variant=st.sampled_from(sorted(PERSONS)), from_check=st.booleans(), save=st.booleans())
    def answer_person(self, variant: str, from_check: bool, save: bool) -> None:
        answers, age = PERSONS[variant]
        data = {**answers, "action": "save" if save else "continue"}
        response = self.post(self.url("person", from_check), data)
        self.model.done.add("person")
        self.model.started.add("person")
        self.model.age = age
        self.expect_next(response, saved=save, from_check=from_check)

    @precondition(lambda self: self.model.draft)
    @rule(from_check=st.booleans())
    def save_person_half_filled(self, from_check: bool) -> None:
        half = {"given_name": "Testa", "action": "save"}
        response = self.post(self.url("person", from_check), half)
        self.model.done.discard("person")
        self.model.started.add("person")
        self.model.age = None
        self.expect_next(response, saved=True, from_check=from_check)

    @precondition(lambda self: self.model.draft)
    @rule(answer=st.sampled_from(["yes", "no", ""]), from_check=st.booleans(), save=st.booleans())
    def answer_consent(self, answer: str, from_check: bool, save: bool) -> None:
        data = {"consent": answer, "action": "save" if save else "continue"}
        status = self.model.status("consent")
        response = self.post(self.url("consent", from_check), data)
        if status == "cannot_start":
            assert response["Location"] == self.url()
            return
        if self.model.age == CHILD:  # nothing to answer, nothing kept
            self.expect_next(response, saved=save, from_check=from_check)
            return
        if answer == "" and not save:
            assert response.status_code == 200 and "govuk-error-summary" in self.page
            return
        self.model.started.add("consent")
        self.model.consent = answer
        self.model.consent_done = answer == "yes"
        if answer == "no" and not save:
            assert response["Location"] == self.url("declined")
            assert "not consented" in self.get(response["Location"]).content.decode()
            return
        self.expect_next(response, saved=save, from_check=from_check)

    @precondition(lambda self: self.model.draft)
    @rule(section=st.sampled_from(OTHERS), from_check=st.booleans(), save=st.booleans())
    def answer_other(self, section: str, from_check: bool, save: bool) -> None:
        data = {**ANSWERS[section], "action": "save" if save else "continue"}
        response = self.post(self.url(section, from_check), data)
        self.model.done.add(section)
        self.model.started.add(section)
        self.expect_next(response, saved=save, from_check=from_check)

    @precondition(lambda self: self.model.draft)
    @rule(section=st.sampled_from(sorted(REFUSED)), from_check=st.booleans())
    def answer_wrongly(self, section: str, from_check: bool) -> None:
        response = self.post(self.url(section, from_check), REFUSED[section])
        assert response.status_code == 200
        assert len(response.context["form"].errors) >= (2 if section == "about" else 1)

    @precondition(lambda self: self.model.draft)
    @rule(section=st.sampled_from([*SECTIONS, "check", ""]), from_check=st.booleans())
    def open_page(self, section: str, from_check: bool) -> None:
        response = self.get(self.url(section, from_check and section in SECTIONS))
        if section == "consent" and self.model.status("consent") == "cannot_start":
            assert response["Location"] == self.url()
            return
        assert response.status_code == 200
        if section == "consent":
            child = self.model.age == CHILD
            assert (CHILD_CONSENT in self.page) == child
            assert ('name="consent"' in self.page) == (not child)

    @precondition(lambda self: self.model.draft and BACK_LINK.search(self.page))
    @rule()
    def go_back(self) -> None:
        found = BACK_LINK.search(self.page)
        assert found is not None
        response = self.get(found.group(1).replace("&amp;", "&"))
        assert response.status_code in (200, 302)

    @precondition(lambda self: self.model.draft)
    @rule()
    def submit(self) -> None:
        response = self.post(self.url("check"), {})
        if not self.model.ready():
            assert response.status_code == 200
            hrefs = [item["href"] for item in response.context["error_summary"]]
            for section in SECTIONS:
                if self.model.status(section) in ("incomplete", "not_started"):
                    assert any(f"/{section}/?return=check" in h for h in hrefs), section
            assert "Submit referral" not in self.page
            assert ReferralDraft.objects.filter(pk=self.model.draft).exists()
            return
        assert response.status_code == 302
        reference = response["Location"].split("/")[-2]
        assert self.get(response["Location"]).status_code == 200
        referral = Referral.objects.get(reference=reference)
        assert referral.consent is (None if self.model.age == CHILD else True)
        assert not ReferralDraft.objects.filter(pk=self.model.draft).exists()
        self.model = Model()

    @precondition(
        lambda self: self.model.draft and self.model.age == ADULT and self.model.consent == "no"
    )
    @rule()
    def notify_anonymously(self) -> None:
        """An adult who declined: the anonymous notification replaces the draft."""
        url = f"/referrals/notifications/new/?draft={self.model.draft}"
        self.get(url)
        notification = {
            "notification_date_0": "14",
            "notification_date_1": "5",
            "notification_date_2": "2012",
            "nation": "england",
            "gender": "female",
        }
        response = self.post(url, notification)
        assert response.status_code == 302
        reference = response["Location"].split("/")[-2]
        assert AnonymousNotification.objects.get(reference=reference).age_group == ADULT
        assert self.get(response["Location"]).status_code == 200
        assert not ReferralDraft.objects.filter(pk=self.model.draft).exists()
        self.model = Model()

    @invariant()
    def the_task_list_says_what_the_model_says(self) -> None:
        if not self.model.draft:
            return
        response = self.client.get(self.url())
        assert response.status_code == 200
        statuses = {t["section"]: t["status"] for t in response.context["tasks"]}
        assert statuses == {s: self.model.status(s) for s in SECTIONS}
        assert response.context["ready"] == self.model.ready()


def test_the_referral_journey_in_any_order_never_fails_and_never_asks_a_child_for_consent(
    web: Client,
) -> None:
    Journey.client = web
    run_state_machine_as_test(
        Journey,
        settings=settings(
            max_examples=12,
            stateful_step_count=25,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
