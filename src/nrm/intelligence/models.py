"""Intelligence reports, the entities they name and the links between those entities. Models
only hold data: the rules live in ``nrm.standard.intelligence_validation`` and the services."""

from django.conf import settings
from django.db import models

from nrm.accounts.models import Organisation
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
