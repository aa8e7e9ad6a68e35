from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import ApiToken, Organisation
from nrm.accounts.selectors import user_for_token
from nrm.accounts.services import api_token_create

pytestmark = pytest.mark.django_db


def test_a_live_token_identifies_its_user_and_organisation(
    make_user: Any, organisation: Organisation
) -> None:
    token = api_token_create(actor=OPERATOR, user=make_user("officer", organisation), name="t")
    user = user_for_token(token=token)
    assert user is not None and user.username == "officer"
    assert user.organisation is not None and user.organisation.code == "met-police"
    assert ApiToken.objects.get().last_used_at is not None


def test_a_tokens_user_carries_the_prosecuting_authority_of_their_organisation(
    make_user: Any,
) -> None:
    cps = Organisation.objects.create(code="cps", name="CPS", prosecuting_authority="cps")
    token = api_token_create(actor=OPERATOR, user=make_user("justice", cps), name="t")
    user = user_for_token(token=token)
    assert user is not None and user.organisation is not None
    assert user.organisation.prosecuting_authority == "cps"


def test_only_a_digest_of_the_token_is_stored(make_user: Any, organisation: Organisation) -> None:
    token = api_token_create(actor=OPERATOR, user=make_user("officer", organisation), name="t")
    stored = ApiToken.objects.get()
    assert token not in (stored.digest, stored.prefix + stored.digest)
    assert len(stored.digest) == 64


def test_revoked_tokens_and_disabled_users_are_refused(
    make_user: Any, organisation: Organisation
) -> None:
    user = make_user("officer", organisation)
    revoked = api_token_create(actor=OPERATOR, user=user, name="old")
    ApiToken.objects.filter(name="old").update(revoked_at=timezone.now())
    assert user_for_token(token=revoked) is None
    live = api_token_create(actor=OPERATOR, user=user, name="new")
    user.is_active = False
    user.save()
    assert user_for_token(token=live) is None
    assert user_for_token(token="nrm_not-a-token") is None
    assert user_for_token(token="something-else") is None


def test_use_is_recorded_at_most_once_a_minute(make_user: Any, organisation: Organisation) -> None:
    token = api_token_create(actor=OPERATOR, user=make_user("officer", organisation), name="t")
    user_for_token(token=token)
    first = ApiToken.objects.get().last_used_at
    user_for_token(token=token)
    assert ApiToken.objects.get().last_used_at == first
    ApiToken.objects.update(last_used_at=timezone.now() - timedelta(minutes=5))
    user_for_token(token=token)
    assert ApiToken.objects.get().last_used_at > timezone.now() - timedelta(minutes=1)


def test_a_user_of_an_inactive_organisation_has_no_organisation(
    make_user: Any, organisation: Organisation
) -> None:
    token = api_token_create(actor=OPERATOR, user=make_user("officer", organisation), name="t")
    Organisation.objects.filter(pk=organisation.pk).update(is_active=False)
    user = user_for_token(token=token)
    assert user is not None and user.organisation is None
