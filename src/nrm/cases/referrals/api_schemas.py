"""Response shapes of the intake API (requests use the data standard's schema directly; errors
and messages have the shapes every operation shares, ``nrm.web.api``)."""

from datetime import date, datetime

from ninja import Schema


class ReferralCreatedOut(Schema):
    reference: str
    received_at: datetime
    competent_authority: str
    age_group: str


class ReferralSummaryOut(Schema):
    reference: str
    referral_date: date
    nation: str
    age_group: str
    exploitation_type: str
    competent_authority: str
    rg_outcome: str
    cg_outcome: str


class ReferralPageOut(Schema):
    count: int
    page: int
    pages: int
    results: list[ReferralSummaryOut]


class NotificationOut(Schema):
    reference: str
    notification_date: date
    nation: str
    police_region: str
    age_group: str
    gender: str
    nationality: str
    exploitation_type: str
    exploitation_sub_types: list[str]
    exploitation_region: str
    exploitation_country: str


class NotificationPageOut(Schema):
    count: int
    page: int
    pages: int
    results: list[NotificationOut]
