"""The border's records: risk profiles and their hits (``profile_models``), and the crew
line's reports (``crew_models``)."""

from nrm.border.crew_models import CrewAirline, CrewLineAttempt, CrewPortOffice, CrewReport  # noqa: F401
from nrm.border.profile_models import Hit, ProfileVersion, RiskProfile  # noqa: F401
