"""``nrm border crew-line …``: put airlines and Border Force ports on the crew line
(docs/crew-line.md), as an administrator would.

- ``airline ORG [--code CODE]``: the organisation ``ORG`` joins the line with ``CODE`` as its
  reporting code, or a new random one, printed once (only its digest is kept); a new code
  replaces the old one, which stops working.
- ``port PORT ORG``: ``ORG`` becomes the Border Force of the UK port ``PORT`` (an IATA code);
  its duty officers see that port's reports.
- ``list``: the airlines and ports on the line (never a code: none can be read back).
"""

import argparse
import sys

from nrm.accounts.actors import OPERATOR
from nrm.accounts.models import Organisation
from nrm.border.crew_errors import CrewInvalid
from nrm.border.crew_limits import reporting_code_new
from nrm.border.crew_selectors import crew_airlines, crew_ports
from nrm.border.crew_services import crew_airline_set, crew_port_set

NO_ORGANISATION = "error: there is no organisation with the code {code}"


def _organisation(code: str) -> Organisation | None:
    found = Organisation.objects.filter(code=code).first()
    if found is None:
        print(NO_ORGANISATION.format(code=code), file=sys.stderr)
    return found


def cmd_crew_line(args: argparse.Namespace) -> int:
    if args.crew_action == "list":
        airlines, ports = crew_airlines(), crew_ports()
        print(f"Airlines on the crew line: {len(airlines) or 'none'}")
        for code, name in airlines:
            print(f"  {name} ({code})")
        print(f"Ports with their Border Force: {len(ports) or 'none'}")
        for port, code, name in ports:
            print(f"  {port}  {name} ({code})")
        return 0
    organisation = _organisation(args.organisation)
    if organisation is None:
        return 2
    try:
        if args.crew_action == "airline":
            code = args.code or reporting_code_new()
            crew_airline_set(actor=OPERATOR, organisation=organisation, code=code)
            print(f"{organisation.name} is on the crew line. Its crew's reporting code: {code}")
            if not args.code:
                print("Give it to the airline now: it cannot be shown again.", file=sys.stderr)
        else:
            office = crew_port_set(actor=OPERATOR, organisation=organisation, port=args.port)
            print(f"{organisation.name} is the Border Force of {office.get_port_display()}")
    except CrewInvalid as invalid:
        for e in invalid.errors:
            print(f"error: {e.message}", file=sys.stderr)
        return 1
    return 0


def crew_line_arguments(actions: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    line = actions.add_parser("crew-line", help="put airlines and ports on the crew line")
    which = line.add_subparsers(dest="crew_action", required=True, metavar="ACTION")
    airline = which.add_parser("airline", help="put an airline on the line with a reporting code")
    airline.add_argument("organisation", help="code of the airline's organisation")
    airline.add_argument("--code", help="its reporting code (a random one if left out)")
    port = which.add_parser("port", help="make an organisation the Border Force of a port")
    port.add_argument("port", type=str.upper, help="the port's IATA code (LHR, MAN, EDI, …)")
    port.add_argument("organisation", help="code of the Border Force organisation")
    which.add_parser("list", help="list the airlines and ports on the line")
