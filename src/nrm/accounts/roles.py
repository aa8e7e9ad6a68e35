"""The roles of Open NRM (DESIGN.md, "Who uses it"). Capabilities per role come with casework."""

from django.db import models


class Role(models.TextChoices):
    FIRST_RESPONDER = "first_responder", "First responder"
    CASEWORKER = "caseworker", "Competent authority caseworker"
    MANAGER = "manager", "Competent authority manager"
    SUPPORT_PROVIDER = "support_provider", "Support provider"
    ANALYST = "analyst", "Analyst"
    BORDER_FORCE_DUTY_OFFICER = "border_force_duty_officer", "Border Force duty officer"
    ADMINISTRATOR = "administrator", "Administrator"
