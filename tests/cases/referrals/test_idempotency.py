import json
import threading
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from nrm.cases.models import IdempotencyRecord, Referral
from nrm.cases.referrals.errors import IDEMPOTENCY_KEY_REUSED
from tests.conftest import uses_postgres


def submit(client: Client, body: dict[str, Any], key: str | None) -> Any:
    headers = {"Idempotency-Key": key} if key else {}
    return client.post(
        "/api/v1/referrals", json.dumps(body), content_type="application/json", headers=headers
    )


@pytest.mark.django_db
def test_a_retry_with_the_same_key_returns_the_original_result_and_creates_nothing(
    api: Client, valid_referral: dict[str, Any]
) -> None:
    first = submit(api, valid_referral, "key-1")
    retry = submit(api, valid_referral, "key-1")
    assert first.status_code == retry.status_code == 201
    assert retry.json() == first.json()
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert Referral.objects.count() == 1


@pytest.mark.django_db
def test_the_same_key_with_a_different_payload_is_refused(
    api: Client, valid_referral: dict[str, Any]
) -> None:
    submit(api, valid_referral, "key-2")
    other = submit(api, {**valid_referral, "family_name": "Different"}, "key-2")
    assert other.status_code == 422
    assert other.json()["errors"][0]["message"] == IDEMPOTENCY_KEY_REUSED
    assert Referral.objects.count() == 1


@pytest.mark.django_db
def test_a_rejected_request_stores_no_key_so_it_can_be_corrected(
    api: Client, valid_referral: dict[str, Any]
) -> None:
    assert submit(api, {**valid_referral, "nation": "nowhere"}, "key-3").status_code == 422
    assert IdempotencyRecord.objects.count() == 0
    assert submit(api, valid_referral, "key-3").status_code == 201


@pytest.mark.django_db
def test_without_a_key_every_request_creates_a_referral(
    api: Client, valid_referral: dict[str, Any]
) -> None:
    submit(api, valid_referral, None)
    submit(api, valid_referral, None)
    assert Referral.objects.count() == 2


@pytest.mark.django_db
def test_a_malformed_key_is_refused(api: Client, valid_referral: dict[str, Any]) -> None:
    assert submit(api, valid_referral, "x" * 300).status_code == 422
    assert Referral.objects.count() == 0


@pytest.mark.skipif(not uses_postgres(), reason="concurrent writers are measured on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_submissions_with_one_key_create_exactly_one_referral(
    token: str, valid_referral: dict[str, Any]
) -> None:
    barrier = threading.Barrier(50)
    statuses: list[int] = []
    references: set[str] = set()

    def worker() -> None:
        client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
        barrier.wait()
        try:
            response = submit(client, valid_referral, "concurrent-key")
            statuses.append(response.status_code)
            references.add(response.json()["reference"])
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [201] * 50
    assert len(references) == 1
    assert Referral.objects.count() == 1
