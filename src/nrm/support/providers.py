"""Support providers and the rule that chooses one, held as configuration (docs/support.md).

Two files, replaceable through settings without touching code:

- ``providers.csv``: the provider organisations (seeded as ``Organisation`` rows) and, for each,
  the lead providers it works for as a sub-contractor (``subcontractor_of``, ``;``-separated);
- ``routing.csv``: ordered rules; the **first** rule whose non-empty columns all match the case
  names its provider. ``referring_local_authority`` as provider means "the organisation that
  made the referral, when it is a local authority", and is skipped otherwise.

Both files are checked when loaded: every code must be known, and every nation and age group
must have an unconditional rule, so routing a case can never fall through.
"""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import models

from nrm.standard.codes import AgeGroup, ExploitationType, FirstResponderType, Gender, Nation
from nrm.support import messages

DATA_DIR = Path(__file__).with_name("data")
PROVIDERS_FILE = DATA_DIR / "providers.csv"
ROUTING_FILE = DATA_DIR / "routing.csv"
REFERRING_LOCAL_AUTHORITY = "referring_local_authority"


class SupportConfigError(Exception):
    """A support configuration file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Provider:
    code: str
    name: str
    responder_type: str
    nation: str
    subcontractor_of: frozenset[str]


@dataclass(frozen=True)
class SupportCase:
    """What the routing rule may look at: codes only."""

    nation: str
    age_group: str
    gender: str
    exploitation_type: str
    referrer_code: str
    referrer_is_local_authority: bool


@dataclass(frozen=True)
class RoutingRule:
    line: int
    nation: str
    age_group: str
    gender: str
    exploitation_type: str
    provider: str

    @property
    def unconditional(self) -> bool:
        return not (self.gender or self.exploitation_type) and (
            self.provider != REFERRING_LOCAL_AUTHORITY
        )

    def matches(self, case: SupportCase) -> bool:
        wanted = (
            (self.nation, case.nation),
            (self.age_group, case.age_group),
            (self.gender, case.gender),
            (self.exploitation_type, case.exploitation_type),
        )
        if any(rule and rule != value for rule, value in wanted):
            return False
        return self.provider != REFERRING_LOCAL_AUTHORITY or case.referrer_is_local_authority


@dataclass(frozen=True)
class ProviderConfig:
    providers: dict[str, Provider]
    rules: tuple[RoutingRule, ...]

    def provider_for(self, case: SupportCase) -> str:
        """The code of the organisation that receives the support referral for ``case``."""
        for rule in self.rules:
            if rule.matches(case):
                if rule.provider == REFERRING_LOCAL_AUTHORITY:
                    return case.referrer_code
                return rule.provider
        label = f"{Nation(case.nation).label} {str(AgeGroup(case.age_group).label).lower()}"
        raise SupportConfigError(messages.NO_PROVIDER_CONFIGURED.format(case=label))

    def subcontractors_of(self, code: str) -> frozenset[str]:
        return frozenset(p.code for p in self.providers.values() if code in p.subcontractor_of)


def _check(path: Path, line: int, column: str, value: str, allowed: frozenset[str]) -> str:
    if value and value not in allowed:
        raise SupportConfigError(
            messages.CONFIG_UNKNOWN_CODE.format(
                file=path.name, line=line, column=column, value=value
            )
        )
    return value


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise SupportConfigError(
                messages.CONFIG_MISSING_COLUMNS.format(file=path.name, columns=", ".join(missing))
            )
        return [
            (number, {k: (v or "").strip() for k, v in row.items() if k})
            for number, row in enumerate(reader, start=2)
        ]


def providers_load(path: Path) -> dict[str, Provider]:
    columns = ("code", "name", "responder_type", "nation", "subcontractor_of")
    rows = _rows(path, columns)
    codes = frozenset(row["code"] for _, row in rows)
    providers = {}
    for line, row in rows:
        if not row["code"] or not row["name"]:
            raise SupportConfigError(
                messages.CONFIG_CODE_AND_NAME.format(file=path.name, line=line)
            )
        leads = frozenset(c.strip() for c in row["subcontractor_of"].split(";") if c.strip())
        for lead in leads:
            _check(path, line, "subcontractor_of", lead, codes)
        providers[row["code"]] = Provider(
            code=row["code"],
            name=row["name"],
            responder_type=_check(
                path, line, "responder_type", row["responder_type"], _values(FirstResponderType)
            ),
            nation=_check(path, line, "nation", row["nation"], _values(Nation)),
            subcontractor_of=leads,
        )
    return providers


def rules_load(path: Path, providers: dict[str, Provider]) -> tuple[RoutingRule, ...]:
    columns = ("nation", "age_group", "gender", "exploitation_type", "provider")
    known = frozenset(providers) | {REFERRING_LOCAL_AUTHORITY}
    rules = []
    for line, row in _rows(path, columns):
        if not row["provider"]:
            raise SupportConfigError(messages.CONFIG_NO_PROVIDER.format(file=path.name, line=line))
        rules.append(
            RoutingRule(
                line=line,
                nation=_check(path, line, "nation", row["nation"], _values(Nation)),
                age_group=_check(path, line, "age_group", row["age_group"], _values(AgeGroup)),
                gender=_check(path, line, "gender", row["gender"], _values(Gender)),
                exploitation_type=_check(
                    path,
                    line,
                    "exploitation_type",
                    row["exploitation_type"],
                    _values(ExploitationType),
                ),
                provider=_check(path, line, "provider", row["provider"], known),
            )
        )
    for nation in Nation:
        for age_group in AgeGroup:
            if not any(
                r.unconditional and r.nation in ("", nation) and r.age_group in ("", age_group)
                for r in rules
            ):
                raise SupportConfigError(
                    messages.CONFIG_NOT_COVERED.format(
                        file=path.name, nation=nation.value, age_group=age_group.value
                    )
                )
    return tuple(rules)


def _values(code_list: type[models.TextChoices]) -> frozenset[str]:
    return frozenset(str(v) for v in code_list.values)


@cache
def _config(providers_path: Path, routing_path: Path) -> ProviderConfig:
    providers = providers_load(providers_path)
    return ProviderConfig(providers=providers, rules=rules_load(routing_path, providers))


def provider_config() -> ProviderConfig:
    """The configured providers and rules (``NRM_SUPPORT_PROVIDERS_FILE``, ``…_ROUTING_FILE``)."""
    providers_path = settings.NRM_SUPPORT_PROVIDERS_FILE or PROVIDERS_FILE
    routing_path = settings.NRM_SUPPORT_ROUTING_FILE or ROUTING_FILE
    return _config(Path(providers_path), Path(routing_path))
