"""The release calendar of the official statistics: one row a year's edition, announced for a
date and then released. A year's disclosure-controlled edition is public only once released
(docs/statistics.md, "The public site"). Written only by ``release_services``."""

from django.db import models

from nrm.standard.codes import ReleaseStatus


class Release(models.Model):
    year = models.PositiveSmallIntegerField(unique=True)
    release_date = models.DateField()
    status = models.CharField(max_length=16, choices=ReleaseStatus.choices)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year} ({self.status} {self.release_date})"

    @property
    def released(self) -> bool:
        return self.status == ReleaseStatus.RELEASED
