"""The border's records: risk profiles and their hits (``profile_models``), and the crew
line's reports (``crew_models``)."""

from nrm.border.crew_models import CrewAirline, CrewLineAttempt, CrewPortOffice, CrewReport  # noqa: F401
