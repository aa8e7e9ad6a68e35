"""The case: where a referral stands in the decision process, its deadlines and its timeline.

Every referral has one case (created with it). State changes go through the casework services,
which ask the pure rules in ``casework/state.py``; these models only hold data.
"""

from django.conf import settings
from django.db import models

from nrm.cases.models.referral import Decision, Referral
from nrm.cases.stages import TIMELINE_CHOICES, Stage


class Case(models.Model):
    """The decision process of one referral. ``version`` guards edits (optimistic locking)."""

    referral = models.OneToOneField(
        Referral, primary_key=True, on_delete=models.CASCADE, related_name="case"
    )
    stage = models.CharField(max_length=20, choices=Stage.choices)
    resume_to = models.CharField(max_length=20, choices=Stage.choices, blank=True, default="")
    received_on = models.DateField()
    last_event_on = models.DateField()
    rg_due_on = models.DateField()
    rg_positive_on = models.DateField(null=True, blank=True)
    recovery_ends_on = models.DateField(null=True, blank=True)
    review_due_on = models.DateField(null=True, blank=True)
    reviewed_on = models.DateField(null=True, blank=True)
    # The next deadline of an open case (RG due, or end of the recovery period); None otherwise.
    due_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    allocation_rule_set = models.CharField(max_length=40, blank=True, default="")
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
    )
    summary = models.TextField(blank=True, default="")
    version = models.PositiveIntegerField(default=1)
    # Copies of the referral's columns that the work queue scopes and filters on, so a queue of
    # 100,000 cases is answered from one index without touching the referrals. The database
    # keeps them equal to the referral's (triggers of migration 0002), whichever door writes.
    competent_authority = models.CharField(max_length=20, blank=True, default="", db_default="")
    nation = models.CharField(max_length=20, blank=True, default="", db_default="")
    exploitation_type = models.CharField(max_length=20, blank=True, default="", db_default="")

    class Meta:
        indexes = [
            models.Index(fields=["stage", "due_on"]),
            models.Index(fields=["assigned_to", "stage"]),
            # The work queue: scope, then the queue's order, then everything its filters and
            # counts read (a covering index: the table is not visited until the page's rows).
            models.Index(
                fields=[
                    "competent_authority",
                    "due_on",
                    "received_on",
                    "referral",
                    "stage",
                    "assigned_to",
                    "nation",
                    "exploitation_type",
                    "review_due_on",
                    "reviewed_on",
                    "recovery_ends_on",
                ],
                name="cases_case_queue_idx",
            ),
            # The queues by stage (suspended, review due, upcoming CG) and their counts.
            models.Index(
                fields=[
                    "competent_authority",
                    "stage",
                    "review_due_on",
                    "reviewed_on",
                    "recovery_ends_on",
                    "due_on",
                    "assigned_to",
                    "nation",
                    "exploitation_type",
                ],
                name="cases_case_stage_queue_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"Case {self.referral_id} ({self.stage})"


class CaseEvent(models.Model):
    """One entry of a case's timeline. ``reasons`` is case content: never logged or audited."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    event = models.CharField(max_length=30, choices=TIMELINE_CHOICES)
    on = models.DateField()
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    from_stage = models.CharField(max_length=20, blank=True, default="")
    to_stage = models.CharField(max_length=20, blank=True, default="")
    reasons = models.TextField(blank=True, default="")
    detail = models.JSONField(default=dict, blank=True)
    decision = models.ForeignKey(
        Decision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["case", "at", "id"]

    def __str__(self) -> str:
        return f"{self.event} on {self.on}"


class Backlog(models.Model):
    """A named set of cases with a start date, e.g. the cases a hub inherited."""

    name = models.CharField(max_length=100, unique=True)
    starts_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    cases = models.ManyToManyField(Case, related_name="backlogs")

    class Meta:
        ordering = ["starts_on", "name"]

    def __str__(self) -> str:
        return self.name
