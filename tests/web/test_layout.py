"""The page layout puts every piece of content in a landmark: the account bar in the banner, a
page's back link in a navigation landmark of its own (and no empty one when there is none)."""

import re
from types import SimpleNamespace
from typing import Any

from django.template import engines

BACK = '<a href="/referrals/" class="govuk-back-link">Back</a>'


def _page(before_content: str, **context: Any) -> str:
    source = (
        '{% extends "web/base.html" %}'
        f"{{% block before_content %}}{before_content}{{% endblock %}}"
        "{% block content %}<h1>Page</h1>{% endblock %}"
    )
    return engines["django"].from_string(source).render(context)


def test_a_back_link_is_in_a_back_navigation_landmark_before_main() -> None:
    page = _page(BACK)
    assert re.search(rf'<nav aria-label="Back">{re.escape(BACK)}</nav>\s*<main', page)


def test_a_page_without_a_back_link_has_no_empty_back_landmark() -> None:
    for nothing in ("", "  \n  ", "{% if False %}x{% endif %}"):
        assert 'aria-label="Back"' not in _page(nothing)


def test_the_service_navigation_and_the_account_bar_are_inside_the_banner() -> None:
    user = SimpleNamespace(
        is_authenticated=True,
        get_full_name=lambda: "",
        get_username=lambda: "ana",
        organisation=None,
        role=None,
    )
    page = _page("", user=user)
    header = page.split('<header class="nrm-header">')[1].split("</header>")[0]
    assert 'class="govuk-service-navigation"' in header
    assert 'id="account-bar"' in header and "Signed in as <strong>ana</strong>" in header
    assert page.count("<header") == 1 and page.index("</header>") < page.index("<main")
