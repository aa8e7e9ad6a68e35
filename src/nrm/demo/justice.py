"""Demo prosecutions, outcomes, sentences and asset recovery, 2008 to mid-2013, that reproduce
the report's chapter 4: Tables 11-17, the cash seizures' Table 19 with its footnotes, and the
figures of paras 4.11, 4.14, 4.21 and 4.22. Written through the justice services, as a
prosecuting authority's data officer would record them (docs/demo-data.md, "Prosecutions").

How the tables are met:
- Offences charged (Tables 11-14) are the charges dated in each financial year, whatever
  became of them. England's 2011-12 charges include every conviction of 2012 (charged April to
  December 2011); those of 2009-2011 were charged the year before, before the tables' years.
- Convictions (Tables 15 and 16): in each year, as many defendants as Table 15 counts are
  convicted with a trafficking offence as their principal offence (the heaviest sentence); the
  offences Table 16 counts beyond those are further convictions with lighter sentences, the
  first of each year on a defendant whose heaviest sentence is for another offence (who is
  therefore not in Table 15). No conviction is in Wales (Table 15, footnote 4).
- The rest of each year's charges end in acquittal, are discontinued, are convicted in 2013
  or are still going on, on 30 June 2013.
- Scotland's Table 17 2011 total is not in the extraction of the report: the demo's is nil,
  as its two published parts are.
"""

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from nrm.accounts.actors import DEMO
from nrm.cases.models import Referral
from nrm.demo.people import DEMO_TODAY
from nrm.intelligence.ocg_link_services import defendant_ocg_link
from nrm.justice.models import Prosecution
from nrm.justice.services import prosecution_save, recovery_save
from nrm.standard import justice_codes as jc
from nrm.standard.codes import ExploitationType, Nation
from nrm.standard.justice_schema import AssetRecoveryRecord, ProsecutionRecord

S, OP, F = (jc.Offence.SEXUAL_OFFENCES_ACT_S57_59.value, jc.Offence.AITOC_S4.value,
            jc.Offence.CORONERS_JUSTICE_S71.value)  # fmt: skip
SC_P, SC_F, X = jc.Offence.CJS_S22.value, jc.Offence.CJLS_S47.value, jc.Offence.OTHER.value
CONVICTED, ACQUITTED = jc.ChargeOutcome.CONVICTED.value, jc.ChargeOutcome.ACQUITTED.value
ONGOING, DISCONTINUED = jc.ChargeOutcome.ONGOING.value, jc.ChargeOutcome.DISCONTINUED.value
NO_FURTHER = jc.ChargeOutcome.NO_FURTHER_PROCEEDINGS.value
CPS, PPS, COPFS = (a.value for a in jc.ProsecutingAuthority)
ENGLAND, WALES = Nation.ENGLAND.value, Nation.WALES.value
SCOTLAND, NORTHERN_IRELAND = Nation.SCOTLAND.value, Nation.NORTHERN_IRELAND.value
SEXUAL, LABOUR = ExploitationType.SEXUAL.value, ExploitationType.LABOUR.value
IN_COURT, FORFEITED = jc.RecoveryStatus.IN_COURT_PROCESS.value, jc.RecoveryStatus.FORFEITED.value
SEED = 4_2013

# Tables 15 and 16: year -> (principal: sexual, other; all offences: sexual, other, forced labour)
CONVICTIONS_EW = {
    2009: ((23, 2), (44, 12, 0)),
    2010: ((10, 6), (22, 7, 0)),
    2011: ((8, 0), (34, 4, 0)),
    2012: ((10, 2), (29, 3, 2)),
}
# Tables 11 and 12: (nation, financial year) -> offences charged (sexual, other, forced labour)
CHARGED_EW = {
    (ENGLAND, 2011): (112, 37, 15),
    (ENGLAND, 2012): (43, 25, 20),
    (WALES, 2011): (1, 0, 0),
    (WALES, 2012): (0, 1, 0),
}
# The first names the demo gives defendants (fictional people; surnames are numbered).
_NAMES = ("Alex", "Sam", "Jo", "Chris", "Kim", "Robin", "Lee", "Nico", "Dani", "Ari")


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def _fy(year: int) -> tuple[date, date]:
    return date(year, 4, 1), date(year + 1, 3, 31)


class _Plan:
    """Prosecutions being planned, as records of the data standard."""

    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.records: list[dict[str, Any]] = []
        self.people = 0

    def defendant(self, charges: list[dict[str, Any]]) -> dict[str, Any]:
        self.people += 1
        name = f"{self.rng.choice(_NAMES)} Defendant-{self.people:03d}"
        born = date(self.rng.randrange(1960, 1990), self.rng.randrange(1, 13), 1)
        return {"name": name, "date_of_birth": born.isoformat(), "charges": charges}

    def add(self, authority: str, nation: str, defendants: list[dict[str, Any]],
            victims: str = "") -> None:  # fmt: skip
        prefix = {CPS: "CPS", PPS: "PPS", COPFS: "PF"}[authority]
        self.records.append(
            {
                "authority": authority,
                "case_reference": f"{prefix}-{len(self.records) + 1:04d}",
                "court_nation": nation,
                "court": "",
                "defendants": defendants,
                "victims": victims,
            }
        )

    def grouped(self, authority: str, nation: str, defendants: list[dict[str, Any]],
                victims: str = "") -> None:  # fmt: skip
        """Defendants in proceedings of one to three defendants."""
        while defendants:
            size = min(len(defendants), self.rng.choice((1, 1, 2, 3)))
            self.add(authority, nation, defendants[:size], victims)
            defendants = defendants[size:]


def _charge(offence: str, charged: date, outcome: str = ONGOING, on: date | None = None,
            months: int | None = None) -> dict[str, Any]:  # fmt: skip
    found: dict[str, Any] = {"offence": offence, "charged_on": charged.isoformat(),
                             "outcome": outcome}  # fmt: skip
    if on is not None:
        found["outcome_on"] = on.isoformat()
    if months is not None:
        found["sentence"] = "immediate_custody"
        found["custody_months"] = months
    return found


def _convictions(plan: _Plan) -> dict[str, int]:
    """England's convictions of 2009-2012; the charges of 2012's, which fall in 2011-12."""
    used = {S: 0, OP: 0, F: 0}
    for year, ((p_sexual, p_other), (a_sexual, a_other, a_labour)) in CONVICTIONS_EW.items():
        rng = plan.rng
        if year == 2012:
            start, end = date(2011, 4, 1), date(2011, 12, 31)
        else:
            start, end = date(year - 1, 1, 1), date(year - 1, 12, 31)
        principal = [S] * p_sexual + [OP] * p_other
        extra = [S] * (a_sexual - p_sexual) + [OP] * (a_other - p_other) + [F] * a_labour
        defendants: list[list[dict[str, Any]]] = []
        for offence in principal:
            charged = _day(rng, start, end)
            convicted = _day(rng, max(charged, date(year, 1, 1)), date(year, 12, 31))
            months = rng.randrange(48, 120)
            defendants.append([_charge(offence, charged, CONVICTED, convicted, months)])
        if extra:  # a defendant whose heaviest sentence is for another offence
            charged = _day(rng, start, end)
            convicted = _day(rng, max(charged, date(year, 1, 1)), date(year, 12, 31))
            heaviest = _charge(X, charged, CONVICTED, convicted, 150)
            defendants.append([heaviest, _charge(extra.pop(0), charged, CONVICTED, convicted, 24)])
        for n, offence in enumerate(extra):
            charges = defendants[n % len(principal)]
            first = charges[0]
            months = rng.randrange(6, first["custody_months"])
            charges.append(_charge(offence, date.fromisoformat(first["charged_on"]), CONVICTED,
                                   date.fromisoformat(first["outcome_on"]), months))  # fmt: skip
        if year == 2012:
            for charges in defendants:
                for c in charges:
                    if c["offence"] in used:
                        used[c["offence"]] += 1
        plan.grouped(CPS, ENGLAND, [plan.defendant(c) for c in defendants], CONVICTED)
    return used


def _outcome(rng: random.Random, offence: str, charged: date, fy: int) -> dict[str, Any]:
    """What became of a charge that is not among the convictions of Tables 15 and 16."""
    roll = rng.random()
    if roll < 0.35:
        return _charge(offence, charged, ACQUITTED, _day(rng, charged, DEMO_TODAY))
    if roll < 0.5:
        return _charge(offence, charged, DISCONTINUED, _day(rng, charged, DEMO_TODAY))
    if roll < 0.7:  # convicted in 2013, after the tables' years
        on = _day(rng, max(charged, date(2013, 1, 1)), DEMO_TODAY)
        return _charge(offence, charged, CONVICTED, on, rng.randrange(12, 96))
    return _charge(offence, charged)


def _other_charges(plan: _Plan, used: dict[str, int]) -> None:
    rng = plan.rng
    for (nation, fy), counts in CHARGED_EW.items():
        start, end = _fy(fy)
        end = min(end, DEMO_TODAY)
        left = dict(zip((S, OP, F), counts, strict=True))
        if (nation, fy) == (ENGLAND, 2011):
            left = {offence: n - used[offence] for offence, n in left.items()}
        offences = [offence for offence, n in left.items() for _ in range(n)]
        rng.shuffle(offences)
        defendants = []
        while offences:
            size = min(len(offences), rng.choice((1, 1, 2, 3, 4)))
            charged = _day(rng, start, end)
            charges = [_outcome(rng, o, charged, fy) for o in offences[:size]]
            if nation == WALES:  # no trafficking conviction in Wales (Table 15, footnote 4)
                charges = [_charge(c["offence"], charged, ACQUITTED,
                                   _day(rng, charged, DEMO_TODAY)) for c in charges]  # fmt: skip
            defendants.append(plan.defendant(charges))
            offences = offences[size:]
        plan.grouped(CPS, nation, defendants)


def _northern_ireland(plan: _Plan) -> None:
    """Table 13 and para 4.14: two decisions to prosecute, both convicted in 2012."""
    for decided, convicted, months in (
        (date(2011, 11, 15), date(2012, 6, 20), 48),
        (date(2012, 5, 10), date(2012, 11, 30), 36),
    ):
        charge = _charge(S, decided, CONVICTED, convicted, months)
        plan.add(PPS, NORTHERN_IRELAND, [plan.defendant([charge])], CONVICTED)


def _scotland(plan: _Plan) -> None:
    """Tables 14 and 17 and para 4.11: one offence for each person prosecuted."""
    people = [
        _charge(SC_P, date(2009, 9, 1), CONVICTED, date(2010, 3, 2), 30),
        _charge(SC_P, date(2009, 11, 20), CONVICTED, date(2010, 6, 14), 42),
        _charge(SC_P, date(2011, 10, 3), ACQUITTED, date(2012, 5, 21)),
        _charge(SC_F, date(2011, 12, 12), ACQUITTED, date(2012, 9, 10)),
        _charge(SC_F, date(2012, 2, 20), NO_FURTHER, date(2012, 4, 16)),
        # 2012-13 (para 4.11): ten people; four convicted, two acquitted, three ongoing, one
        # with no further proceedings
        _charge(SC_P, date(2012, 4, 23), CONVICTED, date(2012, 11, 5), 40),
        _charge(SC_P, date(2012, 7, 9), ACQUITTED, date(2013, 2, 18)),
        _charge(SC_P, date(2012, 10, 1)),
        _charge(SC_P, date(2013, 1, 14), NO_FURTHER, date(2013, 5, 2)),
        _charge(OP, date(2012, 4, 30), CONVICTED, date(2012, 9, 24), 54),
        _charge(OP, date(2012, 5, 14), CONVICTED, date(2012, 10, 29), 54),
        _charge(OP, date(2012, 6, 4), CONVICTED, date(2012, 12, 10), 36),
        _charge(OP, date(2012, 8, 20), ACQUITTED, date(2013, 3, 25)),
        _charge(OP, date(2012, 11, 26)),
        _charge(OP, date(2013, 3, 4)),
    ]
    for charge in people:
        victims = CONVICTED if charge["outcome"] == CONVICTED else ""
        plan.add(COPFS, SCOTLAND, [plan.defendant([charge])], victims)


# The cash seizures of 2012 (Table 19 and its footnotes), in pounds: (authority, nation,
# amounts going through the court process, amounts forfeited).
SEIZURES_2012 = (
    (CPS, ENGLAND, (2_500, 1_500), (6_000, 4_200, 3_109, 2_800, 2_000, 1_500, 1_000)),
    (PPS, NORTHERN_IRELAND, (2_000, 1_765, 1_500), (2_251,)),
    (COPFS, SCOTLAND, (7_061,), (3_720,)),
)
# Confiscation orders (paras 4.21 and 4.22), in pounds, on the demo's convictions.
ORDERS = (
    (PPS, NORTHERN_IRELAND, date(2012, 10, 8), 68_081),
    (COPFS, SCOTLAND, date(2012, 8, 6), 30_000),
    (COPFS, SCOTLAND, date(2012, 12, 3), 16_940),
)


def _recoveries(plan: _Plan, convicted: dict[str, list[str]]) -> Iterator[AssetRecoveryRecord]:
    rng = plan.rng
    for authority, nation, in_court, forfeited in SEIZURES_2012:
        prefix = {CPS: "CPS", PPS: "PPS", COPFS: "PF"}[authority]
        for n, (pounds, status) in enumerate([*((p, IN_COURT) for p in in_court),
                                              *((p, FORFEITED) for p in forfeited)]):  # fmt: skip
            yield AssetRecoveryRecord.model_validate(
                {
                    "reference": f"{prefix}-CS-{n + 1:03d}",
                    "kind": jc.RecoveryKind.CASH_SEIZURE.value,
                    "authority": authority,
                    "nation": nation,
                    "amount_pence": pounds * 100,
                    "status": status,
                    "recorded_on": _day(rng, date(2012, 1, 1), date(2012, 12, 31)),
                },
                context={"today": DEMO_TODAY},
            )
    for n, (authority, nation, day, pounds) in enumerate(ORDERS):
        references = convicted[authority]
        yield AssetRecoveryRecord.model_validate(
            {
                "kind": jc.RecoveryKind.CONFISCATION_ORDER.value,
                "authority": authority,
                "nation": nation,
                "amount_pence": pounds * 100,
                "status": jc.RecoveryStatus.ORDERED.value,
                "recorded_on": day,
                "case_reference": references[n % len(references)],
            },
            context={"today": DEMO_TODAY},
        )


def _victims(plan: _Plan) -> None:
    """Link each prosecution that ended in a conviction to one or two demo referrals made
    before it was charged, in its nation and of its kind of exploitation (none for those
    charged before the demo's first referrals, of April 2009)."""
    pools: dict[tuple[str, str], list[tuple[str, date]]] = {}
    for nation, etype in ((ENGLAND, SEXUAL), (ENGLAND, LABOUR), (SCOTLAND, SEXUAL),
                          (SCOTLAND, LABOUR), (NORTHERN_IRELAND, SEXUAL)):  # fmt: skip
        pools[(nation, etype)] = list(
            Referral.objects.filter(nation=nation, exploitation_type=etype)
            .order_by("referral_date", "id")
            .values_list("reference", "referral_date")
        )
    used: set[str] = set()
    for record in plan.records:
        if record.pop("victims") != CONVICTED:
            continue
        first = record["defendants"][0]["charges"][0]
        charged = date.fromisoformat(first["charged_on"])
        etype = SEXUAL if first["offence"] in (S, SC_P) else LABOUR
        pool = [
            reference
            for reference, referred in pools.get((record["court_nation"], etype), [])
            if referred <= charged and reference not in used
        ]
        chosen = pool[-plan.rng.choice((1, 1, 2)) :] if pool else []
        used.update(chosen)
        record["victim_references"] = chosen


def demo_justice_create() -> tuple[int, int]:
    """Record the demo prosecutions and asset recovery; return how many of each."""
    plan = _Plan()
    used = _convictions(plan)
    _other_charges(plan, used)
    _northern_ireland(plan)
    _scotland(plan)
    _victims(plan)
    convicted: dict[str, list[str]] = {}
    for data in plan.records:
        record = ProsecutionRecord.model_validate(data, context={"today": DEMO_TODAY})
        prosecution_save(actor=DEMO, record=record)
        if any(c["outcome"] == CONVICTED for d in data["defendants"] for c in d["charges"]):
            convicted.setdefault(data["authority"], []).append(data["case_reference"])
    recoveries = list(_recoveries(plan, convicted))
    for recovery in recoveries:
        recovery_save(actor=DEMO, record=recovery)
    return len(plan.records), len(recoveries)


# Defendants the hub has linked to demo organised crime groups: (group, case reference).
DEMO_LINKS = (
    ("demo-group-alder", "CPS-0001"),
    ("demo-group-birch", "CPS-0002"),
    ("demo-group-damson", "CPS-0003"),
)


def demo_defendants_link() -> int:
    """Link the defendants of a few demo prosecutions to demo groups, as an analyst would on
    the prosecution's page; return how many links."""
    made = 0
    for group, reference in DEMO_LINKS:
        prosecution = Prosecution.objects.get(authority=CPS, case_reference=reference)
        for defendant in prosecution.defendants.order_by("id"):
            defendant_ocg_link(
                actor=DEMO, prosecution_id=prosecution.pk, defendant_id=defendant.pk, ocg=group
            )
            made += 1
    return made
