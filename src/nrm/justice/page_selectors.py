"""Reads of prosecutions for the hub's pages, for those who may read every prosecution
(``read_prosecutions``): the overview of referrals, charges and convictions by year, the list
of prosecutions, one prosecution, the prosecutions of one NRM case and those of a set of
defendants (for the layer above, which links defendants to organised crime groups).

Every read and list is audited, naming records by their ids (never a person's name); a
prosecution that does not exist is audited as a refusal. Which offence is principal and which
year a date falls in are decided by ``nrm.justice.rules`` through the extract, never here.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import capability_require
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.cases.models import Referral
from nrm.cases.referrals.selectors import referral_counts_by_year
from nrm.justice.extract import charges_table, principal_ids
from nrm.justice.models import Charge, Prosecution
from nrm.justice.rules import financial_year, is_trafficking
from nrm.justice.specs import OVERVIEW_SPECS
from nrm.standard import justice_codes as jc
from nrm.statistics.engine import backend_connect, referrals_table, specs_evaluate
from nrm.statistics.result import Result


@dataclass(frozen=True)
class ChargeRead:
    id: int
    offence: str  # the code
    trafficking: bool
    charged_on: date
    outcome: str  # the code
    outcome_on: date | None
    sentence: str  # the code, or "" (none recorded)
    custody_months: int | None
    fine_pence: int | None
    principal: bool  # the defendant's principal offence (``rules.principal_offence``)


@dataclass(frozen=True)
class DefendantRead:
    id: int
    name: str
    charges: list[ChargeRead]

    @property
    def convicted(self) -> bool:
        return any(c.outcome == jc.ChargeOutcome.CONVICTED for c in self.charges)


@dataclass(frozen=True)
class RecoveryRead:
    id: int
    kind: str
    status: str
    amount_pence: int
    recorded_on: date


@dataclass(frozen=True)
class ProsecutionRead:
    id: int
    authority: str
    case_reference: str
    court_nation: str
    court: str
    defendants: list[DefendantRead]
    victims: list[str]  # the NRM references of the victims' cases
    recoveries: list[RecoveryRead]

    @property
    def charges(self) -> list[ChargeRead]:
        return [c for d in self.defendants for c in d.charges]

    @property
    def first_charged(self) -> date | None:
        return min((c.charged_on for c in self.charges), default=None)

    @property
    def recovered_pence(self) -> int:
        return sum(r.amount_pence for r in self.recoveries)


def _charge_values(charge: Charge) -> dict[str, Any]:
    return {
        "id": charge.pk,
        "defendant_id": charge.defendant_id,
        "offence": charge.offence,
        "charged_on": charge.charged_on,
        "outcome": charge.outcome,
        "sentence": charge.sentence,
        "custody_months": charge.custody_months,
        "fine_pence": charge.fine_pence,
    }


def _read(prosecution: Prosecution) -> ProsecutionRead:
    defendants = list(prosecution.defendants.all())
    charges = [c for d in defendants for c in d.charges.all()]
    principal = principal_ids([_charge_values(c) for c in charges])
    return ProsecutionRead(
        id=prosecution.pk,
        authority=prosecution.authority,
        case_reference=prosecution.case_reference,
        court_nation=prosecution.court_nation,
        court=prosecution.court,
        defendants=[
            DefendantRead(
                id=d.pk,
                name=d.name,
                charges=[
                    ChargeRead(
                        id=c.pk,
                        offence=c.offence,
                        trafficking=is_trafficking(c.offence),
                        charged_on=c.charged_on,
                        outcome=c.outcome,
                        outcome_on=c.outcome_on,
                        sentence=c.sentence,
                        custody_months=c.custody_months,
                        fine_pence=c.fine_pence,
                        principal=c.pk in principal,
                    )
                    for c in d.charges.all()
                ],
            )
            for d in defendants
        ],
        victims=sorted(v.reference for v in prosecution.victims.all()),
        recoveries=[
            RecoveryRead(
                id=r.pk,
                kind=r.kind,
                status=r.status,
                amount_pence=r.amount_pence,
                recorded_on=r.recorded_on,
            )
            for r in prosecution.recoveries.all()
        ],
    )


def _prosecutions() -> QuerySet[Prosecution]:
    return Prosecution.objects.prefetch_related(
        "defendants__charges", "victims", "recoveries"
    ).order_by("authority", "case_reference", "id")


def _require(actor: Actor, detail: Mapping[str, Any]) -> None:
    capability_require(actor=actor, capability=Capability.READ_PROSECUTIONS, detail=dict(detail))


# The list

PER_PAGE = 50


@dataclass(frozen=True)
class ListFilters:
    authority: str = ""  # a prosecuting authority's code
    year: int | None = None  # a financial year in which one of its offences was charged
    outcome: str = ""  # an outcome one of its offences had

    def as_detail(self) -> dict[str, Any]:
        return {"authority": self.authority, "year": self.year, "outcome": self.outcome}


def _passes(read: ProsecutionRead, filters: ListFilters) -> bool:
    charges = read.charges
    if filters.year is not None and all(
        financial_year(c.charged_on) != filters.year for c in charges
    ):
        return False
    return not filters.outcome or any(c.outcome == filters.outcome for c in charges)


def prosecution_list(*, actor: Actor, filters: ListFilters, page: int = 1) -> Page:
    """The prosecutions that pass ``filters``, by authority and reference, ``PER_PAGE`` a page
    (the page asked for, or the nearest there is); the listing (its filters and the
    prosecutions shown) is audited."""
    _require(actor, {"filters": filters.as_detail()})
    found = _prosecutions()
    if filters.authority:
        found = found.filter(authority=filters.authority)
    reads = [r for r in map(_read, found) if _passes(r, filters)]
    shown = Paginator(reads, PER_PAGE).get_page(page)
    audit_record(
        actor=actor,
        verb=AuditVerb.PROSECUTION_LIST,
        detail={
            "filters": filters.as_detail(),
            "page": shown.number,
            "prosecutions": [r.id for r in shown.object_list],
        },
    )
    return shown


def prosecution_years() -> list[int]:
    """The financial years in which offences were charged, newest first (no record is read)."""
    days = Charge.objects.values_list("charged_on", flat=True).distinct()
    return sorted({financial_year(day) for day in days}, reverse=True)


# One prosecution, the prosecutions of a case, of defendants


def prosecution_get(*, actor: Actor, prosecution_id: int) -> ProsecutionRead | None:
    """One prosecution; the read, or the refusal of one that does not exist, is audited."""
    _require(actor, {"prosecution": prosecution_id})
    found = _prosecutions().filter(pk=prosecution_id).first()
    if found is None:
        audit_record(
            actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"prosecution": prosecution_id}
        )
        return None
    audit_record(actor=actor, verb=AuditVerb.PROSECUTION_READ, target=found)
    return _read(found)


def case_prosecutions(*, actor: Actor, reference: str) -> list[ProsecutionRead] | None:
    """The prosecutions whose victims include the NRM case ``reference`` (None when there is no
    such case); the read names the case and the prosecutions, and is audited."""
    _require(actor, {"reference": reference})
    if not Referral.objects.filter(reference=reference).exists():
        audit_record(actor=actor, verb=AuditVerb.ACCESS_DENIED, detail={"reference": reference})
        return None
    reads = [_read(p) for p in _prosecutions().filter(victims__reference=reference)]
    audit_record(
        actor=actor,
        verb=AuditVerb.PROSECUTION_READ,
        detail={"reference": reference, "prosecutions": [r.id for r in reads]},
    )
    return reads


def defendant_prosecutions(
    *, actor: Actor, defendant_ids: Iterable[int], via: Mapping[str, Any]
) -> list[ProsecutionRead]:
    """The prosecutions of these defendants, read for a record of a higher layer (``via``: what
    led to them, such as an organised crime group); audited when there are any."""
    ids = sorted(set(defendant_ids))
    _require(actor, {"defendants": ids, **via})
    if not ids:
        return []
    reads = [_read(p) for p in _prosecutions().filter(defendants__id__in=ids).distinct()]
    audit_record(
        actor=actor,
        verb=AuditVerb.PROSECUTION_READ,
        detail={**via, "defendants": ids, "prosecutions": [r.id for r in reads]},
    )
    return reads


# The overview


@dataclass
class Overview:
    year: int
    years: list[int]  # the calendar years shown, and the financial years starting in them
    referrals: list[int]  # referrals made in each calendar year of ``years``
    tables: list[Result] = field(default_factory=list)  # ``specs.OVERVIEW_SPECS``


def overview_years() -> list[int]:
    """The years the overview may show: those with referrals, charges or outcomes, newest
    first (counts only: no record is read)."""
    outcome_days = Charge.objects.exclude(outcome_on=None).values_list("outcome_on", flat=True)
    found = set(referral_counts_by_year()) | set(prosecution_years())
    found |= {day.year for day in outcome_days.distinct() if day is not None}
    return sorted(found, reverse=True)


def newest_justice_year() -> int | None:
    """The newest year with an offence charged or an outcome: the year the overview opens on
    (referrals of recent years without prosecutions yet would show only zeros)."""
    outcome_days = Charge.objects.exclude(outcome_on=None).values_list("outcome_on", flat=True)
    found = set(prosecution_years()) | {day.year for day in outcome_days.distinct() if day}
    return max(found) if found else None


def justice_overview(*, actor: Actor, year: int) -> Overview:
    """Referrals by calendar year beside trafficking offences charged by financial year and
    convictions by calendar year, for the five years to ``year``; audited."""
    _require(actor, {"overview": year})
    con = backend_connect()
    charges = referrals_table(con, charges_table(), name="charges")
    tables = specs_evaluate(OVERVIEW_SPECS, charges, year=year)
    by_year = referral_counts_by_year()
    years = OVERVIEW_SPECS[0].year_range(year)
    audit_record(actor=actor, verb=AuditVerb.PROSECUTION_LIST, detail={"overview": year})
    return Overview(year, years, [by_year.get(y, 0) for y in years], tables)
