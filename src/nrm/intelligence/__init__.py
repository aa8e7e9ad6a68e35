"""The intelligence hub: graded intelligence reports, the entities they name (people, organised
crime groups, locations, phones, vehicles, businesses), the links between them and the resolution
of the people they name (docs/intelligence.md). Above the case domain: it reads referrals through
their selectors; the case domain never reads intelligence."""
