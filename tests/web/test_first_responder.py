"""A first responder in a real browser: the referral journey with the keyboard alone, with
JavaScript disabled, a validation error, an adult who declines (anonymous notification, found
again later), and a child who becomes an adult on check your answers (asked for consent)."""

import re
from collections.abc import Callable
from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Locator, Page, expect

from nrm.accounts.models import Organisation, User
from nrm.cases.models import AnonymousNotification, Referral, ReferralDraft
from nrm.cases.referrals.web_messages import CONSENT_NOW_NEEDED, SECTION_NOT_DONE
from nrm.standard import messages

from .conftest import Checked, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

IS_FOCUSED = "el => el === document.activeElement"
IN_SAME_GROUP = (
    "el => document.activeElement && document.activeElement.type === 'radio' "
    "&& document.activeElement.name === el.name"
)


def tab_to(page: Page, target: Locator, limit: int = 250) -> None:
    """Press Tab until ``target`` has the focus. A radio button is reached as people do: Tab
    into its group, then the arrow keys to it."""
    radio = target.get_attribute("type") == "radio"
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate(IS_FOCUSED):
            return
        if radio and target.evaluate(IN_SAME_GROUP):
            for _ in range(30):
                if target.evaluate(IS_FOCUSED):
                    return
                page.keyboard.press("ArrowDown")
    raise AssertionError(f"Tab never reached {target}")


def type_into(page: Page, target: Locator, text: str) -> None:
    tab_to(page, target)
    page.keyboard.type(text)


def press(page: Page, target: Locator, key: str = "Enter") -> None:
    tab_to(page, target)
    page.keyboard.press(key)


def choose(page: Page, target: Locator) -> None:
    """Select a radio button or tick a checkbox with the keyboard."""
    tab_to(page, target)
    if not target.is_checked():
        page.keyboard.press("Space")
    expect(target).to_be_checked()


def fill_date(page: Page, legend: str, day: str, month: str, year: str) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(day)
    group.get_by_label("Month").fill(month)
    group.get_by_label("Year").fill(year)


def date_by_keys(page: Page, group: str, day: str, month: str, year: str) -> None:
    fieldset = page.get_by_role("group", name=group)
    type_into(page, fieldset.get_by_label("Day"), day)
    page.keyboard.press("Tab")
    page.keyboard.type(month)
    page.keyboard.press("Tab")
    page.keyboard.type(year)


def open_task(page: Page, name: str, check: Checked) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text("Refer a potential victim")
    check(page, "task-list")
    press(page, page.get_by_role("link", name=name, exact=True))


def continue_by_keys(page: Page) -> None:
    press(page, page.get_by_role("button", name="Continue"))


def test_a_first_responder_completes_a_referral_with_the_keyboard_alone(
    live_server: object,
    page: Page,
    web_user: Callable[..., User],
    organisation: Organisation,
    check: Checked,
) -> None:
    sign_in(page, str(live_server), web_user("officer", organisation), check)
    press(page, page.get_by_role("navigation").get_by_role("link", name="Referrals"))
    check(page, "referrals")
    press(page, page.get_by_role("button", name="Start a referral"))

    check(page, "about")
    date_by_keys(page, "Date of the referral", "14", "5", "2012")
    choose(page, page.get_by_role("radio", name="England"))
    region = page.get_by_label("Police region or country where the person presented")
    type_into(page, region, "London")
    expect(region).to_have_value("london")
    type_into(page, page.get_by_label("Your name"), "PC Example")
    choose(page, page.get_by_role("group", name=re.compile("immigration")).get_by_label("Yes"))
    continue_by_keys(page)

    open_task(page, "The person", check)
    check(page, "person")
    type_into(page, page.get_by_label("Given names"), "Testa")
    type_into(page, page.get_by_label("Family name"), "Fictiva")
    date_by_keys(page, "Date of birth", "3", "2", "1990")
    choose(page, page.get_by_role("radio", name="Female"))
    type_into(page, page.get_by_label("Nationality the person claims"), "Nigeria")
    type_into(page, page.get_by_label("Languages spoken"), "English, Yoruba")
    choose(page, page.get_by_role("group", name=re.compile("interpreter")).get_by_label("No"))
    continue_by_keys(page)

    open_task(page, "Consent", check)
    check(page, "consent")
    choose(page, page.get_by_role("radio", name="Yes"))
    continue_by_keys(page)

    open_task(page, "The exploitation", check)
    check(page, "exploitation")
    choose(page, page.get_by_role("radio", name="Sexual exploitation"))
    choose(page, page.get_by_role("checkbox", name="Sexual exploitation: Brothel"))
    where = page.get_by_label("Where did the exploitation take place?")
    type_into(page, where, "London")
    expect(where).to_have_value("london")
    continue_by_keys(page)

    open_task(page, "The person's account", check)
    check(page, "account")
    type_into(page, page.get_by_label("The person's account"), "A fictional account.")
    continue_by_keys(page)

    open_task(page, "Check your answers and submit", check)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Check your answers")
    check(page, "check-your-answers")
    press(page, page.get_by_role("button", name="Submit referral"))

    expect(page.locator(".govuk-panel__title")).to_have_text("Referral submitted")
    reference = Referral.objects.get().reference
    expect(page.locator("#reference")).to_have_text(reference)
    check(page, "confirmation")
    press(page, page.get_by_role("link", name="View the referral"))
    expect(page.get_by_role("heading", level=1)).to_have_text(reference)
    check(page, "referral")
    assert not ReferralDraft.objects.exists()


def _answer_about(page: Page) -> None:
    group = page.get_by_role("group", name="Date of the referral")
    group.get_by_label("Day").fill("14")
    group.get_by_label("Month").fill("5")
    group.get_by_label("Year").fill("2012")
    page.get_by_role("radio", name="England").check()
    page.get_by_label("Police region or country where the person presented").select_option("london")
    page.get_by_role("group", name=re.compile("immigration")).get_by_label("No").check()
    page.get_by_label("Your name").fill("PC Example")
    page.get_by_role("button", name="Continue").click()


def _answer_person(page: Page) -> None:
    page.get_by_role("link", name="The person", exact=True).click()
    page.get_by_label("Given names").fill("Testa")
    page.get_by_label("Estimated age in years").fill("30")
    page.get_by_role("radio", name="Female").check()
    page.get_by_label("Nationality the person claims").fill("NGA")
    page.get_by_role("button", name="Continue").click()


def test_the_referral_journey_works_with_javascript_disabled(
    live_server: object, browser: Browser, web_user: Callable[..., User], organisation: Organisation
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, str(live_server), web_user("officer", organisation))
    page.goto(f"{live_server}/referrals/")
    page.get_by_role("button", name="Start a referral").click()
    _answer_about(page)
    _answer_person(page)
    page.get_by_role("link", name="Consent").click()
    page.get_by_role("radio", name="Yes").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="The exploitation").click()
    page.get_by_role("radio", name="Labour exploitation").check()
    page.get_by_role("checkbox", name="Labour exploitation: Construction").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="The person's account").click()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="Check your answers and submit").click()
    page.get_by_role("button", name="Submit referral").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Referral submitted")
    expect(page.locator("#reference")).to_have_text(Referral.objects.get().reference)
    context.close()


def test_a_date_in_the_future_shows_the_apis_message_in_the_summary_and_on_the_field(
    live_server: object,
    page: Page,
    web_user: Callable[..., User],
    organisation: Organisation,
    check: Checked,
) -> None:
    sign_in(page, str(live_server), web_user("officer", organisation))
    page.goto(f"{live_server}/referrals/new/")
    group = page.get_by_role("group", name="Date of the referral")
    group.get_by_label("Day").fill("14")
    group.get_by_label("Month").fill("5")
    group.get_by_label("Year").fill("2099")
    page.get_by_role("radio", name="England").check()
    page.get_by_role("group", name=re.compile("immigration")).get_by_label("No").check()
    page.get_by_label("Your name").fill("PC Example")
    page.get_by_role("button", name="Continue").click()
    message = messages.FUTURE_DATE.format(Name="The date of the referral")
    expect(page.locator(".govuk-error-summary")).to_contain_text(message)
    expect(page.locator(".govuk-error-message")).to_have_text(f"Error: {message}")
    expect(page).to_have_title(re.compile("^Error: "))
    check(page, "future-date")
    assert not ReferralDraft.objects.exists()
    page.locator(".govuk-error-summary").get_by_role("link", name=message).click()
    expect(group.get_by_label("Day")).to_be_focused()


def test_an_adult_who_declines_is_notified_anonymously(
    live_server: object,
    page: Page,
    web_user: Callable[..., User],
    organisation: Organisation,
    check: Checked,
) -> None:
    sign_in(page, str(live_server), web_user("officer", organisation))
    page.goto(f"{live_server}/referrals/new/")
    _answer_about(page)
    _answer_person(page)
    page.get_by_role("link", name="Consent").click()
    page.get_by_role("radio", name="No").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "The person has not consented to be referred"
    )
    check(page, "declined")
    page.get_by_role("button", name="Make an anonymous notification").click()
    expect(page.get_by_label("Nationality (optional)")).to_have_value("NGA")
    check(page, "notification")
    page.get_by_role("button", name="Submit anonymous notification").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Anonymous notification submitted")
    notification = AnonymousNotification.objects.get()
    expect(page.locator("#reference")).to_have_text(notification.reference)
    check(page, "notification-sent")
    assert notification.nationality == "NGA" and notification.gender == "female"
    assert not ReferralDraft.objects.exists() and not Referral.objects.exists()
    # The notification can be found again from the referrals page.
    page.get_by_role("link", name="Your organisation's anonymous notifications").click()
    check(page, "notifications")
    page.get_by_role("link", name=notification.reference).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(notification.reference)
    expect(page.locator("#notification")).to_contain_text("Nigeria")
    check(page, "notification")


def test_a_child_who_becomes_an_adult_on_check_your_answers_is_asked_for_consent(
    live_server: object,
    page: Page,
    web_user: Callable[..., User],
    organisation: Organisation,
    check: Checked,
) -> None:
    """The testers' story: a child's referral, the date of birth changed to 1990 on check your
    answers, then the consent question, and the referral submitted."""
    sign_in(page, str(live_server), web_user("officer", organisation))
    page.goto(f"{live_server}/referrals/new/")
    today = timezone.localdate()
    fill_date(page, "Date of the referral", str(today.day), str(today.month), str(today.year))
    page.get_by_role("radio", name="England").check()
    page.get_by_role("group", name=re.compile("immigration")).get_by_label("No").check()
    page.get_by_label("Your name").fill("PC Example")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="The person", exact=True).click()
    page.get_by_label("Given names").fill("Testa")
    fill_date(page, "Date of birth", "3", "2", "2012")
    page.get_by_role("radio", name="Female").check()
    page.get_by_label("Nationality the person claims").fill("NGA")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#task-consent-status")).to_have_text("Completed")
    page.get_by_role("link", name="The exploitation").click()
    page.get_by_role("radio", name="Labour exploitation").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="The person's account").click()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="Check your answers and submit").click()
    consent = page.locator(".govuk-summary-list__row").filter(has_text="Informed consent")
    expect(consent).to_contain_text("Not needed: the person is a child")
    check(page, "check-child")

    page.get_by_role("link", name="Change date of birth").click()
    fill_date(page, "Date of birth", "3", "2", "1990")
    page.get_by_role("button", name="Continue").click()
    question = "Has the person given their informed consent to be referred?"
    expect(page.get_by_role("heading", level=1)).to_have_text(question)
    expect(page.locator(".govuk-notification-banner")).to_contain_text(CONSENT_NOW_NEEDED)
    check(page, "consent-now-needed")

    # Leaving the question unanswered: check your answers says what is missing, not an error.
    page.get_by_role("link", name="Back").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text(SECTION_NOT_DONE["consent"])
    expect(page.get_by_role("button", name="Submit referral")).to_have_count(0)
    check(page, "check-consent-missing")
    summary.get_by_role("link", name=SECTION_NOT_DONE["consent"]).click()

    page.get_by_role("radio", name="Yes").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Check your answers")
    expect(consent).to_contain_text("Yes")
    check(page, "check-adult")
    page.get_by_role("button", name="Submit referral").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Referral submitted")
    check(page, "confirmation")
    referral = Referral.objects.select_related("person").get()
    assert referral.consent is True
    assert referral.person.date_of_birth == date(1990, 2, 3)
    assert not ReferralDraft.objects.exists()
