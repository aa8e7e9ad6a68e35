"""Declared tables. Each is a ``Spec``; ``ALL`` lists them in report order.

Adding a table is adding a spec here: the engine, the renderers, disclosure control and the
report need no change.
"""

from nrm.statistics.specs.chapter1 import CHAPTER_1
from nrm.statistics.specs.chapter3 import CHAPTER_3
from nrm.statistics.specs.model import Spec

ALL: tuple[Spec, ...] = (*CHAPTER_1, *CHAPTER_3)
BY_ID: dict[str, Spec] = {spec.id: spec for spec in ALL}

__all__ = ["ALL", "BY_ID", "Spec"]
