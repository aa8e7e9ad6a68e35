"""The OCG register: pure functions over the network (no database inside).

An organised crime group is one node of the network (``nrm.intelligence.graph``): every
mention of it, in every report the viewer may see, under one identity key (``ocg:`` and its
folded name). Its register key is that node key without ``ocg:``.

**The rule** (``ocg_derive``), the only place it is written: the group's predominant
nationality is the one given by its mention in the most recently received report that gives
one (on the same day, the better graded report: source evaluation, then intelligence
assessment; then the later reference); "not recorded" when no mention gives one. Its
activities are every activity any of its mentions gives.

Who and what belongs to it, read from the links between nodes:

- members: people linked to it as ``member_of``;
- victims: people it ``controls``, and people ``moved_by`` or ``recruited_by`` it, directly or
  through one of its members;
- locations: places linked to it by any link, and the places its victims are ``exploited_at``.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from nrm.intelligence.graph import Network, Node
from nrm.standard.intelligence_codes import EntityType, LinkType, OcgActivity, OcgNationality

PREFIX = "ocg:"
MEMBER_LINKS = frozenset({LinkType.MEMBER_OF})
VICTIM_LINKS_FROM_GROUP = frozenset({LinkType.CONTROLS})
VICTIM_LINKS_TO_GROUP = frozenset({LinkType.MOVED_BY, LinkType.RECRUITED_BY})
TRAFFICKING = (
    OcgActivity.TRAFFICKING_SEXUAL,
    OcgActivity.TRAFFICKING_LABOUR,
    OcgActivity.TRAFFICKING_CRIMINAL,
)
NOT_ONE_COUNTRY = frozenset(OcgNationality.values)


@dataclass(frozen=True)
class OcgMention:
    """One report's mention of a group, with what the rule reads."""

    id: int
    report: str
    received: date
    grading: str  # source evaluation and intelligence assessment: "2B"
    nationality: str = ""  # an ISO 3166 code, mixed, unknown, not_recorded, or not given
    activities: tuple[str, ...] = ()


@dataclass(frozen=True)
class Derived:
    nationality: str
    activities: tuple[str, ...]  # in the order of the code list


@dataclass
class Ocg:
    key: str  # the register key (the node key without "ocg:")
    node: str  # the network node key (for the link chart)
    name: str
    nationality: str
    activities: tuple[str, ...]
    members: list[Node]
    victims: list[Node]
    locations: list[Node]
    mentions: tuple[OcgMention, ...]
    reports: tuple[str, ...]  # the reports that name it

    @property
    def trafficking(self) -> bool:
        return any(activity in TRAFFICKING for activity in self.activities)

    @property
    def one_country(self) -> bool:
        return self.nationality not in NOT_ONE_COUNTRY


def _weight(mention: OcgMention) -> tuple[date, int, int, str]:
    evaluation, assessment = mention.grading[:1] or "9", mention.grading[1:2] or "Z"
    # A lower code is a better grade: "1" before "3", "A" before "E".
    return (mention.received, -ord(evaluation), -ord(assessment), mention.report)


def ocg_derive(mentions: Iterable[OcgMention]) -> Derived:
    """The group's predominant nationality and activities from its mentions (the rule)."""
    mentions = list(mentions)
    given = [m for m in mentions if m.nationality]
    nationality = (
        max(given, key=_weight).nationality if given else OcgNationality.NOT_RECORDED.value
    )
    named = {activity for m in mentions for activity in m.activities}
    return Derived(nationality, tuple(a for a in OcgActivity.values if a in named))


def _people(network: Network, keys: Iterable[str]) -> list[Node]:
    found = {key for key in keys if network.nodes[key].type == EntityType.PERSON}
    return sorted((network.nodes[key] for key in found), key=lambda n: (n.name, n.key))


def _group(network: Network, node: Node, mentions: Mapping[int, OcgMention]) -> Ocg:
    key = node.key
    edges = [e for e in network.edges if key in (e.source, e.target)]
    members = _people(network, (e.source for e in edges if e.type in MEMBER_LINKS))
    near = {key} | {m.key for m in members}
    victims = _people(
        network,
        [e.target for e in network.edges
         if e.source in near and e.type in VICTIM_LINKS_FROM_GROUP]
        + [e.source for e in network.edges
           if e.target in near and e.type in VICTIM_LINKS_TO_GROUP],
    )  # fmt: skip
    places = {e.source if e.target == key else e.target for e in edges}
    victim_keys = {v.key for v in victims}
    places |= {
        e.target
        for e in network.edges
        if e.source in victim_keys and e.type == LinkType.EXPLOITED_AT
    }
    locations = sorted(
        (network.nodes[k] for k in places if network.nodes[k].type == EntityType.LOCATION),
        key=lambda n: (n.name, n.key),
    )
    own = tuple(mentions[i] for i in node.mentions if i in mentions)
    derived = ocg_derive(own)
    return Ocg(
        key=key.removeprefix(PREFIX),
        node=key,
        name=node.name,
        nationality=derived.nationality,
        activities=derived.activities,
        members=members,
        victims=[v for v in victims if v.key not in {m.key for m in members}],
        locations=locations,
        mentions=own,
        reports=node.reports,
    )


def ocgs_build(network: Network, mentions: Mapping[int, OcgMention]) -> list[Ocg]:
    """Every group of ``network`` (``mentions``: each group mention by entity id), by name."""
    groups = [
        _group(network, node, mentions)
        for node in network.nodes.values()
        if node.type == EntityType.OCG
    ]
    return sorted(groups, key=lambda g: (g.name.lower(), g.key))
