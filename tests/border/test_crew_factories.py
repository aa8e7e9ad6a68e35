"""Airlines, ports, people and reports of the crew line for its tests (no tests here)."""

from datetime import UTC, datetime, timedelta
from typing import Any

from django.test import Client

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation, Role, User
from nrm.accounts.roles import DefaultRole
from nrm.accounts.services import api_token_create, roles_seed
from nrm.border.crew_models import CrewReport
from nrm.border.crew_services import crew_airline_set, crew_port_set, crew_report_by_call

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
CODE = "SKY 7421 NW"


def airline(code: str = "skyways", reporting_code: str = CODE) -> Organisation:
    organisation, _ = Organisation.objects.get_or_create(code=code, defaults={"name": code.title()})
    crew_airline_set(actor=OPERATOR, organisation=organisation, code=reporting_code)
    return organisation


def port_office(port: str = "LHR") -> Organisation:
    organisation, _ = Organisation.objects.get_or_create(
        code=f"border-force-{port.lower()}",
        defaults={
            "name": f"Border Force {port}",
            "responder_type": "home_office_border_force",
            "nation": "england",
        },
    )
    crew_port_set(actor=OPERATOR, organisation=organisation, port=port)
    return organisation


def person(username: str, organisation: Organisation | None, role: DefaultRole) -> User:
    roles_seed()
    return User.objects.create_user(
        username=username,
        password="not-used-here-123",
        first_name="Sam",
        last_name="Officer",
        organisation=organisation,
        role=Role.objects.get(code=role.value),
    )


def officer(port: str = "LHR", username: str = "") -> User:
    return person(
        username or f"bfo-{port.lower()}", port_office(port), DefaultRole.BORDER_FORCE_DUTY_OFFICER
    )


def api_client(user: User) -> Client:
    return Client(
        HTTP_AUTHORIZATION="Bearer " + api_token_create(actor=OPERATOR, user=user, name="t")
    )


def report_data(**changes: Any) -> dict[str, Any]:
    """A valid report, landing three hours after ``NOW``."""
    data: dict[str, Any] = {
        "flight_number": "BA 123",
        "destination_port": "LHR",
        "expected_arrival": (NOW + timedelta(hours=3)).isoformat(),
        "seats": ["23C", "23D"],
        "indicators": ["controlled_by_companion", "no_own_documents"],
        "details": "",
        "contact_number": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def report_make(
    *, now: datetime = NOW, airline_code: str = "skyways", **changes: Any
) -> CrewReport:
    """A report taken on the 24-hour line (no rate limit there)."""
    if not Organisation.objects.filter(code=airline_code).exists():
        airline(airline_code, reporting_code=f"{airline_code}-code-2026")
    handler = User.objects.filter(username="call-handler").first() or person(
        "call-handler", None, DefaultRole.CREW_LINE_CALL_HANDLER
    )
    landing = {"expected_arrival": (now + timedelta(hours=3)).isoformat()}  # after ``now``
    return crew_report_by_call(
        actor=handler, airline=airline_code, data=report_data(**landing | changes), now=now
    )
