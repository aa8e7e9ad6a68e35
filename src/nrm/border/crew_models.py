"""The crew line's records (docs/crew-line.md): the airlines on the line with their reporting
code (stored as a keyed digest, never as given), the Border Force organisation of each port,
the reports, and the attempts the public form's rate limit counts (keyed digests only)."""

from django.conf import settings
from django.db import models

from nrm.accounts.models import Organisation
from nrm.standard import crew_codes as cc


class CrewAirline(models.Model):
    """An airline organisation on the crew line, with the digest of its reporting code."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="crew_airline"
    )
    code_digest = models.CharField(max_length=64, unique=True)
    code_set_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Crew line airline {self.organisation_id}"


class CrewPortOffice(models.Model):
    """The Border Force organisation at a port: its duty officers see the port's reports."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="crew_port"
    )
    port = models.CharField(max_length=3, choices=cc.Port.choices, unique=True)

    def __str__(self) -> str:
        return f"Border Force at {self.port}"


class CrewReport(models.Model):
    """One confidential report by cabin crew while the flight is in the air."""

    reference = models.CharField(max_length=20, unique=True)
    airline = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    door = models.CharField(max_length=10, choices=cc.CrewDoor.choices)
    flight_number = models.CharField(max_length=8)
    port = models.CharField(max_length=3, choices=cc.Port.choices)
    expected_arrival = models.DateTimeField()
    seats = models.JSONField(default=list, blank=True)
    indicators = models.JSONField(default=list)
    details = models.TextField(blank=True, default="")
    # A number the reporter chose to give, for Border Force to call back; nothing else of theirs.
    contact_number = models.CharField(max_length=30, blank=True, default="")
    received_at = models.DateTimeField()
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=cc.CrewStatus.choices, default=cc.CrewStatus.AWAITING_ARRIVAL
    )
    outcome = models.CharField(max_length=20, choices=cc.CrewOutcome.choices, blank=True)
    outcome_note = models.TextField(blank=True, default="")
    outcome_at = models.DateTimeField(null=True, blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The referral draft started from the report (gone once the referral is submitted).
    referral_draft = models.ForeignKey(
        "cases.ReferralDraft", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["expected_arrival", "id"]
        indexes = [models.Index(fields=["port", "status", "expected_arrival"])]

    def __str__(self) -> str:
        return self.reference


class CrewLineAttempt(models.Model):
    """One submission to the public form or the API, counted by the rate limit under a keyed
    digest of the reporting code or the client address; deleted once out of the window."""

    key = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"attempt {self.pk}"
