"""The messages of account administration, sign-in and the shared web pieces are written for
people: no field names or codes, no ISO dates."""

from typing import Any

import pytest

from nrm.accounts import admin_forms, admin_services, permissions, setup_links, sign_in
from nrm.web import forms as web_forms
from tests.plain_words import code_identifiers, template_text

MODULES = [admin_services, admin_forms, permissions, setup_links, sign_in, web_forms]
# Names of constants that are not messages (session keys, prefixes, a device's name).
NOT_MESSAGES = {"SESSION_LINK", "PENDING", "SIGNED_IN_AT", "SEEN_AT", "MODEL_BACKEND"}


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_every_message_is_plain_outside_its_placeholders(module: Any) -> None:
    templates = {
        name: value
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, str) and name not in NOT_MESSAGES
    }
    assert templates
    found = {n: code_identifiers(template_text(t)) for n, t in templates.items()}
    assert {n: f for n, f in found.items() if f} == {}
