"""Helpers of the referral page tests: the valid_referral fixture's answers as each page of the
web journey posts them, and reading a page's errors."""

import html
import re
import uuid
from typing import Any

from django.test import Client
from django.test.client import Client as TestClient

# The answers of tests/conftest.py's ``valid_referral``, page by page.
ANSWERS: dict[str, dict[str, Any]] = {
    "about": {
        "referral_date_0": "14",
        "referral_date_1": "5",
        "referral_date_2": "2012",
        "nation": "england",
        "police_region": "london",
        "first_responder_officer": "PC Example",
        "linked_immigration_interest": "yes",
    },
    "person": {
        "given_name": "Testa",
        "family_name": "Fictiva",
        "aliases": "T. F.",
        "date_of_birth_0": "3",
        "date_of_birth_1": "2",
        "date_of_birth_2": "1990",
        "gender": "female",
        "claimed_nationality_1": "Nigeria",
        "languages": "English, yor",
        "interpreter_needed": "no",
    },
    "consent": {"consent": "yes"},
    "exploitation": {
        "exploitation_type": "sexual",
        "exploitation_sub_types": ["sexual_brothel"],
        "exploitation_region": "london",
        "exploitation_start_0": "1",
        "exploitation_start_1": "6",
        "exploitation_start_2": "2011",
        "exploitation_end_0": "30",
        "exploitation_end_1": "4",
        "exploitation_end_2": "2012",
    },
    "account": {"account": "A fictional account used in tests."},
}
SECTIONS = list(ANSWERS)


def draft_id_of(response: Any) -> str:
    """The draft id in the address a page redirected to."""
    found = re.search(r"/referrals/drafts/([0-9a-f-]{36})/", response["Location"])
    assert found, response["Location"]
    return str(uuid.UUID(found.group(1)))


def start(client: Client, answers: dict[str, Any] | None = None, **extra: Any) -> str:
    """Answer the first page of a new referral; return the new draft's id."""
    response = client.post("/referrals/new/", {**(answers or ANSWERS["about"]), **extra})
    assert response.status_code == 302, page_errors(response)
    return draft_id_of(response)


def answer(client: Client, draft: str, section: str, data: dict[str, Any] | None = None) -> Any:
    return client.post(
        f"/referrals/drafts/{draft}/{section}/", ANSWERS[section] if data is None else data
    )


def complete_draft(client: Client) -> str:
    draft = start(client)
    for section in SECTIONS[1:]:
        response = answer(client, draft, section)
        assert response.status_code == 302, (section, page_errors(response))
    return draft


def page_errors(response: Any) -> dict[str, list[str]]:
    """The field errors of the page's form (empty when the page redirected)."""
    context = getattr(response, "context", None)
    if not context or "form" not in context:
        return {}
    return {name: [str(e) for e in errors] for name, errors in context["form"].errors.items()}


def shown_in_summary_and_on_field(response: Any, message: str) -> bool:
    """The message is in the error summary and in a field's error message."""
    page = response.content.decode()
    escaped = html.escape(message)
    summary = page.split('class="govuk-error-summary"', 1)
    if len(summary) < 2:
        return False
    in_summary = escaped in summary[1].split("</ul>", 1)[0]
    on_field = re.search(
        r'class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> '
        + re.escape(escaped),
        page,
    )
    return in_summary and on_field is not None


def api_errors(api: TestClient, body: dict[str, Any], kind: str = "referrals") -> dict[str, str]:
    """The API's message for each field it refuses in ``body``."""
    response = api.post(f"/api/v1/{kind}", body, content_type="application/json")
    assert response.status_code == 422, response.content
    return {e["field"]: e["message"] for e in response.json()["errors"]}
