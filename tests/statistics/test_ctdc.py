"""CTDC global-dataset files become extracts that the same specs count."""

from pathlib import Path

import pytest

from nrm.standard.ctdc import ctdc_age_group, ctdc_exploitation_type, ctdc_gender, missing
from nrm.statistics.columns import SCHEMA
from nrm.statistics.ctdc_extract import NOT_CTDC, CtdcFormatError, ctdc_table
from nrm.statistics.engine import backend_connect, referrals_table, spec_evaluate
from nrm.statistics.specs.model import Spec

SAMPLE = Path(__file__).with_name("data") / "ctdc_sample.csv"


def test_missing_values_are_empty_minus_99_or_a_dash() -> None:
    assert all(missing(v) for v in ("", "-99", "-", " -99 "))
    assert not missing("0")


def test_codes_map_to_the_data_standard() -> None:
    assert ctdc_gender("Female") == "female"
    assert ctdc_gender("-99") == "not_recorded"
    assert (
        ctdc_age_group({"majorityStatusAtExploit": "Minor", "majorityStatus": "Adult"}) == "minor"
    )
    assert ctdc_age_group({"majorityStatus": "-99", "ageBroad": "9--17"}) == "minor"
    assert ctdc_age_group({"ageBroad": "-99"}) is None
    assert ctdc_exploitation_type({"isForcedLabour": "1", "typeOfLabourDomesticWork": "1"}) == (
        "domestic_servitude"
    )
    assert ctdc_exploitation_type({"isSexualExploit": "0", "isForcedLabour": "-99"}) == (
        "not_recorded"
    )


def test_a_semicolon_file_converts_row_by_row() -> None:
    table = ctdc_table(SAMPLE)
    assert table.schema == SCHEMA
    rows = table.to_pylist()
    assert len(rows) == 7
    assert rows[0]["nationality"] == "Nigeria"
    assert rows[0]["exploitation_country"] == "ITA"
    assert rows[3]["age_group"] == "minor"
    assert rows[5]["nationality"] == "Unknown"
    assert rows[5]["exploitation_sub_types"] == "sham_or_forced_marriage"
    assert {r["source"] for r in rows} == {"ctdc"}


def test_a_comma_file_converts_the_same(tmp_path: Path) -> None:
    comma = tmp_path / "comma.csv"
    comma.write_text(SAMPLE.read_text().replace(";", ","), encoding="utf-8")

    def meaning(path: Path) -> list[tuple[object, ...]]:
        return [
            tuple(v for k, v in r.items() if k != "pseudonym") for r in ctdc_table(path).to_pylist()
        ]

    assert meaning(comma) == meaning(SAMPLE)


def test_a_file_without_the_ctdc_columns_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("year,gender\n2015,Female\n", encoding="utf-8")
    with pytest.raises(CtdcFormatError) as raised:
        ctdc_table(other)
    assert str(raised.value) == NOT_CTDC.format(name="other.csv", column="yearOfRegistration")


def test_the_same_specs_count_ctdc_rows_by_citizenship_and_year() -> None:
    con = backend_connect()
    table = referrals_table(con, ctdc_table(SAMPLE))
    spec = Spec(id="x", number="Table X", title="By citizenship", rows=("nationality",),
                columns=("referral_year",), years=(-1, 0), total_row=True)  # fmt: skip
    result = spec_evaluate(spec, table, year=2016)
    assert result.count(("Nigeria",), (2015,)) == 2
    assert result.count(("Nigeria",), (2016,)) == 1
    assert result.total() is not None and result.total().counts == [3, 4]  # type: ignore[union-attr]
