"""Prosecutions as the prosecuting authorities flag them: the defendants, one charge for each
offence each defendant is charged with (one fact per offence), what became of it and the
sentence; and asset recovery (cash seizures and confiscation orders), with amounts in pence.

Rules live in ``rules.py`` (the principal offence, financial years) and ``services.py``
(checking and saving); these are the records only.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from nrm.accounts.models import Organisation
from nrm.standard import codes
from nrm.standard import justice_codes as jc


class Prosecution(models.Model):
    """One proceeding: a prosecuting authority's case, tried in the courts of one nation."""

    authority = models.CharField(max_length=10, choices=jc.ProsecutingAuthority.choices)
    # The authority's own reference for the case (never a person's name).
    case_reference = models.CharField(max_length=40)
    court_nation = models.CharField(max_length=20, choices=codes.Nation.choices)
    court = models.CharField(max_length=120, blank=True, default="")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="prosecutions"
    )
    # The victims' NRM cases, where known (the case domain sits below justice).
    victims = models.ManyToManyField("cases.Referral", blank=True, related_name="prosecutions")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "case_reference"], name="justice_one_case_per_reference"
            )
        ]

    def __str__(self) -> str:
        return f"Prosecution {self.pk}"


class Defendant(models.Model):
    prosecution = models.ForeignKey(
        Prosecution, on_delete=models.CASCADE, related_name="defendants"
    )
    name = models.CharField(max_length=200)
    date_of_birth = models.DateField(null=True, blank=True)
    gender = models.CharField(max_length=20, choices=codes.Gender.choices, blank=True, default="")
    nationality = models.CharField(max_length=3, blank=True, default="")  # ISO 3166 alpha-3

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Defendant {self.pk}"


class Charge(models.Model):
    """One offence a defendant is charged with (or, in Northern Ireland and Scotland, that the
    prosecutor decided to prosecute), and what became of it."""

    defendant = models.ForeignKey(Defendant, on_delete=models.CASCADE, related_name="charges")
    offence = models.CharField(max_length=20, choices=jc.Offence.choices)
    charged_on = models.DateField()
    outcome = models.CharField(
        max_length=30, choices=jc.ChargeOutcome.choices, default=jc.ChargeOutcome.ONGOING
    )
    outcome_on = models.DateField(null=True, blank=True)
    sentence = models.CharField(
        max_length=20, choices=jc.SentenceKind.choices, blank=True, default=""
    )
    custody_months = models.PositiveIntegerField(null=True, blank=True)
    fine_pence = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome=jc.ChargeOutcome.ONGOING, outcome_on__isnull=True)
                | (~Q(outcome=jc.ChargeOutcome.ONGOING) & Q(outcome_on__gte=F("charged_on"))),
                name="justice_outcome_dated_not_before_charge",
            ),
            models.CheckConstraint(
                condition=Q(outcome=jc.ChargeOutcome.CONVICTED) | Q(sentence=""),
                name="justice_sentence_only_on_conviction",
            ),
        ]

    def __str__(self) -> str:
        return f"Charge {self.pk}"


class AssetRecovery(models.Model):
    """A cash seizure or a confiscation order, with its amount in pence. With the authority's
    own reference for it, recording it again brings its status up to date."""

    reference = models.CharField(max_length=40, blank=True, default="")
    kind = models.CharField(max_length=30, choices=jc.RecoveryKind.choices)
    authority = models.CharField(max_length=10, choices=jc.ProsecutingAuthority.choices)
    nation = models.CharField(max_length=20, choices=codes.Nation.choices)
    amount_pence = models.PositiveBigIntegerField()
    status = models.CharField(max_length=30, choices=jc.RecoveryStatus.choices)
    recorded_on = models.DateField()
    prosecution = models.ForeignKey(
        Prosecution,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recoveries",
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="asset_recoveries"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recorded_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "reference"],
                condition=~Q(reference=""),
                name="justice_one_recovery_per_reference",
            )
        ]

    def __str__(self) -> str:
        return f"Asset recovery {self.pk}"
