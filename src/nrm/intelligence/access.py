"""Which intelligence reports an actor may see, decided here once for every door.

Deny by default: only a user whose role grants ``read_intelligence`` sees any report, and only
with an organisation. They see their own organisation's reports and the handling code C reports
whose conditions name their organisation; a national analyst (``read_national_intelligence``)
sees every handling code P report as well. A C report whose conditions do not name the reader's
organisation is, to them, a report that does not exist. A system actor that sees every case
(an operator at the command line, the demo builder) sees every report.
"""

from django.db.models import Q

from nrm.accounts.actors import Actor, SystemActor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import has_capability
from nrm.intelligence.models import IntelligenceReport
from nrm.standard.intelligence_codes import HandlingCode

NOTHING = Q(pk__in=[])


def shared_with(organisation_id: int) -> Q:
    """Reports with handling code C whose conditions name the organisation."""
    named = IntelligenceReport.condition_organisations.through.objects.filter(
        organisation_id=organisation_id
    ).values("intelligencereport_id")
    return Q(handling_code=HandlingCode.CONDITIONS, pk__in=named)


def report_scope(actor: Actor) -> Q:
    """A filter on intelligence reports for ``actor`` (see the module docstring)."""
    if isinstance(actor, SystemActor):
        return Q() if actor.sees_every_case else NOTHING
    if not has_capability(actor, Capability.READ_INTELLIGENCE):
        return NOTHING
    organisation_id = getattr(actor, "organisation_id", None)
    if organisation_id is None:
        return NOTHING
    seen = Q(organisation_id=organisation_id) | shared_with(organisation_id)
    if has_capability(actor, Capability.READ_NATIONAL_INTELLIGENCE):
        seen |= Q(handling_code=HandlingCode.PERMITTED)
    return seen
