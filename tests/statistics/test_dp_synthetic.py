"""Differentially private synthetic records in the CTDC layout (pac-synth), and their utility."""

from nrm.standard.ctdc_layout import COLUMNS, DECISION
from nrm.statistics.dp_synthetic import ATTRIBUTES, dp_synthetic_rows, utility
from tests.statistics.test_release import _row


def _real() -> list[dict[str, str]]:
    rows = []
    for i in range(800):
        rows.append(
            _row(
                yearOfRegistration=("2012", "2013")[i % 2],
                gender=("Female", "Male")[i % 3 == 0],
                citizenship=("NG", "VN", "AL")[i % 3],
                **{DECISION: ("pending", "cg_positive", "rg_negative")[i % 5 % 3]},
            )
        )
    return rows


def test_synthetic_rows_are_in_the_ctdc_layout_and_close_to_the_real_counts() -> None:
    real = _real()
    synthetic = dp_synthetic_rows(real, epsilon=4.0)
    assert synthetic and all(list(row) == list(COLUMNS) for row in synthetic)
    assert {row["Datasource"] for row in synthetic} == {"Synthetic"}
    measured = {u.attribute: u for u in utility(real, synthetic)}
    assert set(measured) == set(ATTRIBUTES)
    for attribute in ("yearOfRegistration", "gender", "citizenship", "exploitationType"):
        assert measured[attribute].distance < 0.25, measured[attribute].line()


def test_utility_is_zero_for_the_real_rows_and_grows_with_a_difference() -> None:
    real = _real()
    assert all(u.distance == 0 for u in utility(real, real))
    skewed = [{**row, "gender": "Female"} for row in real]
    gender = {u.attribute: u for u in utility(real, skewed)}["gender"]
    assert round(gender.distance, 3) == round(267 / 800, 3)
    assert gender.largest_difference in (267, -267)
