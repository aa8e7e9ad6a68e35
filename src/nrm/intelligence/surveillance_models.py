"""Surge detection's records: each run of ``nrm surveillance``, the series it assessed (counts
of referrals, never people) and the alerts raised for the hub's analysts. Imported by
``nrm.intelligence.models``; the rules live in ``nrm.intelligence.surges`` and
``nrm.intelligence.alerts``."""

from django.conf import settings
from django.db import models

from nrm.standard.surveillance_codes import AlertStatus, Frequency, SeriesKind


class SeriesKey(models.Model):
    """The fields that name a series; those its kind does not use stay empty."""

    kind = models.CharField(max_length=20, choices=SeriesKind.choices)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    nationality = models.CharField(max_length=120, blank=True, default="")
    exploitation_type = models.CharField(max_length=30, blank=True, default="")
    nation = models.CharField(max_length=30, blank=True, default="")
    responder = models.CharField(max_length=60, blank=True, default="")

    class Meta:
        abstract = True


class SurveillanceRun(models.Model):
    """One run of the surge detector: the day it was run for and what it found."""

    as_of = models.DateField()
    ran_at = models.DateTimeField(auto_now_add=True)
    series = models.PositiveIntegerField(default=0)
    alarms = models.PositiveIntegerField(default=0)
    new_alerts = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-ran_at", "-id"]

    def __str__(self) -> str:
        return f"Surveillance run for {self.as_of}"


class SurveillanceCell(SeriesKey):
    """One series as a run found it in the period it assessed."""

    run = models.ForeignKey(SurveillanceRun, on_delete=models.CASCADE, related_name="cells")
    period_start = models.DateField()
    complete = models.BooleanField(default=True)  # False: the period so far
    observed = models.PositiveIntegerField()
    expected = models.FloatField(null=True)
    upper = models.FloatField(null=True)
    score = models.FloatField(null=True)
    alarm = models.BooleanField(default=False)
    method = models.CharField(max_length=30)
    reason = models.CharField(max_length=200, blank=True, default="")  # why no threshold
    recent = models.JSONField(default=list)  # the counts of the periods before, oldest first

    class Meta:
        ordering = ["run", "-alarm", "-score", "id"]
        indexes = [models.Index(fields=["run", "kind", "frequency", "alarm"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.frequency} {self.period_start}"


class SurgeAlert(SeriesKey):
    """A series above its threshold in a period: a lead for the hub's analysts, who
    acknowledge it, close it as explained or escalate it for investigation."""

    period_start = models.DateField()
    observed = models.PositiveIntegerField()
    expected = models.FloatField()
    upper = models.FloatField()
    score = models.FloatField()
    method = models.CharField(max_length=30)
    status = models.CharField(max_length=20, choices=AlertStatus.choices, default="open")
    note = models.TextField(blank=True, default="")
    raised_at = models.DateTimeField(auto_now_add=True)
    raised_by_run = models.ForeignKey(
        SurveillanceRun, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(null=True, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["-period_start", "-score", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "kind",
                    "frequency",
                    "nationality",
                    "exploitation_type",
                    "nation",
                    "responder",
                    "period_start",
                ],
                name="one_alert_per_series_and_period",
            )
        ]
        indexes = [models.Index(fields=["status", "period_start"])]

    def __str__(self) -> str:
        return f"Surge alert {self.pk}"
