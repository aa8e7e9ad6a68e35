"""The justice API: record a prosecution (or record it again), list and read them, record
asset recovery; each caller sees what their role and authority allow, every read audited."""

import json
from typing import Any

import pytest
from django.test import Client

from nrm.accounts.roles import DefaultRole
from nrm.audit.models import AuditEvent, AuditVerb
from nrm.justice.errors import NOT_FOUND, NOT_YOUR_AUTHORITY, UNKNOWN_VICTIM
from nrm.justice.models import AssetRecovery, Charge, Defendant, Prosecution
from nrm.standard.justice_rules import WRONG_COURT

pytestmark = pytest.mark.django_db
URL = "/api/v1/justice/prosecutions"


def _post(client: Client, body: Any, url: str = URL) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def test_a_data_officer_records_a_prosecution_and_records_it_again_to_replace_it(
    cps_officer: Client, valid_prosecution: dict[str, Any]
) -> None:
    created = _post(cps_officer, valid_prosecution)
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["created"] is True
    assert (body["defendants"], body["charges"], body["victims"]) == (1, 2, 0)
    assert "Sample" not in created.content.decode()
    valid_prosecution["defendants"][0]["charges"][1].update(
        {"outcome": "acquitted", "outcome_on": "2012-02-10"}
    )
    valid_prosecution["defendants"].append(
        {
            "name": "Other Defendo",
            "charges": [{"offence": "aitoc2004_s4", "charged_on": "2011-07-01"}],
        }
    )
    replaced = _post(cps_officer, valid_prosecution)
    assert replaced.status_code == 200, replaced.content
    assert replaced.json()["id"] == body["id"] and replaced.json()["created"] is False
    assert Prosecution.objects.count() == 1
    assert Defendant.objects.count() == 2 and Charge.objects.count() == 3
    assert Charge.objects.filter(outcome="acquitted").count() == 1
    verbs = list(
        AuditEvent.objects.filter(verb__startswith="prosecution.").values_list("verb", flat=True)
    )
    assert verbs == [AuditVerb.PROSECUTION_RECORD, AuditVerb.PROSECUTION_UPDATE]
    for event in AuditEvent.objects.filter(verb__startswith="prosecution."):
        assert "Defendo" not in json.dumps(event.detail)


def test_another_authoritys_prosecution_is_refused_on_the_authority_field(
    pps_officer: Client, valid_prosecution: dict[str, Any]
) -> None:
    refused = _post(pps_officer, valid_prosecution)
    assert refused.status_code == 422
    [error] = refused.json()["errors"]
    assert error["field"] == "authority"
    assert error["message"] == NOT_YOUR_AUTHORITY.format(authority="Crown Prosecution Service")
    assert Prosecution.objects.count() == 0


def test_an_unknown_victim_reference_is_refused_on_its_field_and_nothing_is_saved(
    cps_officer: Client, valid_prosecution: dict[str, Any]
) -> None:
    valid_prosecution["victim_references"] = ["NRM-2012-999999"]
    refused = _post(cps_officer, valid_prosecution)
    assert refused.status_code == 422
    assert refused.json()["errors"] == [
        {
            "field": "victim_references[0]",
            "code": "unknown_reference",
            "value": None,
            "message": UNKNOWN_VICTIM.format(reference="NRM-2012-999999"),
        }
    ]
    assert Prosecution.objects.count() == 0 and Defendant.objects.count() == 0


def test_a_known_victim_is_linked_to_the_prosecution(
    cps_officer: Client,
    valid_prosecution: dict[str, Any],
    make_cases: Any,
    valid_referral: dict[str, Any],
    analyst: Client,
) -> None:
    [reference] = make_cases(1, valid_referral)
    valid_prosecution["victim_references"] = [reference]
    created = _post(cps_officer, valid_prosecution)
    assert created.status_code == 201 and created.json()["victims"] == 1
    detail = analyst.get(f"{URL}/{created.json()['id']}").json()
    assert detail["victim_references"] == [reference]


def test_the_rules_across_fields_answer_field_level_errors(
    cps_officer: Client, valid_prosecution: dict[str, Any]
) -> None:
    valid_prosecution["court_nation"] = "scotland"
    refused = _post(cps_officer, valid_prosecution)
    assert refused.status_code == 422
    errors = {e["field"]: e for e in refused.json()["errors"]}
    assert errors["court_nation"]["message"] == WRONG_COURT.format(
        authority="Crown Prosecution Service", nation="Scotland", allowed="England or Wales"
    )
    assert errors["defendants[0].charges[0].offence"]["code"] == "offence_not_in_nation"


def test_the_analyst_reads_every_prosecution_and_the_data_officer_their_authoritys_only(
    cps_officer: Client,
    pps_officer: Client,
    analyst: Client,
    api: Client,
    valid_prosecution: dict[str, Any],
) -> None:
    cps_id = _post(cps_officer, valid_prosecution).json()["id"]
    northern = {**valid_prosecution, "authority": "pps", "court_nation": "northern_ireland"}
    pps_id = _post(pps_officer, northern).json()["id"]
    listed = analyst.get(URL).json()
    assert {p["id"] for p in listed["results"]} == {cps_id, pps_id}
    assert listed["results"][0]["charges"] == 2
    assert {p["id"] for p in cps_officer.get(URL).json()["results"]} == {cps_id}
    assert cps_officer.get(f"{URL}/{cps_id}").status_code == 200
    hidden = cps_officer.get(f"{URL}/{pps_id}")
    assert hidden.status_code == 404 and hidden.json()["detail"] == NOT_FOUND
    detail = analyst.get(f"{URL}/{pps_id}").json()
    assert detail["defendants"][0]["charges"][0]["custody_months"] == 48
    # a first responder sees nothing
    assert api.get(URL).status_code == 403
    assert api.get(f"{URL}/{cps_id}").status_code == 403
    assert _post(api, valid_prosecution).status_code == 403
    # every read and listing audited; the refusals too
    assert AuditEvent.objects.filter(verb=AuditVerb.PROSECUTION_LIST).count() == 2
    reads = AuditEvent.objects.filter(verb=AuditVerb.PROSECUTION_READ)
    assert {(e.target_id) for e in reads} == {str(cps_id), str(pps_id)}
    assert AuditEvent.objects.filter(verb=AuditVerb.ACCESS_DENIED).count() == 4


def test_asset_recovery_is_recorded_in_pence_and_linked_to_its_prosecution(
    cps_officer: Client, valid_prosecution: dict[str, Any], valid_recovery: dict[str, Any]
) -> None:
    _post(cps_officer, valid_prosecution)
    body = {**valid_recovery, "case_reference": valid_prosecution["case_reference"]}
    created = _post(cps_officer, body, "/api/v1/justice/recoveries")
    assert created.status_code == 201, created.content
    assert created.json()["amount_pence"] == 12_345_678_901
    recovery = AssetRecovery.objects.get()
    assert recovery.amount_pence == 12_345_678_901 and recovery.prosecution is not None
    assert AuditEvent.objects.filter(verb=AuditVerb.RECOVERY_RECORD).count() == 1
    unknown = _post(cps_officer, {**body, "case_reference": "99ZZ"}, "/api/v1/justice/recoveries")
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "case_reference"
    wrong = _post(
        cps_officer,
        {**valid_recovery, "status": "paid", "kind": "cash_seizure"},
        "/api/v1/justice/recoveries",
    )
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["code"] == "wrong_status"
    assert AssetRecovery.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        (
            {"defendants": [{"name": "x" * 5000, "charges": []}]},
            "defendants[0].name",
            "string_too_long",
        ),
        ({"defendants": "everyone"}, "defendants", "list_type"),
        (
            {
                "defendants": [
                    {
                        "name": "A",
                        "charges": [
                            {"offence": "other", "charged_on": "2011-01-01", "fine_pence": "100"}
                        ],
                    }
                ]
            },
            "defendants[0].charges[0].fine_pence",
            "int_type",
        ),
        (
            {
                "defendants": [
                    {
                        "name": "A",
                        "charges": [
                            {"offence": "other", "charged_on": "2011-01-01", "custody_months": 1.5}
                        ],
                    }
                ]
            },
            "defendants[0].charges[0].custody_months",
            "int_type",
        ),
        ({"surprise": True}, "surprise", "unknown_field"),
        (
            {"defendants": [{"name": "A", "role": "boss", "charges": []}]},
            "defendants[0].role",
            "unknown_field",
        ),
        ({"victim_references": ["NRM-1"] * 201}, "victim_references", "too_long"),
        ({"case_reference": "01AB 1234"}, "case_reference", "string_pattern_mismatch"),
        (
            {
                "defendants": [
                    {"name": "A", "charges": [{"offence": "other", "charged_on": "2999-01-01"}]}
                ]
            },
            "defendants[0].charges[0].charged_on",
            "future_date",
        ),
    ],
)
def test_hostile_input_answers_field_level_errors_and_saves_nothing(
    cps_officer: Client,
    valid_prosecution: dict[str, Any],
    change: dict[str, Any],
    field: str,
    code: str,
) -> None:
    refused = _post(cps_officer, {**valid_prosecution, **change})
    assert refused.status_code == 422, refused.content
    errors = refused.json()["errors"]
    assert (field, code) in {(e["field"], e["code"]) for e in errors}, errors
    for error in errors:
        assert error["message"] and "_" not in error["message"].split(":")[0], error
    assert Prosecution.objects.count() == 0 and Defendant.objects.count() == 0


def test_a_body_that_is_not_a_json_object_is_refused(cps_officer: Client) -> None:
    for body in ("[1, 2]", "not json", '{"authority": "cps\\u0000"}'):
        refused = cps_officer.post(URL, body, content_type="application/json")
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["code"] in ("bad_json", "text_nul")
    assert Prosecution.objects.count() == 0


def test_a_data_officer_of_no_prosecuting_authority_sees_none_and_records_none(
    client_for: Any, organisation: Any, cps_officer: Client, valid_prosecution: dict[str, Any]
) -> None:
    cps_id = _post(cps_officer, valid_prosecution).json()["id"]
    stray = client_for("stray", organisation, DefaultRole.JUSTICE_DATA_OFFICER)
    assert stray.get(URL).json()["results"] == []
    assert stray.get(f"{URL}/{cps_id}").status_code == 404
    refused = _post(stray, {**valid_prosecution, "case_reference": "OTHER1"})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "authority"
    assert Prosecution.objects.count() == 1


def test_a_seizure_recorded_again_with_its_reference_has_its_status_brought_up_to_date(
    cps_officer: Client, pps_officer: Client, valid_recovery: dict[str, Any]
) -> None:
    url = "/api/v1/justice/recoveries"
    body = {**valid_recovery, "kind": "cash_seizure", "status": "in_court_process",
            "reference": "CS-2012-7"}  # fmt: skip
    first = _post(cps_officer, body, url)
    assert first.status_code == 201 and first.json()["reference"] == "CS-2012-7"
    again = _post(cps_officer, {**body, "status": "forfeited"}, url)
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert AssetRecovery.objects.get().status == "forfeited"
    update = AuditEvent.objects.get(verb=AuditVerb.RECOVERY_UPDATE)
    assert update.detail["old"]["status"] == "in_court_process"
    assert update.detail["new"]["status"] == "forfeited"
    # another authority's reference of the same letters is another seizure, and refused to a
    # data officer of another authority as not theirs to record
    refused = _post(pps_officer, body, url)
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "authority"
    # without a reference, each recording is a new seizure
    no_reference = {k: v for k, v in body.items() if k != "reference"}
    assert _post(cps_officer, no_reference, url).status_code == 201
    assert _post(cps_officer, no_reference, url).status_code == 201
    assert AssetRecovery.objects.count() == 3
