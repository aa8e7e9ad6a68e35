"""Cross-field rules of the data standard. Each rule yields (field, message, code, value)."""

from collections.abc import Iterator, Sequence
from datetime import date

from nrm.standard import messages
from nrm.standard.codes import (
    ADULT_AGE,
    REGION_NATIONS,
    SUB_TYPE_PARENT,
    AgeGroup,
    DecisionOutcome,
    ExploitationRegion,
    ExploitationSubType,
    ExploitationType,
    Nation,
    PoliceRegion,
)
from nrm.standard.nationality import UK
from nrm.standard.schema import AnonymousNotification, Referral
from nrm.standard.words import field_name, one_of, say, sentence

Problem = tuple[str, str, str, str | None]
_DECIDED = frozenset(
    {
        DecisionOutcome.POSITIVE,
        DecisionOutcome.NEGATIVE,
        DecisionOutcome.SUSPENDED,
        DecisionOutcome.WITHDRAWN,
    }
)


def age_on(born: date, day: date) -> int:
    """Age in whole years on ``day``; born on 29 February, a person turns a year older on
    1 March in a year that has no 29 February."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def birth_date_presumed(referral_date: date, estimated_age: int) -> date:
    """The date of birth an age estimated at the referral stands for: the referral date,
    ``estimated_age`` years before (28 February for a referral on 29 February when that year
    has none). It is the latest birth date at which the person is ``estimated_age`` on the
    referral date: the youngest the estimate allows, so a person who may have been a child when
    the exploitation began counts as one, as a disputed age does."""
    year = referral_date.year - estimated_age
    try:
        return referral_date.replace(year=year)
    except ValueError:  # 29 February, in a year without one
        return referral_date.replace(year=year, day=28)


def age_group_at_exploitation(
    *,
    referral_date: date,
    exploitation_start: date | None = None,
    date_of_birth: date | None = None,
    estimated_age: int | None = None,
    age_group: str | None = None,
    age_disputed: bool = False,
) -> AgeGroup | None:
    """The person's age group when the exploitation began (the referral date if its start is
    not known): the one rule every door and page uses.

    A disputed age is a minor's. Otherwise the date of birth decides; without one, an age group
    given by the referrer; without that, the estimated age (at referral), carried back to the
    start of the exploitation through the date of birth it stands for
    (``birth_date_presumed``). None when nothing tells.
    """
    if age_disputed:
        return AgeGroup.MINOR
    when = exploitation_start or referral_date
    if date_of_birth is None and age_group is None and estimated_age is not None:
        date_of_birth = birth_date_presumed(referral_date, estimated_age)
    if date_of_birth is not None:
        return AgeGroup.MINOR if age_on(date_of_birth, when) < ADULT_AGE else AgeGroup.ADULT
    if age_group is not None:
        return AgeGroup(age_group)
    return None


def derived_age_group(record: Referral) -> AgeGroup | None:
    """The age group of a referral record (``age_group_at_exploitation``)."""
    return age_group_at_exploitation(
        referral_date=record.referral_date,
        exploitation_start=record.exploitation_start,
        date_of_birth=record.date_of_birth,
        estimated_age=record.estimated_age,
        age_group=record.age_group,
        age_disputed=record.age_disputed,
    )


def _region_rules(nation: str, region: str) -> Iterator[Problem]:
    allowed = REGION_NATIONS[region]
    if nation not in allowed:
        in_nation = [r.label for r in PoliceRegion if nation in REGION_NATIONS[r]]
        yield (
            "police_region",
            say(
                messages.REGION_NOT_IN_NATION,
                region=PoliceRegion(region).label,
                nation=Nation(nation).label,
                allowed=one_of(in_nation),
            ),
            "region_not_in_nation",
            region,
        )


def sub_types_not_of(etype: str, sub_types: Sequence[str]) -> list[str]:
    """The sub-types in ``sub_types`` that are not of the exploitation type ``etype``."""
    return [sub for sub in sub_types if SUB_TYPE_PARENT[sub] != etype]


def _exploitation_rules(
    etype: str, sub_types: Sequence[str], region: str, country: str | None
) -> Iterator[Problem]:
    for sub in sub_types_not_of(etype, sub_types):
        message = say(
            messages.SUB_TYPE_NOT_OF_TYPE,
            sub_type=ExploitationSubType(sub).label,
            parent=ExploitationType(SUB_TYPE_PARENT[sub]).label,
            type=ExploitationType(etype).label,
        )
        yield ("exploitation_sub_types", message, "sub_type_mismatch", sub)
    if region == ExploitationRegion.OVERSEAS and country is None:
        yield ("exploitation_country", say(messages.OVERSEAS_NEEDS_COUNTRY), "required", None)
    elif country is not None and region not in (
        ExploitationRegion.OVERSEAS,
        ExploitationRegion.MULTIPLE,
    ):
        yield (
            "exploitation_country",
            say(
                messages.COUNTRY_ONLY_OVERSEAS,
                overseas=ExploitationRegion.OVERSEAS.label,
                multiple=ExploitationRegion.MULTIPLE.label,
            ),
            "country_not_overseas",
            country,
        )
    elif country == UK and region == ExploitationRegion.OVERSEAS:
        yield ("exploitation_country", say(messages.OVERSEAS_NOT_UK), "overseas_in_uk", country)


def _age_rules(r: Referral) -> Iterator[Problem]:
    if r.estimated_age is not None and not 0 <= r.estimated_age <= 120:
        yield (
            "estimated_age",
            say(messages.ESTIMATED_AGE_RANGE),
            "out_of_range",
            str(r.estimated_age),
        )
    if r.date_of_birth is not None and r.date_of_birth >= r.referral_date:
        yield (
            "date_of_birth",
            say(messages.DOB_AFTER_REFERRAL, referral_date=r.referral_date),
            "after_referral",
            r.date_of_birth.isoformat(),
        )
        return
    if r.date_of_birth is not None and r.estimated_age is not None:
        age = age_on(r.date_of_birth, r.referral_date)
        if abs(age - r.estimated_age) > 1:  # an estimate may be a year out, not more
            yield (
                "estimated_age",
                say(messages.ESTIMATED_AGE_CONTRADICTS_DOB, given=r.estimated_age, age=age),
                "contradicts_dob",
                str(r.estimated_age),
            )
    derived = derived_age_group(r)
    if derived is None:
        yield ("age_group", say(messages.AGE_UNKNOWN), "required", None)
        return
    if r.age_group is not None and r.age_group != derived:
        if r.age_disputed:
            message = say(messages.AGE_DISPUTED_IS_MINOR, minor=AgeGroup.MINOR.label)
            yield ("age_group", message, "age_disputed", r.age_group)
        elif r.date_of_birth is not None:
            age = age_on(r.date_of_birth, r.exploitation_start or r.referral_date)
            given = AgeGroup(r.age_group).label
            message = say(messages.AGE_GROUP_CONTRADICTS_DOB, given=given, age=age)
            yield ("age_group", message, "contradicts_dob", r.age_group)
    if derived == AgeGroup.ADULT and r.consent is not True:
        yield ("consent", messages.ADULT_NEEDS_CONSENT, "consent_required", _bool(r.consent))


def _bool(value: bool | None) -> str | None:
    return None if value is None else str(value).lower()


def _decision_rules(r: Referral) -> Iterator[Problem]:
    stages = (("rg", r.rg_outcome, r.rg_date), ("cg", r.cg_outcome, r.cg_date))
    for prefix, outcome, when in stages:
        day, decision = f"{prefix}_date", f"{prefix}_outcome"
        if outcome in _DECIDED and when is None:
            label = str(DecisionOutcome(outcome).label).lower()
            message = messages.DECISION_NEEDS_DATE.format(date=field_name(day), outcome=label)
            yield (day, message, "required", None)
        if outcome == DecisionOutcome.PENDING and when is not None:
            message = messages.DATE_NEEDS_DECISION.format(
                Date=sentence(field_name(day)), decision=field_name(decision)
            )
            yield (day, message, "date_without_decision", when.isoformat())
    if r.rg_date is not None and r.rg_date < r.referral_date:
        message = say(messages.RG_BEFORE_REFERRAL, referral_date=r.referral_date)
        yield ("rg_date", message, "before_referral", r.rg_date.isoformat())
    if r.cg_outcome != DecisionOutcome.PENDING and r.rg_outcome != DecisionOutcome.POSITIVE:
        rg_outcome = str(DecisionOutcome(r.rg_outcome).label).lower()
        message = say(messages.CG_WITHOUT_POSITIVE_RG, rg_outcome=rg_outcome)
        yield ("cg_outcome", message, "cg_without_positive_rg", r.cg_outcome)
    if r.cg_date is not None and r.rg_date is not None and r.cg_date <= r.rg_date:
        message = say(messages.CG_BEFORE_RG, rg_date=r.rg_date)
        yield ("cg_date", message, "before_rg", r.cg_date.isoformat())


def referral_rules(r: Referral) -> list[Problem]:
    problems: list[Problem] = []
    if not (r.given_name or r.family_name):
        problems.append(("given_name", say(messages.NAME_REQUIRED), "required", None))
    problems += _region_rules(r.nation, r.police_region)
    problems += _age_rules(r)
    problems += _exploitation_rules(
        r.exploitation_type, r.exploitation_sub_types, r.exploitation_region, r.exploitation_country
    )
    if r.assessed_nationality_certainty is not None and r.assessed_nationality is None:
        message = say(messages.CERTAINTY_NEEDS_ASSESSED)
        problems.append(("assessed_nationality_certainty", message, "required", None))
    if r.exploitation_start is not None:
        if r.exploitation_end is not None and r.exploitation_end < r.exploitation_start:
            problems.append(
                (
                    "exploitation_end",
                    say(messages.EXPLOITATION_END_BEFORE_START),
                    "before_start",
                    r.exploitation_end.isoformat(),
                )
            )
        if r.date_of_birth is not None and r.exploitation_start < r.date_of_birth:
            problems.append(
                (
                    "exploitation_start",
                    say(messages.EXPLOITATION_BEFORE_BIRTH),
                    "before_birth",
                    r.exploitation_start.isoformat(),
                )
            )
        if r.exploitation_start > r.referral_date:
            problems.append(
                (
                    "exploitation_start",
                    say(messages.EXPLOITATION_AFTER_REFERRAL),
                    "after_referral",
                    r.exploitation_start.isoformat(),
                )
            )
    problems += _decision_rules(r)
    return problems


def notification_rules(n: AnonymousNotification) -> list[Problem]:
    problems: list[Problem] = []
    if n.age_group != AgeGroup.ADULT:
        problems.append(
            ("age_group", messages.NOTIFICATION_CHILD, "child_must_be_referred", n.age_group)
        )
    problems += _region_rules(n.nation, n.police_region)
    problems += _exploitation_rules(
        n.exploitation_type, n.exploitation_sub_types, n.exploitation_region, n.exploitation_country
    )
    return problems
