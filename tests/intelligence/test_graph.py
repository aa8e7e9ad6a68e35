"""The network as pure functions over rows: identity keys, merging, neighbourhoods, measures and
the SVG chart."""

from xml.etree import ElementTree

from nrm.intelligence.chart import LINES, SHAPES, chart_svg
from nrm.intelligence.graph import (
    LinkRow,
    Mention,
    Network,
    identity_key,
    measures,
    neighbourhood,
    network_build,
    node_find,
    node_keys,
)
from nrm.standard.intelligence_codes import EntityType, LinkConfidence

SVG = "{http://www.w3.org/2000/svg}"


def person(id: int, report: str = "R1", **attrs: str) -> Mention:
    return Mention(id=id, report=report, type="person", name=f"Person {id}", **attrs)


def phone(id: int, number: str, report: str = "R1") -> Mention:
    return Mention(id=id, report=report, type="phone", name=number, phone=number)


def link(
    a: int, b: int, report: str = "R1", kind: str = "associate_of", sure: str = "confirmed"
) -> LinkRow:
    return LinkRow(report=report, from_id=a, to_id=b, type=kind, confidence=sure)


def test_identity_keys_normalise_what_people_write_differently() -> None:
    def key(type: str, **attrs: str) -> str:
        return identity_key(Mention(id=7, report="R", type=type, name="x", **attrs))

    assert key("vehicle", vehicle_registration="ab12 cde") == "vehicle:AB12CDE"
    assert key("business", business_name="Demo Nails Limited") == "business:name:demo-nails-ltd"
    assert key("business", business_name="Other", company_number="0123 4567") == (
        "business:number:01234567"
    )
    assert key("location", postcode="e1 6an") == "location:E16AN"
    assert key("location", postcode="E1 6AN", address="Unit 4, Example Estate") == (
        "location:E16AN:unit-4-example-estate"
    )
    assert key("ocg", ocg_name="  Demo  Group One ") == "ocg:demo-group-one"
    assert key("person", nrm_reference="NRM-2012-000001") == "person:nrm:NRM-2012-000001"
    assert key("person") == "person:mention:7"


def test_two_reports_naming_the_same_phone_give_one_node_with_both_reports() -> None:
    network = network_build(
        [person(1, "R1"), phone(2, "+447911123456", "R1"), person(3, "R2"),
         phone(4, "+447911123456", "R2")],
        [link(1, 2, "R1", "uses_phone"), link(3, 4, "R2", "uses_phone")],
    )  # fmt: skip
    assert set(network.nodes) == {"person:mention:1", "person:mention:3", "phone:+447911123456"}
    assert network.nodes["phone:+447911123456"].reports == ("R1", "R2")
    assert len(network.edges) == 2


def test_the_same_link_from_two_reports_is_one_edge_showing_the_strongest_confidence() -> None:
    mentions = [person(1, "R1", nrm_reference="NRM-1"), phone(2, "+44791", "R1"),
                person(3, "R2", nrm_reference="NRM-1"), phone(4, "+44791", "R2")]  # fmt: skip
    network = network_build(
        mentions,
        [link(1, 2, "R1", "uses_phone", "tentative"), link(3, 4, "R2", "uses_phone", "confirmed")],
    )
    (edge,) = network.edges
    assert (edge.confidence, edge.reports) == ("confirmed", ("R1", "R2"))


def test_person_resolution_feeds_the_node_keys_of_the_mentions_it_resolved() -> None:
    mentions = [person(1), person(2, "R2")]
    assert node_keys(mentions, {1: "person:resolved:9", 2: "person:resolved:9"}) == {
        1: "person:resolved:9",
        2: "person:resolved:9",
    }
    assert (
        len(network_build(mentions, [], {1: "person:resolved:9", 2: "person:resolved:9"}).nodes)
        == 1
    )


def test_a_link_to_a_mention_not_given_adds_nothing() -> None:
    network = network_build([person(1)], [link(1, 99)])
    assert network.edges == []


def _chain() -> Network:
    """1 - 2 - 3 - 4 - 5, people in one report."""
    return network_build([person(i) for i in range(1, 6)], [link(i, i + 1) for i in range(1, 5)])


def test_a_neighbourhood_holds_what_is_within_so_many_links() -> None:
    network = _chain()
    centre = "person:mention:3"
    assert len(neighbourhood(network, centre, 1).nodes) == 3
    assert len(neighbourhood(network, centre, 2).nodes) == 5
    assert len(neighbourhood(network, "person:mention:1", 2).nodes) == 3
    assert len(neighbourhood(network, centre, 1).edges) == 2


def test_a_node_is_found_by_its_key_or_the_id_of_one_of_its_mentions() -> None:
    network = _chain()
    assert node_find(network, "person:mention:2") == "person:mention:2"
    assert node_find(network, "4") == "person:mention:4"
    assert node_find(network, "99") is None
    assert node_find(network, "phone:+44") is None
    assert node_find(network, "9" * 5000) is None and node_find(network, "²") is None


def _star() -> Network:
    """A centre linked to four others, and two separate pairs."""
    mentions = [person(i) for i in range(1, 10)]
    return network_build(mentions, [link(1, i) for i in range(2, 6)] + [link(6, 7), link(8, 9)])


def test_the_centre_of_a_star_has_the_highest_degree_and_betweenness() -> None:
    measured = measures(_star())
    centre = measured["person:mention:1"]
    assert centre.degree == 4 and centre.betweenness == max(
        m.betweenness for m in measured.values()
    )
    assert (
        measured["person:mention:2"].degree == 1 and measured["person:mention:2"].betweenness == 0
    )
    assert centre.betweenness > 0


def test_communities_keep_unconnected_parts_apart_and_number_the_largest_first() -> None:
    measured = measures(_star())
    assert {measured[f"person:mention:{i}"].community for i in range(1, 6)} == {1}
    assert measured["person:mention:6"].community == measured["person:mention:7"].community != 1
    assert measured["person:mention:8"].community != measured["person:mention:6"].community
    assert measures(_star()) == measured  # the same every time


def test_measures_of_a_neighbourhood_are_its_own() -> None:
    part = neighbourhood(_chain(), "person:mention:1", 1)
    assert measures(part)["person:mention:1"].degree == 1
    assert measures(network_build([person(1)], []))["person:mention:1"].community == 1


def test_the_chart_is_svg_with_one_shape_a_node_and_one_line_a_link_and_the_same_each_time() -> (
    None
):
    network = network_build(
        [person(1), phone(2, "+447911123456"), Mention(id=3, report="R1", type="ocg",
         name="A <Group> & Co", ocg_name="A Group")],
        [link(1, 2, kind="uses_phone", sure="tentative"), link(1, 3, kind="member_of",
         sure="unconfirmed")],
    )  # fmt: skip
    svg = chart_svg(network, centre="person:mention:1", title="The network", description="Three")
    root = ElementTree.fromstring(svg)  # noqa: S314 (our own output)
    assert root.get("role") == "img" and root.get("viewBox") == "0 0 300 340"
    assert root.find(f"{SVG}title").text == "The network"  # type: ignore[union-attr]
    assert len(root.findall(f".//{SVG}g[@class='node']")) == 3
    lines = root.findall(f".//{SVG}line[@class='link']")
    assert sorted(line.get("stroke-dasharray", "") for line in lines) == ["2 5", "9 5"]
    assert "A &lt;Group&gt; &amp; Co" in svg
    assert (
        chart_svg(network, centre="person:mention:1", title="The network", description="Three")
        == svg
    )


def test_every_kind_of_entity_has_a_shape_and_every_confidence_a_line() -> None:
    assert set(SHAPES) == set(EntityType)
    assert set(LINES) == set(LinkConfidence)
