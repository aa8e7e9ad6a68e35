"""Intelligence reports, the entities they name and the links between those entities. Models
only hold data: the rules live in ``nrm.standard.intelligence_validation`` and the services."""

from django.conf import settings
from django.db import models

from nrm.accounts.models import Organisation
from nrm.intelligence.surveillance_models import (  # noqa: F401 (models of this app)
    SurgeAlert,
    SurveillanceCell,
    SurveillanceRun,
)
from nrm.standard import codes
from nrm.standard import intelligence_codes as icodes


class IntelligenceReport(models.Model):
    """What a source said, graded 3x5x2. Reports with handling code C are seen only by the
    organisations their conditions name (and the organisation that recorded them)."""

    reference = models.CharField(max_length=20, unique=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="intelligence_reports"
    )
    source_kind = models.CharField(max_length=20, choices=icodes.SourceOrganisationKind.choices)
    officer = models.CharField(max_length=200)
    received_date = models.DateField()
    events_date = models.DateField(null=True, blank=True)
    operation = models.CharField(max_length=200, blank=True, default="")
    source_evaluation = models.CharField(max_length=1, choices=icodes.SourceEvaluation.choices)
    intelligence_assessment = models.CharField(
        max_length=1, choices=icodes.IntelligenceAssessment.choices
    )
    handling_code = models.CharField(max_length=1, choices=icodes.HandlingCode.choices)
    condition_organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="intelligence_shared_with"
    )
    narrative = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_date", "-id"]
        indexes = [models.Index(fields=["organisation", "handling_code"])]

    def __str__(self) -> str:
        return self.reference

    @property
    def grading(self) -> str:
        """The 3x5x2 grading as it is written: "1B P"."""
        return f"{self.source_evaluation}{self.intelligence_assessment} {self.handling_code}"


class Entity(models.Model):
    """A person, organised crime group, location, phone, vehicle or business a report names,
    with the attributes of its type (the others stay empty)."""

    report = models.ForeignKey(
        IntelligenceReport, on_delete=models.CASCADE, related_name="entities"
    )
    key = models.CharField(max_length=40)  # the report's own name for it, used by its links
    type = models.CharField(max_length=10, choices=icodes.EntityType.choices)
    # A person who is the subject of an NRM referral: intelligence and referrals meet here.
    referral = models.ForeignKey(
        "cases.Referral",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    person_role = models.CharField(
        max_length=20, choices=icodes.PersonRole.choices, blank=True, default=""
    )
    given_name = models.CharField(max_length=200, blank=True, default="")
    family_name = models.CharField(max_length=200, blank=True, default="")
    date_of_birth = models.DateField(null=True, blank=True)
    estimated_age = models.PositiveSmallIntegerField(null=True, blank=True)
    gender = models.CharField(max_length=20, choices=codes.Gender.choices, blank=True, default="")
    nationality = models.CharField(max_length=3, blank=True, default="")  # ISO 3166-1 alpha-3
    # A potential victim: what the source says they were exploited for, where or how.
    exploitation_type = models.CharField(
        max_length=20, choices=codes.ExploitationType.choices, blank=True, default=""
    )
    exploitation_sub_types = models.JSONField(default=list, blank=True)
    ocg_name = models.CharField(max_length=200, blank=True, default="")
    ocg_nationality = models.CharField(max_length=20, blank=True, default="")
    ocg_activities = models.JSONField(default=list, blank=True)
    address = models.CharField(max_length=500, blank=True, default="")
    postcode = models.CharField(max_length=16, blank=True, default="")
    premises_type = models.CharField(
        max_length=20, choices=icodes.PremisesType.choices, blank=True, default=""
    )
    phone = models.CharField(max_length=20, blank=True, default="")  # E.164
    vehicle_registration = models.CharField(max_length=16, blank=True, default="")
    business_name = models.CharField(max_length=200, blank=True, default="")
    company_number = models.CharField(max_length=16, blank=True, default="")

    class Meta:
        ordering = ["report_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "key"], name="entity_key_once_a_report")
        ]
        indexes = [models.Index(fields=["type"]), models.Index(fields=["phone"])]

    def __str__(self) -> str:
        return f"{self.type} {self.key} of report {self.report_id}"


class Link(models.Model):
    """A typed link between two entities, from the report that says so, with its confidence."""

    report = models.ForeignKey(IntelligenceReport, on_delete=models.CASCADE, related_name="links")
    from_entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="links_out")
    to_entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="links_in")
    type = models.CharField(max_length=20, choices=icodes.LinkType.choices)
    confidence = models.CharField(max_length=12, choices=icodes.LinkConfidence.choices)

    class Meta:
        ordering = ["report_id", "id"]

    def __str__(self) -> str:
        return f"{self.from_entity_id} {self.type} {self.to_entity_id}"


# Person resolution (docs/intelligence.md, "The review queue"). These tables hold record ids
# (``referral:<id>``, ``mention:<id>``: ``nrm.intelligence.people``) and numbers only; the
# personal data stays in the referral and entity tables it came from.


class PairDecision(models.Model):
    """An analyst's decision that two person records are, or are not, one person. One current
    decision a pair (``record_l`` < ``record_r``); a change replaces it and is audited.
    ``mention_l`` / ``mention_r`` as in ``ScoredPair``; ``match_probability``, the model's when
    the pair was decided."""

    record_l = models.CharField(max_length=40)
    record_r = models.CharField(max_length=40)
    mention_l = models.PositiveBigIntegerField(null=True, blank=True)
    mention_r = models.PositiveBigIntegerField(null=True, blank=True)
    match_probability = models.FloatField(null=True, blank=True)
    accepted = models.BooleanField()
    reason = models.TextField(blank=True, default="")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["record_l", "record_r"]
        constraints = [
            models.UniqueConstraint(fields=["record_l", "record_r"], name="one_decision_a_pair"),
            models.CheckConstraint(
                condition=models.Q(record_l__lt=models.F("record_r")), name="decision_pair_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.record_l} {'=' if self.accepted else '≠'} {self.record_r}"


class ResolutionRun(models.Model):
    """One resolution of every person on record. Only the latest run keeps its pairs and
    resolved people; earlier runs keep their counts."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
    records = models.PositiveIntegerField()
    people = models.PositiveIntegerField()
    matched_pairs = models.PositiveIntegerField()
    review_pairs = models.PositiveIntegerField()
    match_threshold = models.FloatField()
    review_threshold = models.FloatField()
    model_summary = models.JSONField(default=dict, blank=True)  # numbers and names, no people

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"resolution {self.pk}"


class ScoredPair(models.Model):
    """A pair of records of a run: matched (at or above the match threshold, or stated by a
    report naming a referral's subject; probability None then), or waiting for review (between
    the thresholds). ``mention_l`` / ``mention_r``: the entity ids of records that are
    mentions, so that a reader's handling codes can filter the queue in the database."""

    MATCHED, REVIEW = "matched", "review"

    run = models.ForeignKey(ResolutionRun, on_delete=models.CASCADE, related_name="pairs")
    band = models.CharField(max_length=10, choices=[(MATCHED, "Matched"), (REVIEW, "Review")])
    record_l = models.CharField(max_length=40)
    record_r = models.CharField(max_length=40)
    mention_l = models.PositiveBigIntegerField(null=True, blank=True)
    mention_r = models.PositiveBigIntegerField(null=True, blank=True)
    match_probability = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["run_id", "-match_probability", "id"]
        indexes = [models.Index(fields=["run", "band", "match_probability"])]

    def __str__(self) -> str:
        return f"{self.record_l} ~ {self.record_r}"


class ResolvedRecord(models.Model):
    """A record of a run and the resolved person (cluster) it belongs to: the smallest record
    id of the cluster, so it repeats from run to run while the cluster's records do."""

    run = models.ForeignKey(ResolutionRun, on_delete=models.CASCADE, related_name="members")
    record_id = models.CharField(max_length=40)
    cluster_id = models.CharField(max_length=40)

    class Meta:
        ordering = ["run_id", "cluster_id", "record_id"]
        constraints = [
            models.UniqueConstraint(fields=["run", "record_id"], name="record_once_a_run")
        ]
        indexes = [models.Index(fields=["run", "cluster_id"])]

    def __str__(self) -> str:
        return f"{self.record_id} in {self.cluster_id}"


# Similar accounts (docs/intelligence.md, "Similar accounts"). These tables hold referral ids,
# similarities, hashes and dates only: the accounts' text stays in ``cases.VictimAccount``.


class SimilarAccountsRun(models.Model):
    """One batch run over every account (exact all-pairs at the threshold). Only the latest
    run keeps its pairs and clusters; earlier runs keep their counts."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
    accounts = models.PositiveIntegerField()
    pairs = models.PositiveIntegerField()
    clusters = models.PositiveIntegerField()
    threshold = models.FloatField()

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"similar accounts {self.pk}"


class SimilarAccountPair(models.Model):
    """Two referrals whose accounts are near copies, with their exact Jaccard similarity: found
    by a batch run (``run``), or at submission (``run`` None: the later referral, ``referral_r``,
    checked against the earlier accounts). ``referral_l`` < ``referral_r``."""

    run = models.ForeignKey(
        SimilarAccountsRun, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    referral_l = models.ForeignKey("cases.Referral", on_delete=models.CASCADE, related_name="+")
    referral_r = models.ForeignKey("cases.Referral", on_delete=models.CASCADE, related_name="+")
    jaccard = models.FloatField()
    found_at = models.DateTimeField()

    class Meta:
        ordering = ["run_id", "referral_l_id", "referral_r_id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(referral_l__lt=models.F("referral_r")),
                name="similar_pair_ordered",
            )
        ]
        indexes = [
            models.Index(fields=["run", "referral_l"]),
            models.Index(fields=["found_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.referral_l_id} ~ {self.referral_r_id}"


class SimilarAccountCluster(models.Model):
    """The accounts of a run linked by similar pairs (a connected component), with the range
    of their referral dates. ``first_referral``: its smallest referral id, so it repeats from
    run to run while the cluster keeps that account."""

    run = models.ForeignKey(SimilarAccountsRun, on_delete=models.CASCADE, related_name="+")
    first_referral = models.ForeignKey("cases.Referral", on_delete=models.CASCADE, related_name="+")
    size = models.PositiveIntegerField()
    first_date = models.DateField()
    last_date = models.DateField()

    class Meta:
        ordering = ["run_id", "-last_date", "-size", "id"]
        indexes = [models.Index(fields=["run", "last_date"])]

    def __str__(self) -> str:
        return f"cluster of {self.size} accounts"


class SimilarAccountMember(models.Model):
    """A referral whose account is in a cluster."""

    cluster = models.ForeignKey(
        SimilarAccountCluster, on_delete=models.CASCADE, related_name="members"
    )
    referral = models.ForeignKey("cases.Referral", on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["cluster_id", "referral_id"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "referral"], name="account_once_a_cluster")
        ]

    def __str__(self) -> str:
        return f"{self.referral_id} in {self.cluster_id}"


class SimilarClusterReview(models.Model):
    """An analyst's note that they reviewed a cluster: the referral ids it held then
    (``referrals``, sorted), so the review holds in later runs while the cluster keeps exactly
    those accounts."""

    first_referral = models.ForeignKey("cases.Referral", on_delete=models.CASCADE, related_name="+")
    referrals = models.JSONField(default=list)
    note = models.TextField(blank=True, default="")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField()

    class Meta:
        ordering = ["-reviewed_at", "-id"]
        indexes = [models.Index(fields=["first_referral", "reviewed_at"])]

    def __str__(self) -> str:
        return f"review of cluster {self.first_referral_id}"


class AccountBandKey(models.Model):
    """The MinHash LSH index of the accounts, in the database: one row for each band of an
    account's signature (``nrm.intelligence.similar.band_keys``). Accounts that share a
    (band, key) are candidates, each then confirmed by exact Jaccard."""

    referral = models.ForeignKey("cases.Referral", on_delete=models.CASCADE, related_name="+")
    band = models.PositiveSmallIntegerField()
    key = models.BigIntegerField()

    class Meta:
        ordering = ["referral_id", "band"]
        constraints = [models.UniqueConstraint(fields=["referral", "band"], name="one_key_a_band")]
        indexes = [models.Index(fields=["band", "key"])]

    def __str__(self) -> str:
        return f"band {self.band} of {self.referral_id}"


class DefendantOcgLink(models.Model):
    """An analyst's finding that a defendant in a prosecution belongs to an organised crime
    group of the register (``ocg`` is the group's register key, ``nrm.intelligence.ocgs``).
    Recording a prosecution again replaces its defendants, and with them their links."""

    defendant = models.ForeignKey(
        "justice.Defendant", on_delete=models.CASCADE, related_name="ocg_links"
    )
    ocg = models.CharField(max_length=200)
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    linked_at = models.DateTimeField()

    class Meta:
        ordering = ["linked_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["defendant", "ocg"], name="defendant_in_ocg_once")
        ]
        indexes = [models.Index(fields=["ocg"])]

    def __str__(self) -> str:
        return f"defendant {self.defendant_id} in {self.ocg}"
