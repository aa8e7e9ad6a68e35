"""Intake records: referrals, the potential victim, decisions, anonymous notifications.

Business rules live in the referral services and ``nrm.standard``; these models only hold data.
"""

import uuid

from django.conf import settings
from django.db import models

from nrm.accounts.models import Organisation
from nrm.standard import codes


class Referral(models.Model):
    """A referral to the NRM. Reference format: ``NRM-YYYY-NNNNNN`` (year of the referral date)."""

    reference = models.CharField(max_length=20, unique=True)
    schema_version = models.CharField(max_length=10)
    referral_date = models.DateField(db_index=True)
    received_at = models.DateTimeField(auto_now_add=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="referrals"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    officer_name = models.CharField(max_length=200, blank=True, default="")
    officer_email = models.CharField(max_length=200, blank=True, default="")
    officer_phone = models.CharField(max_length=200, blank=True, default="")
    nation = models.CharField(max_length=20, choices=codes.Nation.choices)
    police_region = models.CharField(max_length=20, choices=codes.PoliceRegion.choices)
    consent = models.BooleanField(null=True)
    linked_immigration_interest = models.BooleanField(default=False)
    competent_authority = models.CharField(max_length=20, choices=codes.CompetentAuthority.choices)
    age_group = models.CharField(max_length=10, choices=codes.AgeGroup.choices)
    exploitation_type = models.CharField(max_length=20, choices=codes.ExploitationType.choices)
    exploitation_sub_types = models.JSONField(default=list, blank=True)
    exploitation_means = models.JSONField(default=list, blank=True)
    exploitation_region = models.CharField(max_length=20, choices=codes.ExploitationRegion.choices)
    exploitation_country = models.CharField(max_length=3, blank=True, default="")
    exploitation_start = models.DateField(null=True, blank=True)
    exploitation_end = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["referral_date", "id"]
        indexes = [models.Index(fields=["organisation", "referral_date"])]

    def __str__(self) -> str:
        return self.reference


class Person(models.Model):
    """The potential victim named in a referral. Special-category personal data."""

    referral = models.OneToOneField(
        Referral, primary_key=True, on_delete=models.CASCADE, related_name="person"
    )
    given_name = models.CharField(max_length=200, blank=True, default="")
    family_name = models.CharField(max_length=200, blank=True, default="")
    aliases = models.JSONField(default=list, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    estimated_age = models.PositiveSmallIntegerField(null=True, blank=True)
    age_disputed = models.BooleanField(default=False)
    gender = models.CharField(max_length=20, choices=codes.Gender.choices)
    languages = models.JSONField(default=list, blank=True)
    interpreter_needed = models.BooleanField(default=False)
    contact_route = models.CharField(max_length=500, blank=True, default="")

    def __str__(self) -> str:
        return f"Person on {self.referral_id}"


class Nationality(models.Model):
    """A claimed or assessed nationality (ISO 3166-1 alpha-3; XXA stateless, XXX unknown)."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="nationalities")
    country = models.CharField(max_length=3)
    basis = models.CharField(max_length=10, choices=codes.NationalityBasis.choices)
    certainty = models.CharField(
        max_length=10, choices=codes.Certainty.choices, blank=True, default=""
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["referral", "basis", "position"]
        indexes = [models.Index(fields=["country", "basis"])]

    def __str__(self) -> str:
        return f"{self.country} ({self.basis})"


class VictimAccount(models.Model):
    """The person's account in their own words. Restricted: never in lists, logs or extracts."""

    referral = models.OneToOneField(
        Referral, primary_key=True, on_delete=models.CASCADE, related_name="account"
    )
    text = models.TextField()

    def __str__(self) -> str:
        return f"Account on {self.referral_id}"


class Decision(models.Model):
    """A reasonable or conclusive grounds decision. No decision row means pending."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="decisions")
    stage = models.CharField(max_length=2, choices=codes.DecisionStage.choices)
    outcome = models.CharField(max_length=10, choices=codes.DecisionOutcome.choices)
    decided_on = models.DateField()
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["referral", "decided_on", "id"]
        indexes = [models.Index(fields=["stage", "outcome"])]

    def __str__(self) -> str:
        return f"{self.stage} {self.outcome} on {self.decided_on}"


class AnonymousNotification(models.Model):
    """Notification of an adult who declined referral. Holds no identifying details at all.

    Reference format: ``NRM-AN-YYYY-NNNNNN``.
    """

    reference = models.CharField(max_length=20, unique=True)
    schema_version = models.CharField(max_length=10)
    notification_date = models.DateField(db_index=True)
    received_at = models.DateTimeField(auto_now_add=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="notifications"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    nation = models.CharField(max_length=20, choices=codes.Nation.choices)
    police_region = models.CharField(max_length=20, choices=codes.PoliceRegion.choices)
    age_group = models.CharField(max_length=10, choices=codes.AgeGroup.choices)
    gender = models.CharField(max_length=20, choices=codes.Gender.choices)
    nationality = models.CharField(max_length=3, blank=True, default="")
    exploitation_type = models.CharField(max_length=20, choices=codes.ExploitationType.choices)
    exploitation_sub_types = models.JSONField(default=list, blank=True)
    exploitation_region = models.CharField(max_length=20, choices=codes.ExploitationRegion.choices)
    exploitation_country = models.CharField(max_length=3, blank=True, default="")

    class Meta:
        ordering = ["notification_date", "id"]

    def __str__(self) -> str:
        return self.reference


class ReferralDraft(models.Model):
    """A referral being written on the web, saved so its author or a colleague can come back.

    ``data`` holds the answers so far (personal data): only the organisation's first responders
    see it, every read and write is audited, and it is deleted when the referral is submitted.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="referral_drafts"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["organisation", "updated_at"])]

    def __str__(self) -> str:
        return f"Draft {self.pk}"


class ReferenceCounter(models.Model):
    """The last sequence number issued for a reference prefix such as ``NRM-2012``."""

    prefix = models.CharField(max_length=12, primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.prefix}: {self.last}"


class IdempotencyRecord(models.Model):
    """The first response to an ``Idempotency-Key``, replayed to retries of the same request."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    request_digest = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField(default=0)
    response = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "key"], name="idempotency_key_unique")
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}:{self.key}"
