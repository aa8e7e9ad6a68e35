"""Justice fixtures: the prosecuting authorities' organisations, a justice data officer of
each, an analyst who reads every prosecution, and a valid prosecution (fictional people)."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.accounts.services import api_token_create
from nrm.cases.referrals.services import referral_submit
from nrm.justice.models import Prosecution
from nrm.justice.services import prosecuting_authorities_seed, prosecution_save
from nrm.standard.justice_schema import ProsecutionRecord


@pytest.fixture
def cps(db: Any) -> Organisation:
    return Organisation.objects.create(
        code="cps", name="Crown Prosecution Service", prosecuting_authority="cps"
    )


@pytest.fixture
def pps(db: Any) -> Organisation:
    return Organisation.objects.create(
        code="pps",
        name="Public Prosecution Service for Northern Ireland",
        prosecuting_authority="pps",
    )


@pytest.fixture
def client_for(make_user: Callable[..., User]) -> Callable[..., Client]:
    def make(username: str, organisation: Organisation, role: DefaultRole) -> Client:
        user = make_user(username, organisation, role)
        token = api_token_create(actor=OPERATOR, user=user, name="t")
        return Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    return make


@pytest.fixture
def cps_officer(client_for: Callable[..., Client], cps: Organisation) -> Client:
    return client_for("cps-officer", cps, DefaultRole.JUSTICE_DATA_OFFICER)


@pytest.fixture
def pps_officer(client_for: Callable[..., Client], pps: Organisation) -> Client:
    return client_for("pps-officer", pps, DefaultRole.JUSTICE_DATA_OFFICER)


@pytest.fixture
def analyst(client_for: Callable[..., Client], organisation: Organisation) -> Client:
    return client_for("analyst", organisation, DefaultRole.INTELLIGENCE_ANALYST)


@pytest.fixture
def valid_prosecution() -> dict[str, Any]:
    """A CPS prosecution in England: one defendant convicted of one offence and sentenced to
    immediate custody, charged with another still ongoing."""
    return {
        "authority": "cps",
        "case_reference": "01AB1234512",
        "court_nation": "england",
        "court": "Example Crown Court",
        "defendants": [
            {
                "name": "Sample Defendo",
                "date_of_birth": "1975-03-04",
                "gender": "male",
                "nationality": "GBR",
                "charges": [
                    {
                        "offence": "soa2003_s57_59",
                        "charged_on": "2011-06-01",
                        "outcome": "convicted",
                        "outcome_on": "2012-02-10",
                        "sentence": "immediate_custody",
                        "custody_months": 48,
                    },
                    {"offence": "other", "charged_on": "2011-06-01"},
                ],
            }
        ],
        "victim_references": [],
    }


@pytest.fixture
def valid_recovery() -> dict[str, Any]:
    return {
        "kind": "confiscation_order",
        "authority": "cps",
        "nation": "england",
        "amount_pence": 12_345_678_901,
        "status": "ordered",
        "recorded_on": "2012-03-01",
    }


TODAY = date(2013, 6, 30)


def charge(offence: str, charged: str, outcome: str = "ongoing", on: str | None = None,
           months: int | None = None, **more: Any) -> dict[str, Any]:  # fmt: skip
    found: dict[str, Any] = {"offence": offence, "charged_on": charged, "outcome": outcome}
    if on:
        found["outcome_on"] = on
    if months:
        found |= {"sentence": "immediate_custody", "custody_months": months}
    return found | more


@pytest.fixture
def record_prosecution(db: Any) -> Callable[..., Prosecution]:
    """Record a prosecution through the service, as the authority's operator would."""
    prosecuting_authorities_seed()
    made = 0

    def record(*defendants: list[dict[str, Any]], authority: str = "cps",
               nation: str = "england", **more: Any) -> Prosecution:  # fmt: skip
        nonlocal made
        made += 1
        data = {
            "authority": authority,
            "case_reference": f"T-{made:04d}",
            "court_nation": nation,
            "defendants": [
                {"name": f"Test Defendant {n}", "charges": charges}
                for n, charges in enumerate(defendants)
            ],
            **more,
        }
        parsed = ProsecutionRecord.model_validate(data, context={"today": TODAY})
        return prosecution_save(actor=OPERATOR, record=parsed)

    return record


@pytest.fixture
def hub_analyst(make_user: Callable[..., User]) -> User:
    """An intelligence analyst of the national hub (reads every prosecution)."""
    hub = Organisation.objects.create(code="nca-ukhtc", name="NCA / UKHTC")
    return make_user("intel-analyst", hub, DefaultRole.INTELLIGENCE_ANALYST)


@pytest.fixture
def refer(
    make_user: Callable[..., User], organisation: Organisation, valid_referral: dict[str, Any]
) -> Callable[[str], str]:
    """Submit a referral made on ``day``; its NRM reference."""
    responder = make_user("responder", organisation)

    def submit(day: str) -> str:
        data = {**valid_referral, "referral_date": day,
                "exploitation_start": None, "exploitation_end": None}  # fmt: skip
        return referral_submit(actor=responder, data=data, organisation=organisation).reference

    return submit
