"""The case's copies of its referral's competent authority, nation and exploitation type, which
the work queue scopes and filters on, stay equal to the referral's whichever door writes."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nrm.accounts.models import Organisation, User
from nrm.cases.casework.services.edits import case_reallocate
from nrm.cases.models import Case, Referral
from nrm.cases.referrals.importers import ImportOptions, referrals_import
from nrm.db.bulk import rows_insert
from nrm.standard.codes import CompetentAuthority
from tests.cases.referrals.csvfiles import write_csv

from .conftest import case_of

pytestmark = pytest.mark.django_db


def copies(reference: str) -> tuple[str, str, str]:
    case = case_of(reference)
    return case.competent_authority, case.nation, case.exploitation_type


def originals(reference: str) -> tuple[str, str, str]:
    referral = Referral.objects.get(reference=reference)
    return referral.competent_authority, referral.nation, referral.exploitation_type


def test_a_submitted_referral_opens_a_case_with_the_copies(reference: str) -> None:
    assert copies(reference) == ("home_office", "england", "sexual")


def test_bulk_saved_referrals_open_cases_with_the_copies(
    make_cases: Callable[..., list[str]], valid_referral: dict[str, Any]
) -> None:
    references = make_cases(60, valid_referral, nation="wales", police_region="wales")
    assert {copies(ref) for ref in references} == {("home_office", "wales", "sexual")}


def test_a_reallocation_moves_the_copy_with_the_referral(manager: User, reference: str) -> None:
    case_reallocate(
        actor=manager,
        reference=reference,
        authority=CompetentAuthority.UKHTC,
        reason="No immigration interest",
        expected_version=1,
    )
    assert copies(reference) == originals(reference) == ("ukhtc", "england", "sexual")


def test_a_change_to_the_referral_made_elsewhere_is_followed(reference: str) -> None:
    Referral.objects.filter(reference=reference).update(
        competent_authority="single", nation="scotland", exploitation_type="labour"
    )
    assert copies(reference) == originals(reference) == ("single", "scotland", "labour")


def test_a_case_row_written_without_the_copies_gets_them_from_its_referral(
    reference: str,
) -> None:
    case = case_of(reference)
    row = {
        f.column: getattr(case, f.attname)
        for f in Case._meta.concrete_fields
        if f.column not in {"id", "competent_authority", "nation", "exploitation_type"}
    }
    Case.objects.filter(pk=case.pk).delete()
    rows_insert(Case, [row])  # as a writer that does not know them would
    assert copies(reference) == originals(reference) == ("home_office", "england", "sexual")


def test_imported_referrals_open_cases_with_the_copies(
    tmp_path: Path, organisation: Organisation, valid_referral: dict[str, Any]
) -> None:
    path = tmp_path / "referrals.csv"
    rows = [
        {**valid_referral, "nation": "scotland", "police_region": "scotland"},
        {**valid_referral, "exploitation_type": "labour", "exploitation_sub_types": []},
    ]
    write_csv(path, rows)
    result = referrals_import(ImportOptions(path=path, organisation_code=organisation.code))
    assert result.ok and result.saved == 2, result.errors_by_column
    found = {copies(r.reference): originals(r.reference) for r in Referral.objects.all()}
    assert all(copy == original for copy, original in found.items())
    assert set(found) == {
        ("home_office", "scotland", "sexual"),
        ("home_office", "england", "labour"),
    }
