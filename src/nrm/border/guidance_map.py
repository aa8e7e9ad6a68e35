"""The referral map of a port (docs/border.md#guidance-for-border-staff): who refers a person
met there, which competent authority decides and which support provider takes them.

Nothing here restates a rule. The map asks the rules already in the system: a sample referral
of each kind of person, made in the UK nation the port is in, is allocated by
``competent_authority_allocate`` (the configured allocation rule set), and a sample case of
every gender and type of exploitation is routed by ``provider_config().provider_for`` (the
configured support routing). Change either configuration and the map changes with it."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone

from nrm.accounts.models import Organisation
from nrm.border.crew_models import CrewPortOffice
from nrm.cases.casework.allocation import competent_authority_allocate
from nrm.standard import crew_codes as cc
from nrm.standard.codes import (
    AgeGroup,
    CompetentAuthority,
    ExploitationType,
    FirstResponderType,
    Gender,
    Nation,
)
from nrm.standard.nationality import UK, country_codes, is_eea
from nrm.standard.schema import Referral
from nrm.support.providers import SupportCase, provider_config

EVERYONE = "Anyone referred from this port"
EVERYONE_ELSE = "for everyone else"


BRITISH, EEA, OUTSIDE_EEA = "british", "eea", "outside_eea"

# The kinds of person a Border Force officer meets, in words, each with the nationality and the
# immigration interest of the sample referral the allocation rule is asked about.
PEOPLE: tuple[tuple[str, str, bool], ...] = (
    ("A British national", BRITISH, False),
    ("A national of a European Economic Area country", EEA, False),
    ("A national of a country outside the European Economic Area", OUTSIDE_EEA, False),
    (
        "Anyone with an immigration matter linked to their case, such as an asylum claim or a "
        "refusal of entry",
        EEA,
        True,
    ),
)


@dataclass(frozen=True)
class DecidesRow:
    who: str
    adult: CompetentAuthority
    child: CompetentAuthority


@dataclass(frozen=True)
class Provider:
    name: str
    when: str = ""  # which cases it takes, in words; empty when it takes every case


@dataclass
class ReferralMap:
    port: str
    nation: str
    border_force: str | None  # the Border Force organisation set up for the port, if any
    decides: list[DecidesRow] = field(default_factory=list)
    authorities: list[tuple[str, list[str]]] = field(default_factory=list)  # label, organisations
    adult_support: list[Provider] = field(default_factory=list)
    child_support: list[Provider] = field(default_factory=list)


def _nationality(kind: str) -> str:
    """A nationality of the kind: the first country code of the standard's list that is one."""
    if kind == BRITISH:
        return UK
    wanted = kind == EEA
    return next(c for c in country_codes() if c != UK and is_eea(c) == wanted)


def _sample(*, nation: Nation, nationality: str, linked: bool, minor: bool) -> Referral:
    """A referral as the officer would make it, with nothing but what allocation looks at."""
    return Referral.model_validate(
        {
            "referral_date": timezone.localdate(),
            "nation": nation.value,
            "consent": None if minor else True,
            "linked_immigration_interest": linked,
            "age_group": (AgeGroup.MINOR if minor else AgeGroup.ADULT).value,
            "gender": Gender.NOT_RECORDED.value,
            "claimed_nationalities": [nationality],
            "exploitation_type": ExploitationType.NOT_RECORDED.value,
        }
    )


def decides_rows(*, nation: Nation) -> list[DecidesRow]:
    """Which competent authority decides for each kind of person, adult and child: one row for
    everyone when the rule set gives the same answer for all."""
    rows = []
    for who, kind, linked in PEOPLE:
        nationality = _nationality(kind)
        adult, child = (
            competent_authority_allocate(
                _sample(nation=nation, nationality=nationality, linked=linked, minor=minor)
            )
            for minor in (False, True)
        )
        rows.append(DecidesRow(who, adult, child))
    if len({(r.adult, r.child) for r in rows}) == 1:
        return [DecidesRow(EVERYONE, rows[0].adult, rows[0].child)]
    return rows


def _authorities(rows: list[DecidesRow]) -> list[tuple[str, list[str]]]:
    """Each authority that decides, in words, with the organisations that are it."""
    found = dict.fromkeys(authority for r in rows for authority in (r.adult, r.child))
    return [
        (
            str(authority.label),
            list(
                Organisation.objects.filter(
                    competent_authority=authority.value, is_active=True
                ).values_list("name", flat=True)
            ),
        )
        for authority in found
    ]


def _provider_name(code: str) -> str:
    organisation = Organisation.objects.filter(code=code, is_active=True).first()
    if organisation is not None:
        return organisation.name
    known = provider_config().providers.get(code)
    return known.name if known else code


def _when(pairs: list[tuple[Gender, ExploitationType]]) -> str:
    """The cases a provider takes, in words ('when the person is female and the main type of
    exploitation is sexual exploitation')."""
    genders = list(dict.fromkeys(g for g, _ in pairs))
    types = list(dict.fromkeys(t for _, t in pairs))
    exploitation = " or ".join(str(t.label).lower() for t in types)
    if len(genders) == len(Gender):
        return f"when the main type of exploitation is {exploitation}"
    gender = " or ".join(str(g.label).lower() for g in genders)
    if len(types) == len(ExploitationType):
        return f"when the person's gender is {gender}"
    return (
        f"when the person's gender is {gender} and the main type of exploitation is {exploitation}"
    )


def support_providers(
    *, nation: Nation, age_group: AgeGroup, referrer: Organisation | None
) -> list[Provider]:
    """Who takes a person referred from ``nation`` into support, by the routing rule: any
    provider that takes particular cases (which, in words), then the one that takes the rest."""
    config = provider_config()
    chosen: dict[str, list[tuple[Gender, ExploitationType]]] = {}
    for gender in Gender:
        for exploitation in ExploitationType:
            case = SupportCase(
                nation=nation.value,
                age_group=age_group.value,
                gender=gender.value,
                exploitation_type=exploitation.value,
                referrer_code=referrer.code if referrer else "",
                referrer_is_local_authority=referrer is not None
                and referrer.responder_type == FirstResponderType.LOCAL_AUTHORITY,
            )
            chosen.setdefault(config.provider_for(case), []).append((gender, exploitation))
    counted = Counter({code: len(pairs) for code, pairs in chosen.items()})
    ranked = [code for code, _ in counted.most_common()]
    main, others = ranked[0], ranked[1:]
    particular = [Provider(_provider_name(code), _when(chosen[code])) for code in others]
    return [*particular, Provider(_provider_name(main), EVERYONE_ELSE if others else "")]


def referral_map_build(*, port: cc.Port) -> ReferralMap:
    """The referral map of ``port``, asked of the configured allocation and routing rules."""
    nation = cc.PORT_NATION[port]
    office = CrewPortOffice.objects.select_related("organisation").filter(port=port.value).first()
    border_force = office.organisation if office and office.organisation.is_active else None
    decides = decides_rows(nation=nation)
    return ReferralMap(
        port=str(port.label),
        nation=str(nation.label),
        border_force=border_force.name if border_force else None,
        decides=decides,
        authorities=_authorities(decides),
        adult_support=support_providers(
            nation=nation, age_group=AgeGroup.ADULT, referrer=border_force
        ),
        child_support=support_providers(
            nation=nation, age_group=AgeGroup.MINOR, referrer=border_force
        ),
    )
