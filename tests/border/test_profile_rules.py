"""A profile's conditions, one rule in two forms: evaluated on one record in Python and
compiled to one Ibis predicate run on DuckDB over a batch, they agree on every record."""

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from nrm.border.profile_conditions import Condition
from nrm.border.profile_rules import profile_matches
from nrm.border.screening_batch import records_table, screen_table
from nrm.standard import border_codes as bc

# Small alphabets, so that random records often meet random conditions.
# Nationalities are countries' codes; airports any 3 letters.
CODES: dict[bc.ScreenField, list[str]] = {
    f: list(bc.FIELD_CODES[f].values) if f in bc.FIELD_CODES else ["ALB", "VNM", "NGA", "LHR"]
    for f, kind in bc.FIELD_KINDS.items()
    if kind is bc.FieldKind.CODE
}
CODES[bc.ScreenField.NATIONALITY] = ["ALB", "VNM", "NGA", "GBR"]


@st.composite
def conditions(draw: Any) -> list[Condition]:
    fields = draw(st.lists(st.sampled_from(list(bc.ScreenField)), min_size=1, max_size=5,
                           unique=True))  # fmt: skip
    made = []
    for field in fields:
        kind = bc.FIELD_KINDS[field]
        if kind is bc.FieldKind.CODE:
            operator = draw(st.sampled_from([bc.Operator.IN, bc.Operator.NOT_IN]))
            values: list[Any] = draw(
                st.lists(st.sampled_from(CODES[field]), min_size=1, max_size=3, unique=True)
            )
        elif kind is bc.FieldKind.NUMBER:
            operator = bc.Operator.BETWEEN
            low, high = sorted(draw(st.lists(st.integers(0, 40), min_size=2, max_size=2)))
            values = [low, high]
        else:
            operator, values = bc.Operator.EQUALS, [draw(st.booleans())]
        made.append(Condition(field=field, operator=operator, values=values))
    return made


def _value(field: bc.ScreenField) -> st.SearchStrategy[Any]:
    kind = bc.FIELD_KINDS[field]
    if kind is bc.FieldKind.CODE:
        given_value: st.SearchStrategy[Any] = st.sampled_from(CODES[field])
    elif kind is bc.FieldKind.NUMBER:
        given_value = st.integers(0, 45)
    else:
        given_value = st.booleans()
    return st.none() | given_value


records = st.fixed_dictionaries({str(f): _value(f) for f in bc.ScreenField})


@settings(max_examples=60)
@given(
    profiles=st.lists(conditions(), min_size=1, max_size=4),
    batch=st.lists(records, min_size=1, max_size=25),
)
def test_one_record_and_a_batch_are_screened_alike(
    profiles: list[list[Condition]], batch: list[dict[str, Any]]
) -> None:
    keyed = list(enumerate(profiles, start=1))
    one_by_one = [
        (row, key)
        for row, record in enumerate(batch)
        for key, profile in keyed
        if profile_matches(profile, record)
    ]
    assert screen_table(records_table(batch), keyed) == one_by_one


def test_a_condition_on_a_value_not_given_never_holds_even_not_in() -> None:
    not_albanian = Condition(field=bc.ScreenField.NATIONALITY, operator=bc.Operator.NOT_IN,
                             values=["ALB"])  # fmt: skip
    assert not profile_matches([not_albanian], {"nationality": None})
    assert profile_matches([not_albanian], {"nationality": "VNM"})
    assert screen_table(records_table([{}, {"nationality": "VNM"}]), [(7, [not_albanian])]) == [
        (1, 7)
    ]
