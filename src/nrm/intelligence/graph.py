"""The network of what an actor may see: pure functions over rows (no database inside).

Nodes are identities, not mentions. Mentions of the same thing in different reports become one
node by an identity key (``identity_key``):

- phone: ``phone:<E.164 number>``;
- vehicle: ``vehicle:<registration>``, upper case, letters and digits only;
- business: ``business:number:<company number>``, else ``business:name:<normalised name>``;
- location: ``location:<postcode>:<normalised address>`` (the postcode upper case without spaces;
  either part may be empty, and a postcode with no address is ``location:<postcode>``);
- organised crime group: ``ocg:<normalised name>`` (the OCG register's key too);
- person: ``person:nrm:<NRM reference>`` when the mention is the subject of a referral, else
  ``person:mention:<entity id>``.

``node_keys`` maps mention ids to node keys. Person resolution feeds it: the mapping it is given
(mention id to a resolved person's key, ``review.resolved_node_keys``) overrides the keys above,
so resolved people become one node without changing anything else here.

Edges join two nodes with a link type, in the link's direction. The same edge said by several
reports is one edge that names every report; the strongest confidence shows.
"""

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import networkx as nx
from networkx.algorithms.community import greedy_modularity_communities
from unidecode import unidecode

from nrm.standard.intelligence_codes import EntityType, LinkConfidence

HOPS = (1, 2, 3)
DEFAULT_HOPS = 2
# Strongest first: the confidence an edge shows when reports differ.
CONFIDENCE_ORDER = (LinkConfidence.CONFIRMED, LinkConfidence.UNCONFIRMED, LinkConfidence.TENTATIVE)
_LEGAL_FORMS = {"limited": "ltd", "ltd.": "ltd", "plc.": "plc"}


@dataclass(frozen=True)
class Mention:
    """One entity of one report, with what its identity and its description need."""

    id: int
    report: str
    type: str
    name: str
    details: str = ""
    nrm_reference: str = ""
    phone: str = ""
    vehicle_registration: str = ""
    company_number: str = ""
    business_name: str = ""
    postcode: str = ""
    address: str = ""
    ocg_name: str = ""


@dataclass(frozen=True)
class LinkRow:
    """One link of one report, between two mentions."""

    report: str
    from_id: int
    to_id: int
    type: str
    confidence: str


@dataclass
class Node:
    key: str
    type: str
    name: str
    details: str
    mentions: tuple[int, ...]
    reports: tuple[str, ...]


@dataclass
class Edge:
    source: str
    target: str
    type: str
    confidence: str
    reports: tuple[str, ...]


@dataclass
class Network:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    def graph(self) -> "nx.Graph[str]":
        """The undirected graph the measures and the layout run on."""
        graph: nx.Graph[str] = nx.Graph()
        graph.add_nodes_from(sorted(self.nodes))
        graph.add_edges_from((edge.source, edge.target) for edge in self.edges)
        return graph


def words(text: str) -> str:
    """Text folded to lower-case ASCII words joined by hyphens: "Demo Nails Ltd." is
    "demo-nails-ltd"."""
    found = re.findall(r"[a-z0-9]+", unidecode(text).lower())
    return "-".join(_LEGAL_FORMS.get(word, word) for word in found)


def compact(text: str) -> str:
    """Letters and digits only, upper case: "ab12 cde" is "AB12CDE"."""
    return re.sub(r"[^A-Z0-9]", "", unidecode(text).upper())


def identity_key(mention: Mention) -> str:
    """The identity key of ``mention`` (the module docstring)."""
    kind = mention.type
    if kind == EntityType.PHONE and mention.phone:
        return f"phone:{mention.phone}"
    if kind == EntityType.VEHICLE and compact(mention.vehicle_registration):
        return f"vehicle:{compact(mention.vehicle_registration)}"
    if kind == EntityType.BUSINESS and compact(mention.company_number):
        return f"business:number:{compact(mention.company_number)}"
    if kind == EntityType.BUSINESS and words(mention.business_name):
        return f"business:name:{words(mention.business_name)}"
    if kind == EntityType.LOCATION and (compact(mention.postcode) or words(mention.address)):
        address = words(mention.address)
        return f"location:{compact(mention.postcode)}" + (f":{address}" if address else "")
    if kind == EntityType.OCG and words(mention.ocg_name):
        return f"ocg:{words(mention.ocg_name)}"
    if kind == EntityType.PERSON and mention.nrm_reference:
        return f"person:nrm:{mention.nrm_reference}"
    return f"{kind}:mention:{mention.id}"


def node_keys(
    mentions: Iterable[Mention], resolved: Mapping[int, str] | None = None
) -> dict[int, str]:
    """Each mention's node key: ``resolved`` (a mention id to the key of what it was resolved
    to, from person resolution) first, else its identity key."""
    resolved = resolved or {}
    return {m.id: resolved.get(m.id) or identity_key(m) for m in mentions}


def _strongest(confidences: Iterable[str]) -> str:
    return min(confidences, key=lambda c: CONFIDENCE_ORDER.index(LinkConfidence(c)))


def network_build(
    mentions: Iterable[Mention],
    links: Iterable[LinkRow],
    resolved: Mapping[int, str] | None = None,
) -> Network:
    """The network of ``mentions`` and ``links`` (the rows of the reports an actor may see)."""
    mentions = sorted(mentions, key=lambda m: m.id)
    keys = node_keys(mentions, resolved)
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(keys[mention.id], []).append(mention)
    network = Network()
    for key, group in grouped.items():
        names = Counter(m.name for m in group)
        network.nodes[key] = Node(
            key=key,
            type=group[0].type,
            name=max(names, key=lambda n: (names[n], -[m.name for m in group].index(n))),
            details=next((m.details for m in group if m.details), ""),
            mentions=tuple(m.id for m in group),
            reports=tuple(sorted({m.report for m in group})),
        )
    said: dict[tuple[str, str, str], list[LinkRow]] = {}
    for link in links:
        ends = keys.get(link.from_id), keys.get(link.to_id)
        if ends[0] is None or ends[1] is None or ends[0] == ends[1]:
            continue  # a mention not given, or two mentions of one thing
        said.setdefault((ends[0], ends[1], link.type), []).append(link)
    for (source, target, kind), rows in sorted(said.items()):
        network.edges.append(
            Edge(
                source=source,
                target=target,
                type=kind,
                confidence=_strongest(r.confidence for r in rows),
                reports=tuple(sorted({r.report for r in rows})),
            )
        )
    return network


def node_find(network: Network, wanted: str) -> str | None:
    """The key of the node ``wanted`` names: a node key, or the id of one of its mentions."""
    if wanted in network.nodes:
        return wanted
    if wanted.isascii() and wanted.isdigit() and len(wanted) <= 18:
        mention = int(wanted)
        return next((k for k, n in network.nodes.items() if mention in n.mentions), None)
    return None


def neighbourhood(network: Network, centre: str, hops: int) -> Network:
    """The part of ``network`` within ``hops`` links of ``centre``, and the links among it."""
    near = nx.single_source_shortest_path_length(network.graph(), centre, cutoff=hops)
    return Network(
        nodes={key: node for key, node in network.nodes.items() if key in near},
        edges=[e for e in network.edges if e.source in near and e.target in near],
    )


def distances(network: Network, centre: str) -> dict[str, int]:
    """How many links each node of ``network`` is from ``centre``."""
    return dict(nx.single_source_shortest_path_length(network.graph(), centre))


@dataclass(frozen=True)
class Measures:
    degree: int  # how many other nodes it is linked to
    betweenness: float  # share of shortest paths between others that pass through it, 0 to 1
    community: int  # its group, numbered from 1, largest group first


def measures(network: Network) -> dict[str, Measures]:
    """Degree, betweenness centrality (normalised) and communities (greedy modularity, which
    is deterministic) of every node of ``network``."""
    graph = network.graph()
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    groups: list[frozenset[str]] = (
        [frozenset(g) for g in greedy_modularity_communities(graph)]
        if graph.number_of_edges()
        else [frozenset({key}) for key in graph]
    )
    groups.sort(key=lambda g: (-len(g), min(g)))
    community = {key: number for number, group in enumerate(groups, 1) for key in group}
    return {
        key: Measures(
            degree=int(graph.degree(key)),
            betweenness=round(float(betweenness[key]), 3),
            community=community[key],
        )
        for key in sorted(graph)
    }
