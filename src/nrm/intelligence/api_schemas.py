"""Response shapes of the intelligence API (requests use the data standard's intelligence
report schema directly; errors and messages have the shapes every operation shares)."""

from datetime import date, datetime

from ninja import Schema


class ReportCreatedOut(Schema):
    reference: str
    created_at: datetime
    grading: str


class ReportSummaryOut(Schema):
    reference: str
    organisation: str
    received_date: date
    events_date: date | None
    source_evaluation: str
    intelligence_assessment: str
    handling_code: str
    entities: int


class ReportPageOut(Schema):
    count: int
    page: int
    pages: int
    results: list[ReportSummaryOut]


class EntityOut(Schema):
    key: str
    type: str
    nrm_reference: str | None
    person_role: str
    given_name: str
    family_name: str
    date_of_birth: date | None
    estimated_age: int | None
    gender: str
    nationality: str
    exploitation_type: str
    exploitation_sub_types: list[str]
    ocg_name: str
    ocg_nationality: str
    ocg_activities: list[str]
    address: str
    postcode: str
    premises_type: str
    phone: str
    vehicle_registration: str
    business_name: str
    company_number: str


class LinkOut(Schema):
    from_key: str
    to_key: str
    type: str
    confidence: str


class ReportOut(Schema):
    reference: str
    organisation: str
    source_kind: str
    officer: str
    received_date: date
    events_date: date | None
    operation: str
    source_evaluation: str
    intelligence_assessment: str
    handling_code: str
    handling_conditions: list[str]
    narrative: str
    entities: list[EntityOut]
    links: list[LinkOut]
