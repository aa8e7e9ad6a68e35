"""Risk profiles and their hits. A profile (``RiskProfile``) is a series of versions
(``ProfileVersion``): editing an active profile makes a new version and keeps the old one, so
every hit names the exact conditions that made it. A hit (``Hit``) is one record a version
matched: never a decision, only a prompt for an entry clearance officer or a Border Force
officer, who records its outcome.

Rules live in ``profile_services.py`` (saving, versioning, the protected-characteristic rule)
and ``screening_services.py`` (screening, outcomes); these are the records only.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from nrm.accounts.models import Organisation
from nrm.standard import border_codes as bc


class RiskProfile(models.Model):
    """A profile across its versions, owned by an organisation (the hub, RALON)."""

    owner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="risk_profiles")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Risk profile {self.pk}"


class ProfileVersion(models.Model):
    """One version of a profile: what it tests, why, on what intelligence, until when."""

    profile = models.ForeignKey(RiskProfile, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    name = models.CharField(max_length=120)
    # A list of {"field", "operator", "values"} (``profile_conditions.Condition``), all ANDed.
    conditions = models.JSONField()
    rationale = models.TextField(max_length=2000)
    # References of the intelligence the profile rests on (intelligence report references).
    intelligence_references = models.JSONField(default=list)
    review_on = models.DateField()
    expires_on = models.DateField()
    status = models.CharField(
        max_length=10, choices=bc.ProfileStatus.choices, default=bc.ProfileStatus.DRAFT
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    activated_at = models.DateTimeField(null=True, blank=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["profile_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "number"], name="border_version_number"),
            models.UniqueConstraint(
                fields=["profile"],
                condition=Q(status="active"),
                name="border_one_active_version",
            ),
        ]

    def __str__(self) -> str:
        return f"Risk profile {self.profile_id} version {self.number}"


class Hit(models.Model):
    """A record a profile version matched, and what the officer who reviewed it decided."""

    version = models.ForeignKey(ProfileVersion, on_delete=models.PROTECT, related_name="hits")
    record_kind = models.CharField(max_length=20, choices=bc.RecordKind.choices)
    # The application number or passenger booking reference (never a name).
    record_reference = models.CharField(max_length=40)
    screened_at = models.DateTimeField(db_index=True)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(max_length=20, choices=bc.HitOutcome.choices, blank=True, default="")
    outcome_at = models.DateTimeField(null=True, blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Hit {self.pk}"
