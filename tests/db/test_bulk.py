import json
from datetime import UTC, date, datetime

import pytest
from django.db import connection

from nrm.db.bulk import RowEncoder


def test_copy_text_escapes_backslashes_tabs_and_line_breaks_inside_values() -> None:
    line = RowEncoder("postgresql").copy_line(["a\tb", "line one\nline two\r", "C:\\path"])
    assert line == "a\\tb\tline one\\nline two\\r\tC:\\\\path\n"


@pytest.mark.parametrize(
    ("value", "encoded"),
    [("a\\b", "a\\\\b"), ("a\tb", "a\\tb"), ("a\nb", "a\\nb"), ("a\rb", "a\\rb"), ("a b", "a b")],
)
def test_copy_text_escapes_each_special_character_even_when_it_is_the_only_one(
    value: str, encoded: str
) -> None:
    assert RowEncoder("postgresql").copy_fields(["x", value, "y"]) == f"x\t{encoded}\ty"


def test_copy_text_writes_nulls_booleans_numbers_dates_and_json_as_postgresql_reads_them() -> None:
    encoder = RowEncoder("postgresql")
    fields = encoder.copy_fields([None, True, False, 7, date(2012, 5, 14), [], ["a\\b"], "ok"])
    assert fields.split("\t") == ["\\N", "t", "f", "7", "2012-05-14", "[]", '["a\\\\\\\\b"]', "ok"]


def test_copy_text_gives_a_datetime_as_the_database_backend_adapts_it() -> None:
    now = datetime(2026, 11, 23, 15, 0, 1, 5, tzinfo=UTC)
    adapted = str(connection.ops.adapt_datetimefield_value(now))
    assert RowEncoder("postgresql").copy_fields([now]) == adapted


def test_parameters_for_other_databases_are_adapted_like_single_inserts() -> None:
    now = datetime(2026, 11, 23, 15, 0, 1, tzinfo=UTC)
    params = RowEncoder("sqlite").params([1, None, True, date(2012, 5, 14), now, ["x"], "t\tx"])
    assert params == (
        1,
        None,
        True,
        connection.ops.adapt_datefield_value(date(2012, 5, 14)),
        connection.ops.adapt_datetimefield_value(now),
        json.dumps(["x"]),
        "t\tx",
    )
