"""Organisations, roles, users, their API tokens and their signed-in sessions."""

from django.contrib.auth.models import AbstractUser
from django.db import models

from nrm.accounts.capabilities import Scope
from nrm.standard.codes import CompetentAuthority, FirstResponderType, Nation
from nrm.standard.justice_codes import ProsecutingAuthority


class Organisation(models.Model):
    """A partner organisation: a first responder, a competent authority or a support provider."""

    code = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=200)
    responder_type = models.CharField(
        max_length=40, choices=FirstResponderType.choices, blank=True, default=""
    )
    nation = models.CharField(max_length=20, choices=Nation.choices, blank=True, default="")
    # Set for the organisations that are (or host) a competent authority: their staff see and
    # decide the cases allocated to it.
    competent_authority = models.CharField(
        max_length=20, choices=CompetentAuthority.choices, blank=True, default=""
    )
    # Set for a prosecuting authority: its justice data officers record its prosecutions.
    prosecuting_authority = models.CharField(
        max_length=10, choices=ProsecutingAuthority.choices, blank=True, default=""
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.Model):
    """A role: the capabilities it grants and the cases its holders see. Roles are data."""

    code = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=200)
    scope = models.CharField(max_length=30, choices=Scope.choices, default=Scope.NONE)
    capabilities = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    role = models.ForeignKey(
        Role, null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )


class ApiToken(models.Model):
    """A bearer token for the API. Only a SHA-256 digest is stored; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12, db_index=True)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class UserSession(models.Model):
    """A signed-in session of a user, so that disabling the user can end every one of them.
    Recorded at sign-in, removed at sign-out, expiry or when the user is disabled."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="signed_in_sessions")
    session_key = models.CharField(max_length=40, unique=True)
    signed_in_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"session of user {self.user_id}"


class NoticeKind(models.TextChoices):
    DECISION = "decision", "Decision notice"
    REMINDER = "reminder", "Deadline reminder"
    SURGE = "surge", "Surge alert"


class Notice(models.Model):
    """An in-app notice to an organisation (decision notices, deadline reminders). Holds NRM
    references, counts and codes only, never personal data."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=30, choices=NoticeKind.choices)
    reference = models.CharField(max_length=20, blank=True, default="")  # the case concerned
    subject = models.CharField(max_length=200)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "read_at"])]

    def __str__(self) -> str:
        return self.subject


class SetUpLink(models.Model):
    """A single-use, time-limited link that lets an account register its first authenticator
    app (docs/accounts.md). Only a SHA-256 digest of its token is stored; the link is shown
    once, to whoever issued it. Used when the app it let the account set up is confirmed;
    revoked when a newer link is issued for the same account."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="set_up_links")
    digest = models.CharField(max_length=64, unique=True)
    issued_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"set-up link {self.pk} of user {self.user_id}"
