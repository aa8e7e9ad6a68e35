"""The statistics' cache is shared by every server worker: a year computed by one is served to
another from the shared cache (here, a fresh process memo and a new cache client, as a second
gunicorn worker has); a write to the case store changes the fingerprint and the next read
computes afresh. What is cached holds the extract's whitelisted columns, never a name."""

import io
from collections.abc import Callable
from typing import Any

import pyarrow.parquet as pq
import pytest
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache

from nrm.accounts.models import Organisation, User
from nrm.accounts.roles import DefaultRole
from nrm.cases.referrals.services import referral_submit
from nrm.config.settings.base import statistics_cache
from nrm.statistics import cache, selectors
from nrm.statistics.cache import CACHE_ALIAS, cache_key, memo_clear
from nrm.statistics.columns import COLUMNS
from nrm.statistics.selectors import statistics_cache_clear, store_fingerprint, year_statistics_get

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every year computed, by year."""
    computed: list[int] = []
    compute = selectors._compute

    def counting(referrals: Any, year: int) -> selectors.YearStatistics:
        computed.append(year)
        return compute(referrals, year)

    monkeypatch.setattr(selectors, "_compute", counting)
    statistics_cache_clear()
    return computed


@pytest.fixture
def setting_up(
    make_user: Callable[..., User], organisation: Organisation, valid_referral: dict[str, Any]
) -> tuple[User, Callable[[], str]]:
    officer = make_user("officer", organisation)
    analyst = make_user("analyst", None, DefaultRole.ANALYST)

    def submit() -> str:
        made = referral_submit(actor=officer, data=valid_referral, organisation=organisation)
        return made.reference

    submit()
    return analyst, submit


def _another_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a second server process starts with: no memo and its own cache client."""
    memo_clear()
    client = caches.create_connection(CACHE_ALIAS)
    monkeypatch.setattr(cache, "shared_cache", lambda: client)


def test_the_cache_is_shared_in_the_case_store_by_default() -> None:
    assert isinstance(caches[CACHE_ALIAS], DatabaseCache)


def test_two_workers_see_one_computation_and_a_write_makes_the_next_read_recompute(
    counted: list[int],
    setting_up: tuple[User, Callable[[], str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    analyst, submit = setting_up
    first = year_statistics_get(actor=analyst, year=2012)
    assert counted == [2012]
    _another_worker(monkeypatch)
    second = year_statistics_get(actor=analyst, year=2012)
    assert counted == [2012]  # served from the shared cache, not computed again
    assert second.table("t01").rows == first.table("t01").rows

    before = store_fingerprint()
    submit()
    assert store_fingerprint() != before
    _another_worker(monkeypatch)
    third = year_statistics_get(actor=analyst, year=2012)
    assert counted == [2012, 2012]
    assert third.table("t01").rows != first.table("t01").rows  # the new referral is counted


def test_the_cached_extract_holds_only_the_whitelisted_columns(
    setting_up: tuple[User, Callable[[], str]], valid_referral: dict[str, Any]
) -> None:
    analyst, _submit = setting_up
    statistics_cache_clear()
    year_statistics_get(actor=analyst, year=2012)
    stored = caches[CACHE_ALIAS].get(cache_key("extract", store_fingerprint()))
    assert isinstance(stored, bytes)
    assert set(pq.read_table(io.BytesIO(stored)).schema.names) <= set(COLUMNS)
    for value in (valid_referral["family_name"], valid_referral["given_name"], "PC Example"):
        assert value.encode() not in stored


def test_the_cache_can_be_files_under_the_data_folder_or_each_process_its_own() -> None:
    assert statistics_cache("file", 60)["BACKEND"].endswith("FileBasedCache")
    assert str(statistics_cache("file", 60)["LOCATION"]).endswith("cache/statistics")
    assert statistics_cache("memory", 60)["BACKEND"].endswith("LocMemCache")
    with pytest.raises(ValueError, match="NRM_STATISTICS_CACHE"):
        statistics_cache("redis", 60)
