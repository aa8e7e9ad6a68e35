"""One rule in two forms: a profile's conditions evaluated on one record (plain Python, for the
online check) and compiled to one vectorised Ibis predicate (DuckDB, the statistics engine's
backend, for batch screening). The two agree exactly, missing values included (a property
test says so): a condition on a field the record does not give never holds, whatever its
operator, so a profile matches only on what a record says."""

from collections.abc import Mapping, Sequence
from typing import Any

import ibis
import ibis.expr.types as ir

from nrm.border.profile_conditions import Condition
from nrm.standard import border_codes as bc


def condition_holds(condition: Condition, value: Any) -> bool:
    """Whether ``condition`` holds for a record whose field has ``value`` (None: not given)."""
    if value is None:
        return False
    values = condition.values
    if condition.operator == bc.Operator.IN:
        return value in values
    if condition.operator == bc.Operator.NOT_IN:
        return value not in values
    if condition.operator == bc.Operator.BETWEEN:
        return bool(values[0] <= value <= values[1])
    return isinstance(value, bool) and value == values[0]


def profile_matches(conditions: Sequence[Condition], record: Mapping[str, Any]) -> bool:
    """Whether every condition holds for ``record`` (field code → value)."""
    return all(condition_holds(c, record.get(str(c.field))) for c in conditions)


def _condition_predicate(condition: Condition, table: ir.Table) -> ir.BooleanValue:
    column = table[str(condition.field)]
    given = column.notnull()
    values = condition.values
    if condition.operator == bc.Operator.IN:
        return given & column.isin(values)
    if condition.operator == bc.Operator.NOT_IN:
        return given & ~column.isin(values)
    if condition.operator == bc.Operator.BETWEEN:
        return given & column.between(values[0], values[1])
    return given & (column == ibis.literal(bool(values[0])))


def profile_predicate(conditions: Sequence[Condition], table: ir.Table) -> ir.BooleanValue:
    """One boolean expression over ``table`` (a column per field) that is true exactly where
    ``profile_matches`` is; never null."""
    predicates = [_condition_predicate(c, table) for c in conditions]
    return ibis.and_(*predicates).fill_null(False)
