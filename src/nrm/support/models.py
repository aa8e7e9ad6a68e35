"""Support provision: a support referral to a provider after a positive reasonable grounds
decision, and the episodes of support the provider gives.

Support records hold codes and dates only: there is no free-text field, so nothing here can
carry personal data beyond the link to the referral. Business rules live in ``services.py``.
"""

from typing import Protocol

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from nrm.accounts.models import Organisation
from nrm.standard import codes

OPEN_STATUSES = (codes.SupportReferralStatus.OFFERED, codes.SupportReferralStatus.ACCEPTED)


class ReferredPerson(Protocol):
    """What support reads of a referral of the case domain (``cases.Referral``), which sits
    above support and is named here only by lazy reference."""

    pk: int
    reference: str
    nation: str
    age_group: str
    consent: bool | None
    exploitation_type: str
    organisation: Organisation


class SupportReferral(models.Model):
    """A referral of a person to a support provider. At most one is open per referral."""

    # The referral by lazy reference: support sits below the case domain, which calls it on a
    # positive reasonable grounds decision (docs/adr/0009-support-below-cases.md).
    referral = models.ForeignKey("cases.Referral", on_delete=models.CASCADE, related_name="support")
    provider = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="support_referrals"
    )
    # A sub-contractor the provider gives the support to (England and Wales: the Salvation
    # Army's sub-contractors); empty when the provider supports the person itself.
    delivered_by = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="support_referrals_delivered",
    )
    status = models.CharField(
        max_length=10,
        choices=codes.SupportReferralStatus.choices,
        default=codes.SupportReferralStatus.OFFERED,
    )
    offered_at = models.DateTimeField()
    responded_at = models.DateTimeField(null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decline_reason = models.CharField(
        max_length=20, choices=codes.SupportDeclineReason.choices, blank=True, default=""
    )
    # The Salvation Army's support region the person is supported in; empty until recorded
    # (counted as not known). Recorded, not derived: ``services.support_region_check``.
    region = models.CharField(
        max_length=20, choices=codes.SupportRegion.choices, blank=True, default=""
    )

    class Meta:
        ordering = ["offered_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["referral"],
                condition=Q(status__in=[s.value for s in OPEN_STATUSES]),
                name="support_one_open_referral",
            ),
        ]
        indexes = [models.Index(fields=["provider", "status"])]

    def __str__(self) -> str:
        return f"Support referral {self.pk} ({self.status})"


class SupportEpisode(models.Model):
    """A period of support: managed accommodation or outreach, from ``start`` to ``end``."""

    support_referral = models.ForeignKey(
        SupportReferral, on_delete=models.CASCADE, related_name="episodes"
    )
    provider = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="support_episodes"
    )
    support_type = models.CharField(max_length=30, choices=codes.SupportType.choices)
    start = models.DateField()
    end = models.DateField(null=True, blank=True, db_index=True)
    services = models.JSONField(default=list, blank=True)  # SupportService codes
    exit_route = models.CharField(
        max_length=30, choices=codes.ExitRoute.choices, blank=True, default=""
    )

    class Meta:
        ordering = ["start", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["support_referral"],
                condition=Q(end__isnull=True),
                name="support_one_open_episode",
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="support_episode_end_not_before_start",
            ),
        ]

    def __str__(self) -> str:
        return f"Support episode {self.pk} ({self.support_type})"


def referral_model() -> type[models.Model]:
    """The case domain's referral model, found through the lazy reference above."""
    model = SupportReferral._meta.get_field("referral").related_model
    assert isinstance(model, type)
    return model
