"""The administrator manages accounts but reads no case content, through any door."""

import json
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation, User
from nrm.accounts.permissions import capabilities_of
from nrm.accounts.roles import DefaultRole
from nrm.accounts.services import api_token_create
from nrm.cases.referrals import selectors

pytestmark = pytest.mark.django_db


def test_an_administrator_gets_nothing_from_the_referral_api_or_selectors(
    api: Client, valid_referral: dict[str, Any], make_user: Any, organisation: Organisation
) -> None:
    created = api.post("/api/v1/referrals", json.dumps(valid_referral), "application/json")
    assert created.status_code == 201
    reference = created.json()["reference"]
    notification = {"notification_date": "2012-06-01", "nation": "wales", "gender": "male"}
    response = api.post("/api/v1/notifications", json.dumps(notification), "application/json")
    assert response.status_code == 201
    officer = User.objects.get(username="officer")
    assert selectors.referral_list(actor=officer).count() == 1  # there is something to see
    assert selectors.notification_list(actor=officer).count() == 1

    administrator = make_user("admin", organisation, DefaultRole.ADMINISTRATOR)
    assert capabilities_of(administrator) == {"manage_accounts"}
    client = Client(
        HTTP_AUTHORIZATION="Bearer "
        + api_token_create(actor=OPERATOR, user=administrator, name="t")
    )
    for path in ("/api/v1/referrals", f"/api/v1/referrals/{reference}", "/api/v1/notifications"):
        response = client.get(path)
        assert response.status_code == 403, path
        assert valid_referral["family_name"] not in response.content.decode()
    assert not selectors.referral_list(actor=administrator).exists()
    assert not selectors.notification_list(actor=administrator).exists()
    assert selectors.referral_get(actor=administrator, reference=reference) is None
    page, _ = selectors.referral_page(actor=administrator, page=1)
    assert list(page) == []
