"""The demo's airline crew line (docs/crew-line.md): two invented airlines on the line with a
reporting code each (new on every build, printed with the demo credentials), Border Force at
three ports (Heathrow, Manchester and Edinburgh), and crew reports through the three doors,
dated from the moment the demo is built: flights landing within the hour, later today and
tomorrow, one that has landed without an outcome yet, and reports of the past days dealt with
on arrival, one of which started a referral pre-filled from the report.

The airlines, their flight numbers and every report are invented. Written through the crew
line's services, as an administrator, the airlines, the 24-hour line's call handler and the
ports' duty officers would.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from nrm.accounts.actors import DEMO
from nrm.accounts.admin_services import organisation_create
from nrm.accounts.models import Organisation, User
from nrm.border.crew_limits import reporting_code_new
from nrm.border.crew_models import CrewReport
from nrm.border.crew_services import (
    crew_airline_set,
    crew_outcome_record,
    crew_port_set,
    crew_report_by_call,
    crew_report_by_code,
    crew_report_from_airline,
)
from nrm.standard import crew_codes as cc
from nrm.standard.codes import FirstResponderType, Nation

# (organisation code, name, flight designator)
AIRLINES = [
    ("kestrel-airways", "Kestrel Airways", "KW"),
    ("harmattan-air", "Harmattan Air", "HM"),
]
# (port, Border Force organisation code, its name (None: seeded), nation, duty officer)
PORTS = [
    (cc.Port.LHR, "home-office-border-force", None, Nation.ENGLAND,
     "demo-border-force-duty-officer"),
    (cc.Port.MAN, "border-force-manchester", "Border Force: Manchester Airport", Nation.ENGLAND,
     "demo-border-force-manchester"),
    (cc.Port.EDI, "border-force-edinburgh", "Border Force: Edinburgh Airport", Nation.SCOTLAND,
     "demo-border-force-edinburgh"),
]  # fmt: skip
# The public form's reports come from this (documentation) address.
REPORTER_ADDRESS = "192.0.2.10"
CALL_HANDLER = "demo-crew-line-call-handler"
AIRLINE_ACCOUNT = "demo-airline-reporting"

C = cc.CrewIndicator
O = cc.CrewOutcome  # noqa: E741 - the outcomes, as C are the indicators


@dataclass(frozen=True)
class PlannedReport:
    """A report received ``received`` minutes before the demo's now, for a flight expected
    ``lands`` minutes after it (negative: before); dealt with ``outcome`` minutes after
    landing, when one is given."""

    port: cc.Port
    door: cc.CrewDoor
    flight: str
    received: int
    lands: int
    indicators: tuple[C, ...]
    seats: tuple[str, ...] = ()
    details: str = ""
    contact: str = ""
    outcome: O | None = None
    note: str = ""


WEB, API, CALL = cc.CrewDoor.WEB, cc.CrewDoor.API, cc.CrewDoor.CALL
DAY = 24 * 60
REPORTS: list[PlannedReport] = [
    # Heathrow, awaiting arrival: two within the hour, two later, one landed without an outcome.
    PlannedReport(cc.Port.LHR, WEB, "HM 501", 150, 20, (C.CONTROLLED, C.NO_DOCUMENTS, C.SCRIPTED),
                  ("31A", "31B"), "A young woman travelling with an older man who holds both "
                  "passports and answers every question put to her."),
    PlannedReport(cc.Port.LHR, CALL, "KW 17", 70, 45, (C.MINOR_UNRELATED, C.FEARFUL), ("12C",),
                  contact="+44 7700 900 411"),
    PlannedReport(cc.Port.LHR, API, "KW 101", 40, 190, (C.GROUP_TICKETS, C.UNAWARE),
                  ("40D", "40E", "40F")),
    PlannedReport(cc.Port.LHR, WEB, "HM 503", 25, 600, (C.NO_LANGUAGE, C.CONTROLLED), ("22K",)),
    PlannedReport(cc.Port.LHR, WEB, "HM 509", 200, -35, (C.FEARFUL, C.SCRIPTED), ("18E",)),
    # Heathrow, dealt with on arrival.
    PlannedReport(cc.Port.LHR, WEB, "HM 501", DAY + 180, -DAY, (C.CONTROLLED, C.NO_DOCUMENTS),
                  ("30A", "30B"), outcome=O.NRM_REFERRAL,
                  note="Spoken to away from her companion, with an interpreter. She agreed to "
                  "be referred; referral started."),
    PlannedReport(cc.Port.LHR, API, "KW 101", 2 * DAY + 200, -2 * DAY, (C.MINOR_UNRELATED,),
                  ("27B", "27C"), outcome=O.SAFEGUARDING,
                  note="A girl of 15 with a family friend; children's services called."),
    PlannedReport(cc.Port.LHR, CALL, "KW 23", 3 * DAY + 90, -3 * DAY, (C.FEARFUL,), ("9A",),
                  outcome=O.NO_CONCERN, note="A nervous first-time flyer travelling to family."),
    # Manchester.
    PlannedReport(cc.Port.MAN, WEB, "HM 611", 90, 55, (C.CONTROLLED, C.NO_DOCUMENTS),
                  ("14A", "14B")),
    PlannedReport(cc.Port.MAN, API, "KW 211", 30, 420, (C.MINOR_UNRELATED, C.UNAWARE), ("33C",)),
    PlannedReport(cc.Port.MAN, WEB, "HM 611", DAY + 120, -DAY, (C.GROUP_TICKETS, C.SCRIPTED),
                  ("41A", "41B", "41C", "41D"), outcome=O.ARREST,
                  note="The man who bought the tickets arrested on arrival; the four women "
                  "offered support."),
    PlannedReport(cc.Port.MAN, CALL, "KW 215", 4 * DAY + 60, -4 * DAY, (C.INJURY,), ("8F",),
                  outcome=O.NO_CONCERN, note="Injured in a fall before the flight; no concern."),
    # Edinburgh.
    PlannedReport(cc.Port.EDI, CALL, "KW 305", 35, 900, (C.OTHER,), (),
                  "A passenger asked a crew member in a whisper where she could get help.",
                  "+44 7700 900 522"),
    PlannedReport(cc.Port.EDI, WEB, "HM 705", 2 * DAY + 150, -2 * DAY, (C.CONTROLLED, C.FEARFUL),
                  ("19D", "19E"), outcome=O.SAFEGUARDING,
                  note="A young man, seen with a support worker; did not want a referral."),
]  # fmt: skip


def demo_line_organisations_create() -> None:
    """The organisations of the demo's crew line: the airlines and the Border Force of the
    ports (Heathrow's is the seeded Home Office: Border Force). Those already there are kept."""
    wanted = [(code, name, "", "") for code, name, _ in AIRLINES] + [
        (code, name, FirstResponderType.HOME_OFFICE_BORDER_FORCE.value, nation.value)
        for _, code, name, nation, _ in PORTS
        if name is not None
    ]
    for code, name, responder_type, nation in wanted:
        if not Organisation.objects.filter(code=code).exists():
            organisation_create(
                actor=DEMO, code=code, name=name, responder_type=responder_type, nation=nation
            )


@dataclass
class CrewFigures:
    codes: dict[str, str]  # airline name → its reporting code
    reports: int
    ports: int
    landing_within_hour: int
    dealt_with: int


def _data(report: PlannedReport, now: datetime) -> dict[str, Any]:
    return {
        "flight_number": report.flight,
        "destination_port": report.port.value,
        "expected_arrival": (now + timedelta(minutes=report.lands)).isoformat(),
        "seats": list(report.seats),
        "indicators": [i.value for i in report.indicators],
        "details": report.details,
        "contact_number": report.contact,
    }


def demo_crew_line_create(*, now: datetime, users: dict[str, User]) -> CrewFigures:
    """Put the demo airlines and ports on the line and make the demo's reports, ``now`` being
    the demo's present (reports and outcomes are dated from it)."""
    demo_line_organisations_create()
    now = now.replace(second=0, microsecond=0)
    codes = {}
    for code, _, _flight in AIRLINES:
        codes[code] = reporting_code_new()
        crew_airline_set(
            actor=DEMO, organisation=Organisation.objects.get(code=code), code=codes[code]
        )
    for port, code, _, _, _ in PORTS:
        crew_port_set(actor=DEMO, organisation=Organisation.objects.get(code=code), port=port)
    officers = {port: users[officer] for port, _, _, _, officer in PORTS}
    made: list[tuple[PlannedReport, CrewReport]] = []
    for planned in sorted(REPORTS, key=lambda r: -r.received):
        received = now - timedelta(minutes=planned.received)
        data = _data(planned, now)
        airline = "kestrel-airways" if planned.flight.startswith("KW") else "harmattan-air"
        if planned.door == WEB:
            report = crew_report_by_code(
                code=codes[airline], data=data, address=REPORTER_ADDRESS, now=received
            )
        elif planned.door == API:
            report = crew_report_from_airline(actor=users[AIRLINE_ACCOUNT], data=data, now=received)
        else:
            report = crew_report_by_call(
                actor=users[CALL_HANDLER], airline=airline, data=data, now=received
            )
        made.append((planned, report))
    for planned, report in made:
        if planned.outcome is not None:
            crew_outcome_record(
                actor=officers[planned.port],
                reference=report.reference,
                outcome=planned.outcome.value,
                note=planned.note,
                now=now + timedelta(minutes=planned.lands + 40),
            )
    names = {code: name for code, name, _ in AIRLINES}
    return CrewFigures(
        codes={names[code]: value for code, value in codes.items()},
        reports=len(made),
        ports=len({r.port for r in REPORTS}),
        landing_within_hour=sum(0 <= r.lands <= 60 and r.outcome is None for r in REPORTS),
        dealt_with=sum(r.outcome is not None for r in REPORTS),
    )
