"""Reference numbers: per prefix, increasing, and robust to a sequence that went away."""

import pytest
from django.db import connection

from nrm.cases.referrals.references import _sequence_name, reference_format, references_reserve
from tests.app_role import owner_privileges

pytestmark = pytest.mark.django_db(transaction=True)


def test_references_of_one_prefix_increase_and_prefixes_count_apart() -> None:
    first = references_reserve(prefix="NRM-2031", count=3)
    later = references_reserve(prefix="NRM-2031", count=1)
    other = references_reserve(prefix="NRM-AN-2031", count=1)
    numbers = [int(ref.rsplit("-", 1)[1]) for ref in [*first, *later]]
    assert numbers == sorted(numbers) and len(set(numbers)) == 4
    assert first[0] == reference_format("NRM-2031", numbers[0])
    assert other[0].startswith("NRM-AN-2031-")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="sequences are PostgreSQL's")
def test_a_sequence_dropped_under_a_running_process_is_created_again() -> None:
    references_reserve(prefix="NRM-2032", count=2)
    with owner_privileges(), connection.cursor() as cursor:  # the owner's sequence
        cursor.execute(f"DROP SEQUENCE {connection.ops.quote_name(_sequence_name('NRM-2032'))}")
    assert references_reserve(prefix="NRM-2032", count=2) == ["NRM-2032-000001", "NRM-2032-000002"]
