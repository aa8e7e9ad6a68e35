"""Append-only audit of every read and write of a case."""

from django.conf import settings
from django.db import models


class AuditVerb(models.TextChoices):
    REFERRAL_SUBMIT = "referral.submit", "Referral submitted"
    REFERRAL_READ = "referral.read", "Referral read"
    REFERRAL_LIST = "referral.list", "Referrals listed"
    REFERRAL_IMPORT = "referral.import", "Referrals imported"
    NOTIFICATION_SUBMIT = "notification.submit", "Anonymous notification submitted"
    NOTIFICATION_READ = "notification.read", "Anonymous notification read"
    NOTIFICATION_LIST = "notification.list", "Anonymous notifications listed"
    TOKEN_CREATE = "token.create", "API token created"
    ACCESS_DENIED = "access.denied", "Access denied"


class AuditEvent(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    verb = models.CharField(max_length=40, choices=AuditVerb.choices)
    target_type = models.CharField(max_length=60, blank=True, default="")
    target_id = models.CharField(max_length=64, blank=True, default="")
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.verb} {self.target_type}:{self.target_id}"
