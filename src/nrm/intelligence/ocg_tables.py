"""The OCG extracts of a year and the tables declared on them (``nrm.intelligence.ocg_specs``),
evaluated by the statistics engine.

The extracts hold no personal data: a group is a row of coded values (its year, predominant
nationality, size band and whether it is linked to trafficking), never its name or anyone's.
A year's groups are those named in a report received in the year, among the reports the actor
may see; each is described by the register's rule (``nrm.intelligence.ocgs.ocg_derive``) over
its mentions received up to the end of that year, so a year's tables do not change with later
intelligence.

``ocg_tables_evaluate(year=, actor=)`` is what other outputs (the strategic assessment) call.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import ibis
import pyarrow as pa

from nrm.accounts.actors import Actor
from nrm.audit.models import AuditVerb
from nrm.audit.services import audit_record
from nrm.intelligence.ocg_selectors import ocg_register
from nrm.intelligence.ocg_specs import (
    ANOTHER_NATIONALITY,
    ANY_TRAFFICKING,
    GROUPS,
    LINKED,
    MEMBERS,
    NOT_ONE_COUNTRY,
    ONE_COUNTRY,
    PAIRS,
    SOURCES,
    YEAR,
)
from nrm.intelligence.ocgs import TRAFFICKING, Ocg
from nrm.standard.intelligence_codes import OcgNationality
from nrm.standard.nationality import country_label
from nrm.statistics.engine import backend_connect, referrals_table, spec_evaluate
from nrm.statistics.result import Result
from nrm.statistics.selectors import referrals_load_for_intelligence

GROUP_SCHEMA = pa.schema(
    [
        (YEAR, pa.int64()),
        ("nationality", pa.string()),
        ("nationality_known", pa.string()),
        ("nationality_group", pa.string()),
        ("size", pa.string()),
        ("trafficking", pa.string()),
    ]
)
MEMBER_SCHEMA = pa.schema(
    [(YEAR, pa.int64()), ("nationality_group", pa.string()), ("trafficking", pa.string())]
)
PAIR_SCHEMA = pa.schema(
    [(YEAR, pa.int64()), ("ocg_trafficking", pa.string()), ("ocg_activity", pa.string())]
)
SIZES = ((5, "5 or more members"), (2, "2 to 4 members"), (1, "1 member"), (0, "None known"))


@dataclass(frozen=True)
class OcgExtracts:
    groups: pa.Table
    members: pa.Table
    pairs: pa.Table


def nationality_label(code: str) -> str:
    """A predominant nationality as a table shows it: the country's name, "Mixed", "Unknown"
    or "Not recorded"."""
    if code in OcgNationality.values:
        return str(OcgNationality(code).label)
    return country_label(code)


def size_band(members: int) -> str:
    return next(label for least, label in SIZES if members >= least)


def _group_of(group: Ocg, sources: Sequence[str]) -> str:
    if not group.one_country:
        return NOT_ONE_COUNTRY
    name = nationality_label(group.nationality)
    return name if name in sources else ANOTHER_NATIONALITY


def ocg_extracts(groups: Iterable[Ocg], *, year: int, sources: Sequence[str]) -> OcgExtracts:
    """The year's extracts of ``groups`` (each described as of the end of ``year``), with
    ``sources`` the names of the top source countries."""
    rows, members, pairs = [], [], []
    for group in groups:
        if not any(m.received.year == year for m in group.mentions):
            continue
        linked = LINKED if group.trafficking else "no"
        nationality_group = _group_of(group, sources)
        rows.append(
            {
                YEAR: year,
                "nationality": nationality_label(group.nationality),
                "nationality_known": ONE_COUNTRY if group.one_country else NOT_ONE_COUNTRY,
                "nationality_group": nationality_group,
                "size": size_band(len(group.members)),
                "trafficking": linked,
            }
        )
        members += [
            {YEAR: year, "nationality_group": nationality_group, "trafficking": linked}
        ] * len(group.members)
        kinds = [a for a in group.activities if a in TRAFFICKING]
        others = [a for a in group.activities if a not in TRAFFICKING]
        pairs += [
            {YEAR: year, "ocg_trafficking": kind, "ocg_activity": other}
            for kind in kinds
            for other in group.activities
            if other != kind
        ]
        if kinds:
            pairs += [
                {YEAR: year, "ocg_trafficking": ANY_TRAFFICKING, "ocg_activity": other}
                for other in others
            ]
    return OcgExtracts(
        groups=pa.Table.from_pylist(rows, schema=GROUP_SCHEMA),
        members=pa.Table.from_pylist(members, schema=MEMBER_SCHEMA),
        pairs=pa.Table.from_pylist(pairs, schema=PAIR_SCHEMA),
    )


def _in_order(result: Result, sources: Sequence[str]) -> Result:
    """Rows by nationality group: the top source countries in their order, then another
    nationality, then unknown or mixed, the total last."""
    order = [*sources, ANOTHER_NATIONALITY, NOT_ONE_COUNTRY]
    result.rows.sort(
        key=lambda r: (r.is_total, order.index(r.key[0]) if r.key[0] in order else len(order))
    )
    return result


def ocg_tables_from(extracts: OcgExtracts, *, year: int, sources: Sequence[str]) -> list[Result]:
    """The OCG tables of ``year`` evaluated on ``extracts`` (DuckDB, in memory)."""
    con = backend_connect()
    on = {
        "groups": referrals_table(con, extracts.groups, name="ocgs"),
        "members": referrals_table(con, extracts.members, name="ocg_members"),
        "pairs": referrals_table(con, extracts.pairs, name="ocg_pairs"),
    }
    results: list[Result] = []
    for table, specs in (("groups", GROUPS), ("members", MEMBERS), ("pairs", PAIRS)):
        for spec in specs:
            result = spec_evaluate(spec, on[table], year=year)
            if "nationality_group" in spec.rows:
                result = _in_order(result, sources)
            results.append(result)
    return results


def source_countries(referrals: ibis.Table, *, year: int) -> list[str]:
    """The names of the top five nationalities of the NRM referrals of ``year`` (ties kept),
    largest first."""
    return [row.labels[0] for row in spec_evaluate(SOURCES, referrals, year=year).rows]


@dataclass(frozen=True)
class OcgTables:
    results: list[Result]
    sources: list[str]  # the top five source countries of the year, largest first


def ocg_tables_evaluate(*, year: int, actor: Actor) -> list[Result]:
    """The OCG tables (``ocg_specs``) for ``year``, from the groups of the reports ``actor``
    may see and the referrals' top five source countries of the year. For a national
    intelligence analyst, or an actor who may read extracts and sees every report."""
    return ocg_tables_read(year=year, actor=actor).results


def ocg_tables_read(*, year: int, actor: Actor) -> OcgTables:
    """``ocg_tables_evaluate`` with the top five source countries it compared with."""
    sources = source_countries(referrals_load_for_intelligence(actor=actor), year=year)
    groups = [
        group
        for group in ocg_register(actor=actor, until=date(year, 12, 31))
        if any(m.received.year == year for m in group.mentions)
    ]
    references = sorted({r for group in groups for r in group.reports})
    detail = {"ocg_tables": year, "groups": len(groups), "references": references}
    audit_record(actor=actor, verb=AuditVerb.INTELLIGENCE_READ, detail=detail)
    extracts = ocg_extracts(groups, year=year, sources=sources)
    return OcgTables(ocg_tables_from(extracts, year=year, sources=sources), sources)
