"""Release-safe exports: k-anonymity and l-diversity by generalisation first, proved on the file.

k and l are computed here from the written CSV, independently of ``release`` and of
``release_check``; the adversarial data holds a person a naive export would single out.
"""

import csv
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from nrm.standard.ctdc_layout import COLUMNS, DECISION, MISSING
from nrm.statistics.release import QI_COLUMNS, release_rows
from nrm.statistics.release_check import file_check

QI = list(QI_COLUMNS)


def _row(**changes: str) -> dict[str, str]:
    row = dict.fromkeys(COLUMNS, "0")
    row.update(
        {
            "yearOfRegistration": "2013",
            "Datasource": "Case Management",
            "gender": "Female",
            "ageBroad": "24--26",
            "majorityStatus": "Adult",
            "majorityStatusAtExploit": "Adult",
            "majorityEntry": MISSING,
            "citizenship": "NG",
            "isSexualExploit": "1",
            "CountryOfExploitation": "GB",
            DECISION: "pending",
        }
    )
    row.update(changes)
    return row


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _k_and_l(path: Path, sensitive: str = DECISION) -> tuple[int, int]:
    """k and l of a CSV file, computed from scratch."""
    classes: dict[tuple[str, ...], list[str]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            classes[tuple(row[c] for c in QI)].append(row[sensitive])
    return min(map(len, classes.values())), min(len(set(v)) for v in classes.values())


def _crowd(n: int, **changes: str) -> list[dict[str, str]]:
    return [_row(**{DECISION: ("pending", "cg_positive")[i % 2]}, **changes) for i in range(n)]


def test_a_unique_person_a_naive_export_would_single_out_is_not_in_the_public_file(
    tmp_path: Path,
) -> None:
    unique = _row(
        gender="Male",
        ageBroad="9--17",
        majorityStatus="Minor",
        majorityStatusAtExploit="Minor",
        citizenship="VN",
        isSexualExploit="0",
        isForcedLabour="1",
    )
    rows = [*_crowd(40), unique]
    naive = _write(tmp_path / "naive.csv", rows)
    assert _k_and_l(naive)[0] == 1  # the naive file singles the boy out
    released = release_rows(rows, k=11, l_div=2)
    public = _write(tmp_path / "public.csv", released.rows)
    k, l_div = _k_and_l(public)
    assert k >= 11
    assert l_div >= 2
    leaked = [r for r in released.rows if r["citizenship"] == "VN" and r["gender"] == "Male"]
    assert leaked == []
    assert released.loss.suppressed == 1


def test_rare_countries_become_their_region_before_anyone_is_suppressed(tmp_path: Path) -> None:
    rows = _crowd(20)
    for country in ("GH", "SN", "CM", "KE"):  # three people each: every one rare
        rows += _crowd(3, citizenship=country)
    released = release_rows(rows, k=11, l_div=2)
    assert released.loss.suppressed == 0
    rare = "countries with fewer than 1k rows as their region"
    assert released.loss.levels["citizenship"] == rare
    assert released.loss.cells_generalised["citizenship"] == 12
    assert {r["citizenship"] for r in released.rows} == {"NG", "Africa"}
    assert _k_and_l(_write(tmp_path / "p.csv", released.rows))[0] >= 11


def test_a_class_whose_people_share_one_decision_does_not_disclose_it(tmp_path: Path) -> None:
    men = [_row(gender="Male", **{DECISION: "cg_negative"}) for _ in range(12)]
    naive = _write(tmp_path / "naive.csv", _crowd(22) + men)
    assert _k_and_l(naive) == (12, 1)  # k holds, yet every man's decision is known
    released = release_rows(_crowd(22) + men, k=11, l_div=2)
    k, l_div = _k_and_l(_write(tmp_path / "p.csv", released.rows))
    assert (k >= 11, l_div >= 2) == (True, True)
    assert released.loss.levels["gender"] == "withheld"  # generalised rather than suppressed
    assert released.loss.suppressed == 0
    without_diversity = release_rows(_crowd(22) + men, k=11, l_div=1)
    assert without_diversity.loss.levels["gender"] == "gender"


def test_the_loss_is_reported_per_quasi_identifier() -> None:
    rows = [*_crowd(30), *_crowd(4, ageBroad="27--29")]
    loss = release_rows(rows, k=11).loss
    assert loss.levels["age"] == "coarse age band"
    assert loss.cells_generalised["age"] == 34
    assert loss.levels["citizenship"] == "country"
    text = "\n".join(loss.lines())
    assert "rows: 34 in, 34 released, 0 suppressed" in text
    assert "age: coarse age band; 34 values generalised, 0 withheld in rows at risk" in text


def test_the_check_proves_k_and_l_of_a_file_and_names_its_smallest_class(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path / "f.csv", [*_crowd(12), _row(gender="Male")])
    checked = file_check(path)
    assert (checked.k, checked.l_div, checked.rows) == (1, 1, 13)
    assert checked.passes(k=1, l_div=1) and not checked.passes(k=11, l_div=None)
    assert "Male" in checked.smallest


@pytest.mark.django_db
def test_nrm_export_check_exits_non_zero_when_the_file_fails(tmp_path: Path, capsys: Any) -> None:
    from nrm.cli import main

    failing = _write(tmp_path / "failing.csv", [*_crowd(12), _row(gender="Male")])
    passing = _write(tmp_path / "passing.csv", _crowd(12))
    assert main(["export", "check", str(failing), "--k", "11", "--l", "2"]) == 1
    assert "k = 1 (required 11): too small" in capsys.readouterr().out
    assert main(["export", "check", str(passing), "--k", "11", "--l", "2"]) == 0
    assert capsys.readouterr().out.strip().endswith("PASS")


def test_values_are_withheld_in_the_rows_at_risk_before_any_row_is_suppressed(
    tmp_path: Path,
) -> None:
    scattered = ("FR", "US", "BR", "AU", "JP", "EG", "DE", "CA", "AR", "NZ", "IN")
    rows = _crowd(22) + [
        _row(citizenship=c, **{DECISION: ("pending", "cg_positive")[i % 2]})
        for i, c in enumerate(scattered)
    ]
    released = release_rows(rows, k=11, l_div=2)
    assert released.loss.suppressed == 0
    assert released.loss.cells_withheld["citizenship"] == 11
    assert {r["citizenship"] for r in released.rows} == {"NG", MISSING}
    assert _k_and_l(_write(tmp_path / "p.csv", released.rows))[0] >= 11
