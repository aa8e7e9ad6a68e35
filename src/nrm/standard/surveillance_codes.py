"""The codes of surge detection: what a series of referral counts counts by, how long its
periods are, and where an alert stands."""

from django.db import models


class SeriesKind(models.TextChoices):
    """What a series counts referrals by."""

    NATIONALITY = "nationality", "Nationality"
    NATIONALITY_TYPE = "nationality_type", "Nationality and type of exploitation"
    NATION = "nation", "UK nation"
    RESPONDER = "responder", "First responder organisation"


class Frequency(models.TextChoices):
    MONTH = "month", "Month"
    QUARTER = "quarter", "Quarter"


class AlertStatus(models.TextChoices):
    OPEN = "open", "New"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    EXPLAINED = "explained", "Closed as explained"
    ESCALATED = "escalated", "Escalated for investigation"
