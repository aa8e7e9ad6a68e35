import os
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import settings

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation, Role, User, UserSession
from nrm.accounts.roles import DefaultRole
from nrm.accounts.services import api_token_create, roles_seed
from nrm.accounts.sign_in import SEEN_AT, SIGNED_IN_AT
from nrm.audit.models import AuditVerb
from nrm.cases.referrals.build import referral_build
from nrm.cases.referrals.references import references_reserve
from nrm.cases.referrals.services import OrganisationResolver, referral_check, referrals_save
from tests import app_role

# Timing belongs to benchmarks: examples are not failed for being slow (a cold cache, a busy CI).
settings.register_profile("nrm", deadline=None)
settings.load_profile("nrm")


def pytest_report_header() -> str:
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    if app_role.APP_ROLE and engine.endswith("postgresql"):
        return f"case store: {engine}, tests acting as the application role {app_role.APP_ROLE}"
    return f"case store: {engine}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """pytest-django's test database, created and migrated by the role the tests log in as
    (the owner). With ``NRM_TEST_APP_ROLE`` set on PostgreSQL, every test then acts as that
    application role, which owns nothing (``tests/app_role.py``, ADR 11)."""
    if not app_role.active():
        yield
        return
    with django_db_blocker.unblock():
        app_role.switch_on()
    yield
    with django_db_blocker.unblock():
        app_role.switch_off()


@pytest.fixture
def organisation(db: Any) -> Organisation:
    return Organisation.objects.create(
        code="met-police", name="Metropolitan Police Service", responder_type="police"
    )


@pytest.fixture
def other_organisation(db: Any) -> Organisation:
    return Organisation.objects.create(
        code="police-scotland", name="Police Scotland", responder_type="police"
    )


@pytest.fixture
def make_user(db: Any) -> Callable[..., User]:
    roles_seed()

    def make(
        username: str = "officer",
        organisation: Organisation | None = None,
        role: DefaultRole | None = DefaultRole.FIRST_RESPONDER,
    ) -> User:
        return User.objects.create_user(
            username=username,
            password="not-used-here-123",
            organisation=organisation,
            role=Role.objects.get(code=role.value) if role else None,
        )

    return make


@pytest.fixture
def token(make_user: Callable[..., User], organisation: Organisation) -> str:
    return api_token_create(actor=OPERATOR, user=make_user("officer", organisation), name="test")


@pytest.fixture
def api(token: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


@pytest.fixture
def signed_in(db: Any) -> Callable[[User], Client]:
    """A web client whose session is signed in as ``user`` with both factors, as if through the
    sign-in pages (which tests/accounts/test_sign_in.py goes through for real)."""

    def sign_in(user: User) -> Client:
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, confirmed=True, defaults={"name": "test"}
        )
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session[SIGNED_IN_AT] = session[SEEN_AT] = time.time()
        session.save()
        UserSession.objects.create(user=user, session_key=session.session_key)
        return client

    return sign_in


@pytest.fixture
def valid_referral() -> dict[str, Any]:
    """A complete, valid adult referral in the data standard (fictional person)."""
    return {
        "referral_date": "2012-05-14",
        "nation": "england",
        "police_region": "london",
        "first_responder_officer": "PC Example",
        "consent": True,
        "linked_immigration_interest": True,
        "given_name": "Testa",
        "family_name": "Fictiva",
        "aliases": ["T. F."],
        "date_of_birth": "1990-02-03",
        "gender": "female",
        "claimed_nationalities": ["NGA"],
        "languages": ["eng", "yor"],
        "interpreter_needed": False,
        "exploitation_type": "sexual",
        "exploitation_sub_types": ["sexual_brothel"],
        "exploitation_region": "london",
        "exploitation_start": "2011-06-01",
        "exploitation_end": "2012-04-30",
        "account": "A fictional account used in tests.",
    }


@pytest.fixture
def make_cases(organisation: Organisation) -> Callable[..., list[str]]:
    """Save ``count`` referrals in one go (variants of ``valid_referral``); their references."""

    def make(count: int, data: dict[str, Any], **changes: Any) -> list[str]:
        resolver = OrganisationResolver(own=organisation)
        checked = referral_check({**data, **changes}, resolver=resolver, allow_decisions=True)
        assert not isinstance(checked, list), checked
        record, org = checked
        prefix = f"NRM-{record.referral_date.year}"
        references = references_reserve(prefix=prefix, count=count)
        built = [
            referral_build(
                record, organisation=org, submitted_by_id=None, reference=ref, now=timezone.now()
            )
            for ref in references
        ]
        with transaction.atomic():  # referrals_save runs in its caller's transaction
            referrals_save(built=built, actor=OPERATOR, verb=AuditVerb.REFERRAL_IMPORT, detail={})
        return references

    return make


def uses_postgres() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


@pytest.fixture
def valid_intelligence_report() -> dict[str, Any]:
    """A valid graded intelligence report (fictional people and places): a suspect who
    controls a potential victim at a car wash, and the suspect's phone."""
    return {
        "source_kind": "police_force",
        "officer": "DC Example",
        "received_date": "2012-06-01",
        "events_date": "2012-05-20",
        "source_evaluation": "2",
        "intelligence_assessment": "B",
        "handling_code": "P",
        "narrative": "A fictional account: workers at a car wash are driven there each day.",
        "entities": [
            {"key": "e1", "type": "person", "person_role": "suspect", "given_name": "Sample",
             "family_name": "Suspecto", "gender": "male", "nationality": "ALB"},
            {"key": "e2", "type": "person", "person_role": "potential_victim",
             "given_name": "Testa", "estimated_age": 17},
            {"key": "e3", "type": "location", "address": "1 Example Road, London",
             "postcode": "E1 6AN", "premises_type": "car_wash"},
            {"key": "e4", "type": "phone", "phone": "07911 123456"},
        ],
        "links": [
            {"from_key": "e1", "to_key": "e2", "type": "controls", "confidence": "confirmed"},
            {"from_key": "e2", "to_key": "e3", "type": "exploited_at"},
            {"from_key": "e1", "to_key": "e4", "type": "uses_phone", "confidence": "tentative"},
        ],
    }  # fmt: skip
