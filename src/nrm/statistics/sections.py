"""Tables the report takes from other records than the referrals' extract.

A part of the project above the statistics (the prosecutions and asset recovery of
``nrm.justice``, say) declares its tables as specs and evaluates them on the engine over its own
extract; it registers a ``Section`` that does so for a report year, and the composition root
(``nrm.config.apps``) wires the registration, so that the statistics never import the parts
above them. ``nrm report`` on the case store puts every section's tables after the referrals'.
"""

from collections.abc import Callable
from dataclasses import dataclass

from nrm.statistics.result import Result


@dataclass(frozen=True)
class Section:
    """Tables of one source: ``evaluate(year)`` gives them for the report ``year``."""

    id: str
    title: str
    evaluate: Callable[[int], list[Result]]


_SECTIONS: dict[str, Section] = {}


def section_register(section: Section) -> None:
    """Add ``section`` to every report from the case store (again under the same id: replaced)."""
    _SECTIONS[section.id] = section


def sections() -> list[Section]:
    return list(_SECTIONS.values())


def sections_evaluate(year: int) -> list[Result]:
    """Every registered section's tables for ``year``, in the order they were registered."""
    return [result for section in _SECTIONS.values() for result in section.evaluate(year)]
