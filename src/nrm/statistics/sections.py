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
    """Tables of one source: ``evaluate(year)`` gives them for the report ``year``. ``after``
    names sections whose tables come before this one's in a report (the report's chapters)."""

    id: str
    title: str
    evaluate: Callable[[int], list[Result]]
    after: tuple[str, ...] = ()


_SECTIONS: dict[str, Section] = {}


def section_register(section: Section) -> None:
    """Add ``section`` to every report from the case store (again under the same id: replaced)."""
    _SECTIONS[section.id] = section


def sections() -> list[Section]:
    """The registered sections in report order: in the order they were registered, each after
    the registered sections its ``after`` names."""
    placed: list[Section] = []
    waiting = list(_SECTIONS.values())
    while waiting:
        ready = [s for s in waiting if all(a in {p.id for p in placed} or a not in _SECTIONS
                                           for a in s.after)]  # fmt: skip
        section = ready[0] if ready else waiting[0]  # a cycle: registration order
        placed.append(section)
        waiting.remove(section)
    return placed


def sections_evaluate(year: int) -> list[Result]:
    """Every registered section's tables for ``year``, in report order (``sections``)."""
    return [result for section in sections() for result in section.evaluate(year)]
