"""The reference files read, and their labels mapped to the data standard's codes."""

from pathlib import Path

import pytest

from nrm.standard.codes import ExploitationType, Nation
from nrm.statistics.published.figures import (
    REFERENCE_DIR,
    country_key,
    figures_load,
    label_code,
)


def test_the_reference_files_are_the_packages_own_with_their_readme() -> None:
    assert REFERENCE_DIR.parent.name == "published"
    assert (REFERENCE_DIR / "README.md").is_file()
    assert len(list(REFERENCE_DIR.glob("*.csv"))) == 32


def test_a_file_is_read_as_rows_of_text_and_a_missing_one_as_none(tmp_path: Path) -> None:
    rows = figures_load("t04_reasonable_grounds_2012.csv")
    assert rows[0] == {"decision": "Positive", "referrals_2012": "817"}
    assert figures_load("t04_reasonable_grounds_2012.csv", tmp_path) == []


def test_labels_are_mapped_to_codes_and_an_unknown_one_is_refused() -> None:
    assert label_code(Nation, "Northern Ireland") == "northern_ireland"
    assert label_code(ExploitationType, "Labour exploitation") == "labour"
    assert country_key("Czech Republic") == "Czech Republic"
    assert country_key("UK") == "UK"
    with pytest.raises(LookupError):
        label_code(Nation, "Atlantis")
    with pytest.raises(LookupError):
        country_key("Atlantis")
