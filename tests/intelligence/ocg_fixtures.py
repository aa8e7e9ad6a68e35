"""Reports naming organised crime groups, for the register's tests (fictional names)."""

from typing import Any


def ocg_report(
    base: dict[str, Any],
    name: str,
    *,
    nationality: str | None = None,
    activities: tuple[str, ...] = (),
    received: str = "2012-06-01",
    grading: str = "2B",
    members: int = 0,
    victims: int = 0,
    place: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A report naming the group ``name``, its ``members`` and the ``victims`` it controls,
    and the ``place`` it operates from."""
    group: dict[str, Any] = {"key": "g", "type": "ocg", "ocg_name": name}
    if nationality:
        group["ocg_nationality"] = nationality
    if activities:
        group["ocg_activities"] = list(activities)
    entities: list[dict[str, Any]] = [group]
    links: list[dict[str, Any]] = []
    for n in range(members):
        entities.append({"key": f"m{n}", "type": "person", "person_role": "suspect",
                         "given_name": "Sample", "family_name": f"Member {name} {n}"})  # fmt: skip
        links.append({"from_key": f"m{n}", "to_key": "g", "type": "member_of"})
    for n in range(victims):
        entities.append({"key": f"v{n}", "type": "person", "person_role": "potential_victim"})
        links.append({"from_key": "g", "to_key": f"v{n}", "type": "controls"})
    if place:
        entities.append({"key": "l", "type": "location", "postcode": place})
        links.append({"from_key": "g", "to_key": "l", "type": "operates_from"})
    return {
        **base,
        "received_date": received,
        "events_date": None,
        "source_evaluation": grading[0],
        "intelligence_assessment": grading[1],
        "entities": entities,
        "links": links,
        **extra,
    }
