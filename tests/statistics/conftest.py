from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ibis
import pyarrow as pa
import pytest
from django.db import transaction

from nrm.statistics.engine import backend_connect, referrals_table


class _Rollback(Exception):
    pass


@pytest.fixture(scope="session")
def demo_extract(django_db_setup: Any, django_db_blocker: Any) -> pa.Table:
    """The extract of the demo case store, built once: loaded, extracted, rolled back."""
    from nrm.accounts.services import organisations_seed
    from nrm.demo.build import demo_referrals_load
    from nrm.statistics.extract import extract_table

    found: list[pa.Table] = []
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                organisations_seed()
                demo_referrals_load()
                found.append(extract_table())
                raise _Rollback
        except _Rollback:
            pass
    return found[0]


@pytest.fixture(scope="session")
def demo_parquet(demo_extract: pa.Table, tmp_path_factory: pytest.TempPathFactory) -> Path:
    import pyarrow.parquet as pq

    path = tmp_path_factory.mktemp("extract") / "demo.parquet"
    pq.write_table(demo_extract, path)
    return path


@pytest.fixture(scope="session")
def demo_referrals(demo_parquet: Path) -> Iterator[ibis.Table]:
    con = backend_connect()
    yield referrals_table(con, demo_parquet)
    con.disconnect()
