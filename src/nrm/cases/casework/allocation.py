"""Allocation of a referral to a competent authority, by rules held as data.

A rule set is an ordered list of rules, each a set of facts about the referral that must all hold
(``{"linked_immigration_interest": true}``) and the authority it allocates to; the first rule that
matches decides, else ``otherwise``. The shipped rule sets are in ``data/allocation_rules.json``
(``nrm_2013``: the 2013 rule; ``single``: one competent authority). The active one is named by the
``NRM_ALLOCATION_RULES`` setting; ``NRM_ALLOCATION_RULES_FILE`` may name a JSON file of further
rule sets in the same format.

This module must not need Django: import worker processes allocate too. It reads the Django
setting when Django is configured and the environment variables otherwise (the settings read the
same variables).
"""

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from nrm.cases.casework import messages
from nrm.standard.codes import AgeGroup, CompetentAuthority
from nrm.standard.nationality import UK, is_eea
from nrm.standard.rules import derived_age_group
from nrm.standard.schema import Referral

SHIPPED = Path(__file__).with_name("data") / "allocation_rules.json"
DEFAULT_RULE_SET = "nrm_2013"


def _nationalities(record: Referral) -> list[str]:
    codes = [*record.claimed_nationalities]
    if record.assessed_nationality:
        codes.append(record.assessed_nationality)
    return codes


# The facts a rule may test, each computed from a validated record of the data standard.
FACTS: dict[str, Callable[[Referral], bool]] = {
    "linked_immigration_interest": lambda r: bool(r.linked_immigration_interest),
    "non_eea_national": lambda r: any(c != UK and not is_eea(c) for c in _nationalities(r)),
    "uk_national": lambda r: UK in _nationalities(r),
    "minor": lambda r: derived_age_group(r) == AgeGroup.MINOR,
}


class RuleSetInvalid(ValueError):
    """A rule set names an unknown fact or authority, or is not in the expected shape."""


@dataclass(frozen=True)
class Rule:
    when: tuple[tuple[str, bool], ...]
    authority: CompetentAuthority

    def matches(self, record: Referral) -> bool:
        return all(FACTS[fact](record) == wanted for fact, wanted in self.when)


@dataclass(frozen=True)
class RuleSet:
    name: str
    description: str
    rules: tuple[Rule, ...]
    otherwise: CompetentAuthority

    def allocate(self, record: Referral) -> CompetentAuthority:
        for rule in self.rules:
            if rule.matches(record):
                return rule.authority
        return self.otherwise


def _authority(name: str, value: object) -> CompetentAuthority:
    try:
        return CompetentAuthority(str(value))
    except ValueError:
        allowed = ", ".join(CompetentAuthority.values)
        raise RuleSetInvalid(
            messages.UNKNOWN_AUTHORITY.format(rule_set=name, value=value, allowed=allowed)
        ) from None


def rule_set_parse(name: str, data: Mapping[str, object]) -> RuleSet:
    """A rule set from its JSON form; raises ``RuleSetInvalid`` naming what is wrong."""
    rules = []
    raw_rules = data.get("rules", [])
    if not isinstance(raw_rules, list):
        raise RuleSetInvalid(messages.RULES_NOT_A_LIST.format(rule_set=name))
    for raw in raw_rules:
        when = raw.get("when", {}) if isinstance(raw, dict) else None
        if not isinstance(when, dict) or not when:
            raise RuleSetInvalid(messages.RULE_WITHOUT_CONDITION.format(rule_set=name))
        for fact, wanted in when.items():
            if fact not in FACTS or not isinstance(wanted, bool):
                allowed = ", ".join(FACTS)
                raise RuleSetInvalid(
                    messages.UNKNOWN_FACT.format(rule_set=name, fact=fact, allowed=allowed)
                )
        rules.append(Rule(tuple(sorted(when.items())), _authority(name, raw.get("authority"))))
    return RuleSet(
        name=name,
        description=str(data.get("description", "")),
        rules=tuple(rules),
        otherwise=_authority(name, data.get("otherwise")),
    )


@cache
def rule_sets(extra_file: str = "") -> dict[str, RuleSet]:
    """The shipped rule sets, plus those of ``extra_file`` (which may replace shipped ones)."""
    sources = [SHIPPED] + ([Path(extra_file)] if extra_file else [])
    found: dict[str, RuleSet] = {}
    for source in sources:
        try:
            data = json.loads(source.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            message = messages.RULES_FILE_UNREADABLE.format(path=source, error=exc)
            raise RuleSetInvalid(message) from exc
        for name, body in data.items():
            found[name] = rule_set_parse(name, body)
    return found


def _configured() -> tuple[str, str]:
    try:
        from django.conf import settings

        if settings.configured:
            return settings.NRM_ALLOCATION_RULES, settings.NRM_ALLOCATION_RULES_FILE
    except ImportError:  # pragma: no cover - Django is always installed with the project
        pass
    return (
        os.environ.get("NRM_ALLOCATION_RULES", DEFAULT_RULE_SET),
        os.environ.get("NRM_ALLOCATION_RULES_FILE", ""),
    )


def rule_set_active(name: str | None = None) -> RuleSet:
    """The rule set named ``name``, or the configured one."""
    configured, extra = _configured()
    wanted = name or configured
    available = rule_sets(extra)
    if wanted not in available:
        allowed = ", ".join(sorted(available))
        raise RuleSetInvalid(messages.UNKNOWN_RULE_SET.format(name=wanted, allowed=allowed))
    return available[wanted]


def competent_authority_allocate(
    record: Referral, *, rule_set: RuleSet | None = None
) -> CompetentAuthority:
    """The competent authority for a validated record: the one it names, else the rule set's."""
    if record.competent_authority is not None:
        return CompetentAuthority(record.competent_authority)
    return (rule_set or rule_set_active()).allocate(record)
